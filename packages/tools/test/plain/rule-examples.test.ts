// Every rule's examples are its tests, like ESLint's RuleTester: each `flag` text gives that rule's findings
// with the listed words (and details), each `pass` text none from that rule. The labelled passive set runs
// through the same harness in passive.test.ts.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/plain/config.ts';
import { RULES } from '../../src/plain/index.ts';
import { languageOf } from '../../src/plain/rules/context.ts';
import { appliesToLocale, hasScope } from '../../src/plain/rules/index.ts';
import type { RuleExample } from '../../src/plain/rules/rule.ts';
import { exampleFindings } from './examples.ts';

const label = (example: RuleExample): string =>
  `«${example.text}» (${[example.locale ?? 'nb', example.variant, example.role, example.note].filter(Boolean).join(', ')})`;

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it('has texts it must flag and texts it must leave alone', () => {
    expect(rule.examples.flag.length).toBeGreaterThan(0);
    expect(rule.examples.pass.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.flag.map((example) => [label(example), example] as const))('flags %s', (_label, example) => {
    const findings = exampleFindings(rule.id, example);
    expect(findings.map((f) => f.words.join(' '))).toEqual(example.found);
    example.details?.forEach((details, i) => expect(findings[i], `finding ${i + 1}`).toMatchObject(details));
    // What it found lies inside what the rule says it applies to.
    const config = resolveConfig(example.config);
    for (const finding of findings) {
      expect(rule.meta.appliesTo.variants).toContain(finding.variant);
      expect(appliesToLocale(rule, finding.locale, config), languageOf(finding.locale)).toBe(true);
      if (rule.meta.appliesTo.roles && !hasScope(rule, 'step'))
        expect(rule.meta.appliesTo.roles).toContain(example.role ?? 'other');
    }
  });

  it.each(rule.examples.pass.map((example) => [label(example), example] as const))(
    'leaves %s alone',
    (_label, example) => {
      expect(exampleFindings(rule.id, example).map((f) => f.words.join(' '))).toEqual([]);
    },
  );
});

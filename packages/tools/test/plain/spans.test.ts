// Where the words are (RuleFinding.span): every rule that knows it sets it, and the span covers the words it
// reports, so an editor can underline them. Checked on each rule's own flag examples.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/plain/config.ts';
import { RULES } from '../../src/plain/index.ts';
import { languageOf, norwegianOf, type TextItem } from '../../src/plain/rules/context.ts';
import { hasScope, type Rule } from '../../src/plain/rules/index.ts';
import type { RuleFinding } from '../../src/plain/rules/rule.ts';
import { segment } from '../../src/plain/segment.ts';

/** The rules that report words in a text; score and comparison rules have no place to point at. */
const WITH_SPANS = [
  'shouting',
  'repeated-word',
  'passive',
  'nominalisation',
  'negation',
  'late-verb',
  'sentence-difficulty',
  'stiff-word',
  'abbreviation',
  'bokmal-in-nynorsk',
  'term-consistency',
];

function findingsOf(rule: Rule, text: string, locale: string): RuleFinding[] {
  const config = resolveConfig({});
  const segmented = segment(text, locale);
  const item: TextItem = { key: 'text', locale, variant: 'standard', text, ownPlain: false, role: 'other', file: 'x' };
  const base = { config, language: languageOf(locale), item, segmented, norwegian: norwegianOf(locale, config) };
  if (hasScope(rule, 'sentence'))
    return segmented.sentences.flatMap((sentence) => rule.check({ scope: 'sentence', ...base, sentence }));
  return rule.check({ scope: 'text', ...base });
}

describe('finding spans', () => {
  const rules = RULES.filter((rule) => WITH_SPANS.includes(rule.id));
  it('covers the rules that report words', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...WITH_SPANS].sort());
  });

  for (const rule of rules) {
    it(`${rule.id}: each finding says where its words are`, () => {
      for (const example of rule.examples.flag) {
        if (example.source !== undefined || example.standard !== undefined || example.config !== undefined) continue;
        const text = example.text;
        const findings = findingsOf(rule, text, example.locale ?? 'nb');
        expect(findings.length, text).toBeGreaterThan(0);
        for (const finding of findings) {
          const span = finding.span;
          expect(span, `${rule.id}: ${text}`).toBeDefined();
          expect(span!.start).toBeGreaterThanOrEqual(0);
          expect(span!.end).toBeLessThanOrEqual(text.length);
          expect(span!.start).toBeLessThan(span!.end);
          const covered = text.slice(span!.start, span!.end).replace(/\.$/, ''); // «jf.» is reported as «jf»
          const words = finding.words.join(' ').split(/\s+/).filter(Boolean);
          if (words.length === 0) continue;
          expect(covered.startsWith(words[0]!.replace(/\.$/, '')), `${covered} ⊇ ${words.join(' ')}`).toBe(true);
          expect(covered.endsWith(words[words.length - 1]!.replace(/\.$/, '')), `${covered} ⊇ ${words.join(' ')}`).toBe(
            true,
          );
        }
      }
    });
  }
});

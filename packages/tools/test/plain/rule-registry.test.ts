// The registry holds the rules, and everything else follows it: one module per rule, its messages in both
// lint.json files (and no message without a rule), its section in docs/plain-language.md, the rule ids the
// config knows.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../src/node/paths.ts';
import { loadConfig } from '../../src/plain/node.ts';
import { DEFAULT_SEVERITIES, RULE_IDS, RULES } from '../../src/plain/index.ts';

const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(packageRoot, file), 'utf8'));

/** The keys of the string leaves of a JSON object: { a: { b: 'x' } } → ['a.b']. */
function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation out, spaces as hyphens. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

describe('the rule registry', () => {
  it('lists each rule once, each in its own module rules/<id>.ts', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(RULE_IDS).toHaveLength(22);
    for (const id of RULE_IDS)
      expect(existsSync(resolve(packageRoot, `packages/tools/src/plain/rules/${id}.ts`)), id).toBe(true);
    expect(DEFAULT_SEVERITIES.passive).toBe('warning');
    expect(DEFAULT_SEVERITIES['lix-step']).toBe('error');
  });

  for (const lang of ['nb', 'en']) {
    it(`finds every message of every rule in locales/${lang}/lint.json, and no rule text without a rule`, () => {
      const keys = leafKeys(readJson(`locales/${lang}/lint.json`));
      const used = RULES.flatMap((rule) => [rule.meta.name, ...Object.values<string>(rule.meta.messages)]);
      for (const key of used) expect(keys, key).toContain(key);
      expect(keys.filter((key) => key.startsWith('rules.') && !used.includes(key))).toEqual([]);
      // A rule's keys are its own.
      for (const rule of RULES)
        for (const key of [rule.meta.name, ...Object.values<string>(rule.meta.messages)])
          expect(key.startsWith(`rules.${rule.id}.`), key).toBe(true);
    });
  }

  it('links every rule to its section in docs/plain-language.md', () => {
    const docs = readFileSync(resolve(packageRoot, 'docs/plain-language.md'), 'utf8');
    const anchors = [...docs.matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1]!));
    for (const rule of RULES) {
      const [file, anchor] = rule.meta.docs.url.split('#');
      expect(file).toBe('docs/plain-language.md');
      expect(anchors, `${rule.id}: #${anchor}`).toContain(anchor);
      expect(anchor).toBe(rule.id);
      expect(rule.meta.docs.description).toMatch(/^[A-Z][^\n]+\.$/);
    }
  });

  it('names the registry’s rules in plain-language.config.json, and the config refuses others', () => {
    const file = readJson('plain-language.config.json') as { rules: { $comment: string } };
    const listed = /Rules \([^)]*\): ([^.]+)\./.exec(file.rules.$comment)?.[1]?.split(', ');
    expect(listed).toEqual(RULE_IDS);
    const dir = mkdtempSync(join(tmpdir(), 'klarskjema-config-'));
    try {
      const config = (rules: Record<string, string>): string => {
        const path = join(dir, 'plain-language.config.json');
        writeFileSync(path, JSON.stringify({ rules }));
        return path;
      };
      expect(loadConfig(config({ passive: 'off', 'lix-step': 'warning' })).rules).toEqual({
        passive: 'off',
        'lix-step': 'warning',
      });
      expect(() => loadConfig(config({ pasive: 'off' }))).toThrow(/pasive/);
      expect(() => loadConfig(config({ passive: 'fatal' }))).toThrow(/fatal/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

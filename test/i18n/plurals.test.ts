// Plural texts in Lithuanian and Persian as the widget reads them (src/i18n/translator.ts with
// Intl.PluralRules): Lithuanian has four categories (one: 1, 21, 31; few: 2–9, 22–29; many: fractions;
// other: 0 and 10–20), Persian two (one: 0 and 1; other). Decision 0034.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTexts, directionOf, textsFor } from '../../src/browser/i18n.ts';
import type { TextResource } from '../../src/i18n/translator.ts';
import { localesDir } from '../../src/node/paths.ts';

const widget = (locale: string): TextResource =>
  JSON.parse(readFileSync(join(localesDir, locale, 'widget.json'), 'utf8')) as TextResource;

async function textsIn(locale: string) {
  const i18n = await createTexts('widget', locale, {
    nb: { widget: widget('nb') },
    [locale]: { widget: widget(locale) },
  });
  return { standard: textsFor(i18n, 'standard'), plain: textsFor(i18n, 'plain') };
}

describe('Lithuanian plurals', () => {
  it('Intl.PluralRules gives one, few, many and other for 1, 2, 5, 11, 21 and 1.5', () => {
    const rules = new Intl.PluralRules('lt');
    expect([1, 2, 5, 11, 21, 1.5].map((n) => rules.select(n))).toEqual(['one', 'few', 'few', 'other', 'one', 'many']);
  });

  it('the characters left, the days a draft is kept and the seconds to a new try take the right form', async () => {
    const { standard, plain } = await textsIn('lt');
    const left = (count: number) => standard.t('widget:characters.left', { count });
    expect(left(1)).toBe('Jums liko 1 ženklas');
    expect(left(2)).toBe('Jums liko 2 ženklai');
    expect(left(5)).toBe('Jums liko 5 ženklai');
    expect(left(11)).toBe('Jums liko 11 ženklų');
    expect(left(21)).toBe('Jums liko 21 ženklas');
    expect(left(1.5)).toBe('Jums liko 1.5 ženklo');
    expect(standard.t('widget:characters.over', { count: 11 })).toBe('Parašėte 11 ženklų per daug');
    expect(standard.t('widget:characters.over', { count: 2 })).toBe('Parašėte 2 ženklais per daug');
    expect(standard.t('widget:drafts.rememberHint', { count: 1 })).toMatch(/^Juos ištrinsime po 1 dienos\./);
    expect(standard.t('widget:drafts.rememberHint', { count: 30 })).toMatch(/^Juos ištrinsime po 30 dienų\./);
    expect(plain.t('widget:submit.retrying', { count: 21 })).toMatch(/po 21 sekundės\.$/);
    expect(plain.t('widget:submit.retrying', { count: 5 })).toMatch(/po 5 sekundžių\.$/);
    // Every text in Lithuanian, none of them left to Norwegian.
    for (const count of [1, 2, 5, 11, 21, 1.5])
      expect(standard.resolve('widget:characters.left', { count }).lng).toBe('lt');
  });

  it('every Lithuanian plural text has all four forms, and every Persian one both', () => {
    const plurals = (tree: unknown, path = ''): string[] =>
      typeof tree === 'object' && tree !== null
        ? Object.entries(tree).flatMap(([key, value]) => plurals(value, path ? `${path}.${key}` : key))
        : [path];
    const suffixes = (locale: string) => {
      const bases = new Map<string, Set<string>>();
      for (const key of plurals(widget(locale))) {
        const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
        if (match) (bases.get(match[1]!) ?? bases.set(match[1]!, new Set()).get(match[1]!)!).add(match[2]!);
      }
      return bases;
    };
    const lt = suffixes('lt');
    expect(lt.size).toBeGreaterThanOrEqual(6);
    for (const [base, forms] of lt) expect([...forms].sort(), base).toEqual(['few', 'many', 'one', 'other']);
    for (const [base, forms] of suffixes('fa')) expect([...forms].sort(), base).toEqual(['one', 'other']);
  });
});

describe('Persian', () => {
  it('is written right to left, with one form for 0 and 1 and another for more', async () => {
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('lt')).toBe('ltr');
    const rules = new Intl.PluralRules('fa');
    expect([0, 1, 2, 11].map((n) => rules.select(n))).toEqual(['one', 'one', 'other', 'other']);
    const { standard } = await textsIn('fa');
    expect(standard.resolve('widget:characters.left', { count: 5 })).toEqual({
      text: '5 حرف دیگر می\u200cتوانید بنویسید',
      lng: 'fa',
    });
  });
});

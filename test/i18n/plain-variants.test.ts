// Plain variants as the widget reads them (src/browser/i18n.ts: i18next context `plain`). The order a text
// is looked up in, for locale L and the plain variant: L plain, then L standard, then nb plain, then nb
// standard. So a user who reads Polish never gets Norwegian plain text where Polish standard text exists.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTexts, textsFor } from '../../src/browser/i18n.ts';
import { localesDir } from '../../src/node/paths.ts';
import { loadTexts } from '../../packages/tools/src/plain/node.ts';
import { resolveVariants, type TextResource } from '../../packages/tools/src/plain/texts.ts';

const FORMS = ['kontakt', 'stotte', 'aktivitet', 'sosialhjelp'];

describe('the plain variant falls back within the same language first', () => {
  const resources = {
    nb: {
      skjema: {
        a: 'nb standard',
        a_plain: 'nb enkel',
        b: 'nb standard b',
        b_plain: 'nb enkel b',
        c: 'nb standard c',
        c_plain: 'nb enkel c',
      },
    },
    pl: { skjema: { a: 'pl standard', b: 'pl standard b', b_plain: 'pl prosty b' } },
  };

  it('L plain, then L standard, then nb plain, then nb standard', async () => {
    const i18n = await createTexts('skjema', 'pl', resources);
    const plain = textsFor(i18n, 'plain');
    expect(plain.resolve('a')).toEqual({ text: 'pl standard', lng: 'pl' });
    expect(plain.resolve('b')).toEqual({ text: 'pl prosty b', lng: 'pl' });
    // Missing in Polish altogether: the Norwegian text of the same variant, marked as Norwegian.
    expect(plain.resolve('c')).toEqual({ text: 'nb enkel c', lng: 'nb' });
    const standard = textsFor(i18n, 'standard');
    expect(standard.t('b')).toBe('pl standard b');
    expect(standard.resolve('c')).toEqual({ text: 'nb standard c', lng: 'nb' });
    // The Norwegian original beside a translation follows the variant too.
    expect(plain.source('a')).toBe('nb enkel');
  });

  it('shows nb plain text, marked as nb, only where the user asked for it and L has no plain text (decision 0030)', async () => {
    const i18n = await createTexts('skjema', 'pl', {
      ...resources,
      nb: { skjema: { ...resources.nb.skjema, d: 'nb standard d' } },
      pl: { skjema: { ...resources.pl.skjema, d: 'pl standard d' } },
    });
    const seen: string[] = [];
    const fromNb = textsFor(i18n, 'plain', { plainFrom: 'nb', seen: (keys) => seen.push(String(keys)) });
    expect(fromNb.resolve('a')).toEqual({ text: 'nb enkel', lng: 'nb' });
    expect(fromNb.resolve('b')).toEqual({ text: 'pl prosty b', lng: 'pl' });
    // nb has no plain text of d either: the Polish text stays.
    expect(fromNb.resolve('d')).toEqual({ text: 'pl standard d', lng: 'pl' });
    expect(fromNb.t('a')).toBe('nb enkel');
    expect(seen).toEqual(['a', 'b', 'd', 'a']);
    // Standard, or plain without the user's word: never nb plain text over a Polish text.
    expect(textsFor(i18n, 'standard', { plainFrom: 'nb' }).resolve('a')).toEqual({ text: 'pl standard', lng: 'pl' });
    expect(textsFor(i18n, 'plain').resolve('a')).toEqual({ text: 'pl standard', lng: 'pl' });
  });

  it('holds for plural texts: left_plain_one is the plain variant of left_one', async () => {
    const i18n = await createTexts('skjema', 'en', {
      nb: {
        skjema: {
          left_one: '{{count}} tegn igjen',
          left_other: '{{count}} tegn igjen',
          left_plain_one: 'Du kan skrive {{count}} tegn til',
          left_plain_other: 'Du kan skrive {{count}} tegn til',
        },
      },
      en: { skjema: { left_one: '{{count}} character left', left_other: '{{count}} characters left' } },
    });
    expect(textsFor(i18n, 'plain').t('left', { count: 2 })).toBe('2 characters left');
    expect(textsFor(i18n, 'plain').t('left', { count: 1 })).toBe('1 character left');
  });
});

/** Every locale folder with a text file for the namespace. */
const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('the plain texts of the example forms and the widget', () => {
  for (const namespace of [...FORMS, 'widget']) {
    const { texts } = loadTexts(localesDir, namespace);

    it(`${namespace}: each plain text has its standard text, differs from it, and nb, nn and en have plain texts`, () => {
      for (const [locale, resource] of Object.entries(texts)) {
        for (const entry of resolveVariants(resource).values()) {
          if (entry.plain === undefined) continue;
          expect(entry.standard, `${locale} ${entry.key}: a plain text without a standard text`).toBeDefined();
          expect(entry.plain.trim(), `${locale} ${entry.key}: a plain text that repeats the standard text`).not.toBe(
            entry.standard!.trim(),
          );
        }
      }
      for (const locale of ['nb', 'nn', 'en']) {
        const own = [...resolveVariants(texts[locale]!).values()].filter((e) => e.plain !== undefined).length;
        expect(own, `${locale}/${namespace}.json has plain texts`).toBeGreaterThan(namespace === 'widget' ? 10 : 15);
      }
    });

    it(`${namespace}: in every locale, the plain variant shows that locale's own texts before any Norwegian text`, async () => {
      const resources = Object.fromEntries(
        Object.entries(texts).map(([l, r]) => [l, { [namespace]: r as TextResource }]),
      );
      const nb = resolveVariants(texts.nb!);
      for (const locale of locales.filter((l) => l in texts)) {
        const i18n = await createTexts(namespace, locale, resources);
        const plain = textsFor(i18n, 'plain');
        const own = resolveVariants(texts[locale]!);
        for (const [key, source] of nb) {
          // Plural forms differ by language (Polish has few and many); the plural case is covered above.
          if (source.standard === undefined || /_(zero|one|two|few|many|other)$/.test(key)) continue;
          const mine = own.get(key);
          const expected = mine?.plain ?? mine?.standard ?? source.plain ?? source.standard;
          // Each placeholder filled with itself, so the text can be compared as it is in the file.
          const params = Object.fromEntries(
            [...expected.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => [m[1]!, `{{${m[1]}}}`]),
          );
          const shown = plain.resolve(key, params);
          expect(shown, `${locale} ${namespace}:${key}`).toEqual({ text: expected, lng: mine ? locale : 'nb' });
        }
      }
    });
  }
});

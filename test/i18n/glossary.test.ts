// The glossary namespace (locales/<lng>/glossary.json, docs/decisions/0007-glossary.md): its shape, and how
// the widget finds its words in a text (components/glossary/glossary.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { termsIn, textsUnder } from '../../components/glossary/glossary.ts';
import { createTexts, textsFor } from '../../src/browser/i18n.ts';
import { GLOSSARY_NAMESPACE } from '../../src/engine/form-package.ts';
import { localesDir } from '../../src/node/paths.ts';
import { glossaryTerms } from '../../packages/tools/src/plain/glossary.ts';

const files = readdirSync(localesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => {
    try {
      return [
        [e.name, JSON.parse(readFileSync(join(localesDir, e.name, `${GLOSSARY_NAMESPACE}.json`), 'utf8'))] as const,
      ];
    } catch {
      return [];
    }
  });

describe('locales/<lng>/glossary.json', () => {
  it('exists for nb, nn and en, and the plain-language engine reads the same words', () => {
    expect(files.map(([locale]) => locale)).toEqual(expect.arrayContaining(['nb', 'nn', 'en']));
    for (const [locale, glossary] of files) {
      if (['nb', 'nn', 'en'].includes(locale))
        expect(glossaryTerms(locale).map((t) => t.term)).toEqual(Object.keys(glossary));
    }
  });

  for (const [locale, glossary] of files) {
    it(`${locale}: each word has its forms in lower case and one explanation; no form belongs to two words`, () => {
      const seen = new Map<string, string>();
      for (const [term, entry] of Object.entries(
        glossary as Record<string, { forms: unknown; explanation: unknown }>,
      )) {
        // i18next reads «.» and «:» in a key as separators.
        expect(term).not.toMatch(/[.:]/);
        // `nb` (fa, lt; the other locales on wave5-plaintx): the Norwegian word the user meets in NAV's letters.
        expect(Object.keys(entry).sort()).toEqual(
          locale === 'fa' || locale === 'lt' ? ['explanation', 'forms', 'nb'] : ['explanation', 'forms'],
        );
        expect(
          typeof entry.explanation === 'string' && entry.explanation.trim().length >= 10,
          `${term}: explanation`,
        ).toBe(true);
        expect(Array.isArray(entry.forms) && entry.forms.length > 0, `${term}: forms`).toBe(true);
        const forms = entry.forms as string[];
        expect(forms, `${term}: the word itself is one of its forms`).toContain(term.toLocaleLowerCase(locale));
        for (const form of forms) {
          expect(form, term).toBe(form.toLocaleLowerCase(locale));
          expect(seen.get(form), `«${form}» is a form of both «${seen.get(form)}» and «${term}»`).toBeUndefined();
          seen.set(form, term);
        }
      }
    });
  }
});

describe('finding glossary words in a text', () => {
  const resources = {
    nb: {
      skjema: {
        fields: {
          barn: {
            label: 'Forsørger du barn?',
            label_plain: 'Har du ansvar for barn?',
            hint: 'Se vedtaket.',
            options: { ja: 'Ja, jeg har en kommunal bolig' },
          },
        },
      },
      [GLOSSARY_NAMESPACE]: {
        forsørge: { forms: ['forsørge', 'forsørger'], explanation: 'Å sørge for mat, klær og et sted å bo.' },
        vedtak: { forms: ['vedtak', 'vedtaket'], explanation: 'Svaret fra NAV.' },
        'kommunal bolig': { forms: ['kommunal bolig'], explanation: 'En bolig kommunen leier ut.' },
        bolig: { forms: ['bolig'], explanation: 'Et sted å bo.' },
      },
    },
    pl: { skjema: { fields: { barn: { label: 'Czy utrzymujesz dzieci? (forsørger)' } } } },
  };

  it('finds whole words in any case, each word once, a longer phrase before a shorter one', async () => {
    const texts = textsFor(await createTexts('skjema', 'nb', resources), 'standard');
    expect(termsIn(texts, ['Forsørger du barn? Du FORSØRGER barn.', 'Se vedtaket.'])).toEqual(['forsørge', 'vedtak']);
    expect(termsIn(texts, ['Vedtakene kommer.', 'vedtak-svar', 'uvedtak'])).toEqual([]);
    expect(termsIn(texts, ['Jeg har en kommunal bolig, og en bolig til.'])).toEqual(['kommunal bolig', 'bolig']);
  });

  it('reads every text of a field in the variant on screen', async () => {
    const i18n = await createTexts('skjema', 'nb', resources);
    const standard = textsFor(i18n, 'standard');
    expect(textsUnder(standard, 'skjema', 'fields.barn')).toEqual([
      'Forsørger du barn?',
      'Se vedtaket.',
      'Ja, jeg har en kommunal bolig',
    ]);
    expect(termsIn(standard, textsUnder(standard, 'skjema', 'fields.barn'))).toEqual([
      'forsørge',
      'vedtak',
      'kommunal bolig',
    ]);
    const plain = textsFor(i18n, 'plain');
    expect(termsIn(plain, textsUnder(plain, 'skjema', 'fields.barn'))).toEqual(['vedtak', 'kommunal bolig']);
  });

  it('uses only the glossary of the language on screen', async () => {
    const texts = textsFor(await createTexts('skjema', 'pl', resources), 'standard');
    expect(termsIn(texts, textsUnder(texts, 'skjema', 'fields.barn'))).toEqual([]);
  });
});

// The widget's text lookup (src/i18n/translator.ts) against i18next, configured as the widget configured it
// before 0019 (docs/decisions/0019-widget-weight.md): every key of every namespace the widget reads, in
// every locale, in both variants, with counts for plurals, must give the same text and the same language.
import i18next, { type i18n as I18n } from 'i18next';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Translator, type TextResource } from '../../src/i18n/translator.ts';
import { textLeaves } from '../../src/i18n/text-leaves.ts';
import { localesDir } from '../../src/node/paths.ts';
import { loadTexts } from '../../packages/tools/src/plain/node.ts';

const FORMS = ['kontakt', 'stotte', 'aktivitet', 'sosialhjelp'];
const NAMESPACES = [...FORMS, 'widget', 'glossary'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

type Resources = Record<string, Record<string, TextResource>>;

async function bothFor(defaultNS: string, lng: string, resources: Resources): Promise<[I18n, Translator]> {
  const reference = i18next.createInstance();
  await reference.init({
    lng,
    fallbackLng: 'nb',
    ns: [defaultNS, 'widget'],
    defaultNS,
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  });
  return [reference, new Translator({ lng, fallbackLng: 'nb', defaultNS, resources })];
}

function expectSame(reference: I18n, own: Translator, keys: string | string[], options: Record<string, unknown>): void {
  const expected = reference.t(keys, { ...options, returnDetails: true }) as unknown as {
    res: unknown;
    usedLng: string;
  };
  // i18next describes an object in a sentence; the translator gives the key, as i18next 27 will.
  if (typeof expected.res === 'string' && expected.res.includes('returned an object instead of string')) return;
  const details = own.details(keys, options);
  expect({ text: details.res, lng: details.usedLng }, `${JSON.stringify(keys)} ${JSON.stringify(options)}`).toEqual({
    text: expected.res,
    lng: expected.usedLng,
  });
}

describe('the translator reads the locale files as i18next does', () => {
  const resources: Resources = {};
  for (const namespace of NAMESPACES)
    for (const [locale, texts] of Object.entries(loadTexts(localesDir, namespace).texts))
      (resources[locale] ??= {})[namespace] = texts;
  // Every key once: plural and variant suffixes taken off, so t() has to find them.
  const keysOf = (namespace: string): string[] => [
    ...new Set(
      Object.values(resources).flatMap((byNamespace) =>
        textLeaves(byNamespace[namespace]).map(([path]) =>
          path
            .join('.')
            .replace(PLURAL, '')
            .replace(/_plain$/, ''),
        ),
      ),
    ),
  ];

  for (const form of FORMS) {
    it(`${form} and widget: every key, every locale, both variants, counts 0, 1, 2, 5, 22`, async () => {
      const keys = [...keysOf(form), ...keysOf('widget').map((key) => `widget:${key}`), 'no.such.key', 'widget:none'];
      for (const locale of locales) {
        const [reference, own] = await bothFor(form, locale, resources);
        for (const key of keys) {
          for (const context of [undefined, 'plain']) {
            // Values for the placeholders the texts use, one left out (it stays as written).
            const values = { label: 'L', name: 'N', limit: 3, file: 'f.pdf', item: 'I', id: 'x1', value: '4' };
            expectSame(reference, own, key, { context, ...values });
            expectSame(reference, own, key, { context, lng: 'nb' });
            for (const count of [0, 1, 2, 5, 22]) expectSame(reference, own, key, { context, count, ...values });
          }
        }
        expect(own.exists(keys[0]!)).toBe(reference.exists(keys[0]!));
        expect(own.exists('no.such.key')).toBe(false);
      }
    });
  }

  it('a list of keys: the first that exists in the language or nb, keys before languages', async () => {
    const [reference, own] = await bothFor('skjema', 'pl', {
      nb: { skjema: { a: 'nb a', b: 'nb b', c: '', n: null as unknown as string } },
      pl: { skjema: { b: 'pl b', 'flat.key': 'pl flat', nested: { x: 'pl x', 'y.z': 'pl y.z' } } },
    });
    for (const keys of [['a', 'b'], ['b', 'a'], ['c', 'b'], ['n', 'b'], ['missing', 'other'], 'flat.key', 'nested.x'])
      expectSame(reference, own, keys, {});
    expectSame(reference, own, 'nested.y.z', {});
    expectSame(reference, own, 'skjema:b', {});
    expect(own.exists(['missing', 'b'])).toBe(reference.exists(['missing', 'b']));
    expect(own.exists('c')).toBe(reference.exists('c'));
  });

  it('interpolates as i18next does: nested values, null, undefined and missing values, no second pass', async () => {
    const [reference, own] = await bothFor('skjema', 'nb', {
      nb: { skjema: { s: 'A {{a}} B {{ b }} C {{c.d}} D {{missing}} E {{nothing}} F {{zero}}' } },
    });
    expectSame(reference, own, 's', { a: '{{b}}', b: 2, c: { d: 'deep' }, nothing: null, zero: 0 });
    expectSame(reference, own, 's', { a: undefined, b: false, c: {} });
  });

  it('adds texts deeply, the new winning, and changes language', async () => {
    const [reference, own] = await bothFor('skjema', 'nb', { nb: { skjema: { a: { b: 'nb', c: 'nb c' } } } });
    reference.addResourceBundle('nn', 'skjema', { a: { b: 'nn' } }, true, true);
    own.addResourceBundle('nn', 'skjema', { a: { b: 'nn' } });
    reference.addResourceBundle('nn', 'skjema', { a: { d: 'nn d' } }, true, true);
    own.addResourceBundle('nn', 'skjema', { a: { d: 'nn d' } });
    await reference.changeLanguage('nn');
    own.changeLanguage('nn');
    expect(own.language).toBe(reference.language);
    for (const key of ['a.b', 'a.c', 'a.d']) expectSame(reference, own, key, {});
    expect(own.getResource('nn', 'skjema', 'a')).toEqual(reference.getResource('nn', 'skjema', 'a'));
    expect(own.getResourceBundle('nn', 'skjema')).toEqual(reference.getResourceBundle('nn', 'skjema'));
  });
});

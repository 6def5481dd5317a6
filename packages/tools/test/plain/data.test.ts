// The word lists and the config file: enough entries, complete, no duplicates.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../src/node/paths.ts';
import { defaultConfig, resolveConfig } from '../../src/plain/config.ts';
import abbreviations from '../../src/plain/data/abbreviations.json' with { type: 'json' };
import passive from '../../src/plain/data/passive.json' with { type: 'json' };
import { glossaryTerms } from '../../src/plain/glossary.ts';
import { stiffWords } from '../../src/plain/rules/stiff-word.ts';

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('stiff words', () => {
  it('has at least 400 bokmål entries, each with nynorsk forms, plain alternatives in both (or advice) and a source', () => {
    expect(stiffWords.length).toBeGreaterThanOrEqual(400);
    // An entry with nothing to put in its place (vennligst) gives advice instead (stryk ordet), never both.
    expect(stiffWords.filter((e) => e.advice !== undefined && e.plain.nb.length + e.plain.nn.length > 0)).toEqual([]);
    const incomplete = stiffWords.filter(
      (e) =>
        e.nb.length === 0 ||
        (e.nn.length === 0) !== (e.nbOnly === true) ||
        (e.advice === undefined && (e.plain.nb.length === 0 || e.plain.nn.length === 0)) ||
        e.source.trim() === '' ||
        [...e.nb, ...e.nn, ...e.plain.nb, ...e.plain.nn].some((w) => w.trim() === ''),
    );
    expect(incomplete).toEqual([]);
  });

  it('has no duplicate forms, and no severity above warning', () => {
    expect(duplicates(stiffWords.flatMap((e) => e.nb.map((f) => f.toLocaleLowerCase())))).toEqual([]);
    expect(duplicates(stiffWords.flatMap((e) => e.nn.map((f) => f.toLocaleLowerCase())))).toEqual([]);
    expect(
      stiffWords.filter((e) => e.severity !== undefined && e.severity !== 'info' && e.severity !== 'warning'),
    ).toEqual([]);
  });

  it('does not suggest the word itself', () => {
    expect(stiffWords.filter((e) => e.plain.nb.some((p) => e.nb.includes(p)))).toEqual([]);
  });

  it('includes the examples of docs/plain-language.md', () => {
    const nb = new Set(stiffWords.flatMap((e) => e.nb));
    for (const word of [
      'påkrevd',
      'henstand',
      'oppebære',
      'underretning',
      'i henhold til',
      'vedrørende',
      'hvorvidt',
      'tilstrekkelig',
      'iverksette',
      'anmode',
      'bistand',
      // Issue 17: words found in NAV's form texts that the list lacked.
      'innhente',
      'henvende seg',
      'innforstått',
      'utlevere',
      'påbegynt',
      'medhold',
    ])
      expect(nb.has(word), word).toBe(true);
    // Words that need an explanation belong in the glossary, not here.
    for (const word of ['vedtak', 'ytelse', 'tiltak']) expect(nb.has(word), word).toBe(false);
  });

  it('names a source for each entry: public guidance or «team»', () => {
    const sources = new Set(stiffWords.map((e) => e.source));
    expect([...sources].sort()).toEqual([
      'NAV Agder: «gammelnavsk ordliste» (omtalt av NRK, 2021)',
      'Språkrådet: Kansellisten (2009)',
      'klarskjema: docs/plain-language.md',
      'team',
    ]);
  });
});

describe('glossary', () => {
  it('explains each term in nb and nn, and holds the hard words that remain', () => {
    for (const locale of ['nb', 'nn']) {
      const terms = glossaryTerms(locale);
      expect(terms.length).toBeGreaterThanOrEqual(30);
      expect(terms.filter((t) => t.explanation.trim().length < 10 || t.forms.length === 0)).toEqual([]);
      expect(duplicates(terms.flatMap((t) => t.forms))).toEqual([]);
      expect(terms.flatMap((t) => t.forms).filter((f) => f !== f.toLocaleLowerCase())).toEqual([]);
    }
    const nb = new Set(glossaryTerms('nb').map((t) => t.term));
    for (const word of ['vedtak', 'stønad', 'tiltak', 'sosialhjelp', 'arbeidsavklaringspenger', 'ytelse'])
      expect(nb.has(word), word).toBe(true);
    expect(glossaryTerms('uk')).toEqual([]);
  });
});

describe('allow-lists', () => {
  it('keeps deponents, genitives and look-alikes as data', () => {
    for (const word of ['finnes', 'synes', 'trives', 'lykkes', 'skyldes', 'minnes'])
      expect(passive.nb.deponents).toContain(word);
    for (const word of ['felles', 'fremdeles', 'alltids']) expect(passive.nb.notPassive).toContain(word);
    expect(passive.nb.genitiveNouns).toContain('ektefelles');
    for (const word of ['NAV', 'BankID', 'ID', 'PDF', 'JPG', 'PNG', 'HEIC', 'MB'])
      expect(abbreviations.allow).toContain(word);
    for (const list of [
      passive.nb.deponents,
      passive.nn.deponents,
      passive.nb.notPassive,
      passive.nn.notPassive,
      abbreviations.allow,
    ])
      expect(duplicates(list)).toEqual([]);
  });
});

describe('plain-language.config.json', () => {
  it('holds the defaults of docs/plain-language.md', () => {
    const file = JSON.parse(readFileSync(resolve(packageRoot, 'plain-language.config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(resolveConfig(file)).toEqual(defaultConfig);
    expect(defaultConfig.lix.stepMax).toEqual({ standard: 40, plain: 33 });
    expect(defaultConfig.sentenceWords.standard).toEqual({ warn: 20, error: 25 });
    expect(defaultConfig.sentenceWords.plain).toEqual({ warn: 15, error: 20 });
    expect(defaultConfig.paragraphSentences).toEqual({ standard: { warn: 3 }, plain: { warn: 2 } });
    expect(defaultConfig.flesch.stepMin.plain).toBe(60);
  });

  it('merges overrides over the defaults', () => {
    const config = resolveConfig({ lix: { stepMax: { standard: 45 } }, rules: { passive: 'off' } });
    expect(config.lix.stepMax).toEqual({ standard: 45, plain: 33 });
    expect(config.lix.longWordLetters).toBe(6);
    expect(config.rules).toEqual({ passive: 'off' });
  });
});

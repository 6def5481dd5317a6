// What the rules' examples (rules/<id>.ts, run by rule-examples.test.ts) do not say: the finders' helpers,
// the rendered messages and suggestions, and lintText's scores.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/plain/lint.ts';
import { findNominalisations, verbOf } from '../../src/plain/rules/nominalisation.ts';
import { segment } from '../../src/plain/segment.ts';
import type { RuleId, TextRole } from '../../src/plain/index.ts';

const found = (text: string, rule: RuleId, options: { locale?: string; role?: TextRole } = {}) =>
  lintText(text, { locale: options.locale ?? 'nb', role: options.role ?? 'other' }).findings.filter(
    (f) => f.rule === rule,
  );

describe('nominalisation', () => {
  it('suggests the verb', () => {
    expect(['vurdering', 'utbetaling', 'bekreftelse', 'beslutning', 'evaluasjon'].map(verbOf)).toEqual([
      'vurdere',
      'utbetale',
      'bekrefte',
      'beslutte',
      'evaluere',
    ]);
    const f = found('NAV vil foreta en vurdering av saken.', 'nominalisation')[0]!;
    expect(f.suggestion).toBe('Bruk verbet: «vurdere».');
    const s = segment('Me skal gjere ei vurdering av saka.', 'nn');
    expect(findNominalisations(s, s.sentences[0]!, 'nn').map((h) => h.words)).toEqual([['gjere', 'vurdering']]);
  });
});

describe('stiff words', () => {
  it('suggests plain alternatives', () => {
    const f = found('I henhold til loven er dette påkrevd. Vi trenger bistand vedrørende saken.', 'stiff-word');
    expect(f[1]!.suggestion).toBe('Skriv heller «nødvendig».');
    expect(f[0]!.suggestion).toBe('Skriv heller «etter» eller «ifølge».');
  });
});

describe('reader address', () => {
  it('suggests «du» for the old polite forms', () => {
    expect(found('Vi har mottatt Deres søknad.', 'reader-address')[0]?.suggestion).toBe(
      'Skriv «du», «deg» eller «din».',
    );
  });
});

describe('abbreviations', () => {
  it('suggests writing a dotted abbreviation out', () => {
    const f = found('Du kan få KVP fra NAV. Last opp PDF eller JPG, f.eks. et bilde av ID-kortet.', 'abbreviation');
    expect(f[1]!.suggestion).toBe('Skriv «for eksempel».');
  });
});

describe('lintText', () => {
  it('scores the whole text like a step and applies the LIX bar', () => {
    // «Arbeidsavklaringspenger utbetales etterskuddsvis.»: 3 words, 1 sentence, 3 long → LIX 3 + 100 = 103
    const r = lintText('Arbeidsavklaringspenger utbetales etterskuddsvis.', { locale: 'nb', file: 'brev.txt' });
    expect(r.scores.text?.nb?.standard.lix).toBeCloseTo(103, 10);
    expect(r.findings.map((f) => [f.rule, f.severity, f.file])).toContainEqual(['lix-step', 'error', 'brev.txt']);
    expect(r.findings.find((f) => f.rule === 'lix-step')?.message).toBe(
      'LIX for teksten «brev.txt» er 103. Grensen er 40.',
    );
    expect(r.findings.map((f) => f.rule)).toContain('passive');
  });

  it('renders messages in English on request', () => {
    const r = lintText('Søknaden behandles av NAV.', { locale: 'nb', lang: 'en' });
    expect(r.findings.find((f) => f.rule === 'passive')?.message).toBe(
      '«behandles» is passive. The reader cannot see who does what.',
    );
  });
});

// The other rules, one text at a time, through lintText (the same rules as for forms).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/plain/lint.ts';
import { findNominalisations, verbOf } from '../../src/plain/rules/nominalisation.ts';
import { findImpossibleDates } from '../../src/plain/rules/impossible-date.ts';
import { findLeftovers } from '../../src/plain/rules/leftover.ts';
import { segment } from '../../src/plain/segment.ts';
import type { RuleId, TextRole } from '../../src/plain/index.ts';

const found = (text: string, rule: RuleId, options: { locale?: string; role?: TextRole } = {}) =>
  lintText(text, { locale: options.locale ?? 'nb', role: options.role ?? 'other' }).findings.filter(
    (f) => f.rule === rule,
  );
const words = (text: string, rule: RuleId, options: { locale?: string; role?: TextRole } = {}) =>
  found(text, rule, options).map((f) => f.words.join(' '));

describe('nominalisation', () => {
  it('flags a light verb with a verbal noun a few words later', () => {
    expect(words('NAV vil foreta en vurdering av saken.', 'nominalisation')).toEqual(['foreta vurdering']);
    expect(words('Vi gjennomfører en utbetaling hver måned.', 'nominalisation')).toEqual(['gjennomfører utbetaling']);
    expect(words('Du får beskjed når vi har satt i gang behandlingen.', 'nominalisation')).toEqual([
      'satt i gang behandlingen',
    ]);
    expect(words('Saken er gjenstand for vurdering.', 'nominalisation')).toEqual(['er gjenstand for']);
    expect(words('Vi kan gi deg en skriftlig bekreftelse.', 'nominalisation')).toEqual(['gi bekreftelse']);
  });

  it('does not flag a suffix alone, or nouns that are usually unavoidable', () => {
    expect(words('Send dokumentasjon og informasjon om situasjonen din.', 'nominalisation')).toEqual([]);
    expect(words('Vi gir deg informasjon om utdanning.', 'nominalisation')).toEqual([]);
    expect(words('Du må gi beskjed hvis noe endrer seg.', 'nominalisation')).toEqual([]);
    expect(words('Vurderingen tar tid.', 'nominalisation')).toEqual([]);
  });

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
  it('suggests plain alternatives, as info or warning (never error)', () => {
    const f = found('I henhold til loven er dette påkrevd. Vi trenger bistand vedrørende saken.', 'stiff-word');
    expect(f.map((x) => x.words.join(' '))).toEqual(['I henhold til', 'påkrevd', 'bistand', 'vedrørende']);
    expect(f.every((x) => x.severity !== 'error')).toBe(true);
    expect(f[1]!.suggestion).toBe('Skriv heller «nødvendig».');
    expect(f[0]!.suggestion).toBe('Skriv heller «etter» eller «ifølge».');
  });

  it('uses the nynorsk forms in nynorsk', () => {
    expect(words('Dette er påkravd i henhald til lova.', 'stiff-word', { locale: 'nn' })).toEqual([
      'påkravd',
      'i henhald til',
    ]);
  });

  it('does not flag «Hva gjelder det?» (a plain question), but does flag «Hva gjelder …,» as a stiff opening', () => {
    expect(words('Hva gjelder det?', 'stiff-word')).toEqual([]);
    expect(words('Hva gjelder søknaden, må du sende den innen fristen.', 'stiff-word')).toEqual(['Hva gjelder']);
  });
});

describe('reader address', () => {
  it('flags søker, bruker, man, vedkommende and undertegnede', () => {
    expect(
      words(
        'Søker må legge ved lønnsslipp. Brukeren får svar. Man kan klage. Vedkommende må signere.',
        'reader-address',
        { role: 'help' },
      ),
    ).toEqual(['Søker', 'Brukeren', 'Man', 'Vedkommende']);
    expect(words('Undertegnede bekrefter dette.', 'reader-address', { role: 'consent' })).toEqual(['Undertegnede']);
  });

  it('does not flag the verbs «bruker» and «søker»', () => {
    expect(
      words(
        'Vi bruker fødselsnummeret ditt. Du søker om støtte. Hvis du bruker BankID, går det fortere.',
        'reader-address',
        { role: 'help' },
      ),
    ).toEqual([]);
  });

  it('flags «jeg» in questions and help texts, but not in answer options, consent texts or quotes', () => {
    expect(words('Hva skal jeg skrive?', 'reader-address', { role: 'question' })).toEqual(['jeg']);
    expect(words('Jeg jobber deltid', 'reader-address', { role: 'option' })).toEqual([]);
    expect(words('Jeg bekrefter at opplysningene er riktige.', 'reader-address', { role: 'consent' })).toEqual([]);
    expect(words('Velg «Jeg vet ikke» hvis du er usikker.', 'reader-address', { role: 'help' })).toEqual([]);
  });

  it('flags the old polite forms inside a sentence, not «De» (they) first in a sentence', () => {
    expect(words('Vi har mottatt Deres søknad. De må sende mer.', 'reader-address', { role: 'help' })).toEqual([
      'Deres',
    ]);
    expect(found('Vi har mottatt Deres søknad.', 'reader-address')[0]?.suggestion).toBe(
      'Skriv «du», «deg» eller «din».',
    );
  });

  it('flags nynorsk «ein» as a pronoun only', () => {
    expect(words('Ein må sende søknaden. Du får ein kopi.', 'reader-address', { locale: 'nn', role: 'help' })).toEqual([
      'Ein',
    ]);
  });
});

describe('one question per field', () => {
  it('flags a label with more than one question mark', () => {
    expect(found('Har du barn? Hvor gamle er de?', 'one-question', { role: 'question' })).toHaveLength(1);
    expect(found('Har du barn under 18 år?', 'one-question', { role: 'question' })).toHaveLength(0);
    // Help texts may ask the reader more than one thing.
    expect(found('Har du barn? Hvor gamle er de?', 'one-question', { role: 'help' })).toHaveLength(0);
  });
});

describe('template faults', () => {
  it('finds leftovers', () => {
    expect(findLeftovers('TODO: skriv tekst. XXX Lorem ipsum')).toEqual(['TODO', 'XXX', 'Lorem', 'ipsum']);
    expect(findLeftovers('Du må ta med legitimasjon.')).toEqual([]);
    expect(found('Skriv XXX her.', 'leftover')[0]?.severity).toBe('error');
    expect(found('Skriv XXX her.', 'abbreviation')).toEqual([]); // reported once, as a leftover
  });

  it('finds impossible dates', () => {
    expect(findImpossibleDates('Fristen er 31. juni, eller 30. februar 2024, eller 31.04.2025.', 'nb')).toEqual([
      '31.04.2025',
      '31. juni',
      '30. februar 2024',
    ]);
    expect(findImpossibleDates('29. februar 2024 finnes, 29. februar 2023 ikke.', 'nb')).toEqual(['29. februar 2023']);
    expect(findImpossibleDates('Skriv datoen slik: 17.05.2024. Fristen er 30. april.', 'nb')).toEqual([]);
    expect(findImpossibleDates('Send it by June 31, 2025 or 31 April.', 'en')).toEqual(['31 April', 'June 31, 2025']);
  });

  it('finds broken placeholders', () => {
    expect(words('Hei {{name}, velkommen {{place}}.', 'placeholder-mismatch')).toEqual(['{{name}']);
  });
});

describe('abbreviations', () => {
  it('flags all-capital tokens not on the allow-list, and dotted abbreviations as tips', () => {
    // KVP (kvalifiseringsprogrammet) is not on the allow-list; AAP, BSU and SFO are, since the forms use them.
    const f = found('Du kan få KVP fra NAV. Last opp PDF eller JPG, f.eks. et bilde av ID-kortet.', 'abbreviation');
    expect(f.map((x) => [x.words[0], x.severity])).toEqual([
      ['KVP', 'warning'],
      ['f.eks.', 'info'],
    ]);
    expect(f[1]!.suggestion).toBe('Skriv «for eksempel».');
  });
});

describe('sentence and paragraph length', () => {
  const words26 = Array.from({ length: 26 }, (_, i) => `ord${i}`).join(' ');
  const words21 = Array.from({ length: 21 }, (_, i) => `ord${i}`).join(' ');
  it('warns above 20 words and errs above 25 in the standard variant', () => {
    expect(found(`${words21}.`, 'sentence-length').map((f) => f.severity)).toEqual(['warning']);
    expect(found(`${words26}.`, 'sentence-length').map((f) => [f.severity, f.value, f.limit])).toEqual([
      ['error', 26, 25],
    ]);
  });

  it('uses the plain variant’s bars for plain texts (warn above 15, error above 20)', () => {
    const r = lintText(`${words21}.`, { locale: 'nb', variant: 'plain' });
    expect(r.findings.filter((f) => f.rule === 'sentence-length').map((f) => [f.severity, f.variant, f.limit])).toEqual(
      [['error', 'plain', 20]],
    );
  });

  it('uses per-language caps', () => {
    const words17 = Array.from({ length: 17 }, () => 'слово').join(' ');
    expect(found(`${words17}.`, 'sentence-length', { locale: 'uk' })).toHaveLength(0);
    expect(found(`${words17}.`, 'sentence-length', { locale: 'se' }).map((f) => f.severity)).toEqual(['warning']);
  });

  it('warns about a paragraph with more than three sentences', () => {
    expect(found('En. To. Tre.', 'paragraph-length')).toHaveLength(0);
    expect(found('En. To. Tre. Fire.', 'paragraph-length').map((f) => [f.value, f.limit])).toEqual([[4, 3]]);
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

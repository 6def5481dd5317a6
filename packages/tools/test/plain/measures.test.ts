// The measures against texts computed by hand. Each test shows the count word by word.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/plain/config.ts';
import { glossaryForms } from '../../src/plain/glossary.ts';
import { englishSyllables, fleschReadingEase, lix, measure, ovix } from '../../src/plain/measures.ts';
import { segment } from '../../src/plain/segment.ts';

const measureTexts = (texts: string[], locale = 'nb') =>
  measure(
    texts.map((t) => ({ segmented: segment(t, locale), ownPlain: false })),
    locale,
    defaultConfig,
    glossaryForms(locale),
  );

describe('LIX', () => {
  it('is words / sentences + 100 × long words / words', () => {
    // «Du må sende søknaden innen fristen. Vi behandler den raskt.»
    // words: Du(2) må(2) sende(5) søknaden(8*) innen(5) fristen(7*) | Vi(2) behandler(9*) den(3) raskt(5)
    // = 10 words, 2 sentences, 3 long (more than 6 letters: søknaden, fristen, behandler)
    // LIX = 10 / 2 + 100 × 3 / 10 = 5 + 30 = 35
    const m = measureTexts(['Du må sende søknaden innen fristen. Vi behandler den raskt.']);
    expect(m).toMatchObject({ words: 10, sentences: 2, longWords: 3 });
    expect(m.lix).toBeCloseTo(35, 10);
    expect(lix(10, 2, 3)).toBe(35);
  });

  it('counts letters, not digits or hyphens, for long words', () => {
    // «Skriv 12345678 i NAV-skjemaet.»
    // Skriv(5) 12345678(0 letters: a word, never long) i(1) NAV-skjemaet(3 + 8 = 11 letters*, one word)
    // = 4 words, 1 sentence, 1 long → LIX = 4 / 1 + 100 × 1 / 4 = 4 + 25 = 29
    const m = measureTexts(['Skriv 12345678 i NAV-skjemaet.']);
    expect(m).toMatchObject({ words: 4, sentences: 1, longWords: 1 });
    expect(m.lix).toBeCloseTo(29, 10);
  });

  it('ends sentences at : ; a line break and the end of a text item', () => {
    // «Dette trenger vi: lønnsslipp; kontoutskrift⏎husleiekontrakt»
    // sentences: [Dette trenger vi:] [lønnsslipp;] [kontoutskrift⏎] [husleiekontrakt(end of item)] = 4
    // words: Dette(5) trenger(7*) vi(2) lønnsslipp(10*) kontoutskrift(13*) husleiekontrakt(15*) = 6, long 4
    // LIX = 6 / 4 + 100 × 4 / 6 = 1.5 + 66.667 = 68.167
    const m = measureTexts(['Dette trenger vi: lønnsslipp; kontoutskrift\nhusleiekontrakt']);
    expect(m).toMatchObject({ words: 6, sentences: 4, longWords: 4 });
    expect(m.lix).toBeCloseTo(1.5 + 400 / 6, 10);
  });

  it('sums the texts of a step, and leaves glossary terms out of the second long-word share', () => {
    // «Hva heter du?»: 3 words, 1 sentence, 0 long.
    // «Skriv fødselsnummeret ditt.»: Skriv(5) fødselsnummeret(15*, a glossary term) ditt(4): 3 words, 1 sentence, 1 long
    // step: 6 words, 2 sentences, 1 long → LIX = 6 / 2 + 100 × 1 / 6 = 3 + 16.667 = 19.667
    // long-word share 1 / 6; without glossary terms 0 / 6
    const m = measureTexts(['Hva heter du?', 'Skriv fødselsnummeret ditt.']);
    expect(m).toMatchObject({ words: 6, sentences: 2, longWords: 1, longWordsWithoutGlossary: 0 });
    expect(m.lix).toBeCloseTo(3 + 100 / 6, 10);
    expect(m.longWordShare).toBeCloseTo(1 / 6, 10);
    expect(m.longWordShareWithoutGlossary).toBe(0);
    expect(m.wordsPerSentence).toEqual({ avg: 3, max: 3 });
  });

  it('is not computed where it does not apply', () => {
    const m = measureTexts(['Прочитайте лист і надішліть документи.'], 'uk');
    expect(m.lix).toBeUndefined();
    expect(m.longWordShare).toBeUndefined();
    expect(m.flesch).toBeUndefined();
    // Прочитайте лист і надішліть документи: 5 words in 1 sentence
    expect(m.wordsPerSentence).toEqual({ avg: 5, max: 5 });
  });
});

describe('words per sentence and sentences per paragraph', () => {
  it('counts sentences in each paragraph (paragraphs are separated by an empty line)', () => {
    // «Ja. Nei. Kanskje.⏎⏎Vi ringer deg i morgen.»
    // paragraph 1: [Ja.] [Nei.] [Kanskje.] = 3 sentences; paragraph 2: [Vi ringer deg i morgen.] = 1
    // words: 1 + 1 + 1 + 5 = 8 in 4 sentences → average 2, longest 5
    const m = measureTexts(['Ja. Nei. Kanskje.\n\nVi ringer deg i morgen.']);
    expect(m.sentencesPerParagraph.max).toBe(3);
    expect(m.wordsPerSentence).toEqual({ avg: 2, max: 5 });
  });
});

describe('Flesch Reading Ease', () => {
  it('is 206.835 − 1.015 × words / sentences − 84.6 × syllables / words', () => {
    // «The cat sat on the mat. It was happy.»
    // syllables: The(1) cat(1) sat(1) on(1) the(1) mat(1) | It(1) was(1) hap-py(2) = 10 in 9 words, 2 sentences
    // 206.835 − 1.015 × 9 / 2 − 84.6 × 10 / 9 = 206.835 − 4.5675 − 94 = 108.2675
    const m = measureTexts(['The cat sat on the mat. It was happy.'], 'en');
    expect(m).toMatchObject({ words: 9, sentences: 2, syllables: 10 });
    expect(m.flesch).toBeCloseTo(108.2675, 10);
    expect(m.lix).toBeUndefined();
    expect(fleschReadingEase(9, 2, 10)).toBeCloseTo(108.2675, 10);
  });

  it('counts English syllables sensibly', () => {
    const expected: Record<string, number> = {
      form: 1,
      the: 1,
      you: 1,
      your: 1,
      year: 1,
      send: 1,
      help: 1,
      rent: 1,
      phone: 1,
      makes: 1,
      homes: 1,
      jumped: 1,
      money: 2,
      table: 2,
      simple: 2,
      people: 2,
      because: 2,
      receive: 2,
      wanted: 2,
      boxes: 2,
      places: 2,
      changes: 2,
      likely: 2,
      statement: 2,
      million: 2,
      doing: 2,
      saying: 2,
      apply: 2,
      before: 2,
      number: 2,
      address: 2,
      upload: 2,
      payment: 2,
      income: 2,
      monthly: 2,
      questions: 2,
      equal: 2,
      readable: 3,
      documents: 3,
      employer: 3,
      decision: 3,
      radio: 3,
      media: 3,
      usual: 3,
      opinion: 3,
      requirement: 3,
      application: 4,
      information: 4,
    };
    const wrong = Object.entries(expected)
      .filter(([word, n]) => englishSyllables(word) !== n)
      .map(([word, n]) => `${word}: ${englishSyllables(word)} (expected ${n})`);
    expect(wrong).toEqual([]);
  });
});

describe('OVIX', () => {
  it('is log(words) / log(2 − log(different words) / log(words)), in lower case', () => {
    // «Du må sende søknaden. Du må sende den i dag.» — 10 words; different: du må sende søknaden den i dag = 7
    const m = measureTexts(['Du må sende søknaden. Du må sende den i dag.']);
    const expected = Math.log(10) / Math.log(2 - Math.log(7) / Math.log(10));
    expect(m.ovix).toBeCloseTo(expected, 10);
    expect(ovix(10, 7)).toBeCloseTo(expected, 10);
  });

  it('is left out where no word repeats (the formula divides by zero) and outside LIX locales', () => {
    expect(measureTexts(['Send søknaden nå.']).ovix).toBeUndefined();
    expect(ovix(1, 1)).toBeUndefined();
    expect(measureTexts(['Send it now. Send it today.'], 'en').ovix).toBeUndefined();
  });
});

describe('nominal ratio', () => {
  it('is nouns, prepositions and participles per pronoun, adverb and verb', () => {
    // Du/pronoun må/verb sende/verb oss/pronoun en kopi/noun av/preposition leiekontrakten/noun: 3 / 4
    expect(measureTexts(['Du må sende oss en kopi av leiekontrakten.']).nominalRatio).toBeCloseTo(0.75, 10);
  });

  it('is higher for a text that leans on nouns than for the same said with verbs', () => {
    const nouns = measureTexts([
      'Behandlingen av søknaden skjer ved NAV-kontoret etter mottak av nødvendig dokumentasjon.',
    ]).nominalRatio!;
    const verbs = measureTexts(['Vi behandler søknaden når vi har fått papirene du sender oss.']).nominalRatio!;
    expect(nouns).toBeGreaterThan(1);
    expect(verbs).toBeLessThan(1);
  });

  it('is for Norwegian only, in bokmål and nynorsk', () => {
    expect(measureTexts(['You must send us a copy of the lease.'], 'en').nominalRatio).toBeUndefined();
    expect(measureTexts(['Du må sende oss ein kopi av leigekontrakten.'], 'nn').nominalRatio).toBeCloseTo(0.75, 10);
  });
});

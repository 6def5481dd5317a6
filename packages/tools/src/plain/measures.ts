// Readability measures over segmented text items: LIX and long-word shares (nb, nn), words per sentence,
// sentences per paragraph, and Flesch Reading Ease (en).
import type { PlainConfig } from './config.ts';
import type { Segmented, Word } from './segment.ts';
import type { Measures } from './types.ts';
import { classCounts } from './word-classes.ts';

/** LIX (Björnsson 1968): words / sentences + 100 × long words / words. */
export const lix = (words: number, sentences: number, longWords: number): number =>
  sentences === 0 || words === 0 ? 0 : words / sentences + (100 * longWords) / words;

/** OVIX (Hultman and Westman 1977): log(tokens) / log(2 − log(types) / log(tokens)); undefined when no word repeats. */
export const ovix = (tokens: number, types: number): number | undefined =>
  tokens < 2 || types >= tokens ? undefined : Math.log(tokens) / Math.log(2 - Math.log(types) / Math.log(tokens));

/** Flesch Reading Ease: 206.835 − 1.015 × words / sentences − 84.6 × syllables / words. */
export const fleschReadingEase = (words: number, sentences: number, syllables: number): number =>
  sentences === 0 || words === 0 ? 0 : 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);

/** A long word has more than `limit` letters (digits, hyphens and other signs do not count). */
export const isLongWord = (word: Word, limit: number): boolean => word.letters > limit;

// Words the rules below get wrong; the count is the usual dictionary count (Merriam-Webster, CMU).
const SYLLABLE_EXCEPTIONS: Record<string, number> = {
  people: 2,
  area: 3,
  idea: 3,
  ideas: 3,
  create: 2,
  created: 3,
  creates: 2,
  react: 2,
  science: 2,
  quiet: 2,
  poem: 2,
  poet: 2,
  lion: 2,
  being: 2,
  business: 2,
  every: 3,
  everyone: 4,
  everything: 4,
  different: 3,
  family: 3,
  interest: 3,
  interested: 4,
  evening: 2,
  several: 3,
  camera: 3,
  reason: 2,
  real: 1,
  really: 2,
  whether: 2,
  there: 1,
  where: 1,
  here: 1,
  were: 1,
  done: 1,
  gone: 1,
  some: 1,
  come: 1,
  one: 1,
  once: 1,
  give: 1,
  have: 1,
  live: 1,
  move: 1,
  prove: 1,
  above: 2,
  none: 1,
  whole: 1,
  sure: 1,
  fire: 1,
  hour: 1,
  hours: 1,
  our: 1,
  are: 1,
  doesn: 1,
  does: 1,
  eye: 1,
  eyes: 1,
  maybe: 2,
  online: 2,
  anyone: 3,
  someone: 2,
  sometimes: 2,
  somewhere: 2,
  therefore: 2,
  therein: 2,
  whereas: 2,
  apply: 2,
  applied: 2,
  coordinate: 4,
  cooperate: 4,
  preexisting: 4,
  reenter: 3,
  video: 3,
  radio: 3,
  period: 3,
  serious: 3,
  various: 3,
  previous: 3,
  obvious: 3,
  social: 2,
  special: 2,
  official: 3,
  financial: 3,
  benefit: 3,
  benefits: 3,
  receipt: 2,
  queue: 1,
  guide: 1,
  guides: 1,
  require: 2,
  required: 2,
  requires: 2,
  useful: 2,
  uses: 2,
  used: 1,
  use: 1,
  because: 2,
  recipe: 3,
  naive: 2,
  ok: 2,
};

/**
 * Syllables in an English word, by rule: vowel groups, less silent endings (make, jumped, homes), plus
 * the groups that are two syllables (radio, media, being). Good enough for Flesch on form texts; not a
 * dictionary. Exceptions above catch common words the rules get wrong.
 */
export function englishSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  const known = SYLLABLE_EXCEPTIONS[w];
  if (known !== undefined) return known;
  if (w.length <= 3) return 1;
  let extra = 0;
  if (/[aeiou]ing$|[^aeiou]ying$/.test(w)) extra++; // do-ing, stu-dy-ing (say-ing: see y between vowels)
  if (/[^aeiouy]les?$/.test(w)) {
    // ta-ble, peo-ple: the final "le" is a syllable
  } else if (/(?:[sxzcg]|ch|sh)es$/.test(w)) {
    // box-es, pla-ces, pag-es: the e is spoken
  } else if (/[^aeiouy]es$/.test(w)) {
    w = w.slice(0, -2); // makes → mak
  } else if (/[^aeiouytd]ed$/.test(w)) {
    w = w.slice(0, -2); // jumped → jump (wanted keeps its "ed")
  } else if (/[^aeiouy]e$/.test(w)) {
    w = w.slice(0, -1); // make → mak
  }
  // A silent e before a suffix: like-ly, home-less, state-ment.
  w = w.replace(/([aeiouy][^aeiouy])e(ly|ful|less|ness|ment)/g, '$1$2');
  if (/^y[aeiou]/.test(w)) w = w.slice(1); // you, year: y is a consonant here
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  // A y between vowels starts a syllable: play-er, em-ploy-er.
  extra += w.match(/[aeiou]y(?=[aeiou])/g)?.length ?? 0;
  // Two syllables in one vowel group: ra-di-o, me-di-a, u-su-al, vi-de-o.
  for (const match of w.matchAll(/(?<![ctsgx])i[ao]|eo|(?<!q)ua/g)) {
    const at = match.index;
    if (/^io(?:n|us)/.test(w.slice(at)) && /[ln]$/.test(w.slice(0, at))) continue; // mil-lion
    extra++;
  }
  return Math.max(1, groups + extra);
}

export interface MeasuredItem {
  segmented: Segmented;
  ownPlain: boolean;
}

const avg = (sum: number, count: number): number => (count === 0 ? 0 : sum / count);

/** Measures of a set of text items in one locale. LIX and long-word shares only for LIX locales, Flesch only for Flesch locales. */
export function measure(
  items: readonly MeasuredItem[],
  locale: string,
  config: PlainConfig,
  glossary: ReadonlySet<string>,
): Measures {
  const limit = config.lix.longWordLetters;
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  let longWordsWithoutGlossary = 0;
  let maxWords = 0;
  let maxParagraph = 0;
  let syllables = 0;
  const english = config.flesch.locales.includes(locale);
  const lixLocale = config.lix.locales.includes(locale);
  const norwegian = config.norwegianLocales.includes(locale) ? (locale === 'nn' ? 'nn' : 'nb') : undefined;
  const types = new Set<string>();
  let tokens = 0;
  let nominal = 0;
  let verbal = 0;
  for (const { segmented } of items) {
    for (const word of segmented.words) {
      words++;
      if (lixLocale && word.letters > 0) {
        tokens++;
        types.add(word.lower);
      }
      if (isLongWord(word, limit)) {
        longWords++;
        if (!glossary.has(word.lower)) longWordsWithoutGlossary++;
      }
      if (english) syllables += word.letters > 0 ? englishSyllables(word.text) : 1;
    }
    for (const sentence of segmented.sentences) {
      sentences++;
      maxWords = Math.max(maxWords, sentence.words.length);
      if (norwegian !== undefined) {
        const counts = classCounts(sentence, norwegian);
        nominal += counts.nominal;
        verbal += counts.verbal;
      }
    }
    for (const paragraph of segmented.paragraphs) maxParagraph = Math.max(maxParagraph, paragraph.sentences.length);
  }
  const measures: Measures = {
    texts: items.length,
    ownPlainTexts: items.filter((i) => i.ownPlain).length,
    words,
    sentences,
    longWords,
    longWordsWithoutGlossary,
    wordsPerSentence: { avg: avg(words, sentences), max: maxWords },
    sentencesPerParagraph: { max: maxParagraph },
  };
  if (lixLocale && words > 0) {
    measures.lix = lix(words, sentences, longWords);
    measures.longWordShare = longWords / words;
    measures.longWordShareWithoutGlossary = longWordsWithoutGlossary / words;
    const variation = ovix(tokens, types.size);
    if (variation !== undefined) measures.ovix = variation;
  }
  if (norwegian !== undefined && verbal > 0) measures.nominalRatio = nominal / verbal;
  if (english && words > 0) {
    measures.syllables = syllables;
    measures.flesch = fleschReadingEase(words, sentences, syllables);
  }
  return measures;
}

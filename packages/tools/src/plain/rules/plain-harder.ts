// Plain is harder: an own plain text compared with the standard text of the same key in the same locale
// (issue 16, docs/decisions/0030). A plain text may be longer (it explains), but not in longer sentences, not
// with a higher LIX where the language has LIX, and not with more long words. Short texts are judged by their
// sentences only: the LIX and word share of a five-word label is noise (docs/plain-language.md). Long words
// count only where LIX or Flesch applies: in Arabic or Ge'ez script «more than 6 letters» means something else.
import type { PlainConfig } from '../config.ts';
import { glossaryForms } from '../glossary.ts';
import { segment, type Segmented } from '../segment.ts';
import { languageOf } from './context.ts';
import { plainRule } from './rule.ts';

interface Scores {
  words: number;
  wordsPerSentence: number;
  lix: number;
  /** Long words that are neither glossary words nor the project's terms, per word. */
  longShare: number;
}

function scores(segmented: Segmented, language: string, config: PlainConfig): Scores {
  const limit = config.lix.longWordLetters;
  const known = glossaryForms(language);
  const terms = new Set(config.words.terms.map((t) => t.toLocaleLowerCase()));
  const words = segmented.words.length;
  const sentences = Math.max(1, segmented.sentences.length);
  const long = segmented.words.filter((w) => w.letters > limit);
  const rare = long.filter((w) => !known.has(w.lower) && !terms.has(w.lower));
  return {
    words,
    wordsPerSentence: words / sentences,
    lix: words / sentences + (words === 0 ? 0 : (100 * long.length) / words),
    longShare: words === 0 ? 0 : rare.length / words,
  };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const percent = (share: number): number => Math.round(share * 100);

export const plainHarder = plainRule({
  id: 'plain-harder',
  meta: {
    severity: 'error',
    name: 'rules.plain-harder.name',
    docs: {
      description: 'Fail an own plain text that is harder than its standard text (longer sentences, LIX, long words).',
      url: 'docs/plain-language.md#plain-harder',
    },
    messages: {
      longerSentences: 'rules.plain-harder.message_sentences',
      higherLix: 'rules.plain-harder.message_lix',
      longerWords: 'rules.plain-harder.message_words',
      simplify: 'rules.plain-harder.suggestion',
    },
    appliesTo: { scope: ['counterparts'], languages: 'all', variants: ['plain'] },
  },
  examples: {
    flag: [
      {
        text: 'Skriv hvor mange kroner du betaler for alle barna dine til sammen hver måned.',
        standard: 'I kroner. Ta med alle barna.',
        variant: 'plain',
        found: [''],
        details: [{ value: 14, limit: 10 }],
        note: 'one sentence of 14 words for two of 2 and 4',
      },
      {
        text: 'Opplysningene i søknaden behandles fortløpende av saksbehandleren i kommunen.',
        standard: 'Vi leser søknaden din så fort vi kan, og vi svarer deg.',
        variant: 'plain',
        found: ['', ''],
        note: 'LIX and long words: both higher',
      },
      {
        text: 'Please substantiate your eligibility with comprehensive documentation from your employer.',
        standard: 'Send papers that show you can get the money.',
        locale: 'en',
        variant: 'plain',
        found: [''],
        note: 'English: no LIX, but the long words',
      },
    ],
    pass: [
      {
        text: 'Skriv hvor mange kroner. Ta med alle barna.',
        standard: 'I kroner. Ta med alle barna.',
        variant: 'plain',
        note: 'longer, in short sentences',
      },
      {
        text: 'Søk om penger til å leve av (sosialhjelp)',
        standard: 'Søk om økonomisk sosialhjelp',
        variant: 'plain',
        note: 'more words, all of them common: a sentence of 8 words is short',
      },
      {
        text: 'Skriv hvor mange kroner du betaler for alle barna dine til sammen hver måned.',
        standard: 'Skriv summen du betaler for barna hver måned, i kroner, for alle barna til sammen.',
        variant: 'plain',
        note: 'as long as the standard text',
      },
    ],
  },
  check({ item, segmented, standard, config, language }) {
    if (standard === undefined || !item.ownPlain) return [];
    const { wordsPerSentence, lix, longWordShare, minWords } = config.plainHarder;
    const plain = scores(segmented, language, config);
    const base = scores(segment(standard, item.locale), language, config);
    const found = [];
    const sentenceBar = Math.max(base.wordsPerSentence + wordsPerSentence.margin, wordsPerSentence.floor);
    if (plain.wordsPerSentence > sentenceBar)
      found.push({
        message: 'longerSentences' as const,
        suggestion: 'simplify' as const,
        words: [],
        params: { plain: round1(plain.wordsPerSentence), standard: round1(base.wordsPerSentence) },
        value: round1(plain.wordsPerSentence),
        limit: round1(sentenceBar),
      });
    const long = plain.words >= minWords;
    const lixBar = Math.max(base.lix + lix.margin, lix.floor);
    if (long && config.lix.locales.includes(languageOf(item.locale)) && plain.lix > lixBar)
      found.push({
        message: 'higherLix' as const,
        suggestion: 'simplify' as const,
        words: [],
        params: { plain: Math.round(plain.lix), standard: Math.round(base.lix) },
        value: Math.round(plain.lix),
        limit: Math.round(lixBar),
      });
    const wordLengthMeans = [...config.lix.locales, ...config.flesch.locales].includes(languageOf(item.locale));
    if (long && wordLengthMeans && plain.longShare > base.longShare + longWordShare.margin)
      found.push({
        message: 'longerWords' as const,
        suggestion: 'simplify' as const,
        words: [],
        params: { plain: percent(plain.longShare), standard: percent(base.longShare) },
        value: percent(plain.longShare),
        limit: percent(base.longShare + longWordShare.margin),
      });
    return found;
  },
});

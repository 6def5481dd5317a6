// Sentence length: words per sentence against the bars of the text's variant, with caps per language
// (config.sentenceWords.byLocale) for languages where one word carries more.
import { sentenceLimits } from '../config.ts';
import { spanOf } from '../segment.ts';
import { plainRule } from './rule.ts';

const PREVIEW_WORDS = 12;

/** The sentence as the message quotes it: its first twelve words. */
function preview(text: string, wordCount: number): string {
  if (wordCount <= PREVIEW_WORDS) return text;
  return `${text.split(/\s+/).slice(0, PREVIEW_WORDS).join(' ')} …`;
}

/** ord0 ord1 … ordN. (numbered words) or слово слово … (one word repeated), as one sentence. */
const words = (count: number, word?: string): string =>
  `${Array.from({ length: count }, (_, i) => word ?? `ord${i}`).join(' ')}.`;

export const sentenceLength = plainRule({
  id: 'sentence-length',
  meta: {
    severity: 'warning',
    name: 'rules.sentence-length.name',
    docs: {
      description: 'Warn about a sentence above the warning bar of its variant and language, err above the error bar.',
      url: 'docs/plain-language.md#sentence-length',
    },
    messages: { tooLong: 'rules.sentence-length.message', split: 'rules.sentence-length.suggestion' },
    appliesTo: { scope: ['text'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: words(21), found: [''], details: [{ severity: 'warning' }], note: 'standard: warn above 20' },
      { text: words(26), found: [''], details: [{ severity: 'error', value: 26, limit: 25 }] },
      {
        text: words(21),
        variant: 'plain',
        found: [''],
        details: [{ severity: 'error', variant: 'plain', limit: 20 }],
        note: 'plain: warn above 15, error above 20',
      },
      { text: words(17, 'слово'), locale: 'se', found: [''], details: [{ severity: 'warning' }], note: 'Sámi caps' },
    ],
    pass: [{ text: words(20) }, { text: words(17, 'слово'), locale: 'uk', note: 'Ukrainian caps: warn above 18' }],
  },
  check({ item, segmented, config, language }) {
    const limits = sentenceLimits(config, language, item.variant);
    return segmented.sentences.flatMap((sentence) => {
      const count = sentence.words.length;
      const limit =
        limits.error !== undefined && count > limits.error
          ? { severity: 'error' as const, bar: limits.error }
          : limits.warn !== undefined && count > limits.warn
            ? { severity: 'warning' as const, bar: limits.warn }
            : undefined;
      if (limit === undefined) return [];
      return [
        {
          message: 'tooLong' as const,
          suggestion: 'split' as const,
          severity: limit.severity,
          words: [],
          params: { count, limit: limit.bar, sentence: preview(sentence.text, count) },
          value: count,
          limit: limit.bar,
          span: spanOf(sentence.words),
        },
      ];
    });
  },
});

// Graded sentence difficulty, after Hemingway's hard / very hard sentences: a sentence's own LIX (words +
// 100 × long words / words), for sentences of at least `MIN_WORDS` words. Above 50 it is hard, above 60
// very hard. A tip, not a bar: sentence-length and the step's LIX are the bars.
import { plainRule } from './rule.ts';

const MIN_WORDS = 10;
const HARD = 50;
const VERY_HARD = 60;

export const sentenceDifficulty = plainRule({
  id: 'sentence-difficulty',
  meta: {
    severity: 'info',
    name: 'rules.sentence-difficulty.name',
    docs: {
      description:
        'Grade each sentence by its own LIX: hard above 50, very hard above 60 (sentences of 10 words or more).',
      url: 'docs/plain-language.md#sentence-difficulty',
    },
    messages: {
      hard: 'rules.sentence-difficulty.message_hard',
      veryHard: 'rules.sentence-difficulty.message_veryHard',
      simplify: 'rules.sentence-difficulty.suggestion',
    },
    appliesTo: { scope: ['sentence'], languages: 'lix', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        text: 'Arbeidsavklaringspenger forutsetter dokumentert arbeidsevnenedsettelse og gjennomførte behandlingstiltak innenfor rimelig tid.',
        found: [''],
        details: [{ value: 90 }],
        note: 'very hard: 10 words, 8 long',
      },
      {
        text: 'Du må legge ved dokumentasjon på inntekter, utgifter og eventuelle kontoutskrifter fra banken.',
        found: [''],
        details: [{ value: 51 }],
        note: 'hard: 13 words, 5 long',
      },
    ],
    pass: [
      { text: 'Du må sende søknaden innen fristen, ellers kan vi ikke behandle den.' },
      { text: 'Arbeidsavklaringspenger.', note: 'too short to grade' },
    ],
  },
  check({ sentence, config }) {
    const words = sentence.words.length;
    if (words < MIN_WORDS) return [];
    const long = sentence.words.filter((w) => w.letters > config.lix.longWordLetters).length;
    const lix = Math.round(words + (100 * long) / words);
    if (lix <= HARD) return [];
    const first = sentence.words[0]!;
    const last = sentence.words[words - 1]!;
    return [
      {
        message: lix > VERY_HARD ? ('veryHard' as const) : ('hard' as const),
        suggestion: 'simplify' as const,
        words: [],
        span: { start: first.start, end: last.end },
        value: lix,
        limit: lix > VERY_HARD ? VERY_HARD : HARD,
        params: { value: lix, long, count: words },
      },
    ];
  },
});

// Shouting: a sentence written in capitals («OOPS, NOE GIKK GALT»). It is one finding for the sentence, not
// one abbreviation per word: capitals are read as shouting and are slower to read (no word shapes).
import data from '../data/abbreviations.json' with { type: 'json' };
import type { Sentence } from '../segment.ts';
import { plainRule } from './rule.ts';

const ALLOW = new Set(data.allow.map((a) => a.toLocaleUpperCase()));
const CAPITALS = /^\p{Lu}{2,}$/u;

/** Whether a sentence is written in capitals: at least two words of two letters or more, all of them capitals, not only known abbreviations. */
export function isShouting(sentence: Sentence): boolean {
  const words = sentence.words.filter((w) => !w.placeholder && w.letters >= 2);
  const parts = words.flatMap((w) => w.text.split(/[-\u2010\u2011]/)).filter((p) => p.length >= 2);
  if (parts.length < 2 || !parts.every((p) => CAPITALS.test(p))) return false;
  return parts.some((p) => !ALLOW.has(p));
}

export const shouting = plainRule({
  id: 'shouting',
  meta: {
    severity: 'warning',
    name: 'rules.shouting.name',
    docs: {
      description: 'Warn about a sentence written in capitals, once per sentence (not as abbreviations).',
      url: 'docs/plain-language.md#shouting',
    },
    messages: { shouting: 'rules.shouting.message', normalCase: 'rules.shouting.suggestion' },
    appliesTo: { scope: ['sentence'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'OOPS, NOE GIKK GALT', found: ['OOPS, NOE GIKK GALT'] },
      { text: 'Husk fristen. IKKE SEND SØKNADEN TO GANGER!', found: ['IKKE SEND SØKNADEN TO GANGER!'] },
      { text: 'PLEASE READ THIS FIRST.', locale: 'en', found: ['PLEASE READ THIS FIRST.'] },
    ],
    pass: [
      { text: 'Oops, noe gikk galt.' },
      { text: 'Send søknaden til NAV.', note: 'one abbreviation is not shouting' },
      { text: 'NAV PDF', note: 'only known abbreviations' },
    ],
  },
  check({ sentence }) {
    if (!isShouting(sentence)) return [];
    const first = sentence.words[0]!;
    return [
      {
        message: 'shouting' as const,
        suggestion: 'normalCase' as const,
        words: [sentence.text],
        span: { start: first.start, end: first.start + sentence.text.length },
      },
    ];
  },
});

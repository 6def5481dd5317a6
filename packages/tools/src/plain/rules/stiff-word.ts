// Stiff words (kanselliord, «NAV language») from data/stiff-words.json, with plain alternatives.
// A form may be several words (i henhold til); forms ending in a full stop (iht., jf.) match the word
// without it, since the full stop is not part of a word.
import data from '../data/stiff-words.json' with { type: 'json' };
import type { Segmented, Sentence } from '../segment.ts';
import type { Severity } from '../types.ts';
import { plainRule } from './rule.ts';

export interface StiffWordEntry {
  nb: string[];
  nn: string[];
  plain: { nb: string[]; nn: string[] };
  source: string;
  severity?: 'info' | 'warning';
  /** Stiff only outside questions: «Hva gjelder søknaden, …» is stiff, «Hva gjelder det?» is not. */
  notInQuestion?: boolean;
  /** Stiff in bokmål only: the nynorsk word is the plain one (dersom, stadfeste); no nynorsk forms. */
  nbOnly?: boolean;
  /** For a word with nothing to put in its place (plain is empty): drop it, rewrite the sentence, or repeat the noun. */
  advice?: StiffAdvice;
}

export type StiffAdvice = 'drop' | 'rewrite' | 'repeat';

export const stiffWords: readonly StiffWordEntry[] = data.entries as StiffWordEntry[];

interface Form {
  tokens: string[];
  entry: StiffWordEntry;
}

function index(locale: 'nb' | 'nn'): Map<string, Form[]> {
  const byFirst = new Map<string, Form[]>();
  for (const entry of stiffWords) {
    for (const form of entry[locale]) {
      const tokens = form
        .toLocaleLowerCase()
        .split(/\s+/)
        .map((t) => t.replace(/\.$/, ''));
      const list = byFirst.get(tokens[0]!) ?? [];
      list.push({ tokens, entry });
      byFirst.set(
        tokens[0]!,
        list.sort((a, b) => b.tokens.length - a.tokens.length),
      );
    }
  }
  return byFirst;
}

const INDEX: Record<'nb' | 'nn', Map<string, Form[]>> = { nb: index('nb'), nn: index('nn') };

export interface StiffWordHit {
  words: string[];
  span: { start: number; end: number };
  alternatives: string[];
  advice?: StiffAdvice;
  severity: Severity;
  source: string;
}

export function findStiffWords(segmented: Segmented, locale: 'nb' | 'nn'): StiffWordHit[] {
  return segmented.sentences.flatMap((sentence) => findInSentence(sentence, locale));
}

function findInSentence(sentence: Sentence, locale: 'nb' | 'nn'): StiffWordHit[] {
  const words = sentence.words;
  const lower = words.map((w) => w.lower);
  const hits: StiffWordHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const forms = INDEX[locale].get(lower[i]!);
    const form = forms?.find(
      (f) => f.tokens.every((t, k) => lower[i + k] === t) && !(f.entry.notInQuestion && sentence.end === '?'),
    );
    if (!form) continue;
    const found = words.slice(i, i + form.tokens.length);
    hits.push({
      words: found.map((w) => w.text),
      span: { start: found[0]!.start, end: found[found.length - 1]!.end },
      alternatives: form.entry.plain[locale],
      ...(form.entry.advice === undefined ? {} : { advice: form.entry.advice }),
      severity: form.entry.severity ?? 'info',
      source: form.entry.source,
    });
    i += form.tokens.length - 1;
  }
  return hits;
}

export const stiffWord = plainRule({
  id: 'stiff-word',
  meta: {
    severity: 'info',
    name: 'rules.stiff-word.name',
    docs: {
      description:
        'Point out stiff and internal words (kanselliord) with plain alternatives; info or warning per entry, never error.',
      url: 'docs/plain-language.md#stiff-word',
    },
    messages: {
      stiff: 'rules.stiff-word.message',
      writeInstead: 'rules.stiff-word.suggestion',
      drop: 'rules.stiff-word.suggestion_drop',
      rewrite: 'rules.stiff-word.suggestion_rewrite',
      repeat: 'rules.stiff-word.suggestion_repeat',
    },
    appliesTo: { scope: ['text'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        text: 'I henhold til loven er dette påkrevd. Vi trenger bistand vedrørende saken.',
        found: ['I henhold til', 'påkrevd', 'bistand', 'vedrørende'],
        details: [{ severity: 'warning' }, { severity: 'warning' }, { severity: 'warning' }, { severity: 'warning' }],
      },
      { text: 'Dette er påkravd i henhald til lova.', locale: 'nn', found: ['påkravd', 'i henhald til'] },
      { text: 'Du må forevise legitimasjon.', found: ['forevise'], details: [{ severity: 'info' }], note: 'a tip' },
      {
        text: 'Hva gjelder søknaden, må du sende den innen fristen.',
        found: ['Hva gjelder'],
        note: 'a stiff opening outside a question',
      },
      {
        text: 'Vennligst prøv igjen. Vi innhenter opplysninger fra Skatteetaten.',
        found: ['Vennligst', 'innhenter'],
        note: '«vennligst» gets «stryk ordet» as advice, not as a word to write',
      },
      { text: 'Du kan henvende deg til NAV-kontoret ditt.', found: ['henvende deg'] },
      { text: 'Vi har innhenta opplysningar om deg.', locale: 'nn', found: ['innhenta'] },
    ],
    pass: [
      { text: 'Hva gjelder det?', note: 'a plain question' },
      { text: 'Du kan kontakte NAV-kontoret ditt. Vi henter opplysninger fra Skatteetaten.' },
      { text: 'Etter loven er dette nødvendig. Vi trenger hjelp med saken.' },
    ],
  },
  check({ segmented, norwegian }) {
    if (norwegian === undefined) return [];
    return findStiffWords(segmented, norwegian).map((hit) => ({
      message: 'stiff' as const,
      suggestion: hit.advice ?? ('writeInstead' as const),
      severity: hit.severity,
      words: hit.words,
      span: hit.span,
      params: { source: hit.source, alternatives: { alternatives: hit.alternatives } },
    }));
  },
});

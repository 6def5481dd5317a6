// Address the reader: questions and help texts say «du»; NAV says «vi» or «NAV». Flags words that talk
// about the reader (søker, bruker, man, vedkommende, undertegnede) in any text, and the first person
// (jeg, meg, min) in questions, help texts and titles, and the old polite forms (De, Dem, Deres inside a
// sentence); answer options and consent texts are in the first
// person («Jeg bekrefter at …») and are not flagged. «bruker» and «søker» are also verbs (Vi bruker …,
// Du søker …): they are flagged only as nouns. First-person words inside quotes («Jeg vet ikke») are a
// quoted answer, not the text's own voice.
import data from '../data/reader-address.json' with { type: 'json' };
import type { Segmented } from '../segment.ts';
import type { TextRole } from './context.ts';
import { plainRule } from './rule.ts';

interface Lists {
  thirdPerson: Set<string>;
  ambiguous: Set<string>;
  nounCues: Set<string>;
  verbCues: Set<string>;
  pronouns: Set<string>;
  firstPerson: Set<string>;
  pronounBeforeVerb: Set<string>;
  politeForms: Set<string>;
  suggestion: Record<string, string>;
}

interface RawLists {
  thirdPerson: string[];
  ambiguous: string[];
  nounCues: string[];
  verbCues: string[];
  pronouns: string[];
  firstPerson: string[];
  pronounBeforeVerb: string[];
  politeForms: string[];
  suggestion: Record<string, string>;
}

const lists = (raw: RawLists): Lists => ({
  thirdPerson: new Set(raw.thirdPerson),
  ambiguous: new Set(raw.ambiguous),
  nounCues: new Set(raw.nounCues),
  verbCues: new Set(raw.verbCues),
  pronouns: new Set(raw.pronouns),
  firstPerson: new Set(raw.firstPerson),
  pronounBeforeVerb: new Set(raw.pronounBeforeVerb),
  politeForms: new Set(raw.politeForms),
  suggestion: raw.suggestion,
});

const LISTS: Record<'nb' | 'nn', Lists> = { nb: lists(data.nb as RawLists), nn: lists(data.nn as RawLists) };
const FIRST_PERSON_ROLES: ReadonlySet<TextRole> = new Set(['question', 'help', 'title']);

export interface ReaderAddressHit {
  words: string[];
  kind: 'thirdPerson' | 'firstPerson' | 'polite';
  instead: string;
}

/** Offsets inside «…» or "…" quotes. */
function quoted(text: string): Array<[number, number]> {
  return [...text.matchAll(/«[^»]*»|“[^”]*”|"[^"]*"/g)].map((m) => [m.index, m.index + m[0].length]);
}

function insteadOf(word: string, l: Lists): string {
  const direct = l.suggestion[word];
  if (direct) return direct;
  const key = Object.keys(l.suggestion).find((k) => word.startsWith(k));
  return key ? l.suggestion[key]! : 'du';
}

export function findReaderAddress(segmented: Segmented, locale: 'nb' | 'nn', role: TextRole): ReaderAddressHit[] {
  const l = LISTS[locale];
  const quotes = quoted(segmented.text);
  const hits: ReaderAddressHit[] = [];
  for (const sentence of segmented.sentences) {
    const words = sentence.words;
    words.forEach((word, i) => {
      const w = word.lower;
      const prev = words[i - 1]?.lower;
      const next = words[i + 1]?.lower;
      if (i > 0 && l.politeForms.has(word.text)) {
        hits.push({ words: [word.text], kind: 'polite', instead: 'du' });
      } else if (l.thirdPerson.has(w)) {
        hits.push({ words: [word.text], kind: 'thirdPerson', instead: insteadOf(w, l) });
      } else if (l.ambiguous.has(w)) {
        const noun =
          (prev !== undefined && l.nounCues.has(prev)) ||
          (next !== undefined && l.verbCues.has(next) && (prev === undefined || !l.pronouns.has(prev)));
        if (noun) hits.push({ words: [word.text], kind: 'thirdPerson', instead: insteadOf(w, l) });
      } else if (l.pronounBeforeVerb.has(w) && next !== undefined && l.verbCues.has(next)) {
        hits.push({ words: [word.text], kind: 'thirdPerson', instead: insteadOf(w, l) });
      } else if (
        FIRST_PERSON_ROLES.has(role) &&
        l.firstPerson.has(w) &&
        !quotes.some(([from, to]) => word.start >= from && word.end <= to)
      ) {
        hits.push({ words: [word.text], kind: 'firstPerson', instead: 'du' });
      }
    });
  }
  return hits;
}

export const readerAddress = plainRule({
  id: 'reader-address',
  meta: {
    severity: 'warning',
    name: 'rules.reader-address.name',
    docs: {
      description:
        'Warn about words that talk about the reader (søker, man), the first person in questions and help, and old polite forms.',
      url: 'docs/plain-language.md#reader-address',
    },
    messages: {
      aboutTheReader: 'rules.reader-address.message',
      writeInstead: 'rules.reader-address.suggestion',
      firstPerson: 'rules.reader-address.message_firstPerson',
      writeDu: 'rules.reader-address.suggestion_firstPerson',
      polite: 'rules.reader-address.message_polite',
      writeDuDegDin: 'rules.reader-address.suggestion_polite',
    },
    appliesTo: { scope: ['text'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        text: 'Søker må legge ved lønnsslipp. Brukeren får svar. Man kan klage. Vedkommende må signere.',
        role: 'help',
        found: ['Søker', 'Brukeren', 'Man', 'Vedkommende'],
      },
      { text: 'Undertegnede bekrefter dette.', role: 'consent', found: ['Undertegnede'] },
      { text: 'Hva skal jeg skrive?', role: 'question', found: ['jeg'] },
      {
        text: 'Vi har mottatt Deres søknad. De må sende mer.',
        role: 'help',
        found: ['Deres'],
        note: '«De» first is «they»',
      },
      { text: 'Ein må sende søknaden. Du får ein kopi.', locale: 'nn', role: 'help', found: ['Ein'] },
    ],
    pass: [
      {
        text: 'Vi bruker fødselsnummeret ditt. Du søker om støtte. Hvis du bruker BankID, går det fortere.',
        role: 'help',
        note: '«bruker» and «søker» as verbs',
      },
      { text: 'Jeg jobber deltid', role: 'option', note: 'answer options are in the first person' },
      { text: 'Jeg bekrefter at opplysningene er riktige.', role: 'consent' },
      { text: 'Velg «Jeg vet ikke» hvis du er usikker.', role: 'help', note: 'a quoted answer' },
    ],
  },
  check({ item, segmented, norwegian }) {
    if (norwegian === undefined) return [];
    return findReaderAddress(segmented, norwegian, item.role).map((hit) => ({
      message:
        hit.kind === 'thirdPerson'
          ? ('aboutTheReader' as const)
          : hit.kind === 'firstPerson'
            ? ('firstPerson' as const)
            : ('polite' as const),
      suggestion:
        hit.kind === 'thirdPerson'
          ? ('writeInstead' as const)
          : hit.kind === 'firstPerson'
            ? ('writeDu' as const)
            : ('writeDuDegDin' as const),
      severity: 'warning' as const,
      words: hit.words,
      params: { instead: hit.instead },
    }));
  },
});

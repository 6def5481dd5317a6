// Nominalisations: a light verb with a verbal noun a few words later (foreta en vurdering, gjennomføre en
// utbetaling, gi en bekreftelse, sette i gang behandling), and fixed phrases (være gjenstand for).
// A suffix alone (-ing, -else, -sjon) is never flagged: dokumentasjon and informasjon are usually
// unavoidable (docs/plain-language.md). The noun must end in a suffix after its inflection is taken off
// (vurderingen → vurdering), and not be on the data's notVerbalNouns list (also not as the last part of a
// compound: boligsituasjon).
import data from '../data/nominalisation.json' with { type: 'json' };
import type { Segmented, Sentence } from '../segment.ts';
import { wordsWithBreaks } from './context.ts';
import { plainRule } from './rule.ts';

interface Lists {
  /** Light verbs by their first word, longest first: gi → [gi]; sette → [sette i gang]. */
  lightVerbs: Map<string, string[][]>;
  window: number;
  stopWords: Set<string>;
  suffixes: string[];
  inflections: string[];
  notVerbalNouns: string[];
  fixedPhrases: Array<{ phrase: string[]; verb: string }>;
  lightPhrases: Array<{ words: Array<Set<string>>; verb: string; gap?: number }>;
  phraseGap: number;
}

function lists(raw: (typeof data)['nb']): Lists {
  return {
    lightVerbs: byFirstWord(raw.lightVerbs.map((v) => v.split(' ')).sort((a, b) => b.length - a.length)),
    window: raw.window,
    stopWords: new Set(raw.stopWords),
    suffixes: raw.nounSuffixes,
    inflections: [...raw.inflections].sort((a, b) => b.length - a.length),
    notVerbalNouns: raw.notVerbalNouns,
    fixedPhrases: raw.fixedPhrases,
    lightPhrases: raw.lightPhrases.map((p) => ({
      words: p.words.map((w) => new Set(w.split('|'))),
      verb: p.verb,
      ...('gap' in p && typeof p.gap === 'number' ? { gap: p.gap } : {}),
    })),
    phraseGap: raw.phraseGap,
  };
}

function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) map.set(phrase[0]!, [...(map.get(phrase[0]!) ?? []), phrase]);
  return map;
}

/** The light verb (one or more words) that starts at `at`, if any. */
const lightVerbAt = (l: Lists, lower: readonly string[], at: number): string[] | undefined =>
  l.lightVerbs.get(lower[at]!)?.find((v) => matchesAt(lower, at, v));

const LISTS: Record<'nb' | 'nn', Lists> = { nb: lists(data.nb), nn: lists(data.nn) };

export interface NominalisationHit {
  words: string[];
  span: { start: number; end: number };
  /** The verb to use instead, where it can be made from the noun (vurdering → vurdere). */
  verb?: string;
}

/** The noun without its inflection, when it is a verbal noun: vurderingen → vurdering. */
export function verbalNounStem(word: string, l: Lists): string | undefined {
  if (!/^\p{L}+$/u.test(word)) return undefined;
  for (const ending of l.inflections) {
    if (!word.endsWith(ending)) continue;
    const stem = ending === '' ? word : word.slice(0, -ending.length);
    if (stem.length < 6 || !l.suffixes.some((suffix) => stem.endsWith(suffix))) continue;
    if (l.notVerbalNouns.some((noun) => stem.endsWith(noun))) return undefined;
    return stem;
  }
  return undefined;
}

/** A verb made from a verbal noun: vurdering → vurdere, bekreftelse → bekrefte, beslutning → beslutte. */
export function verbOf(stem: string): string | undefined {
  if (stem.endsWith('tning')) return `${stem.slice(0, -4)}te`; // beslutning → beslutte
  if (stem.endsWith('ing')) return `${stem.slice(0, -3)}e`; // vurdering → vurdere, utbetaling → utbetale
  if (stem.endsWith('else')) return `${stem.slice(0, -4)}e`; // bekreftelse → bekrefte
  if (stem.endsWith('asjon')) return `${stem.slice(0, -5)}ere`; // evaluasjon → evaluere
  return undefined;
}

const matchesAt = (words: readonly string[], at: number, phrase: readonly string[]): boolean =>
  phrase.every((part, k) => words[at + k] === part);

/**
 * The indexes of a light-verb phrase's words starting at `at` («ta kontakt med», «gi oss beskjed»): up to
 * `gap` words may stand between its first and second word, with no punctuation; the rest follow each other.
 */
function phraseAt(
  entries: ReturnType<typeof wordsWithBreaks>,
  lower: readonly string[],
  at: number,
  phrase: ReadonlyArray<ReadonlySet<string>>,
  gap: number,
): number[] | undefined {
  if (!phrase[0]!.has(lower[at]!)) return undefined;
  if (phrase.length === 1) return [at];
  for (let second = at + 1; second <= at + 1 + gap && second < lower.length; second++) {
    if (entries[second - 1]!.breakAfter) return undefined;
    if (!phrase[1]!.has(lower[second]!)) continue;
    const found = [at, second];
    for (let k = 2; k < phrase.length; k++) {
      const next = second + k - 1;
      if (entries[next - 1]!.breakAfter || !phrase[k]!.has(lower[next] ?? '')) return undefined;
      found.push(next);
    }
    return found;
  }
  return undefined;
}

export function findNominalisations(
  segmented: Segmented,
  sentence: Sentence,
  locale: 'nb' | 'nn',
): NominalisationHit[] {
  const l = LISTS[locale];
  const entries = wordsWithBreaks(segmented, sentence);
  const lower = entries.map((e) => e.word.lower);
  const hits: NominalisationHit[] = [];
  const spanOf = (first: number, last: number) => ({ start: entries[first]!.word.start, end: entries[last]!.word.end });
  for (let i = 0; i < entries.length; i++) {
    let phrase: number[] | undefined;
    const light = l.lightPhrases.find((p) => (phrase = phraseAt(entries, lower, i, p.words, p.gap ?? l.phraseGap)));
    if (light && phrase) {
      const last = phrase[phrase.length - 1]!;
      hits.push({ words: phrase.map((k) => entries[k]!.word.text), span: spanOf(i, last), verb: light.verb });
      i = last;
      continue;
    }
    const fixed = l.fixedPhrases.find((f) => matchesAt(lower, i, f.phrase));
    if (fixed) {
      const last = i + fixed.phrase.length - 1;
      hits.push({
        words: entries.slice(i, last + 1).map((e) => e.word.text),
        span: spanOf(i, last),
        verb: fixed.verb,
      });
      i = last;
      continue;
    }
    const verb = lightVerbAt(l, lower, i);
    if (!verb) continue;
    const verbEnd = i + verb.length - 1;
    if (entries[verbEnd]!.breakAfter) continue;
    for (let j = verbEnd + 1; j < entries.length && j <= verbEnd + l.window; j++) {
      if (l.stopWords.has(lower[j]!) || lightVerbAt(l, lower, j) !== undefined) break;
      const stem = verbalNounStem(lower[j]!, l);
      if (stem !== undefined) {
        const made = verbOf(stem);
        hits.push({
          words: [...entries.slice(i, verbEnd + 1).map((e) => e.word.text), entries[j]!.word.text],
          span: spanOf(i, j),
          ...(made ? { verb: made } : {}),
        });
        i = j;
        break;
      }
      if (entries[j]!.breakAfter) break;
    }
  }
  return hits;
}

export const nominalisation = plainRule({
  id: 'nominalisation',
  meta: {
    severity: 'warning',
    name: 'rules.nominalisation.name',
    docs: {
      description: 'Warn about a light verb with a verbal noun (foreta en vurdering) and suggest the verb (vurdere).',
      url: 'docs/plain-language.md#nominalisation',
    },
    messages: {
      hiddenVerb: 'rules.nominalisation.message',
      useVerb: 'rules.nominalisation.suggestion',
      useAVerb: 'rules.nominalisation.suggestion_noVerb',
    },
    appliesTo: { scope: ['sentence'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'NAV vil foreta en vurdering av saken.', found: ['foreta vurdering'] },
      { text: 'Vi gjennomfører en utbetaling hver måned.', found: ['gjennomfører utbetaling'] },
      { text: 'Du får beskjed når vi har satt i gang behandlingen.', found: ['satt i gang behandlingen'] },
      { text: 'Saken er gjenstand for vurdering.', found: ['er gjenstand for'] },
      { text: 'Vi kan gi deg en skriftlig bekreftelse.', found: ['gi bekreftelse'] },
      { text: 'Me skal gjere ei vurdering av saka.', locale: 'nn', found: ['gjere vurdering'] },
      {
        text: 'Du må gi beskjed hvis noe endrer seg.',
        found: ['gi beskjed'],
        note: 'a light-verb phrase: «si fra» (issue 17; this was a pass example before)',
      },
      { text: 'Ta gjerne kontakt med NAV-kontoret ditt.', found: ['Ta kontakt med'] },
      {
        text: 'Har du behov for hjelp? Ved manglende svar avslår vi søknaden.',
        found: ['behov for', 'Ved manglende'],
      },
      { text: 'Gi oss samtykke til å hente opplysninger.', found: ['Gi samtykke'] },
      {
        text: 'Ta kontakt med NAV-kontoret dersom du har behov for hjelp.',
        locale: 'nn',
        found: ['Ta kontakt med', 'behov for'],
      },
    ],
    pass: [
      { text: 'Send dokumentasjon og informasjon om situasjonen din.', note: 'a suffix alone is not flagged' },
      { text: 'Vi gir deg informasjon om utdanning.', note: 'usually unavoidable nouns' },
      { text: 'Vurderingen tar tid.' },
      { text: 'Du får beskjed når vi har behandlet søknaden.', note: 'getting a message is plain' },
      { text: 'Vi trenger kontaktinformasjon til deg.' },
      { text: 'Kommunen skal hjelpe deg å finne et sted å bo.', note: '«finne sted» only as it stands' },
    ],
  },
  check({ segmented, sentence, norwegian }) {
    if (norwegian === undefined) return [];
    return findNominalisations(segmented, sentence, norwegian).map((hit) => ({
      message: 'hiddenVerb' as const,
      suggestion: hit.verb === undefined ? ('useAVerb' as const) : ('useVerb' as const),
      severity: 'warning' as const,
      words: hit.words,
      span: hit.span,
      params: { verb: hit.verb ?? '' },
    }));
  },
});

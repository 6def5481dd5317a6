// Passive voice in bokmål and nynorsk (docs/plain-language.md: "Passive voice").
//
// bokmål
// - s-passive: a word in -es (sendes, vurderes, sendtes) or a short form (gis, tas, fås, bes, sies).
//   After a modal (kan, må, skal, …) or «å», with at most three adverbs, pronouns or nouns between, it is
//   a passive infinitive. Elsewhere the -es word may be a genitive (ektefelles inntekt) or a finite
//   passive (Søknaden behandles av NAV), and the context decides:
//   1. first word of a sentence that is not a question → genitive (Ektefelles inntekt …);
//   2. after a determiner or possessive in front of a noun (din ektefelles, hver kommunes) or after a
//      preposition (til ektefelles) → genitive. A possessive after a definite noun (søknaden din
//      behandles) does not count: it belongs to the noun before it;
//   3. followed by punctuation, the end, a preposition, adverb or conjunction (data: followers) → passive;
//   4. after a subject word (det, som, du, …) or a definite noun (søknaden, pengene) → passive;
//   5. otherwise → not passive (most likely a genitive before a noun).
//   Right after a modal that opens a question, an -es word before a noun is the subject's genitive
//   (Kan tantes inntekt regnes med?).
//   Deponents (finnes, synes, trives, lykkes, skyldes, minnes …), adverbs and other look-alikes (felles,
//   fremdeles, hennes, diabetes …) are never passive (data/passive.json).
// - bli-passive: bli/blir/ble/blei/blitt + a participle, with at most four adverbs, pronouns or a
//   definite noun between (blir søknaden din behandlet). A participle ends in -t or -d (sendt, vurdert,
//   behandlet, bedt), and is not an adjective, noun or preposition from the data (blir syk, blir glad, blir
//   gift, blir født, blir student, blir med, blir kjent med).
// nynorsk
// - s-passive only after a modal or «å» (kan sendast, må vurderast): -ast, less deponents (lukkast,
//   finnast) and superlatives (seinast, raskast); a finite -ast/-st word is not flagged (det finst).
// - bli/blir/blei/verte/vert/vart/vorte + participle, where a participle may also end in -a (behandla,
//   kalla), -te/-de in the plural (utbetalte), or be a strong form (skriven, gjeve, teken).
import data from '../data/passive.json' with { type: 'json' };
import type { Sentence, Segmented } from '../segment.ts';
import { wordsWithBreaks } from './context.ts';
import { plainRule } from './rule.ts';

interface Lists {
  modals: Set<string>;
  infinitiveMarkers: Set<string>;
  deponents: Set<string>;
  notPassive: Set<string>;
  notPassiveSuffixes: string[];
  genitiveNouns: Set<string>;
  shortPassives: Set<string>;
  shortPassivesAfterModal: Set<string>;
  determiners: Set<string>;
  prepositions: Set<string>;
  subjectWords: Set<string>;
  followers: Set<string>;
  followerSuffixes: string[];
  definiteSuffixes: string[];
  auxiliaries: Set<string>;
  skipAfterAuxiliary: Set<string>;
  notParticiples: Set<string>;
  notParticipleSuffixes: string[];
  participles: Set<string>;
  notParticipleBefore: Record<string, string[]>;
  strongParticiples: Set<string>;
  pluralParticipleSuffixes: string[];
  aParticiples: boolean;
  questionWords: Set<string>;
  lexicon: Map<string, ActiveForm>;
}

/** The active form of a passive verb from the lexicon: behandles → behandle, behandler, vi. */
interface ActiveForm {
  infinitive: string;
  present: string;
  /** Who usually does it: «vi» (the office) or «du» (the reader). */
  actor: string;
}

interface RawLists {
  modals: string[];
  infinitiveMarkers: string[];
  deponents: string[];
  notPassive: string[];
  notPassiveSuffixes?: string[];
  genitiveNouns: string[];
  shortPassives: string[];
  shortPassivesAfterModal: string[];
  determiners: string[];
  prepositions: string[];
  subjectWords: string[];
  followers: string[];
  followerSuffixes: string[];
  definiteSuffixes: string[];
  auxiliaries: string[];
  skipAfterAuxiliary: string[];
  notParticiples: string[];
  notParticipleSuffixes: string[];
  participles: string[];
  notParticipleBefore: Record<string, string[]>;
  strongParticiples: string[];
  pluralParticipleSuffixes: string[];
  aParticiples: boolean;
  questionWords: string[];
  lexicon: Record<string, string[]>;
}

function lists(raw: RawLists): Lists {
  return {
    modals: new Set(raw.modals),
    infinitiveMarkers: new Set(raw.infinitiveMarkers),
    deponents: new Set(raw.deponents),
    notPassive: new Set(raw.notPassive),
    notPassiveSuffixes: raw.notPassiveSuffixes ?? [],
    genitiveNouns: new Set(raw.genitiveNouns),
    shortPassives: new Set(raw.shortPassives),
    shortPassivesAfterModal: new Set(raw.shortPassivesAfterModal),
    determiners: new Set(raw.determiners),
    prepositions: new Set(raw.prepositions),
    subjectWords: new Set(raw.subjectWords),
    followers: new Set(raw.followers),
    followerSuffixes: raw.followerSuffixes,
    definiteSuffixes: raw.definiteSuffixes,
    auxiliaries: new Set(raw.auxiliaries),
    skipAfterAuxiliary: new Set(raw.skipAfterAuxiliary),
    notParticiples: new Set(raw.notParticiples),
    notParticipleSuffixes: raw.notParticipleSuffixes,
    participles: new Set(raw.participles),
    notParticipleBefore: raw.notParticipleBefore,
    strongParticiples: new Set(raw.strongParticiples),
    pluralParticipleSuffixes: raw.pluralParticipleSuffixes,
    aParticiples: raw.aParticiples,
    questionWords: new Set(raw.questionWords),
    lexicon: new Map(
      Object.entries(raw.lexicon).map(([passive, [infinitive = '', present = '', actor = '']]) => [
        passive,
        { infinitive, present, actor },
      ]),
    ),
  };
}

const LISTS: Record<'nb' | 'nn', Lists> = { nb: lists(data.nb as RawLists), nn: lists(data.nn as RawLists) };
const POSSESSIVES = new Set([
  'min',
  'mitt',
  'mine',
  'din',
  'ditt',
  'dine',
  'sin',
  'sitt',
  'sine',
  'vår',
  'vårt',
  'våre',
  'hans',
  'hennes',
  'hennar',
  'deres',
  'dykkar',
]);
const UPPER_START = /^\p{Lu}/u;

export interface PassiveHit {
  kind: 's-passive' | 'bli-passive';
  /** The words that make the passive: [sendes] or [blir, behandlet]. */
  words: string[];
  /** An active form to suggest, for verbs in the lexicon (sender, sende). */
  active?: string;
  /** Who does it in the suggestion (vi, du), for verbs in the lexicon. */
  actor?: string;
  /** The modal or «å» before a passive infinitive (må sendes → må). */
  modal?: string;
  span: { start: number; end: number };
}

const endsWithAny = (word: string, suffixes: readonly string[], minStem = 2): boolean =>
  suffixes.some((suffix) => word.length >= suffix.length + minStem && word.endsWith(suffix));

function isDefiniteNoun(word: string, l: Lists): boolean {
  if (word.length < 4) return false;
  if (l.skipAfterAuxiliary.has(word) || l.prepositions.has(word) || l.modals.has(word) || l.auxiliaries.has(word))
    return false;
  return endsWithAny(word, l.definiteSuffixes);
}

function isParticiple(word: string, next: string | undefined, l: Lists): boolean {
  if (l.notParticiples.has(word)) return false;
  if (next !== undefined && l.notParticipleBefore[word]?.includes(next)) return false;
  if (l.participles.has(word) || l.strongParticiples.has(word)) return true;
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return false;
  if (endsWithAny(word, l.notParticipleSuffixes, 1)) return false;
  if (/[td]$/.test(word)) return true;
  if (l.aParticiples && word.length >= 5 && word.endsWith('a')) return true;
  return word.length >= 6 && endsWithAny(word, l.pluralParticipleSuffixes, 3);
}

/** Looks back from index i over adverbs, pronouns and nouns (at most three) for a modal or «å»; returns it. */
function modalBefore(entries: ReturnType<typeof wordsWithBreaks>, i: number, l: Lists): string | undefined {
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 3; j--, skipped++) {
    const { word, breakAfter } = entries[j]!;
    if (breakAfter) return undefined;
    const w = word.lower;
    if (l.modals.has(w) || l.infinitiveMarkers.has(w)) return w;
    if (!(l.skipAfterAuxiliary.has(w) || POSSESSIVES.has(w) || isDefiniteNoun(w, l) || l.subjectWords.has(w)))
      return undefined;
  }
  return undefined;
}

function sPassiveCandidate(word: string, l: Lists, locale: 'nb' | 'nn'): 'finite' | 'afterModal' | undefined {
  if (l.deponents.has(word) || l.notPassive.has(word) || l.genitiveNouns.has(word)) return undefined;
  if (endsWithAny(word, l.notPassiveSuffixes)) return undefined;
  if (!/^\p{L}+$/u.test(word)) return undefined; // hyphenated words, numbers
  if (locale === 'nn') {
    if ((word.length >= 5 && word.endsWith('ast')) || l.shortPassivesAfterModal.has(word)) return 'afterModal';
    return undefined;
  }
  if (l.shortPassives.has(word)) return 'finite';
  if (l.shortPassivesAfterModal.has(word)) return 'afterModal';
  if (word.length >= 5 && word.endsWith('es') && !word.endsWith('ies') && !word.endsWith('ees')) return 'finite';
  return undefined;
}

/**
 * «Søknaden behandles av NAV»: the agent after «av» (a name or a definite noun) does it in the suggestion
 * («NAV behandler»), instead of the lexicon's usual actor.
 */
function withAgent(
  active: { active?: string; actor?: string },
  entries: ReturnType<typeof wordsWithBreaks>,
  i: number,
  l: Lists,
): { active?: string; actor?: string } {
  const by = entries[i + 1];
  const agent = entries[i + 2]?.word;
  if (active.active === undefined || by === undefined || agent === undefined || by.breakAfter) return active;
  if (by.word.lower !== 'av' || !(UPPER_START.test(agent.text) || isDefiniteNoun(agent.lower, l))) return active;
  return { ...active, actor: agent.text };
}

/**
 * The active form to suggest, only for verbs in the lexicon: a form built from the word alone can be wrong
 * (gjøres → «gjører») or untrue (innvilges → «du innvilger»), and a wrong suggestion is worse than none.
 */
function activeOf(word: string, infinitive: boolean, l: Lists): { active?: string; actor?: string } {
  const form = l.lexicon.get(word);
  if (form === undefined) return {};
  return { active: infinitive ? form.infinitive : form.present, actor: form.actor };
}

/** Passive verbs in one sentence of a bokmål or nynorsk text. */
export function findPassives(segmented: Segmented, sentence: Sentence, locale: 'nb' | 'nn'): PassiveHit[] {
  const l = LISTS[locale];
  const entries = wordsWithBreaks(segmented, sentence);
  const question = sentence.end === '?';
  const hits: PassiveHit[] = [];
  const used = new Set<number>();
  entries.forEach(({ word, breakAfter }, i) => {
    if (word.placeholder || word.letters === 0 || used.has(i)) return;
    const w = word.lower;
    // bli + participle
    if (l.auxiliaries.has(w) && !breakAfter) {
      for (let j = i + 1, skipped = 0; j < entries.length && skipped <= 4; j++) {
        const candidate = entries[j]!.word;
        const c = candidate.lower;
        if (candidate.letters === 0) break;
        if (l.skipAfterAuxiliary.has(c)) {
          skipped++;
        } else if (isParticiple(c, entries[j + 1]?.word.lower, l)) {
          hits.push({
            kind: 'bli-passive',
            words: [word.text, candidate.text],
            span: { start: word.start, end: candidate.end },
          });
          used.add(j);
          break;
        } else if (isDefiniteNoun(c, l) || POSSESSIVES.has(c)) {
          skipped++;
        } else {
          break;
        }
        if (entries[j]!.breakAfter) break;
      }
      return;
    }
    // s-passive
    if (i > 0 && UPPER_START.test(word.text)) return; // a name in the middle of a sentence (Agnes, Hannes)
    const kind = sPassiveCandidate(w, l, locale);
    if (kind === undefined) return;
    const modal = modalBefore(entries, i, l);
    if (modal !== undefined && !subjectOfQuestion(entries, i, l)) {
      hits.push({
        kind: 's-passive',
        words: [word.text],
        modal,
        ...activeOf(w, true, l),
        span: { start: word.start, end: word.end },
      });
      return;
    }
    if (kind === 'afterModal') return;
    if (isFinitePassive(entries, i, question, l))
      hits.push({
        kind: 's-passive',
        words: [word.text],
        ...withAgent(activeOf(w, false, l), entries, i, l),
        span: { start: word.start, end: word.end },
      });
  });
  return hits;
}

/**
 * «Kan tantes inntekt regnes med?»: right after a modal that opens a question, an -es word followed by a
 * noun is the start of the subject (a genitive), not a passive infinitive.
 */
function subjectOfQuestion(entries: ReturnType<typeof wordsWithBreaks>, i: number, l: Lists): boolean {
  if (i !== 1 || !l.modals.has(entries[0]!.word.lower)) return false;
  const next = entries[i + 1];
  if (entries[i]!.breakAfter || next === undefined) return false;
  const n = next.word.lower;
  return !(l.followers.has(n) || endsWithAny(n, l.followerSuffixes) || next.word.letters === 0);
}

function isFinitePassive(entries: ReturnType<typeof wordsWithBreaks>, i: number, question: boolean, l: Lists): boolean {
  // «Sendes søknaden automatisk?» and «Opprettholdes avgjørelsen, blir …» (a condition) are passive;
  // «Ektefelles inntekt …» is not: a genitive stands before an indefinite noun.
  if (i === 0) return question || isConditionOpening(entries, l);
  const previous = entries[i - 1]!;
  const prev = previous.word.lower;
  // «Hvordan beregnes inntekten?», «Når utbetales pengene?»: a question word, then the verb.
  if (question && i === 1 && l.questionWords.has(prev)) return true;
  if (!previous.breakAfter) {
    const beforePrevious = entries[i - 2];
    const postNominal =
      POSSESSIVES.has(prev) && beforePrevious !== undefined && isDefiniteNoun(beforePrevious.word.lower, l);
    if (l.determiners.has(prev) && !postNominal) return false;
    if (l.prepositions.has(prev)) return false;
  }
  const current = entries[i]!;
  const next = entries[i + 1];
  if (current.breakAfter || next === undefined) return true;
  const n = next.word.lower;
  if (l.followers.has(n) || endsWithAny(n, l.followerSuffixes) || next.word.letters === 0) return true;
  return l.subjectWords.has(prev) || isDefiniteNoun(prev, l);
}

/** «Opprettholdes avgjørelsen, …»: the verb first, then a definite noun and a comma, is a condition. */
function isConditionOpening(entries: ReturnType<typeof wordsWithBreaks>, l: Lists): boolean {
  const verb = entries[0];
  const subject = entries[1];
  if (verb === undefined || subject === undefined || verb.breakAfter) return false;
  return isDefiniteNoun(subject.word.lower, l) && subject.breakAfter;
}

export const passive = plainRule({
  id: 'passive',
  meta: {
    severity: 'warning',
    name: 'rules.passive.name',
    docs: {
      description:
        'Warn about passive verbs (s-passive, bli/verte + participle) and suggest an active form with an actor.',
      url: 'docs/plain-language.md#passive',
    },
    messages: {
      passive: 'rules.passive.message',
      useActive: 'rules.passive.suggestion',
      useActiveAfterModal: 'rules.passive.suggestion_modal',
      useActiveInfinitive: 'rules.passive.suggestion_infinitive',
      nameTheActor: 'rules.passive.suggestion_noActive',
    },
    appliesTo: { scope: ['sentence'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  // The labelled set in test/plain/passive-cases.ts runs through the same harness and is scored for
  // precision and recall; these are the kinds of passive and look-alike, one each.
  examples: {
    flag: [
      { text: 'Søknaden behandles av NAV.', found: ['behandles'] },
      { text: 'Skjemaet må sendes innen 1. mai.', found: ['sendes'] },
      { text: 'Du bes om å sende kontoutskrift.', found: ['bes'] },
      { text: 'Sendes søknaden automatisk til kommunen?', found: ['Sendes'] },
      { text: 'Ektefelles inntekt regnes med.', found: ['regnes'], note: 'genitive first, passive later' },
      { text: 'Blir søknaden din behandlet før jul?', found: ['Blir behandlet'] },
      { text: 'Søknaden må sendast innan 1. mai.', locale: 'nn', found: ['sendast'] },
      { text: 'Søknaden vert behandla av NAV.', locale: 'nn', found: ['vert behandla'] },
      { text: 'Brevet vart skrive av ein rettleiar.', locale: 'nn', found: ['vart skrive'] },
    ],
    pass: [
      { text: 'Det finnes mange tilbud i kommunen.', note: 'deponent' },
      { text: 'Skriv din ektefelles inntekt.', note: 'genitive' },
      { text: 'Har du felles økonomi med noen?', note: '«felles»' },
      { text: 'Hvis du blir syk, må du si fra.', note: 'bli + adjective' },
      { text: 'Du blir kjent med veilederen din.', note: '«bli kjent med»' },
      { text: 'Det finst mange tilbod i kommunen.', locale: 'nn', note: 'finite deponent' },
      { text: 'Søknaden behandles av NAV.', locale: 'en', note: 'Norwegian rule only' },
    ],
  },
  check({ segmented, sentence, norwegian }) {
    if (norwegian === undefined) return [];
    return findPassives(segmented, sentence, norwegian).map((hit) => ({
      message: 'passive' as const,
      suggestion:
        hit.active === undefined
          ? ('nameTheActor' as const)
          : hit.modal === undefined
            ? ('useActive' as const)
            : hit.modal === 'å' // «å sendes» → «å sende»; «må sendes» → «du må sende»
              ? ('useActiveInfinitive' as const)
              : ('useActiveAfterModal' as const),
      severity: 'warning' as const,
      words: hit.words,
      span: hit.span,
      params: { active: hit.active ?? '', actor: hit.actor ?? '', modal: hit.modal ?? '' },
    }));
  },
});

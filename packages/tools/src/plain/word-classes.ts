// Word classes, roughly, for the nominal ratio of Norwegian text: closed classes (pronouns, prepositions, adverbs,
// determiners) and the commonest verbs from data/word-classes.json; other nouns and verbs guessed from their
// neighbours (after a determiner or a preposition: a noun; after «å» or a modal: a verb; after a subject
// pronoun: a verb) and endings (-ing, -het, -sjon: a noun; -ende: a participle). Not a tagger: good enough to
// compare steps with each other, not to compare with figures from a tagged corpus.
import data from './data/word-classes.json' with { type: 'json' };
import type { Sentence } from './segment.ts';

export type WordClass = 'noun' | 'verb' | 'participle' | 'pronoun' | 'preposition' | 'adverb' | 'other';

interface Lists {
  pronouns: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  infinitiveMarkers: ReadonlySet<string>;
  modals: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  nounSuffixes: readonly string[];
}

const listsOf = (lists: (typeof data)['nb']): Lists => ({
  pronouns: new Set(lists.pronouns),
  prepositions: new Set(lists.prepositions),
  adverbs: new Set(lists.adverbs),
  determiners: new Set(lists.determiners),
  infinitiveMarkers: new Set(lists.infinitiveMarkers),
  modals: new Set(lists.modals),
  verbs: new Set(lists.verbs),
  conjunctions: new Set(lists.conjunctions),
  nounSuffixes: [...lists.nounSuffixes].sort((a, b) => b.length - a.length),
});

const LISTS: Record<'nb' | 'nn', Lists> = { nb: listsOf(data.nb), nn: listsOf(data.nn) };
const SUBJECTS: Record<'nb' | 'nn', ReadonlySet<string>> = {
  nb: new Set(['jeg', 'du', 'vi', 'dere', 'de', 'han', 'hun', 'man', 'det', 'den', 'nav']),
  nn: new Set(['eg', 'du', 'vi', 'me', 'de', 'dei', 'han', 'ho', 'ein', 'det', 'den', 'nav']),
};

/** The word class of each word of a sentence (placeholders and numbers are «other»). */
export function wordClasses(sentence: Sentence, language: 'nb' | 'nn'): WordClass[] {
  const lists = LISTS[language];
  const subjects = SUBJECTS[language];
  const words = sentence.words;
  const out: WordClass[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.lower;
    const before = words[i - 1];
    const previous = before?.lower;
    const next = words[i + 1]?.lower;
    const afterDeterminer =
      previous !== undefined && (lists.determiners.has(previous) || (before!.letters === 0 && !before!.placeholder));
    // The word before a noun: a determiner, a number, or a determiner and one adjective (en ny søknad).
    const nounPlace =
      afterDeterminer ||
      (previous !== undefined && lists.prepositions.has(previous)) ||
      (i >= 2 && lists.determiners.has(words[i - 2]!.lower) && out[i - 1] === 'other');
    let found: WordClass = 'other';
    if (word.letters === 0) found = 'other';
    else if (previous !== undefined && lists.infinitiveMarkers.has(previous)) found = 'verb';
    else if (
      previous !== undefined &&
      lists.modals.has(previous) &&
      !lists.pronouns.has(lower) &&
      !lists.adverbs.has(lower) &&
      !lists.determiners.has(lower) &&
      !lists.prepositions.has(lower) &&
      !lists.conjunctions.has(lower)
    )
      found = lists.verbs.has(lower) || /(?:e|es|s|t|et|tt)$/.test(lower) ? 'verb' : 'other';
    else if (lists.verbs.has(lower) && !afterDeterminer) found = 'verb';
    else if (lists.determiners.has(lower) && (lists.pronouns.has(lower) || lists.adverbs.has(lower)))
      // det, den, alle, noe: a pronoun unless a noun or an adjective follows.
      found =
        next === undefined ||
        lists.verbs.has(next) ||
        lists.prepositions.has(next) ||
        lists.conjunctions.has(next) ||
        lists.adverbs.has(next)
          ? lists.pronouns.has(lower)
            ? 'pronoun'
            : 'adverb'
          : 'other';
    else if (lists.pronouns.has(lower)) found = 'pronoun';
    else if (lists.prepositions.has(lower)) found = 'preposition';
    else if (lists.adverbs.has(lower)) found = 'adverb';
    else if (lists.conjunctions.has(lower) || lists.determiners.has(lower)) found = 'other';
    else if (/ende$/.test(lower) && lower.length > 5) found = 'participle';
    else if (previous !== undefined && subjects.has(previous) && i <= 2 && /(?:er|ar|r|te|de|et)$/.test(lower))
      found = 'verb'; // du trenger, vi betaler
    else if (i === 0 && next !== undefined && subjects.has(next) && /(?:er|ar|r)$/.test(lower))
      found = 'verb'; // Forsørger du …?
    else if (nounPlace || lists.nounSuffixes.some((s) => lower.length >= s.length + 3 && lower.endsWith(s)))
      found = 'noun';
    else if (i > 0 && /^\p{Lu}/u.test(word.text))
      found = 'noun'; // a name: NAV, Oslo
    else if (lower.length >= 6 && /(?:en|et|ene|a)$/.test(lower)) found = 'noun'; // definite: beløpet, søknaden
    out.push(found);
  }
  return out;
}

/** Counts of the classes the nominal ratio uses. */
export interface ClassCounts {
  nominal: number;
  verbal: number;
}

/**
 * The nominal ratio's two sides in a sentence (Swedish «nominalkvot», Melin and Lange 2000): nouns, prepositions
 * and participles against pronouns, adverbs and verbs.
 */
export function classCounts(sentence: Sentence, language: 'nb' | 'nn'): ClassCounts {
  let nominal = 0;
  let verbal = 0;
  for (const found of wordClasses(sentence, language)) {
    if (found === 'noun' || found === 'preposition' || found === 'participle') nominal++;
    else if (found === 'pronoun' || found === 'adverb' || found === 'verb') verbal++;
  }
  return { nominal, verbal };
}

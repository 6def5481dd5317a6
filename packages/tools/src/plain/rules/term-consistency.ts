// Term consistency: one name written two ways in the same form or text (NAV and Nav, e-post and epost).
// The reader wonders whether they are two things. The spelling the form uses first is the one to keep.
// Two kinds of variants: a word in capitals and the same word with only a capital first letter (NAV/Nav,
// also inside compounds: NAV-kontoret/Nav-kontoret), and the spelling groups in the data.
import { plainRule } from './rule.ts';

/** Spellings of one term; the key is how the rule recognises the term. */
const SPELLING_GROUPS: ReadonlyArray<readonly string[]> = [
  ['e-post', 'epost', 'e-mail', 'email'],
  ['BankID', 'Bank-ID', 'bankID', 'bankid'],
  ['ID-porten', 'Idporten', 'ID porten'],
  ['nav.no', 'Nav.no', 'NAV.no'],
  ['Min side', 'Mi side', 'Minside', 'MinSide'],
];
const GROUP_OF = new Map<string, string>(SPELLING_GROUPS.flatMap((group) => group.map((s) => [s, group[0]!])));
const CAPITALS = /^\p{Lu}{2,}$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const LOWER = /^\p{Ll}+$/u;

interface Use {
  key: string;
  spelling: string;
  start: number;
  end: number;
}

/** The term uses in a text: word parts in capitals or capitalised (keyed by lower case), and the spelling groups' forms. */
function usesIn(text: string, lowerWords?: Set<string>): Use[] {
  const uses: Use[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const part = match[0];
    const start = match.index;
    if (CAPITALS.test(part) || CAPITALISED.test(part))
      uses.push({ key: `case:${part.toLocaleLowerCase()}`, spelling: part, start, end: start + part.length });
    else if (lowerWords !== undefined && LOWER.test(part)) lowerWords.add(part);
  }
  for (const [spelling, key] of GROUP_OF) {
    for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.length)) {
      const before = text[at - 1];
      const after = text[at + spelling.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      uses.push({ key: `group:${key}`, spelling, start: at, end: at + spelling.length });
    }
  }
  return uses.sort((a, b) => a.start - b.start);
}

const firstSpellings = new WeakMap<readonly string[], Map<string, string>>();

/** The spelling each term has where the form (its texts in key order) first uses it. */
function firstSpellingsOf(texts: readonly string[]): Map<string, string> {
  let found = firstSpellings.get(texts);
  if (!found) {
    found = new Map();
    const spellings = new Map<string, Set<string>>();
    // Lower-case words count too: a word also written in lower case is a common word, not a name (Søknad/søknad).
    const lowerWords = new Set<string>();
    for (const text of texts)
      for (const use of usesIn(text, lowerWords)) {
        if (!found.has(use.key)) found.set(use.key, use.spelling);
        const set = spellings.get(use.key) ?? new Set();
        set.add(use.spelling);
        spellings.set(use.key, set);
      }
    // A word written one way only is fine («Nav» alone); one also written in lower case is a common word
    // with a capital first in a sentence, not a name.
    for (const [key, set] of spellings)
      if (set.size < 2 || (key.startsWith('case:') && lowerWords.has(key.slice(5)))) found.delete(key);
    firstSpellings.set(texts, found);
  }
  return found;
}

export const termConsistency = plainRule({
  id: 'term-consistency',
  meta: {
    severity: 'warning',
    name: 'rules.term-consistency.name',
    docs: {
      description:
        'Warn about a term written two ways in one form or text (NAV/Nav, e-post/epost); the first one wins.',
      url: 'docs/plain-language.md#term-consistency',
    },
    messages: { inconsistent: 'rules.term-consistency.message', useOne: 'rules.term-consistency.suggestion' },
    appliesTo: { scope: ['text'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'Send søknaden til NAV. Nav behandler den innen fire uker.', found: ['Nav'] },
      { text: 'Skriv e-post til oss. Vi svarer på epost.', found: ['epost'] },
      { text: 'Kontakt Nav-kontoret ditt. NAV-kontoret hjelper deg.', found: ['NAV'] },
    ],
    pass: [
      { text: 'Send søknaden til Nav. Nav behandler den.' },
      { text: 'Skriv e-posten din her. Vi svarer på e-post.', note: 'e-posten is a form of e-post' },
      { text: 'Søknad om stønad. Send søknaden til NAV.', note: 'a common word with a capital first in a sentence' },
    ],
  },
  check({ segmented, siblings }) {
    const first = firstSpellingsOf(siblings ?? [segmented.text]);
    return usesIn(segmented.text).flatMap((use) => {
      const chosen = first.get(use.key);
      if (chosen === undefined || chosen === use.spelling) return [];
      return [
        {
          message: 'inconsistent' as const,
          suggestion: 'useOne' as const,
          words: [use.spelling],
          span: { start: use.start, end: use.end },
          params: { chosen },
        },
      ];
    });
  },
});

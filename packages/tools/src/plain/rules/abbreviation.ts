// Abbreviations: all-capital tokens of two or more letters that are not on the allow-list (NAV, BankID,
// PDF …), and dotted lower-case abbreviations (f.eks., bl.a.) that should be written out.
import data from '../data/abbreviations.json' with { type: 'json' };
import type { Segmented } from '../segment.ts';
import { plainRule } from './rule.ts';
import { isShouting } from './shouting.ts';

const ALLOW = new Set(data.allow.map((a) => a.toLocaleUpperCase()));
const ALL_CAPS = /^\p{Lu}{2,}$/u;
const LEFTOVER = /^(?:X{3,}|TODO|FIXME|TBD)$/; // reported as leftovers, not as abbreviations
const DOTTED: Record<string, Record<string, string>> = data.dotted;

export interface AbbreviationHit {
  words: string[];
  span: { start: number; end: number };
  kind: 'capitals' | 'dotted';
  expansion?: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const dottedPatterns = new Map<string, Array<{ pattern: RegExp; expansion: string }>>();
function dottedFor(locale: string): Array<{ pattern: RegExp; expansion: string }> {
  let found = dottedPatterns.get(locale);
  if (!found) {
    found = Object.entries(DOTTED[locale] ?? {}).map(([abbreviation, expansion]) => ({
      pattern: new RegExp(`(?<![\\p{L}.])${escape(abbreviation)}`, 'giu'),
      expansion,
    }));
    dottedPatterns.set(locale, found);
  }
  return found;
}

/**
 * Where each abbreviation is explained in the text: «UDI (Utlendingsdirektoratet)» or «Utlendingsdirektoratet
 * (UDI)». From there on it is known; a use before the explanation is still flagged.
 */
function explainedAt(text: string): Map<string, number> {
  const explained = new Map<string, number>();
  const note = (abbreviation: string, at: number) => {
    if (!explained.has(abbreviation)) explained.set(abbreviation, at);
  };
  // Bounded patterns, so that a long text is read in linear time.
  for (const m of text.matchAll(/(\p{Lu}{2,})\s?\(\s?\p{L}[^()]{3,120}\)/gu)) note(m[1]!, m.index);
  for (const m of text.matchAll(/\p{L}{4}\s?\(\s?(\p{Lu}{2,})\s?\)/gu)) note(m[1]!, m.index + m[0].indexOf('('));
  return explained;
}

export function findAbbreviations(segmented: Segmented, locale: string): AbbreviationHit[] {
  const hits: AbbreviationHit[] = [];
  const explained = segmented.text.includes('(') ? explainedAt(segmented.text) : new Map<string, number>();
  // Words of a sentence in capitals are reported once, as shouting.
  const shouted = new Set(segmented.sentences.filter(isShouting).flatMap((s) => s.words));
  for (const word of segmented.words) {
    if (word.placeholder || shouted.has(word)) continue;
    let offset = word.start;
    for (const part of word.text.split(/[-\u2010\u2011]/)) {
      const start = offset;
      offset += part.length + 1;
      if (!ALL_CAPS.test(part) || ALLOW.has(part.toLocaleUpperCase()) || LEFTOVER.test(part)) continue;
      const from = explained.get(part);
      if (from !== undefined && from <= start) continue;
      hits.push({ words: [part], kind: 'capitals', span: { start, end: start + part.length } });
    }
  }
  if (segmented.text.includes('.')) {
    for (const { pattern, expansion } of dottedFor(locale)) {
      for (const match of segmented.text.matchAll(pattern))
        hits.push({
          words: [match[0]],
          kind: 'dotted',
          expansion,
          span: { start: match.index, end: match.index + match[0].length },
        });
    }
  }
  return hits;
}

export const abbreviation = plainRule({
  id: 'abbreviation',
  meta: {
    severity: 'warning',
    name: 'rules.abbreviation.name',
    docs: {
      description: 'Warn about all-capital abbreviations not on the allow-list; dotted ones (f.eks.) are a tip.',
      url: 'docs/plain-language.md#abbreviation',
    },
    messages: {
      abbreviation: 'rules.abbreviation.message',
      explain: 'rules.abbreviation.suggestion',
      dotted: 'rules.abbreviation.message_dotted',
      writeOut: 'rules.abbreviation.suggestion_dotted',
    },
    appliesTo: { scope: ['text'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        // KVP (kvalifiseringsprogrammet) is not on the allow-list; AAP, BSU and SFO are, since the forms use them.
        text: 'Du kan få KVP fra NAV. Last opp PDF eller JPG, f.eks. et bilde av ID-kortet.',
        found: ['KVP', 'f.eks.'],
        details: [{ severity: 'warning' }, { severity: 'info' }],
      },
      {
        text: 'Søk hos UDI. UDI (Utlendingsdirektoratet) svarer deg.',
        found: ['UDI'],
        note: 'explained on its second use: the first is flagged',
      },
    ],
    pass: [
      { text: 'Skriv XXX her.', note: 'reported once, as a leftover' },
      { text: 'Søk hos UDI (Utlendingsdirektoratet). UDI svarer innen tre uker.', note: 'explained on first use' },
      { text: 'Utlendingsdirektoratet (UDI) svarer deg. Spør UDI om fristen.', note: 'explained the other way round' },
      { text: 'OOPS, NOE GIKK GALT', note: 'reported once, as shouting' },
      { text: 'Logg inn med BankID og send søknaden til NAV.' },
    ],
  },
  check({ segmented, norwegian }) {
    if (norwegian === undefined) return [];
    return findAbbreviations(segmented, norwegian).map((hit) =>
      hit.kind === 'dotted'
        ? {
            message: 'dotted' as const,
            suggestion: 'writeOut' as const,
            severity: 'info' as const,
            words: hit.words,
            span: hit.span,
            params: { expansion: hit.expansion ?? '' },
          }
        : {
            message: 'abbreviation' as const,
            suggestion: 'explain' as const,
            severity: 'warning' as const,
            words: hit.words,
            span: hit.span,
            params: { expansion: hit.expansion ?? '' },
          },
    );
  },
});

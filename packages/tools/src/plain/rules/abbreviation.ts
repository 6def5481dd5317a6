// Abbreviations: all-capital tokens of two or more letters that are not on the allow-list (NAV, BankID,
// PDF …), and dotted lower-case abbreviations (f.eks., bl.a.) that should be written out.
import data from '../data/abbreviations.json' with { type: 'json' };
import type { Segmented } from '../segment.ts';
import { plainRule } from './rule.ts';

const ALLOW = new Set(data.allow.map((a) => a.toLocaleUpperCase()));
const ALL_CAPS = /^\p{Lu}{2,}$/u;
const LEFTOVER = /^(?:X{3,}|TODO|FIXME|TBD)$/; // reported as leftovers, not as abbreviations
const DOTTED: Record<string, Record<string, string>> = data.dotted;

export interface AbbreviationHit {
  words: string[];
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

export function findAbbreviations(segmented: Segmented, locale: string): AbbreviationHit[] {
  const hits: AbbreviationHit[] = [];
  for (const word of segmented.words) {
    if (word.placeholder) continue;
    for (const part of word.text.split(/[-\u2010\u2011]/)) {
      if (ALL_CAPS.test(part) && !ALLOW.has(part.toLocaleUpperCase()) && !LEFTOVER.test(part))
        hits.push({ words: [part], kind: 'capitals' });
    }
  }
  if (segmented.text.includes('.')) {
    for (const { pattern, expansion } of dottedFor(locale)) {
      for (const match of segmented.text.matchAll(pattern)) hits.push({ words: [match[0]], kind: 'dotted', expansion });
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
    ],
    pass: [
      { text: 'Skriv XXX her.', note: 'reported once, as a leftover' },
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
            params: { expansion: hit.expansion ?? '' },
          }
        : {
            message: 'abbreviation' as const,
            suggestion: 'explain' as const,
            severity: 'warning' as const,
            words: hit.words,
            params: { expansion: hit.expansion ?? '' },
          },
    );
  },
});

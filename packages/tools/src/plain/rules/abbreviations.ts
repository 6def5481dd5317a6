// Abbreviations: all-capital tokens of two or more letters that are not on the allow-list (NAV, BankID,
// PDF …), and dotted lower-case abbreviations (f.eks., bl.a.) that should be written out.
import data from '../data/abbreviations.json' with { type: 'json' };
import type { Segmented } from '../segment.ts';

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

// Template faults: placeholders that differ from the source language (or that are broken), leftovers
// from writing (XXX, TODO, Lorem ipsum), and dates that do not exist (31. juni, 30.02.2024).
import data from '../data/dates.json' with { type: 'json' };
import { placeholders } from '../segment.ts';

const LEFTOVER = /\b(?:XXX+|TODO|FIXME|TBD)\b|\blorem\b|\bipsum\b/giu;
const VALID_PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const BRACES = /\{\{[^{}\s]*\}?|\{?[^{}\s]*\}\}/g; // double braces without their pair; single braces are left alone

export function findLeftovers(text: string): string[] {
  return [...text.matchAll(LEFTOVER)].map((m) => m[0]);
}

/** Broken placeholders: {{name} or {name}} or {{ without an end. */
export function findBrokenPlaceholders(text: string): string[] {
  const rest = text.replace(VALID_PLACEHOLDER, (m) => ' '.repeat(m.length));
  return [...rest.matchAll(BRACES)].map((m) => m[0]);
}

export interface PlaceholderDifference {
  missing: string[];
  extra: string[];
}

/** Placeholders of a text compared with the source text of the same key. */
export function comparePlaceholders(
  text: string,
  source: string,
  options: { allowMissing?: readonly string[]; allowMissingAll?: boolean } = {},
): PlaceholderDifference {
  const own = placeholders(text);
  const theirs = placeholders(source);
  const missing = options.allowMissingAll
    ? []
    : theirs.filter((p) => !own.includes(p) && !(options.allowMissing ?? []).includes(p));
  return { missing, extra: own.filter((p) => !theirs.includes(p)) };
}

const daysIn = (month: number, year: number | undefined): number => {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const valid = (day: number, month: number, year: number | undefined): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);

const MONTHS: Record<string, string[][]> = data.months;

interface MonthPatterns {
  names: Array<readonly [string, number]>;
  dayMonth: RegExp;
  monthDay: RegExp;
}
const monthPatternCache = new Map<string, MonthPatterns>();

function monthPatterns(locale: string): MonthPatterns {
  let found = monthPatternCache.get(locale);
  if (!found) {
    const months = MONTHS[locale] ?? MONTHS.nb!;
    const names = months
      .flatMap((forms, i) => forms.map((name) => [name, i + 1] as const))
      .sort((a, b) => b[0].length - a[0].length);
    const alternation = names.map(([name]) => name).join('|');
    found = {
      names,
      dayMonth: new RegExp(`(?<![\\d.])(\\d{1,2})\\.?\\s+(${alternation})\\b(?:\\s+(\\d{4}))?`, 'giu'),
      monthDay: new RegExp(`\\b(${alternation})\\s+(\\d{1,2})(?!\\d)(?:,?\\s+(\\d{4}))?`, 'giu'),
    };
    monthPatternCache.set(locale, found);
  }
  return found;
}

/** Dates written in a text that cannot exist. */
export function findImpossibleDates(text: string, locale: string): string[] {
  const found: string[] = [];
  // 31.06.2024, 30.2.24
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])/g)) {
    const year = Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]);
    if (!valid(Number(m[1]), Number(m[2]), year)) found.push(m[0]);
  }
  // 2024-06-31
  for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    if (!valid(Number(m[3]), Number(m[2]), Number(m[1]))) found.push(m[0]);
  }
  const { names, dayMonth, monthDay } = monthPatterns(locale);
  // 31. juni (2024), 31 June 2024
  for (const m of text.matchAll(dayMonth)) {
    const month = names.find(([name]) => name === m[2]!.toLocaleLowerCase())![1];
    if (!valid(Number(m[1]), month, m[3] === undefined ? undefined : Number(m[3]))) found.push(m[0]);
  }
  // June 31, 2024
  if (locale === 'en') {
    for (const m of text.matchAll(monthDay)) {
      const month = names.find(([name]) => name === m[1]!.toLocaleLowerCase())![1];
      if (!valid(Number(m[2]), month, m[3] === undefined ? undefined : Number(m[3]))) found.push(m[0]);
    }
  }
  return found;
}

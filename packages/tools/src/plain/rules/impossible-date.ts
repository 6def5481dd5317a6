// Dates written in a text that cannot exist: 31. juni, 30.02.2024, 2024-06-31, June 31.
import data from '../data/dates.json' with { type: 'json' };
import { plainRule } from './rule.ts';

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

export const impossibleDate = plainRule({
  id: 'impossible-date',
  meta: {
    severity: 'error',
    name: 'rules.impossible-date.name',
    docs: {
      description: 'Report dates in a text that do not exist (31. juni, 30.02.2024, 2024-06-31, June 31).',
      url: 'docs/plain-language.md#impossible-date',
    },
    messages: { noSuchDate: 'rules.impossible-date.message', check: 'rules.impossible-date.suggestion' },
    appliesTo: { scope: ['text'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        text: 'Fristen er 31. juni, eller 30. februar 2024, eller 31.04.2025.',
        found: ['31.04.2025', '31. juni', '30. februar 2024'],
      },
      { text: '29. februar 2024 finnes, 29. februar 2023 ikke.', found: ['29. februar 2023'] },
      { text: 'Send it by June 31, 2025 or 31 April.', locale: 'en', found: ['31 April', 'June 31, 2025'] },
      { text: 'Fristen er 2024-06-31.', found: ['2024-06-31'] },
    ],
    pass: [{ text: 'Skriv datoen slik: 17.05.2024. Fristen er 30. april.' }],
  },
  check({ item, language }) {
    return findImpossibleDates(item.text, language).map((date) => ({
      message: 'noSuchDate' as const,
      suggestion: 'check' as const,
      severity: 'error' as const,
      words: [date],
    }));
  },
});

// Answers in the user's locale, with Intl: as put back into an input, and the times the user is told (answer-format.ts
// has the amounts and dates shown on the review page and the receipt).

const known = new Map<string, string>();

/**
 * Intl needs a locale it knows; Sámi and Tigrinya may be missing from a browser's data. Numbers and dates alike,
 * always in Latin digits and the Gregorian calendar (decision 0034): Intl's default for fa is Persian digits and
 * the Solar Hijri calendar, but amounts and dates must read as in NAV's letters, bank statements and this form's
 * own inputs.
 */
export function intlLocale(locale: string): string {
  let found = known.get(locale);
  if (found === undefined)
    known.set(
      locale,
      (found = `${Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'nb'}-u-ca-gregory-nu-latn`),
    );
  return found;
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** An Intl format made once per language and options: making one is slow, and texts naming answers and computed
 *  values are formatted for every field at every render. */
export function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
}

/**
 * A point in time the user is told (sent, saved), in the user's language and Norway's time: the office's
 * clock, the same on every device, as in letters from NAV.
 */
export const formatTime = (date: Date, locale: string, options: Intl.DateTimeFormatOptions): string =>
  cached(
    `time ${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'Europe/Oslo' }),
  ).format(date);

/** 86011117947 → 8601 11 17947, the way banks print it. */
export const formatAccountNumber = (value: string): string =>
  /^\d{11}$/.test(value) ? `${value.slice(0, 4)} ${value.slice(4, 6)} ${value.slice(6)}` : value;

/** 01010000110 → 010100 00110. */
export const formatNationalId = (value: string): string =>
  /^\d{11}$/.test(value) ? `${value.slice(0, 6)} ${value.slice(6)}` : value;

/** 974760673 → 974 760 673, as Enhetsregisteret writes it. */
export const formatOrganisationNumber = (value: string): string =>
  /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;

/** How an answer looks when put back into a text input (after a reload or from a register). */
export function inputText(kind: string, value: unknown, locale: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    if (kind === 'amount')
      return new Intl.NumberFormat(intlLocale(locale), { useGrouping: false, maximumFractionDigits: 2 }).format(value);
    return String(value);
  }
  if (typeof value !== 'string') return '';
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${day}.${month}.${year}`;
  }
  if (kind === 'account-number') return formatAccountNumber(value);
  if (kind === 'national-id') return formatNationalId(value);
  if (kind === 'organisation-number') return formatOrganisationNumber(value);
  return value;
}

// Answers shown back to the user on the review page and the receipt, and in texts that name them: amounts and
// dates in the user's locale. Apart from format.ts, whose input formats the first step needs, because only the
// late chunk and the documents use these (docs/decisions/0019-widget-weight.md).
import { cached, intlLocale } from './format.ts';

// «kr» in every language, as beside the amount field: Intl's own symbol is «NOK» in en, pl, uk, ar, so and ti.
export const formatKroner = (amount: number, locale: string): string => {
  const whole = Number.isInteger(amount);
  return cached(
    `kroner ${locale} ${whole}`,
    () =>
      new Intl.NumberFormat(intlLocale(locale), {
        style: 'currency',
        currency: 'NOK',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: whole ? 0 : 2,
      }),
  ).format(amount);
};

export const formatNumber = (value: number, locale: string): string =>
  cached(`number ${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);

/** An ISO date (åååå-mm-dd) as a long date; the date is read as UTC so no time zone moves it a day. */
export function formatDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return cached(
    `date ${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(year, month - 1, day)));
}

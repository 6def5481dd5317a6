// Amounts and dates read the same in every locale as in NAV's letters and the form's own inputs: Latin digits
// and the Gregorian calendar, also in Persian, where Intl's default is Persian digits and the Solar Hijri
// calendar (decision 0034).
import { describe, expect, it } from 'vitest';
import { formatDate, formatKroner, formatNumber } from '../../src/i18n/answer-format.ts';
import { formatTime, inputText } from '../../src/i18n/format.ts';

const NON_LATIN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/;

describe('numbers and dates in fa and lt', () => {
  it('fa: amounts, numbers and dates in Latin digits and the Gregorian calendar', () => {
    const amount = formatKroner(12500.5, 'fa');
    expect(amount).not.toMatch(NON_LATIN_DIGITS);
    expect(amount).toContain('kr');
    expect(amount.replace(/[^\d]/g, '')).toBe('1250050');
    expect(formatNumber(1234, 'fa')).not.toMatch(NON_LATIN_DIGITS);
    const date = formatDate('2015-05-17', 'fa');
    expect(date).not.toMatch(NON_LATIN_DIGITS);
    expect(date).toContain('2015');
    expect(date).toContain('17');
    // Not 1394 (Solar Hijri) and not its month names.
    expect(date).not.toContain('1394');
    expect(date).not.toMatch(/اردیبهشت|ثور/);
    const time = formatTime(new Date(Date.UTC(2026, 11, 3, 8, 5)), 'fa', { timeStyle: 'short' });
    expect(time).toContain('9:05');
    expect(inputText('amount', 1250.5, 'fa')).toBe('1250.5');
  });

  it('lt: Intl as for any other Latin-script locale, in Norway\u2019s time', () => {
    expect(formatKroner(1250, 'lt').replace(/\s/g, ' ')).toBe('1 250 kr');
    expect(formatDate('2015-05-17', 'lt')).toContain('2015');
    expect(formatTime(new Date(Date.UTC(2026, 11, 3, 8, 5)), 'lt', { timeStyle: 'short' })).toBe('09:05');
  });

  it('leaves the other locales as they were', () => {
    expect(formatKroner(1250, 'nb').replace(/\s/g, ' ')).toBe('1 250 kr');
    expect(formatDate('2015-05-17', 'nb')).toBe('17. mai 2015');
    expect(formatDate('2015-05-17', 'ar')).not.toMatch(NON_LATIN_DIGITS);
  });
});

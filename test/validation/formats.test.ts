import { describe, expect, it } from 'vitest';
import { isAccountNumber, isDate, isEmail, isNationalId, isPhone } from '../../src/validation/formats.ts';

/** Makes a valid mod-11 number from its first digits, the way the registers do. */
function withControl(digits: string, weights: number[]): string | undefined {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const control = (11 - (sum % 11)) % 11;
  return control === 10 ? undefined : `${digits}${control}`;
}

describe('formats', () => {
  it('knows real calendar dates', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('1900-02-29')).toBe(false);
    expect(isDate('2024-06-31')).toBe(false);
    expect(isDate('2024-13-01')).toBe(false);
    expect(isDate('17.05.2024')).toBe(false);
  });

  it('checks account numbers with mod 11', () => {
    let valid = 0;
    for (let n = 0; n < 300; n++) {
      const number = withControl(`1234${String(n).padStart(6, '0')}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
      if (!number) continue;
      valid++;
      expect(isAccountNumber(number)).toBe(true);
      const wrong = `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`;
      expect(isAccountNumber(wrong)).toBe(false);
    }
    expect(valid).toBeGreaterThan(200);
    expect(isAccountNumber('8601111794')).toBe(false);
  });

  it('checks both control digits of a national identity number', () => {
    const first = withControl('010100001', [3, 7, 6, 1, 8, 9, 4, 5, 2])!;
    const full = withControl(first, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])!;
    expect(full).toBe('01010000110');
    expect(isNationalId(full)).toBe(true);
    expect(isNationalId('01010000111')).toBe(false);
    expect(isNationalId('01010000120')).toBe(false);
  });

  it('accepts ordinary e-mail addresses and phone numbers', () => {
    expect(isEmail('kari.nordmann@nav.no')).toBe(true);
    expect(isEmail('kari@nav')).toBe(false);
    expect(isEmail('kari nordmann@nav.no')).toBe(false);
    expect(isPhone('91234567')).toBe(true);
    expect(isPhone('+4791234567')).toBe(true);
    expect(isPhone('004791234567')).toBe(true);
    expect(isPhone('1234')).toBe(false);
  });
});

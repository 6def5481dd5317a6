// String formats used by the answers schemas. ajv's standalone validators import this module, so it
// runs in the browser: plain functions, regular expressions and NAV's identity-number validator only. The
// widget itself never imports it (that validator belongs in validators.js, not in the initial JavaScript).

import { isNationalId, isOrganisationNumber } from './identity-numbers.ts';

export { isNationalId, isOrganisationNumber };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date, YYYY-MM-DD (31.06. is not a date). */
export function isDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

// Deliberately simple: one @, a dot in the domain, no spaces. Stricter rules reject real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);

/** Norwegian numbers have 8 digits; foreign ones start with + or 00. Spaces are removed before this. */
const PHONE = /^(\+|00)?[0-9]{8,15}$/;
export const isPhone = (value: string): boolean => PHONE.test(value);

function mod11(digits: string, weights: readonly number[]): number | undefined {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * Number(digits[i]);
  });
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  return rest === 10 ? undefined : rest;
}

const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Norwegian bank account number: 11 digits, the last a mod-11 control digit. */
export function isAccountNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  return mod11(value, ACCOUNT_WEIGHTS) === Number(value[10]);
}

/** The formats by name, as ajv's generated code looks them up. */
export const formats = {
  date: isDate,
  email: isEmail,
  phone: isPhone,
  'account-number': isAccountNumber,
  'national-id': isNationalId,
  'organisation-number': isOrganisationNumber,
} as const;

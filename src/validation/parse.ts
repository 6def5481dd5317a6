// Turns what a user typed into an answer value. What cannot be understood is kept as typed, so the
// user's input is never lost; the field's validator then says what is wrong with it.
import type { FieldKind } from '../definition/types.ts';
import { normalizeStrings } from './clean-text.ts';

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * Persian (۰–۹) and Arabic-Indic (٠–٩) digits as 0–9, with the Arabic decimal (٫) and thousands (٬) signs:
 * a Persian or Arabic keyboard types them, and the answer is a number all the same (decision 0034).
 */
const latinDigits = (input: string): string =>
  input
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf))
    .replace(/\u066b/g, ',')
    .replace(/\u066c/g, ' ');

/** "1 234,50", "1234.50", "kr 1 234", "1.234,-" → 1234.5 (or 1234). Undefined when it is not an amount. */
export function parseAmount(input: string): number | undefined {
  let text = input.replace(SPACES, '').toLowerCase();
  text = text
    .replace(/^(kr\.?|nok)/, '')
    .replace(/(kr\.?|nok)$/, '')
    .replace(/[,.]-$/, '');
  if (!/^-?[0-9.,]+$/.test(text)) return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    text = /^-?\d{1,3}(,\d{3}){2,}$/.test(text) ? text.split(',').join('') : text.replace(',', '.');
  } else if (lastDot >= 0 && /^-?\d{1,3}(\.\d{3})+$/.test(text)) {
    // "1.234" is a thousands separator: amounts in kroner never have three decimals.
    text = text.split('.').join('');
  }
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return undefined;
  return Number(text);
}

export function parseInteger(input: string): number | undefined {
  const text = input.replace(SPACES, '');
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * dd.mm.åååå and its common variants (d.m.åååå, dd/mm/åååå, dd-mm-åååå, ddmmåååå) and åååå-mm-dd
 * become åååå-mm-dd. An impossible date (31.06.) keeps its shape, so the validator can name the fault.
 */
export function parseDate(input: string): string | undefined {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  const local = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!local) return undefined;
  return `${local[3]}-${local[2]!.padStart(2, '0')}-${local[1]!.padStart(2, '0')}`;
}

const stripSeparators = (input: string): string => input.replace(/[\s\u00a0\u202f.-]+/g, '');

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * The answer value for a field kind, from what the UI gives. Undefined means "no answer".
 * Strings that cannot be parsed are returned unchanged, except that every string becomes Unicode NFC
 * (a file name from a Mac comes decomposed): the same text as the receiver stores, never an error.
 */
export function toAnswerValue(kind: FieldKind, input: unknown): unknown {
  if (isEmpty(input)) return undefined;
  const value = normalizeStrings(input);
  if (typeof value !== 'string') {
    if (kind === 'consent') return value === true ? true : undefined;
    if (kind === 'address' && typeof value === 'object' && !Array.isArray(value))
      return toAddress(value as Record<string, unknown>);
    return value;
  }
  switch (kind) {
    case 'amount':
      return parseAmount(latinDigits(value)) ?? value;
    case 'integer':
      return parseInteger(latinDigits(value)) ?? value;
    case 'date':
      return parseDate(latinDigits(value)) ?? value;
    case 'account-number':
    case 'national-id':
    case 'organisation-number': {
      const digits = stripSeparators(latinDigits(value));
      return /^\d+$/.test(digits) ? digits : value.trim();
    }
    case 'phone':
      return latinDigits(value).replace(/[\s\u00a0\u202f\-()]+/g, '');
    case 'email':
      return value.trim();
    case 'yesno':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'consent':
      return value === 'true' ? true : undefined;
    case 'textarea':
      return value;
    default:
      return value.trim();
  }
}

function toAddress(value: Record<string, unknown>): Record<string, string> | undefined {
  const address: Record<string, string> = {};
  for (const [part, text] of Object.entries(value)) {
    if (typeof text === 'string' && text.trim() !== '')
      address[part] = part === 'postcode' ? latinDigits(text).replace(SPACES, '') : text.trim();
  }
  return Object.keys(address).length > 0 ? address : undefined;
}

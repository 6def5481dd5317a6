// The reference a user gets on the receipt and reads out on the phone: "KS-2026-4F7Q-9XZ2".
// Letters and digits that are easily confused (0/O, 1/I/L, U/V) are left out, and the last character
// is a Luhn mod 30 check character, so a caseworker's system can tell a mistyped reference at once: it
// catches every single wrong character and every swap of two neighbours but "2Z"↔"Z2".
import { randomInt } from 'node:crypto';

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PREFIX = 'KS';
const RANDOM_CHARS = 7;
const REFERENCE = new RegExp(
  `^${REFERENCE_PREFIX}-(\\d{4})-([${REFERENCE_ALPHABET}]{4})-([${REFERENCE_ALPHABET}]{4})$`,
);

/** The year in Norway at that moment, so a reference made just after New Year's midnight there says the new year. */
function norwegianYear(now: Date): string {
  return new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(now);
}

function luhnSum(chars: string, doubleFirstFromRight: boolean): number {
  const n = REFERENCE_ALPHABET.length;
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = chars.length - 1; i >= 0; i--) {
    let addend = REFERENCE_ALPHABET.indexOf(chars[i]!) * (double ? 2 : 1);
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
    double = !double;
  }
  return sum;
}

function checkCharacter(chars: string): string {
  const n = REFERENCE_ALPHABET.length;
  return REFERENCE_ALPHABET[(n - (luhnSum(chars, true) % n)) % n]!;
}

/** A new reference: 7 random characters (30^7 ≈ 2·10^10 per year) and a check character. */
export function createReference(now: Date = new Date(), random: (max: number) => number = randomInt): string {
  let chars = '';
  for (let i = 0; i < RANDOM_CHARS; i++) chars += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)]!;
  chars += checkCharacter(chars);
  return `${REFERENCE_PREFIX}-${norwegianYear(now)}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A reference as typed by a person: any case, spaces or dashes anywhere. Null when it cannot be one. */
export function normalizeReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = /^KS(\d{4})([0-9A-Z]{8})$/.exec(compact);
  if (!match) return null;
  const reference = `${REFERENCE_PREFIX}-${match[1]}-${match[2]!.slice(0, 4)}-${match[2]!.slice(4)}`;
  return isReference(reference) ? reference : null;
}

/** True for a well-formed reference whose check character fits. */
export function isReference(value: string): boolean {
  const match = REFERENCE.exec(value);
  if (!match) return false;
  return luhnSum(`${match[2]}${match[3]}`, false) % REFERENCE_ALPHABET.length === 0;
}

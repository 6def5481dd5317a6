// Identity numbers as the widget and the receiver check them (the `national-id` and `organisation-number`
// formats). Every number here is made from made-up birth dates and individual numbers with the registers'
// control-digit rules, never a real person's or organisation's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formats, isNationalId, isOrganisationNumber } from '../../src/validation/formats.ts';

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const ORG = [3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 control digit of digits under weights, or undefined where the rule gives 10 (no such number). */
function control(digits: string, weights: number[]): number | undefined {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? undefined : digit;
}

/** A national identity number with correct control digits: ddmmyy + three individual digits + k1 + k2. */
function withControls(nine: string): string | undefined {
  const k1 = control(nine, K1);
  if (k1 === undefined) return undefined;
  const k2 = control(`${nine}${k1}`, K2);
  return k2 === undefined ? undefined : `${nine}${k1}${k2}`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The first valid number for a date (day, month as written in the number) and any individual number. */
function numberFor(day: string, month: string, year: string): string {
  for (let individual = 100; individual < 1000; individual++) {
    const number = withControls(`${day}${month}${year}${individual}`);
    if (number) return number;
  }
  throw new Error(`no control digits for ${day}${month}${year}`);
}

describe('national identity number (fødselsnummer, D-nummer, H-nummer)', () => {
  it('accepts a fødselsnummer with a real date and both control digits', () => {
    expect(isNationalId('01010000110')).toBe(true); // the demo's made-up person
    expect(isNationalId(numberFor('29', '02', '84'))).toBe(true); // a leap day
    expect(isNationalId(numberFor('31', '12', '99'))).toBe(true);
  });

  it('refuses numbers that pass the control digits but hold no real date', () => {
    const zeros = '00000000000';
    expect(withControls(zeros.slice(0, 9))).toBe(zeros); // the control digits alone would let it through
    expect(isNationalId(zeros)).toBe(false);
    expect(isNationalId(numberFor('31', '02', '90'))).toBe(false); // 31 February
    expect(isNationalId(numberFor('30', '02', '84'))).toBe(false);
    expect(isNationalId(numberFor('15', '13', '90'))).toBe(false); // month 13
    expect(isNationalId(numberFor('15', '00', '90'))).toBe(false);
    expect(isNationalId(numberFor('32', '01', '90'))).toBe(false);
    expect(isNationalId(numberFor('00', '01', '90'))).toBe(false);
  });

  it('accepts a D-nummer (day + 40) and an H-nummer (month + 40), with their dates checked', () => {
    expect(isNationalId(numberFor('41', '01', '90'))).toBe(true); // D: 1 January
    expect(isNationalId(numberFor('71', '12', '90'))).toBe(true); // D: 31 December
    expect(isNationalId(numberFor('72', '01', '90'))).toBe(false); // D: 32 January
    expect(isNationalId(numberFor('69', '02', '90'))).toBe(false); // D: 29 February 1990
    expect(isNationalId(numberFor('15', '45', '90'))).toBe(true); // H: May
    expect(isNationalId(numberFor('15', '53', '90'))).toBe(false); // H: month 13
    expect(isNationalId(numberFor('55', '45', '90'))).toBe(true); // both
  });

  it("refuses Tenor's test numbers (month + 80), which belong to Skatteetaten's test data", () => {
    expect(isNationalId(numberFor('15', '85', '90'))).toBe(false);
  });

  it('refuses a wrong control digit, a wrong length and anything but digits', () => {
    expect(isNationalId('01010000111')).toBe(false);
    expect(isNationalId('01010000120')).toBe(false);
    expect(isNationalId('0101000011')).toBe(false);
    expect(isNationalId('010100001100')).toBe(false);
    expect(isNationalId('010100 00110')).toBe(false); // the widget removes spaces before this
    expect(isNationalId('0101000011a')).toBe(false);
  });

  it('for random dates: valid exactly when the date exists, and one changed digit is always caught', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 35 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 10 }),
        (day, month, year, individual, position) => {
          const number = withControls(`${two(day)}${two(month)}${two(year)}${String(individual).padStart(3, '0')}`);
          if (!number) return;
          const fullYear = year === 0 ? 2000 : 1900 + year;
          const date = new Date(Date.UTC(fullYear, month - 1, day));
          const real = month >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(isNationalId(number)).toBe(real);
          const changed = `${number.slice(0, position)}${(Number(number[position]) + 1) % 10}${number.slice(position + 1)}`;
          // The 2032 rule allows four first control digits, so a changed k1 alone may still pass; any other
          // single changed digit breaks k2 or the date.
          if (position !== 9) expect(isNationalId(changed)).toBe(false);
        },
      ),
      { seed: 15, numRuns: 2000 },
    );
  });
});

describe('organisation number (Enhetsregisteret)', () => {
  /** A 9-digit number starting with 8 or 9 and its control digit. */
  const organisation = (eight: string): string | undefined => {
    const digit = control(eight, ORG);
    return digit === undefined ? undefined : `${eight}${digit}`;
  };

  it('accepts 9 digits starting with 8 or 9 and a mod-11 control digit', () => {
    expect(organisation('97476067')).toBe('974760673');
    expect(isOrganisationNumber('974760673')).toBe(true);
    expect(isOrganisationNumber(organisation('81234567')!)).toBe(true);
  });

  it('refuses a wrong control digit, a number not starting with 8 or 9, zeros and wrong lengths', () => {
    expect(isOrganisationNumber('974760674')).toBe(false);
    expect(organisation('00000000')).toBe('000000000');
    expect(isOrganisationNumber('000000000')).toBe(false);
    expect(isOrganisationNumber(organisation('71234567')!)).toBe(false);
    expect(isOrganisationNumber('97476067')).toBe(false);
    expect(isOrganisationNumber('9747606730')).toBe(false);
    expect(isOrganisationNumber('974 760 673')).toBe(false);
  });

  it('for random numbers: valid exactly when the control digit is right', () => {
    fc.assert(
      fc.property(fc.integer({ min: 80_000_000, max: 99_999_999 }), fc.integer({ min: 0, max: 9 }), (eight, last) => {
        const expected = control(String(eight), ORG) === last;
        expect(isOrganisationNumber(`${eight}${last}`)).toBe(expected);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });

  it('is one of the formats the validators and the receiver use', () => {
    expect(formats['organisation-number']).toBe(isOrganisationNumber);
    expect(formats['national-id']).toBe(isNationalId);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate, toAnswerValue } from '../../src/validation/parse.ts';

describe('parseAmount', () => {
  it.each([
    ['1 234,50', 1234.5],
    ['1234.50', 1234.5],
    ['kr 1 234', 1234],
    ['1 234 kr', 1234],
    ['1.234,-', 1234],
    ['1.234', 1234],
    ['1,234,567', 1234567],
    ['12\u00a0000', 12000],
    ['NOK 99,9', 99.9],
    ['0', 0],
    ['-50', -50],
  ])('reads %j as %d', (input, expected) => expect(parseAmount(input)).toBe(expected));

  it.each(['mye', '12,345', '1.2.3', '', 'kr', '1 234,567'])('does not guess at %j', (input) =>
    expect(parseAmount(input)).toBeUndefined(),
  );
});

describe('parseDate', () => {
  it.each([
    ['17.05.2015', '2015-05-17'],
    ['7.5.2015', '2015-05-07'],
    ['17/05/2015', '2015-05-17'],
    ['17-05-2015', '2015-05-17'],
    ['17052015', '2015-05-17'],
    ['2015-05-17', '2015-05-17'],
    [' 31.06.2015 ', '2015-06-31'],
  ])('reads %j as %s', (input, expected) => expect(parseDate(input)).toBe(expected));

  it.each(['i fjor', '17.05.15', '2015/05/17', ''])('does not guess at %j', (input) =>
    expect(parseDate(input)).toBeUndefined(),
  );
});

describe('toAnswerValue', () => {
  it('keeps what it cannot read, so the user never loses what they typed', () => {
    expect(toAnswerValue('amount', 'cirka 9000')).toBe('cirka 9000');
    expect(toAnswerValue('date', 'i fjor')).toBe('i fjor');
    expect(toAnswerValue('integer', 'tre')).toBe('tre');
  });

  it('treats empty input as no answer', () => {
    expect(toAnswerValue('text', '   ')).toBeUndefined();
    expect(toAnswerValue('checkboxes', [])).toBeUndefined();
    expect(toAnswerValue('consent', false)).toBeUndefined();
    expect(toAnswerValue('address', { street: ' ', postcode: '' })).toBeUndefined();
  });

  it('removes separators from numbers people write in groups', () => {
    expect(toAnswerValue('account-number', '8601.11.17947')).toBe('86011117947');
    expect(toAnswerValue('national-id', '010100 00110')).toBe('01010000110');
    expect(toAnswerValue('organisation-number', '974 760 673')).toBe('974760673');
    expect(toAnswerValue('phone', '+47 (912) 34-567')).toBe('+4791234567');
    expect(toAnswerValue('integer', '1 000')).toBe(1000);
    expect(toAnswerValue('address', { street: ' Storgata 1 ', postcode: '01 55', city: 'Oslo' })).toEqual({
      street: 'Storgata 1',
      postcode: '0155',
      city: 'Oslo',
    });
  });

  // A Persian or Arabic keyboard types its own digits (decision 0034); the answer is the same number.
  it('reads Persian and Arabic-Indic digits as the digits they are', () => {
    expect(toAnswerValue('amount', '۱۲ ۵۰۰')).toBe(12500);
    expect(toAnswerValue('amount', '۱٬۲۵۰٫۵۰')).toBe(1250.5);
    expect(toAnswerValue('amount', '٣٤٥')).toBe(345);
    expect(toAnswerValue('integer', '۳')).toBe(3);
    expect(toAnswerValue('date', '۱۷.۰۵.۲۰۱۵')).toBe('2015-05-17');
    expect(toAnswerValue('account-number', '۸۶۰۱ ۱۱ ۱۷۹۴۷')).toBe('86011117947');
    expect(toAnswerValue('national-id', '٠١٠١٠٠ ٠٠١١٠')).toBe('01010000110');
    expect(toAnswerValue('phone', '۹۱۲ ۳۴ ۵۶۷')).toBe('91234567');
    expect(toAnswerValue('address', { street: 'Storgata 1', postcode: '۰۱۵۵', city: 'Oslo' })).toEqual({
      street: 'Storgata 1',
      postcode: '0155',
      city: 'Oslo',
    });
    // What is not a number stays as typed, so the validator can say what is wrong.
    expect(toAnswerValue('amount', 'حدود ۹۰۰۰')).toBe('حدود ۹۰۰۰');
  });

  it("keeps the user's own line breaks and spaces in long text", () => {
    expect(toAnswerValue('textarea', '  Hei.\n\nJeg trenger hjelp. ')).toBe('  Hei.\n\nJeg trenger hjelp. ');
  });
});

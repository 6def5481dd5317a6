import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptableDeclaredType, sniffFileType } from '../src/file-types.ts';
import { createReference, isReference, normalizeReference, REFERENCE_ALPHABET } from '../src/reference.ts';
import { FILES } from './helpers.ts';

describe('references', () => {
  it('look like KS-2026-4F7Q-9XZ2, with the year in Norway and no confusable characters', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOU]/);
    expect(createReference(new Date('2026-06-01T12:00:00Z'))).toMatch(
      /^KS-2026-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/,
    );
    // 23:30 UTC on New Year's Eve is already the new year in Oslo.
    expect(createReference(new Date('2026-12-31T23:30:00Z'))).toMatch(/^KS-2027-/);
  });

  it('carry a check character that catches any one mistyped character and any swap of two neighbours but 2↔Z', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: REFERENCE_ALPHABET.length - 1 }),
        (position, shift) => {
          const reference = createReference();
          expect(isReference(reference)).toBe(true);
          const chars = reference.slice(8).replace('-', '').split('');
          const typo = [...chars];
          typo[position] =
            REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(typo[position]!) + shift) % REFERENCE_ALPHABET.length]!;
          const swapped = [...chars];
          [swapped[position], swapped[position + 1]] = [swapped[position + 1]!, swapped[position]!];
          const format = (c: string[]) => `${reference.slice(0, 8)}${c.slice(0, 4).join('')}-${c.slice(4).join('')}`;
          expect(isReference(format(typo))).toBe(false);
          // Luhn mod N misses one swap only: the first and last characters of the alphabet (as mod 10 misses 09↔90).
          const pair = [chars[position], chars[position + 1]].sort().join('');
          if (chars[position] !== chars[position + 1] && pair !== '2Z')
            expect(isReference(format(swapped))).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are read back from what a person types', () => {
    const reference = createReference();
    expect(normalizeReference(` ${reference.toLowerCase().replace(/-/g, ' ')} `)).toBe(reference);
    expect(normalizeReference('KS-2026-AAAA-AAAB')).toBeNull();
    expect(normalizeReference('hello')).toBeNull();
  });
});

describe('file types by magic bytes', () => {
  it('knows PDF, JPEG, PNG and HEIC, and nothing else', () => {
    expect(sniffFileType(FILES.pdf)).toBe('application/pdf');
    expect(sniffFileType(FILES.jpeg)).toBe('image/jpeg');
    expect(sniffFileType(FILES.png)).toBe('image/png');
    expect(sniffFileType(FILES.heic)).toBe('image/heic');
    const mif1WithHeic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypmif1'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
    ]);
    expect(sniffFileType(mif1WithHeic)).toBe('image/heic');
    for (const other of [
      FILES.avif,
      FILES.text,
      FILES.zip,
      FILES.exe,
      Buffer.alloc(0),
      Buffer.from('%PD'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ]) {
      expect(sniffFileType(other)).toBeNull();
    }
  });

  it('takes the declared type only as a first filter', () => {
    expect(acceptableDeclaredType('image/heic')).toBe(true);
    expect(acceptableDeclaredType('APPLICATION/PDF; name=x')).toBe(true);
    expect(acceptableDeclaredType('application/octet-stream')).toBe(true);
    expect(acceptableDeclaredType('text/html')).toBe(false);
    expect(acceptableDeclaredType(undefined)).toBe(false);
  });
});

// The one text rule (src/validation/clean-text.ts): examples of each problem, and properties over any
// string: NFC is idempotent, a control character, a bidi override or a lone surrogate is always refused,
// and text without them is always accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayableText,
  normalizeStrings,
  normalizeText,
  textProblem,
  type TextKind,
} from '../../src/validation/clean-text.ts';

const KINDS: TextKind[] = ['line', 'long', 'file-name'];
/** Every Cc code point: C0, DEL and C1. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
].map((c) => String.fromCharCode(c));
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Any UTF-16 text, surrogate halves on their own too (fast-check's 'binary' only makes whole code points). */
const anyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);
const anyText = (maxLength: number) => fc.string({ unit: anyUnit, maxLength });

/** Text a person writes: any code points but controls, bidi controls and surrogates, with a letter in it. */
const cleanText = fc
  .string({ unit: 'binary', maxLength: 40 })
  .map((text) => `${text.replace(/[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/gu, '')}x`);

describe('textProblem', () => {
  it('accepts ordinary text in every kind, right-to-left text with its marks, and emoji', () => {
    for (const kind of KINDS) {
      for (const text of [
        'Kari Nordmann',
        'Ærlig Østby-Åsen',
        'محمد\u200F علي',
        'שלום',
        'Ola 😀',
        'faktura.pdf',
        'ﬁle (1).jpeg',
      ]) {
        expect(textProblem(text, kind), `${JSON.stringify(text)} as ${kind}`).toBeUndefined();
      }
    }
  });

  it('lets newline and tab into long texts only', () => {
    expect(textProblem('Første linje\nandre\tlinje', 'long')).toBeUndefined();
    expect(textProblem('Første linje\nandre', 'line')).toBe('text.control');
    expect(textProblem('a\tb', 'line')).toBe('text.control');
    expect(textProblem('a\nb.pdf', 'file-name')).toBe('text.control');
    // A carriage return is not a newline here: browsers give textarea values with \n only.
    expect(textProblem('a\r\nb', 'long')).toBe('text.control');
  });

  it('refuses every control character, and NUL, DEL and C1 in particular', () => {
    for (const kind of KINDS) {
      for (const control of CONTROLS) {
        if (kind === 'long' && (control === '\n' || control === '\t')) continue;
        expect(textProblem(`Kari${control}Nordmann`, kind), `U+${control.charCodeAt(0).toString(16)} as ${kind}`).toBe(
          'text.control',
        );
      }
    }
  });

  it('refuses bidi overrides, embeddings and isolates, but not the marks LRM, RLM and ALM', () => {
    for (const bidi of BIDI) expect(textProblem(`faktura${bidi}fdp.exe`, 'file-name')).toBe('text.bidi');
    for (const mark of ['\u200E', '\u200F', '\u061C']) expect(textProblem(`عربي${mark}text`, 'line')).toBeUndefined();
  });

  it('refuses lone surrogates, high or low, but not a pair', () => {
    expect(textProblem('a\uD800', 'line')).toBe('text.surrogate');
    expect(textProblem('\uDC00a', 'long')).toBe('text.surrogate');
    expect(textProblem('\uDC00\uD800', 'line')).toBe('text.surrogate'); // a pair in the wrong order is two lone halves
    expect(textProblem('\uD83D\uDE00', 'line')).toBeUndefined();
  });

  it('calls a blank text no answer: spaces, no-break spaces, zero-width characters, empty', () => {
    for (const blank of ['', ' ', '   ', '\u00A0', '\u200B', '\uFEFF \u2060', '\u3000'])
      expect(textProblem(blank, 'line')).toBe('required');
    expect(textProblem('\n\t \n', 'long')).toBe('required');
  });

  it('refuses file names with a path in them, or only dots and spaces', () => {
    for (const name of ['../passwd', '..\\boot.ini', 'a/b.pdf', 'C:\\x.pdf', '..', '.', ' . ', '', '   ']) {
      expect(textProblem(name, 'file-name'), JSON.stringify(name)).toBe('text.filename');
    }
    for (const name of ['.bashrc', 'rapport..pdf', 'scan 1.jpg', 'kvittering (2).PNG'])
      expect(textProblem(name, 'file-name')).toBeUndefined();
  });

  it('accepts any clean text (property)', () => {
    fc.assert(
      fc.property(cleanText, fc.constantFrom(...KINDS), (text, kind) => {
        expect(textProblem(text, kind)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses any text with a control character in it (property)', () => {
    fc.assert(
      fc.property(
        cleanText,
        fc.nat(),
        fc.constantFrom(...CONTROLS.filter((c) => c !== '\n' && c !== '\t')),
        fc.constantFrom(...KINDS),
        (text, at, control, kind) => {
          const index = at % (text.length + 1);
          const dirty = text.slice(0, index) + control + text.slice(index);
          // Splitting a surrogate pair also leaves lone halves, which is refused before controls.
          expect(textProblem(dirty, kind)).toBe(isWellFormed(dirty) ? 'text.control' : 'text.surrogate');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses any text with a bidi override, embedding or isolate in it (property)', () => {
    fc.assert(
      fc.property(
        cleanText,
        cleanText,
        fc.constantFrom(...BIDI),
        fc.constantFrom(...KINDS),
        (before, after, bidi, kind) => {
          expect(textProblem(before + bidi + after, kind)).toBe('text.bidi');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a lone surrogate exactly when String.prototype.isWellFormed says the text is not well formed (property)', () => {
    let lone = 0;
    fc.assert(
      fc.property(anyText(20), (text) => {
        if (!isWellFormed(text)) lone++;
        expect(textProblem(text, 'long') === 'text.surrogate').toBe(!isWellFormed(text));
      }),
      { numRuns: 1000 },
    );
    expect(lone).toBeGreaterThan(50);
  });
});

describe('normalizeText and normalizeStrings', () => {
  it('turns decomposed text into composed (NFC)', () => {
    expect(normalizeText('A\u030Asen')).toBe('\u00C5sen');
    expect(normalizeText('Ae\u0301')).toBe('A\u00E9');
  });

  it('are idempotent and give NFC (property)', () => {
    fc.assert(
      fc.property(anyText(30), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once.normalize('NFC')).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('normalise every string in a JSON value, keep the shape, and leave the input alone (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        const normalized = normalizeStrings(value);
        expect(value).toEqual(copy);
        expect(normalizeStrings(normalized)).toEqual(normalized);
        const strings: string[] = [];
        JSON.stringify(normalized, (_key, item: unknown) => {
          if (typeof item === 'string') strings.push(item);
          return item;
        });
        for (const text of strings) expect(text.normalize('NFC')).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(normalizeStrings({ adresse: { street: 'A\u030Asgata 1' }, list: ['e\u0301', 1, null, true] })).toEqual({
      adresse: { street: '\u00C5sgata 1' },
      list: ['\u00E9', 1, null, true],
    });
  });

  it('keep "__proto__" as data and leave non-plain objects as they are', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "e\u0301"}}') as Record<string, unknown>;
    const normalized = normalizeStrings(parsed);
    expect(Object.getPrototypeOf(normalized)).toBe(Object.prototype);
    expect(Object.hasOwn(normalized, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const date = new Date(0);
    expect(normalizeStrings(date)).toBe(date);
  });
});

describe('displayableText', () => {
  it('shows every refused character as U+FFFD, so a name can be quoted in a message (property)', () => {
    expect(displayableText('faktura\u202Efdp.exe')).toBe('faktura\uFFFDfdp.exe');
    fc.assert(
      fc.property(anyText(30), (text) => {
        const shown = displayableText(text);
        const problem = textProblem(`${shown}x`, 'line');
        expect(problem).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});

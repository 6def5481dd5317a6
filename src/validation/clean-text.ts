// The one rule for every text answer and file name (issue 12, Build 6), for the widget's step
// validation and the receiver alike: no DOM, no node imports.
//
// Text is compared and stored in Unicode NFC: "å" typed as one character and "å" as a + ring are the
// same text, so they are normalised, never refused (the widget as the user answers, the receiver on
// arrival). What the rule refuses are characters no one means to send: control characters (newline and
// tab only in long texts), bidi overrides, embeddings and isolates (they can make "fdp.exe" look like
// "exe.pdf"), lone surrogates (half a character), and answers that are only blank.

/** Where a text goes: one line (a name, a city), a long text (a textarea), or a file name. */
export type TextKind = 'line' | 'long' | 'file-name';

/** What is wrong with a text; `required` means it is blank, which is no answer at all. */
export type TextProblem = 'text.control' | 'text.bidi' | 'text.surrogate' | 'text.filename' | 'required';

// In u-mode a lone surrogate is a code point of its own in Cs; a pair is one astral code point, not Cs.
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE_TAB = /[^\P{Cc}\n\t]/u;
/** LRE RLE PDF LRO RLO and LRI RLI FSI PDI. The marks LRM, RLM and ALM stay allowed: right-to-left writing needs them. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Whitespace and invisible format characters only (or nothing). */
const BLANK = /^[\s\p{Cf}]*$/u;
const PATH_SEPARATOR = /[/\\]/;
const ONLY_DOTS_AND_SPACES = /^[.\s]*$/u;

export const normalizeText = (text: string): string => text.normalize('NFC');

/** The first problem of a text of this kind, most basic first; undefined when the text is clean. */
export function textProblem(text: string, kind: TextKind): TextProblem | undefined {
  if (LONE_SURROGATE.test(text)) return 'text.surrogate';
  if ((kind === 'long' ? CONTROL_BUT_NEWLINE_TAB : CONTROL).test(text)) return 'text.control';
  if (BIDI_CONTROL.test(text)) return 'text.bidi';
  if (kind === 'file-name') {
    // Without / or \ a name is one path segment, so ".." is caught as "only dots".
    if (PATH_SEPARATOR.test(text) || ONLY_DOTS_AND_SPACES.test(text)) return 'text.filename';
    return undefined;
  }
  return BLANK.test(text) ? 'required' : undefined;
}

/** A text made safe to show in a message: every character the rule refuses becomes U+FFFD. */
export function displayableText(text: string): string {
  return text.replace(/[\p{Cs}\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * A copy of a JSON value with every string normalised to NFC (object keys are left alone: they are ids,
 * and an id that is not as given is unknown anyway). Only arrays and plain objects are copied; anything else is returned as it is.
 */
export function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeStrings(item)) as T;
  if (isPlainObject(value)) {
    // fromEntries defines own properties, so a key such as "__proto__" stays data (safe-json refuses it anyway).
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)])) as T;
  }
  return value;
}

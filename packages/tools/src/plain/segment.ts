// Words, sentences and paragraphs of one text item, with Intl.Segmenter (Node and browsers alike), line by
// line and in pieces of a few thousand characters, so a long text costs time in proportion to its length.
//
// Sentence ends (docs/plain-language.md asks us to write the choice down; it moves LIX by several points):
// - `.`, `!`, `?` where Intl.Segmenter (ICU's sentence rules) ends a sentence. ICU does not end a
//   sentence inside numbers (17.05.2015) or before a lower-case word; we also join a sentence that
//   ends with a known abbreviation (f.eks., bl.a., kl., nr. — data/abbreviations.json `sentenceInside`)
//   to the next one, because ICU ends it there when a number follows.
// - `:` and `;` when a space, a line break or the end of the text follows (not 10:00).
// - a line break;
// - the end of the text item (a label is a sentence even without a full stop).
// `…` does not end a sentence. A "sentence" without any word (`{{item}}:`) is not counted.
// Paragraphs are separated by an empty line; a text item without one is one paragraph.
//
// Words are Intl.Segmenter's word-like segments, with two changes: parts joined by a hyphen are one
// word (NAV-kontoret, e-post), and a placeholder ({{name}}) is one word with no letters, because it is
// replaced by a value (a name, a number, a label). Numbers are words with no letters; a time (10:00)
// and a number with a thousands group (1 250) are one word.
import abbreviations from './data/abbreviations.json' with { type: 'json' };

export interface Word {
  /** The word as written (a placeholder as {{name}}). */
  text: string;
  lower: string;
  /** Letters in the word: digits, hyphens and other signs are not letters. */
  letters: number;
  placeholder: boolean;
  /** Offsets in the text item. */
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  words: Word[];
  /** What ended it: '.', '!', '?', ':', ';', 'line' (a line break) or 'item' (the end of the text item). */
  end: '.' | '!' | '?' | ':' | ';' | 'line' | 'item';
  start: number;
}

export interface Paragraph {
  sentences: Sentence[];
}

export interface Segmented {
  text: string;
  words: Word[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
}

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const LETTER = /\p{L}/gu;
const ABBREVIATION_INSIDE = new Set(abbreviations.sentenceInside);
// Only for English: nynorsk «no.» ("now") ends a sentence.
const ABBREVIATION_INSIDE_ENGLISH = new Set([...abbreviations.sentenceInside, ...abbreviations.sentenceInsideEnglish]);

interface Segmenters {
  word: Intl.Segmenter;
  sentence: Intl.Segmenter;
}
const segmenterCache = new Map<string, Segmenters>();

function segmentersFor(locale: string): Segmenters {
  let found = segmenterCache.get(locale);
  if (!found) {
    let tag = locale;
    try {
      new Intl.Segmenter(tag);
    } catch {
      tag = 'und'; // an unknown tag: the root rules split words at spaces and punctuation
    }
    found = {
      word: new Intl.Segmenter(tag, { granularity: 'word' }),
      sentence: new Intl.Segmenter(tag, { granularity: 'sentence' }),
    };
    segmenterCache.set(locale, found);
  }
  return found;
}

const countLetters = (text: string): number => text.match(LETTER)?.length ?? 0;

/** Replaces each placeholder by X's of the same length, so offsets stay and ICU sees a capitalised word. */
function maskPlaceholders(text: string): { masked: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  const masked = text.replace(PLACEHOLDER, (match, offset: number) => {
    spans.push([offset, offset + match.length]);
    return 'X'.repeat(match.length);
  });
  return { masked, spans };
}

/** An ICU segment with its offset in the whole text. */
interface Part {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/**
 * Cuts [from, to) into pieces of about `size` characters at positions matched by `boundary` (a global regex
 * matching where ICU breaks anyway), so ICU never sees a long string: V8's Intl.Segmenter slows down with the
 * length of its input, and over a whole book it runs out of memory.
 */
function pieces(masked: string, from: number, to: number, boundary: RegExp, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  while (to - start > size) {
    boundary.lastIndex = start + Math.floor(size / 2);
    const found = boundary.exec(masked);
    const cut = found === null ? to : found.index + found[0].length;
    if (cut >= to) break;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, to]);
  return out;
}

/** ICU's segments of [from, to), cut into pieces where ICU would break anyway, with offsets in the whole text. */
function icuParts(
  masked: string,
  from: number,
  to: number,
  segmenter: Intl.Segmenter,
  boundary: RegExp,
  size: number,
): Part[] {
  const out: Part[] = [];
  for (const [start, end] of pieces(masked, from, to, boundary, size)) {
    for (const part of segmenter.segment(masked.slice(start, end)))
      out.push({ segment: part.segment, index: start + part.index, isWordLike: part.isWordLike ?? false });
  }
  return out;
}

// Where ICU always breaks: words before a run of white space; sentences after . ! ? (and closing quotes or
// brackets) and spaces before a capital letter (Unicode's sentence rules SB8 and SB11).
const WORD_BOUNDARY = /(?<=\S)(?=\s)/g;
const SENTENCE_BOUNDARY = /[.!?]["'»”’)\]]*[ \t\u00a0]+(?=\p{Lu})/gu;

/** The words of one line, with offsets in the whole text. `spans` are the placeholders, in order. */
function words(
  text: string,
  masked: string,
  parts: readonly Part[],
  spans: ReadonlyArray<[number, number]>,
  out: Word[],
): void {
  let s = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.isWordLike) continue;
    const start = part.index;
    let end = start + part.segment.length;
    // NAV-kontoret, e-post: word, hyphen, word with nothing between is one word.
    // 10:00 and 1 250 (a thousands group after a space or no-break space) are one number.
    for (;;) {
      const joiner = parts[i + 1]?.segment;
      const next = parts[i + 2];
      if (joiner === undefined || next === undefined || !next.isWordLike) break;
      const current = masked.slice(start, end);
      const hyphen = HYPHENS.has(joiner);
      const time = joiner === ':' && /^\d+$/.test(current) && /^\d+$/.test(next.segment);
      const group =
        /^[\u0020\u00a0\u202f]$/.test(joiner) && /^\d{1,3}$/.test(current) && /^\d{3}(?:[.,]\d+)?$/.test(next.segment);
      if (!hyphen && !time && !group) break;
      end = next.index + next.segment.length;
      i += 2;
    }
    while (s < spans.length && spans[s]![1] <= start) s++;
    const placeholder = s < spans.length && spans[s]![0] < end;
    const written = text.slice(start, end);
    out.push({
      text: written,
      lower: written.toLocaleLowerCase(),
      letters: placeholder ? 0 : countLetters(written),
      placeholder,
      start,
      end,
    });
  }
}

/** Sentence spans [start, end) of one line over the masked text. */
function sentenceSpans(masked: string, icu: readonly Part[], locale: string): Array<{ start: number; end: number }> {
  const inside = /^en\b/.test(locale) ? ABBREVIATION_INSIDE_ENGLISH : ABBREVIATION_INSIDE;
  // Join a sentence that ends with an abbreviation that never ends a sentence (f.eks., kl.) to the next.
  const joined: Array<{ start: number; end: number }> = [];
  for (const part of icu) {
    const span = { start: part.index, end: part.index + part.segment.length };
    const previous = joined[joined.length - 1];
    if (previous) {
      const before = masked.slice(previous.start, previous.end).trimEnd();
      const last = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLocaleLowerCase();
      if (last !== undefined && inside.has(last)) {
        previous.end = span.end;
        continue;
      }
    }
    joined.push(span);
  }
  // Split further at ':' or ';' followed by white space or the end of the line.
  const out: Array<{ start: number; end: number }> = [];
  for (const span of joined) {
    let from = span.start;
    const piece = masked.slice(span.start, span.end);
    for (const match of piece.matchAll(/[:;](?=\s|$)|\n/g)) {
      const cut = span.start + match.index + match[0].length;
      if (cut > from) out.push({ start: from, end: cut });
      from = cut;
    }
    if (from < span.end) out.push({ start: from, end: span.end });
  }
  return out;
}

function endOf(text: string): Sentence['end'] {
  if (/\n\s*$/.test(text)) {
    const beforeBreak = text.replace(/\s+$/, '');
    const last = beforeBreak.slice(-1);
    return last === '.' || last === '!' || last === '?' || last === ':' || last === ';' ? last : 'line';
  }
  const trimmed = text.replace(/[\s"'»”’)\]]+$/u, '');
  const last = trimmed.slice(-1);
  if (last === '.' || last === '!' || last === '?' || last === ':' || last === ';') return last;
  // Arabic question mark, Ethiopic full stop and question mark.
  if (last === '\u061F' || last === '\u1367') return '?';
  if (last === '\u1362' || last === '\u06D4') return '.';
  return 'item';
}

/** ICU sees at most about this many characters at once (more only where a line has no place to cut). */
const PIECE = 2000;

/**
 * Words, sentences and paragraphs of one text item, line by line: a line break ends every sentence and no
 * word crosses one, so each line is segmented alone and the time grows with the length of the text.
 */
export function segment(text: string, locale: string, options: { piece?: number } = {}): Segmented {
  const { word, sentence } = segmentersFor(locale);
  const size = options.piece ?? PIECE;
  const { masked, spans } = maskPlaceholders(text);
  const allWords: Word[] = [];
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  let paragraph: Paragraph = { sentences: [] };
  for (let lineStart = 0; lineStart < masked.length;) {
    const newline = masked.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? masked.length : newline + 1;
    // An empty line (or one of spaces) ends a paragraph; a text item without one is one paragraph.
    if (newline !== -1 && lineStart > 0 && /^[ \t\r]*$/.test(masked.slice(lineStart, newline))) {
      if (paragraph.sentences.length > 0) paragraphs.push(paragraph);
      paragraph = { sentences: [] };
    }
    const lineWords: Word[] = [];
    words(text, masked, icuParts(masked, lineStart, lineEnd, word, WORD_BOUNDARY, size), spans, lineWords);
    let w = 0;
    const icu = icuParts(masked, lineStart, lineEnd, sentence, SENTENCE_BOUNDARY, size);
    for (const span of sentenceSpans(masked, icu, locale)) {
      while (w < lineWords.length && lineWords[w]!.start < span.start) w++;
      const inside: Word[] = [];
      while (w < lineWords.length && lineWords[w]!.start < span.end) inside.push(lineWords[w++]!);
      if (inside.length === 0) continue;
      const spanText = text.slice(span.start, span.end);
      const found: Sentence = { text: spanText.trim(), words: inside, end: endOf(spanText), start: span.start };
      sentences.push(found);
      paragraph.sentences.push(found);
    }
    for (const found of lineWords) allWords.push(found);
    lineStart = lineEnd;
  }
  if (paragraph.sentences.length > 0) paragraphs.push(paragraph);
  return { text, words: allWords, sentences, paragraphs };
}

/** Where some words are in the text item: from the first one's start to the last one's end. */
export const spanOf = (words: readonly Word[]): { start: number; end: number } => ({
  start: words[0]?.start ?? 0,
  end: words[words.length - 1]?.end ?? 0,
});

/** Placeholder names in a text ({{ name }} → name), sorted and without duplicates. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0].slice(2, -2).split(',')[0]!.trim()))].sort();
}

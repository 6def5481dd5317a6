// The text items the rules look at, and helpers the rules share.
import type { PlainConfig } from '../config.ts';
import type { Segmented, Sentence, Word } from '../segment.ts';
import type { Variant } from '../types.ts';

/** What a text is for the user; some rules depend on it (answer options are in the first person). */
export type TextRole = 'title' | 'question' | 'help' | 'option' | 'consent' | 'other';

export interface TextItem {
  /** The text's key without the plain context (fields.navn.label). */
  key: string;
  locale: string;
  variant: Variant;
  text: string;
  /** The plain variant comes from its own `_plain` key (not the standard text as fallback). */
  ownPlain: boolean;
  role: TextRole;
  file: string;
  step?: string;
  /** The JSON pointer of the text in its file (/fields/navn/label_plain), for texts from a locale file. */
  pointer?: string;
}

/** The language part of a locale tag: nb-NO → nb. */
export const languageOf = (locale: string): string => locale.toLowerCase().split(/[-_]/)[0] ?? locale;

/** The data-backed Norwegian rules use bokmål or nynorsk lists. */
export function norwegianOf(locale: string, config: PlainConfig): 'nb' | 'nn' | undefined {
  const language = languageOf(locale);
  if (!config.norwegianLocales.includes(language)) return undefined;
  return language === 'nn' ? 'nn' : 'nb';
}

/** Whether there is punctuation (not only white space) between two words of a text. */
export const punctuationBetween = (text: string, left: Word, right: Word): boolean =>
  /[^\s]/u.test(text.slice(left.end, right.start));

/** The words of a sentence, with a flag for punctuation right after each word. */
export function wordsWithBreaks(segmented: Segmented, sentence: Sentence): Array<{ word: Word; breakAfter: boolean }> {
  return sentence.words.map((word, i) => {
    const next = sentence.words[i + 1];
    return { word, breakAfter: next === undefined || punctuationBetween(segmented.text, word, next) };
  });
}

// What a per-string rule gets, and what it gives back before messages are rendered.
import type { PlainConfig } from '../config.ts';
import type { Segmented, Sentence, Word } from '../segment.ts';
import type { RuleId, Severity, Variant } from '../types.ts';

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
}

export interface RuleInput {
  item: TextItem;
  segmented: Segmented;
  config: PlainConfig;
}

/** A finding before its message is rendered: params go to the message in locales/<lang>/lint.json. */
export interface RawFinding {
  rule: RuleId;
  severity: Severity;
  words: string[];
  /** i18next context of the message (a variant of the message, e.g. 'plain'). */
  context?: string;
  params?: Record<string, string | number>;
  /** Alternatives to suggest, rendered as «a», «b» or «c». */
  alternatives?: string[];
  value?: number;
  limit?: number;
}

/** The language part of a locale tag: nb-NO → nb. */
export const languageOf = (locale: string): string => locale.toLowerCase().split(/[-_]/)[0] ?? locale;

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

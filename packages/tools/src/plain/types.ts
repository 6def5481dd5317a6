// Types shared by the plain-language engine (src/plain). The engine runs in Node and in the browser.

export type Severity = 'error' | 'warning' | 'info';
import type { TextVariant } from '../../../../src/definition/vocabulary.ts';
import type { RuleId } from './rules/index.ts';
/** The text variant a finding is about. */
export type Variant = TextVariant;
export const VARIANTS: readonly Variant[] = ['standard', 'plain'];

/** A rule's id: the registry (rules/index.ts) lists the rules. */
export type { RuleId } from './rules/index.ts';

/** One thing a person should look at, in words they can act on. */
export interface Finding {
  /** The text file, as given to the engine (for example locales/nb/kontakt.json). */
  file: string;
  /** The text key, as the definition names it (fields.navn.label); for step scores: steps.<id>. */
  key: string;
  locale: string;
  variant: Variant;
  rule: RuleId;
  severity: Severity;
  /** The words found (may be empty for scores). */
  words: string[];
  /** What to do instead, rendered from locales/<lang>/lint.json. */
  suggestion: string;
  /** What is wrong, rendered from locales/<lang>/lint.json. */
  message: string;
  /** The step (or the collection's section) the text belongs to, when it belongs to one. */
  step?: string;
  /** The measured value and the bar it broke, for measures. */
  value?: number;
  limit?: number;
  /** Where the words are, for a text linted alone (lint --text): lines and columns from 1, in UTF-16 code units. */
  position?: Position;
  /** For a text from a locale file: the JSON pointer of the text in the file (/fields/navn/label_plain). */
  pointer?: string;
  /** The author's word: the finding is waived, why, and where that is written. Waived findings fail nothing. */
  waived?: Waiver;
}

export interface Waiver {
  /** A note beside the text in its locale file, or a word list of the project's config. */
  by: 'text' | 'config';
  /** The author's reason (a note), or what the word list is (config). */
  reason: string;
  /** The note's file and JSON pointer (locales/nb/x.json /fields/navn/label_lint), or the list (words.terms). */
  where: string;
}

/** A note to the linter that cannot be used: no reason, no rules, or a rule that does not exist. */
export interface NoteProblem {
  file: string;
  pointer: string;
  /** What is wrong, in the report's language. */
  problem: string;
}

/** A stretch of a text file: its first character, and the column just after its last one (end exclusive). */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Measures of a set of texts (one step, one form, one string) in one locale and variant. */
export interface Measures {
  /** Text items measured, and how many of them have their own plain text (`_plain`). */
  texts: number;
  ownPlainTexts: number;
  words: number;
  sentences: number;
  /** Words with more than config.lix.longWordLetters letters (digits and punctuation not counted). */
  longWords: number;
  /** Long words that are not glossary terms. */
  longWordsWithoutGlossary: number;
  /** LIX = words / sentences + 100 × long words / words. Only for LIX locales (nb, nn). */
  lix?: number;
  /** Long words / words, 0–1. Only for LIX locales. */
  longWordShare?: number;
  longWordShareWithoutGlossary?: number;
  wordsPerSentence: { avg: number; max: number };
  sentencesPerParagraph: { max: number };
  /**
   * OVIX, word variation: log(words) / log(2 − log(different words) / log(words)), over words with letters, in
   * lower case. Higher means more different words for the reader to know. Only for LIX locales, and only where
   * some word repeats (with none, the formula divides by zero).
   */
  ovix?: number;
  /**
   * Nominal ratio («nominalkvot»): nouns, prepositions and participles per pronoun, adverb and verb. Above 1 the
   * text leans on nouns (heavy, official); below 1 on verbs (spoken, direct). Only for Norwegian; word classes are
   * estimated (word-classes.ts).
   */
  nominalRatio?: number;
  /** Flesch Reading Ease. Only for Flesch locales (en). */
  flesch?: number;
  syllables?: number;
}

/** Scores: step (or section) id → locale → variant → measures. */
export type StepScores = Record<string, Record<string, Record<Variant, Measures>>>;
/** Scores of the whole form or collection: locale → variant → measures. */
export type FormScores = Record<string, Record<Variant, Measures>>;

export interface StepInfo {
  id: string;
  /** The step title per locale (standard variant), for reports. */
  title: Record<string, string>;
  /** Whether the step has at least one own plain text, per locale. */
  hasPlain: Record<string, boolean>;
}

export interface LintResult {
  kind: 'form' | 'collection' | 'text';
  /** Form id, collection name (namespace) or file name. */
  name: string;
  /** The form's title per locale, when it has one. */
  title: Record<string, string>;
  /** The definition file or text file, when known. */
  source?: string;
  locales: string[];
  steps: StepInfo[];
  findings: Finding[];
  scores: StepScores;
  form: FormScores;
  /** Notes to the linter in the locale files that cannot be used (only when there are any). */
  problems?: NoteProblem[];
}

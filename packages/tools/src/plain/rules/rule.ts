// What a plain-language rule is: one module per rule, after ESLint's rule layout (meta with docs and
// messages, examples that are its tests, and a check). The registry (./index.ts) lists the modules; the
// pipeline (../lint.ts) runs them. Message texts stay in locales/<lang>/lint.json: a rule names keys only.
import type { PlainConfig, PlainConfigInput } from '../config.ts';
import type { Segmented, Sentence } from '../segment.ts';
import type { Measures, Severity, Variant } from '../types.ts';
import type { TextItem, TextRole } from './context.ts';

/**
 * What a rule looks at, and so how often it runs:
 * - text: each text item (a standard text, or an own plain text) of every locale;
 * - sentence: each sentence of each text item (rules next to each other in the registry report sentence by sentence);
 * - counterparts: each text item with the texts it must agree with (the same key in the source language; for an
 *   own plain text, its standard text);
 * - step: the measures of a step (a collection's section, the whole collection, a whole text), per locale.
 */
export type RuleScope = 'text' | 'sentence' | 'counterparts' | 'step';

/**
 * The locales a rule applies to, from the config: every locale; the Norwegian ones (norwegianLocales); the
 * LIX ones (lix.locales); the Flesch ones (flesch.locales); or translations (every locale but sourceLocale).
 */
export type RuleLanguages = 'all' | 'norwegian' | 'lix' | 'flesch' | 'translations';

interface BaseContext {
  config: PlainConfig;
  /** The language part of the locale (nb-NO → nb). */
  language: string;
}

interface ItemContext extends BaseContext {
  item: TextItem;
  segmented: Segmented;
  /** bokmål or nynorsk, for the data-backed Norwegian rules; undefined in other languages. */
  norwegian: 'nb' | 'nn' | undefined;
  /**
   * The texts of the same locale and variant in the form (or collection), in key order, this one included:
   * for rules that compare a text with the rest of the form (term consistency). Absent: the text alone.
   */
  siblings?: readonly string[];
}

export interface TextContext extends ItemContext {
  scope: 'text';
}

export interface SentenceContext extends ItemContext {
  scope: 'sentence';
  sentence: Sentence;
}

export interface CounterpartContext extends ItemContext {
  scope: 'counterparts';
  /** For an own plain text: the standard text of the same key. */
  standard?: string;
  /**
   * For a text in another locale than the source: the source locale's text of the same key (its plain text
   * for a plain text, where it has one), or for a plural form it lacks, its `_other` form.
   */
  source?: { locale: string; text: string };
}

export interface StepContext extends BaseContext {
  scope: 'step';
  /** The step's measures, standard and plain (the plain variant includes fallbacks to standard texts). */
  measures: Record<Variant, Measures>;
  /** Whether the step has at least one own plain text in this locale. */
  hasPlain: boolean;
}

export interface RuleContexts {
  text: TextContext;
  sentence: SentenceContext;
  counterparts: CounterpartContext;
  step: StepContext;
}

/** A value for a message: numbers are written as the report's language writes them, lists and languages too. */
export type MessageParam =
  string | number | { list: readonly string[] } | { alternatives: readonly string[] } | { language: string };

/** What a rule found, before its texts are rendered from locales/<lang>/lint.json. */
export interface RuleFinding<M extends string = string> {
  /** The message id (a key of meta.messages) of what is wrong. */
  message: M;
  /** The message id of what to do instead. */
  suggestion: M;
  /** The words found (empty for scores). */
  words: string[];
  /** Where in the text item's text the words are: UTF-16 offsets, end exclusive. */
  span?: { start: number; end: number };
  /** Default: meta.severity. */
  severity?: Severity;
  /** Step rules only: the variant a score is about (default standard); text rules report their text's variant. */
  variant?: Variant;
  params?: Record<string, MessageParam>;
  /** The measured value and the bar it broke. */
  value?: number;
  limit?: number;
}

/** A text to try a rule on. Defaults: bokmål, the standard variant, role other, key «text». */
export interface RuleExample {
  text: string;
  locale?: string;
  variant?: Variant;
  role?: TextRole;
  key?: string;
  /** The source locale's (nb) text of the same key, for rules that compare a translation with it. */
  source?: string;
  /** The standard text of the same key, when `text` is an own plain text (variant plain). */
  standard?: string;
  config?: PlainConfigInput;
  note?: string;
}

export interface FlagExample extends RuleExample {
  /** The rule's findings, in order: each one's words joined by a space ('' for a score). */
  found: string[];
  /** More about the findings, in the same order, where it matters. */
  details?: Array<{ severity?: Severity; variant?: Variant; value?: number; limit?: number }>;
}

export interface RuleExamples {
  /** Texts the rule must flag (like ESLint's invalid cases). */
  flag: FlagExample[];
  /** Texts the rule must leave alone (like ESLint's valid cases): false hits are the usual bug. */
  pass: RuleExample[];
}

export interface RuleMeta<M extends string, S extends RuleScope> {
  /** The severity of its findings unless a finding says otherwise; config.rules overrides both. */
  severity: Severity;
  /** The lint.json key of the rule's name in reports. */
  name: string;
  docs: {
    /** One line, English, for contributors. */
    description: string;
    /** Its section in docs/plain-language.md. */
    url: `docs/plain-language.md#${string}`;
  };
  /** Message id → lint.json key. */
  messages: Record<M, `rules.${string}`>;
  appliesTo: {
    scope: readonly S[];
    languages: RuleLanguages;
    /** The variants it reports on. */
    variants: readonly Variant[];
    /** Only texts of these roles (text rules); default every role. */
    roles?: readonly TextRole[];
  };
}

export interface PlainRule<Id extends string = string, M extends string = string, S extends RuleScope = RuleScope> {
  id: Id;
  meta: RuleMeta<M, S>;
  examples: RuleExamples;
  check(context: RuleContexts[S]): Array<RuleFinding<M>>;
}

/** Declares a rule with its id, message ids and scopes kept as literal types. */
export const plainRule = <Id extends string, M extends string, S extends RuleScope>(
  rule: PlainRule<Id, M, S>,
): PlainRule<Id, M, S> => rule;

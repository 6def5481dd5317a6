// Thresholds of the plain-language engine. The defaults are the bars of docs/plain-language.md; a project
// overrides them in plain-language.config.json (read in Node by packages/tools/src/plain/node.ts).
import type { RuleId, Severity } from './types.ts';
import type { TextVariant } from '../../../../src/definition/vocabulary.ts';
import type { PlainCoverageBar } from '../../../../src/definition/types.ts';

export interface Limits {
  /** Warn above this value. */
  warn?: number;
  /** Error above this value. */
  error?: number;
}

export interface VariantLimits {
  standard: Limits;
  plain: Limits;
}

export interface PlainConfig {
  /** The source language: other locales are compared with it (placeholders, untranslated texts). */
  sourceLocale: string;
  /** Locales that get the Norwegian rules (passive, nominalisation, stiff words, reader address, abbreviations). */
  norwegianLocales: string[];
  lix: {
    /** Locales where LIX (and the long-word share) applies. */
    locales: string[];
    /** A long word has more than this many letters. */
    longWordLetters: number;
    /** Highest LIX per step. */
    stepMax: { standard: number; plain: number };
    /** The plain variant of a step must score below the standard variant of the same step. */
    plainBelowStandard: boolean;
  };
  flesch: {
    /** Locales where Flesch Reading Ease applies. */
    locales: string[];
    /** Lowest Flesch Reading Ease per step (plain variant). */
    stepMin: { plain: number };
  };
  /** Words per sentence, per variant; byLocale overrides for languages where a word carries more. */
  sentenceWords: VariantLimits & { byLocale: Record<string, Partial<VariantLimits>> };
  /** Sentences per paragraph, per variant. */
  paragraphSentences: VariantLimits;
  untranslated: {
    /** Texts with fewer words than this are not compared (Ja, Nei, Telefon, names). */
    minWords: number;
  };
  /**
   * When an own plain text is harder than its standard text (rule plain-harder): its words per sentence above
   * the standard's plus `margin` and above `floor`; its LIX (LIX locales) above the standard's plus `margin`
   * and above `floor`; its share of long words (not glossary words) above the standard's plus `margin`. LIX and
   * long words only for texts of at least `minWords` words.
   */
  plainHarder: {
    wordsPerSentence: { margin: number; floor: number };
    lix: { margin: number; floor: number };
    longWordShare: { margin: number };
    minWords: number;
  };
  collections: {
    /**
     * Where the step bars (LIX, Flesch) apply in a text collection without steps (widget.json):
     * 'collection' judges all its texts together, 'sections' each top-level section (errors, review …),
     * 'none' reports scores only. Sections of one-word labels (address: Gateadresse, Postnummer,
     * Poststed) give LIX values that mean nothing, so the default is 'collection'.
     */
    bars: 'collection' | 'sections' | 'none';
  };
  /**
   * The plain coverage `klarskjema check` requires of the widget's own texts (widget.json): the share of nb's
   * plain texts each locale also has, one number or one per locale. A form's own bar is in its definition.
   */
  plainCoverage: { widget: PlainCoverageBar };
  /** Severity overrides per rule; 'off' turns a rule off. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /**
   * The project's word lists: its findings about these words are waived, and shown as waived in the report.
   * abbreviations: allowed abbreviations (KVP); terms: words the project uses on purpose (a service's name), never
   * flagged and counted like glossary words; stiffWordExceptions: stiff words the project keeps (a legal term).
   */
  words: WordLists;
}

// A type, not an interface, so that PlainConfigInput makes each list optional (DeepPartial needs an index signature).
export type WordLists = {
  abbreviations: string[];
  terms: string[];
  stiffWordExceptions: string[];
};

export const defaultConfig: PlainConfig = {
  sourceLocale: 'nb',
  norwegianLocales: ['nb', 'nn'],
  lix: {
    locales: ['nb', 'nn', 'sv', 'da'],
    longWordLetters: 6,
    stepMax: { standard: 40, plain: 33 },
    plainBelowStandard: true,
  },
  flesch: { locales: ['en'], stepMin: { plain: 60 } },
  sentenceWords: {
    standard: { warn: 20, error: 25 },
    plain: { warn: 15, error: 20 },
    byLocale: {
      pl: { standard: { warn: 18, error: 23 }, plain: { warn: 13, error: 18 } },
      uk: { standard: { warn: 18, error: 23 }, plain: { warn: 13, error: 18 } },
      se: { standard: { warn: 16, error: 20 }, plain: { warn: 12, error: 16 } },
      ar: { standard: { warn: 16, error: 22 }, plain: { warn: 12, error: 18 } },
      ti: { standard: { warn: 16, error: 20 }, plain: { warn: 12, error: 16 } },
      so: { standard: { warn: 20, error: 25 }, plain: { warn: 15, error: 20 } },
      lt: { standard: { warn: 18, error: 23 }, plain: { warn: 13, error: 18 } },
    },
  },
  paragraphSentences: { standard: { warn: 3 }, plain: { warn: 2 } },
  untranslated: { minWords: 3 },
  plainHarder: {
    wordsPerSentence: { margin: 1, floor: 10 },
    lix: { margin: 3, floor: 30 },
    longWordShare: { margin: 0.1 },
    minWords: 8,
  },
  collections: { bars: 'collection' },
  // Every locale has every plain text of the widget (issue 16); a new locale must bring them.
  plainCoverage: { widget: 1 },
  rules: {},
  words: { abbreviations: [], terms: [], stiffWordExceptions: [] },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Record<string, unknown> ? DeepPartial<T[K]> : T[K] };
export type PlainConfigInput = DeepPartial<PlainConfig> & { [comment: `$${string}`]: unknown };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key.startsWith('$')) continue; // "$comment" keys document the JSON file
    out[key] = merge(base[key], value);
  }
  return out;
}

/** The defaults with the given values laid over them (objects merge, arrays and numbers replace). */
export function resolveConfig(input: PlainConfigInput | PlainConfig | undefined = undefined): PlainConfig {
  return merge(defaultConfig, input ?? {}) as PlainConfig;
}

/** Sentence-length limits for a locale and variant. */
export function sentenceLimits(config: PlainConfig, locale: string, variant: TextVariant): Limits {
  return config.sentenceWords.byLocale[locale]?.[variant] ?? config.sentenceWords[variant];
}

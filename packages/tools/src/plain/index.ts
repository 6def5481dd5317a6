// The plain-language engine (klarspråk): readability measures, the Norwegian rules and the structural
// rules for other languages, and reports. Runs in Node and the browser; file loading is in ./node.ts.
export {
  defaultConfig,
  resolveConfig,
  sentenceLimits,
  type Limits,
  type PlainConfig,
  type PlainConfigInput,
  type VariantLimits,
} from './config.ts';
export { glossaryForms, glossaryTermFor, glossaryTerms, type GlossaryTerm } from './glossary.ts';
export {
  lintCollection,
  lintForm,
  lintText,
  stepBars,
  TOP_SECTION,
  type LintCollectionInput,
  type LintFormInput,
  type LintTextOptions,
} from './lint.ts';
export { englishSyllables, fleschReadingEase, lix, measure } from './measures.ts';
export { LINT_LANGS, lintTexts, type LintLang } from './messages.ts';
export { renderHtmlReport, renderJson, renderText } from './render.ts';
export { placeholders, segment, type Paragraph, type Segmented, type Sentence, type Word } from './segment.ts';
export { resolveVariants, type TextEntry, type TextResource } from './texts.ts';
export type { TextRole } from './rules/context.ts';
export {
  DEFAULT_SEVERITIES,
  RULE_IDS,
  RULES,
  ruleById,
  type FlagExample,
  type PlainRule,
  type Rule,
  type RuleExample,
  type RuleExamples,
  type RuleScope,
} from './rules/index.ts';
export * from './types.ts';

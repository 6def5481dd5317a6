// The plain-language engine (klarspråk): readability measures, the Norwegian rules and the structural
// rules for other languages, and reports. Runs in Node and the browser; file loading is in ./node.ts.
// What the package publishes is chosen in ../index.ts; this is the engine's one door for the rest.
export type { PlainConfig, PlainConfigInput } from './config.ts';
export { lintCollection, lintForm, lintText, type LintCollectionInput, type LintFormInput } from './lint.ts';
export { measure } from './measures.ts';
export { renderHtmlReport, renderJson, renderText } from './render.ts';
export { renderSarif, type SarifOptions } from './sarif.ts';
export type { TextResource } from './texts.ts';
export type { TextRole } from './rules/context.ts';
export { DEFAULT_SEVERITIES, RULE_IDS, RULES } from './rules/index.ts';
export * from './types.ts';

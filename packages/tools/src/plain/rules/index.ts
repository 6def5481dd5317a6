// The registry of plain-language rules: one module per rule (./<id>.ts). RULE_IDS, the RuleId type, the
// default severities and the rule ids the config knows all come from this list; ../lint.ts runs it.
//
// The order is the order of one text's findings (before they are sorted by severity): the rules for every
// language, then the Norwegian ones, whose sentence rules (passive, nominalisation) report sentence by
// sentence together; the counterparts rules run after all the text rules of a text.
import type { PlainConfig } from '../config.ts';
import type { Severity } from '../types.ts';
import { abbreviation } from './abbreviation.ts';
import { bokmalInNynorsk } from './bokmal-in-nynorsk.ts';
import { languageOf } from './context.ts';
import { fleschStep } from './flesch-step.ts';
import { impossibleDate } from './impossible-date.ts';
import { leftover } from './leftover.ts';
import { lateVerb } from './late-verb.ts';
import { lixStep } from './lix-step.ts';
import { negation } from './negation.ts';
import { nominalisation } from './nominalisation.ts';
import { oneQuestion } from './one-question.ts';
import { paragraphLength } from './paragraph-length.ts';
import { passive } from './passive.ts';
import { plainHarder } from './plain-harder.ts';
import { placeholderMismatch } from './placeholder-mismatch.ts';
import { readerAddress } from './reader-address.ts';
import { repeatedWord } from './repeated-word.ts';
import type { PlainRule, RuleFinding, RuleScope } from './rule.ts';
import { sentenceDifficulty } from './sentence-difficulty.ts';
import { sentenceLength } from './sentence-length.ts';
import { shouting } from './shouting.ts';
import { stiffWord } from './stiff-word.ts';
import { termConsistency } from './term-consistency.ts';
import { untranslated } from './untranslated.ts';

const MODULES = [
  lixStep,
  fleschStep,
  sentenceLength,
  paragraphLength,
  oneQuestion,
  leftover,
  placeholderMismatch,
  impossibleDate,
  shouting,
  repeatedWord,
  passive,
  nominalisation,
  negation,
  lateVerb,
  sentenceDifficulty,
  stiffWord,
  readerAddress,
  abbreviation,
  bokmalInNynorsk,
  termConsistency,
  untranslated,
  plainHarder,
] as const;

export type RuleId = (typeof MODULES)[number]['id'];
/** Any rule of the registry, with its message ids and scopes widened. */
export type Rule = PlainRule<RuleId, string, RuleScope>;

export const RULES: readonly Rule[] = MODULES;
export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);
export const DEFAULT_SEVERITIES = Object.fromEntries(RULES.map((rule) => [rule.id, rule.meta.severity])) as Readonly<
  Record<RuleId, Severity>
>;

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));
export const isRuleId = (id: string): id is RuleId => byId.has(id);
export function ruleById(id: RuleId): Rule {
  return byId.get(id)!;
}

/** A rule's finding with its rule and its severity, before its texts are rendered. */
export interface RawFinding extends RuleFinding {
  rule: RuleId;
  severity: Severity;
}

export const hasScope = (rule: Rule, scope: RuleScope): boolean => rule.meta.appliesTo.scope.includes(scope);

/** Whether a rule applies to a locale, from its appliesTo.languages and the config. */
export function appliesToLocale(rule: Rule, locale: string, config: PlainConfig): boolean {
  const language = languageOf(locale);
  switch (rule.meta.appliesTo.languages) {
    case 'all':
      return true;
    case 'norwegian':
      return config.norwegianLocales.includes(language);
    case 'lix':
      return config.lix.locales.includes(language);
    case 'flesch':
      return config.flesch.locales.includes(language);
    case 'translations':
      return locale !== config.sourceLocale;
  }
}

export type { PlainRule, RuleFinding, RuleScope } from './rule.ts';

// What the engine needs to know of expressions without their evaluator (decision 0021): whether a `when`
// is one, the application date, and the evaluator's type. The evaluator (expression.ts) travels in the form
// package's validators.js, so a form without expressions costs the widget nothing.

import type { FormDefinition } from '../definition/types.ts';

export type Value = number | string | boolean | null | Value[];

/** What an expression is evaluated against. */
export interface Scope {
  /** The relevant answers at top level (a group's items as arrays of their relevant answers). */
  answers: Readonly<Record<string, unknown>>;
  /** Inside a repeating group: this item's relevant answers ("this child"). */
  item?: Readonly<Record<string, unknown>>;
  /** Computed values by id (computed before this expression). */
  computed?: Readonly<Record<string, unknown>>;
  /** The application date, YYYY-MM-DD. */
  today: string;
}

export type Evaluate = (expression: unknown, scope: Scope) => Value;

type Answers = Record<string, unknown>;

/**
 * The code a package brings for a form with expressions or documents per item (src/engine/package-rules.ts):
 * the evaluator, the computed values, and stable item ids with the documents keyed by them.
 */
export interface PackageRules {
  evaluate: Evaluate;
  /** The form's computed values by id (null: nothing to compute from), in form order. */
  compute(definition: FormDefinition, answers: Answers, today: string): Record<string, number | null>;
  /** The keys of a document asked for per item: one for each item (with an id) that meets the condition. */
  documentKeys(document: string, items: unknown, meets: (item: Answers) => boolean): string[];
  /** Items given ids where they lack one or share one (an older draft's, or answers from a host). */
  withItemIds(definition: FormDefinition, answers: Answers, createId: () => string): Answers;
  /** An older draft's document for all items, placed on the one item it fits. */
  placeOldDocumentAnswers(definition: FormDefinition, answers: Answers, relevant: string[]): Answers;
  /** The answers without the documents of a removed item. */
  withoutItemDocuments(definition: FormDefinition, answers: Answers, removed: unknown): Answers;
  /** The values a field's texts may name at an answer path (src/i18n/answer-values.ts), as shown. */
  textValues(
    definition: FormDefinition,
    answers: Answers,
    computed: Readonly<Record<string, number | null>>,
    path: string,
    locale: string,
  ): Record<string, string | number>;
}

/**
 * Whether a `when` is an expression rather than a restricted JSON Schema condition: one key that is no
 * condition keyword. They share only `not`: JSON Schema's takes a schema, ours a list.
 */
export function isExpression(when: unknown): boolean {
  if (typeof when !== 'object' || when === null || Array.isArray(when)) return false;
  const keys = Object.keys(when);
  if (keys.length !== 1) return false;
  // The keywords of a restricted JSON Schema condition (schemas/form.schema.json, $defs/condition).
  return keys[0] === 'not'
    ? Array.isArray((when as { not: unknown }).not)
    : !/^(properties|required|allOf|anyOf)$/.test(keys[0]!);
}

/** The local calendar date of a moment: what the user calls today. */
export const localDate = (now: Date): string =>
  new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

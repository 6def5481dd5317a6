// Rules as data (docs/decisions/0021): a small, typed vocabulary of expressions in JSON, read by this one
// evaluator in the widget, the tools and the receiver. `klarskjema build` bundles it into the validators.js
// of a form that uses expressions, so the widget and a receiver run the same code from the package. No eval and no string language: an expression is
// a literal or an object with one operator key, JSON Logic's shape ({ "<=": [a, b] }), with `answer`
// for an answer and date words of our own. A missing answer gives null, and null spreads: a condition
// holds only when it is true, a rule is broken only when it is false.
import type { FormDefinition } from '../definition/types.ts';
import { isRecord } from './answers.ts';
import { isExpression } from './expression-kind.ts';
export { isExpression };

export type { Scope, Value } from './expression-kind.ts';
import type { Scope, Value } from './expression-kind.ts';

/** The operators, by name; check lists the same names with their types. */
export const OPERATORS = [
  'answer',
  'today',
  'add-days',
  'add-months',
  'add-years',
  'days-between',
  'age',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'or',
  'not',
  'sum',
  'count',
  'min',
  'max',
  'each',
  'some',
  'all',
] as const;
export type Operator = (typeof OPERATORS)[number];
const KNOWN: ReadonlySet<string> = new Set(OPERATORS);

/** The operator of an expression object, or undefined when the value is no expression object. */
export function operatorOf(value: unknown): Operator | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && KNOWN.has(keys[0]!) ? (keys[0] as Operator) : undefined;
}

/** An operator's arguments: a list as given, one argument as a list of one. */
export const argumentsOf = (expression: Record<string, unknown>, operator: string): unknown[] => {
  const given = expression[operator];
  return Array.isArray(given) ? given : [given];
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A calendar date as YYYY-MM-DD (from its parts in UTC, so no time zone moves it). */
const dateText = (time: number): string => new Date(time).toISOString().slice(0, 10);
const parts = (date: string): [number, number, number] | undefined => {
  const match = DATE.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
};

/** Months (and years) added; a day past the month's end becomes its last day (31 January + 1 month: 28/29 February). */
function addMonths(date: string, months: number): string | null {
  const p = parts(date);
  if (!p || !Number.isInteger(months)) return null;
  const month = p[0] * 12 + p[1] - 1 + months;
  const year = Math.floor(month / 12);
  const last = new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
  return dateText(Date.UTC(year, month % 12, Math.min(p[2], last)));
}

function addDays(date: string, days: number): string | null {
  const p = parts(date);
  return p && Number.isInteger(days) ? dateText(Date.UTC(p[0], p[1] - 1, p[2]) + days * DAY_MS) : null;
}

/** Whole years from birth to a date: a birthday not yet reached this year does not count. */
function age(birth: string, at: string): number | null {
  const b = parts(birth);
  const a = parts(at);
  if (!b || !a) return null;
  return a[0] - b[0] - (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]) ? 1 : 0);
}

function daysBetween(from: string, to: string): number | null {
  const f = parts(from);
  const t = parts(to);
  return f && t ? Math.round((Date.UTC(t[0], t[1] - 1, t[2]) - Date.UTC(f[0], f[1] - 1, f[2])) / DAY_MS) : null;
}

/** A stored answer as a value: anything else (an address, a document) is null to expressions. */
const asValue = (answer: unknown): Value => {
  if (typeof answer === 'number' || typeof answer === 'string' || typeof answer === 'boolean') return answer;
  if (Array.isArray(answer)) return answer as Value[];
  return null;
};

/** Numbers of the arguments, lists flattened; what is not a number is left out. */
const numbers = (values: Value[]): number[] =>
  values.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is number => typeof v === 'number');

function compare(operator: string, a: Value, b: Value): boolean | null {
  if (operator === '==' || operator === '!=') {
    if (a === null || b === null) return null;
    const same = JSON.stringify(a) === JSON.stringify(b);
    return operator === '==' ? same : !same;
  }
  // Numbers with numbers, dates (and texts) with their own kind; else the answer is not known.
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return null;
  const x = a as number | string;
  const y = b as number | string;
  return operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
}

/** The items of a repeating group at top level. */
const itemsOf = (scope: Scope, group: unknown): Array<Record<string, unknown>> => {
  const items = typeof group === 'string' ? scope.answers[group] : undefined;
  return Array.isArray(items) ? items.filter(isRecord) : [];
};

export function evaluate(expression: unknown, scope: Scope): Value {
  if (expression === null || typeof expression !== 'object') return asValue(expression);
  if (Array.isArray(expression)) return expression.map((e) => evaluate(e, scope));
  const operator = operatorOf(expression);
  if (!operator) return null;
  const args = argumentsOf(expression as Record<string, unknown>, operator);
  const value = (i: number): Value => evaluate(args[i], scope);
  switch (operator) {
    case 'answer': {
      const id = args[0];
      if (typeof id !== 'string') return null;
      if (scope.item && Object.hasOwn(scope.item, id)) return asValue(scope.item[id]);
      if (Object.hasOwn(scope.answers, id)) return asValue(scope.answers[id]);
      return scope.computed && Object.hasOwn(scope.computed, id) ? asValue(scope.computed[id]) : null;
    }
    case 'today':
      return scope.today;
    case 'add-days':
    case 'add-months':
    case 'add-years': {
      const date = value(0);
      const n = value(1);
      if (typeof date !== 'string' || typeof n !== 'number') return null;
      if (operator === 'add-days') return addDays(date, n);
      return addMonths(date, operator === 'add-years' ? n * 12 : n);
    }
    case 'days-between': {
      const from = value(0);
      const to = value(1);
      return typeof from === 'string' && typeof to === 'string' ? daysBetween(from, to) : null;
    }
    case 'age': {
      const birth = value(0);
      const at = args.length > 1 ? value(1) : scope.today;
      return typeof birth === 'string' && typeof at === 'string' ? age(birth, at) : null;
    }
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(operator, value(0), value(1));
    case 'and':
    case 'or': {
      // false decides an and, true decides an or, whatever else is unknown.
      const decisive = operator === 'or';
      let unknown = false;
      for (let i = 0; i < args.length; i++) {
        const v = value(i);
        if (v === decisive) return decisive;
        if (typeof v !== 'boolean') unknown = true;
      }
      return unknown ? null : !decisive;
    }
    case 'not': {
      const v = value(0);
      return typeof v === 'boolean' ? !v : null;
    }
    case 'sum':
      // 15 digits: 0.1 + 0.2 is 0.3, as the user adds kroner and øre.
      return Number(
        numbers(args.map((_, i) => value(i)))
          .reduce((a, b) => a + b, 0)
          .toPrecision(15),
      );
    case 'min':
    case 'max': {
      const found = numbers(args.map((_, i) => value(i)));
      return found.length === 0 ? null : operator === 'min' ? Math.min(...found) : Math.max(...found);
    }
    case 'count': {
      const v = value(0);
      return Array.isArray(v) ? v.filter((x) => x !== null).length : v === null ? 0 : 1;
    }
    case 'each':
    case 'some':
    case 'all': {
      // Across the items of a group: the expression is evaluated inside each item.
      const results = itemsOf(scope, args[0]).map((item) => evaluate(args[1], { ...scope, item }));
      if (operator === 'each') return results.filter((r) => r !== null);
      return operator === 'some' ? results.some((r) => r === true) : results.every((r) => r === true);
    }
  }
}

/** Whether a form uses expressions or documents per item (decision 0021): its package then brings their code. */
export function hasExpressions(definition: FormDefinition): boolean {
  const fields = definition.steps.flatMap((step) => step.fields.flatMap((f) => [f, ...(f.fields ?? [])]));
  const owners = [...definition.steps, ...fields, ...(definition.attachments ?? [])];
  return (
    (definition.computed ?? []).length > 0 ||
    (definition.attachments ?? []).some((document) => document.forEach !== undefined) ||
    fields.some((field) => field.rules !== undefined) ||
    owners.some((owner) => isExpression(owner.when))
  );
}

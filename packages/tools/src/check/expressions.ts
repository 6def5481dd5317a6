// Expressions (decision 0021) are typed: every answer they name must exist where the expression is
// (this item's fields inside a group, earlier answers in a condition), and every operator gets the kinds
// of values it works on: a date is not a number, a yes/no is not a text. One finding per mistake, at the
// JSON pointer of the part that is wrong.
import type { FieldDefinition } from '../../../../src/definition/types.ts';
import { argumentsOf, isExpression, OPERATORS, operatorOf, type Operator } from '../../../../src/engine/expression.ts';
import { closest } from './conditions.ts';
import { at, finding, type Finding } from './findings.ts';
import { isObject, type Model, type Place } from './model.ts';
import { lookupText } from './texts.ts';

/** What an expression gives: `any` when it cannot be known (a null literal). */
type Type = 'number' | 'date' | 'string' | 'boolean' | 'array' | 'group' | 'any';

/** Where an expression is, which decides what it may name. */
interface Where {
  /** The group whose item the expression is inside ("this child"). */
  group?: Place;
  /** In a condition: only answers before this place (undefined: any answer). */
  before?: { stepIndex: number; index: number; item?: number };
  /** Computed values it may name (earlier ones, in a computed value; none in a condition). */
  computed: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The type of a field's answer in expressions; undefined for answers that hold no single value. */
export function answerType(field: FieldDefinition): Type | undefined {
  switch (field.kind) {
    case 'integer':
    case 'amount':
      return 'number';
    case 'date':
      return 'date';
    case 'yesno':
    case 'consent':
      return 'boolean';
    case 'checkboxes':
      return 'array';
    case 'group':
      return 'group';
    case 'address':
    case 'attachments':
    case 'guidance':
      return undefined;
    default:
      return 'string';
  }
}

/** Argument types of each operator (`rest`: every further argument as the last one); the result type. */
const SIGNATURES: Record<
  Exclude<Operator, 'answer' | 'each' | 'some' | 'all'>,
  { args: Type[][]; rest?: boolean; result: Type }
> = {
  today: { args: [], result: 'date' },
  'add-days': { args: [['date'], ['number']], result: 'date' },
  'add-months': { args: [['date'], ['number']], result: 'date' },
  'add-years': { args: [['date'], ['number']], result: 'date' },
  'days-between': { args: [['date'], ['date']], result: 'number' },
  age: { args: [['date'], ['date']], result: 'number' },
  '==': {
    args: [
      ['number', 'date', 'string', 'boolean'],
      ['number', 'date', 'string', 'boolean'],
    ],
    result: 'boolean',
  },
  '!=': {
    args: [
      ['number', 'date', 'string', 'boolean'],
      ['number', 'date', 'string', 'boolean'],
    ],
    result: 'boolean',
  },
  '<': {
    args: [
      ['number', 'date'],
      ['number', 'date'],
    ],
    result: 'boolean',
  },
  '<=': {
    args: [
      ['number', 'date'],
      ['number', 'date'],
    ],
    result: 'boolean',
  },
  '>': {
    args: [
      ['number', 'date'],
      ['number', 'date'],
    ],
    result: 'boolean',
  },
  '>=': {
    args: [
      ['number', 'date'],
      ['number', 'date'],
    ],
    result: 'boolean',
  },
  and: { args: [['boolean']], rest: true, result: 'boolean' },
  or: { args: [['boolean']], rest: true, result: 'boolean' },
  not: { args: [['boolean']], result: 'boolean' },
  sum: { args: [['number', 'array']], rest: true, result: 'number' },
  min: { args: [['number', 'array']], rest: true, result: 'number' },
  max: { args: [['number', 'array']], rest: true, result: 'number' },
  count: { args: [['array', 'group']], result: 'number' },
};
/** How many arguments: at least, at most. */
const ARITY: Partial<Record<Operator, [number, number]>> = {
  age: [1, 2],
  answer: [1, 1],
  each: [2, 2],
  some: [2, 2],
  all: [2, 2],
};

class Checker {
  readonly findings: Finding[] = [];
  constructor(readonly model: Model) {}

  /** The type of an expression, reporting what is wrong inside it. */
  type(expression: unknown, pointer: string, where: Where): Type {
    if (typeof expression === 'number') return 'number';
    if (typeof expression === 'boolean') return 'boolean';
    if (typeof expression === 'string') return DATE.test(expression) ? 'date' : 'string';
    if (expression === null) return 'any';
    if (operatorOf(expression) === undefined || !isObject(expression)) {
      const keys = isObject(expression) ? Object.keys(expression) : [];
      const name = keys.length === 1 ? keys[0]! : undefined;
      const suggestion = name === undefined ? undefined : closest(name, [...OPERATORS]);
      this.findings.push(
        finding('expression-shape', pointer, {
          ...(name === undefined
            ? { context: 'object' }
            : { operator: name, context: suggestion ? 'suggestion' : 'operator' }),
          ...(suggestion ? { suggestion } : {}),
        }),
      );
      return 'any';
    }
    const operator = Object.keys(expression)[0] as Operator;
    const here = at(pointer, operator);
    const args = argumentsOf(expression, operator);
    const argAt = (i: number) => (Array.isArray(expression[operator]) ? at(here, i) : here);
    const signature = operator in SIGNATURES ? SIGNATURES[operator as keyof typeof SIGNATURES] : undefined;
    const [least, most] =
      ARITY[operator] ??
      (signature
        ? [signature.rest ? 1 : signature.args.length, signature.rest ? Infinity : signature.args.length]
        : [0, 0]);
    if (operator === 'today' && isObject(expression[operator])) return 'date';
    if (args.length < least || args.length > most) {
      this.findings.push(
        finding('expression-arguments', here, {
          operator,
          count: args.length,
          least,
          most: Number.isFinite(most) ? most : least,
        }),
      );
      return signature?.result ?? 'any';
    }
    if (operator === 'answer') return this.answer(args[0], argAt(0), where);
    if (operator === 'each' || operator === 'some' || operator === 'all') {
      const group = this.group(args[0], argAt(0), where);
      const inner = group ? this.type(args[1], argAt(1), { ...where, group, before: undefined }) : 'any';
      if (operator !== 'each') this.expect(inner, ['boolean'], argAt(1), operator);
      return operator === 'each' ? 'array' : 'boolean';
    }
    const types = args.map((arg, i) => this.type(arg, argAt(i), where));
    types.forEach((type, i) =>
      this.expect(type, signature!.args[Math.min(i, signature!.args.length - 1)]!, argAt(i), operator),
    );
    // Two sides of a comparison are of one kind: a date with a date, a number with a number.
    if (
      ['==', '!=', '<', '<=', '>', '>='].includes(operator) &&
      types[0] !== 'any' &&
      types[1] !== 'any' &&
      types[0] !== types[1]
    )
      this.findings.push(
        finding('expression-type', argAt(1), { operator, expected: types[0], found: types[1], context: 'compare' }),
      );
    return signature!.result;
  }

  expect(found: Type, allowed: Type[], pointer: string, operator: string): void {
    if (found === 'any' || allowed.includes(found)) return;
    this.findings.push(finding('expression-type', pointer, { operator, expected: allowed, found }));
  }

  /** A group named by each/some/all: a group field at top level. */
  group(name: unknown, pointer: string, where: Where): Place | undefined {
    const place = typeof name === 'string' ? this.model.byId.get(name) : undefined;
    if (place && place.field.kind === 'group' && !place.group && !where.group) return place;
    this.findings.push(
      finding('expression-group', pointer, { name: typeof name === 'string' ? name : JSON.stringify(name) }),
    );
    return undefined;
  }

  answer(name: unknown, pointer: string, where: Where): Type {
    if (typeof name !== 'string') {
      this.findings.push(finding('expression-shape', pointer, { context: 'answer' }));
      return 'any';
    }
    if (where.computed.includes(name)) return 'number';
    const inItem = where.group
      ? this.model.places.find((p) => p.group === where.group && p.field.id === name)
      : undefined;
    const place = inItem ?? this.model.byId.get(name);
    if (!place) {
      const names = [
        ...this.model.places.filter((p) => !p.group || p.group === where.group).map((p) => p.field.id),
        ...where.computed,
      ];
      const suggestion = closest(name, names);
      this.findings.push(
        finding('expression-unknown-answer', pointer, {
          name,
          ...(suggestion ? { suggestion, context: 'suggestion' } : {}),
        }),
      );
      return 'any';
    }
    if (place.group && !inItem) {
      this.findings.push(finding('expression-item-answer', pointer, { name, group: place.group.field.id }));
      return 'any';
    }
    const type = answerType(place.field);
    if (type === undefined) {
      this.findings.push(finding('expression-no-value', pointer, { name, kind: place.field.kind }));
      return 'any';
    }
    const before = where.before;
    if (before) {
      const later = inItem
        ? place.index >= (before.item ?? Infinity)
        : place.stepIndex > before.stepIndex || (place.stepIndex === before.stepIndex && place.index >= before.index);
      if (later) this.findings.push(finding('expression-later-answer', pointer, { name }));
    }
    return type;
  }

  /** An expression that must give this type as a whole (a condition or a rule: yes or no; a computed value: a number). */
  whole(expression: unknown, pointer: string, where: Where, wanted: Type): void {
    const type = this.type(expression, pointer, where);
    if (type !== 'any' && type !== wanted)
      this.findings.push(
        finding('expression-type', pointer, { operator: '', expected: [wanted], found: type, context: 'whole' }),
      );
  }
}

/** Every expression of the form: conditions, rules and computed values, and the texts rules and computed values need. */
export function checkExpressions(model: Model, nb: Record<string, unknown> | undefined, textFile: string): Finding[] {
  const checker = new Checker(model);
  const { definition } = model;
  const computedIds = (definition.computed ?? []).map((c) => c.id);
  const need = (key: string, pointer: string) => {
    if (nb === undefined) return;
    const text = lookupText(nb, key);
    if (typeof text !== 'string' || text.trim() === '')
      checker.findings.push(finding('text-missing', pointer, { key, file: textFile }));
  };
  definition.steps.forEach((step, stepIndex) => {
    if (isExpression(step.when))
      checker.whole(
        step.when,
        at('/steps', stepIndex, 'when'),
        { before: { stepIndex, index: -1 }, computed: [] },
        'boolean',
      );
  });
  for (const place of model.places) {
    const group = place.group;
    const before = group
      ? { stepIndex: group.stepIndex, index: group.index, item: place.index }
      : { stepIndex: place.stepIndex, index: place.index };
    if (isExpression(place.field.when))
      checker.whole(
        place.field.when,
        at(place.pointer, 'when'),
        { ...(group ? { group } : {}), before, computed: [] },
        'boolean',
      );
    place.field.rules?.forEach((rule, i) => {
      checker.whole(
        rule.test,
        at(place.pointer, 'rules', i, 'test'),
        { ...(group ? { group } : {}), computed: computedIds },
        'boolean',
      );
      need(`fields.${place.field.id}.errors.${rule.id}`, at(place.pointer, 'rules', i));
    });
  }
  (definition.attachments ?? []).forEach((document, i) => {
    const pointer = at('/attachments', i);
    const group = document.forEach === undefined ? undefined : model.byId.get(document.forEach);
    if (document.forEach !== undefined && (!group || group.field.kind !== 'group' || group.group)) {
      checker.findings.push(finding('expression-group', at(pointer, 'forEach'), { name: document.forEach }));
      return;
    }
    if (isExpression(document.when))
      checker.whole(document.when, at(pointer, 'when'), { ...(group ? { group } : {}), computed: [] }, 'boolean');
  });
  (definition.computed ?? []).forEach((value, i) => {
    const pointer = at('/computed', i);
    checker.whole(value.value, at(pointer, 'value'), { computed: computedIds.slice(0, i) }, 'number');
    if (value.step !== undefined && !definition.steps.some((s) => s.id === value.step))
      checker.findings.push(finding('expression-step', at(pointer, 'step'), { step: value.step }));
    need(`computed.${value.id}.label`, pointer);
  });
  return checker.findings;
}

/** Names a text may use beside answers and computed values: those the widget gives. */
const GIVEN: Record<string, readonly string[]> = { item: ['number'], itemEmpty: ['number'] };

/**
 * Every {{placeholder}} in the form's nb texts names something the form has where the text is shown: an
 * answer (in an item's texts or a document per item: that item's too), a computed value, or a value the
 * widget gives (an item's number). Error texts get the error's values and are not checked here.
 */
/** The names a text may use: asked one at a time, listed only to suggest the nearest. */
interface Names {
  has(name: string): boolean;
  list(): string[];
}

export function checkPlaceholders(model: Model, nb: Record<string, unknown> | undefined, textFile: string): Finding[] {
  if (nb === undefined) return [];
  const { definition } = model;
  const top = model.places.filter((p) => !p.group && answerType(p.field) !== undefined).map((p) => p.field.id);
  const computed = (definition.computed ?? []).map((c) => c.id);
  const outer = new Set([...top, ...computed]);
  // Names a text may use where it is shown; one set per group, not a new list per text (linear in the form).
  const inGroup = new Map<Place, Set<string>>();
  for (const place of model.places)
    if (place.group && answerType(place.field) !== undefined) {
      const names = inGroup.get(place.group) ?? new Set<string>();
      inGroup.set(place.group, names.add(place.field.id));
    }
  const namesIn = (group: Place | undefined): Names => {
    const own = group ? inGroup.get(group) : undefined;
    return { has: (name) => outer.has(name) || own?.has(name) === true, list: () => [...outer, ...(own ?? [])] };
  };
  const findings: Finding[] = [];
  const scan = (branch: string, pointer: string, names: Names) => {
    const texts = lookupText(nb, branch);
    if (!isObject(texts)) return;
    // A text that names an answer needs its "Empty" text, shown while that answer is empty.
    const wantsEmpty = new Set<string>();
    for (const [key, text] of Object.entries(texts)) {
      if (key === 'errors' || typeof text !== 'string') continue;
      const given = GIVEN[key.replace(/_plain$/, '').replace(/Empty$/, '')] ?? [];
      for (const match of text.matchAll(/\{\{(.+?)\}\}/g)) {
        const name = match[1]!.trim();
        const base = key.replace(/_plain$/, '');
        if (names.has(name) && !base.endsWith('Empty')) wantsEmpty.add(base);
        if (names.has(name) || given.includes(name)) continue;
        const suggestion = closest(name, names.list());
        findings.push(
          finding('placeholder-unknown', pointer, {
            name,
            placeholder: `{{${name}}}`,
            key: `${branch}.${key}`,
            file: textFile,
            ...(suggestion ? { suggestion, context: 'suggestion' } : {}),
          }),
        );
      }
    }
    for (const key of wantsEmpty) {
      const empty = lookupText(texts, `${key}Empty`);
      if (typeof empty !== 'string' || empty.trim() === '')
        findings.push(finding('text-missing', pointer, { key: `${branch}.${key}Empty`, file: textFile }));
    }
  };
  definition.steps.forEach((step, i) => scan(`steps.${step.id}`, at('/steps', i), namesIn(undefined)));
  for (const place of model.places) {
    const group = place.group ?? (place.field.kind === 'group' ? place : undefined);
    scan(`fields.${place.field.id}`, place.pointer, namesIn(group));
  }
  (definition.attachments ?? []).forEach((document, i) => {
    const group = document.forEach === undefined ? undefined : model.byId.get(document.forEach);
    scan(`attachments.${document.id}`, at('/attachments', i), namesIn(group));
  });
  return findings;
}

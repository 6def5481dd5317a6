// Conditions (`when`) name answers. Each name must be a field that holds an answer and comes earlier:
// the engine tests conditions in form order against the answers of relevant fields before it, so a
// condition on a later answer could never be decided. Values a condition compares with must be
// values the answer can have.
import type { Condition } from '../../../../src/definition/types.ts';
import { optionValues } from './answers.ts';
import { isExpression } from '../../../../src/engine/expression-kind.ts';
import { at, finding, type Finding } from './findings.ts';
import { isObject, type Model, type Place } from './model.ts';

type Owner =
  | { kind: 'step'; stepIndex: number; id: string }
  | { kind: 'field'; place: Place; id: string }
  | { kind: 'item'; place: Place; id: string }
  | { kind: 'attachment'; id: string };

interface Use {
  name: string;
  pointer: string;
  value?: unknown;
  valuePointer?: string;
}

/** The answer names a condition uses: keys of properties and entries of required, through not/allOf/anyOf. */
export function conditionUses(condition: unknown, pointer: string): Use[] {
  if (!isObject(condition)) return [];
  const uses: Use[] = [];
  if (isObject(condition.properties)) {
    for (const [name, value] of Object.entries(condition.properties)) {
      const here = at(pointer, 'properties', name);
      uses.push({ name, pointer: here, value, valuePointer: here });
    }
  }
  if (Array.isArray(condition.required)) {
    condition.required.forEach((name, i) => {
      if (typeof name === 'string') uses.push({ name, pointer: at(pointer, 'required', i) });
    });
  }
  if (condition.not !== undefined) uses.push(...conditionUses(condition.not, at(pointer, 'not')));
  for (const keyword of ['allOf', 'anyOf'] as const) {
    const list = condition[keyword];
    if (Array.isArray(list)) list.forEach((sub, i) => uses.push(...conditionUses(sub, at(pointer, keyword, i))));
  }
  return uses;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function closest(name: string, candidates: string[]): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const id of candidates) {
    const d = distance(name, id);
    if (d <= Math.max(1, Math.floor(name.length / 4)) && (!best || d < best.d)) best = { id, d };
  }
  return best?.id;
}

/** The place of the answer a name refers to, or a finding saying why the condition may not use it. */
function resolveName(model: Model, owner: Owner, use: Use): { target?: Place; problem?: Finding } {
  const { name, pointer } = use;
  const base = { name, owner: owner.id };
  if (owner.kind === 'item') {
    const group = owner.place.group!;
    const target = model.places.find((p) => p.group === group && p.field.id === name);
    if (!target) {
      if (model.byId.has(name))
        return { problem: finding('condition-not-in-group', pointer, { ...base, group: group.field.id }) };
      const suggestion = closest(
        name,
        (group.field.fields ?? []).map((f) => f.id),
      );
      return {
        problem: finding('condition-unknown-answer', pointer, {
          ...base,
          ...(suggestion ? { suggestion, context: 'suggestion' } : {}),
        }),
      };
    }
    if (target.field.kind === 'guidance')
      return { problem: finding('condition-no-answer', pointer, { ...base, kind: target.field.kind }) };
    if (target.index >= owner.place.index)
      return {
        problem: finding('condition-later-answer', pointer, { ...base, context: 'item', group: group.field.id }),
      };
    return { target };
  }
  const target = model.byId.get(name);
  if (!target) {
    const suggestion = closest(
      name,
      model.places.filter((p) => !p.group && p.field.kind !== 'guidance').map((p) => p.field.id),
    );
    return {
      problem: finding('condition-unknown-answer', pointer, {
        ...base,
        ...(suggestion ? { suggestion, context: 'suggestion' } : {}),
      }),
    };
  }
  if (target.group)
    return { problem: finding('condition-item-answer', pointer, { ...base, group: target.group.field.id }) };
  if (target.field.kind === 'guidance')
    return { problem: finding('condition-no-answer', pointer, { ...base, kind: target.field.kind }) };
  if (target.field.kind === 'attachments') return { problem: finding('condition-attachments-answer', pointer, base) };
  if (owner.kind === 'step' && target.stepIndex >= owner.stepIndex) {
    return {
      problem: finding('condition-later-answer', pointer, {
        ...base,
        context: 'step',
        step: model.definition.steps[target.stepIndex]!.id,
      }),
    };
  }
  if (owner.kind === 'field') {
    const { stepIndex, index } = owner.place;
    if (target.stepIndex > stepIndex || (target.stepIndex === stepIndex && target.index >= index)) {
      return {
        problem: finding('condition-later-answer', pointer, {
          ...base,
          context: target.field.id === owner.id ? 'self' : 'field',
        }),
      };
    }
  }
  return { target };
}

/** Values in `const`/`enum` of a value condition that the answer can never have. */
function impossibleValues(
  value: unknown,
  pointer: string,
  level: 'value' | 'array',
  allowed: readonly unknown[],
): Array<{ pointer: string; value: unknown }> {
  if (!isObject(value)) return [];
  const found: Array<{ pointer: string; value: unknown }> = [];
  const test = (v: unknown, here: string) => {
    if (!allowed.includes(v as never)) found.push({ pointer: here, value: v });
  };
  if (level === 'value') {
    if (Object.hasOwn(value, 'const')) test(value.const, at(pointer, 'const'));
    if (Array.isArray(value.enum)) value.enum.forEach((v, i) => test(v, at(pointer, 'enum', i)));
  } else {
    if (Array.isArray(value.const)) value.const.forEach((v, i) => test(v, at(pointer, 'const', i)));
    if (Array.isArray(value.enum))
      value.enum.forEach((list, i) => {
        if (Array.isArray(list)) list.forEach((v, j) => test(v, at(pointer, 'enum', i, j)));
      });
    for (const keyword of ['contains', 'items'] as const) {
      if (value[keyword] !== undefined)
        found.push(...impossibleValues(value[keyword], at(pointer, keyword), 'value', allowed));
    }
  }
  if (value.not !== undefined) found.push(...impossibleValues(value.not, at(pointer, 'not'), level, allowed));
  for (const keyword of ['allOf', 'anyOf'] as const) {
    const list = value[keyword];
    if (Array.isArray(list))
      list.forEach((sub, i) => found.push(...impossibleValues(sub, at(pointer, keyword, i), level, allowed)));
  }
  return found;
}

function checkCondition(model: Model, owner: Owner, condition: Condition, pointer: string): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const use of conditionUses(condition, pointer)) {
    const { target, problem } = resolveName(model, owner, use);
    if (problem) {
      if (!reported.has(use.name)) findings.push(problem);
      reported.add(use.name);
      continue;
    }
    if (!target || use.value === undefined || use.valuePointer === undefined) continue;
    const kind = target.field.kind;
    let allowed: readonly unknown[] | undefined;
    let level: 'value' | 'array' = 'value';
    if (kind === 'yesno') allowed = [true, false];
    else if (kind === 'radio' || kind === 'select' || kind === 'checkboxes') {
      allowed = optionValues(model, target)?.values;
      if (kind === 'checkboxes') level = 'array';
    }
    if (!allowed) continue;
    for (const bad of impossibleValues(use.value, use.valuePointer, level, allowed)) {
      findings.push(
        finding('condition-impossible-value', bad.pointer, {
          name: use.name,
          value: bad.value,
          allowed,
          ...(kind === 'yesno' ? { context: 'yesno' } : {}),
        }),
      );
    }
  }
  return findings;
}

export function checkConditions(model: Model): Finding[] {
  const findings: Finding[] = [];
  const { definition } = model;
  // In the order of the definition: each step's condition, then its fields' conditions.
  definition.steps.forEach((step, stepIndex) => {
    if (step.when && !isExpression(step.when))
      findings.push(
        ...checkCondition(model, { kind: 'step', stepIndex, id: step.id }, step.when, at('/steps', stepIndex, 'when')),
      );
    for (const place of model.byStep[stepIndex]!.filter((p) => p.field.when && !isExpression(p.field.when))) {
      const owner: Owner = place.group
        ? { kind: 'item', place, id: place.field.id }
        : { kind: 'field', place, id: place.field.id };
      findings.push(...checkCondition(model, owner, place.field.when!, at(place.pointer, 'when')));
    }
  });
  (definition.attachments ?? []).forEach((document, i) => {
    if (!document.when || isExpression(document.when)) return;
    const pointer = at('/attachments', i, 'when');
    // A document per item is judged on the item: its condition names the item's fields, as one after the last.
    const group = document.forEach === undefined ? undefined : model.byId.get(document.forEach);
    if (document.forEach !== undefined) {
      if (!group || group.field.kind !== 'group') return; // reported by checkExpressions
      const place: Place = {
        field: { id: document.id, kind: 'guidance' },
        pointer: at('/attachments', i),
        stepIndex: group.stepIndex,
        index: Number.MAX_SAFE_INTEGER,
        group,
      };
      findings.push(...checkCondition(model, { kind: 'item', place, id: document.id }, document.when, pointer));
      return;
    }
    findings.push(...checkCondition(model, { kind: 'attachment', id: document.id }, document.when, pointer));
  });
  return findings;
}

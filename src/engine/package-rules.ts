// What `klarskjema build` bundles into the validators.js of a form with expressions or documents per item
// (decision 0021): the one evaluator, the computed values and the item rules, run alike by the widget and
// a receiver. A form without them carries none of it, and neither does the widget.
import type { FormDefinition } from '../definition/types.ts';
import type { PackageRules } from './expression-kind.ts';
import { answerValues, itemValues, type TextValues } from '../i18n/answer-values.ts';
import { evaluate } from './expression.ts';
import { itemRules } from './item-rules.ts';

function compute(definition: FormDefinition, answers: Record<string, unknown>, today: string) {
  const computed: Record<string, number | null> = {};
  for (const value of definition.computed ?? []) {
    const result = evaluate(value.value, { answers, computed, today });
    computed[value.id] = typeof result === 'number' && Number.isFinite(result) ? result : null;
  }
  return computed;
}

/** The values a field's texts may name at an answer path: top-level answers, computed values, and in an item its own. */
function textValues(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  computed: Readonly<Record<string, number | null>>,
  path: string,
  locale: string,
): TextValues {
  const top = definition.steps.flatMap((step) => step.fields);
  const values = answerValues(top, answers, locale, { definition, values: computed });
  const [, groupId, index] = path.split('/');
  const group = top.find((field) => field.id === groupId && field.kind === 'group');
  const items = group ? answers[group.id] : undefined;
  if (!group || !Array.isArray(items) || index === undefined || !/^\d+$/.test(index)) return values;
  return { ...values, ...itemValues(group, items[Number(index)], Number(index), locale) };
}

export const rules: PackageRules = { evaluate, compute, textValues, ...itemRules };

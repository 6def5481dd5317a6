// Answers in texts (decision 0021): a label, hint or heading may name answers and computed values as
// {{id}}. The values are the answers as the review shows them; the renderer escapes them (Lit, the record's
// HTML). When a named answer is empty, the text under the same key with "Empty" after it is used instead
// ("Samværsavtale for {{barn-navn}}" → labelEmpty "Samværsavtale for barn {{number}}").
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import { isRecord } from '../engine/answers.ts';
import { documentIdOf, ITEM_ID, itemIdOf } from '../engine/items.ts';
import { formatDate, formatKroner, formatNumber } from './format.ts';

export type TextValues = Record<string, string | number>;

/** One answer as words in a text; booleans, lists and compound answers are not put in texts. */
function shown(field: FieldDefinition | undefined, value: unknown, locale: string): string | undefined {
  if (typeof value === 'string') return field?.kind === 'date' ? formatDate(value, locale) : value;
  if (typeof value !== 'number') return undefined;
  return field?.kind === 'amount' ? formatKroner(value, locale) : formatNumber(value, locale);
}

/** The answers of some fields (and computed values) as text values, the empty ones left out. */
export function answerValues(
  fields: readonly FieldDefinition[],
  answers: Readonly<Record<string, unknown>>,
  locale: string,
  computed: { definition: FormDefinition; values: Readonly<Record<string, number | null>> } | undefined = undefined,
): TextValues {
  const values: TextValues = {};
  for (const field of fields) {
    const text = shown(field, answers[field.id], locale);
    if (text !== undefined && text !== '') values[field.id] = text;
  }
  for (const value of computed?.definition.computed ?? []) {
    const number = computed?.values[value.id];
    if (typeof number === 'number')
      values[value.id] = value.format === 'amount' ? formatKroner(number, locale) : formatNumber(number, locale);
  }
  return values;
}

/** An item's answers as text values, with its number in the list. */
export const itemValues = (group: FieldDefinition, item: unknown, index: number, locale: string): TextValues => ({
  ...answerValues(group.fields ?? [], isRecord(item) ? item : {}, locale),
  number: index + 1,
});

/** The keys to look a text up by: the "Empty" text first when a value it names is missing. */
export function keysFor(t: (key: string, values: TextValues) => string, key: string, values: TextValues): string[] {
  return /\{\{.+?\}\}/.test(t(key, values)) ? [`${key}Empty`, key] : [key];
}

/** A document's text key (label or why) and values: a document per item is named by its item's answers. */
export function documentText(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
  key: string,
  part: 'label' | 'why',
  locale: string,
): { key: string; values: TextValues } {
  const id = documentIdOf(key);
  const text = `${definition.id}:attachments.${id}.${part}`;
  const document = definition.attachments?.find((d) => d.id === id);
  const group = document?.forEach;
  if (group === undefined) return { key: text, values: {} };
  const field = definition.steps.flatMap((s) => s.fields).find((f) => f.id === group);
  const items = Array.isArray(answers[group]) ? (answers[group] as unknown[]) : [];
  const index = items.findIndex((item) => isRecord(item) && item[ITEM_ID] === itemIdOf(key));
  return { key: text, values: field && index >= 0 ? itemValues(field, items[index], index, locale) : {} };
}

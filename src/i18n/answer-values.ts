// Answers in texts (decision 0021): a label, hint or heading may name answers and computed values as
// {{id}}. The values are the answers as the review shows them; the renderer escapes them (Lit, the record's
// HTML). When a named answer is empty, the text under the same key with "Empty" after it is used instead
// ("Samværsavtale for {{barn-navn}}" → labelEmpty "Samværsavtale for barn {{number}}").
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import { isRecord } from '../engine/answers.ts';
import { formatDate, formatKroner, formatNumber } from './answer-format.ts';

import type { TextValues } from './named-keys.ts';

export type { TextValues };

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

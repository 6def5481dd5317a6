// A document's texts (decision 0021): a document asked for per item is named by its item's answers
// («Samværsavtale for Ola»). Apart from answer-values.ts because only the late chunk needs it.
import type { FormDefinition } from '../definition/types.ts';
import { isRecord } from '../engine/answers.ts';
import { documentIdOf, ITEM_ID, itemIdOf } from '../engine/items.ts';
import { itemValues, type TextValues } from './answer-values.ts';

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

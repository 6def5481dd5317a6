// Stable item ids and the documents keyed by them (decision 0021), the parts that only a form with documents
// per item needs: they travel in its package's validators.js (src/engine/package-rules.ts), not in the widget.
import type { FormDefinition } from '../definition/types.ts';
import { isRecord, type Answers } from './answers.ts';
import { documentIdOf, groupsWithItemIds, ITEM_ID, ITEM_ID_PATTERN, itemDocumentKey } from './items.ts';

/** Items given ids where they lack one or share one (an older draft's, or answers from a host). */
function withItemIds(definition: FormDefinition, answers: Answers, createId: () => string): Answers {
  const groups = groupsWithItemIds(definition);
  if (groups.size === 0) return answers;
  const result: Answers = { ...answers };
  const seen = new Set<string>();
  for (const group of groups) {
    const items = result[group];
    if (!Array.isArray(items)) continue;
    result[group] = items.map((item) => {
      if (!isRecord(item)) return item;
      const id = item[ITEM_ID];
      if (typeof id === 'string' && ITEM_ID_PATTERN.test(id) && !seen.has(id)) {
        seen.add(id);
        return item;
      }
      let fresh = createId();
      // A few tries, then a number after it: a generator that repeats itself (a test's) never loops forever.
      for (let tries = 1; seen.has(fresh); tries++) fresh = tries < 5 ? createId() : `${createId()}${tries}`;
      seen.add(fresh);
      return { ...item, [ITEM_ID]: fresh };
    });
  }
  return result;
}

/**
 * An older draft kept a document per item under its bare id (when it was one document for all items):
 * it moves to the one item's copy when exactly one is asked for; else it cannot be placed and is left out.
 */
function placeOldDocumentAnswers(definition: FormDefinition, answers: Answers, relevant: string[]): Answers {
  const perItem = (definition.attachments ?? []).filter((d) => d.forEach !== undefined).map((d) => d.id);
  let result = answers;
  for (const step of definition.steps)
    for (const field of step.fields) {
      const value = result[field.id];
      if (field.kind !== 'attachments' || !isRecord(value)) continue;
      const moved: Record<string, unknown> = { ...value };
      for (const id of perItem) {
        if (moved[id] === undefined) continue;
        const copies = relevant.filter((key) => documentIdOf(key) === id && key !== id);
        if (copies.length === 1 && moved[copies[0]!] === undefined) moved[copies[0]!] = moved[id];
        delete moved[id];
      }
      result = { ...result, [field.id]: moved };
    }
  return result;
}

/** The answers without the documents asked for a removed item: another item never gets them. */
function withoutItemDocuments(definition: FormDefinition, answers: Answers, removed: unknown): Answers {
  const id = isRecord(removed) ? removed[ITEM_ID] : undefined;
  if (typeof id !== 'string') return answers;
  const keys = new Set((definition.attachments ?? []).map((d) => itemDocumentKey(d.id, id)));
  const result: Answers = { ...answers };
  for (const step of definition.steps)
    for (const field of step.fields) {
      const value = result[field.id];
      if (field.kind === 'attachments' && isRecord(value))
        result[field.id] = Object.fromEntries(Object.entries(value).filter(([key]) => !keys.has(key)));
    }
  return result;
}

function documentKeys(document: string, items: unknown, meets: (item: Answers) => boolean): string[] {
  return (Array.isArray(items) ? items : []).flatMap((item) => {
    const id = isRecord(item) ? item[ITEM_ID] : undefined;
    return typeof id === 'string' && meets(item as Answers) ? [itemDocumentKey(document, id)] : [];
  });
}

export const itemRules = { documentKeys, withItemIds, placeOldDocumentAnswers, withoutItemDocuments };

// Stable ids for the items of a repeating group that documents are asked for per item (decision 0021):
// a document's answer is keyed by its item's id, so removing an item removes exactly its documents.
import type { FormDefinition } from '../definition/types.ts';
import { isRecord, type Answers } from './answers.ts';

/** The key of an item's id in its answers; no field id can start with "_". */
export const ITEM_ID = '_id';
export const ITEM_ID_PATTERN = /^[a-z0-9]{6,32}$/;

/** The answer key of a document asked for per item: `<document id>.<item id>`. */
export const itemDocumentKey = (document: string, item: string): string => `${document}.${item}`;

/** The document id of a document key (`samvaersavtale.k3f9a2b1` is `samvaersavtale`). */
export const documentIdOf = (key: string): string => key.split('.')[0]!;

/** The item id of a document key, if it is one per item. */
export const itemIdOf = (key: string): string | undefined => key.split('.')[1];

export function newItemId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 10);
}

/** Groups whose items carry ids: those a document is asked for per item. */
export const groupsWithItemIds = (definition: FormDefinition): Set<string> =>
  new Set((definition.attachments ?? []).flatMap((d) => (d.forEach === undefined ? [] : [d.forEach])));

/**
 * Items given ids where they lack one (an older draft's, or answers from a host), and a document answer
 * an older draft kept under the bare document id moved to the one item it can belong to.
 */
export function withItemIds(definition: FormDefinition, answers: Answers, createId: () => string = newItemId): Answers {
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
      while (seen.has(fresh)) fresh = createId();
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
export function placeOldDocumentAnswers(definition: FormDefinition, answers: Answers, relevant: string[]): Answers {
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

// Stable ids for the items of a repeating group that documents are asked for per item (decision 0021):
// a document's answer is keyed by its item's id, so removing an item removes exactly its documents.
import type { FormDefinition } from '../definition/types.ts';

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

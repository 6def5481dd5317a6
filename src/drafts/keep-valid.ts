// A draft of another version of the form keeps only the answers that still validate
// (docs/decisions/0008-drafts.md). Needed only then, so it loads with the late chunk
// (docs/decisions/0012-lazy-chunks.md); restoreDraft (draft.ts) takes it as an argument.
import { isRecord, type Answers } from '../engine/answers.ts';
import { documentIdOf, ITEM_ID } from '../engine/items.ts';
import type { FormPackage } from '../engine/form-package.ts';

/** Keeps what still validates under this version of the form; says which relevant questions lost their answer. */
export function keepValid(
  { definition, validators }: FormPackage,
  answers: Answers,
): { answers: Answers; lost: string[] } {
  const kept: Answers = {};
  const lost: string[] = [];
  for (const step of definition.steps) {
    for (const field of step.fields) {
      const value = answers[field.id];
      if (value === undefined || field.kind === 'guidance') continue;
      const validate = validators.fields[field.id];
      if (!validate) continue;
      if (validate(value)) {
        kept[field.id] = value;
        continue;
      }
      if (field.kind === 'attachments' && isRecord(value)) {
        // One document at a time: a document the form still asks for keeps a valid answer.
        const documents = Object.fromEntries(
          Object.entries(value).filter(
            ([id, entry]) =>
              (definition.attachments ?? []).some((d) => d.id === documentIdOf(id)) && validate({ [id]: entry }),
          ),
        );
        if (Object.keys(documents).length > 0) kept[field.id] = documents;
        if (Object.keys(documents).length < Object.keys(value).length) lost.push(field.id);
        continue;
      }
      if (field.kind === 'group' && Array.isArray(value)) {
        // Each item keeps the answers that still validate; the group is asked again.
        kept[field.id] = value.map((item) =>
          Object.fromEntries(
            Object.entries(isRecord(item) ? item : {}).filter(
              // The item's id stays: its documents are keyed by it (decision 0021).
              ([id, answer]) =>
                id === ITEM_ID || (field.fields?.some((c) => c.id === id) && validators.fields[id]?.(answer)),
            ),
          ),
        );
      }
      lost.push(field.id);
    }
  }
  return { answers: kept, lost };
}

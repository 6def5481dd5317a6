// What is missing before sending (docs/users.md N7), as data: documents sent later or not at all, answers
// marked "I don't know", and optional questions left empty where the form says what that means
// (a text fields.<id>.ifEmpty). The review page lists them in plain words; nothing here blocks sending.
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import type { Relevance } from '../../src/engine/relevance.ts';

export type MissingItem =
  | { kind: 'document'; document: string; status: 'later' | 'missing' | 'none'; field: FieldDefinition; step: string }
  | { kind: 'unsure'; field: FieldDefinition; step: string }
  | { kind: 'unanswered'; field: FieldDefinition; step: string };

export interface MissingInput {
  definition: FormDefinition;
  relevance: Relevance;
  answers: Record<string, unknown>;
  unsure: readonly string[];
  /** Whether a text key exists (the form's ifEmpty texts decide which empty questions matter). */
  hasText: (key: string) => boolean;
}

/** Missing things in form order: each step's documents, unsure answers and empty questions that matter. */
export function missingItems(input: MissingInput): MissingItem[] {
  const { definition, relevance, answers } = input;
  const items: MissingItem[] = [];
  for (const step of definition.steps) {
    if (!relevance.steps.includes(step.id)) continue;
    for (const field of step.fields) {
      if (!relevance.fields.includes(field.id) || field.kind === 'guidance') continue;
      if (field.kind === 'attachments') {
        const documents = (answers[field.id] ?? {}) as Record<string, { status?: string }>;
        for (const document of relevance.attachments) {
          const status = documents[document]?.status;
          if (status === 'uploaded') continue;
          items.push({
            kind: 'document',
            document,
            status: status === 'later' || status === 'missing' ? status : 'none',
            field,
            step: step.id,
          });
        }
        continue;
      }
      if (input.unsure.includes(field.id)) items.push({ kind: 'unsure', field, step: step.id });
      else if (
        !field.required &&
        isEmpty(answers[field.id]) &&
        input.hasText(`${definition.id}:fields.${field.id}.ifEmpty`)
      ) {
        items.push({ kind: 'unanswered', field, step: step.id });
      }
    }
  }
  return items;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Documents the user has still to send (later, or not chosen), for the receipt. */
export const documentsToSend = (items: readonly MissingItem[]): string[] =>
  items.flatMap((item) => (item.kind === 'document' && item.status !== 'missing' ? [item.document] : []));

/** Documents the user said they do not have. */
export const documentsNotHad = (items: readonly MissingItem[]): string[] =>
  items.flatMap((item) => (item.kind === 'document' && item.status === 'missing' ? [item.document] : []));

// Which steps, fields and documents apply, given the answers. Conditions are tested in form order
// against the answers of relevant fields that come before, so an answer to a question that no longer
// applies never makes another question apply. `klarskjema check` enforces that conditions name only
// earlier fields, which makes the result the same when the submission is tested on its own.
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import { isRecord, type Answers } from './answers.ts';
import { conditionKey, type FormValidators } from './form-package.ts';

export interface Relevance {
  /** Relevant step ids, in order. */
  steps: string[];
  /** Relevant top-level field ids, in order (item fields of groups are per item: see relevantItem). */
  fields: string[];
  /** Relevant document ids, in order. */
  attachments: string[];
  /** The relevant answers: what a submission holds (before unsure answers are weighed). */
  answers: Answers;
}

const holds = (validators: FormValidators, key: string, data: unknown): boolean => {
  const validate = validators.conditions[key];
  if (!validate) throw new Error(`The form package has no validator for condition ${key}. Build the form again.`);
  return validate(data);
};

/** An item's relevant fields, and the item with only their answers. */
export function itemRelevance(
  group: FieldDefinition,
  item: unknown,
  validators: FormValidators,
): { fields: string[]; answers: Record<string, unknown> } {
  const fields: string[] = [];
  const answers: Record<string, unknown> = {};
  for (const child of group.fields ?? []) {
    if (child.when && !holds(validators, conditionKey('field', child.id), answers)) continue;
    fields.push(child.id);
    if (isRecord(item) && item[child.id] !== undefined) answers[child.id] = item[child.id];
  }
  return { fields, answers };
}

export function computeRelevance(definition: FormDefinition, validators: FormValidators, answers: Answers): Relevance {
  const steps: string[] = [];
  const fields: string[] = [];
  const relevantAnswers: Answers = {};
  const attachmentFields: string[] = [];
  for (const step of definition.steps) {
    if (step.when && !holds(validators, conditionKey('step', step.id), relevantAnswers)) continue;
    steps.push(step.id);
    for (const field of step.fields) {
      if (field.when && !holds(validators, conditionKey('field', field.id), relevantAnswers)) continue;
      fields.push(field.id);
      const value = answers[field.id];
      if (value === undefined) continue;
      if (field.kind === 'group' && Array.isArray(value)) {
        relevantAnswers[field.id] = value.map((item) => itemRelevance(field, item, validators).answers);
      } else if (field.kind === 'attachments') {
        attachmentFields.push(field.id);
      } else {
        relevantAnswers[field.id] = value;
      }
    }
  }
  const attachments = (definition.attachments ?? [])
    .filter((document) => !document.when || holds(validators, conditionKey('attachment', document.id), relevantAnswers))
    .map((document) => document.id);
  // Documents are derived from the other answers; only then are the answers about documents kept.
  for (const id of attachmentFields) {
    const value = answers[id];
    if (!isRecord(value)) {
      relevantAnswers[id] = value;
      continue;
    }
    const kept = Object.fromEntries(
      attachments.filter((doc) => value[doc] !== undefined).map((doc) => [doc, value[doc]]),
    );
    if (Object.keys(kept).length > 0) relevantAnswers[id] = kept;
  }
  return { steps, fields, attachments, answers: relevantAnswers };
}

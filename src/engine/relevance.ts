// Which steps, fields and documents apply, given the answers. Conditions are tested in form order
// against the answers of relevant fields that come before, so an answer to a question that no longer
// applies never makes another question apply. `klarskjema check` enforces that conditions name only
// earlier fields, which makes the result the same when the submission is tested on its own.
import type { AttachmentDefinition, FieldDefinition, FormDefinition } from '../definition/types.ts';
import { isRecord, type Answers } from './answers.ts';
import { isExpression, localDate, type Scope } from './expression-kind.ts';
import { conditionKey, type ConditionOwner, type FormValidators } from './form-package.ts';

/** What relevance needs of a package: its condition validators and, for a form with expressions, its rules. */
type RelevanceValidators = Pick<FormValidators, 'conditions' | 'rules'>;
import { ITEM_ID } from './items.ts';

export interface Relevance {
  /** Relevant step ids, in order. */
  steps: string[];
  /** Relevant top-level field ids, in order (item fields of groups are per item: see relevantItem). */
  fields: string[];
  /** Relevant document keys, in order: a document's id, or for a document per item `<id>.<item id>`. */
  attachments: string[];
  /** The relevant answers: what a submission holds (before unsure answers are weighed). */
  answers: Answers;
  /** The application date (YYYY-MM-DD) the conditions were tested on. */
  today: string;
  /** The form's computed values by id (null: nothing to compute from), in form order. */
  computed: Record<string, number | null>;
}

/** What an item's conditions and rules see besides the item: the answers at top level, the date, computed values. */
export type Outer = Omit<Scope, 'item'>;

/** Whether a step's, field's or document's condition holds for these (relevant) answers. */
export const holds = (
  validators: RelevanceValidators,
  owner: ConditionOwner,
  id: string,
  when: unknown,
  data: Record<string, unknown>,
  scope: Scope,
): boolean => {
  // Expressions exist only in forms built with them, whose packages bring their rules (decision 0021).
  if (isExpression(when)) return validators.rules!.evaluate(when, scope) === true;
  const key = conditionKey(owner, id);
  const validate = validators.conditions[key];
  if (!validate) throw new Error(`The form package has no validator for condition ${key}. Build the form again.`);
  return validate(data);
};

/** The outer scope of a relevance, for an item's conditions and rules. */
export const outerOf = (relevance: Relevance): Outer => ({
  answers: relevance.answers,
  today: relevance.today,
  computed: relevance.computed,
});

/** An item's relevant fields, and the item with only their answers (and its id). */
export function itemRelevance(
  group: FieldDefinition,
  item: unknown,
  validators: RelevanceValidators,
  outer: Outer = { answers: {}, today: localDate(new Date()) },
): { fields: string[]; answers: Record<string, unknown> } {
  const fields: string[] = [];
  const answers: Record<string, unknown> = {};
  for (const child of group.fields ?? []) {
    if (child.when && !holds(validators, 'field', child.id, child.when, answers, { ...outer, item: answers })) continue;
    fields.push(child.id);
    if (isRecord(item) && item[child.id] !== undefined) answers[child.id] = item[child.id];
  }
  if (isRecord(item) && typeof item[ITEM_ID] === 'string') answers[ITEM_ID] = item[ITEM_ID];
  return { fields, answers };
}

/** The keys of a document's relevant copies: one, or one per item of its group that meets its condition. */
function documentKeys(
  document: AttachmentDefinition,
  validators: RelevanceValidators,
  answers: Answers,
  today: string,
): string[] {
  const scope: Scope = { answers, today };
  if (document.forEach === undefined)
    return !document.when || holds(validators, 'attachment', document.id, document.when, answers, scope)
      ? [document.id]
      : [];
  return validators.rules!.documentKeys(
    document.id,
    answers[document.forEach],
    (item) => !document.when || holds(validators, 'attachment', document.id, document.when, item, { ...scope, item }),
  );
}

export function computeRelevance(
  definition: FormDefinition,
  validators: RelevanceValidators,
  answers: Answers,
  today: string = localDate(new Date()),
): Relevance {
  const steps: string[] = [];
  const fields: string[] = [];
  const relevantAnswers: Answers = {};
  const attachmentFields: string[] = [];
  const scope: Scope = { answers: relevantAnswers, today };
  for (const step of definition.steps) {
    if (step.when && !holds(validators, 'step', step.id, step.when, relevantAnswers, scope)) continue;
    steps.push(step.id);
    for (const field of step.fields) {
      if (field.when && !holds(validators, 'field', field.id, field.when, relevantAnswers, scope)) continue;
      fields.push(field.id);
      const value = answers[field.id];
      if (value === undefined) continue;
      if (field.kind === 'group' && Array.isArray(value)) {
        relevantAnswers[field.id] = value.map((item) => itemRelevance(field, item, validators, scope).answers);
      } else if (field.kind === 'attachments') {
        attachmentFields.push(field.id);
      } else {
        relevantAnswers[field.id] = value;
      }
    }
  }
  const attachments = (definition.attachments ?? []).flatMap((document) =>
    documentKeys(document, validators, relevantAnswers, today),
  );
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
  const computed = validators.rules?.compute(definition, relevantAnswers, today) ?? {};
  return { steps, fields, attachments, answers: relevantAnswers, today, computed };
}

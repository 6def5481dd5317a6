// The whole-submission check that submission.js exports (decision 0036): the engine's own relevance
// (src/engine/relevance.ts, with the package's condition validators and, for a form with expressions, its
// evaluator) and the form's per-field validators, instead of one JSON Schema of the whole submission. That schema
// repeated every condition in two or three anyOf branches, so ajv wrote 3–4 KB of code per field, and compiling
// it grew faster than the form and overflowed the stack at about 10,000 fields. This walks the form once.
//
// It refuses what that schema refused: unknown keys (in the answers, in a group's items, in the documents),
// invalid answers (those marked "I don't know" too), answers, flags and documents the form does not ask for with
// these answers, missing required answers that are not marked "I don't know", and a wrong `unsure` list. Where
// the schema could not say relevance (expressions, documents per item) the receiver's engine decided it
// afterwards; this check decides it the same way, so the receiver's verdict does not change.
import type { FieldDefinition, FormDefinition, JsonSchema } from '../definition/types.ts';
import { isRecord, pointerToken } from './answers.ts';
import { localDate } from './expression-kind.ts';
import type { FormValidators, Validate, ValidationError } from './form-package.ts';
import { groupsWithItemIds, ITEM_ID, ITEM_ID_PATTERN } from './items.ts';
import { computeRelevance, itemRelevance, outerOf } from './relevance.ts';

/** What the check is given: the package's field and condition validators, its rules, and the answers' own keywords. */
export interface SubmissionValidators extends Omit<FormValidators, 'submission'> {
  /** The answers schema's keywords besides its properties (none in a checked form today), when it has any. */
  answers?: Validate;
}

const APPLICATION_DATE = /^\d{4}-\d{2}-\d{2}$/;
const at = (...tokens: Array<string | number>): string => tokens.map((t) => `/${pointerToken(t)}`).join('');
const problem = (instancePath: string, keyword: string, params: Record<string, unknown> = {}): ValidationError => ({
  instancePath,
  keyword,
  params,
});

/**
 * A form as the check needs it (what submission.js carries): steps, fields, conditions, documents and computed
 * values, with the answer schemas reduced to their keys. No texts, no schemas (the validators hold those).
 */
export function submissionForm(definition: FormDefinition): FormDefinition {
  const properties: Record<string, JsonSchema> = Object.fromEntries(
    Object.keys(definition.answers.properties).map((id) => [id, true]),
  );
  const field = ({ id, kind, required, unsure, when, fields }: FieldDefinition): FieldDefinition => ({
    id,
    kind,
    ...(required ? { required } : {}),
    ...(unsure ? { unsure } : {}),
    ...(when ? { when } : {}),
    ...(fields ? { fields: fields.map(field) } : {}),
  });
  return {
    id: definition.id,
    version: definition.version,
    locales: [],
    answers: { type: 'object', properties },
    steps: definition.steps.map(({ id, when, fields }) => ({
      id,
      ...(when ? { when } : {}),
      fields: fields.map(field),
    })),
    ...(definition.attachments ? { attachments: definition.attachments } : {}),
    ...(definition.computed ? { computed: definition.computed } : {}),
  };
}

/**
 * The whole-submission validator of a form. It reads { answers, unsure, applicationDate? } (the date, YYYY-MM-DD,
 * that a form's expressions are judged on; today's local date when left out) and, as ajv's validators without
 * allErrors, says true or false with the first fault in `errors`.
 */
export function submissionCheck(form: FormDefinition, validators: SubmissionValidators): Validate {
  const topFields = new Map(form.steps.flatMap((step) => step.fields).map((field) => [field.id, field]));
  const unsureIds = new Set([...topFields.values()].filter((f) => f.kind !== 'guidance' && f.unsure).map((f) => f.id));
  const withItemIds = groupsWithItemIds(form);
  const documents = form.attachments ?? [];
  const onceDocuments = new Set(documents.filter((d) => d.forEach === undefined).map((d) => d.id));
  const perItem = documents.filter((d) => d.forEach !== undefined).map((d) => d.id);
  const perItemKey = perItem.length > 0 ? new RegExp(`^(${perItem.join('|')})\\.[a-z0-9]{6,32}$`) : null;
  const answerKeys = new Set(Object.keys(form.answers.properties));
  // An item holds answers to its group's fields, and its id when documents are asked for per item.
  const itemKeys = new Map(
    [...topFields.values()]
      .filter((field) => field.kind === 'group')
      .map((group) => [
        group.id,
        new Set([
          ...(group.fields ?? []).filter((c) => c.kind !== 'guidance').map((c) => c.id),
          ...(withItemIds.has(group.id) ? [ITEM_ID] : []),
        ]),
      ]),
  );

  /** The first fault of an answer by its own validator, at its place in the submission. */
  const ownFault = (id: string, value: unknown, path: string): ValidationError | undefined => {
    const validate = validators.fields[id];
    if (!validate || validate(value)) return undefined;
    const first = validate.errors?.[0] ?? problem('', 'invalid');
    return { ...first, instancePath: `${path}${first.instancePath}` };
  };

  function itemFault(group: FieldDefinition, item: unknown, path: string, outer: ReturnType<typeof outerOf>) {
    if (!isRecord(item)) return undefined; // the group's own validator says what an item is
    const allowed = itemKeys.get(group.id) ?? new Set<string>();
    for (const key of Object.keys(item))
      if (!allowed.has(key)) return problem(path, 'additionalProperties', { additionalProperty: key });
    if (withItemIds.has(group.id)) {
      const id = item[ITEM_ID];
      if (id === undefined) return problem(path, 'required', { missingProperty: ITEM_ID });
      if (typeof id !== 'string' || !ITEM_ID_PATTERN.test(id))
        return problem(`${path}/${ITEM_ID}`, 'pattern', { pattern: ITEM_ID_PATTERN.source });
    }
    const asked = new Set(itemRelevance(group, item, validators, outer).fields);
    for (const child of group.fields ?? []) {
      if (child.kind === 'guidance') continue;
      const present = item[child.id] !== undefined;
      if (!asked.has(child.id) && present) return problem(`${path}/${pointerToken(child.id)}`, 'not-relevant');
      if (asked.has(child.id) && child.required && !present)
        return problem(path, 'required', { missingProperty: child.id });
    }
    return undefined;
  }

  function firstFault(data: unknown): ValidationError | undefined {
    if (!isRecord(data)) return problem('', 'type', { type: 'object' });
    for (const key of ['answers', 'unsure'])
      if (data[key] === undefined) return problem('', 'required', { missingProperty: key });
    const { answers, unsure } = data;
    if (!isRecord(answers)) return problem('/answers', 'type', { type: 'object' });
    if (!Array.isArray(unsure)) return problem('/unsure', 'type', { type: 'array' });
    const flagged = new Set<string>();
    for (const [index, id] of unsure.entries()) {
      if (typeof id !== 'string' || !unsureIds.has(id))
        return problem(`/unsure/${index}`, 'enum', { allowedValues: [...unsureIds] });
      if (flagged.has(id)) return problem('/unsure', 'uniqueItems', { i: index, j: unsure.indexOf(id) });
      flagged.add(id);
    }
    if (validators.answers && !validators.answers(answers))
      return { ...(validators.answers.errors?.[0] ?? problem('', 'invalid')), instancePath: '/answers' };

    const date =
      typeof data.applicationDate === 'string' && APPLICATION_DATE.test(data.applicationDate)
        ? data.applicationDate
        : localDate(new Date());
    const relevance = computeRelevance(form, validators, answers, date);
    const relevant = new Set(relevance.fields);
    const asked = new Set(relevance.attachments);
    const outer = outerOf(relevance);

    for (const [id, value] of Object.entries(answers)) {
      const path = at('answers', id);
      const field = topFields.get(id);
      if (!answerKeys.has(id) || !field || field.kind === 'guidance')
        return problem('/answers', 'additionalProperties', { additionalProperty: id });
      if (value === undefined) continue; // no answer (JSON has no undefined; an object in memory may)
      const own = ownFault(id, value, path);
      if (own) return own;
      if (!relevant.has(id)) return problem(path, 'not-relevant');
      if (field.kind === 'group' && Array.isArray(value)) {
        for (const [index, item] of value.entries()) {
          const fault = itemFault(field, item, `${path}/${index}`, outer);
          if (fault) return fault;
        }
      }
      if (field.kind === 'attachments' && isRecord(value)) {
        for (const document of Object.keys(value)) {
          if (!onceDocuments.has(document) && !perItemKey?.test(document))
            return problem(path, 'propertyNames', { propertyName: document });
          if (value[document] !== undefined && !asked.has(document))
            return problem(`${path}/${pointerToken(document)}`, 'not-relevant');
        }
      }
    }
    for (const id of relevance.fields) {
      const field = topFields.get(id)!;
      if (
        field.required &&
        field.kind !== 'guidance' &&
        answers[id] === undefined &&
        !(field.unsure && flagged.has(id))
      )
        return problem('/answers', 'required', { missingProperty: id });
    }
    for (const [index, id] of unsure.entries())
      if (!relevant.has(id as string)) return problem(`/unsure/${index}`, 'not-relevant');
    return undefined;
  }

  const validate: Validate = (data) => {
    const fault = firstFault(data);
    validate.errors = fault ? [fault] : null;
    return fault === undefined;
  };
  return validate;
}

// Validation of what the user answered, as errors that name i18n keys, never ajv's English messages.
import type { FieldDefinition, FormDefinition, StepDefinition } from '../definition/types.ts';
import { displayableText, textProblem } from '../validation/clean-text.ts';
import { DATE_BOUNDS } from '../validation/date-bounds.ts';
import { isRecord, pointer, type Answers } from './answers.ts';
import { WIDGET_NAMESPACE as WIDGET_NS, type FormValidators, type ValidationError } from './form-package.ts';
import { itemRelevance, outerOf, type Outer, type Relevance } from './relevance.ts';

export interface FieldError {
  /** The field id (an item field's own id for group items). */
  field: string;
  /** The field's kind, so the UI knows which control to focus. */
  kind: FieldDefinition['kind'];
  /** JSON pointer into the answers: /income, /children/0/name, /attachments/rent-contract. */
  path: string;
  /** What is wrong: required, type, minimum, format, … ; a part of a compound value comes first: postcode.pattern. */
  code: string;
  params: Record<string, unknown>;
  /** The part of a compound answer that is wrong (an address's postcode, a document's reason), if any. */
  part?: string;
  /**
   * i18n keys, most specific first: the field's own text, the kind's, then the widget's general one
   * (and for a part, last, the general text of the code without the part: errors.text.control).
   */
  keys: string[];
}

function fieldError(
  formId: string,
  field: FieldDefinition,
  path: string,
  code: string,
  params: Record<string, unknown> = {},
  part?: string,
): FieldError {
  const partless = part && code.startsWith(`${part}.`) ? [`${WIDGET_NS}:errors.${code.slice(part.length + 1)}`] : [];
  return {
    field: field.id,
    kind: field.kind,
    path,
    code,
    params,
    ...(part ? { part } : {}),
    keys: [
      `${formId}:fields.${field.id}.errors.${code}`,
      `${WIDGET_NS}:errors.${field.kind}.${code}`,
      `${WIDGET_NS}:errors.${code}`,
      ...partless,
    ],
  };
}

/** The code of ajv's first error; errors inside a compound value (an address) name the part. */
function codeOf(error: ValidationError): { code: string; params: Record<string, unknown>; at: string[] } {
  const at = error.instancePath.split('/').slice(1);
  let keyword = error.keyword;
  let params = { ...error.params };
  if (keyword === 'required' && typeof params.missingProperty === 'string') {
    at.push(params.missingProperty);
    params = {};
  }
  if (keyword === 'format' && typeof params.format === 'string') keyword = `format.${params.format}`;
  if (keyword === 'enum' || keyword === 'const') {
    keyword = 'choice';
    params = {};
  }
  return { code: keyword, params, at };
}

function valueErrors(
  formId: string,
  field: FieldDefinition,
  value: unknown,
  validators: FormValidators,
  path: string,
): FieldError[] {
  const validate = validators.fields[field.id];
  if (!validate || validate(value)) return [];
  const first = validate.errors?.[0];
  if (!first) return [fieldError(formId, field, path, 'invalid')];
  const { code, params, at } = codeOf(first);
  if (field.kind === 'address' && at.length > 0)
    return [fieldError(formId, field, path, `${at[0]}.${code}`, params, at[0])];
  if (field.kind === 'attachments' && at.length > 0) {
    const part = at[1];
    return [
      fieldError(
        formId,
        field,
        `${path}/${at[0]}`,
        part ? `${part}.${code}` : code,
        { ...params, document: at[0] },
        part,
      ),
    ];
  }
  return [fieldError(formId, field, path, code, params)];
}

const isMissing = (value: unknown): boolean => value === undefined;

/**
 * Errors of the shared text rule (src/validation/clean-text.ts) in one field's answer: every string in
 * it, judged by where it goes. One error per field, as ajv's first error; a compound answer names the part.
 * A group's items are judged field by field (groupItemErrors).
 */
export function textErrors(
  formId: string,
  field: FieldDefinition,
  value: unknown,
  path: string,
  params: Record<string, unknown> = {},
): FieldError[] {
  if (typeof value === 'string') {
    const problem = textProblem(value, field.kind === 'textarea' ? 'long' : 'line');
    return problem ? [fieldError(formId, field, path, problem, params)] : [];
  }
  if (!isRecord(value)) return [];
  if (field.kind === 'address') {
    for (const [part, text] of Object.entries(value)) {
      const problem = typeof text === 'string' ? textProblem(text, 'line') : undefined;
      if (problem) return [fieldError(formId, field, path, `${part}.${problem}`, params, part)];
    }
    return [];
  }
  if (field.kind !== 'attachments') return [];
  const errors: FieldError[] = [];
  for (const [document, entry] of Object.entries(value)) {
    if (!isRecord(entry)) continue;
    const at = `${path}/${document}`;
    const reason = typeof entry.reason === 'string' ? textProblem(entry.reason, 'long') : undefined;
    if (reason) {
      errors.push(fieldError(formId, field, at, `reason.${reason}`, { ...params, document }, 'reason'));
      continue;
    }
    const files = Array.isArray(entry.files) ? entry.files : [];
    const index = files.findIndex(
      (file) => isRecord(file) && typeof file.name === 'string' && textProblem(file.name, 'file-name') !== undefined,
    );
    const file = files[index] as { name: string } | undefined;
    // The name is shown in the message, so what the rule refuses is shown as \uFFFD, never acted on.
    if (file)
      errors.push(
        fieldError(
          formId,
          field,
          at,
          `files.${textProblem(file.name, 'file-name')!}`,
          { ...params, document, name: displayableText(file.name), file: index + 1 },
          'files',
        ),
      );
  }
  return errors;
}

/** Whether an answer breaks the rules that need no other answer: the text rule and the date bounds. */
export function breaksOwnRules(
  formId: string,
  field: FieldDefinition,
  value: unknown,
  validators: FormValidators,
): boolean {
  return (
    textErrors(formId, field, value, '').length > 0 || dateBoundErrors(formId, field, value, validators, '').length > 0
  );
}

/** A date before 1900 or after 2100 (DATE_BOUNDS) is a typing slip (0990, 20255 are caught as such). */
export function dateBoundErrors(
  formId: string,
  field: FieldDefinition,
  value: unknown,
  validators: FormValidators,
  path: string,
  params: Record<string, unknown> = {},
): FieldError[] {
  if (field.kind !== 'date' || typeof value !== 'string' || validators.fields[field.id]?.(value) !== true) return [];
  if (value >= DATE_BOUNDS.min && value <= DATE_BOUNDS.max) return [];
  return [
    fieldError(formId, field, path, 'date.range', {
      ...params,
      min: Number(DATE_BOUNDS.min.slice(0, 4)),
      max: Number(DATE_BOUNDS.max.slice(0, 4)),
    }),
  ];
}

export interface StepCheck {
  definition: FormDefinition;
  validators: FormValidators;
  answers: Answers;
  unsure: readonly string[];
  relevance: Relevance;
}

/**
 * What to check: everything (the widget's step), or only the rules a JSON Schema cannot say (clean
 * text, date bounds, date order) for answers the whole-submission validator has accepted (the receiver).
 */
type Scope = 'all' | 'rules';

/** Errors on one step's relevant fields. Fields marked "I don't know" are not checked. */
export function validateStep(step: StepDefinition, check: StepCheck): FieldError[] {
  return stepErrors(step, check, 'all');
}

/**
 * Only the errors of the rules JSON Schema cannot say (clean text, date bounds, date order), on one
 * step's relevant answers, those marked "I don't know" too: an answer that is sent must be clean.
 */
export function ruleErrors(step: StepDefinition, check: StepCheck): FieldError[] {
  return stepErrors(step, check, 'rules');
}

function stepErrors(step: StepDefinition, check: StepCheck, scope: Scope): FieldError[] {
  const { definition, validators, answers, unsure, relevance } = check;
  const outer = outerOf(relevance);
  const errors: FieldError[] = [];
  for (const field of step.fields) {
    if (field.kind === 'guidance' || !relevance.fields.includes(field.id)) continue;
    const isUnsure = unsure.includes(field.id);
    if (scope === 'all' && isUnsure) continue;
    const value = relevance.answers[field.id] ?? answers[field.id];
    const path = pointer(field.id);
    if (isMissing(value)) {
      if (field.required && scope === 'all') errors.push(fieldError(definition.id, field, path, 'required'));
      continue;
    }
    if (field.kind === 'group' && Array.isArray(value)) {
      const itemErrors = groupItemErrors(definition.id, field, value, validators, scope, outer);
      errors.push(...itemErrors);
      if (itemErrors.length > 0) continue;
      const pruned = value.map((item) => itemRelevance(field, item, validators, outer).answers);
      const own =
        scope === 'all'
          ? valueErrors(definition.id, field, pruned, validators, path).filter((e) => e.path === path)
          : [];
      errors.push(...(own.length > 0 ? own : ruleBreaks(validators, definition.id, field, path, outer, undefined, {})));
      continue;
    }
    if (field.kind === 'attachments') {
      const documents = isRecord(value) ? value : {};
      const missing =
        field.required && scope === 'all' ? relevance.attachments.filter((doc) => documents[doc] === undefined) : [];
      errors.push(
        ...missing.map((doc) => fieldError(definition.id, field, `${path}/${doc}`, 'required', { document: doc })),
      );
      // One document at a time, so every document's fault is shown at once.
      for (const doc of relevance.attachments) {
        if (documents[doc] === undefined) continue;
        const text = textErrors(definition.id, field, { [doc]: documents[doc] }, path);
        errors.push(
          ...(text.length > 0 || scope === 'rules'
            ? text
            : valueErrors(definition.id, field, { [doc]: documents[doc] }, validators, path)),
        );
      }
      continue;
    }
    // An answer marked "I don't know" need not be in order with the others, but it must be clean.
    const own = answerErrors(
      definition.id,
      field,
      value,
      isUnsure ? {} : relevance.answers,
      validators,
      path,
      {},
      scope,
    );
    // Rules compare with other answers; an answer marked "I don't know" is not held to them.
    errors.push(
      ...(own.length > 0 || isUnsure ? own : ruleBreaks(validators, definition.id, field, path, outer, undefined, {})),
    );
  }
  return errors;
}

/** The first rule (`rules`) the answer breaks, judged on the relevant answers (and its own item). */
function ruleBreaks(
  validators: FormValidators,
  formId: string,
  field: FieldDefinition,
  path: string,
  outer: Outer,
  item: Record<string, unknown> | undefined,
  params: Record<string, unknown>,
): FieldError[] {
  // A rule is broken only when it is false: unknown (an answer missing) is no error.
  const broken = field.rules?.find(
    (rule) => validators.rules!.evaluate(rule.test, { ...outer, ...(item ? { item } : {}) }) === false,
  );
  return broken ? [fieldError(formId, field, path, broken.id, params)] : [];
}

/** One answer's errors: the text rule first (a blank answer is no answer), then its schema, then the rules after it. */
function answerErrors(
  formId: string,
  field: FieldDefinition,
  value: unknown,
  siblings: Record<string, unknown>,
  validators: FormValidators,
  path: string,
  params: Record<string, unknown>,
  scope: Scope,
): FieldError[] {
  const text = textErrors(formId, field, value, path, params);
  if (text.length > 0) return text;
  if (scope === 'all') {
    const own = valueErrors(formId, field, value, validators, path).map((e) => ({
      ...e,
      params: { ...e.params, ...params },
    }));
    if (own.length > 0) return own;
  }
  const bounds = dateBoundErrors(formId, field, value, validators, path, params);
  return bounds.length > 0 ? bounds : orderErrors(formId, field, value, siblings, validators, path, params);
}

/**
 * A date before the date it may not precede (`notBefore`: an end date and its start date). Only two
 * valid dates are compared; ISO dates (åååå-mm-dd) compare as strings.
 */
export function orderErrors(
  formId: string,
  field: FieldDefinition,
  value: unknown,
  answers: Record<string, unknown>,
  validators: FormValidators,
  path: string,
  params: Record<string, unknown> = {},
): FieldError[] {
  if (field.notBefore === undefined) return [];
  const other = answers[field.notBefore];
  const valid = (id: string, date: unknown): date is string =>
    typeof date === 'string' && validators.fields[id]?.(date) === true;
  if (!valid(field.id, value) || !valid(field.notBefore, other) || value >= other) return [];
  return [fieldError(formId, field, path, 'notBefore', { ...params, field: field.notBefore })];
}

function groupItemErrors(
  formId: string,
  group: FieldDefinition,
  items: unknown[],
  validators: FormValidators,
  scope: Scope,
  outer: Outer,
): FieldError[] {
  const errors: FieldError[] = [];
  items.forEach((item, index) => {
    const { fields, answers } = itemRelevance(group, item, validators, outer);
    for (const child of group.fields ?? []) {
      if (child.kind === 'guidance' || !fields.includes(child.id)) continue;
      const value = isRecord(item) ? item[child.id] : undefined;
      const path = pointer(group.id, index, child.id);
      if (isMissing(value)) {
        if (child.required && scope === 'all')
          errors.push(fieldError(formId, child, path, 'required', { item: index + 1 }));
        continue;
      }
      const own = answerErrors(
        formId,
        child,
        value,
        isRecord(item) ? answers : {},
        validators,
        path,
        { item: index + 1 },
        scope,
      );
      errors.push(
        ...(own.length > 0 ? own : ruleBreaks(validators, formId, child, path, outer, answers, { item: index + 1 })),
      );
    }
  });
  return errors;
}

// Validation of what the user answered, as errors that name i18n keys, never ajv's English messages.
import type { FieldDefinition, FormDefinition, StepDefinition } from '../definition/types.ts';
import { isRecord, pointer, type Answers } from './answers.ts';
import { WIDGET_NAMESPACE as WIDGET_NS, type FormValidators, type ValidationError } from './form-package.ts';
import { itemRelevance, type Relevance } from './relevance.ts';

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
  /** i18n keys, most specific first: the field's own text, the kind's, then the widget's general one. */
  keys: string[];
}

function fieldError(formId: string, field: FieldDefinition, path: string, code: string, params: Record<string, unknown> = {}, part?: string): FieldError {
  return {
    field: field.id, kind: field.kind, path, code, params, ...(part ? { part } : {}),
    keys: [`${formId}:fields.${field.id}.errors.${code}`, `${WIDGET_NS}:errors.${field.kind}.${code}`, `${WIDGET_NS}:errors.${code}`],
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
  if (keyword === 'enum' || keyword === 'const') { keyword = 'choice'; params = {}; }
  return { code: keyword, params, at };
}

function valueErrors(formId: string, field: FieldDefinition, value: unknown, validators: FormValidators, path: string): FieldError[] {
  const validate = validators.fields[field.id];
  if (!validate || validate(value)) return [];
  const first = validate.errors?.[0];
  if (!first) return [fieldError(formId, field, path, 'invalid')];
  const { code, params, at } = codeOf(first);
  if (field.kind === 'address' && at.length > 0) return [fieldError(formId, field, path, `${at[0]}.${code}`, params, at[0])];
  if (field.kind === 'attachments' && at.length > 0) {
    const part = at[1];
    return [fieldError(formId, field, `${path}/${at[0]}`, part ? `${part}.${code}` : code, { ...params, document: at[0] }, part)];
  }
  return [fieldError(formId, field, path, code, params)];
}

const isMissing = (value: unknown): boolean => value === undefined;

export interface StepCheck {
  definition: FormDefinition;
  validators: FormValidators;
  answers: Answers;
  unsure: readonly string[];
  relevance: Relevance;
}

/** Errors on one step's relevant fields. Fields marked "I don't know" are not checked. */
export function validateStep(step: StepDefinition, check: StepCheck): FieldError[] {
  const { definition, validators, answers, unsure, relevance } = check;
  const errors: FieldError[] = [];
  for (const field of step.fields) {
    if (field.kind === 'guidance' || !relevance.fields.includes(field.id) || unsure.includes(field.id)) continue;
    const value = relevance.answers[field.id] ?? answers[field.id];
    const path = pointer(field.id);
    if (isMissing(value)) {
      if (field.required) errors.push(fieldError(definition.id, field, path, 'required'));
      continue;
    }
    if (field.kind === 'group' && Array.isArray(value)) {
      const itemErrors = groupItemErrors(definition.id, field, value, validators);
      errors.push(...itemErrors);
      if (itemErrors.length > 0) continue;
      const pruned = value.map((item) => itemRelevance(field, item, validators).answers);
      errors.push(...valueErrors(definition.id, field, pruned, validators, path).filter((e) => e.path === path));
      continue;
    }
    if (field.kind === 'attachments') {
      const documents = isRecord(value) ? value : {};
      const missing = field.required ? relevance.attachments.filter((doc) => documents[doc] === undefined) : [];
      errors.push(...missing.map((doc) => fieldError(definition.id, field, `${path}/${doc}`, 'required', { document: doc })));
      // One document at a time, so every document's fault is shown at once.
      for (const doc of relevance.attachments) {
        if (documents[doc] !== undefined) errors.push(...valueErrors(definition.id, field, { [doc]: documents[doc] }, validators, path));
      }
      continue;
    }
    const own = valueErrors(definition.id, field, value, validators, path);
    errors.push(...(own.length > 0 ? own : orderErrors(definition.id, field, value, relevance.answers, validators, path)));
  }
  return errors;
}

/**
 * A date before the date it may not precede (`notBefore`: an end date and its start date). Only two
 * valid dates are compared; ISO dates (åååå-mm-dd) compare as strings.
 */
export function orderErrors(formId: string, field: FieldDefinition, value: unknown, answers: Record<string, unknown>, validators: FormValidators, path: string, params: Record<string, unknown> = {}): FieldError[] {
  if (field.notBefore === undefined) return [];
  const other = answers[field.notBefore];
  const valid = (id: string, date: unknown): date is string => typeof date === 'string' && validators.fields[id]?.(date) === true;
  if (!valid(field.id, value) || !valid(field.notBefore, other) || value >= other) return [];
  return [fieldError(formId, field, path, 'notBefore', { ...params, field: field.notBefore })];
}

function groupItemErrors(formId: string, group: FieldDefinition, items: unknown[], validators: FormValidators): FieldError[] {
  const errors: FieldError[] = [];
  items.forEach((item, index) => {
    const { fields } = itemRelevance(group, item, validators);
    for (const child of group.fields ?? []) {
      if (child.kind === 'guidance' || !fields.includes(child.id)) continue;
      const value = isRecord(item) ? item[child.id] : undefined;
      const path = pointer(group.id, index, child.id);
      if (isMissing(value)) {
        if (child.required) errors.push(fieldError(formId, child, path, 'required', { item: index + 1 }));
        continue;
      }
      const own = valueErrors(formId, child, value, validators, path).map((e) => ({ ...e, params: { ...e.params, item: index + 1 } }));
      errors.push(...(own.length > 0 ? own : orderErrors(formId, child, value, isRecord(item) ? itemRelevance(group, item, validators).answers : {}, validators, path, { item: index + 1 })));
    }
  });
  return errors;
}

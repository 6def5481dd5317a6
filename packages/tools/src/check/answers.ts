// Ids, and the answers schema against the fields: every field that holds an answer has one, of the
// shape its kind needs; every answer belongs to a field; references stay inside the form or point at
// the shared answer schemas.
import { ADDRESS_SCHEMA_ID, ATTACHMENT_SCHEMA_ID, createAjv } from '../build/ajv.ts';
import { packageSchemas } from '../build/build.ts';
import type { FieldKind } from '../../../../src/definition/types.ts';
import { conditionKey } from '../../../../src/engine/form-package.ts';
import { at, finding, type Finding } from './findings.ts';
import { checkJsonSchema } from './meta-schema.ts';
import {
  answerOf,
  answerSlot,
  defName,
  isObject,
  itemProperties,
  resolveOnce,
  walkSchema,
  type Model,
  type Place,
} from './model.ts';

const SHARED_IDS = [ADDRESS_SCHEMA_ID, ATTACHMENT_SCHEMA_ID];

/** Duplicate step, field and document ids, and kinds a group cannot hold. */
export function checkIds(model: Model): Finding[] {
  const findings: Finding[] = [];
  const { definition } = model;
  const duplicates = (
    code: 'duplicate-step-id' | 'duplicate-field-id' | 'duplicate-attachment-id',
    items: Array<{ id: string; pointer: string }>,
  ) => {
    const first = new Map<string, string>();
    for (const { id, pointer } of items) {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, pointer);
      else findings.push(finding(code, at(pointer, 'id'), { id, first: earlier }));
    }
  };
  duplicates(
    'duplicate-step-id',
    definition.steps.map((step, i) => ({ id: step.id, pointer: at('/steps', i) })),
  );
  duplicates(
    'duplicate-field-id',
    model.places.map((place) => ({ id: place.field.id, pointer: place.pointer })),
  );
  duplicates(
    'duplicate-attachment-id',
    (definition.attachments ?? []).map((document, i) => ({ id: document.id, pointer: at('/attachments', i) })),
  );
  for (const place of model.places) {
    if (place.group && (place.field.kind === 'group' || place.field.kind === 'attachments')) {
      findings.push(
        finding('kind-not-allowed-in-group', at(place.pointer, 'kind'), {
          id: place.field.id,
          kind: place.field.kind,
          group: place.group.field.id,
        }),
      );
    }
  }
  return findings;
}

/** `$ref` only to the form's own $defs or to the shared answer schemas. */
export function checkRefs(model: Model): Finding[] {
  const findings: Finding[] = [];
  const defs = model.definition.answers.$defs ?? {};
  walkSchema(model.definition.answers, '/answers', (schema, pointer) => {
    for (const keyword of ['$ref', '$dynamicRef']) {
      const ref = schema[keyword];
      if (ref === undefined) continue;
      const here = at(pointer, keyword);
      if (keyword === '$ref' && typeof ref === 'string') {
        if (SHARED_IDS.includes(ref)) continue;
        const name = defName(ref);
        if (name !== undefined) {
          if (!Object.hasOwn(defs, name))
            findings.push(finding('ref-unknown-def', here, { ref, name, defs: Object.keys(defs) }));
          continue;
        }
      }
      findings.push(
        finding('ref-not-allowed', here, {
          ref: typeof ref === 'string' ? ref : JSON.stringify(ref),
          shared: SHARED_IDS,
        }),
      );
    }
  });
  return findings;
}

/** What the answer of each kind must look like, as shown in the fix (and in docs/authoring.md). */
export const EXPECTED: Record<Exclude<FieldKind, 'guidance'>, string> = {
  text: '{ "type": "string" }',
  textarea: '{ "type": "string", "maxLength": … }',
  integer: '{ "type": "integer" }',
  amount: '{ "type": "number" }',
  date: '{ "type": "string", "format": "date" }',
  radio: '{ "type": "string", "enum": […] }',
  select: '{ "type": "string", "enum": […] }',
  checkboxes: '{ "type": "array", "items": { "enum": […] } }',
  yesno: '{ "type": "boolean" }',
  phone: '{ "type": "string", "format": "phone" }',
  email: '{ "type": "string", "format": "email" }',
  'account-number': '{ "type": "string", "format": "account-number" }',
  'national-id': '{ "type": "string", "format": "national-id" }',
  'organisation-number': '{ "type": "string", "format": "organisation-number" }',
  address: `{ "$ref": "${ADDRESS_SCHEMA_ID}" }`,
  consent: '{ "const": true }',
  group: '{ "type": "array", "items": { "type": "object", "properties": { … } } }',
  attachments: `{ "type": "object", "additionalProperties": { "$ref": "${ATTACHMENT_SCHEMA_ID}" } }`,
};

const enumOfStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');

/** The values a field's answer can take, when its kind offers a fixed list (radio, select, checkboxes). */
export function optionValues(model: Model, place: Place): { values: string[]; pointer: string } | undefined {
  const own = answerOf(model, place);
  if (!own) return undefined;
  const answer = resolveOnce(model, own);
  if (!isObject(answer.schema)) return undefined;
  if (place.field.kind === 'radio' || place.field.kind === 'select') {
    return enumOfStrings(answer.schema.enum)
      ? { values: answer.schema.enum, pointer: at(answer.pointer, 'enum') }
      : undefined;
  }
  if (place.field.kind === 'checkboxes' && isObject(answer.schema.items)) {
    const items = resolveOnce(model, { schema: answer.schema.items, pointer: at(answer.pointer, 'items') });
    if (isObject(items.schema) && enumOfStrings(items.schema.enum))
      return { values: items.schema.enum, pointer: at(items.pointer, 'enum') };
  }
  return undefined;
}

function fitsKind(model: Model, place: Place, schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const kind = place.field.kind;
  const string = schema.type === 'string';
  switch (kind) {
    case 'text':
    case 'textarea':
      return string;
    case 'phone':
    case 'email':
    case 'account-number':
    case 'national-id':
    case 'organisation-number':
    case 'date':
      return string && schema.format === kind;
    case 'integer':
      return schema.type === 'integer';
    case 'amount':
      return schema.type === 'number' || schema.type === 'integer';
    case 'yesno':
      return schema.type === 'boolean';
    case 'consent':
      return schema.const === true;
    case 'radio':
    case 'select':
      return enumOfStrings(schema.enum) && (schema.type === undefined || string);
    case 'checkboxes':
      return schema.type === 'array' && optionValues(model, place) !== undefined;
    case 'group':
      return (
        schema.type === 'array' &&
        isObject(schema.items) &&
        schema.items.$ref === undefined &&
        schema.items.type === 'object' &&
        isObject(schema.items.properties)
      );
    case 'address':
      return schema.$ref === ADDRESS_SCHEMA_ID;
    case 'attachments':
      return (
        schema.type === 'object' &&
        isObject(schema.additionalProperties) &&
        schema.additionalProperties.$ref === ATTACHMENT_SCHEMA_ID
      );
    case 'guidance':
      return true;
  }
}

/** Every field has its answer and every answer its field, of the right shape. */
export function checkAnswers(model: Model, refFindings: Finding[]): Finding[] {
  const findings: Finding[] = [];
  const { definition } = model;
  const badRefs = new Set(refFindings.map((f) => f.pointer.replace(/\/\$ref$/, '')));

  if (definition.answers.required !== undefined) {
    findings.push(finding('answers-required', '/answers/required', { names: toNames(definition.answers.required) }));
  }

  for (const place of model.places) {
    const { field } = place;
    if (field.kind === 'guidance') continue;
    if (place.group && (field.kind === 'group' || field.kind === 'attachments')) continue; // kind-not-allowed-in-group
    if (place.group && !itemProperties(model, place.group)) continue; // the group's own answer is reported
    const own = answerOf(model, place);
    if (!own) {
      const { pointer: target } = answerSlot(model, place);
      findings.push(
        finding('answer-missing', at(place.pointer, 'id'), {
          id: field.id,
          target,
          ...(place.group ? { context: 'item', group: place.group.field.id } : {}),
        }),
      );
      continue;
    }
    if (badRefs.has(own.pointer)) continue;
    const answer = resolveOnce(model, own);
    if (!fitsKind(model, place, answer.schema)) {
      findings.push(
        finding('kind-schema-mismatch', own.pointer, {
          id: field.id,
          kind: field.kind,
          expected: EXPECTED[field.kind],
        }),
      );
      continue;
    }
    if (
      field.kind === 'textarea' &&
      field.maxLength !== undefined &&
      isObject(answer.schema) &&
      typeof answer.schema.maxLength === 'number' &&
      answer.schema.maxLength !== field.maxLength
    ) {
      findings.push(
        finding('maxlength-mismatch', at(place.pointer, 'maxLength'), {
          id: field.id,
          field: field.maxLength,
          answer: answer.schema.maxLength,
          answerPointer: at(answer.pointer, 'maxLength'),
        }),
      );
    }
    if (
      field.kind === 'group' &&
      isObject(answer.schema) &&
      isObject(answer.schema.items) &&
      answer.schema.items.required !== undefined
    ) {
      findings.push(
        finding('answers-required', at(answer.pointer, 'items', 'required'), {
          names: toNames(answer.schema.items.required),
          context: 'item',
          group: field.id,
        }),
      );
    }
  }

  // Answers no field fills.
  const topLevel = new Map(model.places.filter((p) => !p.group).map((p) => [p.field.id, p]));
  for (const name of Object.keys(definition.answers.properties)) {
    const place = topLevel.get(name);
    const pointer = at('/answers/properties', name);
    if (place?.field.kind === 'guidance')
      findings.push(finding('guidance-has-answer', pointer, { id: name, field: place.pointer }));
    else if (!place) {
      const item = model.places.find((p) => p.group && p.field.id === name);
      findings.push(
        finding('answer-unused', pointer, { name, ...(item ? { context: 'item', group: item.group!.field.id } : {}) }),
      );
    }
  }
  for (const group of model.places.filter((p) => !p.group && p.field.kind === 'group')) {
    const items = itemProperties(model, group);
    if (!items || !isObject(items.schema)) continue;
    const children = new Map((group.field.fields ?? []).map((child) => [child.id, child]));
    for (const name of Object.keys(items.schema)) {
      const child = children.get(name);
      const pointer = at(items.pointer, name);
      if (child?.kind === 'guidance') findings.push(finding('guidance-has-answer', pointer, { id: name }));
      else if (!child)
        findings.push(finding('answer-unused', pointer, { name, context: 'group', group: group.field.id }));
    }
  }
  return findings;
}

const toNames = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

/** A form with documents needs exactly one field of kind attachments, and the other way round. */
export function checkAttachmentsField(model: Model): Finding[] {
  const findings: Finding[] = [];
  const fields = model.places.filter((p) => !p.group && p.field.kind === 'attachments');
  const documents = model.definition.attachments ?? [];
  fields.slice(1).forEach((place) =>
    findings.push(
      finding('attachments-field-duplicate', at(place.pointer, 'kind'), {
        id: place.field.id,
        first: fields[0]!.field.id,
      }),
    ),
  );
  if (documents.length > 0 && fields.length === 0)
    findings.push(finding('attachments-field-missing', '/attachments', {}));
  if (documents.length === 0 && fields[0])
    findings.push(finding('attachments-list-missing', at(fields[0].pointer, 'kind'), { id: fields[0].field.id }));
  return findings;
}

/**
 * The answers schema is valid JSON Schema, and everything the build compiles compiles (strict mode:
 * misspelt keywords and unknown formats are errors). Run when the references are fine.
 */
export function checkCompiles(model: Model): Finding[] {
  const { definition } = model;
  const metaFindings = checkJsonSchema(definition.answers).map(({ pointer, detail }) =>
    finding('answers-schema-invalid', at('/answers') + pointer, { detail }),
  );
  if (metaFindings.length > 0) return metaFindings;
  let schemas: ReturnType<typeof packageSchemas>;
  try {
    schemas = packageSchemas(definition);
  } catch {
    return []; // another finding explains the shape the build cannot read
  }
  const owners = new Map<string, string>();
  for (const place of model.places) {
    const slot = answerSlot(model, place);
    if (slot.pointer) owners.set(`field:${place.field.id}`, slot.pointer);
    if (place.field.when) owners.set(conditionKey('field', place.field.id), at(place.pointer, 'when'));
  }
  definition.steps.forEach((step, i) => owners.set(conditionKey('step', step.id), at('/steps', i, 'when')));
  (definition.attachments ?? []).forEach((document, i) =>
    owners.set(conditionKey('attachment', document.id), at('/attachments', i, 'when')),
  );

  const ajv = createAjv({ standalone: false });
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const attempt = (schema: unknown, pointer: string) => {
    try {
      ajv.compile(schema as object);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (seen.has(detail)) return;
      seen.add(detail);
      findings.push(
        finding('answers-schema-invalid', locateKeyword(definition.answers, detail) ?? pointer, { detail }),
      );
    }
  };
  // The same schema twice compiles the same way: once is enough (a generated form repeats a few kinds).
  const compiled = new Set<string>();
  const once = (schema: unknown, pointer: string) => {
    const { $id: _id, ...content } = schema as Record<string, unknown>;
    const key = JSON.stringify(content);
    if (compiled.has(key)) return;
    compiled.add(key);
    attempt(schema, pointer);
  };
  for (const item of schemas.fields) once(item.schema, owners.get(`field:${item.key}`) ?? '/answers');
  for (const item of schemas.conditions) once(item.schema, owners.get(item.key) ?? '');
  if (schemas.answers) attempt(schemas.answers.schema, '/answers');
  return findings;
}

/** For "unknown keyword" errors, the first place in the answers schema that uses the keyword. */
function locateKeyword(answers: unknown, detail: string): string | undefined {
  const keyword = /unknown keyword: "([^"]+)"/.exec(detail)?.[1];
  if (keyword === undefined) return undefined;
  let found: string | undefined;
  walkSchema(answers, '/answers', (schema, pointer) => {
    if (found === undefined && Object.hasOwn(schema, keyword)) found = at(pointer, keyword);
  });
  return found;
}

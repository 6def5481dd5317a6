// The schema of a whole submission, derived from the definition: only relevant answers, every
// relevant required answer present unless marked "I don't know", no unknown keys.
import type { Condition, FieldDefinition, FormDefinition, JsonSchema } from '../../../../src/definition/types.ts';

export const ATTACHMENT_SCHEMA_ID = 'https://klarskjema.dev/schemas/answers/attachment.schema.json';
export const ADDRESS_SCHEMA_ID = 'https://klarskjema.dev/schemas/answers/address.schema.json';

const onAnswers = (condition: JsonSchema): JsonSchema => ({ properties: { answers: condition } });
const absent = (id: string): JsonSchema => ({ not: { required: [id] } });
const flaggedUnsure = (id: string): JsonSchema => ({ required: ['unsure'], properties: { unsure: { contains: { const: id } } } });
const notFlaggedUnsure = (id: string): JsonSchema => ({ properties: { unsure: { not: { contains: { const: id } } } } });

function allOf(conditions: Array<Condition | undefined>): Condition | undefined {
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length <= 1) return present[0];
  return { allOf: present };
}

/** Rules for one field whose relevance is `relevant` (undefined: always relevant), over `target`. */
function fieldRules(field: FieldDefinition, relevant: Condition | undefined, wrap: (s: JsonSchema) => JsonSchema, withUnsure: boolean): JsonSchema[] {
  const rules: JsonSchema[] = [];
  if (relevant) {
    rules.push({ anyOf: [wrap(relevant), wrap(absent(field.id))] });
    if (withUnsure && field.unsure) rules.push({ anyOf: [wrap(relevant), notFlaggedUnsure(field.id)] });
  }
  if (field.required) {
    const ways: JsonSchema[] = [wrap({ required: [field.id] })];
    if (relevant) ways.unshift({ not: wrap(relevant) });
    if (withUnsure && field.unsure) ways.push(flaggedUnsure(field.id));
    rules.push({ anyOf: ways });
  }
  return rules;
}

const clone = <T>(value: T): T => structuredClone(value);

export function submissionSchema(definition: FormDefinition, id: string): JsonSchema {
  const { $defs, ...answersSchema } = clone(definition.answers);
  const properties = answersSchema.properties;
  const rules: JsonSchema[] = [];
  const unsureIds: string[] = [];
  const documents = definition.attachments ?? [];
  const identity = (s: JsonSchema): JsonSchema => s;

  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.kind === 'guidance') continue;
      if (field.unsure) unsureIds.push(field.id);
      rules.push(...fieldRules(field, allOf([step.when, field.when]), onAnswers, true));
      const own = properties[field.id];
      if (field.kind === 'group' && typeof own === 'object' && typeof own.items === 'object' && own.items !== null) {
        const items = own.items as Record<string, unknown>;
        const itemRules = (field.fields ?? []).filter((c) => c.kind !== 'guidance').flatMap((child) => fieldRules(child, child.when, identity, false));
        own.items = { ...items, additionalProperties: false, ...(itemRules.length > 0 ? { allOf: [...((items.allOf as JsonSchema[]) ?? []), ...itemRules] } : {}) };
      }
      if (field.kind === 'attachments') {
        properties[field.id] = { allOf: [own ?? true, { propertyNames: { enum: documents.map((d) => d.id) } }] };
        for (const document of documents) {
          if (!document.when) continue;
          rules.push({ anyOf: [onAnswers(document.when), onAnswers({ properties: { [field.id]: absent(document.id) } })] });
        }
      }
    }
  }

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    ...($defs ? { $defs } : {}),
    type: 'object',
    required: ['answers', 'unsure'],
    properties: {
      answers: { ...answersSchema, additionalProperties: false },
      unsure: { type: 'array', uniqueItems: true, items: unsureIds.length > 0 ? { enum: unsureIds } : false },
    },
    ...(rules.length > 0 ? { allOf: rules } : {}),
  };
}

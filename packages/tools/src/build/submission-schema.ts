// The schema of a whole submission, derived from the definition: only relevant answers, every
// relevant required answer present unless marked "I don't know", no unknown keys.
import type { Condition, FieldDefinition, FormDefinition, JsonSchema } from '../../../../src/definition/types.ts';
import { isExpression } from '../../../../src/engine/expression-kind.ts';
import { groupsWithItemIds, ITEM_ID, ITEM_ID_PATTERN } from '../../../../src/engine/items.ts';

export const ATTACHMENT_SCHEMA_ID = 'https://klarskjema.dev/schemas/answers/attachment.schema.json';
export const ADDRESS_SCHEMA_ID = 'https://klarskjema.dev/schemas/answers/address.schema.json';

const onAnswers = (condition: JsonSchema): JsonSchema => ({ properties: { answers: condition } });
const absent = (id: string): JsonSchema => ({ not: { required: [id] } });
const flaggedUnsure = (id: string): JsonSchema => ({ required: ['unsure'], properties: { unsure: { contains: { const: id } } } });
const notFlaggedUnsure = (id: string): JsonSchema => ({ properties: { unsure: { not: { contains: { const: id } } } } });

/** The conditions together; null when one is an expression, which JSON Schema cannot say (the engine decides). */
function allOf(conditions: Array<Condition | undefined>): Condition | undefined | null {
  if (conditions.some((c) => isExpression(c))) return null;
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length <= 1) return present[0];
  return { allOf: present };
}

/** Rules for one field whose relevance is `relevant` (undefined: always relevant), over `target`. */
function fieldRules(field: FieldDefinition, relevant: Condition | undefined | null, wrap: (s: JsonSchema) => JsonSchema, withUnsure: boolean): JsonSchema[] {
  const rules: JsonSchema[] = [];
  // Relevance by an expression: the receiver's engine checks relevance and required (decision 0021).
  if (relevant === null) return rules;
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
  const itemIds = groupsWithItemIds(definition);

  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.kind === 'guidance') continue;
      if (field.unsure) unsureIds.push(field.id);
      rules.push(...fieldRules(field, allOf([step.when, field.when]), onAnswers, true));
      const own = properties[field.id];
      if (field.kind === 'group' && typeof own === 'object' && typeof own.items === 'object' && own.items !== null) {
        const items = own.items as Record<string, unknown>;
        const itemRules = (field.fields ?? []).filter((c) => c.kind !== 'guidance').flatMap((child) => fieldRules(child, allOf([child.when]), identity, false));
        // Items that documents are asked for per item carry a stable id (src/engine/items.ts).
        const withId = itemIds.has(field.id)
          ? { properties: { ...(items.properties as Record<string, JsonSchema>), [ITEM_ID]: { type: 'string', pattern: ITEM_ID_PATTERN.source } }, required: [...((items.required as string[]) ?? []), ITEM_ID] }
          : {};
        own.items = { ...items, ...withId, additionalProperties: false, ...(itemRules.length > 0 ? { allOf: [...((items.allOf as JsonSchema[]) ?? []), ...itemRules] } : {}) };
      }
      if (field.kind === 'attachments') {
        const once = documents.filter((d) => d.forEach === undefined).map((d) => d.id);
        const perItem = documents.filter((d) => d.forEach !== undefined).map((d) => d.id);
        const names: JsonSchema[] = [{ enum: once }];
        if (perItem.length > 0) names.push({ pattern: `^(${perItem.join('|')})\\.[a-z0-9]{6,32}$` });
        properties[field.id] = { allOf: [own ?? true, { propertyNames: names.length === 1 ? names[0]! : { anyOf: names } }] };
        for (const document of documents) {
          // A document per item, or by an expression: the receiver's engine decides whether it is asked for.
          if (!document.when || document.forEach !== undefined || isExpression(document.when)) continue;
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

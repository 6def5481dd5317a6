// A definition that passed the meta-schema, indexed for the semantic checks: every field with its
// place, and where its answer schema is.
import type { FieldDefinition, FormDefinition } from '../../../../src/definition/types.ts';
import { at } from './findings.ts';

export type SchemaObject = Record<string, unknown>;

export const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface Place {
  field: FieldDefinition;
  /** Pointer to the field in the definition. */
  pointer: string;
  stepIndex: number;
  /** Index in the step's fields, or in the group's fields. */
  index: number;
  /** The group, for a group's item field. */
  group?: Place;
}

/** A subschema of the answers and where it is. */
export interface Located {
  schema: unknown;
  pointer: string;
}

export interface Model {
  definition: FormDefinition;
  /** Every field in form order, a group's item fields right after the group (one level deep). */
  places: Place[];
  /** The places of each step, by step index (its fields and their item fields, in order). */
  byStep: Place[][];
  /** First place of each field id. */
  byId: Map<string, Place>;
}

export function buildModel(definition: FormDefinition): Model {
  const places: Place[] = [];
  definition.steps.forEach((step, stepIndex) => {
    step.fields.forEach((field, index) => {
      const place: Place = { field, pointer: at('/steps', stepIndex, 'fields', index), stepIndex, index };
      places.push(place);
      field.fields?.forEach((child, childIndex) => {
        places.push({
          field: child,
          pointer: at(place.pointer, 'fields', childIndex),
          stepIndex,
          index: childIndex,
          group: place,
        });
      });
    });
  });
  const byId = new Map<string, Place>();
  for (const place of places) if (!byId.has(place.field.id)) byId.set(place.field.id, place);
  const byStep: Place[][] = definition.steps.map(() => []);
  for (const place of places) byStep[place.stepIndex]!.push(place);
  return { definition, places, byId, byStep };
}

const DEF_REF = /^#\/\$defs\/([^/]+)$/;

/** The name in a local `#/$defs/<name>` reference, or undefined. */
export function defName(ref: string): string | undefined {
  const match = DEF_REF.exec(ref);
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Follows a `#/$defs/<name>` reference once. */
export function resolveOnce(model: Model, located: Located): Located {
  const { schema } = located;
  if (!isObject(schema) || typeof schema.$ref !== 'string') return located;
  const name = defName(schema.$ref);
  const defs = model.definition.answers.$defs;
  if (name === undefined || !defs || !Object.hasOwn(defs, name)) return located;
  return { schema: defs[name], pointer: at('/answers/$defs', name) };
}

/** The properties an item of a group holds, when the group's answer has an inline item object schema. */
export function itemProperties(model: Model, group: Place): Located | undefined {
  const own = model.definition.answers.properties[group.field.id];
  if (own === undefined) return undefined;
  const answer = resolveOnce(model, { schema: own, pointer: at('/answers/properties', group.field.id) });
  if (!isObject(answer.schema) || !isObject(answer.schema.items)) return undefined;
  const items = answer.schema.items;
  if (!isObject(items.properties)) return undefined;
  return { schema: items.properties, pointer: at(answer.pointer, 'items', 'properties') };
}

/** Where a field's answer schema should be: the pointer of the property, and the container it goes in. */
export function answerSlot(
  model: Model,
  place: Place,
): { container: Located | undefined; pointer: string | undefined } {
  if (!place.group) {
    const container = { schema: model.definition.answers.properties, pointer: '/answers/properties' };
    return { container, pointer: at(container.pointer, place.field.id) };
  }
  const container = itemProperties(model, place.group);
  return { container, pointer: container ? at(container.pointer, place.field.id) : undefined };
}

/** A field's answer schema (not resolved), or undefined when it has none. */
export function answerOf(model: Model, place: Place): Located | undefined {
  const { container, pointer } = answerSlot(model, place);
  if (!container || pointer === undefined || !isObject(container.schema)) return undefined;
  if (!Object.hasOwn(container.schema, place.field.id)) return undefined;
  return { schema: container.schema[place.field.id], pointer };
}

/** Calls visit for a JSON Schema and each of its subschemas (not values such as const, enum or default). */
export function walkSchema(
  schema: unknown,
  pointer: string,
  visit: (schema: SchemaObject, pointer: string) => void,
): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const [keyword, value] of Object.entries(schema)) {
    const here = at(pointer, keyword);
    if (['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(keyword)) {
      if (isObject(value)) for (const [name, sub] of Object.entries(value)) walkSchema(sub, at(here, name), visit);
    } else if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(keyword)) {
      if (Array.isArray(value)) value.forEach((sub, i) => walkSchema(sub, at(here, i), visit));
    } else if (
      [
        'items',
        'additionalProperties',
        'not',
        'if',
        'then',
        'else',
        'contains',
        'propertyNames',
        'unevaluatedItems',
        'unevaluatedProperties',
        'additionalItems',
        'contentSchema',
      ].includes(keyword)
    ) {
      if (Array.isArray(value)) value.forEach((sub, i) => walkSchema(sub, at(here, i), visit));
      else walkSchema(value, here, visit);
    }
  }
}

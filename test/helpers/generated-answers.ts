// Answers made from a form definition alone, step by step, as a user types them: what the generic tests
// use for a form nobody wrote answers for (test/helpers/full-answers.ts has hand-written ones for the
// example forms). Each value meets its answer schema: the first option, a number inside the bounds, a text
// inside the lengths, dates one day apart in form order (so a later date is never before an earlier one).
// Plain data and functions, so Node tests and browser tests share it.
import type { FieldDefinition, FormDefinition, JsonSchema } from '../../src/definition/types.ts';

type Schema = { [keyword: string]: unknown };
export type StepAnswers = Record<string, unknown>;

const isSchema = (value: JsonSchema | undefined): value is Schema => typeof value === 'object' && value !== null;

/** The schema itself, or the one its local $ref names (the way the example forms share `kroner`). */
function resolved(definition: FormDefinition, schema: JsonSchema | undefined): Schema {
  const ref = isSchema(schema) ? schema.$ref : undefined;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const target = definition.answers.$defs?.[ref.slice('#/$defs/'.length)];
    return isSchema(target) ? target : {};
  }
  return isSchema(schema) ? schema : {};
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** A number the schema accepts, near the preferred one. */
function numberIn(schema: Schema, preferred: number): number {
  const low = Math.max(numberOr(schema.minimum, -Infinity), numberOr(schema.exclusiveMinimum, -Infinity) + 1);
  const high = Math.min(numberOr(schema.maximum, Infinity), numberOr(schema.exclusiveMaximum, Infinity) - 1);
  return Math.ceil(Math.min(Math.max(preferred, low), high));
}

/** A text the schema accepts: a sample that fits its pattern and lengths, padded or cut to fit. */
function textIn(schema: Schema, samples: string[]): string {
  if (Array.isArray(schema.enum) && typeof schema.enum[0] === 'string') return schema.enum[0];
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const fitting = samples.find((sample) => !pattern || pattern.test(sample)) ?? samples[0]!;
  const min = numberOr(schema.minLength, 1);
  const max = numberOr(schema.maxLength, Infinity);
  return fitting.padEnd(min, 'a').slice(0, max);
}

const TEXTS = ['Kari Nordmann', 'Oslo', '10:30', '0155', '1234'];

/** dd.mm.åååå, as a user types a date. */
function typedDate(day: number): string {
  const date = new Date(Date.UTC(2015, 4, 1 + day));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}.${two(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

function valueFor(
  definition: FormDefinition,
  field: FieldDefinition,
  raw: JsonSchema | undefined,
  dates: { next: number },
): unknown {
  const schema = resolved(definition, raw);
  switch (field.kind) {
    case 'text':
      return textIn(schema, TEXTS);
    case 'textarea':
      return textIn(schema, ['Jeg trenger hjelp med dette.']);
    case 'integer':
      return String(numberIn(schema, 2));
    case 'amount':
      return String(numberIn(schema, 1000));
    case 'date':
      return typedDate(dates.next++);
    case 'radio':
    case 'select':
      return Array.isArray(schema.enum) ? schema.enum[0] : undefined;
    case 'checkboxes': {
      const items = resolved(definition, schema.items as JsonSchema | undefined);
      return Array.isArray(items.enum) ? [items.enum[0]] : [];
    }
    case 'yesno':
      return 'true';
    case 'phone':
      return '912 34 567';
    case 'email':
      return 'kari@example.no';
    case 'account-number':
      return '8601 11 17947';
    case 'national-id':
      return '010100 00110';
    case 'organisation-number':
      return '974 760 673';
    case 'address':
      return { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };
    case 'consent':
      return true;
    case 'group': {
      const items = resolved(definition, schema.items as JsonSchema | undefined);
      const properties = (items.properties ?? {}) as Record<string, JsonSchema>;
      const count = Math.max(1, numberOr(schema.minItems, 1));
      return Array.from({ length: count }, () =>
        Object.fromEntries(
          (field.fields ?? [])
            .filter((child) => child.kind !== 'guidance')
            .map((child) => [child.id, valueFor(definition, child, properties[child.id], dates)]),
        ),
      );
    }
    case 'attachments':
      // Every document "later": the filler gives only those the answers ask for.
      return Object.fromEntries((definition.attachments ?? []).map((document) => [document.id, 'later']));
    case 'guidance':
      return undefined;
  }
}

/** Answers for every field of every step, by step id, made from the definition. */
export function generatedAnswers(definition: FormDefinition): Record<string, StepAnswers> {
  const dates = { next: 0 };
  return Object.fromEntries(
    definition.steps.map((step) => [
      step.id,
      Object.fromEntries(
        step.fields
          .filter((field) => field.kind !== 'guidance')
          .map((field) => [field.id, valueFor(definition, field, definition.answers.properties[field.id], dates)]),
      ),
    ]),
  );
}

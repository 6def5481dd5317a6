// A condition (schemas/form.schema.json $defs/condition: a JSON Schema over the answers, restricted to a few
// keywords) checked as it is written, with the result ajv's generated code gives (decision 0038). The first step's
// validators.js carries every condition: as data with this small check instead of ajv's code for each, about a
// tenth of the bytes. `klarskjema build` uses ajv's code for a condition with any other keyword.
import type { Validate } from './form-package.ts';

type Schema = Readonly<Record<string, unknown>>;

/** The keywords a condition and the value conditions inside it may use (schemas/form.schema.json). */
export const CONDITION_KEYWORDS: ReadonlySet<string> = new Set([
  'const',
  'enum',
  'type',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'contains',
  'items',
  'properties',
  'required',
  'not',
  'allOf',
  'anyOf',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality, as ajv's (fast-deep-equal) for JSON values. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]));
}

const TYPES: Record<string, (data: unknown) => boolean> = {
  string: (data) => typeof data === 'string',
  number: (data) => typeof data === 'number' && Number.isFinite(data),
  integer: (data) => Number.isInteger(data),
  boolean: (data) => typeof data === 'boolean',
  array: Array.isArray,
  object: isObject,
  null: (data) => data === null,
};

const isNumber = (data: unknown): data is number => typeof data === 'number';
/** A string's length in code points, as ajv counts it. */
const length = (text: string): number => [...text].length;

/** Whether the data meets the schema: each keyword applies only to the kind of value it is about. */
export function meets(schema: Schema, data: unknown): boolean {
  for (const [keyword, value] of Object.entries(schema)) {
    const ok: boolean = (() => {
      switch (keyword) {
        case 'const':
          return equal(data, value);
        case 'enum':
          return (value as unknown[]).some((option) => equal(data, option));
        case 'type':
          return TYPES[value as string]!(data);
        case 'minimum':
          return !isNumber(data) || data >= (value as number);
        case 'maximum':
          return !isNumber(data) || data <= (value as number);
        case 'exclusiveMinimum':
          return !isNumber(data) || data > (value as number);
        case 'exclusiveMaximum':
          return !isNumber(data) || data < (value as number);
        case 'minLength':
          return typeof data !== 'string' || length(data) >= (value as number);
        case 'maxLength':
          return typeof data !== 'string' || length(data) <= (value as number);
        case 'minItems':
          return !Array.isArray(data) || data.length >= (value as number);
        case 'maxItems':
          return !Array.isArray(data) || data.length <= (value as number);
        case 'contains':
          return !Array.isArray(data) || data.some((item) => meets(value as Schema, item));
        case 'items':
          return !Array.isArray(data) || data.every((item) => meets(value as Schema, item));
        case 'properties':
          return (
            !isObject(data) ||
            Object.entries(value as Record<string, Schema>).every(
              ([name, inner]) => data[name] === undefined || meets(inner, data[name]),
            )
          );
        case 'required':
          return !isObject(data) || (value as string[]).every((name) => data[name] !== undefined);
        case 'not':
          return !meets(value as Schema, data);
        case 'allOf':
          return (value as Schema[]).every((inner) => meets(inner, data));
        case 'anyOf':
          return (value as Schema[]).some((inner) => meets(inner, data));
        default:
          throw new Error(`A condition cannot use "${keyword}".`);
      }
    })();
    if (!ok) return false;
  }
  return true;
}

/** Whether a schema uses only the keywords this check knows, at every level. */
export function checkable(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  return Object.entries(schema).every(([keyword, value]) => {
    if (!CONDITION_KEYWORDS.has(keyword)) return false;
    if (keyword === 'contains' || keyword === 'items' || keyword === 'not') return checkable(value);
    if (keyword === 'allOf' || keyword === 'anyOf') return Array.isArray(value) && value.every(checkable);
    if (keyword === 'properties') return isObject(value) && Object.values(value).every(checkable);
    if (keyword === 'enum' || keyword === 'required') return Array.isArray(value);
    if (keyword === 'type') return typeof value === 'string' && value in TYPES;
    return true;
  });
}

/** A condition's validator (true or false, no errors: relevance reads only the verdict). */
export const conditionCheck =
  (schema: Schema): Validate =>
  (data) =>
    meets(schema, data);

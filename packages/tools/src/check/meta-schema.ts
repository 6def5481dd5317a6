// Step 1 of the check: the definition against schemas/form.schema.json, with ajv's errors turned into
// findings that say what is wrong where. ajv reports every failed keyword, including the wrappers
// (if/then) around the real error: those are dropped, as are if/then rules that misfire on an object
// missing a required property, and anything else at a place whose value has the wrong type.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemasDir } from '../assets.ts';
import { at, finding, type Finding } from './findings.ts';

let metaAjv: Ajv2020 | undefined;
let metaSchema: MetaSchema | undefined;
let validator: ValidateFunction | undefined;

// The parts of schemas/form.schema.json that get their own finding codes.
interface MetaSchema {
  properties: { version: object; locales: { prefixItems: object[] } };
  $defs: { id: object; kind: object; field: { allOf: Array<{ else?: object }> } };
}

/** The meta-schema compiled once, reporting all errors (createAjv in packages/tools/src/build/ajv.ts stops at the first). */
function formValidator(): ValidateFunction {
  if (!validator) {
    metaSchema = JSON.parse(readFileSync(resolve(schemasDir, 'form.schema.json'), 'utf8')) as MetaSchema;
    // strictTuples off: the meta-schema's locales are a tuple (nb first) followed by any number of items.
    metaAjv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      strictTuples: false,
    });
    validator = metaAjv.compile(metaSchema);
  }
  return validator;
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let value = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

const parentOf = (pointer: string): string => pointer.slice(0, pointer.lastIndexOf('/'));

function toFinding(error: ErrorObject, definition: unknown): Finding | undefined {
  const { keyword, instancePath: path, schemaPath, params } = error;
  const data = error.data;
  // ajv gives the schema object each error comes from (verbose: true); schema paths are relative to a $ref.
  const from = (part: object | undefined) => part !== undefined && error.parentSchema === part;
  const meta = metaSchema!;
  switch (keyword) {
    case 'if':
      return undefined; // the then/else error under it says what is wrong
    case 'type':
      return finding('schema-type', path, {
        expected: ([] as string[]).concat(params.type as string | string[]),
        actual: jsonType(data),
      });
    case 'required':
      return finding('schema-required', path, { property: params.missingProperty });
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema?.properties ?? {}) as object);
      return finding('schema-additional-property', at(path, params.additionalProperty as string), {
        property: params.additionalProperty,
        allowed,
      });
    }
    case 'enum':
      if (from(meta.$defs.kind))
        return finding('schema-unknown-kind', path, { value: data, allowed: params.allowedValues });
      return finding('schema-enum', path, { value: data, allowed: params.allowedValues });
    case 'const':
      if (from(meta.properties.locales.prefixItems[0])) return finding('schema-first-locale', path, { value: data });
      return finding('schema-const', path, { value: data, expected: params.allowedValue });
    case 'pattern':
      if (from(meta.$defs.id)) return finding('schema-id-pattern', path, { value: data });
      if (from(meta.properties.version)) return finding('schema-version-pattern', path, { value: data });
      return finding('schema-pattern', path, { value: data, pattern: params.pattern });
    case 'minItems':
      return finding('schema-min-items', path, { limit: params.limit });
    case 'uniqueItems': {
      const items = Array.isArray(data) ? data : [];
      const second = Math.max(params.i as number, params.j as number);
      return finding('schema-unique-items', at(path, second), { value: items[second] });
    }
    case 'minimum':
      return finding('schema-minimum', path, { value: data, limit: params.limit });
    case 'not':
      if (from(meta.$defs.field.allOf[0]?.else)) {
        return finding('schema-fields-only-group', at(path, 'fields'), { kind: valueAt(definition, at(path, 'kind')) });
      }
      break;
    case 'false schema':
      if (/\/then\/properties\/[^/]+\/false schema$/.test(schemaPath)) {
        const property = path.slice(path.lastIndexOf('/') + 1);
        return finding('schema-property-not-for-kind', path, {
          property,
          kind: valueAt(definition, at(parentOf(path), 'kind')),
        });
      }
      break;
  }
  return finding('schema-invalid', path, { keyword, detail: error.message ?? '' });
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Findings from the meta-schema; empty when the definition has the right shape. */
export function checkMetaSchema(definition: unknown): Finding[] {
  const validate = formValidator();
  if (validate(definition)) return [];
  const errors = validate.errors ?? [];
  // An object without a required property (such as kind) makes the if/then rules about it misfire.
  const conditional = (error: ErrorObject) => /\/(then|else)\//.test(error.schemaPath);
  const incomplete = errors.filter((e) => e.keyword === 'required' && !conditional(e)).map((e) => e.instancePath);
  const misfired = (error: ErrorObject) =>
    conditional(error) && incomplete.some((p) => error.instancePath === p || error.instancePath.startsWith(`${p}/`));
  const findings = errors
    .filter((e) => !misfired(e))
    .map((error) => toFinding(error, definition))
    .filter((f): f is Finding => f !== undefined);
  // A value of the wrong type makes every other complaint about the same place noise.
  const typed = new Set(findings.filter((f) => f.code === 'schema-type').map((f) => f.pointer));
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (typed.has(f.pointer) && f.code !== 'schema-type') return false;
    const key = `${f.pointer}\u0000${f.code}\u0000${JSON.stringify(f.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether a schema is valid JSON Schema 2020-12: one problem per place, with ajv's description. */
export function checkJsonSchema(schema: unknown): Array<{ pointer: string; detail: string }> {
  formValidator();
  const validate = metaAjv!.getSchema('https://json-schema.org/draft/2020-12/schema');
  if (!validate || validate(schema)) return [];
  const byPlace = new Map<string, string>();
  for (const error of validate.errors ?? []) {
    if (['anyOf', 'oneOf', 'if', '$dynamicRef'].includes(error.keyword)) continue;
    if (byPlace.has(error.instancePath)) continue;
    const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
    byPlace.set(error.instancePath, `${error.message ?? error.keyword}${allowed}`);
  }
  return [...byPlace].map(([pointer, detail]) => ({ pointer, detail }));
}

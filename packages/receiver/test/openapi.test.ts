// packages/receiver/openapi.json against the receiver: every route it answers is described (and nothing
// else), every $ref resolves, every example validates against its schema, and every answer of a run
// through all routes is a described status whose body fits the described schema and headers.
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/receiver.ts';
import { send, startTestReceiver, type TestReceiver } from './helpers.ts';
import { tour, type TourStep } from './tour.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const document = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8')) as JsonObject;
const paths = document.paths as Record<string, Record<string, JsonObject>>;

/** The object a local $ref (#/…) points at. */
function resolveRef(ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local refs: ${ref}`);
  let at: Json = document;
  for (const token of ref
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !(token in at))
      throw new Error(`Unresolved ref ${ref}`);
    at = at[token]!;
  }
  return at;
}
const deref = (value: Json): JsonObject => {
  const object = value as JsonObject;
  return typeof object.$ref === 'string' ? deref(resolveRef(object.$ref)) : object;
};

// Schemas are JSON Schema 2020-12 (OpenAPI 3.1); components/schemas are reached through one schema with an $id.
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const localized = (schema: Json): Json =>
  JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"https://klarskjema.invalid/openapi#/$defs/'),
  ) as Json;
ajv.addSchema(
  localized({
    $id: 'https://klarskjema.invalid/openapi',
    $defs: (document.components as JsonObject).schemas!,
  }) as object,
);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorOf = (schema: Json): ReturnType<typeof ajv.compile> => {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(localized(schema) as object)));
  return validate;
};
const check = (schema: Json, value: unknown, where: string): void => {
  const validate = validatorOf(schema);
  expect(validate(value), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
};

describe('openapi.json', () => {
  it('is OpenAPI 3.1 and describes exactly the routes and methods the receiver answers', () => {
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const answered = Object.entries(ROUTES)
      .flatMap(([path, methods]) => methods.map((method) => `${method} ${path}`))
      .sort();
    expect(described).toEqual(answered);
  });

  it('resolves every $ref, and every operation has an id, a summary and responses', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(() => resolveRef(JSON.parse(`{${ref}}`).$ref as string), ref).not.toThrow();
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(typeof op.operationId, `${method} ${path}`).toBe('string');
        expect(ids.has(op.operationId as string), `${op.operationId} twice`).toBe(false);
        ids.add(op.operationId as string);
        expect(typeof op.summary).toBe('string');
        expect(Object.keys(op.responses as JsonObject).length).toBeGreaterThan(0);
        // Every path parameter is declared.
        const declared = ((op.parameters ?? []) as JsonObject[])
          .map(deref)
          .filter((p) => p.in === 'path')
          .map((p) => p.name);
        expect(declared.sort(), `${method} ${path}`).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      }
    }
  });

  it('has examples, and every example validates against its schema', () => {
    let examples = 0;
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        const bodies: Array<[string, JsonObject]> = [];
        if (op.requestBody) bodies.push([`${where} request`, deref(op.requestBody)]);
        for (const [status, response] of Object.entries(op.responses as JsonObject))
          bodies.push([`${where} ${status}`, deref(response)]);
        for (const [label, holder] of bodies) {
          for (const [type, media] of Object.entries((holder.content ?? {}) as Record<string, JsonObject>)) {
            for (const [name, example] of Object.entries((media.examples ?? {}) as Record<string, JsonObject>)) {
              check(media.schema!, example.value, `${label} ${type} example "${name}"`);
              examples += 1;
            }
          }
        }
        for (const parameter of ((op.parameters ?? []) as JsonObject[]).map(deref)) {
          if (parameter.example !== undefined)
            check(parameter.schema!, parameter.example, `${where} parameter ${String(parameter.name)}`);
        }
      }
    }
    expect(examples).toBeGreaterThanOrEqual(30);
  });

  it('documents every error code as an error body', () => {
    // The examples of the shared responses too (they are reached by $ref above only through operations).
    for (const [name, response] of Object.entries((document.components as JsonObject).responses as JsonObject)) {
      const media = ((response as JsonObject).content as JsonObject)['application/json'] as JsonObject;
      for (const example of Object.values(media.examples as JsonObject))
        check(media.schema!, (example as JsonObject).value, `components/responses/${name}`);
    }
  });
});

describe('the receiver as openapi.json describes it', () => {
  let receiver: TestReceiver;
  let steps: TourStep[];
  beforeAll(async () => {
    receiver = await startTestReceiver();
    steps = await tour(receiver.url);
  }, 60_000);
  afterAll(async () => {
    await receiver?.stop();
  });

  it('serves openapi.json at GET /api/openapi.json, as the file says', async () => {
    const served = await send(`${receiver.url}/api/openapi.json`, { method: 'GET' });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(served.json).toEqual(document);
  });

  it('gives only described answers, each body and header as described', () => {
    expect(steps.length).toBeGreaterThan(30);
    const statuses = new Set<string>();
    for (const { what, method, route, response } of steps) {
      if (route === null) {
        expect(response.status, what).toBeGreaterThanOrEqual(400);
        continue;
      }
      const op = paths[route]?.[method.toLowerCase()];
      if (!op && response.status === 405) {
        // A method a route does not answer has no operation to describe it: the shared 405 does.
        check(
          (deref(resolveRef('#/components/responses/MethodNotAllowed')).content as Record<string, JsonObject>)[
            'application/json'
          ]!.schema!,
          response.json,
          what,
        );
        expect(response.headers.allow, what).toBe(ROUTES[route as keyof typeof ROUTES].join(', '));
        continue;
      }
      expect(op, `${what}: ${method} ${route} is not described`).toBeDefined();
      const described = (op!.responses as JsonObject)[String(response.status)];
      expect(
        described,
        `${what}: ${method} ${route} answered ${response.status}, which is not described`,
      ).toBeDefined();
      statuses.add(`${method} ${route} ${response.status}`);
      const full = deref(described!);
      // HEAD answers are described like their GET without bodies.
      const get =
        method === 'HEAD' ? deref((paths[route]!.get!.responses as JsonObject)[String(response.status)]!) : full;
      for (const [name, header] of Object.entries((get.headers ?? {}) as JsonObject)) {
        const schema = deref(header).schema as JsonObject;
        const value = response.headers[name.toLowerCase()];
        if (schema.const !== undefined || name === 'Retry-After' || name === 'Allow') {
          expect(value, `${what}: header ${name}`).toBeDefined();
          check(schema, value, `${what}: header ${name}`);
        }
      }
      if (method === 'HEAD') continue;
      const type = String(response.headers['content-type']);
      const base = (mediaType: string): string => mediaType.split(';')[0]!.trim();
      const media = Object.entries(full.content as Record<string, JsonObject>).find(
        ([described]) => base(described) === base(type),
      )?.[1];
      expect(media, `${what}: ${type} is not described for ${response.status}`).toBeDefined();
      if (type.startsWith('application/json')) check(media!.schema!, response.json, `${what}: ${response.status} body`);
    }
    // The run reached the answers that matter.
    for (const expected of [
      'POST /api/forms/{form}/submissions 201',
      'POST /api/forms/{form}/submissions 200',
      'POST /api/forms/{form}/submissions 409',
      'POST /api/forms/{form}/submissions 422',
      'POST /api/forms/{form}/submissions 413',
      'POST /api/forms/{form}/submissions 415',
      'POST /api/forms/{form}/submissions/{id}/attachments 201',
      'POST /api/forms/{form}/submissions/{id}/attachments 403',
      'GET /api/health 200',
      'GET /metrics 200',
    ]) {
      expect(statuses, expected).toContain(expected);
    }
  });
});

// The conditions in validators.js are checked as data (src/engine/condition-check.ts, decision 0038) while
// submission.js and a receiver check them with ajv's code: both must give the same verdict on every answer. Each
// keyword is tried on its own, then every condition of every example form against ajv on random answers built
// from the values the conditions name, the form's generated answers and values of every other kind.
import { describe, expect, it } from 'vitest';
import { checkable, conditionCheck } from '../../src/engine/condition-check.ts';
import { createAjv } from '../../packages/tools/src/build/ajv.ts';
import { packageSchemas } from '../../packages/tools/src/build/build.ts';
import { exampleFormIds, readExampleDefinition } from '../helpers/form-packages.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';

const ajv = createAjv({ standalone: false });
const byAjv = (schema: object) => ajv.compile(schema);

/** Both verdicts on each value. */
function compare(schema: Record<string, unknown>, values: readonly unknown[]): void {
  const ours = conditionCheck(schema);
  const theirs = byAjv(schema);
  for (const value of values)
    expect(ours(value), `${JSON.stringify(schema)} on ${JSON.stringify(value)}`).toBe(theirs(value));
}

const KINDS: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  2,
  10,
  1e9,
  '',
  'a',
  'ab',
  '😀',
  '😀😀',
  'åæø',
  [],
  ['a'],
  ['a', 'b'],
  [1, 2, 3],
  {},
  { a: 1 },
  { a: 'a', b: [1] },
];

describe('a condition checked as data, as ajv checks it', () => {
  it("gives ajv's verdict for each keyword on values of every kind", () => {
    const schemas: Array<Record<string, unknown>> = [
      { const: 'a' },
      { const: 1 },
      { const: true },
      { const: null },
      { const: ['a'] },
      { const: { a: 1 } },
      { enum: ['a', 1, null, [1, 2, 3]] },
      ...['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'].map((type) => ({ type })),
      { minimum: 1 },
      { maximum: 1 },
      { exclusiveMinimum: 1 },
      { exclusiveMaximum: 1 },
      { minLength: 2 },
      { maxLength: 1 },
      { minItems: 1 },
      { maxItems: 1 },
      { contains: { const: 'a' } },
      { contains: { enum: [1, 2] } },
      { items: { type: 'string' } },
      { properties: { a: { const: 1 } } },
      { required: ['a'] },
      { required: ['a', 'b'], properties: { a: { type: 'string' }, b: { minItems: 1 } } },
      { not: { const: 'a' } },
      { allOf: [{ minimum: 0 }, { maximum: 5 }] },
      { anyOf: [{ type: 'string' }, { minimum: 5 }] },
      { anyOf: [{ required: ['a'] }, { required: ['b'] }] },
    ];
    for (const schema of schemas) {
      expect(checkable(schema), JSON.stringify(schema)).toBe(true);
      compare(schema, KINDS);
    }
  });

  it('leaves to ajv a schema with any other keyword', () => {
    expect(checkable({ pattern: 'a' })).toBe(false);
    expect(checkable({ properties: { a: { format: 'date' } } })).toBe(false);
    expect(checkable({ anyOf: [{ const: 1 }, { $ref: '#/x' }] })).toBe(false);
    expect(checkable({ type: 'text' })).toBe(false);
  });

  it.each(exampleFormIds)("%s: every condition gives ajv's verdict on random answers", async (id) => {
    const definition = await readExampleDefinition(id);
    const conditions = packageSchemas(definition).conditions.map(({ schema }) => {
      const { $id: _id, ...rest } = schema as Record<string, unknown>;
      return rest;
    });
    // The values the conditions name, what a user might answer, and values of every other kind.
    const named = new Set<unknown>(KINDS);
    JSON.stringify(conditions, (key, value: unknown) => {
      if (key === 'const') named.add(value);
      if (key === 'enum') for (const option of value as unknown[]) named.add(option);
      return value;
    });
    const answers = Object.assign({}, ...Object.values(generatedAnswers(definition))) as Record<string, unknown>;
    for (const value of Object.values(answers)) named.add(value);
    const pool = [...named];
    for (const value of [...pool]) if (value !== undefined && !Array.isArray(value)) pool.push([value], [value, 'x']);
    let seed = 20_38;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const names = [
      ...new Set((JSON.stringify(conditions).match(/"([a-z][a-z0-9-]*)"/g) ?? []).map((m) => m.slice(1, -1))),
    ];
    for (const schema of conditions) {
      expect(checkable(schema), JSON.stringify(schema)).toBe(true);
      const samples: unknown[] = [answers, {}, ...KINDS];
      for (let i = 0; i < 300; i++) {
        const data: Record<string, unknown> = { ...answers };
        for (const name of names) if (random(3) === 0) data[name] = pool[random(pool.length)];
        samples.push(data);
      }
      compare(schema, samples);
    }
  });
});

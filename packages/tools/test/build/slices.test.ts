// The package split so that the first step needs only its own slice (decision 0038): for every example form and
// locale, the start slice and the rest are disjoint and make the whole file again; validators.js holds the first
// step's field validators and every condition, validators-later.js the other fields', and together they are all.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageSchemas } from '../../src/build/build.ts';
import { firstStepFields, LATER_WIDGET_GROUPS } from '../../../../src/engine/package-slices.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import { examplePackageFolder, exampleFormIds, readExampleDefinition } from '../../../../test/helpers/form-packages.ts';

const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

/** Every leaf as `path = value`, sorted. */
const leaves = (tree: unknown): string[] =>
  textLeaves(tree, [])
    .map(([path, value]) => `${path.join('.')} = ${JSON.stringify(value)}`)
    .sort();

describe('the package split for the first step', () => {
  it.each(exampleFormIds)('%s: each locale is its start slice and the rest, disjoint', async (id) => {
    const definition = await readExampleDefinition(id);
    const dir = await examplePackageFolder(id);
    const first = firstStepFields(definition);
    for (const locale of definition.locales) {
      const whole = await readJson(join(dir, 'locales', `${locale}.json`));
      const start = await readJson(join(dir, 'locales', 'start', `${locale}.json`));
      const later = await readJson(join(dir, 'locales', 'later', `${locale}.json`));
      const [a, b] = [leaves(start), leaves(later)];
      expect(a.filter((leaf) => b.includes(leaf)), `${locale}: in both halves`).toEqual([]);
      expect([...a, ...b].sort(), `${locale}: the halves are the whole`).toEqual(leaves(whole));
      const form = start[id] as { title?: unknown; steps?: Record<string, unknown>; fields?: Record<string, unknown> };
      expect(form.title, `${locale}: the form's title starts`).toBeDefined();
      expect(Object.keys(form.steps ?? {})).toContain(definition.steps[0]!.id);
      for (const field of Object.keys(form.fields ?? {})) expect(first.has(field), `${locale}: ${field}`).toBe(true);
      const widget = start.widget as Record<string, unknown>;
      for (const group of LATER_WIDGET_GROUPS) expect(widget[group], `${locale}: widget.${group}`).toBeUndefined();
      expect(widget.errors, `${locale}: the error messages start`).toBeDefined();
      expect(start._status, `${locale}: the review status starts`).toEqual(whole._status);
    }
  });

  it.each(exampleFormIds)("%s: validators.js has the first step's fields, validators-later.js the others", async (id) => {
    const definition = await readExampleDefinition(id);
    const dir = await examplePackageFolder(id);
    const load = (file: string) =>
      import(pathToFileURL(join(dir, file)).href) as Promise<{
        fields: Record<string, unknown>;
        conditions?: Record<string, unknown>;
        later?: boolean;
      }>;
    const [start, later, whole] = [await load('validators.js'), await load('validators-later.js'), await load('submission.js')];
    expect(start.later).toBe(true);
    const first = firstStepFields(definition);
    const startKeys = Object.keys(start.fields);
    const laterKeys = Object.keys(later.fields);
    for (const key of startKeys) expect(first.has(key), key).toBe(true);
    for (const key of laterKeys) expect(first.has(key), key).toBe(false);
    const schemas = packageSchemas(definition);
    expect([...startKeys, ...laterKeys].sort()).toEqual(schemas.fields.map((item) => item.key).sort());
    // Every condition is in the first step's module: relevance and the step count read them all.
    expect(Object.keys(start.conditions ?? {}).sort()).toEqual(schemas.conditions.map((item) => item.key).sort());
    expect(later.conditions).toBeUndefined();
    expect(whole).toHaveProperty('submission');
  });
});

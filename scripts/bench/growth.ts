// Generated forms for the growth run: N fields, ten to a step, in the kinds a real application mixes, with a
// follow-up question on every yes/no, and nb texts. Then `check` and `build` on each, timed.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFormPackage } from '../../packages/tools/src/build/build.ts';
import { checkDefinition } from '../../packages/tools/src/check/check.ts';
import type { FieldDefinition, FormDefinition, JsonSchema, StepDefinition } from '../../src/definition/types.ts';
import { localesDir } from '../../src/node/paths.ts';

export const FIELDS_PER_STEP = 10;

/** A figure, or why it could not be measured. */
export type Figure = number | `failed: ${string}`;

export interface GeneratedForm {
  definition: FormDefinition;
  texts: Record<string, unknown>;
}

const OPTIONS = ['a', 'b', 'c', 'd'];

/** A valid form definition with `fields` fields over steps of ten, and its nb texts. */
export function generateForm(fields: number): GeneratedForm {
  const properties: Record<string, JsonSchema> = {};
  const labels: Record<string, unknown> = {};
  const steps: StepDefinition[] = [];
  const stepTitles: Record<string, { title: string }> = {};
  for (let index = 0; index < fields; index++) {
    if (index % FIELDS_PER_STEP === 0) {
      const id = `steg-${steps.length + 1}`;
      steps.push({ id, fields: [] });
      stepTitles[id] = { title: `Del ${steps.length}` };
    }
    const id = `felt-${index + 1}`;
    const label = `Spørsmål ${index + 1}`;
    let field: FieldDefinition;
    switch (index % FIELDS_PER_STEP) {
      case 1:
        field = { id, kind: 'yesno' };
        properties[id] = { type: 'boolean' };
        break;
      case 2: {
        // A follow-up on the yes/no just before it, unless that one fell on the step before.
        const asked = `felt-${index}`;
        field = { id, kind: 'text', when: { required: [asked], properties: { [asked]: { const: true } } } };
        properties[id] = { type: 'string', minLength: 1, maxLength: 200 };
        break;
      }
      case 3:
        field = { id, kind: 'integer' };
        properties[id] = { type: 'integer', minimum: 0, maximum: 100 };
        break;
      case 4:
        field = { id, kind: 'radio' };
        properties[id] = { type: 'string', enum: OPTIONS };
        break;
      case 5:
        field = { id, kind: 'textarea', maxLength: 2000 };
        properties[id] = { type: 'string', minLength: 1, maxLength: 2000 };
        break;
      case 6:
        field = { id, kind: 'amount' };
        properties[id] = { type: 'number', minimum: 0, maximum: 100000000, multipleOf: 0.01 };
        break;
      case 7:
        field = { id, kind: 'date' };
        properties[id] = { type: 'string', format: 'date' };
        break;
      case 8:
        field = { id, kind: 'checkboxes' };
        properties[id] = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: OPTIONS } };
        break;
      default:
        field = { id, kind: 'text' };
        properties[id] = { type: 'string', minLength: 1, maxLength: 200 };
    }
    steps.at(-1)!.fields.push(field);
    const kindTexts = field.kind === 'radio' || field.kind === 'checkboxes';
    labels[id] = {
      label,
      ...(kindTexts ? { options: Object.fromEntries(OPTIONS.map((o) => [o, `Svar ${o.toUpperCase()}`])) } : {}),
    };
  }
  const definition: FormDefinition = {
    id: `vekst-${fields}`,
    version: '1.0.0',
    locales: ['nb'],
    answers: { type: 'object', properties },
    steps,
  };
  return { definition, texts: { title: `Skjema med ${fields} spørsmål`, steps: stepTitles, fields: labels } };
}

/** CPU time of this process (esbuild's own process, which build starts, is not in it) and wall time, in ms. */
export interface Timed {
  cpuMs: Figure;
  wallMs: Figure;
}

async function timed(work: () => unknown): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    const failed = `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` as const;
    return { cpuMs: failed, wallMs: failed };
  }
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started };
}

/**
 * Writes the form's texts beside a copy of the widget's nb texts (sourceDir), then checks and builds it into
 * outDir/<id>/. A check with findings counts as failed; so does a build that throws.
 */
export async function checkAndBuild(
  form: GeneratedForm,
  sourceDir: string,
  outDir: string,
): Promise<{ check: Timed; build: Timed; built: boolean }> {
  const nb = join(sourceDir, 'nb');
  await mkdir(nb, { recursive: true });
  await writeFile(join(nb, `${form.definition.id}.json`), JSON.stringify(form.texts));
  for (const file of ['widget.json', 'status.json', 'glossary.json'])
    await copyFile(join(localesDir, 'nb', file), join(nb, file)).catch(() => undefined);
  const check = await timed(() => {
    const findings = checkDefinition(form.definition, { nb: form.texts }, { existingLocales: ['nb'] });
    if (findings.length > 0)
      throw new Error(
        `${findings.length} finding(s), first ${findings[0]!.code} at ${findings[0]!.pointer || '/'} ${JSON.stringify(findings[0]!.params).slice(0, 200)}`,
      );
  });
  const build = await timed(() => buildFormPackage(form.definition, { outDir, localesDir: sourceDir }));
  return { check, build, built: typeof build.wallMs === 'number' };
}

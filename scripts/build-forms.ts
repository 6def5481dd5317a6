// Builds every form definition in schemas/forms/*.json into build/forms/<id>/ (definition, precompiled
// validators, locales), and build/forms/index.json: the forms by id with their nb titles, which the demo's
// form list and the browser tests read, so a new form needs no code change. `npm run build:forms`; `npm test`
// and `npm start` run it first.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFormPackage } from '../packages/tools/src/build/build.ts';
import { addFirstSteps } from '../packages/tools/src/first-step.ts';
import type { FormDefinition } from '../src/definition/types.ts';
import { packageRoot } from '../src/node/paths.ts';

const formsDir = resolve(packageRoot, 'schemas/forms');
const localesDir = resolve(packageRoot, 'locales');

/** Builds every example form into outDir/<id>/ (`npm run build` puts them in dist/forms/). */
export async function buildForms(outDir = resolve(packageRoot, 'build/forms')): Promise<void> {
  const files = (await readdir(formsDir)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`No form definitions (*.json) in ${relative(process.cwd(), formsDir)}.`);
  // Start clean so a removed or renamed form leaves no stale package behind.
  await rm(outDir, { recursive: true, force: true });
  const index: FormIndexEntry[] = [];
  for (const file of files) {
    const path = join(formsDir, file);
    let definition: FormDefinition;
    try {
      definition = JSON.parse(await readFile(path, 'utf8')) as FormDefinition;
    } catch (error) {
      throw new Error(`${relative(process.cwd(), path)} is not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const result = await buildFormPackage(definition, { outDir, localesDir });
    await addFirstSteps(result.dir);
    console.log(`built ${relative(process.cwd(), result.dir)}/ (${result.files.join(', ')})`);
    index.push({ id: definition.id, title: await nbTitle(definition.id) });
  }
  await writeFile(join(outDir, FORM_INDEX), `${JSON.stringify(index, null, 2)}\n`);
}

/** The list of built forms beside their folders: what the demo and the browser tests read. */
export const FORM_INDEX = 'index.json';
export interface FormIndexEntry {
  id: string;
  /** The form's title in nb (its `title` text), for a list of links. */
  title: string;
}

async function nbTitle(formId: string): Promise<string> {
  const texts = JSON.parse(await readFile(join(localesDir, 'nb', `${formId}.json`), 'utf8')) as { title?: unknown };
  return typeof texts.title === 'string' ? texts.title : formId;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildForms().catch((error: unknown) => {
    console.error(`build-forms: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

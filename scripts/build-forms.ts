// Builds every form definition in schemas/forms/*.json into build/forms/<id>/ (definition, precompiled
// validators, locales). `npm run build:forms`; `npm test` and `npm start` run it first.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFormPackage } from '../packages/tools/src/build/build.ts';
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
    console.log(`built ${relative(process.cwd(), result.dir)}/ (${result.files.join(', ')})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildForms().catch((error: unknown) => {
    console.error(`build-forms: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

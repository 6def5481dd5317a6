// Builds the example forms once per test file into a temporary folder (removed after the file) and loads them, as the widget would.
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { buildFormPackage } from '../../packages/tools/src/build/build.ts';
import type { FormDefinition } from '../../src/definition/types.ts';
import type { FormPackage } from '../../src/engine/form-package.ts';
import { loadFormPackage } from '../../src/node/load-package.ts';
import { packageRoot } from '../../src/node/paths.ts';

const cache = new Map<string, Promise<FormPackage>>();

/** A whole kontakt application that passes every step: video contact, no interpreter. */
export const kontaktAnswers = {
  navn: 'Ola',
  fodselsnummer: '01010000110',
  telefon: '91234567',
  tema: 'bolig',
  beskrivelse: 'Jeg mistet jobben.',
  kanal: 'video',
  tolk: false,
  samtykke: true,
};

/** Every form in schemas/forms/, read from the folder: a form dropped in there is tested without a code change. */
export const exampleFormIds: readonly string[] = readdirSync(resolve(packageRoot, 'schemas/forms'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();

export async function readExampleDefinition(id: string): Promise<FormDefinition> {
  return JSON.parse(await readFile(resolve(packageRoot, 'schemas/forms', `${id}.json`), 'utf8')) as FormDefinition;
}

const built = new Map<string, Promise<string>>();
const folders: string[] = [];
// Each test file builds its own (modules are fresh per file): removed after it, or a machine that runs the tests
// often fills /tmp with them.
try {
  afterAll(() => Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))));
} catch {
  // Imported outside a test file (a receiver test's worker thread): there is no suite to clean up after.
}

/** The example form's package folder, built once per test run into a temporary folder. */
export function examplePackageFolder(id: string): Promise<string> {
  let folder = built.get(id);
  if (!folder) {
    folder = (async () => {
      const outDir = await mkdtemp(join(tmpdir(), 'klarskjema-'));
      folders.push(outDir);
      const { dir } = await buildFormPackage(await readExampleDefinition(id), {
        outDir,
        localesDir: resolve(packageRoot, 'locales'),
      });
      return dir;
    })();
    built.set(id, folder);
  }
  return folder;
}

export function examplePackage(id: string): Promise<FormPackage> {
  let loaded = cache.get(id);
  if (!loaded) {
    loaded = examplePackageFolder(id).then(loadFormPackage);
    cache.set(id, loaded);
  }
  return loaded;
}

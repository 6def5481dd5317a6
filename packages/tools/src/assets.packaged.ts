// assets.ts in the published package (see there): the bundle lies in dist/ (and dist/chunks/), and the
// copies of the schemas, texts and formats module lie in the package folder above it.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'schemas/form.schema.json'))) return folder;
    folder = dirname(folder);
  }
  throw new Error('@klarskjema/tools: its schemas/ folder is missing; reinstall the package.');
}

const packageFolder = findPackageFolder();

export const schemasDir = resolve(packageFolder, 'schemas');
export const localesDir = resolve(packageFolder, 'locales');
export const formatsModule = resolve(packageFolder, 'dist/formats.js');
export const rulesModule = resolve(packageFolder, 'dist/rules.js');
export const submissionCheckModule = resolve(packageFolder, 'dist/submission-check.js');
export const conditionCheckModule = resolve(packageFolder, 'dist/condition-check.js');

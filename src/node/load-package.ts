// Loads a built form package in Node (the server side validates with the same precompiled code).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormDefinition } from '../definition/types.ts';
import { PACKAGE_FILES, type FormPackage, type FormValidators } from '../engine/form-package.ts';
import type { TextVersions } from '../engine/text-version.ts';

export async function loadFormPackage(dir: string): Promise<FormPackage> {
  const definition = JSON.parse(await readFile(join(dir, PACKAGE_FILES.definition), 'utf8')) as FormDefinition;
  const validators = (await import(pathToFileURL(join(dir, PACKAGE_FILES.validators)).href)) as FormValidators & {
    textVersions?: TextVersions;
  };
  return {
    definition,
    validators: {
      fields: validators.fields,
      conditions: validators.conditions,
      submission: validators.submission,
      rules: validators.rules,
    },
    ...(validators.textVersions ? { textVersions: validators.textVersions } : {}),
  };
}

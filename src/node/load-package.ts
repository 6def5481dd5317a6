// Loads a built form package in Node (the server side validates with the same precompiled code).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormDefinition } from '../definition/types.ts';
import { PACKAGE_FILES, type FormPackage, type FormValidators } from '../engine/form-package.ts';
import type { TextVersions } from '../engine/text-version.ts';

export async function loadFormPackage(dir: string): Promise<FormPackage> {
  const definition = JSON.parse(await readFile(join(dir, PACKAGE_FILES.definition), 'utf8')) as FormDefinition;
  const moduleAt = (file: string): Promise<unknown> => import(pathToFileURL(join(dir, file)).href);
  const [validators, { submission }] = (await Promise.all([
    moduleAt(PACKAGE_FILES.validators),
    moduleAt(PACKAGE_FILES.submission),
  ])) as [Omit<FormValidators, 'submission'> & { textVersions?: TextVersions }, Pick<FormValidators, 'submission'>];
  return {
    definition,
    validators: {
      fields: validators.fields,
      conditions: validators.conditions,
      submission: submission,
      rules: validators.rules,
    },
    ...(validators.textVersions ? { textVersions: validators.textVersions } : {}),
  };
}

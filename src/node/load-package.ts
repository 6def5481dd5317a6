// Loads a built form package in Node (the server side validates with the same precompiled code).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormDefinition } from '../definition/types.ts';
import { PACKAGE_FILES, TEXT_VERSIONS_KEY, type FormPackage, type FormValidators } from '../engine/form-package.ts';
import type { TextVersions } from '../engine/text-version.ts';
import { LATER_VALIDATORS } from '../engine/package-slices.ts';

/** Each locale file's text versions (decision 0036), by locale. */
async function localeTextVersions(dir: string): Promise<TextVersions> {
  const versions: TextVersions = {};
  const files = await readdir(join(dir, 'locales')).catch(() => [] as string[]);
  for (const file of files.filter((name) => /^[a-z]{2,3}\.json$/.test(name)).sort()) {
    const own = (JSON.parse(await readFile(join(dir, 'locales', file), 'utf8')) as Record<string, unknown>)[
      TEXT_VERSIONS_KEY
    ];
    if (own) versions[file.slice(0, -'.json'.length)] = own as TextVersions[string];
  }
  return versions;
}

export async function loadFormPackage(dir: string): Promise<FormPackage> {
  const definition = JSON.parse(await readFile(join(dir, PACKAGE_FILES.definition), 'utf8')) as FormDefinition;
  const moduleAt = (file: string): Promise<unknown> => import(pathToFileURL(join(dir, file)).href);
  const [validators, { submission }] = (await Promise.all([
    moduleAt(PACKAGE_FILES.validators),
    moduleAt(PACKAGE_FILES.submission),
  ])) as [
    Omit<FormValidators, 'submission'> & { textVersions?: TextVersions; later?: boolean },
    Pick<FormValidators, 'submission'>,
  ];
  // Node needs every step at once: the other steps' field validators too (decision 0038).
  const later = validators.later ? ((await moduleAt(LATER_VALIDATORS)) as Pick<FormValidators, 'fields'>) : null;
  // A package built before 0.2.0 exports them all from validators.js.
  const textVersions = validators.textVersions ?? (await localeTextVersions(dir));
  return {
    definition,
    validators: {
      fields: { ...validators.fields, ...later?.fields },
      conditions: validators.conditions,
      submission: submission,
      rules: validators.rules,
    },
    ...(Object.keys(textVersions).length > 0 ? { textVersions } : {}),
  };
}

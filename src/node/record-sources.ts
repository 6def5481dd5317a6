// What the caseworker's record is made from, read from a built form package folder: the package
// (definition, validators, text versions) and its locale files (locales/<lng>.json).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordSources } from '../record/model.ts';
import type { PackageLocale } from '../record/texts.ts';
import { loadFormPackage } from './load-package.ts';

export async function loadRecordSources(dir: string): Promise<RecordSources> {
  const formPackage = await loadFormPackage(dir);
  const locales: Record<string, PackageLocale> = {};
  const files = await readdir(join(dir, 'locales')).catch(() => [] as string[]);
  for (const file of files.filter((name) => /^[a-z]{2,3}\.json$/.test(name)).sort())
    locales[file.slice(0, -'.json'.length)] = JSON.parse(
      await readFile(join(dir, 'locales', file), 'utf8'),
    ) as PackageLocale;
  return { ...formPackage, locales };
}

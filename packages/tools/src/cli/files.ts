// The form files named on the command line, shared by check, build and lint.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { displayPath } from '../check/file.ts';
import { UsageError } from './args.ts';

/**
 * A folder means every *.json file directly in it, sorted; a glob (forms/*.json, "schemas/**\/*.json", quoted so
 * the shell leaves it) every file it matches, sorted; a file is taken as it is.
 */
export async function formFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const info = await stat(full).catch(() => undefined);
    if (!info && isDynamicPattern(path)) {
      files.push(...(await matching(path, cwd)));
      continue;
    }
    if (!info?.isDirectory()) {
      files.push(full);
      continue;
    }
    const entries = await readdir(full, { withFileTypes: true });
    const forms = entries
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => join(full, e.name))
      .sort();
    if (forms.length === 0) throw new UsageError('noForms', { dir: displayPath(full, cwd) });
    files.push(...forms);
  }
  return files;
}

/** The files a glob matches, sorted; none is a usage mistake. */
export async function matching(pattern: string, cwd: string): Promise<string[]> {
  const found = (await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })).sort();
  if (found.length === 0) throw new UsageError('noMatch', { pattern });
  return found;
}

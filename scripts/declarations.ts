// tsc keeps our `.ts` import specifiers in the declarations it emits (we import with extensions and run
// the source through tsx and esbuild). A consumer's TypeScript reads a published `.d.ts` that imports
// './x.ts' only with allowImportingTsExtensions, so the published declarations import './x.js', which
// TypeScript maps to './x.d.ts' in every module resolution mode.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const RELATIVE_TS = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/g;

/** Rewrites every relative `.ts` specifier under dir (recursively) to `.js`. Returns the files changed. */
export async function rewriteDeclarationImports(dir: string): Promise<number> {
  let changed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    const rewritten = text.replace(RELATIVE_TS, '$1$2.js$3');
    if (rewritten !== text) {
      await writeFile(file, rewritten);
      changed++;
    }
  }
  return changed;
}

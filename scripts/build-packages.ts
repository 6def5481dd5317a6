// `npm run build:packages`: what @klarskjema/tools and @klarskjema/receiver publish (docs/decisions/0016-packages.md).
// Each is bundled with esbuild into its dist/: its own code and the engine modules it imports from the root's
// src/ become plain JavaScript, and every npm dependency (ajv, esbuild, better-sqlite3, pg, …) stays an import
// of the package's own dependencies. Type declarations come from tsc, with their `.ts` imports made `.js`.
//   packages/tools/dist/{cli,index,formats}.js, index.d.ts, types/   + schemas/ and locales/<lng>/cli.json
//   packages/receiver/dist/{main,index}.js, validation-worker.mjs, index.d.ts, types/
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/node/paths.ts';
import { rewriteDeclarationImports } from './declarations.ts';

export const toolsDir = resolve(packageRoot, 'packages/tools');
export const receiverDir = resolve(packageRoot, 'packages/receiver');

/** In the bundle, assets.ts (the repository's folders) becomes assets.packaged.ts (the copies in the package). */
const packagedAssets: Plugin = {
  name: 'packaged-assets',
  setup(builder) {
    builder.onResolve({ filter: /\/assets\.ts$/ }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      return file === join(toolsDir, 'src/assets.ts') ? { path: join(toolsDir, 'src/assets.packaged.ts') } : undefined;
    });
  },
};

const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  splitting: true,
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: packageRoot,
  chunkNames: 'chunks/[name]-[hash]',
} as const;

/** tsc's declarations of one entry, under dist/types/, and dist/index.d.ts that re-exports them. */
async function declarations(packageDir: string, entry: string, ambient: string[] = []): Promise<void> {
  const outDir = join(packageDir, 'dist/types');
  const tsconfig = join(packageDir, 'dist/tsconfig.types.json');
  await writeFile(
    tsconfig,
    JSON.stringify(
      {
        extends: relative(join(packageDir, 'dist'), join(packageRoot, 'tsconfig.json')),
        compilerOptions: {
          noEmit: false,
          declaration: true,
          emitDeclarationOnly: true,
          declarationDir: relative(join(packageDir, 'dist'), outDir),
          rootDir: relative(join(packageDir, 'dist'), packageRoot),
          types: ['node'],
        },
        include: [],
        files: [entry, ...ambient].map((file) => relative(join(packageDir, 'dist'), join(packageDir, file))),
      },
      null,
      2,
    ),
  );
  const tsc = join(packageRoot, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', tsconfig], { cwd: packageRoot, stdio: 'inherit' });
  await rm(tsconfig);
  if (result.status !== 0) throw new Error(`tsc (declarations of ${relative(packageRoot, packageDir)}) failed`);
  await rewriteDeclarationImports(outDir);
  const entryTypes = `./types/${relative(packageRoot, join(packageDir, entry)).replace(/\.ts$/, '.js')}`;
  await writeFile(join(packageDir, 'dist/index.d.ts'), `export * from '${entryTypes}';\n`);
}

export async function buildTools(): Promise<void> {
  const dist = join(toolsDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  await build({
    ...nodeBundle,
    outdir: dist,
    plugins: [packagedAssets],
    entryPoints: { cli: join(toolsDir, 'src/cli/main.ts'), index: join(toolsDir, 'src/index.ts') },
  });
  // What every built validators.js bundles in: one small ES module with no imports.
  await build({
    entryPoints: [resolve(packageRoot, 'src/validation/formats.ts')],
    outfile: join(dist, 'formats.js'),
    bundle: true,
    platform: 'neutral',
    // NAV's fødselsnummer check (@navikt/fnrvalidator) names its code in "main" only.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The evaluator and item rules a form with expressions bundles into its validators.js (decision 0021).
  await build({
    entryPoints: [resolve(packageRoot, 'src/engine/package-rules.ts')],
    outfile: join(dist, 'rules.js'),
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The whole-submission check every submission.js bundles in (decision 0036).
  await build({
    entryPoints: [resolve(packageRoot, 'src/engine/submission-check.ts')],
    outfile: join(dist, 'submission-check.js'),
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The check of conditions as data every validators.js bundles in (decision 0038).
  await build({
    entryPoints: [resolve(packageRoot, 'src/engine/condition-check.ts')],
    outfile: join(dist, 'condition-check.js'),
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The meta-schema and the shared answer schemas (not the example forms), and the command's texts.
  await rm(join(toolsDir, 'schemas'), { recursive: true, force: true });
  await mkdir(join(toolsDir, 'schemas'), { recursive: true });
  await cp(resolve(packageRoot, 'schemas/form.schema.json'), join(toolsDir, 'schemas/form.schema.json'));
  await cp(resolve(packageRoot, 'schemas/answers'), join(toolsDir, 'schemas/answers'), { recursive: true });
  await rm(join(toolsDir, 'locales'), { recursive: true, force: true });
  for (const locale of await readdir(resolve(packageRoot, 'locales'))) {
    const texts = resolve(packageRoot, 'locales', locale, 'cli.json');
    if (existsSync(texts)) await cp(texts, join(toolsDir, 'locales', locale, 'cli.json'));
  }
  await declarations(toolsDir, 'src/index.ts');
}

export async function buildReceiver(): Promise<void> {
  const dist = join(receiverDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  // The worker is its own entry with the name the pool asks for (validation-worker.mjs beside the code that
  // starts it); in the repository that name is a small file that runs the TypeScript source through tsx.
  await build({
    ...nodeBundle,
    outdir: dist,
    outExtension: { '.js': '.js' },
    entryPoints: { main: join(receiverDir, 'src/main.ts'), index: join(receiverDir, 'src/index.ts') },
  });
  await build({
    ...nodeBundle,
    splitting: false,
    outfile: join(dist, 'validation-worker.mjs'),
    entryPoints: [join(receiverDir, 'src/validation-worker.ts')],
  });
  // better-sqlite3 ships no types; ours (src/better-sqlite3.d.ts) cover what the store uses.
  await declarations(receiverDir, 'src/index.ts', ['src/better-sqlite3.d.ts']);
}

export async function buildPackages(): Promise<string[]> {
  await buildTools();
  await buildReceiver();
  return [join(toolsDir, 'dist'), join(receiverDir, 'dist')].map((dir) => relative(process.cwd(), dir));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildPackages().then(
    (written) => console.log(`build:packages: wrote ${written.join(', ')}`),
    (error: unknown) => {
      console.error(`build:packages: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

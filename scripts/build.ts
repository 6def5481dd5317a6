// `npm run build`: the publishable package in dist/ (package.json "exports", "types" and
// "customElements" point here):
//   dist/klarskjema.js            the widget's entry: a tiny ES module that loads the widget and registers <klar-skjema>
//   dist/chunks/                  the widget's code, split so the first step needs the least (docs/decisions/0012-lazy-chunks.md);
//                                 lit and xstate stay bare imports for the host's bundler (docs/decisions/0015-builds.md)
//   cdn/klarskjema.js, cdn/chunks/  the standalone build: everything bundled, for a page's one script tag
//   dist/klarskjema.d.ts          its types (the rest of the declarations under dist/types/)
//   dist/custom-elements.json     the Custom Elements Manifest, for editors and docs tools
//   dist/forms/<id>/              the example forms' packages (definition, validators, locales)
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/node/paths.ts';
import { buildForms } from './build-forms.ts';
import { buildWidget } from './build-widget.ts';
import { customElementsManifest } from './custom-elements-manifest.ts';
import { rewriteDeclarationImports } from './declarations.ts';

export const distDir = resolve(packageRoot, 'dist');
export const cdnDir = resolve(packageRoot, 'cdn');

function tscBin(): string {
  return join(packageRoot, 'node_modules/typescript/bin/tsc');
}

/** Declarations of components/klar-skjema/define.ts and what it imports, then one entry file beside the bundle. */
async function buildTypes(): Promise<void> {
  const result = spawnSync(process.execPath, [tscBin(), '-p', 'tsconfig.build.json'], {
    cwd: packageRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`tsc -p tsconfig.build.json failed (exit ${result.status ?? result.signal})`);
  await readFile(join(distDir, 'types/components/klar-skjema/define.d.ts'), 'utf8'); // fails loudly if tsc moved it
  await rewriteDeclarationImports(join(distDir, 'types'));
  await writeFile(
    join(distDir, 'klarskjema.d.ts'),
    [
      '// Types of dist/klarskjema.js: the KlarSkjema element, its events (typed on every element and on document),',
      "// and HTMLElementTagNameMap['klar-skjema'].",
      "export * from './types/components/klar-skjema/define.js';",
      '',
    ].join('\n'),
  );
}

export async function buildPackage(): Promise<string[]> {
  await Promise.all([distDir, cdnDir].map((dir) => rm(dir, { recursive: true, force: true })));
  await mkdir(distDir, { recursive: true });
  await buildWidget(distDir, 'npm');
  await buildWidget(cdnDir, 'standalone');
  await buildForms(join(distDir, 'forms'));
  await buildTypes();
  await writeFile(
    join(distDir, 'custom-elements.json'),
    `${JSON.stringify(await customElementsManifest(), null, 2)}\n`,
  );
  return [
    ...['klarskjema.js', 'chunks/', 'klarskjema.d.ts', 'types/', 'custom-elements.json', 'forms/'].map((name) =>
      join(distDir, name),
    ),
    join(cdnDir, 'klarskjema.js'),
    join(cdnDir, 'chunks/'),
  ].map((path) => relative(process.cwd(), path));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildPackage().then(
    (written) => console.log(`build: wrote ${written.join(', ')}`),
    (error: unknown) => {
      console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

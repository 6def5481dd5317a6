// Bundles the widget into minified ES modules (docs/decisions/0012-lazy-chunks.md):
//   klarskjema.js              the entry: a tiny loader with no static imports (components/klar-skjema/loader.ts)
//   chunks/define-<hash>.js    the widget's main chunk, and chunks/chunk-<hash>.js the code it shares with…
//   chunks/late-<hash>.js      …the late parts (review, receipt, help, privacy, sending), loaded with import()
// Two flavours, split the same way (docs/decisions/0015-builds.md):
//   'npm'         dist/: lit and xstate stay bare imports, so a bundling host has one copy of each
//                 (one Lit, one "lit-html" Trusted Types policy).
//   'standalone'  cdn/ and build/widget/ (the demo, the embedding tests' one-script-tag pages): everything bundled,
//                 its Lit's Trusted Types policy renamed to "klarskjema" (scripts/trusted-types-policy.ts).
// `npm run build` writes both; `tsx scripts/build-widget.ts` writes the standalone flavour to build/widget/.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../src/node/paths.ts';
import { minifyLitCssPlugin } from './minify-lit-css.ts';
import { litPolicyRenamePlugin, STANDALONE_POLICY } from './trusted-types-policy.ts';

/** The entry file's name in the output folder. */
export const WIDGET_ENTRY = 'klarskjema.js';
export const LATE_SOURCE = 'components/klar-skjema/late.ts';
/** In components/klar-skjema/late-loader.ts: replaced with the late chunk's path, for retries after a failed load. */
const LATE_MARKER = '__KLAR_LATE_CHUNK__';
/** In components/klar-skjema/loader.ts: replaced with the paths of the chunks the main chunk imports, to preload. */
const CHUNKS_MARKER = '__KLAR_CHUNKS__';

/** The chunks the main chunk imports statically, as paths from the entry (the loader preloads them beside it). */
function mainChunkImports(metafile: Metafile): string[] {
  const outputs = Object.entries(metafile.outputs);
  const entry = outputs.find(([, output]) => output.entryPoint?.endsWith('components/klar-skjema/loader.ts'));
  const main = entry?.[1].imports.find((imported) => imported.kind === 'dynamic-import');
  const chunk = main && metafile.outputs[main.path];
  if (!entry || !main || !chunk) throw new Error("no main chunk imported by the widget's entry");
  const from = dirname(resolve(packageRoot, entry[0]));
  return chunk.imports
    .filter((imported) => imported.kind === 'import-statement' && !imported.external)
    .map((imported) => relative(from, resolve(packageRoot, imported.path)))
    .map((path) => (path.startsWith('.') ? path : `./${path}`));
}

/** The widget's esbuild options (without outdir); `npm run size` rebuilds with them to say where the bytes go. */
export const widgetBuildOptions = {
  entryPoints: { klarskjema: resolve(packageRoot, 'components/klar-skjema/loader.ts') },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  absWorkingDir: packageRoot,
  sourcemap: false,
  logLevel: 'warning',
  plugins: [minifyLitCssPlugin],
} satisfies BuildOptions;

export type WidgetFlavour = 'npm' | 'standalone';

/** What the npm flavour leaves to the host's bundler: the widget's "dependencies", and their subpaths. */
export const SHARED_LIBRARIES = ['lit', 'xstate'] as const;
export const sharedExternal = (names: readonly string[] = SHARED_LIBRARIES): string[] =>
  names.flatMap((name) => [name, `${name}/*`]);

function flavourOptions(flavour: WidgetFlavour, options: Partial<BuildOptions>): BuildOptions {
  if (flavour === 'npm')
    return { ...widgetBuildOptions, ...options, external: [...sharedExternal(), ...(options.external ?? [])] };
  return {
    ...widgetBuildOptions,
    ...options,
    plugins: [...widgetBuildOptions.plugins, litPolicyRenamePlugin, ...(options.plugins ?? [])],
  };
}

const LIT_HTML_INPUT = /node_modules\/lit-html\/(?:development\/)?lit-html\.js$/;

/** Fails the build when a flavour is not what it says: a bundled library in npm, a "lit-html" policy in standalone. */
function checkFlavour(flavour: WidgetFlavour, files: WidgetOutput[], metafile: Metafile): void {
  const texts = files
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => new TextDecoder().decode(file.contents));
  if (flavour === 'npm') {
    const bundled = Object.keys(metafile.inputs).filter(
      (path) =>
        SHARED_LIBRARIES.some((name) => path.includes(`node_modules/${name}/`)) ||
        /node_modules\/(?:lit-html|lit-element|@lit)\//.test(path),
    );
    if (bundled.length > 0)
      throw new Error(`npm build: shared libraries bundled instead of imported: ${bundled.join(', ')}`);
    const external = Object.values(metafile.outputs).flatMap((output) =>
      output.imports.filter((imported) => imported.external).map((imported) => imported.path),
    );
    const unknown = external.filter(
      (path) => !SHARED_LIBRARIES.some((name) => path === name || path.startsWith(`${name}/`)),
    );
    if (unknown.length > 0)
      throw new Error(`npm build: bare imports of packages that are not dependencies: ${unknown.join(', ')}`);
    return;
  }
  if (texts.some((text) => /createPolicy\(["']lit-html["']/.test(text)))
    throw new Error(`standalone build: a "lit-html" Trusted Types policy is left in the output`);
  const litBundled = Object.keys(metafile.inputs).some((path) => LIT_HTML_INPUT.test(path));
  const renamed = texts.filter(
    (text) =>
      text.includes(`createPolicy("${STANDALONE_POLICY}"`) || text.includes(`createPolicy('${STANDALONE_POLICY}'`),
  ).length;
  if (litBundled && renamed !== 1)
    throw new Error(
      `standalone build: expected the "${STANDALONE_POLICY}" policy in one chunk, found it in ${renamed}`,
    );
}

export interface WidgetOutput {
  path: string;
  contents: Uint8Array;
}

/** Builds in memory: every output file, with the late chunk's path written into the chunk that loads it. */
export async function bundleWidget(
  outdir: string,
  options: Partial<BuildOptions> = {},
  flavour: WidgetFlavour = 'standalone',
): Promise<{ files: WidgetOutput[]; metafile: Metafile }> {
  const result = await build({ ...flavourOptions(flavour, options), outdir, write: false, metafile: true });
  const late = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === LATE_SOURCE);
  const files: WidgetOutput[] = result.outputFiles.map((file) => ({ path: file.path, contents: file.contents }));
  // Only the standalone build knows where its chunks will be: a host that bundles the npm build makes its own,
  // so there the marker stays and the loader preloads no chunks (the form package's files still).
  const chunks = flavour === 'standalone' ? mainChunkImports(result.metafile).join(',') : null;
  let marked = 0;
  for (const file of files) {
    const text = new TextDecoder().decode(file.contents);
    if (chunks !== null && text.includes(CHUNKS_MARKER))
      file.contents = new TextEncoder().encode(text.replaceAll(CHUNKS_MARKER, chunks));
    if (!text.includes(LATE_MARKER)) continue;
    if (!late) throw new Error(`no output chunk for ${LATE_SOURCE}`);
    const path = relative(dirname(file.path), resolve(packageRoot, late[0]));
    file.contents = new TextEncoder().encode(text.replaceAll(LATE_MARKER, path.startsWith('.') ? path : `./${path}`));
    marked++;
  }
  if (late && marked !== 1) throw new Error(`expected the late chunk's marker in one chunk, found it in ${marked}`);
  checkFlavour(flavour, files, result.metafile);
  return { files, metafile: result.metafile };
}

/** Writes the widget to outdir, after removing the chunks of earlier builds. */
export async function buildWidget(
  outdir = resolve(packageRoot, 'build/widget'),
  flavour: WidgetFlavour = 'standalone',
): Promise<string> {
  const { files } = await bundleWidget(outdir, {}, flavour);
  await rm(join(outdir, 'chunks'), { recursive: true, force: true });
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
  return join(outdir, WIDGET_ENTRY);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildWidget();
  console.log(`Widget: ${out}`);
}

// Bundles the widget into minified ES modules (docs/decisions/0012-lazy-chunks.md):
//   klarskjema.js              the entry: a tiny loader with no static imports (components/klar-skjema/loader.ts)
//   chunks/define-<hash>.js    the widget's main chunk, with the code it shares with…
//   chunks/late-<hash>.js      …the late parts (review, receipt, help, privacy, sending), loaded with import()
// esbuild puts what both use in a chunk of its own; that chunk always loads with the main chunk, so it is merged
// into it (one compression window and one file less: mergeSharedChunks).
// Two flavours, split the same way (docs/decisions/0015-builds.md):
//   'npm'         dist/: lit and xstate stay bare imports, so a bundling host has one copy of each
//                 (one Lit, one "lit-html" Trusted Types policy).
//   'standalone'  cdn/ and build/widget/ (the demo, the embedding tests' one-script-tag pages): everything bundled,
//                 its Lit's Trusted Types policy renamed to "klarskjema" (scripts/trusted-types-policy.ts).
// `npm run build` writes both; `tsx scripts/build-widget.ts` writes the standalone flavour to build/widget/.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../src/node/paths.ts';
import { minifyLitCssPlugin } from './minify-lit-css.ts';
import { litPolicyRenamePlugin, STANDALONE_POLICY } from './trusted-types-policy.ts';

/** The entry file's name in the output folder. */
export const WIDGET_ENTRY = 'klarskjema.js';
export const LATE_SOURCE = 'components/klar-skjema/late.ts';
/** In components/klar-skjema/late-loader.ts: replaced with the late chunk's path, for retries after a failed load. */
const LATE_MARKER = '__KLAR_LATE_CHUNK__';
/** In components/klar-skjema/loader.ts: replaced with the paths of the main chunk and the chunks it imports, to preload. */
const CHUNKS_MARKER = '__KLAR_CHUNKS__';
/** In components/klar-skjema/loader.ts: replaced with the path of the chunk with the element's CSS (decision 0044). */
const STYLES_MARKER = '__KLAR_STYLES__';
const STYLES_SOURCE = 'components/klar-skjema/widget-styles.ts';

/** The main chunk and the chunks it imports statically, as paths from the entry (the loader preloads them). */
function mainChunkImports(metafile: Metafile): string[] {
  const outputs = Object.entries(metafile.outputs);
  const entry = outputs.find(([, output]) => output.entryPoint?.endsWith('components/klar-skjema/loader.ts'));
  const main = entry?.[1].imports.find((imported) => imported.kind === 'dynamic-import');
  const chunk = main && metafile.outputs[main.path];
  if (!entry || !main || !chunk) throw new Error("no main chunk imported by the widget's entry");
  const from = dirname(resolve(packageRoot, entry[0]));
  // The main chunk too: the loader may draw the first step before it imports it (decision 0044).
  return [main, ...chunk.imports.filter((imported) => imported.kind === 'import-statement' && !imported.external)]
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

const MAIN_SOURCE = 'components/klar-skjema/define.ts';

/**
 * esbuild's shared chunks hold what the main chunk and the late chunk both use. The late chunk is only ever
 * imported after the main chunk has run, so its shared chunks always load with the main chunk: they are bundled
 * into it (a second esbuild pass over the output, which renames what clashes), the main chunk exports what they
 * exported, and the late chunk imports that from the main chunk. Saves about 1 KB gzip of the initial JavaScript
 * (two compression windows, the import and export lists; docs/decisions/0019-widget-weight.md). The metafile is
 * changed to match, so `npm run size` and the loader's preloads see the merged chunk.
 */
async function mergeSharedChunks(files: WidgetOutput[], metafile: Metafile): Promise<void> {
  const outputs = metafile.outputs;
  const main = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === MAIN_SOURCE);
  const late = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === LATE_SOURCE);
  if (!main || !late) throw new Error('no main chunk or no late chunk among the outputs');
  const shared = outputs[main]!.imports.filter(
    (imported) => imported.kind === 'import-statement' && !imported.external,
  );
  if (shared.length === 0) return;
  const sharedPaths = shared.map((imported) => imported.path);
  for (const [path, output] of Object.entries(outputs))
    if (path !== main && path !== late && output.imports.some((imported) => sharedPaths.includes(imported.path)))
      throw new Error(`${path} imports a shared chunk, so it cannot be merged into the main chunk`);
  const fileOf = (path: string): WidgetOutput => {
    const file = files.find((candidate) => candidate.path === resolve(packageRoot, path));
    if (!file) throw new Error(`no output file ${path}`);
    return file;
  };
  const inMemory = new Map([main, ...sharedPaths].map((path) => [resolve(packageRoot, path), fileOf(path)]));
  const merged = await build({
    stdin: {
      contents: [...sharedPaths, main]
        .map((path) => `export * from ${JSON.stringify(`./${basename(path)}`)};`)
        .join(''),
      resolveDir: dirname(resolve(packageRoot, main)),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    target: widgetBuildOptions.target,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'klarskjema-merge-chunks',
        setup(pass) {
          // The chunks come from memory; the late chunk and (npm) lit and xstate stay imports.
          pass.onResolve({ filter: /.*/ }, (args) => {
            const path = args.path.startsWith('.') ? resolve(args.resolveDir, args.path) : args.path;
            return inMemory.has(path) ? { path, namespace: 'chunk' } : { path: args.path, external: true };
          });
          pass.onLoad({ filter: /.*/, namespace: 'chunk' }, (args) => ({
            contents: inMemory.get(args.path)!.contents,
            resolveDir: dirname(args.path),
            loader: 'js',
          }));
        },
      },
    ],
  });
  const mainFile = fileOf(main);
  let mainText = new TextDecoder().decode(merged.outputFiles[0]!.contents);
  const lateFile = fileOf(late);
  let lateText = new TextDecoder().decode(lateFile.contents);
  for (const path of sharedPaths)
    lateText = lateText.replaceAll(JSON.stringify(`./${basename(path)}`), JSON.stringify(`./${basename(main)}`));
  lateFile.contents = new TextEncoder().encode(lateText);
  // The late chunk now names the main chunk, whose name changes with code the late chunk's name did not cover:
  // it is named again from its content, so a cached late chunk never asks for a main chunk that is gone. (The
  // main chunk's name already changes with the late chunk's code, which esbuild counted in.)
  const lateName = basename(late).replace(/-\w+\.js$/, `-${contentHash(lateFile.contents)}.js`);
  const renamedLate = join(dirname(late), lateName);
  lateFile.path = resolve(packageRoot, renamedLate);
  mainText = mainText.replaceAll(JSON.stringify(`./${basename(late)}`), JSON.stringify(`./${lateName}`));
  mainFile.contents = new TextEncoder().encode(mainText);
  files.splice(
    0,
    files.length,
    ...files.filter((file) => !sharedPaths.some((path) => file.path === resolve(packageRoot, path))),
  );
  // The metafile as if esbuild had made one main chunk (inputs' bytes as in the first pass).
  const mainOutput = outputs[main]!;
  for (const path of sharedPaths) {
    const sharedOutput = outputs[path]!;
    Object.assign(mainOutput.inputs, sharedOutput.inputs);
    mainOutput.imports.push(...sharedOutput.imports);
    delete outputs[path];
  }
  mainOutput.imports = mainOutput.imports.filter((imported) => !sharedPaths.includes(imported.path));
  mainOutput.bytes = mainFile.contents.byteLength;
  mainOutput.imports = mainOutput.imports.map((imported) =>
    imported.path === late ? { ...imported, path: renamedLate } : imported,
  );
  const lateOutput = outputs[late]!;
  delete outputs[late];
  outputs[renamedLate] = {
    ...lateOutput,
    imports: lateOutput.imports.map((imported) =>
      sharedPaths.includes(imported.path) ? { ...imported, path: main } : imported,
    ),
    bytes: lateFile.contents.byteLength,
  };
}

/** Eight characters of the content's SHA-256, in esbuild's alphabet for chunk names. */
const contentHash = (contents: Uint8Array): string => {
  const digest = createHash('sha256').update(contents).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from(digest.subarray(0, 8), (byte) => alphabet[byte % 32]).join('');
};

/** Builds in memory: every output file, with the late chunk's path written into the chunk that loads it. */
export async function bundleWidget(
  outdir: string,
  options: Partial<BuildOptions> = {},
  flavour: WidgetFlavour = 'standalone',
): Promise<{ files: WidgetOutput[]; metafile: Metafile }> {
  const result = await build({ ...flavourOptions(flavour, options), outdir, write: false, metafile: true });
  const files: WidgetOutput[] = result.outputFiles.map((file) => ({ path: file.path, contents: file.contents }));
  await mergeSharedChunks(files, result.metafile);
  const late = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === LATE_SOURCE);
  // Only the standalone build knows where its chunks will be: a host that bundles the npm build makes its own,
  // so there the marker stays and the loader preloads no chunks (the form package's files still).
  const chunks = flavour === 'standalone' ? mainChunkImports(result.metafile).join(',') : null;
  let marked = 0;
  for (const file of files) {
    const text = new TextDecoder().decode(file.contents);
    // With no chunk beside the main one the marker stays, and the loader preloads none.
    if (chunks && text.includes(CHUNKS_MARKER))
      file.contents = new TextEncoder().encode(text.replaceAll(CHUNKS_MARKER, chunks));
    if (flavour === 'standalone' && text.includes(STYLES_MARKER)) {
      const styles = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === STYLES_SOURCE);
      if (!styles) throw new Error(`no output chunk for ${STYLES_SOURCE}`);
      const path = relative(dirname(file.path), resolve(packageRoot, styles[0]));
      const current = new TextDecoder().decode(file.contents);
      file.contents = new TextEncoder().encode(
        current.replaceAll(STYLES_MARKER, path.startsWith('.') ? path : `./${path}`),
      );
    }
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

// `npm run size` (after `npm run build`): the compressed size of what a user downloads, and the widget's
// budget (design principle 9): its initial JavaScript (the entry, the main chunk and every chunk they import
// statically, each gzipped, summed) at most 45 KB gzip, which is the aim (issue 20). Exit code 1 above the budget. The budget
// ratchets: when the widget gets lighter, lower it to the new size plus about 0.5 KB
// (docs/decisions/0019-widget-weight.md). The lazy chunks are listed apart (docs/decisions/0012-lazy-chunks.md). Measured on the standalone build (cdn/: what a
// one-script-tag page downloads, the libraries included); the npm build's own bytes (dist/, without lit and
// xstate, which a bundling host shares) are printed apart (docs/decisions/0015-builds.md).
// Prints, per form package, what the first step loads: form.json + validators.js + the start slice of nb's
// texts, and what comes after it (decision 0038). Then where the widget's bytes go, from esbuild's metafile. 1 KB = 1024 bytes.
import type { Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { packageRoot } from '../src/node/paths.ts';
import { bundleWidget, WIDGET_ENTRY, type WidgetFlavour } from './build-widget.ts';
import { LATER_VALIDATORS } from '../src/engine/package-slices.ts';

export const WIDGET_BUDGET_BYTES = 45 * 1024;
export const WIDGET_AIM_BYTES = 45 * 1024;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export function sizesOf(content: Uint8Array): Sizes {
  return {
    raw: content.byteLength,
    gzip: gzipSync(content, { level: 9 }).byteLength,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name: string, sizes: Sizes): string =>
  `${name.padEnd(38)} ${kb(sizes.raw).padStart(9)} raw ${kb(sizes.gzip).padStart(9)} gzip ${kb(sizes.brotli).padStart(9)} brotli`;

/** The widget's output files, split into what must load before the first step can be used and what loads later. */
export interface WidgetFiles {
  initial: string[];
  lazy: string[];
}

/**
 * Initial: the entry, the chunks its loader awaits (its dynamic imports: the loader imports the main chunk at
 * top level), and every chunk those import statically. Lazy: every other chunk (loaded with import() later).
 * Paths are relative to packageRoot, as in esbuild's metafile.
 */
export function initialAndLazy(metafile: Metafile): WidgetFiles {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => path.endsWith(`/${WIDGET_ENTRY}`));
  if (!entry) throw new Error(`no ${WIDGET_ENTRY} among the outputs`);
  const initial = new Set<string>();
  const visit = (path: string): void => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path]!.imports)
      if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entry);
  for (const imported of outputs[entry]!.imports)
    if (imported.kind === 'dynamic-import' && outputs[imported.path]) visit(imported.path);
  return { initial: [...initial], lazy: Object.keys(outputs).filter((path) => !initial.has(path)) };
}

const groupOf = (path: string): string => {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return inPackage ? inPackage[1]! : path.split('/').slice(0, 2).join('/');
};

/** Minified bytes of the given outputs by npm package (or by our own folder), largest first. */
function whereTheBytesGo(metafile: Metafile, files: string[]): Array<[string, number]> {
  const groups = new Map<string, number>();
  for (const file of files) {
    for (const [path, input] of Object.entries(metafile.outputs[file]!.inputs))
      groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + input.bytesInOutput);
  }
  return [...groups].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

/** The runtime libraries, each as the npm packages it spans. */
const LIBRARIES: Record<string, string[]> = {
  xstate: ['xstate'],
  lit: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
};

/** Gzip bytes of the initial JavaScript of an in-memory standalone build. */
async function initialGzip(external: string[] = []): Promise<number> {
  const outdir = resolve(packageRoot, 'cdn');
  const { files, metafile } = await bundleWidget(outdir, {
    logLevel: 'silent',
    external: external.flatMap((name) => [name, `${name}/*`]),
  });
  const { initial } = initialAndLazy(metafile);
  return files
    .filter((file) => initial.includes(relative(packageRoot, file.path)))
    .reduce((sum, file) => sum + sizesOf(file.contents).gzip, 0);
}

/** What each library adds to the initial gzip size: the initial JavaScript minus that of a build without it. */
async function libraryCosts(full: number): Promise<Array<[string, number]>> {
  return Promise.all(
    Object.entries(LIBRARIES).map(
      async ([name, packages]) => [name, full - (await initialGzip(packages))] as [string, number],
    ),
  );
}

const zero: Sizes = { raw: 0, gzip: 0, brotli: 0 };
type Sized = ReadonlyArray<readonly [string, Sizes]>;

/** The built files of one flavour in outdir, as its chunk graph (rebuilt in memory) splits them. */
async function builtWidget(
  outdir: string,
  flavour: WidgetFlavour,
): Promise<{
  metafile: Metafile;
  initial: string[];
  lazy: string[];
  initialSizes: Sized;
  lazySizes: Sized;
  total: Sizes;
}> {
  const widgetFile = join(outdir, WIDGET_ENTRY);
  if (!existsSync(widgetFile))
    throw new Error(`${relative(process.cwd(), widgetFile)} is missing; run \`npm run build\` first.`);
  // The chunk graph from a build like `npm run build`'s; its files must be the ones in outdir.
  const { metafile } = await bundleWidget(outdir, { logLevel: 'silent' }, flavour);
  const { initial, lazy } = initialAndLazy(metafile);
  const sized = async (files: string[]) =>
    Promise.all(
      files.map(async (file) => {
        const path = resolve(packageRoot, file);
        if (!existsSync(path))
          throw new Error(
            `${relative(process.cwd(), path)} is missing: ${relative(process.cwd(), outdir)}/ is older than the source; run \`npm run build\` first.`,
          );
        return [relative(process.cwd(), path), sizesOf(await readFile(path))] as const;
      }),
    );
  const initialSizes = await sized(initial);
  const lazySizes = await sized(lazy);
  return {
    metafile,
    initial,
    lazy,
    initialSizes,
    lazySizes,
    total: initialSizes.reduce((sum, [, sizes]) => add(sum, sizes), zero),
  };
}

export async function main(
  cdnDir = resolve(packageRoot, 'cdn'),
  distDir = resolve(packageRoot, 'dist'),
): Promise<number> {
  let standalone: Awaited<ReturnType<typeof builtWidget>>;
  let npm: Awaited<ReturnType<typeof builtWidget>>;
  try {
    [standalone, npm] = await Promise.all([builtWidget(cdnDir, 'standalone'), builtWidget(distDir, 'npm')]);
  } catch (error) {
    console.error(`size: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const { metafile, initial, lazy, initialSizes, lazySizes, total: widget } = standalone;
  console.log(
    "The widget's initial JavaScript, standalone build (what a one-script-tag page downloads before the first step can be used; cached across forms):",
  );
  for (const [name, sizes] of initialSizes) console.log(row(`  ${name}`, sizes));
  console.log(row('  initial total', widget));
  console.log('Lazy chunks (loaded with import() while the form package loads; not in the budget):');
  for (const [name, sizes] of lazySizes) console.log(row(`  ${name}`, sizes));
  console.log("\nThe npm build's own bytes (dist/: lit and xstate left to the host's bundler):");
  for (const [name, sizes] of npm.initialSizes) console.log(row(`  ${name}`, sizes));
  console.log(row('  initial total, without the libraries', npm.total));
  for (const [name, sizes] of npm.lazySizes) console.log(row(`  ${name} (lazy)`, sizes));

  const formsDir = join(distDir, 'forms');
  const forms = existsSync(formsDir)
    ? (await readdir(formsDir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  if (forms.length > 0)
    console.log(
      "\nForm packages: what the first step loads (form.json, validators.js and the start slice of one locale), and what comes after it (the other steps' validators and the rest of the texts, then submission.js for Send; decision 0038):",
    );
  for (const form of forms) {
    const dir = join(formsDir, form);
    const size = async (file: string): Promise<Sizes | null> =>
      existsSync(join(dir, file)) ? sizesOf(await readFile(join(dir, file))) : null;
    const definition = (await size('form.json'))!;
    const validators = (await size('validators.js'))!;
    const later = await size(LATER_VALIDATORS);
    const submission = (await size('submission.js'))!;
    const locales = (await readdir(join(dir, 'locales'))).filter((name) => name.endsWith('.json')).sort();
    const largest = (
      await Promise.all(
        locales.map(async (name) => [name.replace(/\.json$/, ''), (await size(`locales/${name}`))!] as const),
      )
    ).sort((a, b) => b[1].gzip - a[1].gzip)[0];
    console.log(row(`  ${form}/form.json`, definition));
    console.log(row(`  ${form}/validators.js`, validators));
    const nbStart = await size(`locales/start/nb.json`);
    if (nbStart) console.log(row(`  ${form}/locales/start/nb.json`, nbStart));
    const first = add(add(definition, validators), nbStart ?? zero);
    console.log(row(`  ${form}: first step, with nb`, first));
    if (later) console.log(row(`  ${form}/${LATER_VALIDATORS} (after the first step)`, later));
    const nbLater = await size(`locales/later/nb.json`);
    if (nbLater) console.log(row(`  ${form}/locales/later/nb.json (after the first step)`, nbLater));
    console.log(row(`  ${form}/submission.js (after the first step, for Send)`, submission));
    const nb = await size('locales/nb.json');
    if (nb) console.log(row(`  ${form}/locales/nb.json (whole: Node, hosts)`, nb));
    if (largest && largest[0] !== 'nb')
      console.log(row(`  ${form}/locales/${largest[0]}.json (largest whole)`, largest[1]));
  }

  console.log("\nWhere the initial JavaScript's minified bytes go (gzip shrinks each part differently):");
  const groups = whereTheBytesGo(metafile, initial);
  const total = groups.reduce((sum, [, bytes]) => sum + bytes, 0);
  for (const [group, bytes] of groups)
    console.log(`  ${group.padEnd(36)} ${kb(bytes).padStart(9)}  ${((100 * bytes) / total).toFixed(0).padStart(3)} %`);
  console.log('In the lazy chunks:');
  for (const [group, bytes] of whereTheBytesGo(metafile, lazy))
    console.log(`  ${group.padEnd(36)} ${kb(bytes).padStart(9)}`);
  console.log('What each library adds to the initial gzip size (the widget without it, compared):');
  const costs = await libraryCosts(await initialGzip());
  for (const [name, bytes] of costs) console.log(`  ${name.padEnd(36)} ${kb(bytes).padStart(9)} gzip`);
  console.log(
    `  ${"klarskjema's own code and the rest".padEnd(36)} ${kb(widget.gzip - costs.reduce((sum, [, bytes]) => sum + bytes, 0)).padStart(9)} gzip`,
  );

  console.log(
    `\nBudget: initial JavaScript ${kb(widget.gzip)} gzip of at most ${kb(WIDGET_BUDGET_BYTES)} (aim: ${kb(WIDGET_AIM_BYTES)}).`,
  );
  if (widget.gzip > WIDGET_BUDGET_BYTES) {
    console.error(
      `size: the widget's initial JavaScript is ${kb(widget.gzip - WIDGET_BUDGET_BYTES)} over its budget of ${kb(WIDGET_BUDGET_BYTES)} gzip.`,
    );
    return 1;
  }
  if (widget.gzip > WIDGET_AIM_BYTES)
    console.log(`Within budget, ${kb(widget.gzip - WIDGET_AIM_BYTES)} above the aim.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`size: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

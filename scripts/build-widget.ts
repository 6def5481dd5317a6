// Bundles the widget into minified ES modules (docs/decisions/0012-lazy-chunks.md):
//   klarskjema.js              the entry: a tiny loader with no static imports (components/klar-skjema/loader.ts)
//   chunks/define-<hash>.js    the widget's main chunk, and chunks/chunk-<hash>.js the code it shares with…
//   chunks/late-<hash>.js      …the late parts (review, receipt, help, privacy, sending), loaded with import()
// The demo and the browser tests load build/widget/klarskjema.js; `npm run build` writes dist/.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../src/node/paths.ts';
import { minifyLitCssPlugin } from './minify-lit-css.ts';

/** The entry file's name in the output folder. */
export const WIDGET_ENTRY = 'klarskjema.js';
export const LATE_SOURCE = 'components/klar-skjema/late.ts';
/** In components/klar-skjema/late-loader.ts: replaced with the late chunk's path, for retries after a failed load. */
const LATE_MARKER = '__KLAR_LATE_CHUNK__';

/** The widget's esbuild options (without outdir); `npm run size` rebuilds with them to say where the bytes go. */
export const widgetBuildOptions = {
  entryPoints: { klarskjema: resolve(packageRoot, 'components/klar-skjema/loader.ts') },
  bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022', legalComments: 'none',
  entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', absWorkingDir: packageRoot,
  sourcemap: false, logLevel: 'warning', plugins: [minifyLitCssPlugin],
} satisfies BuildOptions;

export interface WidgetOutput { path: string; contents: Uint8Array }

/** Builds in memory: every output file, with the late chunk's path written into the chunk that loads it. */
export async function bundleWidget(outdir: string, options: Partial<BuildOptions> = {}): Promise<{ files: WidgetOutput[]; metafile: Metafile }> {
  const result = await build({ ...widgetBuildOptions, ...options, outdir, write: false, metafile: true });
  const late = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === LATE_SOURCE);
  const files: WidgetOutput[] = result.outputFiles.map((file) => ({ path: file.path, contents: file.contents }));
  let marked = 0;
  for (const file of files) {
    const text = new TextDecoder().decode(file.contents);
    if (!text.includes(LATE_MARKER)) continue;
    if (!late) throw new Error(`no output chunk for ${LATE_SOURCE}`);
    const path = relative(dirname(file.path), resolve(packageRoot, late[0]));
    file.contents = new TextEncoder().encode(text.replaceAll(LATE_MARKER, path.startsWith('.') ? path : `./${path}`));
    marked++;
  }
  if (late && marked !== 1) throw new Error(`expected the late chunk's marker in one chunk, found it in ${marked}`);
  return { files, metafile: result.metafile };
}

/** Writes the widget to outdir, after removing the chunks of earlier builds. */
export async function buildWidget(outdir = resolve(packageRoot, 'build/widget')): Promise<string> {
  const { files } = await bundleWidget(outdir);
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

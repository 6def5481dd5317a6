// Bundles the widget into one minified ES module. The demo and the browser tests load this file.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { packageRoot } from '../src/node/paths.ts';

export async function buildWidget(outfile = resolve(packageRoot, 'build/widget/klarskjema.js')): Promise<string> {
  await build({
    entryPoints: [resolve(packageRoot, 'components/klar-skjema/define.ts')],
    outfile, bundle: true, format: 'esm', minify: true, target: 'es2022', legalComments: 'none',
    sourcemap: false, logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildWidget();
  console.log(`Widget: ${out}`);
}

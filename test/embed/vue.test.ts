// The README's Vue 3 example, as a Vue app builds it: the single-file component compiled by Vue's own
// compiler (vue/compiler-sfc, with klar-skjema declared a custom element), bundled with esbuild from a host
// app whose node_modules hold the installed klarskjema tarball and Vue 3. Served under the README's strict
// policy for Vue (Vue's runtime-only build needs no eval, and makes a Trusted Types policy `vue`), it runs the contact form to the receipt: `:prefill` reaches the
// element as an object, `@klar-ready` and `@klar-submit` are real listeners.
import { build, type Plugin } from 'esbuild';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostExampleToReceipt } from './host-example.ts';
import { hostApp, installedWidget, launchChromium, serveFolder, watchedPage, type Served } from './harness.ts';
import { readmeExample } from './readme.ts';

interface SfcCompiler {
  parse(source: string, options: { filename: string }): { descriptor: unknown; errors: unknown[] };
  compileScript(
    descriptor: unknown,
    options: {
      id: string;
      inlineTemplate: boolean;
      templateOptions: { compilerOptions: { isCustomElement: (tag: string) => boolean } };
    },
  ): { content: string };
}

const REFERENCE = 'NAV-2025-000456';
const dist = join(installedWidget(), 'dist');
let app: string;
let site: string;
let served: Served;
let browser: Browser;

/** Compiles .vue files the way @vitejs/plugin-vue does for a production build (script setup, inlined template). */
function vuePlugin(compiler: SfcCompiler): Plugin {
  return {
    name: 'vue-sfc',
    setup(builder) {
      builder.onLoad({ filter: /\.vue$/ }, async (args) => {
        const { descriptor, errors } = compiler.parse(await readFile(args.path, 'utf8'), { filename: args.path });
        if (errors.length > 0) return { errors: errors.map((error) => ({ text: String(error) })) };
        const script = compiler.compileScript(descriptor, {
          id: 'application',
          inlineTemplate: true,
          templateOptions: { compilerOptions: { isCustomElement: (tag) => tag === 'klar-skjema' } },
        });
        return { contents: script.content, loader: 'js', resolveDir: app };
      });
    },
  };
}

beforeAll(async () => {
  app = await mkdtemp(join(hostApp(), 'vue-'));
  await writeFile(join(app, 'Application.vue'), await readmeExample('vue'));
  await writeFile(
    join(app, 'main.js'),
    "import { createApp } from 'vue';\nimport Application from './Application.vue';\n\ncreateApp(Application).mount('#app');\n",
  );
  const compiler = createRequire(join(hostApp(), 'package.json'))('vue/compiler-sfc') as SfcCompiler;
  site = await mkdtemp(join(tmpdir(), 'klarskjema-vue-site-'));
  await build({
    entryPoints: [join(app, 'main.js')],
    outfile: join(site, 'app.js'),
    absWorkingDir: app,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'error',
    plugins: [vuePlugin(compiler)],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  await writeFile(
    join(site, 'index.html'),
    `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kontakt NAV</title>
<script type="module" src="app.js"></script></head>
<body><div id="app"></div></body>
</html>
`,
  );
  await cp(join(dist, 'forms'), join(site, 'dist/forms'), { recursive: true });
  [served, browser] = await Promise.all([serveFolder(site, (await readmeExample('vue-csp')).trim()), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  for (const folder of [app, site]) if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the README Vue 3 example', () => {
  it("bundles klarskjema through the installed package and Vue's runtime, with no template compiler", async () => {
    const bundle = await readFile(join(site, 'app.js'), 'utf8');
    expect(bundle).toContain('customElements.get("klar-skjema")');
    expect(bundle).not.toMatch(/\bnew Function\b/);
  });

  it('sets :prefill as a property, hears @klar-ready and @klar-submit, and sends through the host to a receipt', async () => {
    const watched = await watchedPage(browser);
    await hostExampleToReceipt(watched, served.origin, dist, REFERENCE);
    await watched.close();
  });
});

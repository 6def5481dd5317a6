// The README's React 19 example, bundled with esbuild the way a React app is: `import 'klarskjema'` goes
// through the installed package's "exports" to dist/klarskjema.js (lit and xstate installed with it),
// React is the real react-dom 19. Served under the README's strict policy for the npm build, it runs the
// contact form to the receipt: `prefill` reaches the element as an object (a property, not an attribute),
// onklar-ready and onklar-submit are real listeners, and the host's own sending (event.respondWith) gives
// the receipt its reference.
import { build } from 'esbuild';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostExampleToReceipt } from './host-example.ts';
import { builtFile, hostApp, launchChromium, serveFolder, watchedPage, widgetPackage, type Served } from './harness.ts';
import { readmeExample, readmePolicy } from './readme.ts';

const dist = join(widgetPackage, 'dist');
const REFERENCE = 'NAV-2025-000123';

let app: string;
let site: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  builtFile('dist/klarskjema.js');
  // An app folder as a React project has it: its source, and node_modules with klarskjema (from the packed
  // tarball) and React 19 (from the registry), as npm installed them.
  app = await mkdtemp(join(hostApp(), 'react-'));
  await writeFile(join(app, 'main.jsx'), await readmeExample('react'));
  // The site: a page, the app's bundle, and the form packages where the example points.
  site = await mkdtemp(join(tmpdir(), 'klarskjema-react-site-'));
  await build({
    entryPoints: [join(app, 'main.jsx')],
    outfile: join(site, 'app.js'),
    absWorkingDir: app,
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    target: 'es2022',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
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
  [served, browser] = await Promise.all([serveFolder(site, await readmePolicy('policy-npm')), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  for (const folder of [app, site]) if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the README React 19 example', () => {
  it('bundles klarskjema through the package exports', async () => {
    const bundle = await readFile(join(site, 'app.js'), 'utf8');
    expect(bundle).toContain('customElements.get("klar-skjema")');
  });

  it('sets properties, hears events and sends through the host, to a receipt with its reference', async () => {
    const watched = await watchedPage(browser);
    await hostExampleToReceipt(watched, served.origin, dist, REFERENCE);
    await watched.close();
  });
});

// A host page whose own code uses Lit (a tiny <host-greeting> LitElement) and embeds <klar-skjema>, under the
// README's strict Trusted Types policies (docs/decisions/0015-builds.md):
// - npm build: the host's code imports 'klarskjema' and is bundled with esbuild from node_modules, so the page
//   has ONE Lit, and one "lit-html" policy, shared by both elements (`trusted-types lit-html`).
// - standalone build: the host bundles its own Lit AND loads cdn/klarskjema.js, whose Lit names its policy
//   "klarskjema" (`trusted-types lit-html klarskjema`), in both orders: the host's Lit first, and the widget first.
// Each page fails on any CSP violation, page error or console error or warning; each asserts that both elements
// rendered (the host its text, the widget its first step) and which policies the page created, in which order.
// And the control: the standalone page under the old `trusted-types lit-html` alone is refused.
import { build } from 'esbuild';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { view, waitUntilReady } from './drive.ts';
import {
  builtFile,
  launchChromium,
  serveFolder,
  watchedPage,
  widgetPackage,
  type Served,
  type Watched,
} from './harness.ts';
import { readmePolicy } from './readme.ts';

// The host's own element: its Lit creates the "lit-html" policy when it loads, and renders two templates
// (the second after the widget is up, so the host's policy is used after both have loaded).
const HOST_ELEMENT = `import { LitElement, css, html } from 'lit';
class HostGreeting extends LitElement {
  static properties = { name: {}, open: { type: Boolean } };
  static styles = css\`:host { display: block; }\`;
  constructor() { super(); this.name = 'Kari'; this.open = false; }
  render() {
    return this.open
      ? html\`<p>Hei igjen, \${this.name}.</p><ul><li>Søknaden er åpen.</li></ul>\`
      : html\`<p>Hei, \${this.name}! Her er søknaden din.</p>\`;
  }
}
customElements.define('host-greeting', HostGreeting);
`;

// Runs before the page's scripts: records every Trusted Types policy the page asks for, refused or not.
const RECORD_POLICIES = `(() => {
  const factory = window.trustedTypes;
  const asked = [];
  Object.defineProperty(window, '__klarPolicies', { value: asked });
  if (!factory) return;
  const create = factory.createPolicy;
  factory.createPolicy = function (name, rules) { asked.push(name); return create.call(this, name, rules); };
})();`;

const page = (title: string, scripts: string[]): string => `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</head>
<body><main><h1>${title}</h1>
<host-greeting></host-greeting>
<klar-skjema form="/dist/forms/kontakt/" lang="nb"></klar-skjema>
</main></body>
</html>
`;

/** The folder a package resolves to from the widget package, as a bundler would find it (hoisted or nested). */
function packageDir(name: string): string {
  // lit's "exports" has no ./package.json: resolve its entry, then go up to its package.json.
  let dir = dirname(createRequire(join(widgetPackage, 'package.json')).resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name
  ) {
    if (dirname(dir) === dir) throw new Error(`no package.json of ${name} above its entry`);
    dir = dirname(dir);
  }
  return dir;
}

let work: string;
let browser: Browser;
const servers: Served[] = [];

async function open(site: string, policy: string): Promise<Served> {
  const served = await serveFolder(site, policy);
  servers.push(served);
  return served;
}

async function visit(origin: string, path: string): Promise<Watched> {
  const watched = await watchedPage(browser);
  await watched.page.addInitScript(RECORD_POLICIES);
  await watched.page.goto(`${origin}${path}`);
  return watched;
}

/** The names of the Trusted Types policies a bundle creates (every createPolicy call must name a literal). */
const policiesIn = (code: string): string[] =>
  [...code.matchAll(/createPolicy\(\s*(?:"([^"]*)"|'([^']*)'|([^"'][^,)]*))/g)].map(
    (match) => match[1] ?? match[2] ?? `not a literal: ${match[3]}`,
  );
const policiesAsked = (p: Page): Promise<string[]> =>
  p.evaluate(() => [...(window as unknown as { __klarPolicies: string[] }).__klarPolicies]);
const hostText = (p: Page): Promise<string> =>
  p.locator('host-greeting').evaluate((element) => element.shadowRoot?.textContent ?? '');

/** Both elements rendered: the host its greeting (and again a new template), the widget the form's first step. */
async function expectBothRendered(watched: Watched): Promise<void> {
  const widget = { page: watched.page, selector: 'klar-skjema' };
  await waitUntilReady(widget);
  expect((await view(widget)).step).toBe('om-deg');
  expect(await watched.page.locator('klar-skjema #ks-heading').textContent()).toBeTruthy();
  await expect.poll(() => hostText(watched.page)).toContain('Hei, Kari! Her er søknaden din.');
  await watched.page.locator('host-greeting').evaluate(async (element) => {
    const host = element as HTMLElement & { open: boolean; name: string; updateComplete: Promise<unknown> };
    host.open = true;
    host.name = 'Ola';
    await host.updateComplete;
  });
  expect(await hostText(watched.page)).toContain('Hei igjen, Ola.');
  expect(await watched.violations()).toEqual([]);
  expect(watched.problems).toEqual([]);
}

beforeAll(async () => {
  builtFile('dist/klarskjema.js');
  builtFile('cdn/klarskjema.js');
  work = await mkdtemp(join(tmpdir(), 'klarskjema-lit-host-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((served) => served.close()));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a Lit host page with the npm build (one Lit, bundled by the host)', () => {
  let site: string;
  let served: Served;

  beforeAll(async () => {
    // The host's project: its source, and node_modules with klarskjema and the Lit it depends on.
    const app = join(work, 'npm-app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await writeFile(join(app, 'host-greeting.js'), HOST_ELEMENT);
    await writeFile(join(app, 'main.js'), "import './host-greeting.js';\nimport 'klarskjema';\n");
    await symlink(widgetPackage, join(app, 'node_modules/klarskjema'), 'dir');
    await symlink(packageDir('lit'), join(app, 'node_modules/lit'), 'dir');
    site = join(work, 'npm-site');
    await build({
      entryPoints: [join(app, 'main.js')],
      outdir: join(site, 'app'),
      absWorkingDir: app,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      logLevel: 'error',
    });
    await writeFile(join(site, 'index.html'), page('Søknad', ['/app/main.js']));
    await cp(builtFile('dist/forms'), join(site, 'dist/forms'), { recursive: true });
    served = await open(site, await readmePolicy('policy-npm'));
  });

  it('bundles one copy of lit-html: one "lit-html" policy and no other', async () => {
    const files = await readdir(join(site, 'app'), { recursive: true });
    const code = (
      await Promise.all(
        files.filter((file) => file.endsWith('.js')).map((file) => readFile(join(site, 'app', file), 'utf8')),
      )
    ).join('\n');
    expect(policiesIn(code)).toEqual(['lit-html']);
    expect(code.includes('customElements.get("klar-skjema")'), 'the widget is in the bundle').toBe(true);
  });

  it('renders the host element and <klar-skjema> under `trusted-types lit-html`, with no violation or error', async () => {
    const watched = await visit(served.origin, '/index.html');
    try {
      await expectBothRendered(watched);
      expect(await policiesAsked(watched.page)).toEqual(['lit-html']);
    } finally {
      await watched.close();
    }
  });
});

describe('a Lit host page with the standalone build (two Lits, two policies by name)', () => {
  let site: string;
  let served: Served;

  beforeAll(async () => {
    const app = join(work, 'standalone-app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await writeFile(join(app, 'host-greeting.js'), HOST_ELEMENT);
    await symlink(packageDir('lit'), join(app, 'node_modules/lit'), 'dir');
    site = join(work, 'standalone-site');
    await build({
      entryPoints: [join(app, 'host-greeting.js')],
      outfile: join(site, 'host.js'),
      absWorkingDir: app,
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      logLevel: 'error',
    });
    await cp(builtFile('cdn'), join(site, 'cdn'), { recursive: true });
    await cp(builtFile('dist/forms'), join(site, 'dist/forms'), { recursive: true });
    // The host's Lit first: two script tags, the host's bundle before the widget's.
    await writeFile(join(site, 'host-first.html'), page('Søknad', ['/host.js', '/cdn/klarskjema.js']));
    // The widget first: its script tag, and the host's Lit loaded once <klar-skjema> is defined.
    await writeFile(
      join(site, 'host-later.js'),
      "await customElements.whenDefined('klar-skjema');\nawait import('./host.js');\n",
    );
    await writeFile(join(site, 'widget-first.html'), page('Søknad', ['/cdn/klarskjema.js', '/host-later.js']));
    served = await open(site, await readmePolicy('policy-standalone-lit-host'));
  });

  it('bundles the host\'s Lit with the "lit-html" policy, and the widget\'s Lit with "klarskjema"', async () => {
    expect(policiesIn(await readFile(join(site, 'host.js'), 'utf8'))).toEqual(['lit-html']);
    const chunks = await readdir(join(site, 'cdn/chunks'));
    const code = (await Promise.all(chunks.map((file) => readFile(join(site, 'cdn/chunks', file), 'utf8')))).join('\n');
    expect(policiesIn(code)).toEqual(['klarskjema']);
  });

  it.each([
    ['host-first.html', ['lit-html', 'klarskjema']],
    ['widget-first.html', ['klarskjema', 'lit-html']],
  ])(
    '%s: renders both elements under `trusted-types lit-html klarskjema`, with no violation or error',
    async (path, order) => {
      const watched = await visit(served.origin, `/${path}`);
      try {
        await expectBothRendered(watched);
        expect(await policiesAsked(watched.page)).toEqual(order);
      } finally {
        await watched.close();
      }
    },
  );

  it('is refused under the policy without "klarskjema": the widget never registers, and the page says why', async () => {
    const strict = await open(site, await readmePolicy('policy-npm'));
    const watched = await visit(strict.origin, '/host-first.html');
    try {
      await expect.poll(() => watched.violations()).toEqual([expect.stringContaining('trusted-types')]);
      await expect.poll(() => watched.problems.join('\n')).toContain('klarskjema');
      expect(await policiesAsked(watched.page)).toEqual(['lit-html', 'klarskjema']);
      expect(await watched.page.evaluate(() => customElements.get('klar-skjema') === undefined)).toBe(true);
      await expect.poll(() => hostText(watched.page)).toContain('Hei, Kari!');
    } finally {
      await watched.close();
    }
  });
});

// What the widget's tarball holds, as npm installed it (global-setup.ts): the widget is a tiny entry module that loads its chunks (none with eval),
// package.json points at files that exist; and an app that installs the package gets working types: the
// element, its properties, and every event typed on the element and on document.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customElementsManifest } from '../../scripts/custom-elements-manifest.ts';
import { packageRoot } from '../../src/node/paths.ts';
import { hostApp, installedWidget } from './harness.ts';

const installed = installedWidget();
const dist = join(installed, 'dist');
let widget: string;
let chunks: Map<string, string>;
let manifest: Record<string, unknown> & {
  exports: Record<string, unknown>;
  types: string;
  customElements: string;
  version: string;
};

beforeAll(async () => {
  if (!existsSync(join(dist, 'klarskjema.js'))) throw new Error('the installed klarskjema has no dist/klarskjema.js');
  widget = await readFile(join(dist, 'klarskjema.js'), 'utf8');
  const names = (await readdir(join(dist, 'chunks'))).filter((name) => name.endsWith('.js'));
  chunks = new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dist, 'chunks', name), 'utf8')] as const)),
  );
  manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
});

/** The chunk files a module imports, statically or with a literal import(). */
const importsOf = (code: string): string[] =>
  [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"\.\/(?:chunks\/)?([\w-]+\.js)"/g)].map((match) => match[1]!);

describe('dist/klarskjema.js and dist/chunks/', () => {
  it('contain no eval and no Function constructor, in the entry or any chunk', () => {
    // The main chunk (with what it shares with the late chunks, scripts/build-widget.ts), the late chunk and the
    // takeover of a first step drawn before the widget (decisions 0041, 0044), and the element's CSS (0044).
    expect([...chunks.keys()].map((name) => name.replace(/-\w+\.js$/, '')).sort()).toEqual([
      'define',
      'late',
      'takeover-late',
      'widget-styles',
    ]);
    for (const [name, code] of [['klarskjema.js', widget] as const, ...chunks]) {
      expect(code, name).not.toMatch(/\beval\s*\(/);
      expect(code, name).not.toMatch(/\bnew\s+Function\b/);
      expect(code, name).not.toMatch(/\bFunction\s*\(\s*["'`]/);
    }
  });

  it('has an entry with no static imports, one export, and one import() of the main chunk', () => {
    expect(widget).not.toMatch(/(^|[;}\s])import\s*[{*\w"'`]/);
    expect(widget).toMatch(/export\s*\{\s*\w+ as KlarSkjema\s*\};?\s*$/);
    expect([...widget.matchAll(/\bimport\(/g)]).toHaveLength(1);
    const [main] = importsOf(widget);
    expect(chunks.has(main!), main).toBe(true);
  });

  it("loads only chunks that exist, the late chunk and the form's validators at run time", () => {
    for (const [name, code] of chunks)
      for (const imported of importsOf(code)) expect(chunks.has(imported), `${name} imports ${imported}`).toBe(true);
    const all = [...chunks.values()].join('\n');
    // The form package's modules (validators.js, later submission.js) through one import of a URL, the late
    // chunk, and the late chunk again with a new URL after a failed load.
    expect([...all.matchAll(/\bimport\(\w+\)/g)]).toHaveLength(1);
    expect([...all.matchAll(/\bimport\("\.\/late-\w+\.js"\)/g)]).toHaveLength(1);
    expect(all).not.toContain('__KLAR_LATE_CHUNK__');
    expect(all).toMatch(/"\.\/late-\w+\.js"/);
  });

  it('runs nothing when a <klar-skjema> is registered or on its way, and says so if the versions differ', () => {
    expect(widget).toMatch(/^var \w+="[^"]+",\w+=Symbol\.for\("klarskjema\.loading"\)/);
    expect(widget).toContain(`"${manifest.version}"`);
    expect(widget).toContain('customElements.get("klar-skjema")');
  });

  it('carries the same version in its loader as components/klar-skjema/define.ts', async () => {
    for (const file of ['components/klar-skjema/define.ts', 'components/klar-skjema/loader.ts']) {
      expect(await readFile(join(packageRoot, file), 'utf8'), file).toContain(`const VERSION = '${manifest.version}';`);
    }
  });
});

describe('package.json', () => {
  it('points exports, types and customElements at files npm run build wrote', () => {
    const root = manifest.exports['.'] as { types: string; default: string };
    for (const file of [
      root.types,
      root.default,
      manifest.types,
      manifest.customElements,
      manifest.exports['./custom-elements.json'] as string,
    ]) {
      expect(existsSync(resolve(installed, file)), file).toBe(true);
    }
    expect(manifest.exports['./forms/*']).toBe('./dist/forms/*');
    expect(existsSync(join(dist, 'forms/stotte/form.json'))).toBe(true);
    expect(existsSync(join(dist, 'forms/stotte/validators.js'))).toBe(true);
    expect(existsSync(join(dist, 'forms/stotte/submission.js'))).toBe(true);
    expect(existsSync(join(dist, 'forms/stotte/locales/nb.json'))).toBe(true);
  });

  it('ships the Custom Elements Manifest as generated from the source', async () => {
    expect(JSON.parse(await readFile(join(dist, 'custom-elements.json'), 'utf8'))).toEqual(
      await customElementsManifest(),
    );
  });
});

describe('the types an app gets', () => {
  let app: string;
  beforeAll(async () => {
    // Inside the host app, whose node_modules hold the installed tarball.
    app = await mkdtemp(join(hostApp(), 'types-'));
  });
  afterAll(async () => {
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('type-checks an app that uses the element, its properties and its events, and rejects a wrong detail', async () => {
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          lib: ['es2022', 'dom'],
          types: [],
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['app.ts'],
      }),
    );
    await writeFile(
      join(app, 'app.ts'),
      `import { KlarSkjema, type KlarEventMap, type KlarReadyDetail } from 'klarskjema';

const widget: KlarSkjema = document.createElement('klar-skjema');
widget.form = '/skjema/kontakt/';
widget.scrollOffset = 80;
widget.prefill = { navn: 'Kari Nordmann' };
const ready: KlarReadyDetail['form'] = 'kontakt';
widget.addEventListener('klar-ready', (event) => { const form: string = event.detail.form; console.info(form, ready); });
widget.addEventListener('klar-submit', (event) => {
  const answers: Record<string, unknown> = event.detail.answers;
  console.info(answers, event.files.size);
  event.respondWith(Promise.resolve({ reference: 'NAV-1' }));
});
document.addEventListener('klar-load-error', (event) => console.info(event.detail.form));
const events: Array<keyof KlarEventMap> = ['klar-ready', 'klar-load-error', 'klar-submit'];
console.info(events, widget instanceof KlarSkjema);
// @ts-expect-error klar-ready's detail has no answers
widget.addEventListener('klar-ready', (event) => event.detail.answers);
// @ts-expect-error scrollOffset is a number
widget.scrollOffset = 'high';
`,
    );
    const tsc = spawnSync(
      process.execPath,
      [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')],
      { encoding: 'utf8' },
    );
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.status).toBe(0);
  });
});

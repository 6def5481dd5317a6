// The two widget builds (docs/decisions/0015-builds.md), built in memory: the npm flavour leaves lit and
// xstate to the host's bundler (the widget's texts need no i18next since docs/decisions/0019-widget-weight.md), the standalone flavour bundles everything and its Lit creates the
// Trusted Types policy "klarskjema", never "lit-html". The rename is checked against the installed lit-html,
// and fails loudly on a lit-html it does not recognise.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleWidget, type WidgetOutput } from '../../scripts/build-widget.ts';
import { renameLitPolicy, STANDALONE_POLICY } from '../../scripts/trusted-types-policy.ts';
import { packageRoot } from '../../src/node/paths.ts';

// The lit-html that lit resolves (its Node entry is node/lit-html.js; the browser files are a folder up).
const litHtml = dirname(dirname(createRequire(join(packageRoot, 'node_modules/lit/package.json')).resolve('lit-html')));
const outdir = resolve(packageRoot, '.tmp/builds-test');
const textOf = (files: WidgetOutput[]): string[] => files.filter((file) => file.path.endsWith('.js')).map((file) => new TextDecoder().decode(file.contents));
/** Bare (package) imports left in the output, by package name. */
const bareImports = (metafile: Metafile): string[] =>
  [...new Set(Object.values(metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path.split('/')[0]!)))].sort();

describe('the policy rename', () => {
  it.each(['lit-html.js', 'development/lit-html.js'])('renames the one createPolicy of the installed lit-html/%s', async (file) => {
    const source = await readFile(join(litHtml, file), 'utf8');
    const renamed = renameLitPolicy(source, file);
    expect(renamed).not.toMatch(/createPolicy\(["']lit-html["']/);
    expect(renamed.match(new RegExp(`createPolicy\\(["']${STANDALONE_POLICY}["']`, 'g'))).toHaveLength(1);
    expect(renamed.length).toBe(source.length + STANDALONE_POLICY.length - 'lit-html'.length);
  });

  it('fails on a lit-html whose policy it cannot find, or finds twice', () => {
    expect(() => renameLitPolicy('const p = trustedTypes.createPolicy(NAME, {});', 'lit-html.js')).toThrow(/expected one createPolicy\('lit-html', …\), found 0/);
    expect(() => renameLitPolicy('createPolicy("lit-html",{});createPolicy(\'lit-html\',{})', 'lit-html.js')).toThrow(/found 2/);
  });
});

describe('the npm and standalone builds', () => {
  it('npm: lit and xstate stay bare imports, nothing of them is bundled, no policy is created here', async () => {
    const { files, metafile } = await bundleWidget(outdir, { logLevel: 'silent' }, 'npm');
    expect(bareImports(metafile)).toEqual(['lit', 'xstate']);
    expect(Object.keys(metafile.inputs).filter((path) => path.includes('node_modules/'))).toEqual([]);
    expect(textOf(files).join('\n')).not.toContain('createPolicy');
  });

  it('standalone: no bare import, and Lit creates the "klarskjema" policy in one chunk and "lit-html" in none', async () => {
    const { files, metafile } = await bundleWidget(outdir, { logLevel: 'silent' }, 'standalone');
    expect(bareImports(metafile)).toEqual([]);
    const texts = textOf(files);
    expect(texts.filter((text) => text.includes(`createPolicy("${STANDALONE_POLICY}"`))).toHaveLength(1);
    expect(texts.join('\n')).not.toMatch(/createPolicy\(["']lit-html["']/);
  });

  it('both: the same split, an entry, the main chunk (with what it shares with the late chunks), the late chunk, the takeover chunk and the CSS', async () => {
    for (const flavour of ['npm', 'standalone'] as const) {
      const { files, metafile } = await bundleWidget(outdir, { logLevel: 'silent' }, flavour);
      const names = files.map((file) => file.path.slice(outdir.length + 1).replace(/-\w+\.js$/, '')).sort();
      // takeover-late: loaded only on a page whose server drew the first step (decision 0041).
      // widget-styles: the element's CSS, when no start slice brought it (decision 0044).
      expect(names, flavour).toEqual([
        'chunks/define',
        'chunks/late',
        'chunks/takeover-late',
        'chunks/widget-styles',
        'klarskjema.js',
      ]);
      // The main chunk waits for the CSS chunk as it runs: that chunk must import nothing (not the main chunk back).
      const styles = Object.entries(metafile.outputs).find(([path]) => /chunks\/widget-styles-\w+\.js$/.test(path))![1];
      expect(styles.imports, flavour).toEqual([]);
      // The late chunk imports the shared code from the main chunk, which exports it; the metafile says so too.
      const main = files.find((file) => /chunks\/define-\w+\.js$/.test(file.path))!;
      const late = new TextDecoder().decode(files.find((file) => /chunks\/late-\w+\.js$/.test(file.path))!.contents);
      const mainName = main.path.slice(main.path.lastIndexOf('/') + 1);
      expect(late, flavour).toMatch(new RegExp(`^import\\{[^}]+\\}from"\\./${mainName.replace('.', '\\.')}";`));
      const lateOutput = Object.entries(metafile.outputs).find(([path]) => /chunks\/late-\w+\.js$/.test(path))![1];
      expect(lateOutput.imports.filter((imported) => !imported.external).map((imported) => imported.path.split('/').pop()), flavour).toEqual([mainName]);
      expect(Object.keys(metafile.outputs)).toHaveLength(5);
    }
  });
});

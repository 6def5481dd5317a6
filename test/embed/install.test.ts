// The three packages as their users install them (global-setup.ts packs and installs the tarballs):
// the widget pulls in no native module and no build tool; publint and are-the-types-wrong find no error;
// the form tools and the receiver run as commands from their tarballs, and a TypeScript 5 app type-checks
// against the widget's published types.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';
import { makeSubmission } from '../record/submissions.ts';
import { EMBEDDING_GUIDE } from './readme.ts';

const tarballs = inject('tarballs');
const widgetOnly = inject('widgetOnly');
const hostApp = inject('hostApp');
const operator = inject('operator');

interface Installed {
  name: string;
  folder: string;
  manifest: Record<string, unknown> & { scripts?: Record<string, string>; gypfile?: boolean };
}

/** Every package under node_modules (scoped ones too), with its package.json. */
async function installedPackages(project: string): Promise<Installed[]> {
  const found: Installed[] = [];
  const visit = async (modules: string): Promise<void> => {
    if (!existsSync(modules)) return;
    for (const entry of await readdir(modules, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const folder = join(modules, entry.name);
      if (entry.name.startsWith('@')) {
        await visit(folder);
        continue;
      }
      const manifestFile = join(folder, 'package.json');
      if (!existsSync(manifestFile)) continue;
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Installed['manifest'];
      found.push({ name: String(manifest.name), folder, manifest });
      await visit(join(folder, 'node_modules'));
    }
  };
  await visit(join(project, 'node_modules'));
  return found;
}

async function filesUnder(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 600_000 });

const bin = (project: string, name: string): string => join(project, 'node_modules/.bin', name);

describe('installing the widget (npm install klarskjema)', () => {
  it('pulls in lit and xstate, and no i18next (docs/decisions/0019-widget-weight.md), native module, install script or build tool', async () => {
    const installed = await installedPackages(widgetOnly);
    const names = installed.map((p) => p.name).sort();
    expect(names).toEqual(expect.arrayContaining(['klarskjema', 'lit', 'xstate']));
    for (const tool of [
      'i18next',
      'esbuild',
      'tsx',
      'typescript',
      'ajv',
      'better-sqlite3',
      'pg',
      'node-gyp',
      'vitest',
      'redos-detector',
    ]) {
      expect(names, `${tool} must not come with the widget`).not.toContain(tool);
    }
    for (const { name, folder, manifest } of installed) {
      const scripts = manifest.scripts ?? {};
      for (const hook of ['preinstall', 'install', 'postinstall'])
        expect(scripts[hook], `${name} has a ${hook} script`).toBeUndefined();
      expect(manifest.gypfile, `${name} builds a native module`).not.toBe(true);
      expect(existsSync(join(folder, 'binding.gyp')), `${name} has binding.gyp`).toBe(false);
    }
    const natives = (await filesUnder(join(widgetOnly, 'node_modules'))).filter((file) => file.endsWith('.node'));
    expect(natives).toEqual([]);
    // Few packages: lit brings its own three, the rest none.
    expect(installed.length).toBeLessThanOrEqual(12);
  });

  it('has what package.json points at, and no sources, tests or CI files', async () => {
    const widget = join(widgetOnly, 'node_modules/klarskjema');
    const manifest = JSON.parse(await readFile(join(widget, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      types: string;
    };
    const root = manifest.exports['.'] as { types: string; default: string };
    for (const file of [
      root.types,
      root.default,
      manifest.types,
      'dist/custom-elements.json',
      'dist/forms/stotte/form.json',
      'cdn/klarskjema.js',
    ]) {
      expect(existsSync(join(widget, file)), file).toBe(true);
    }
    for (const folder of ['src', 'components', 'test', '.ci', 'scripts', 'packages', 'locales', 'node_modules/.bin']) {
      expect(existsSync(join(widget, folder)), folder).toBe(false);
    }
  });
});

describe('publint and are-the-types-wrong', () => {
  const publint = resolve(packageRoot, 'node_modules/publint/src/cli.js');
  const attw = resolve(packageRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js');

  it.each([
    ['klarskjema', () => join(widgetOnly, 'node_modules/klarskjema')],
    ['@klarskjema/tools', () => join(operator, 'node_modules/@klarskjema/tools')],
    ['@klarskjema/receiver', () => join(operator, 'node_modules/@klarskjema/receiver')],
  ])('publint finds no error or warning in %s as installed', (_name, folder) => {
    const result = run(process.execPath, [publint, folder(), '--level', 'warning', '--strict'], folder());
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it.each([/^klarskjema-\d/, /^klarskjema-tools-\d/, /^klarskjema-receiver-\d/])(
    'are-the-types-wrong resolves the types of %s (ESM only)',
    async (pattern) => {
      const file = (await readdir(tarballs)).find((name) => pattern.test(name));
      expect(file).toBeDefined();
      const result = run(
        process.execPath,
        [attw, join(tarballs, file!), '--profile', 'esm-only', '--format', 'table-flipped'],
        tarballs,
      );
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    },
  );
});

describe('@klarskjema/tools from its tarball', () => {
  it('answers --help, then checks and builds a form the way an author does', async () => {
    const help = run(bin(operator, 'klarskjema'), ['--help'], operator);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('klarskjema check');
    const author = join(operator, 'author');
    await mkdir(join(author, 'forms'), { recursive: true });
    await cp(resolve(packageRoot, 'schemas/forms/kontakt.json'), join(author, 'forms/kontakt.json'));
    const definition = JSON.parse(await readFile(join(author, 'forms/kontakt.json'), 'utf8')) as { locales: string[] };
    for (const locale of definition.locales) {
      for (const file of ['kontakt.json', 'widget.json', 'status.json', 'glossary.json', 'legal-review.json']) {
        const from = resolve(packageRoot, 'locales', locale, file);
        if (existsSync(from)) await cp(from, join(author, 'locales', locale, file));
      }
    }
    const check = run(bin(operator, 'klarskjema'), ['check', 'forms'], author);
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    const built = run(bin(operator, 'klarskjema'), ['build', 'forms', '--out', 'public/skjema'], author);
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
    const files = [
      'form.json',
      'validators.js',
      'validators-later.js',
      'submission.js',
      'package.json',
      'locales/nb.json',
    ];
    // The first step's slice of the texts and the rest (decision 0038).
    for (const file of [...files, 'locales/start/nb.json', 'locales/later/nb.json'])
      expect(existsSync(join(author, 'public/skjema/kontakt', file)), file).toBe(true);
    const lint = run(bin(operator, 'klarskjema'), ['lint', 'forms'], author);
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    // A pattern that backtracks catastrophically is refused from the tarball too.
    const monster = JSON.parse(await readFile(join(author, 'forms/kontakt.json'), 'utf8')) as {
      answers: { properties: Record<string, Record<string, unknown>> };
    };
    monster.answers.properties.navn!.pattern = '^(a+)+$';
    await writeFile(join(author, 'forms/kontakt.json'), JSON.stringify(monster));
    const refused = run(bin(operator, 'klarskjema'), ['check', 'forms'], author);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('/answers/properties/navn/pattern');
  });
});

describe('klarskjema render from the tools tarball', () => {
  it("writes the caseworker's record of a submission as a PDF with its fonts, and as HTML", async () => {
    const author = join(operator, 'render');
    await mkdir(join(author, 'forms'), { recursive: true });
    await cp(resolve(packageRoot, 'schemas/forms/kontakt.json'), join(author, 'forms/kontakt.json'));
    for (const locale of ['nb', 'nn', 'en', 'se', 'pl', 'uk', 'ar', 'so', 'ti', 'fa', 'lt'])
      for (const file of ['kontakt.json', 'widget.json', 'status.json', 'glossary.json', 'legal-review.json']) {
        const from = resolve(packageRoot, 'locales', locale, file);
        if (existsSync(from)) await cp(from, join(author, 'locales', locale, file));
      }
    const built = run(bin(operator, 'klarskjema'), ['build', 'forms', '--out', 'skjema'], author);
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
    const { submission } = await makeSubmission('kontakt', { locale: 'ar', variant: 'standard' });
    await writeFile(join(author, 'soknad.json'), JSON.stringify(submission));
    const pdf = run(
      bin(operator, 'klarskjema'),
      ['render', 'soknad.json', '--form', 'skjema/kontakt', '--format', 'pdf', '--out', 'soknad.pdf'],
      author,
    );
    expect(pdf.status, `${pdf.stdout}${pdf.stderr}`).toBe(0);
    const written = await readFile(join(author, 'soknad.pdf'));
    expect(written.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.7/);
    expect(written.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSansArabic/);
    const html = run(bin(operator, 'klarskjema'), ['render', 'soknad.json', '--form', 'skjema/kontakt'], author);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toContain('<html lang="nb">');
  });
});

describe('@klarskjema/receiver from its tarball', () => {
  it('answers --help without starting', () => {
    const help = run(bin(operator, 'klarskjema-receiver'), ['--help'], operator);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/--port/);
    expect(help.stdout).toMatch(/KLARSKJEMA_DATA_DIR/);
  });
});

describe('a TypeScript 5 app (tsc --strict --noEmit) against the installed widget', () => {
  it.each(['bundler', 'node16'])(
    'type-checks the example of docs/embedding.md with moduleResolution %s, library types included',
    async (resolution) => {
      const app = join(hostApp, `ts-${resolution}`);
      await mkdir(app, { recursive: true });
      const readme = await readFile(resolve(packageRoot, EMBEDDING_GUIDE), 'utf8');
      const marker = '<!-- embed-example: typescript -->';
      const block = /^\s*```ts\n([\s\S]*?)\n```/.exec(readme.slice(readme.indexOf(marker) + marker.length));
      expect(readme.includes(marker) && block, `${EMBEDDING_GUIDE} has a typescript example`).toBeTruthy();
      await writeFile(join(app, 'app.ts'), block![1]!);
      const module = resolution === 'node16' ? 'node16' : 'esnext';
      await writeFile(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            target: 'es2022',
            module,
            moduleResolution: resolution,
            lib: ['es2022', 'dom'],
            types: [],
            noEmit: true,
            skipLibCheck: false,
          },
          files: ['app.ts'],
        }),
      );
      const tsc = run(
        process.execPath,
        [join(hostApp, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')],
        app,
      );
      const version = run(process.execPath, [join(hostApp, 'node_modules/typescript/bin/tsc'), '--version'], app);
      expect(version.stdout).toMatch(/^Version 5\./);
      expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
      expect(tsc.status).toBe(0);
    },
  );
});

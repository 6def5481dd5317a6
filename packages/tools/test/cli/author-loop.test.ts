// The author's loop as an author runs it, in a project of their own (a temporary folder):
// `klarskjema new ID` writes a form that passes check, the plain-language gate and build and runs in the
// engine to the review page; `klarskjema preview FORM` serves it on 127.0.0.1 with the findings beside it
// and tells the page to reload when the form or its texts change.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormPackage } from '../../../../src/node/load-package.ts';
import { packageRoot } from '../../../../src/node/paths.ts';
import { journey } from '../../../../test/helpers/journey.ts';

const bin = resolve(packageRoot, 'packages/tools/bin/klarskjema.js');
const gate = resolve(packageRoot, 'plain-language.config.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const project = (): Promise<string> => mkdtemp(join(tmpdir(), 'klarskjema-author-'));

describe('klarskjema new', () => {
  it('writes a form and its nb, nn and en texts that pass check, the plain-language gate and build', async () => {
    const dir = await project();
    const made = await run(['new', 'melding-til-nav'], dir);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    for (const file of [
      'forms/melding-til-nav.json',
      'locales/nb/melding-til-nav.json',
      'locales/nn/melding-til-nav.json',
      'locales/en/melding-til-nav.json',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
      expect(made.stdout).toContain(file);
    }
    expect(made.stdout).toContain('klarskjema preview forms/melding-til-nav.json');

    const check = await run(['check', 'forms'], dir);
    expect(check.stdout).toContain('Fant ingen problemer');
    expect(check.code).toBe(0);
    const lint = await run(['lint', 'forms', '--config', gate], dir);
    expect(lint.stdout).toMatch(/0 feil/);
    expect(lint.code).toBe(0);
    const build = await run(['build', 'forms', '--out', 'build'], dir);
    expect(build.code).toBe(0);

    const result = journey(await loadFormPackage(join(dir, 'build/melding-til-nav')));
    expect(result).toEqual({ steps: ['om-deg', 'saken', 'bekreft'], state: 'review', errors: [] });
  });

  it('puts the form in schemas/forms when the project has that folder, with $schema for the editor', async () => {
    const dir = await project();
    await mkdir(join(dir, 'schemas/forms'), { recursive: true });
    await mkdir(join(dir, 'locales'));
    expect((await run(['new', 'ny'], dir)).code).toBe(0);
    const definition = JSON.parse(await readFile(join(dir, 'schemas/forms/ny.json'), 'utf8')) as { id: string };
    expect(definition.id).toBe('ny');
    expect(existsSync(join(dir, 'locales/nb/ny.json'))).toBe(true);
  });

  it('refuses an id that cannot be one, and never writes over a form', async () => {
    const dir = await project();
    const bad = await run(['new', 'Ny_Jobb'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('«Ny_Jobb» kan ikke være id til et skjema');
    expect((await run(['new', 'ny-jobb'], dir)).code).toBe(0);
    await writeFile(join(dir, 'locales/nb/ny-jobb.json'), '{"title":"Mitt eget"}\n');
    const again = await run(['new', 'ny-jobb'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('forms/ny-jobb.json finnes allerede');
    expect(await readFile(join(dir, 'locales/nb/ny-jobb.json'), 'utf8')).toBe('{"title":"Mitt eget"}\n');
  });
});

describe('klarskjema preview', () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  });

  /** Starts the preview as an author does and resolves with its address once it says it. */
  async function start(dir: string, form: string): Promise<{ url: string; child: ChildProcess }> {
    const child = spawn(process.execPath, [bin, 'preview', form, '--port', '0'], { cwd: dir });
    children.push(child);
    let out = '';
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) done(found[0]);
      });
      child.once('exit', (code) => fail(new Error(`preview exited with ${code}: ${out}`)));
    });
    return { url, child };
  }

  /** The server's events, read as they come: `next(name)` waits for the next event of that name. */
  async function events(url: string) {
    const response = await fetch(`${url}events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    return {
      async next(name: string): Promise<string> {
        for (;;) {
          const match = new RegExp(`event: ${name}\\ndata: (\\d+)\\n\\n`).exec(buffer);
          if (match) {
            buffer = buffer.slice(match.index + match[0].length);
            return match[1]!;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('the event stream ended');
          buffer += value;
        }
      },
      cancel: () => reader.cancel(),
    };
  }

  it('serves the form in the widget with check and lint beside it, and reloads the page on every change', async () => {
    const dir = await project();
    expect((await run(['new', 'sak'], dir)).code).toBe(0);
    // The widget's build, as `npm run build` leaves it in a repository (here a stand-in file).
    await mkdir(join(dir, 'build/widget'), { recursive: true });
    await writeFile(join(dir, 'build/widget/klarskjema.js'), '// the widget\n');
    const { url } = await start(dir, 'forms/sak.json');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);

    const page = await fetch(url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<klar-skjema form="/form/sak/"');
    expect(html).toContain('<script type="module" src="/widget/klarskjema.js">');
    expect(html).toContain('Fant ingen problemer');
    expect(html).toMatch(/0 feil/);
    expect(await (await fetch(`${url}widget/klarskjema.js`)).text()).toBe('// the widget\n');
    const definition = (await (await fetch(`${url}form/sak/form.json`)).json()) as { id: string };
    expect(definition.id).toBe('sak');
    expect((await fetch(`${url}form/sak/locales/nb.json`)).status).toBe(200);
    expect((await fetch(`${url}form/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect(await (await fetch(`${url}preview.js`)).text()).toContain("new EventSource('/events')");

    const stream = await events(url);
    const first = Number(await stream.next('ready'));
    /** The page after the change events that follow a save (an editor's save may be more than one). */
    const pageAfterChange = async (shows: (html: string) => boolean): Promise<string> => {
      for (;;) {
        await stream.next('change');
        const html = await (await fetch(url)).text();
        if (shows(html)) return html;
      }
    };

    // A text with a leftover: lint says so beside the form, which is still shown.
    const nb = join(dir, 'locales/nb/sak.json');
    const texts = JSON.parse(await readFile(nb, 'utf8')) as { fields: { navn: { label: string } } };
    texts.fields.navn.label = 'TODO: spør om navnet';
    await writeFile(nb, JSON.stringify(texts, null, 2));
    const withLeftover = await pageAfterChange((html) => html.includes('TODO'));
    expect(Number(/data-round="(\d+)"/.exec(withLeftover)![1])).toBeGreaterThan(first);
    expect(withLeftover).toContain('leftover');
    expect(withLeftover).toContain('<klar-skjema');

    // A definition check refuses: the findings say where, and the form is not shown until it is fixed.
    const formFile = join(dir, 'forms/sak.json');
    const original = await readFile(formFile, 'utf8');
    await writeFile(formFile, original.replace('"kind": "phone"', '"kind": "telefon"'));
    const broken = await pageAfterChange((html) => html.includes('/steps/0/fields/1/kind'));
    expect(broken).toContain('Skjemaet kan ikke vises før check er uten problemer');
    expect(broken).not.toContain('<klar-skjema');

    await writeFile(formFile, original);
    expect(await pageAfterChange((html) => html.includes('<klar-skjema'))).toContain('Fant ingen problemer');
    await stream.cancel();
  });

  it('says so when the form file does not exist', async () => {
    const dir = await project();
    const missing = await run(['preview', 'forms/finnes-ikke.json', '--port', '0'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Finner ikke skjemaet forms/finnes-ikke.json');
  });
});

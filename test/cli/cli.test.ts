// The klarskjema CLI as a user runs it: `node bin/klarskjema.js ...`, exit codes, output, no stack traces.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';

const bin = resolve(packageRoot, 'bin/klarskjema.js');
const stotte = JSON.parse(readFileSync(resolve(packageRoot, 'schemas/forms/stotte.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
// The temp projects below hold nb texts only.
stotte.locales = ['nb'];
const stotteTexts = readFileSync(resolve(packageRoot, 'locales/nb/stotte.json'), 'utf8');

interface Run { code: number; stdout: string; stderr: string }

function run(args: string[], cwd = packageRoot): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, KLARSKJEMA_DEBUG: '' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function expectNoStackTrace({ stdout, stderr }: Run): void {
  for (const output of [stdout, stderr]) {
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/\b[A-Za-z]*Error:/);
    expect(output).not.toMatch(/node:internal|\.ts:\d+/);
  }
}

/** A folder with forms/ and locales/nb/stotte.json, like a project of one's own. */
async function project(forms: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'klarskjema-cli-'));
  await mkdir(join(dir, 'forms'));
  await mkdir(join(dir, 'locales/nb'), { recursive: true });
  await writeFile(join(dir, 'locales/nb/stotte.json'), stotteTexts);
  for (const [name, text] of Object.entries(forms)) await writeFile(join(dir, 'forms', name), text);
  return dir;
}

const broken = (): string => {
  const definition = structuredClone(stotte);
  definition.steps[0].fields[0].kind = 'foo';
  return JSON.stringify(definition, null, 2);
};
const laterCondition = (): string => {
  const definition = structuredClone(stotte);
  definition.steps[0].fields[1].when = { required: ['konto'] };
  return JSON.stringify(definition, null, 2);
};

describe('klarskjema check', { timeout: 60_000 }, () => {
  it('exits 0 on the example forms', async () => {
    const result = await run(['check', 'schemas/forms']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Sjekket 2 skjemaer. Fant ingen problemer.');
    expectNoStackTrace(result);
  });

  it('exits 1 with one block per finding: file, pointer, problem, → fix, and a count line', async () => {
    const dir = await project({ 'stotte.json': laterCondition() });
    const result = await run(['check', 'forms/stotte.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^forms\/stotte\.json \/steps\/0\/fields\/1\/when\/required\/0\n {2}\S.*«konto».*\n {2}→ \S/m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Sjekket 1 skjema. Fant 1 problem.');
    expectNoStackTrace(result);
  });

  it('reports an unknown field kind in English with --lang en', async () => {
    const dir = await project({ 'stotte.json': broken() });
    const result = await run(['check', 'forms', '--lang', 'en'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Unknown field kind "foo".');
    expect(result.stdout).toContain('Found 1 problem.');
  });

  it('exits 2 on a file that is not JSON, with one line naming the line and column', async () => {
    const dir = await project({ 'x.json': '{\n  "id": "x",\n  "version": "1.0.0"\n  "locales": ["nb"]\n}\n' });
    const result = await run(['check', 'forms/x.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^forms\/x\.json: kan ikke lese JSON: .+ \(linje 4, kolonne 3\)$/m);
    expectNoStackTrace(result);
  });

  it('exits 2 on a file that does not exist, and still checks the others', async () => {
    const result = await run(['check', 'schemas/forms/kontakt.json', 'schemas/forms/nope.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('schemas/forms/nope.json: filen finnes ikke');
    expect(result.stdout).toContain('Sjekket 1 skjema.');
    expectNoStackTrace(result);
  });

  it('prints JSON with --format json, unreadable files included', async () => {
    const dir = await project({ 'a.json': laterCondition(), 'b.json': '{ "id": ' });
    const result = await run(['check', 'forms', '--format', 'json'], dir);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { files: Array<{ file: string; findings: Array<Record<string, unknown>> }> };
    expect(report.files.map((f) => f.file)).toEqual(['forms/a.json', 'forms/b.json']);
    const [a, b] = report.files;
    expect(a!.findings).toHaveLength(1);
    expect(a!.findings[0]).toMatchObject({ code: 'condition-later-answer', pointer: '/steps/0/fields/1/when/required/0', params: { name: 'konto' } });
    expect(a!.findings[0]!.message).toEqual(expect.stringContaining('«konto»'));
    expect(a!.findings[0]!.fix).toEqual(expect.stringMatching(/\S/));
    expect(b!.findings).toMatchObject([{ code: 'unreadable', pointer: '' }]);
    expect(b!.findings[0]!.message).toMatch(/^kan ikke lese JSON: /);
  });

  it.each([
    [['check', 'schemas/forms', '--frob'], '«--frob» er ikke et valg.'],
    [['check'], 'Skriv hvilke skjemaer du vil bruke'],
    [[], 'Skriv hva du vil gjøre'],
    [['chek', 'schemas/forms'], '«chek» er ikke en kommando.'],
    [['check', 'schemas/forms', '--format'], 'Valget «--format» trenger en verdi.'],
    [['check', 'schemas/forms', '--format', 'xml'], '«xml» er ikke et format.'],
    [['check', 'schemas/forms', '--out', 'x'], 'Valget «--out» kan ikke brukes med check.'],
    [['check', 'schemas/forms', '--locales', 'no-such-dir'], 'Finner ikke mappen no-such-dir'],
    [['build', 'schemas/forms'], 'med --out MAPPE'],
  ])('exits 2 with one line and the usage on %j', async (args, line) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first, ...rest] = result.stderr.split('\n');
    expect(first).toContain(line);
    expect(rest.join('\n')).toContain('klarskjema check SKJEMA|MAPPE...');
    expectNoStackTrace(result);
  });

  it('prints the usage on --help and help, and exits 0', async () => {
    for (const args of [['--help'], ['help'], ['check', '--help'], ['help', '--lang', 'en']]) {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/klarskjema check (SKJEMA|FORM)/);
    }
  });
});

describe('klarskjema build', { timeout: 60_000 }, () => {
  it('writes one package per form, with no eval in the validators', async () => {
    const out = await mkdtemp(join(tmpdir(), 'klarskjema-out-'));
    const result = await run(['build', 'schemas/forms', '--out', out]);
    expect(result.code).toBe(0);
    expectNoStackTrace(result);
    const lines = result.stdout.trim().split('\n');
    const ids = (await readdir(resolve(packageRoot, 'schemas/forms'))).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(lines).toHaveLength(ids.length);
    for (const id of ids) {
      expect(result.stdout).toContain(`${join(out, id)}/ (form.json, validators.js, locales/nb.json`);
      const form = JSON.parse(await readFile(join(out, id, 'form.json'), 'utf8')) as { id: string };
      expect(form.id).toBe(id);
      const code = await readFile(join(out, id, 'validators.js'), 'utf8');
      expect(code.length).toBeGreaterThan(1000);
      expect(code).not.toContain('new Function');
      expect(code).not.toContain('eval(');
    }
  });

  it('writes nothing and exits 1 when a form has findings', async () => {
    const dir = await project({ 'stotte.json': laterCondition() });
    const result = await run(['build', 'forms', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/steps/0/fields/1/when/required/0');
    expect(result.stdout).toContain('Lagde ingen pakker.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expectNoStackTrace(result);
  });

  it('exits 2 and writes nothing when a form is not JSON', async () => {
    const dir = await project({ 'stotte.json': JSON.stringify(stotte), 'x.json': '[1,2,,]' });
    const result = await run(['build', 'forms', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^forms\/x\.json: kan ikke lese JSON: .+ \(linje 1, kolonne 6\)$/m);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expectNoStackTrace(result);
  });
});

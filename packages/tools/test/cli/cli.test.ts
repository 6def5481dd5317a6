// The klarskjema CLI as a user runs it: `node packages/tools/bin/klarskjema.js ...`, exit codes, output, no stack traces.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../src/node/paths.ts';

const bin = resolve(packageRoot, 'packages/tools/bin/klarskjema.js');
const stotte = JSON.parse(readFileSync(resolve(packageRoot, 'schemas/forms/stotte.json'), 'utf8')) as Record<
  string,
  any
>;
// The temp projects below hold nb texts only.
stotte.locales = ['nb'];
const stotteTexts = readFileSync(resolve(packageRoot, 'locales/nb/stotte.json'), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = packageRoot): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, KLARSKJEMA_DEBUG: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
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

describe('klarskjema check', () => {
  it('exits 0 on the example forms', async () => {
    const result = await run(['check', 'schemas/forms']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const forms = (await readdir(resolve(packageRoot, 'schemas/forms'))).filter((name) =>
      name.endsWith('.json'),
    ).length;
    expect(result.stdout).toContain(`Sjekket ${forms} skjemaer. Fant ingen problemer.`);
    expectNoStackTrace(result);
  });

  it('exits 1 with one block per finding: file, pointer, problem, → fix, and a count line', async () => {
    const dir = await project({ 'stotte.json': laterCondition() });
    const result = await run(['check', 'forms/stotte.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^forms\/stotte\.json \/steps\/0\/fields\/1\/when\/required\/0\n {2}\S.*«konto».*\n {2}→ \S/m,
    );
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
    const report = JSON.parse(result.stdout) as {
      files: Array<{ file: string; findings: Array<Record<string, unknown>> }>;
    };
    expect(report.files.map((f) => f.file)).toEqual(['forms/a.json', 'forms/b.json']);
    const [a, b] = report.files;
    expect(a!.findings).toHaveLength(1);
    expect(a!.findings[0]).toMatchObject({
      code: 'condition-later-answer',
      pointer: '/steps/0/fields/1/when/required/0',
      params: { name: 'konto' },
    });
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

describe('klarskjema build', () => {
  it('writes one package per form, with no eval in the validators', async () => {
    const out = await mkdtemp(join(tmpdir(), 'klarskjema-out-'));
    const result = await run(['build', 'schemas/forms', '--out', out]);
    expect(result.code).toBe(0);
    expectNoStackTrace(result);
    const lines = result.stdout.trim().split('\n');
    const ids = (await readdir(resolve(packageRoot, 'schemas/forms')))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(lines).toHaveLength(ids.length);
    for (const id of ids) {
      expect(result.stdout).toContain(
        `${join(out, id)}/ (form.json, validators.js, validators-later.js, submission.js, package.json, locales/nb.json`,
      );
      expect(result.stdout).toContain('locales/start/nb.json, locales/later/nb.json');
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

describe('klarskjema lint', () => {
  const stotteNb = JSON.parse(stotteTexts) as Record<string, any>;
  /** A project with the stotte form and its nb texts, changed by `edit`. */
  async function lintProject(edit: (texts: Record<string, any>) => void = () => {}): Promise<string> {
    const texts = structuredClone(stotteNb);
    edit(texts);
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-lint-'));
    await mkdir(join(dir, 'forms'));
    await mkdir(join(dir, 'locales/nb'), { recursive: true });
    await writeFile(join(dir, 'forms/stotte.json'), JSON.stringify({ ...stotte, locales: ['nb'] }, null, 2));
    await writeFile(join(dir, 'locales/nb/stotte.json'), JSON.stringify(texts, null, 2));
    return dir;
  }
  /** Removes every own plain text, so one plain text decides a step's plain score. */
  const withoutPlain = (node: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(node)) {
      if (/_plain(_|$)/.test(key)) delete node[key];
      else if (value && typeof value === 'object') withoutPlain(value as Record<string, unknown>);
    }
  };
  const longSentence =
    'Du må skrive hvor mye du får utbetalt i lønn hver måned etter at skatten er trukket og før du har betalt husleie og strøm og mat og klær til deg selv og barna.';

  it('exits 0 on the example forms, with the widget texts and a summary line', async () => {
    const result = await run(['lint', 'schemas/forms', '--widget', '--glossary']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Skjema: Be NAV om å kontakte deg (kontakt)');
    expect(result.stdout).toContain('Tekster: widget');
    expect(result.stdout).toContain('Tekster: glossary');
    // Waived findings (the legal texts' notes, decision 0030) are counted apart and fail nothing.
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^0 feil, \d+ advarsl?e?r? og \d+ tips\.(?: \d+ funn er unntatt\.)?$/,
    );
    expectNoStackTrace(result);
  });

  it('writes a self-contained HTML report with --format html --out, and says so in one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-report-'));
    const result = await run(['lint', 'schemas/forms', '--format', 'html', '--out', join(dir, 'report.html')]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Lagret rapporten i .*report\.html\. 0 feil/);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).toMatch(
      /<h3 id="result-\d+-step-1">Steg 1: <span lang="nb">Om deg<\/span> <code>om-deg<\/code><\/h3>/,
    );
    // Bars per locale, standard beside plain, described for screen readers.
    expect(html.match(/<svg [^>]*role="img"/g)!.length).toBeGreaterThan(10);
    expect(html).toContain('LIX for steget, norsk nynorsk');
  });

  it("prints the engine's results as JSON with --format json", async () => {
    const result = await run([
      'lint',
      'schemas/forms/stotte.json',
      '--widget',
      '--format',
      'json',
      '--locale',
      'nb,nn',
    ]);
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout) as Array<{
      kind: string;
      name: string;
      locales: string[];
      steps: unknown[];
      findings: unknown[];
    }>;
    expect(results.map((r) => `${r.kind}:${r.name}`)).toEqual(
      expect.arrayContaining(['form:stotte', 'collection:widget']),
    );
    for (const r of results) expect(r.locales.every((l) => l === 'nb' || l === 'nn')).toBe(true);
    expect(results[0]!.steps).toHaveLength(4);
  });

  it('exits 1 when a bar is broken; the finding names file, key, locale, variant, rule, the words and a suggestion', async () => {
    const dir = await lintProject((texts) => {
      texts.fields.inntekt.hint = longSentence;
    });
    const result = await run(['lint', 'forms'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^ {4}feil {6}locales\/nb\/stotte\.json {2}fields\.inntekt\.hint {2}nb\/standard {2}\[sentence-length\]\n\s+Setningen har 3\d ord\. Grensen er 25: «Du må skrive/m,
    );
    expect(result.stdout).toMatch(/\[sentence-length\]\n.*\n\s+→ Del setningen i to/);
    expectNoStackTrace(result);
  });

  it('reports a plain text that is no plainer than the standard text, and filters with --variant', async () => {
    const dir = await lintProject((texts) => {
      withoutPlain(texts);
      texts.fields.inntekt.hint_plain = `${texts.fields.inntekt.hint} Beløpet skal være etter skatten er betalt, og uten barnetrygden og bostøtten.`;
    });
    const plain = await run(['lint', 'forms', '--variant', 'plain', '--format', 'json'], dir);
    expect(plain.code).toBe(1);
    const findings = (
      JSON.parse(plain.stdout) as Array<{
        findings: Array<{ rule: string; variant: string; key: string; suggestion: string }>;
      }>
    ).flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.variant === 'plain')).toBe(true);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'lix-step', key: 'steps.situasjon', variant: 'plain' }),
    );
    const standard = await run(['lint', 'forms', '--variant', 'standard'], dir);
    expect(standard.code).toBe(0);
  });

  it('speaks English with --lang en', async () => {
    const dir = await lintProject((texts) => {
      texts.fields.inntekt.hint = longSentence;
    });
    const result = await run(['lint', 'forms', '--lang', 'en'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('The sentence has');
    expect(result.stdout).toMatch(/1 error/);
  });

  it('uses the thresholds of --config', async () => {
    const dir = await lintProject();
    await writeFile(join(dir, 'strict.json'), JSON.stringify({ lix: { stepMax: { standard: 10, plain: 5 } } }));
    const result = await run(['lint', 'forms', '--config', 'strict.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\[lix-step\]\n\s+LIX for steget «Situasjonen din» er [\d,]+\. Grensen er 10\./);
  });

  it('lints any text file with --text FILE --locale nb', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-text-'));
    await writeFile(
      join(dir, 'brev.txt'),
      'Søknaden behandles innen tre uker.\n\nVi ber om at du sender tilstrekkelig dokumentasjon.\n',
    );
    const result = await run(['lint', '--text', 'brev.txt', '--locale', 'nb'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/advarsel\s+brev\.txt:1:10 {2}text {2}nb\/standard {2}\[passive\]/);
    expect(result.stdout).toContain('«behandles»');
    expect(result.stdout).toMatch(
      /(advarsel|tips)\s+brev\.txt:3:24 .*\[stiff-word\]\n.*«tilstrekkelig».*\n\s+→ Skriv heller «nok»/,
    );
    await writeFile(join(dir, 'lang.txt'), `${longSentence}\n`);
    expect((await run(['lint', '--text', 'lang.txt', '--locale', 'nb'], dir)).code).toBe(1);
  });

  it.each([
    [['lint'], 'Skriv hvilke skjemaer du vil sjekke'],
    [['lint', 'schemas/forms', '--format', 'xml'], '«xml» er ikke et format. Bruk text, json, html eller sarif.'],
    [['check', 'schemas/forms', '--format', 'sarif'], '«sarif» er ikke et format. Bruk text eller json.'],
    [['check', 'schemas/forms', '--widget'], 'Valget «--widget» kan ikke brukes med check.'],
    [['lint', 'schemas/nothing-*.json'], 'Ingen filer passer til schemas/nothing-*.json.'],
    [['check', 'schemas/forms', '--format', 'html'], '«html» er ikke et format. Bruk text eller json.'],
    [['lint', '--text', 'README.md'], 'Skriv hvilket språk tekstfilen er på'],
    [['lint', '--text', 'README.md', '--locale', 'nb,nn'], 'Skriv hvilket språk tekstfilen er på'],
    [['lint', 'schemas/forms', '--variant', 'enkel'], '«enkel» er ikke en variant.'],
    [['lint', 'schemas/forms', '--locale', 'Norsk'], '«Norsk» er ikke en språkkode.'],
    [['lint', 'schemas/forms', '--config', 'nope.json'], 'Finner ikke filen nope.json (--config).'],
    [['check', 'schemas/forms', '--variant', 'plain'], 'Valget «--variant» kan ikke brukes med check.'],
  ])('exits 2 with one line and the usage on %j', async (args, line) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first, ...rest] = result.stderr.split('\n');
    expect(first).toContain(line);
    expect(rest.join('\n')).toContain('klarskjema lint SKJEMA|MAPPE...');
    expectNoStackTrace(result);
  });

  it('exits 2 with one line per file it cannot read, and still lints the rest', async () => {
    const dir = await lintProject();
    await writeFile(join(dir, 'forms/x.json'), '{ "id": ');
    await writeFile(join(dir, 'forms/y.json'), '{ "id": "y", "steps": [] }');
    const result = await run(['lint', 'forms'], dir);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^klarskjema: forms\/x\.json: kan ikke lese JSON: /);
    expect(lines[1]).toMatch(/^klarskjema: forms\/y\.json: finner ingen tekster for skjemaet «y»/);
    expect(result.stdout).toContain('Skjema: Søk om økonomisk støtte (stotte)');
    expectNoStackTrace(result);
    const missing = await run(['lint', '--text', 'nope.txt', '--locale', 'nb'], dir);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('klarskjema: nope.txt: filen finnes ikke\n');
  });

  it('exits 2 when a form is not a form, or the report cannot be written', async () => {
    const dir = await lintProject();
    await writeFile(join(dir, 'forms/z.json'), '[1, 2]');
    const notForm = await run(['lint', 'forms/z.json'], dir);
    expect(notForm.code).toBe(2);
    expect(notForm.stderr).toMatch(/^klarskjema: forms\/z\.json: dette er ikke et skjema som kan sjekkes\..*\n$/);
    const unwritable = await run(
      ['lint', 'forms/stotte.json', '--format', 'html', '--out', 'no/such/dir/report.html'],
      dir,
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe('klarskjema: kan ikke lagre rapporten i no/such/dir/report.html (ENOENT).\n');
    expectNoStackTrace(unwritable);
  });
});

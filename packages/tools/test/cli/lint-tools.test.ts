// `klarskjema lint` for editors and CI: SARIF (validated against the SARIF 2.1.0 schema), standard input, globs,
// --version, colour, the widget's texts only on request, and the author's word (notes beside a text, the
// project's word lists) shown in every format. Run in-process through main() with a fake terminal.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../src/node/paths.ts';
import { colorWanted, main } from '../../src/cli/main.ts';
import { RULE_IDS } from '../../src/plain/rules/index.ts';
import tools from '../../package.json' with { type: 'json' };

const stotte = JSON.parse(readFileSync(resolve(packageRoot, 'schemas/forms/stotte.json'), 'utf8')) as Record<
  string,
  unknown
>;
const stotteNb = JSON.parse(readFileSync(resolve(packageRoot, 'locales/nb/stotte.json'), 'utf8')) as {
  fields: Record<string, Record<string, unknown>>;
};
const longSentence =
  'Du må skrive hvor mye du får utbetalt i lønn hver måned etter at skatten er trukket og før du har betalt husleie og strøm og mat og klær til deg selv og barna.';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function lint(args: string[], cwd: string, extra: { stdin?: string; color?: boolean } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(['lint', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    stdin: () => Promise.resolve(extra.stdin ?? ''),
    color: extra.color ?? false,
  });
  return { code, stdout, stderr };
}

/** A project with the stotte form (nb only), its texts changed by `edit`, and optionally a config. */
async function project(
  edit: (fields: Record<string, Record<string, unknown>>) => void = () => {},
  config?: unknown,
): Promise<string> {
  const texts = structuredClone(stotteNb);
  edit(texts.fields);
  const dir = await mkdtemp(join(tmpdir(), 'klarskjema-lint-tools-'));
  await mkdir(join(dir, 'forms'));
  await mkdir(join(dir, 'locales/nb'), { recursive: true });
  await writeFile(join(dir, 'forms/stotte.json'), JSON.stringify({ ...stotte, locales: ['nb'] }, null, 2));
  await writeFile(join(dir, 'locales/nb/stotte.json'), JSON.stringify(texts, null, 2));
  for (const namespace of ['widget', 'glossary'])
    await writeFile(
      join(dir, `locales/nb/${namespace}.json`),
      readFileSync(resolve(packageRoot, `locales/nb/${namespace}.json`)),
    );
  if (config !== undefined) await writeFile(join(dir, 'plain-language.config.json'), JSON.stringify(config));
  return dir;
}

/** The long sentence in a hint, waived by a note beside it; KVP in another hint, allowed by the project's list. */
const waivedProject = () =>
  project(
    (fields) => {
      fields.inntekt!.hint = longSentence;
      fields.inntekt!.hint_lint = { rules: ['sentence-length'], reason: 'Teksten er lovpålagt og kan ikke deles.' };
      fields.konto!.hint = 'Vi betaler KVP til denne kontoen.';
    },
    { words: { abbreviations: ['KVP'] } },
  );

const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'sarif/sarif-schema-2.1.0.json'), 'utf8'),
) as object;
// unicodeRegExp off: the schema's pattern for a language tag (`]?`) is not valid in Unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validSarif = ajv.compile(schema);

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; help: { text: string } }> } };
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region?: Record<string, number> };
        logicalLocations: Array<{ fullyQualifiedName: string }>;
      }>;
      suppressions?: Array<{ kind: string; justification: string }>;
    }>;
  }>;
}

describe('lint --format sarif', () => {
  it('writes SARIF 2.1.0 that the schema accepts: rules with docs, results with places, waived ones suppressed', async () => {
    const dir = await waivedProject();
    await writeFile(join(dir, 'brev.txt'), 'Søknaden behandles innen tre uker.\n\nVi trenger bistand.\n');
    const form = await lint(['forms', '--format', 'sarif'], dir);
    const text = await lint(['--text', 'brev.txt', '--locale', 'nb', '--format', 'sarif'], dir);
    for (const ran of [form, text]) {
      const log = JSON.parse(ran.stdout) as SarifLog;
      expect(validSarif(log), JSON.stringify(validSarif.errors, null, 2)).toBe(true);
      expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS);
      expect(log.runs[0]!.tool.driver.version).toBe(tools.version);
      for (const rule of log.runs[0]!.tool.driver.rules) expect(rule.help.text).toContain('docs/plain-language.md#');
    }
    expect(form.code).toBe(0); // the only error is waived

    const results = (JSON.parse(form.stdout) as SarifLog).runs[0]!.results;
    const waived = results.find((r) => r.ruleId === 'sentence-length')!;
    expect(waived.level).toBe('error');
    expect(waived.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'Teksten er lovpålagt og kan ikke deles. (locales/nb/stotte.json /fields/inntekt/hint_lint)',
      },
    ]);
    // The text's line in the locale file, so an editor opens the file there.
    const source = (await readFile(join(dir, 'locales/nb/stotte.json'), 'utf8')).split('\n');
    const place = waived.locations[0]!;
    expect(place.physicalLocation.artifactLocation.uri).toBe('locales/nb/stotte.json');
    expect(place.logicalLocations[0]!.fullyQualifiedName).toBe('fields.inntekt.hint');
    expect(source[place.physicalLocation.region!.startLine! - 1]).toContain('"hint": "Du må skrive hvor mye');
    const listed = results.find((r) => r.ruleId === 'abbreviation')!;
    expect(listed.suppressions?.[0]).toMatchObject({ kind: 'external' });
    expect(listed.suppressions?.[0]!.justification).toContain('plain-language.config.json words.abbreviations');

    const passive = (JSON.parse(text.stdout) as SarifLog).runs[0]!.results.find((r) => r.ruleId === 'passive')!;
    expect(passive.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'brev.txt' },
      region: { startLine: 1, startColumn: 10, endLine: 1, endColumn: 19 },
    });
  });

  it('is refused by the schema when it is not SARIF (the test can fail)', () => {
    expect(validSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe('lint for editors and CI', () => {
  it('reads the text from standard input with --text -', async () => {
    const dir = await project();
    const ran = await lint(['--text', '-', '--locale', 'nb'], dir, { stdin: 'Hei.\nSaken din behandles nå.\n' });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/advarsel\s+<stdin>:2:11 {2}text {2}nb\/standard {2}\[passive\]/);
  });

  it('takes globs for forms and for text files, and says so when nothing matches', async () => {
    const dir = await project();
    await mkdir(join(dir, 'letters'));
    await writeFile(join(dir, 'letters/a.txt'), 'Søknaden behandles.\n');
    await writeFile(join(dir, 'letters/b.txt'), 'Vi trenger bistand.\n');
    const forms = await lint(['forms/*.json', '--format', 'json'], dir);
    expect((JSON.parse(forms.stdout) as Array<{ name: string }>).map((r) => r.name)).toEqual(['stotte']);
    const letters = await lint(['--text', 'letters/*.txt', '--locale', 'nb', '--format', 'json'], dir);
    expect((JSON.parse(letters.stdout) as Array<{ name: string }>).map((r) => r.name)).toEqual([
      'letters/a.txt',
      'letters/b.txt',
    ]);
    const none = await lint(['--text', 'letters/*.csv', '--locale', 'nb'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^klarskjema: Ingen filer passer til letters\/\*\.csv\./);
  });

  it('prints its version with --version', async () => {
    let out = '';
    const code = await main(['--version'], { stdout: (t) => (out += t), stderr: () => {}, cwd: packageRoot });
    expect(code).toBe(0);
    expect(out).toBe(`klarskjema ${tools.version}\n`);
  });

  it('colours severities only on a terminal without NO_COLOR, and never in a file', async () => {
    expect(colorWanted(true, {})).toBe(true);
    expect(colorWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(false, {})).toBe(false);
    const dir = await project();
    await writeFile(join(dir, 'brev.txt'), 'Søknaden behandles.\n');
    const args = ['--text', 'brev.txt', '--locale', 'nb'];
    expect((await lint(args, dir, { color: true })).stdout).toContain('\u001b[33madvarsel ');
    expect((await lint(args, dir, { color: false })).stdout).not.toContain('\u001b[');
    await lint([...args, '--out', 'report.txt'], dir, { color: true });
    expect(await readFile(join(dir, 'report.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it("lints a form's own texts, and the widget's and the glossary's only with --widget and --glossary", async () => {
    const dir = await project();
    const names = async (args: string[]) =>
      (JSON.parse((await lint(['forms', '--format', 'json', ...args], dir)).stdout) as Array<{ name: string }>).map(
        (r) => r.name,
      );
    expect(await names([])).toEqual(['stotte']);
    expect(await names(['--widget'])).toEqual(['stotte', 'widget']);
    expect(await names(['--glossary', '--widget'])).toEqual(['stotte', 'widget', 'glossary']);
  });
});

describe("the author's word in every format", () => {
  it('lists waived findings apart with the reason and where it is written, and they fail nothing', async () => {
    const dir = await waivedProject();
    const text = await lint(['forms'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /unntak {4}locales\/nb\/stotte\.json {2}fields\.inntekt\.hint {2}nb\/standard {2}\[sentence-length\]\n.*\n\s+Begrunnelse: Teksten er lovpålagt og kan ikke deles\. \(locales\/nb\/stotte\.json \/fields\/inntekt\/hint_lint\)/,
    );
    expect(text.stdout).toMatch(
      /\[abbreviation\]\n.*KVP.*\n\s+Begrunnelse: Prosjektet tillater denne forkortelsen\. \(plain-language\.config\.json words\.abbreviations\)/,
    );
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^0 feil, \d+ advarsl?e?r? og \d+ tips\. 2 funn er unntatt\.$/,
    );

    const json = JSON.parse((await lint(['forms', '--format', 'json'], dir)).stdout) as Array<{
      findings: Array<{ rule: string; waived?: unknown }>;
    }>;
    expect(json[0]!.findings.filter((f) => f.waived).map((f) => [f.rule, f.waived])).toEqual([
      [
        'sentence-length',
        {
          by: 'text',
          reason: 'Teksten er lovpålagt og kan ikke deles.',
          where: 'locales/nb/stotte.json /fields/inntekt/hint_lint',
        },
      ],
      [
        'abbreviation',
        {
          by: 'config',
          reason: 'Prosjektet tillater denne forkortelsen.',
          where: 'plain-language.config.json words.abbreviations',
        },
      ],
    ]);

    const html = await lint(['forms', '--format', 'html'], dir);
    expect(html.stdout).toContain('<h5>Unntak</h5><ul class="findings waived">');
    expect(html.stdout).toContain(
      'Begrunnelse: Teksten er lovpålagt og kan ikke deles. <span class="where">(<code>locales/nb/stotte.json /fields/inntekt/hint_lint</code>)</span>',
    );
  });

  it('still fails on the same error without the note', async () => {
    const dir = await project((fields) => {
      fields.inntekt!.hint = longSentence;
    });
    expect((await lint(['forms'], dir)).code).toBe(1);
  });

  it.each([
    [{ rules: ['sentence-length'] }, 'mangler en begrunnelse'],
    [{ rules: ['sentence-length'], reason: '  ' }, 'mangler en begrunnelse'],
    [{ reason: 'Lovpålagt.' }, 'sier ikke hvilke regler'],
    [{ rules: ['long-sentence'], reason: 'Lovpålagt.' }, 'nevner regelen «long-sentence», som ikke finnes'],
  ])('exits 2 on a note it cannot use (%j), and waives nothing', async (note, problem) => {
    const dir = await project((fields) => {
      fields.inntekt!.hint = longSentence;
      fields.inntekt!.hint_lint = note;
    });
    const ran = await lint(['forms'], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      `klarskjema: locales/nb/stotte.json /fields/inntekt/hint_lint: notatet til språksjekken ${ran.stderr.split('språksjekken ')[1]}`,
    );
    expect(ran.stderr).toContain(problem);
    expect(ran.stdout).toMatch(/^ {4}feil .*\[sentence-length\]/m);
  });

  it('refuses a config word list that is not a list of words', async () => {
    const dir = await project(() => {}, { words: { abbreviation: ['KVP'] } });
    const ran = await lint(['forms'], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('words: no list «abbreviation»');
  });
});

describe('measures beyond LIX', () => {
  it('shows OVIX and the nominal ratio per step in text, HTML and JSON', async () => {
    const dir = await project();
    const text = await lint(['forms', '--locale', 'nb'], dir);
    expect(text.stdout).toMatch(/ {4}nb {2}standard {3}LIX [\d,]+ · .* · OVIX [\d,]+ · Nominalkvote \d,\d\d\n/);
    const html = await lint(['forms', '--format', 'html'], dir);
    expect(html.stdout).toContain('<th scope="col">OVIX</th><th scope="col">Nominalkvote</th>');
    const json = JSON.parse((await lint(['forms', '--format', 'json'], dir)).stdout) as Array<{
      scores: Record<string, Record<string, { standard: { ovix?: number; nominalRatio?: number } }>>;
    }>;
    const step = json[0]!.scores.situasjon!.nb!.standard;
    expect(step.ovix).toBeGreaterThan(0);
    expect(step.nominalRatio).toBeGreaterThan(0);
  });
});

// Plain coverage in `klarskjema check` (issue 16, decision 0030): each locale's share of nb's plain texts,
// printed per form and locale; below the form's declared bar (or the widget's, in plain-language.config.json)
// check fails and names the missing keys.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFormFile } from '../../src/check/file.ts';
import { checkPlainCoverage, plainKeys } from '../../src/check/plain-coverage.ts';
import { createCliTexts } from '../../src/cli/texts.ts';
import { main } from '../../src/cli/main.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarskjema-coverage-'));
  await cp(resolve(packageRoot, 'schemas/forms/kontakt.json'), join(dir, 'forms/kontakt.json'));
  await cp(resolve(packageRoot, 'locales'), join(dir, 'locales'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(path: string, change: (json: Json) => void): Promise<void> {
  const json = JSON.parse(await readFile(join(dir, path), 'utf8')) as Json;
  change(json);
  await writeFile(join(dir, path), JSON.stringify(json));
}

const coverageFindings = async () =>
  (await checkFormFile(join(dir, 'forms/kontakt.json'), { cwd: dir })).findings.filter(
    (f) => f.code === 'plain-coverage',
  );

describe('plain coverage', () => {
  it('counts a key once whatever its plural forms, and leaves notes to the linter out', () => {
    expect(
      plainKeys({
        a: 'A',
        a_plain: 'A.',
        left_plain_one: '1 igjen',
        left_plain_other: '{{count}} igjen',
        b: { c_plain: 'C', c_plain_lint: { rules: ['x'], reason: 'y' }, d_plain: '' },
      }),
    ).toEqual(new Set(['a', 'left', 'b.c']));
  });

  it('reports every locale and fails only below the bar, one number or per locale', () => {
    const source = { f: { texts: { a: 'A', a_plain: 'A.', b: 'B', b_plain: 'B.' }, file: 'locales/nb/f.json' } };
    const locales = [
      { locale: 'nn', index: 1, namespaces: { f: { texts: { a_plain: 'A.', b_plain: 'B.' }, file: 'nn/f.json' } } },
      { locale: 'pl', index: 2, namespaces: { f: { texts: { a_plain: 'A.' }, file: 'pl/f.json' } } },
    ];
    const all = checkPlainCoverage({ source, locales, bars: { f: 1 } });
    expect(all.coverage.map((c) => [c.locale, c.covered, c.total, c.missing, c.bar])).toEqual([
      ['nn', 2, 2, [], 1],
      ['pl', 1, 2, ['b'], 1],
    ]);
    expect(all.findings).toEqual([
      {
        code: 'plain-coverage',
        pointer: '/plainCoverage',
        params: {
          locale: 'pl',
          namespace: 'f',
          file: 'pl/f.json',
          percent: 50,
          bar: 100,
          covered: 1,
          total: 2,
          missing: 'b',
        },
      },
    ]);
    expect(checkPlainCoverage({ source, locales, bars: { f: { nn: 1, pl: 0.5 } } }).findings).toEqual([]);
    expect(checkPlainCoverage({ source, locales, bars: {} }).findings).toEqual([]);
  });

  it('fails the form below its declared bar, naming the missing keys in the user’s words', async () => {
    await edit('forms/kontakt.json', (form) => (form.plainCoverage = { nn: 1 }));
    expect(await coverageFindings()).toEqual([]);
    await edit('locales/nn/kontakt.json', (texts) => delete texts.fields.telefon.hint_plain);
    const [found, ...rest] = await coverageFindings();
    expect(rest).toEqual([]);
    expect(found?.params).toMatchObject({ locale: 'nn', namespace: 'kontakt', missing: 'fields.telefon.hint' });
    expect(createCliTexts('nb').explain(found!).message).toBe(
      '«nn» har enkel tekst for 16 av 17 enkle tekster på bokmål i kontakt (94 %). Grensen er 100 %. Mangler: fields.telefon.hint.',
    );
  });

  it('holds the widget’s texts to the bar in plain-language.config.json', async () => {
    await writeFile(join(dir, 'plain-language.config.json'), JSON.stringify({ plainCoverage: { widget: 1 } }));
    // Every locale has the widget's plain texts today; take one away so a locale falls short of the bar.
    await edit('locales/pl/widget.json', (texts) => delete texts.privacy.who_plain);
    const widget = (await coverageFindings()).filter((f) => f.params.namespace === 'widget');
    // Every listed locale short of nb's plain widget texts fails; nn has them all.
    expect(widget.map((f) => f.params.locale)).not.toContain('nn');
    expect(widget.map((f) => [f.params.locale, f.params.missing])).toContainEqual(['pl', 'privacy.who']);
    expect(widget[0]!.pointer).toMatch(/^\/locales\/\d+$/);
  });

  it('prints the coverage per form and locale, and exits 1 below the bar', async () => {
    await edit('forms/kontakt.json', (form) => (form.plainCoverage = 1));
    // Every locale has kontakt's plain texts today; without one, pl falls below the bar.
    await edit('locales/pl/kontakt.json', (texts) => delete texts.fields.telefon.hint_plain);
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write;
    try {
      expect(await main(['check', join(dir, 'forms/kontakt.json'), '--locales', join(dir, 'locales')])).toBe(1);
    } finally {
      process.stdout.write = write;
    }
    const text = out.join('');
    expect(text).toMatch(/kontakt: nn 17\/17 \(100 %, grense 100 %\)/);
    expect(text).toMatch(/kontakt: .*pl 16\/17 \(94 %, grense 100 %\)/);
    expect(text).toContain('Mangler: fields.telefon.hint');
  });
});

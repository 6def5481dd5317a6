// `klarskjema check` refuses patterns that can backtrack catastrophically (issue 12): the detector's
// verdicts, the finding at the pattern's pointer in the answers and in conditions, the CLI's exit code,
// and every pattern this project ships.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../src/check/check.ts';
import type { Finding } from '../../src/check/findings.ts';
import { patternVerdict } from '../../src/check/patterns.ts';
import { createCliTexts } from '../../src/cli/texts.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;

const readJson = (path: string): Json => JSON.parse(readFileSync(resolve(packageRoot, path), 'utf8')) as Json;
const kontakt = readJson('schemas/forms/kontakt.json');
const kontaktTexts = readJson('locales/nb/kontakt.json');

function check(mutate: (definition: Json) => void): Finding[] {
  const definition = structuredClone(kontakt);
  mutate(definition);
  return checkDefinition(definition, { nb: kontaktTexts }, { existingLocales: definition.locales as string[] });
}

const backtracking = (findings: Finding[]) => findings.filter((f) => f.code === 'pattern-backtracking');

const CATASTROPHIC = ['^(a+)+$', '(a|a)*$', '(\\w+\\s?)*$', '^(\\d+)*x$', '^([a-z0-9]+[-. ]?)*[a-z0-9]+$', '(.*a){12}'];
/** Patterns a form plausibly has: postcodes, phone and account numbers, names, times, codes. */
const ORDINARY = [
  '^\\d{4}$',
  '^[0-9]{4}$',
  '^(\\+|00)?[0-9]{8,15}$',
  '^\\d{11}$',
  '^\\d{4}\\.?\\d{2}\\.?\\d{5}$',
  '^[A-ZÆØÅ][a-zæøå]+(-[A-ZÆØÅ][a-zæøå]+)?$',
  '^([01]\\d|2[0-3]):[0-5]\\d$',
  '^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$',
  '^[a-z]{2,3}$',
  '^\\S',
  '\\S',
  '^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$',
];

describe('patternVerdict', () => {
  it.each(CATASTROPHIC)('refuses %s', (pattern) => {
    expect(patternVerdict(pattern)).not.toBe('safe');
  });

  it.each(ORDINARY)('accepts %s', (pattern) => {
    expect(patternVerdict(pattern)).toBe('safe');
  });

  it('says which: a proven danger, or too complex to prove safe', () => {
    expect(patternVerdict('^(a+)+$')).toBe('backtracking');
    expect(patternVerdict('(a|a)*$')).toBe('complex');
  });
});

describe('check on a form with a catastrophic pattern', () => {
  it("finds ^(a+)+$ on a text answer, at the pattern's pointer, with texts that say what to do", () => {
    const findings = check((d) => {
      d.answers.properties.navn.pattern = '^(a+)+$';
    });
    expect(findings.map((f) => [f.code, f.pointer])).toEqual([
      ['pattern-backtracking', '/answers/properties/navn/pattern'],
    ]);
    for (const lang of ['nb', 'en'] as const) {
      const { message, fix } = createCliTexts(lang).explain(findings[0]!);
      expect(message).toContain('^(a+)+$');
      expect(fix).toContain('(a+)+');
      expect(`${message} ${fix}`).not.toMatch(/\{\{|check\.pattern/);
    }
  });

  it('finds patterns in $defs, nested schemas and patternProperties names', () => {
    const findings = check((d) => {
      d.answers.$defs = { kode: { type: 'string', pattern: '(\\w+\\s?)*$' } };
      d.answers.properties.navn = { allOf: [{ type: 'string' }, { not: { pattern: '^(\\d+)*x$' } }] };
      d.answers.properties.epost = { type: 'string', format: 'email', patternProperties: { '^(a|a)*$': true } };
    });
    expect(
      backtracking(findings)
        .map((f) => f.pointer)
        .sort(),
    ).toEqual([
      '/answers/$defs/kode/pattern',
      '/answers/properties/epost/patternProperties/^(a|a)*$',
      '/answers/properties/navn/allOf/1/not/pattern',
    ]);
    expect(backtracking(findings).find((f) => f.pointer.includes('patternProperties'))?.params).toMatchObject({
      context: 'complex',
    });
  });

  it('a condition cannot hold a pattern at all (so only the answers schema needs the detector)', () => {
    const findings = check((d) => {
      d.steps[0].fields[0].when = { properties: { tema: { pattern: '^(a+)+$' } } };
    });
    expect(findings.map((f) => [f.code, f.pointer])).toEqual([
      ['schema-additional-property', '/steps/0/fields/0/when/properties/tema/pattern'],
    ]);
  });

  it('leaves ordinary patterns alone', () => {
    const findings = check((d) => {
      d.answers.properties.navn.pattern = '^[A-ZÆØÅ][a-zæøå]+(-[A-ZÆØÅ][a-zæøå]+)?( [A-ZÆØÅ][a-zæøå]+)+$';
      d.answers.properties.telefon = { type: 'string', format: 'phone', pattern: '^(\\+|00)?[0-9]{8,15}$' };
    });
    expect(backtracking(findings)).toEqual([]);
  });
});

describe('klarskjema check (the CLI)', () => {
  it('exits 1 on a form with ^(a+)+$ and names the pointer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-redos-'));
    await mkdir(join(dir, 'forms'));
    await mkdir(join(dir, 'locales/nb'), { recursive: true });
    const definition = structuredClone(kontakt);
    definition.locales = ['nb'];
    definition.answers.properties.navn.pattern = '^(a+)+$';
    await writeFile(join(dir, 'forms/kontakt.json'), JSON.stringify(definition, null, 2));
    await writeFile(join(dir, 'locales/nb/kontakt.json'), JSON.stringify(kontaktTexts));
    const result = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(
        process.execPath,
        [resolve(packageRoot, 'packages/tools/bin/klarskjema.js'), 'check', 'forms'],
        { cwd: dir },
        (error, stdout) => {
          done({ code: error ? Number(error.code) : 0, stdout });
        },
      );
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/answers/properties/navn/pattern');
    expect(result.stdout).toContain('^(a+)+$');
  });
});

/** Every value of a "pattern" key and every "patternProperties" name, anywhere in a JSON document. */
function allPatterns(value: unknown, pointer: string, found: Array<[string, string]>): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((item, i) => allPatterns(item, `${pointer}/${i}`, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'pattern' && typeof item === 'string') found.push([pointer, item]);
      if (key === 'patternProperties' && typeof item === 'object' && item !== null)
        for (const name of Object.keys(item)) found.push([`${pointer}/patternProperties`, name]);
      allPatterns(item, `${pointer}/${key}`, found);
    }
  }
  return found;
}

describe('the patterns this project ships', () => {
  it('every pattern in schemas/ (answer schemas, forms, the form meta-schema) is safe', () => {
    const files = readdirSync(resolve(packageRoot, 'schemas'), { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.json'),
    );
    const patterns = files.flatMap((file) => allPatterns(readJson(`schemas/${file}`), file, []));
    expect(patterns.length).toBeGreaterThan(3); // postcode, form id and version, locales: the walk finds them
    expect(patterns.filter(([, pattern]) => patternVerdict(pattern) !== 'safe')).toEqual([]);
  });
});

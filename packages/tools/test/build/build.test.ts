import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFormPackage } from '../../src/build/build.ts';
import { packageRoot } from '../../../../src/node/paths.ts';
import { exampleFormIds, examplePackage, readExampleDefinition } from '../../../../test/helpers/form-packages.ts';

describe('klarskjema build', () => {
  it.each(exampleFormIds)('writes a self-contained package for "%s" with no eval and no compiler', async (id) => {
    const outDir = await mkdtemp(join(tmpdir(), 'klarskjema-build-'));
    const definition = await readExampleDefinition(id);
    const { dir, files } = await buildFormPackage(definition, { outDir, localesDir: resolve(packageRoot, 'locales') });
    expect(files).toEqual([
      'form.json', 'validators.js', 'validators-later.js', 'submission.js', 'package.json',
      ...definition.locales.map((lng) => `locales/${lng}.json`),
      ...definition.locales.flatMap((lng) => [`locales/start/${lng}.json`, `locales/later/${lng}.json`]),
    ]);
    for (const file of ['validators.js', 'validators-later.js', 'submission.js']) {
      const code = await readFile(join(dir, file), 'utf8');
      expect(code).not.toMatch(/new Function|eval\(/);
      // ajv's runtime helpers carry their own source as a string ('require("ajv/…")'); only real calls count.
      expect(code).not.toMatch(/(?<!['"])\brequire\(|\bimport\s*[{("']/);
      expect(code).not.toMatch(/must NOT|must be|must match/); // ajv's English messages stay out
      expect(code).toMatch(/export\s*\{/);
    }
    // The first step's module holds no whole-submission check: that is submission.js, loaded for Send.
    expect(await readFile(join(dir, 'validators.js'), 'utf8')).not.toContain('/submission');
  });

  it('ships a real date check and mod-11 checks in the package', async () => {
    const { validators } = await examplePackage('stotte');
    expect(validators.fields['barn-fodt']!('2024-06-30')).toBe(true);
    expect(validators.fields['barn-fodt']!('2024-06-31')).toBe(false);
    expect(validators.fields.konto!('86011117947')).toBe(true);
    expect(validators.fields.konto!('86011117948')).toBe(false);
  });

  it('takes amounts in øre that floating point cannot write exactly, and refuses a third decimal', async () => {
    const { definition, validators } = await examplePackage('stotte');
    const amount = Object.entries(definition.answers.properties).find(
      ([, schema]) => JSON.stringify(schema).includes('kroner'),
    )?.[0];
    expect(amount, 'stotte has an amount in kroner').toBeDefined();
    for (const value of [1234.57, 0.29, 0.07, 9200.5, 100]) expect(validators.fields[amount!]!(value), `${value}`).toBe(true);
    for (const value of [1234.567, 0.001]) expect(validators.fields[amount!]!(value), `${value}`).toBe(false);
  });
});

describe('the whole-submission validator', () => {
  const base = { arbeid: ['ingen'], adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' }, 'har-barn': false, bosituasjon: 'eier' };
  const check = async (answers: Record<string, unknown>, unsure: string[] = []) => {
    const { validators } = await examplePackage('stotte');
    return validators.submission({ answers, unsure });
  };

  it('accepts the relevant answers of a complete application', async () => {
    expect(await check(base)).toBe(true);
    expect(await check({ ...base, dokumenter: { kontoutskrift: { status: 'later' } } })).toBe(true);
  });

  it('rejects unknown keys and answers to questions that do not apply', async () => {
    expect(await check({ ...base, ukjent: 1 })).toBe(false);
    expect(await check({ ...base, inntekt: 5000 })).toBe(false);
    expect(await check({ ...base, arbeid: ['deltid'], inntekt: 5000 })).toBe(true);
    expect(await check({ ...base, husleie: 8000 })).toBe(false);
    expect(await check({ ...base, dokumenter: { husleiekontrakt: { status: 'later' } } })).toBe(false);
    expect(await check({ ...base, dokumenter: { skattemelding: { status: 'later' } } })).toBe(false);
  });

  it('requires a relevant required answer unless the user said "I don\'t know"', async () => {
    expect(await check({ ...base, arbeid: ['deltid'] })).toBe(false);
    expect(await check({ ...base, arbeid: ['deltid'] }, ['inntekt'])).toBe(true);
    expect(await check(base, ['inntekt'])).toBe(false); // unsure about a question that was not asked
    expect(await check(base, ['bosituasjon'])).toBe(false); // a question that offers no "I don't know"
  });

  it('checks the items of a repeating group, with their own conditions', async () => {
    const child = { 'barn-navn': 'Bo', 'barn-fodt': '2015-05-17', 'bor-fast': true };
    expect(await check({ ...base, 'har-barn': true, barn: [child] })).toBe(true);
    expect(await check({ ...base, 'har-barn': true, barn: [{ ...child, samvaer: 40 }] })).toBe(false);
    expect(await check({ ...base, 'har-barn': true, barn: [{ ...child, 'bor-fast': false }] })).toBe(false);
    expect(await check({ ...base, 'har-barn': true, barn: [{ ...child, 'bor-fast': false, samvaer: 40 }] })).toBe(true);
    expect(await check({ ...base, 'har-barn': true, barn: [{ ...child, alder: 9 }] })).toBe(false);
  });
});

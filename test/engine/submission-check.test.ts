// The whole-submission check (src/engine/submission-check.ts, bundled into submission.js, decision 0036): what it
// says and where, and that it walks a form of 20,000 fields (the JSON Schema it replaced overflowed the stack).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAndBuild, generateForm } from '../../scripts/bench/growth.ts';
import { submissionCheck, submissionForm } from '../../src/engine/submission-check.ts';
import { loadFormPackage } from '../../src/node/load-package.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const base = {
  arbeid: ['ingen'],
  adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
  'har-barn': false,
  bosituasjon: 'eier',
};
const child = { 'barn-navn': 'Bo', 'barn-fodt': '2015-05-17', 'bor-fast': true };

describe('the whole-submission check', () => {
  it('is the engine walking the form with the package validators, the same in submission.js as built here', async () => {
    const { definition, validators } = await examplePackage('stotte');
    const own = submissionCheck(submissionForm(definition), validators);
    for (const answers of [base, { ...base, inntekt: 5000 }, { ...base, 'har-barn': true, barn: [child] }]) {
      expect(own({ answers, unsure: [] })).toBe(validators.submission({ answers, unsure: [] }));
    }
  });

  it('names the first fault the way ajv would, at its place in the submission', async () => {
    const { validators } = await examplePackage('stotte');
    const fault = (data: unknown) => (validators.submission(data) ? null : validators.submission.errors?.[0]);
    expect(fault({ answers: base })).toMatchObject({
      instancePath: '',
      keyword: 'required',
      params: { missingProperty: 'unsure' },
    });
    expect(fault({ answers: { ...base, ukjent: 1 }, unsure: [] })).toMatchObject({
      instancePath: '/answers',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'ukjent' },
    });
    expect(fault({ answers: { ...base, inntekt: 5000 }, unsure: [] })).toMatchObject({
      instancePath: '/answers/inntekt',
      keyword: 'not-relevant',
    });
    expect(fault({ answers: { ...base, arbeid: ['deltid'] }, unsure: [] })).toMatchObject({
      instancePath: '/answers',
      keyword: 'required',
      params: { missingProperty: 'inntekt' },
    });
    expect(fault({ answers: { ...base, 'har-barn': true, barn: [{ ...child, alder: 9 }] }, unsure: [] })).toMatchObject(
      {
        instancePath: '/answers/barn/0',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'alder' },
      },
    );
    expect(
      fault({ answers: { ...base, 'har-barn': true, barn: [{ ...child, samvaer: 40 }] }, unsure: [] }),
    ).toMatchObject({
      instancePath: '/answers/barn/0/samvaer',
      keyword: 'not-relevant',
    });
    expect(fault({ answers: base, unsure: ['bosituasjon'] })).toMatchObject({
      instancePath: '/unsure/0',
      keyword: 'enum',
    });
    expect(
      fault({ answers: { ...base, adresse: { street: 'Storgata 1', postcode: '155', city: 'Oslo' } }, unsure: [] }),
    ).toMatchObject({
      instancePath: '/answers/adresse/postcode',
      keyword: 'pattern',
    });
    expect(validators.submission({ answers: base, unsure: [] })).toBe(true);
    expect(validators.submission.errors).toBeNull();
  });

  it('takes an answer left undefined in memory as no answer, as JSON would', async () => {
    const { validators } = await examplePackage('stotte');
    expect(validators.submission({ answers: { ...base, inntekt: undefined }, unsure: [] })).toBe(true);
    expect(validators.submission({ answers: { ...base, ukjent: undefined }, unsure: [] })).toBe(false);
  });

  it('checks and builds a form of 20,000 fields, and its check judges a submission', { timeout: 300_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'klarskjema-20000-'));
    try {
      const form = generateForm(20_000);
      const { check, build } = await checkAndBuild(form, join(work, 'locales'), join(work, 'forms'));
      expect(check.cpuMs, 'check').toBeTypeOf('number');
      expect(build.cpuMs, 'build').toBeTypeOf('number');
      const { validators } = await loadFormPackage(join(work, 'forms', form.definition.id));
      // felt-3 follows up the yes/no felt-2; felt-19 993 the yes/no felt-19 992.
      const answers = { 'felt-1': 'Kari', 'felt-2': true, 'felt-3': 'Ja', 'felt-19992': false };
      expect(validators.submission({ answers, unsure: [] })).toBe(true);
      expect(validators.submission({ answers: { ...answers, 'felt-19993': 'Nei' }, unsure: [] })).toBe(false);
      expect(validators.submission.errors?.[0]).toMatchObject({
        instancePath: '/answers/felt-19993',
        keyword: 'not-relevant',
      });
      expect(validators.submission({ answers: { ...answers, 'felt-20000': 'x'.repeat(201) }, unsure: [] })).toBe(false);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

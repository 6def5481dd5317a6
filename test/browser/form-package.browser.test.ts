// A built form package, loaded the way the widget loads it: form.json fetched, validators.js (and validators-later.js) imported
// as an ES module, in Chromium, under a Content-Security-Policy without 'unsafe-eval'.
// Needs `npm run build:forms` first (npm test and npm run test:browser's callers do it).
import type { FormDefinition } from '../../src/definition/types.ts';
import type { FormValidators } from '../../src/engine/form-package.ts';
import { assert, equal, notMatch, rejects } from './assert.ts';
import { cspViolations, expectCspViolations } from './csp-report.ts';
import { before, describe, it } from './mocha.ts';

const PACKAGE = '/build/forms/stotte';

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}. Run \`npm run build:forms\` first.`);
  return response;
}

describe('form package "stotte" in the browser', () => {
  let definition: FormDefinition;
  let validators: FormValidators;

  before(async () => {
    definition = (await (await fetchOk(`${PACKAGE}/form.json`)).json()) as FormDefinition;
    // A URL in a variable: the package is a build output, loaded at run time like the widget does.
    const url = `${PACKAGE}/validators.js`;
    const rest = `${PACKAGE}/validators-later.js`;
    const late = `${PACKAGE}/submission.js`;
    const [first, others, whole] = (await Promise.all([import(url), import(rest), import(late)])) as [
      Omit<FormValidators, 'submission'>,
      Pick<FormValidators, 'fields'>,
      Pick<FormValidators, 'submission'>,
    ];
    // The first step's field validators, then the other steps' (decision 0038), as the widget joins them.
    validators = { ...first, fields: { ...first.fields, ...others.fields }, submission: whole.submission };
  });

  it('runs under the production policy, which forbids eval', async () => {
    await rejects(() => new Function('return 1')(), /unsafe-eval|Content Security Policy|Trusted ?Type|EvalError/i);
    const violations = await expectCspViolations(() => new Function('return 1')());
    assert(violations.length > 0, 'the blocked eval is reported');
    equal(definition.id, 'stotte');
  });

  it('ships validators with no eval and no new Function', async () => {
    for (const file of ['validators.js', 'validators-later.js', 'submission.js']) {
      const source = await (await fetchOk(`${PACKAGE}/${file}`)).text();
      notMatch(source, /new\s+Function/);
      notMatch(source, /\beval\s*\(/);
    }
  });

  it('checks a national account number (mod 11)', () => {
    const konto = validators.fields.konto;
    assert(konto, 'fields.konto exists');
    equal(konto('86011117947'), true, '86011117947');
    equal(konto('86011117948'), false, '86011117948');
  });

  it('checks real calendar dates', () => {
    const born = validators.fields['barn-fodt'];
    assert(born, "fields['barn-fodt'] exists");
    equal(born('2024-06-30'), true, '2024-06-30');
    equal(born('2024-06-31'), false, '2024-06-31');
  });

  it('accepts a complete submission and rejects an answer to a question that does not apply', () => {
    const answers = {
      arbeid: ['ingen'],
      adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
      'har-barn': false,
      bosituasjon: 'eier',
    };
    const ok = validators.submission({ answers, unsure: [] });
    equal(ok, true, `valid submission (errors: ${JSON.stringify(validators.submission.errors)})`);
    // arbeid is 'ingen', so inntekt is not asked and must not be submitted.
    equal(validators.submission({ answers: { ...answers, inntekt: 5000 }, unsure: [] }), false, 'irrelevant inntekt');
  });

  it('loaded and ran without any policy violation of its own', () => {
    equal(cspViolations().length, 0, cspViolations().join('\n'));
  });
});

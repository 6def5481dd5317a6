// Rules as data (decision 0021), in Chromium: the sosialhjelp package loaded as the widget loads it (its
// validators.js brings the evaluator), the widget's machine judging random children and expenses, and the
// receiver (in Node, the same package) judging the submission: the same rules broken, the same total.
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { loadFormPackage } from '../../src/browser/load-package.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { ruleErrors } from '../../src/engine/field-errors.ts';
import { buildSubmission } from '../../src/engine/submission.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import { describe, it } from '../browser/mocha.ts';

type Verdict = { ok: true } | { ok: false; errors: Array<{ pointer: string; code: string }> };

const base = {
  navn: 'Kari Nordmann',
  adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
  telefon: '91234567',
  kontonummer: '86011117947',
  'soker-om': ['mat'],
  'hva-skjedde': 'Jeg mistet jobben.',
  'hjelp-i-dag': false,
  jobb: 'nei',
  student: false,
  sivilstatus: 'ugift',
  'har-barn': true,
  barnebidrag: 'nei',
  bosituasjon: 'leier',
  'antall-personer': 2,
  'ytelser-nav': false,
  'samtykke-skatt': true,
  bostotte: false,
  innskudd: ['ingen'],
  verdier: ['ingen'],
  'annen-inntekt': ['ingen'],
  'betaler-strom': true,
  barneutgifter: ['ingen'],
  'har-gjeld': false,
  bekreftelse: true,
};

const date = fc
  .integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((time) => new Date(time).toISOString().slice(0, 10));
const child = fc.record({
  'barn-navn': fc.constantFrom('Aksel', 'Bo', 'Sara'),
  'barn-fodt': date,
  shared: fc.boolean(),
});
const amount = fc.integer({ min: 0, max: 40_000 }).map((halves) => halves / 2);

describe('expressions in the browser package and in the receiver', () => {
  it('the package brings the evaluator, and the widget and the receiver judge random answers alike', async () => {
    const formPackage = await loadFormPackage('/build/forms/sosialhjelp/');
    assert(formPackage.validators.rules, 'validators.js brings the rules');
    equal(
      formPackage.validators.rules!.evaluate({ age: ['2008-03-04', '2026-03-03'] }, { answers: {}, today: '' }),
      17,
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(child, { minLength: 1, maxLength: 3 }),
        amount,
        amount,
        fc.integer({ min: 0, max: 400 }),
        async (children, husleie, strom, day) => {
          const now = new Date(2025, 0, 1 + day, 12);
          const machine = createWizardMachine(formPackage, { now: () => now });
          const barn = children.map((c) => ({
            'barn-navn': c['barn-navn'],
            'barn-fodt': c['barn-fodt'],
            'barn-bor-hos-deg': true,
            'delt-bosted': c.shared,
          }));
          const actor = createActor(machine, { input: { answers: { ...base, husleie, strom, barn } } }).start();
          const { context } = actor.getSnapshot();
          const check = { ...formPackage, answers: context.answers, unsure: [], relevance: context.relevance };
          const widget = formPackage.definition.steps
            .flatMap((step) => ruleErrors(step, check))
            .map((e) => `/answers${e.path} ${e.code}`);
          const submission = buildSubmission({
            id: 'soknad-0001',
            definition: formPackage.definition,
            validators: formPackage.validators,
            relevance: context.relevance,
            unsure: [],
            answeredIn: {},
            locale: 'nb',
            variant: 'standard',
            now,
          });
          equal(submission.computed?.['utgifter-per-maned'], husleie + strom, 'the total');
          const verdict = await executeServerCommand<Verdict, Record<string, unknown>>('klar-validate', {
            form: 'sosialhjelp',
            body: JSON.parse(JSON.stringify(submission)),
            now: now.toISOString(),
          });
          const receiver = verdict.ok ? [] : verdict.errors.map((e) => `${e.pointer} ${e.code}`);
          if (!verdict.ok) refused++;
          deepEqual(receiver.sort(), widget.sort(), 'the receiver refuses exactly the rules the widget finds broken');
        },
      ),
      { numRuns: 30 },
    );
    assert(refused > 0, 'some random children break a rule');
  });
});

// Rules as data (decision 0021): the evaluator's vocabulary, the rules and computed values of sosialhjelp
// in the machine with an injected clock, documents per child, and two properties: the widget and the
// receiver judge every answer alike, and removing a child never changes another child's documents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { evaluate, isExpression, type Scope } from '../../src/engine/expression.ts';
import { localDate } from '../../src/engine/expression-kind.ts';
import { ruleErrors, validateStep } from '../../src/engine/field-errors.ts';
import { ITEM_ID } from '../../src/engine/items.ts';
import { buildSubmission } from '../../src/engine/submission.ts';
import type { Answers } from '../../src/engine/answers.ts';
import type { WizardContext, WizardInput } from '../../src/engine/machine.ts';
import { validateSubmission } from '../../packages/receiver/src/validate-submission.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const scope = (answers: Answers = {}, item?: Record<string, unknown>): Scope => ({
  answers,
  today: '2026-03-03',
  ...(item ? { item } : {}),
});

describe('the vocabulary', () => {
  it('compares with today, strictly and not', () => {
    expect(evaluate({ '<=': [{ answer: 'd' }, { today: [] }] }, scope({ d: '2026-03-03' }))).toBe(true);
    expect(evaluate({ '<': [{ answer: 'd' }, { today: [] }] }, scope({ d: '2026-03-03' }))).toBe(false);
    expect(evaluate({ '<=': [{ answer: 'd' }, { today: [] }] }, scope({ d: '2026-03-04' }))).toBe(false);
    expect(
      evaluate(
        { '>': [{ answer: 'slutt' }, { answer: 'start' }] },
        scope({ start: '2026-01-01', slutt: '2026-01-01' }),
      ),
    ).toBe(false);
    expect(
      evaluate(
        { '>=': [{ answer: 'slutt' }, { answer: 'start' }] },
        scope({ start: '2026-01-01', slutt: '2026-01-01' }),
      ),
    ).toBe(true);
  });

  it('counts age in whole years: a birthday not yet reached does not count', () => {
    const age = (birth: string, at?: string) => evaluate({ age: at ? [birth, at] : [birth] }, scope());
    expect(age('2008-03-03')).toBe(18);
    expect(age('2008-03-04')).toBe(17);
    expect(age('2008-02-29', '2026-02-28')).toBe(17);
    expect(age('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('adds days, months and years; a day past the month end is its last day', () => {
    expect(evaluate({ 'add-months': ['2026-01-31', 1] }, scope())).toBe('2026-02-28');
    expect(evaluate({ 'add-years': ['2024-02-29', 1] }, scope())).toBe('2025-02-28');
    expect(evaluate({ 'add-days': ['2026-02-28', 1] }, scope())).toBe('2026-03-01');
    expect(evaluate({ 'add-days': ['2026-03-01', -1] }, scope())).toBe('2026-02-28');
    expect(evaluate({ 'add-months': ['2026-11-30', 3] }, scope())).toBe('2027-02-28');
    expect(evaluate({ 'days-between': ['2026-01-01', '2026-03-03'] }, scope())).toBe(61);
  });

  it('knows nothing of a missing answer: a condition does not hold and a rule is not broken', () => {
    const rule = { '<': [{ age: { answer: 'fodt' } }, 18] };
    expect(evaluate(rule, scope())).toBeNull();
    expect(evaluate({ and: [true, { answer: 'x' }] }, scope())).toBeNull();
    expect(evaluate({ and: [false, { answer: 'x' }] }, scope())).toBe(false);
    expect(evaluate({ or: [true, { answer: 'x' }] }, scope())).toBe(true);
    expect(evaluate({ '<': ['2026-01-01', 3] }, scope())).toBeNull(); // a date is no number
  });

  it('sums, counts and takes min and max, in øre where the user writes øre', () => {
    expect(evaluate({ sum: [0.1, 0.2] }, scope())).toBe(0.3);
    expect(evaluate({ sum: [{ answer: 'a' }, { answer: 'missing' }, 5] }, scope({ a: 10 }))).toBe(15);
    const barn = [{ n: 'A', s: 40 }, { n: 'B' }, { n: 'C', s: 10 }];
    expect(evaluate({ count: { answer: 'barn' } }, scope({ barn }))).toBe(3);
    expect(evaluate({ sum: { each: ['barn', { answer: 's' }] } }, scope({ barn }))).toBe(50);
    expect(evaluate({ max: { each: ['barn', { answer: 's' }] } }, scope({ barn }))).toBe(40);
    expect(evaluate({ min: [] }, scope())).toBeNull();
    expect(evaluate({ some: ['barn', { '>': [{ answer: 's' }, 30] }] }, scope({ barn }))).toBe(true);
    expect(evaluate({ all: ['barn', { '>': [{ answer: 's' }, 5] }] }, scope({ barn }))).toBe(false);
  });

  it("inside an item, an answer is this item's; across items, each item's", () => {
    const item = { fodt: '2010-01-01' };
    expect(evaluate({ age: { answer: 'fodt' } }, scope({ fodt: '1990-01-01' }, item))).toBe(16);
  });

  it('tells an expression from a JSON Schema condition, `not` included', () => {
    expect(isExpression({ not: [{ answer: 'x' }] })).toBe(true);
    expect(isExpression({ not: { required: ['x'] } })).toBe(false);
    expect(isExpression({ required: ['x'], properties: {} })).toBe(false);
    expect(isExpression({ '<': [1, 2] })).toBe(true);
  });

  it("takes the user's local date as today", () => {
    expect(localDate(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });
});

/** Answers to every step of sosialhjelp up to the children: a person who rents and has children. */
const base: Answers = {
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
  husleie: 8000,
  'betaler-strom': true,
  strom: 900,
  barneutgifter: ['ingen'],
  'har-gjeld': false,
  bekreftelse: true,
};

const APPLICATION_DAY = new Date(2026, 2, 3, 12, 0);

async function start(input: WizardInput, now = () => APPLICATION_DAY) {
  const formPackage = await examplePackage('sosialhjelp');
  let item = 0;
  const machine = createWizardMachine(formPackage, {
    now,
    createId: () => 'soknad-0001',
    createItemId: () => `barn${String(++item).padStart(4, '0')}`,
  });
  return { actor: createActor(machine, { input }).start(), formPackage };
}

function errorsOf(
  context: WizardContext,
  definition: Awaited<ReturnType<typeof examplePackage>>['definition'],
  validators: Awaited<ReturnType<typeof examplePackage>>['validators'],
) {
  const check = {
    definition,
    validators,
    answers: context.answers,
    unsure: context.unsure,
    relevance: context.relevance,
  };
  return definition.steps.flatMap((step) => validateStep(step, check));
}

describe('sosialhjelp: children under 18 on the application date, dates not in the future', () => {
  it("refuses a child who is 18 on the application date and a birth date after it, in the form's own words", async () => {
    const children = [
      { 'barn-navn': 'Atle', 'barn-fodt': '2008-03-03', 'barn-bor-hos-deg': true, 'delt-bosted': false },
      { 'barn-navn': 'Bo', 'barn-fodt': '2008-03-04', 'barn-bor-hos-deg': true, 'delt-bosted': false },
      { 'barn-navn': 'Cato', 'barn-fodt': '2026-03-04', 'barn-bor-hos-deg': true, 'delt-bosted': false },
    ];
    const { actor, formPackage } = await start({ answers: { ...base, barn: children } });
    const errors = errorsOf(actor.getSnapshot().context, formPackage.definition, formPackage.validators).filter((e) =>
      e.path.startsWith('/barn'),
    );
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['/barn/0/barn-fodt', 'over18'],
      ['/barn/2/barn-fodt', 'future'],
    ]);
    expect(errors[0]!.keys[0]).toBe('sosialhjelp:fields.barn-fodt.errors.over18');
  });

  it('judges on the date of the clock the machine is given: a day later, the child is 18', async () => {
    const child = { 'barn-navn': 'Bo', 'barn-fodt': '2008-03-04', 'barn-bor-hos-deg': true, 'delt-bosted': false };
    let now = APPLICATION_DAY;
    const { actor, formPackage } = await start({ answers: { ...base, barn: [child] } }, () => now);
    const codes = () =>
      errorsOf(actor.getSnapshot().context, formPackage.definition, formPackage.validators).map((e) => e.code);
    expect(codes()).not.toContain('over18');
    now = new Date(2026, 2, 4, 9, 0);
    actor.send({ type: 'ANSWER', field: 'barn-navn', index: 0, value: 'Bo' }); // today is read at every answer
    expect(codes()).toContain('over18');
  });

  it('a partner born tomorrow is refused; an answer marked "I don\'t know" is not held to the rule', async () => {
    const { actor, formPackage } = await start({
      answers: {
        ...base,
        sivilstatus: 'samboer',
        'partner-navn': 'Ola',
        'partner-fodt': '2026-03-04',
        'har-barn': false,
      },
    });
    const errors = () => errorsOf(actor.getSnapshot().context, formPackage.definition, formPackage.validators);
    expect(errors().map((e) => [e.path, e.code])).toContainEqual(['/partner-fodt', 'future']);
    actor.send({ type: 'MARK_UNSURE', field: 'partner-fodt', unsure: true });
    expect(errors().map((e) => e.path)).not.toContain('/partner-fodt');
  });
});

describe('sosialhjelp: the total of monthly expenses', () => {
  it('is recomputed on every answer, and sent with the application date', async () => {
    const { actor, formPackage } = await start({ answers: { ...base, 'har-barn': false } });
    expect(actor.getSnapshot().context.relevance.computed).toEqual({ 'utgifter-per-maned': 8900 });
    actor.send({ type: 'ANSWER', field: 'strom', value: '1 200,50' });
    expect(actor.getSnapshot().context.relevance.computed['utgifter-per-maned']).toBe(9200.5);
    // An answer no longer asked is no longer counted.
    actor.send({ type: 'ANSWER', field: 'betaler-strom', value: false });
    expect(actor.getSnapshot().context.relevance.computed['utgifter-per-maned']).toBe(8000);
    const { context } = actor.getSnapshot();
    const submission = buildSubmission({
      id: 'soknad-0001',
      definition: formPackage.definition,
      validators: formPackage.validators,
      relevance: context.relevance,
      unsure: context.unsure,
      answeredIn: {},
      locale: 'nb',
      variant: 'standard',
      now: APPLICATION_DAY,
    });
    expect(submission).toMatchObject({ applicationDate: '2026-03-03', computed: { 'utgifter-per-maned': 8000 } });
    // The receiver works it out again and refuses a total the rules do not give.
    const receive = (body: unknown) =>
      validateSubmission(formPackage, JSON.parse(JSON.stringify(body)), { now: () => APPLICATION_DAY });
    expect(receive({ ...submission, computed: { 'utgifter-per-maned': 1 } })).toMatchObject({
      ok: false,
      errors: [{ pointer: '/computed/utgifter-per-maned', code: 'computed' }],
    });
  });
});

describe('sosialhjelp: an agreement per child with shared residence or living elsewhere', () => {
  it('gives the children ids, asks per child, and keeps the others when one is removed', async () => {
    const { actor } = await start({ answers: { ...base } });
    const child = (index: number, name: string, shared: boolean) => {
      actor.send({ type: 'ADD_ITEM', group: 'barn' });
      actor.send({ type: 'ANSWER', field: 'barn-navn', index, value: name });
      actor.send({ type: 'ANSWER', field: 'barn-fodt', index, value: '01.01.2015' });
      actor.send({ type: 'ANSWER', field: 'barn-bor-hos-deg', index, value: true });
      actor.send({ type: 'ANSWER', field: 'delt-bosted', index, value: shared });
    };
    child(0, 'Aksel', true);
    child(1, 'Bo', false);
    child(2, 'Cecilie', true);
    const context = () => actor.getSnapshot().context;
    expect(context().relevance.attachments.filter((d) => d.startsWith('samvaersavtale'))).toEqual([
      'samvaersavtale.barn0001',
      'samvaersavtale.barn0003',
    ]);
    actor.send({
      type: 'ANSWER',
      field: 'dokumenter',
      value: {
        'samvaersavtale.barn0001': { status: 'later' },
        'samvaersavtale.barn0003': { status: 'missing', reason: 'Vi har ingen skriftlig avtale.' },
      },
    });
    actor.send({ type: 'REMOVE_ITEM', group: 'barn', index: 0 });
    expect(context().relevance.attachments.filter((d) => d.startsWith('samvaersavtale'))).toEqual([
      'samvaersavtale.barn0003',
    ]);
    expect(context().relevance.answers.dokumenter).toEqual({
      'samvaersavtale.barn0003': { status: 'missing', reason: 'Vi har ingen skriftlig avtale.' },
    });
    // The removed child's choice is gone, not waiting for another child.
    expect(Object.keys(context().answers.dokumenter as object)).toEqual(['samvaersavtale.barn0003']);
  });

  it('gives every child its own id, even from an id source that repeats itself', async () => {
    const formPackage = await examplePackage('sosialhjelp');
    const machine = createWizardMachine(formPackage, { now: () => APPLICATION_DAY, createItemId: () => 'samme1' });
    const barn = [{ 'barn-navn': 'A' }, { 'barn-navn': 'B' }, { 'barn-navn': 'C', _id: 'samme1' }];
    const actor = createActor(machine, { input: { answers: { ...base, barn } } }).start();
    const ids = (actor.getSnapshot().context.answers.barn as Array<Record<string, unknown>>).map((c) => c[ITEM_ID]);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{6,32}$/);
  });

  it("moves an older draft's one agreement to the one child it fits, and gives the children ids", async () => {
    const { actor } = await start({
      answers: {
        ...base,
        barn: [
          { 'barn-navn': 'Aksel', 'barn-fodt': '2015-01-01', 'barn-bor-hos-deg': true, 'delt-bosted': false },
          { 'barn-navn': 'Bo', 'barn-fodt': '2016-01-01', 'barn-bor-hos-deg': false, samvaer: 20 },
        ],
        dokumenter: { samvaersavtale: { status: 'later' } },
      },
    });
    const { answers, relevance } = actor.getSnapshot().context;
    expect((answers.barn as Array<Record<string, unknown>>).map((c) => c[ITEM_ID])).toEqual(['barn0001', 'barn0002']);
    expect(relevance.answers.dokumenter).toEqual({ 'samvaersavtale.barn0002': { status: 'later' } });
  });
});

const dateArbitrary = fc
  .integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((time) => new Date(time).toISOString().slice(0, 10));
const childArbitrary = fc.record({
  'barn-navn': fc.constantFrom('Aksel', 'Bo', 'Cecilie', 'Dina'),
  'barn-fodt': dateArbitrary,
  'barn-bor-hos-deg': fc.boolean(),
  shared: fc.boolean(),
});
const asChild = (c: { 'barn-navn': string; 'barn-fodt': string; 'barn-bor-hos-deg': boolean; shared: boolean }) =>
  c['barn-bor-hos-deg']
    ? { 'barn-navn': c['barn-navn'], 'barn-fodt': c['barn-fodt'], 'barn-bor-hos-deg': true, 'delt-bosted': c.shared }
    : { 'barn-navn': c['barn-navn'], 'barn-fodt': c['barn-fodt'], 'barn-bor-hos-deg': false, samvaer: 20 };
// Kroner and half kroner: every such amount is a multiple of 0.01 to ajv as well.
const amount = fc.integer({ min: 0, max: 40_000 }).map((halves) => halves / 2);

describe('properties', () => {
  it('the widget (the built package in the machine) and the receiver judge the rules and the total alike', async () => {
    const formPackage = await examplePackage('sosialhjelp');
    await fc.assert(
      fc.asyncProperty(
        fc.array(childArbitrary, { minLength: 1, maxLength: 4 }),
        fc.record({ husleie: amount, strom: amount }),
        fc.integer({ min: 0, max: 400 }),
        async (children, expenses, day) => {
          const now = new Date(2025, 0, 1 + day, 12);
          const { actor } = await start({ answers: { ...base, ...expenses, barn: children.map(asChild) } }, () => now);
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
          expect(submission.computed?.['utgifter-per-maned']).toBe(
            Number((expenses.husleie + expenses.strom).toPrecision(15)),
          );
          const verdict = validateSubmission(formPackage, JSON.parse(JSON.stringify(submission)), { now: () => now });
          const receiver = verdict.ok ? [] : verdict.errors.map((e) => `${e.pointer} ${e.code}`);
          // The rules the widget finds broken are exactly those the receiver refuses; the total is taken.
          expect(receiver.filter((e) => /barn-fodt|computed/.test(e)).sort()).toEqual(widget.sort());
          expect(receiver.filter((e) => !/barn-fodt|attachments/.test(e))).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("removing a child never changes another child's documents", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(childArbitrary, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.array(fc.constantFrom('later', 'missing', 'uploaded'), { minLength: 5, maxLength: 5 }),
        async (children, pick, statuses) => {
          const kids = children.map((c) => ({ ...asChild(c), 'barn-fodt': '2015-06-01' }));
          const { actor } = await start({ answers: { ...base, barn: kids } });
          const documents = () =>
            actor.getSnapshot().context.relevance.attachments.filter((d) => d.startsWith('samvaersavtale.'));
          const answers: Record<string, unknown> = {};
          documents().forEach(
            (key, i) =>
              (answers[key] = {
                status: statuses[i] === 'uploaded' ? 'later' : statuses[i],
                ...(statuses[i] === 'missing' ? { reason: 'Ingen avtale.' } : {}),
              }),
          );
          actor.send({ type: 'ANSWER', field: 'dokumenter', value: answers });
          const ids = () =>
            ((actor.getSnapshot().context.answers.barn as Array<Record<string, unknown>> | undefined) ?? []).map((c) =>
              String(c[ITEM_ID]),
            );
          const before = ids();
          const index = pick % before.length;
          const removed = before[index]!;
          const kept = new Map(
            documents()
              .filter((key) => !key.endsWith(`.${removed}`))
              .map((key) => [key, answers[key]]),
          );
          actor.send({ type: 'REMOVE_ITEM', group: 'barn', index });
          expect(ids()).toEqual(before.filter((id) => id !== removed));
          expect(documents()).toEqual([...kept.keys()]);
          const left = (actor.getSnapshot().context.relevance.answers.dokumenter ?? {}) as Record<string, unknown>;
          expect(left).toEqual(Object.fromEntries(kept));
        },
      ),
      { numRuns: 100 },
    );
  });
});

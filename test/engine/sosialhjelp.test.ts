// The real application, søknad om økonomisk sosialhjelp, through the engine: every branch of its
// questions, the documents that follow from the answers, each choice a user has for a document, and
// a whole application whose submission holds exactly the relevant answers and the record the
// caseworker needs (docs/users.md N1, N3, N5, N6, N17, N19).
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { Answers } from '../../src/engine/answers.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type WizardInput } from '../../src/engine/machine.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { submissionErrors, type Submission } from '../../src/engine/submission.ts';
import { textVersionOf } from '../../src/engine/text-version.ts';
import { validateSubmission } from '../../packages/receiver/src/validate-submission.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const FORM = 'sosialhjelp';
const adresse = { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };
const register = {
  navn: 'Kari Nordmann',
  adresse,
  telefon: '91234567',
  kontonummer: '86011117947',
  sivilstatus: 'ugift',
};

/** Answers, step by step, for a person who rents, lives alone and has no children, no work and no savings. */
const base: Record<string, Answers> = {
  personalia: { navn: 'Kari Nordmann', adresse, telefon: '91234567', kontonummer: '86011117947' },
  begrunnelse: { 'soker-om': ['mat'], 'hva-skjedde': 'Jeg mistet jobben i mars.', 'hjelp-i-dag': false },
  'arbeid-og-utdanning': { jobb: 'nei', student: false },
  familie: { sivilstatus: 'ugift', 'har-barn': false },
  bosituasjon: { bosituasjon: 'leier', 'antall-personer': 0 },
  'inntekt-og-formue': {
    'ytelser-nav': false,
    'samtykke-skatt': true,
    bostotte: false,
    innskudd: ['ingen'],
    verdier: ['ingen'],
    'annen-inntekt': ['ingen'],
  },
  'utgifter-og-gjeld': { husleie: 8000, 'betaler-strom': false, 'har-gjeld': false },
  vedlegg: {},
  bekreftelse: { bekreftelse: true },
};

const merged = (...parts: Answers[]): Answers => Object.assign({}, ...parts);
const allOf = (steps: Record<string, Answers>): Answers => merged(...Object.values(steps));

async function relevanceOf(answers: Answers) {
  const { definition, validators } = await examplePackage(FORM);
  return computeRelevance(definition, validators, answers);
}

async function start(input: WizardInput = {}) {
  const formPackage = await examplePackage(FORM);
  let second = 0;
  let item = 0;
  const machine = createWizardMachine(formPackage, {
    createId: () => 'soknad-0001',
    now: () => new Date(Date.UTC(2026, 2, 3, 10, 0, second++)),
    createItemId: () => `barn${String(++item).padStart(4, '0')}`,
  });
  return { actor: createActor(machine, { input }).start(), formPackage };
}
type Actor = Awaited<ReturnType<typeof start>>['actor'];

/** Answers every question given for the current step (group items as arrays of items) and goes on. */
function answerStep(actor: Actor, answers: Answers): void {
  for (const [field, value] of Object.entries(answers)) {
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      value.forEach((item, index) => {
        actor.send({ type: 'ADD_ITEM', group: field });
        for (const [child, childValue] of Object.entries(item as Answers))
          actor.send({ type: 'ANSWER', field: child, index, value: childValue });
      });
    } else {
      actor.send({ type: 'ANSWER', field, value });
    }
  }
}

function next(actor: Actor): void {
  const before = actor.getSnapshot().context.step;
  actor.send({ type: 'NEXT' });
  const { errors, step } = actor.getSnapshot().context;
  expect(
    errors.map((e) => `${e.path} ${e.code}`),
    `errors on ${before}`,
  ).toEqual([]);
  expect(step === before && actor.getSnapshot().value === 'filling', `Continue left ${before}`).toBe(false);
}

describe('sosialhjelp: questions follow the answers', () => {
  it('asks about a spouse only when there is one, and whether they live together only when married', async () => {
    const ugift = await relevanceOf(merged(allOf(base), { sivilstatus: 'ugift' }));
    expect(ugift.fields).not.toContain('partner-navn');
    expect(ugift.fields).not.toContain('bor-sammen');
    const gift = await relevanceOf(merged(allOf(base), { sivilstatus: 'gift' }));
    expect(gift.fields).toEqual(expect.arrayContaining(['partner-navn', 'partner-fodt', 'bor-sammen']));
    const samboer = await relevanceOf(merged(allOf(base), { sivilstatus: 'samboer' }));
    expect(samboer.fields).toEqual(expect.arrayContaining(['partner-navn', 'partner-fodt']));
    expect(samboer.fields).not.toContain('bor-sammen');
  });

  it('asks about each child: where the child lives, shared residence or contact time, and child support', async () => {
    const none = await relevanceOf(allOf(base));
    for (const id of ['barn', 'barnebidrag', 'barneutgifter']) expect(none.fields).not.toContain(id);
    const answers = merged(allOf(base), {
      'har-barn': true,
      barn: [
        { 'barn-navn': 'Aksel', 'barn-fodt': '2015-05-17', 'barn-bor-hos-deg': true, 'delt-bosted': true, samvaer: 40 },
        { 'barn-navn': 'Bo', 'barn-fodt': '2018-01-02', 'barn-bor-hos-deg': false, 'delt-bosted': true, samvaer: 20 },
      ],
      barnebidrag: 'begge',
      'bidrag-betaler': 1500,
      'bidrag-mottar': 2000,
      barneutgifter: ['sfo'],
      sfo: 3000,
    });
    const children = await relevanceOf(answers);
    expect(children.fields).toEqual(
      expect.arrayContaining(['barn', 'barnebidrag', 'bidrag-betaler', 'bidrag-mottar', 'barneutgifter', 'sfo']),
    );
    expect(children.fields).not.toContain('barnehage');
    // Per child: shared residence when the child lives with the user, contact time when not.
    expect(children.answers.barn).toEqual([
      { 'barn-navn': 'Aksel', 'barn-fodt': '2015-05-17', 'barn-bor-hos-deg': true, 'delt-bosted': true },
      { 'barn-navn': 'Bo', 'barn-fodt': '2018-01-02', 'barn-bor-hos-deg': false, samvaer: 20 },
    ]);
    const pays = await relevanceOf(merged(answers, { barnebidrag: 'betaler' }));
    expect(pays.fields).toContain('bidrag-betaler');
    expect(pays.fields).not.toContain('bidrag-mottar');
  });

  it('asks for rent when renting, and for mortgage and municipal fees when owning', async () => {
    for (const bosituasjon of ['leier', 'kommunal']) {
      const renting = await relevanceOf(merged(allOf(base), { bosituasjon }));
      expect(renting.fields).toContain('husleie');
      for (const id of ['har-boliglan', 'boliglan-renter', 'kommunale-avgifter'])
        expect(renting.fields).not.toContain(id);
    }
    const owning = await relevanceOf(merged(allOf(base), { bosituasjon: 'eier', 'har-boliglan': true }));
    expect(owning.fields).toEqual(
      expect.arrayContaining(['har-boliglan', 'boliglan-renter', 'boliglan-avdrag', 'kommunale-avgifter', 'bostotte']),
    );
    expect(owning.fields).not.toContain('husleie');
    const noLoan = await relevanceOf(merged(allOf(base), { bosituasjon: 'eier', 'har-boliglan': false }));
    expect(noLoan.fields).not.toContain('boliglan-renter');
  });

  it('shows at once how to get a place to sleep when the user has no home, and asks no housing costs', async () => {
    const homeless = await relevanceOf(merged(allOf(base), { bosituasjon: 'uten-bolig' }));
    expect(homeless.fields).toContain('uten-bolig-info');
    for (const id of ['antall-personer', 'husleie', 'betaler-strom', 'bostotte'])
      expect(homeless.fields).not.toContain(id);
  });

  it('asks a student what kind of school, how much, and about Lånekassen', async () => {
    const notStudent = await relevanceOf(allOf(base));
    for (const id of ['student-type', 'studie-omfang', 'studielan']) expect(notStudent.fields).not.toContain(id);
    const student = await relevanceOf(merged(allOf(base), { student: true, studielan: true }));
    expect(student.fields).toEqual(
      expect.arrayContaining(['student-type', 'studie-omfang', 'studielan', 'studielan-belop']),
    );
  });

  it('asks about work only as far as the user works', async () => {
    const working = await relevanceOf(merged(allOf(base), { jobb: 'deltid' }));
    expect(working.fields).toEqual(expect.arrayContaining(['arbeidsgiver', 'lonn']));
    expect((await relevanceOf(allOf(base))).fields).not.toContain('lonn');
  });

  it('asks consent to fetch housing-allowance data only from someone who has or has applied for it', async () => {
    expect((await relevanceOf(allOf(base))).fields).not.toContain('samtykke-husbanken');
    expect((await relevanceOf(merged(allOf(base), { bostotte: true }))).fields).toContain('samtykke-husbanken');
  });

  it('asks what the user needs money for, and what "something else" is only when chosen', async () => {
    expect((await relevanceOf(allOf(base))).fields).not.toContain('soker-om-annet');
    expect((await relevanceOf(merged(allOf(base), { 'soker-om': ['strom', 'annet'] }))).fields).toContain(
      'soker-om-annet',
    );
  });

  it('informs about urgent help and savings on the spot, and never blocks the application', async () => {
    const { actor } = await start();
    answerStep(actor, base.personalia!);
    next(actor);
    answerStep(actor, { ...base.begrunnelse, 'hjelp-i-dag': true });
    expect(actor.getSnapshot().context.relevance.fields).toContain('hjelp-i-dag-info');
    next(actor);
    expect(actor.getSnapshot().context.step).toBe('arbeid-og-utdanning');
    for (const step of ['arbeid-og-utdanning', 'familie', 'bosituasjon']) {
      answerStep(actor, base[step]!);
      next(actor);
    }
    answerStep(actor, {
      ...base['inntekt-og-formue'],
      innskudd: ['brukskonto', 'bsu'],
      'saldo-brukskonto': 2000,
      'saldo-sparing': 40000,
    });
    const { relevance } = actor.getSnapshot().context;
    expect(relevance.fields).toEqual(expect.arrayContaining(['om-sparing', 'saldo-sparing', 'sparing-forklaring']));
    next(actor);
    expect(actor.getSnapshot().context.step).toBe('utgifter-og-gjeld');
    // Savings in a current account alone is not savings: no guidance about it.
    expect((await relevanceOf(merged(allOf(base), { innskudd: ['brukskonto'] }))).fields).not.toContain('om-sparing');
  });
});

describe('sosialhjelp: the documents follow the answers', () => {
  const cases: Array<[string, Answers, string[]]> = [
    ['renting, no accounts, tax data fetched', {}, ['husleiekontrakt']],
    ['municipal housing', { bosituasjon: 'kommunal' }, ['husleiekontrakt']],
    ['owning with a mortgage', { bosituasjon: 'eier', 'har-boliglan': true, 'kommunale-avgifter': 900 }, ['boliglan']],
    ['owning without a mortgage', { bosituasjon: 'eier', 'har-boliglan': false, 'kommunale-avgifter': 900 }, []],
    ['living with others', { bosituasjon: 'hos-andre' }, []],
    ['applying for electricity', { 'soker-om': ['strom'] }, ['husleiekontrakt', 'stromregning']],
    ['paying electricity', { 'betaler-strom': true, strom: 900 }, ['husleiekontrakt', 'stromregning']],
    ['in work, tax data fetched', { jobb: 'fulltid', arbeidsgiver: 'Rema 1000', lonn: 9000 }, ['husleiekontrakt']],
    [
      'in work, no consent to tax data',
      { jobb: 'deltid', arbeidsgiver: 'Rema 1000', lonn: 9000, 'samtykke-skatt': false },
      ['husleiekontrakt', 'lonnsslipp', 'skattemelding'],
    ],
    ['no work, no consent to tax data', { 'samtykke-skatt': false }, ['husleiekontrakt', 'skattemelding']],
    ['housing allowance, data fetched', { bostotte: true, 'samtykke-husbanken': true }, ['husleiekontrakt']],
    ['housing allowance, no consent', { bostotte: true, 'samtykke-husbanken': false }, ['husleiekontrakt', 'bostotte']],
    [
      'student with a loan',
      {
        student: true,
        'student-type': 'student',
        'studie-omfang': 'heltid',
        studielan: true,
        'studielan-belop': 11000,
      },
      ['husleiekontrakt', 'studielan'],
    ],
    [
      'student without a loan',
      { student: true, 'student-type': 'elev', 'studie-omfang': 'heltid', studielan: false },
      ['husleiekontrakt'],
    ],
    ['a current account', { innskudd: ['brukskonto'], 'saldo-brukskonto': 300 }, ['husleiekontrakt', 'kontoutskrift']],
    ['savings', { innskudd: ['sparekonto'], 'saldo-sparing': 10000 }, ['husleiekontrakt', 'kontoutskrift']],
    [
      'a child at home, no support, kindergarten',
      {
        'har-barn': true,
        barn: [{ 'barn-navn': 'Aksel', 'barn-fodt': '2021-05-17', 'barn-bor-hos-deg': true, 'delt-bosted': false }],
        barnebidrag: 'nei',
        barneutgifter: ['barnehage'],
        barnehage: 1500,
      },
      ['husleiekontrakt', 'barnehage-sfo'],
    ],
    [
      'a child with shared residence, support received',
      {
        'har-barn': true,
        barn: [
          {
            _id: 'aksel1',
            'barn-navn': 'Aksel',
            'barn-fodt': '2015-05-17',
            'barn-bor-hos-deg': true,
            'delt-bosted': true,
          },
        ],
        barnebidrag: 'mottar',
        'bidrag-mottar': 1800,
        barneutgifter: ['fritid'],
      },
      // One agreement per child it is about, keyed by the child's id.
      ['husleiekontrakt', 'barnebidrag', 'samvaersavtale.aksel1'],
    ],
    [
      'a child living elsewhere, support paid',
      {
        'har-barn': true,
        barn: [{ _id: 'bobobo', 'barn-navn': 'Bo', 'barn-fodt': '2016-03-01', 'barn-bor-hos-deg': false, samvaer: 15 }],
        barnebidrag: 'betaler',
        'bidrag-betaler': 1200,
        barneutgifter: ['ingen'],
      },
      ['husleiekontrakt', 'barnebidrag', 'samvaersavtale.bobobo'],
    ],
  ];

  it.each(cases)('%s', async (_name, changes, documents) => {
    expect((await relevanceOf(merged(allOf(base), changes))).attachments).toEqual(documents);
  });

  it('drops a document and its answer when an answer changes so it is no longer needed', async () => {
    const answers = merged(allOf(base), { dokumenter: { husleiekontrakt: { status: 'later' } } });
    expect((await relevanceOf(answers)).answers.dokumenter).toEqual({ husleiekontrakt: { status: 'later' } });
    const owning = await relevanceOf(merged(answers, { bosituasjon: 'eier', 'har-boliglan': false }));
    expect(owning.attachments).toEqual([]);
    expect(owning.answers.dokumenter).toBeUndefined();
  });

  it('accepts each choice for a document: upload now, send later, or do not have it with a reason', async () => {
    const { definition, validators } = await examplePackage(FORM);
    const step = definition.steps.find((s) => s.id === 'vedlegg')!;
    const { validateStep } = await import('../../src/engine/field-errors.ts');
    const check = (dokumenter: unknown) => {
      const answers = merged(allOf(base), { 'samtykke-skatt': false, dokumenter });
      const relevance = computeRelevance(definition, validators, answers);
      return validateStep(step, { definition, validators, answers, unsure: [], relevance }).map(
        (e) => `${e.path} ${e.code}`,
      );
    };
    const photo = { name: 'kontrakt.jpg', size: 120_000, type: 'image/jpeg' };
    expect(
      check({ husleiekontrakt: { status: 'uploaded', files: [photo] }, skattemelding: { status: 'later' } }),
    ).toEqual([]);
    expect(check({ husleiekontrakt: { status: 'missing', reason: 'Jeg har ingen skriftlig kontrakt.' } })).toEqual([]);
    expect(check({})).toEqual([]); // documents are never required: the list before sending says what is missing
    expect(check({ husleiekontrakt: { status: 'missing' } })).toEqual(['/dokumenter/husleiekontrakt reason.required']);
    expect(check({ husleiekontrakt: { status: 'uploaded' } })).toEqual(['/dokumenter/husleiekontrakt files.required']);
  });
});

describe('sosialhjelp: a whole application', () => {
  /** A parent who rents, with a child, one document sent later, one answer unsure; prefilled from registers. */
  async function apply() {
    const { actor, formPackage } = await start({ prefill: register, locale: 'nb' });
    actor.send({ type: 'CONFIRM_PREFILL', field: 'navn', confirmed: true });
    actor.send({ type: 'CONFIRM_PREFILL', field: 'telefon', confirmed: false });
    actor.send({ type: 'ANSWER', field: 'telefon', value: '987 65 432' });
    next(actor);
    answerStep(actor, {
      'soker-om': ['husleie', 'strom'],
      'hva-skjedde': 'Jeg ble syk og mistet jobben.',
      'hva-trenger': 'Penger til husleie og strøm denne måneden.',
      'hjelp-i-dag': true,
    });
    next(actor);
    actor.send({ type: 'SET_LOCALE', locale: 'ar' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain' });
    answerStep(actor, { jobb: 'deltid', arbeidsgiver: 'Rema 1000', student: false });
    actor.send({ type: 'MARK_UNSURE', field: 'lonn', unsure: true });
    next(actor);
    actor.send({ type: 'SET_LOCALE', locale: 'nb' });
    actor.send({ type: 'SET_VARIANT', variant: 'standard' });
    answerStep(actor, {
      sivilstatus: 'gift',
      'partner-navn': 'Ola Nordmann',
      'partner-fodt': '02.03.1988',
      'bor-sammen': false,
      'har-barn': true,
      barn: [{ 'barn-navn': 'Aksel', 'barn-fodt': '17.05.2015', 'barn-bor-hos-deg': false, samvaer: '40' }],
      barnebidrag: 'mottar',
      'bidrag-mottar': '1 800',
    });
    next(actor);
    answerStep(actor, { bosituasjon: 'leier', 'antall-personer': '1' });
    next(actor);
    answerStep(actor, {
      'ytelser-nav': true,
      'ytelser-hvilke': ['barnetrygd'],
      'samtykke-skatt': true,
      bostotte: false,
      innskudd: ['brukskonto'],
      'saldo-brukskonto': '350',
      verdier: ['ingen'],
      'annen-inntekt': ['ingen'],
    });
    next(actor);
    answerStep(actor, {
      husleie: '9 500',
      'betaler-strom': true,
      strom: '1 200',
      barneutgifter: ['fritid'],
      'har-gjeld': false,
    });
    // Something typed and then no longer asked: kept for going back, never sent.
    actor.send({ type: 'ANSWER', field: 'boliglan-renter', value: '4000' });
    next(actor);
    expect(actor.getSnapshot().context.relevance.attachments).toEqual([
      'husleiekontrakt',
      'stromregning',
      'kontoutskrift',
      'barnebidrag',
      'samvaersavtale.barn0001',
    ]);
    answerStep(actor, {
      dokumenter: {
        husleiekontrakt: { status: 'uploaded', files: [{ name: 'kontrakt.jpg', size: 120_000, type: 'image/jpeg' }] },
        stromregning: { status: 'later' },
        kontoutskrift: { status: 'uploaded', files: [{ name: 'konto.pdf', size: 40_000, type: 'application/pdf' }] },
        barnebidrag: { status: 'missing', reason: 'Vi har ingen skriftlig avtale.' },
      },
    });
    next(actor);
    answerStep(actor, { bekreftelse: true });
    // From the help panel: call me, in Arabic with an interpreter.
    actor.send({
      type: 'SET_HELP_REQUEST',
      help: { contact: true, channel: 'phone', interpreter: true, interpreterLanguage: 'ar' },
    });
    next(actor);
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    return { submission: actor.getSnapshot().context.submission!, formPackage };
  }

  it('sends exactly the relevant answers, parsed, with the unsure flag and every document status', async () => {
    const { submission } = await apply();
    expect(submission.answers).toEqual({
      navn: 'Kari Nordmann',
      adresse,
      telefon: '98765432',
      kontonummer: '86011117947',
      'soker-om': ['husleie', 'strom'],
      'hva-skjedde': 'Jeg ble syk og mistet jobben.',
      'hva-trenger': 'Penger til husleie og strøm denne måneden.',
      'hjelp-i-dag': true,
      jobb: 'deltid',
      arbeidsgiver: 'Rema 1000',
      student: false,
      sivilstatus: 'gift',
      'partner-navn': 'Ola Nordmann',
      'partner-fodt': '1988-03-02',
      'bor-sammen': false,
      'har-barn': true,
      barn: [
        { _id: 'barn0001', 'barn-navn': 'Aksel', 'barn-fodt': '2015-05-17', 'barn-bor-hos-deg': false, samvaer: 40 },
      ],
      barnebidrag: 'mottar',
      'bidrag-mottar': 1800,
      bosituasjon: 'leier',
      'antall-personer': 1,
      'ytelser-nav': true,
      'ytelser-hvilke': ['barnetrygd'],
      'samtykke-skatt': true,
      bostotte: false,
      innskudd: ['brukskonto'],
      'saldo-brukskonto': 350,
      verdier: ['ingen'],
      'annen-inntekt': ['ingen'],
      husleie: 9500,
      'betaler-strom': true,
      strom: 1200,
      barneutgifter: ['fritid'],
      'har-gjeld': false,
      dokumenter: {
        husleiekontrakt: { status: 'uploaded', files: [{ name: 'kontrakt.jpg', size: 120_000, type: 'image/jpeg' }] },
        stromregning: { status: 'later' },
        kontoutskrift: { status: 'uploaded', files: [{ name: 'konto.pdf', size: 40_000, type: 'application/pdf' }] },
        barnebidrag: { status: 'missing', reason: 'Vi har ingen skriftlig avtale.' },
      },
      bekreftelse: true,
    });
    expect(submission.unsure).toEqual(['lonn']);
    expect(submission.attachments).toEqual([
      'husleiekontrakt',
      'stromregning',
      'kontoutskrift',
      'barnebidrag',
      'samvaersavtale.barn0001',
    ]);
    // The urgent need is an answer, so it is in the record as the user gave it; contact, channel and
    // interpreter come from the help panel.
    expect(submission.answers['hjelp-i-dag']).toBe(true);
    expect(submission.help).toEqual({ contact: true, channel: 'phone', interpreter: true, interpreterLanguage: 'ar' });
  });

  it('records prefill sources, the confirmed value and the correction', async () => {
    const { submission } = await apply();
    expect(submission.prefill).toEqual({
      navn: { source: 'folkeregisteret', original: 'Kari Nordmann', status: 'confirmed' },
      adresse: { source: 'folkeregisteret', original: adresse, status: 'unconfirmed' },
      telefon: {
        source: 'kontakt-og-reservasjonsregisteret',
        original: '91234567',
        status: 'corrected',
        correction: '98765432',
      },
      kontonummer: { source: 'kontoregisteret', original: '86011117947', status: 'unconfirmed' },
      sivilstatus: { source: 'folkeregisteret', original: 'ugift', status: 'corrected', correction: 'gift' },
    });
  });

  it('records per answer the locale, the variant and the version of the text shown', async () => {
    const { submission, formPackage } = await apply();
    const versions = formPackage.textVersions;
    expect(versions?.nb?.standard.jobb).toMatch(/^[0-9a-f]{8}$/);
    // Every answer the user gave has its record, and nothing else has one. A register value the user
    // neither confirmed nor changed was not given to any text: the prefill record says so.
    const paths = Object.keys(submission.answeredIn);
    const untouched = Object.entries(submission.prefill ?? {})
      .filter(([, entry]) => entry.status === 'unconfirmed')
      .map(([id]) => id);
    expect(untouched).toEqual(['adresse', 'kontonummer']);
    for (const id of Object.keys(submission.answers)) {
      if (id === 'barn' || untouched.includes(id)) continue;
      expect(paths, id).toContain(id);
    }
    expect(paths.filter((p) => p.startsWith('barn/')).sort()).toEqual([
      'barn/0/barn-bor-hos-deg',
      'barn/0/barn-fodt',
      'barn/0/barn-navn',
      'barn/0/samvaer',
    ]);
    expect(paths).not.toContain('boliglan-renter');
    for (const [path, seen] of Object.entries(submission.answeredIn)) {
      const field = path.split('/').at(-1)!;
      expect(seen.text, path).toBe(textVersionOf(versions, seen.locale, seen.variant, field));
    }
    expect(submission.answeredIn.jobb).toMatchObject({ locale: 'ar', variant: 'plain' });
    expect(submission.answeredIn.sivilstatus).toMatchObject({ locale: 'nb', variant: 'standard' });
    expect(submission.answeredIn['barn/0/samvaer']).toEqual({
      locale: 'nb',
      variant: 'standard',
      text: versions!.nb!.standard.samvaer,
    });
  });

  it('carries the form id and version, when it was started and when it was sent', async () => {
    const { submission } = await apply();
    expect(submission).toMatchObject({
      id: 'soknad-0001',
      form: { id: 'sosialhjelp', version: '1.0.0' },
      locale: 'nb',
      variant: 'standard',
    });
    expect(submission.startedAt).toBe('2026-03-03T10:00:00.000Z');
    expect(Date.parse(submission.submittedAt)).toBeGreaterThan(Date.parse(submission.startedAt!));
  });

  it("passes the package's own validator and the receiver's checks, which refuse it when tampered with", async () => {
    const { submission, formPackage } = await apply();
    expect(submissionErrors(submission, formPackage.validators)).toEqual([]);
    expect(validateSubmission(formPackage, JSON.stringify(submission))).toMatchObject({ ok: true });
    const refused = (changed: Submission): string[] => {
      const result = validateSubmission(formPackage, JSON.parse(JSON.stringify(changed)));
      return result.ok ? [] : result.errors.map((e) => `${e.pointer} ${e.code}`);
    };
    expect(refused({ ...submission, answers: { ...submission.answers, 'boliglan-renter': 4000 } })).toContain(
      '/answers/boliglan-renter not-relevant',
    );
    expect(refused({ ...submission, answers: { ...submission.answers, husleie: undefined } })).toContain(
      '/answers/husleie required',
    );
    expect(refused({ ...submission, attachments: submission.attachments.slice(1) })).toContain('/attachments required');
    expect(
      refused({
        ...submission,
        answeredIn: { ...submission.answeredIn, jobb: { locale: 'ar', variant: 'plain', text: 'not a hash' } },
      }),
    ).toContain('/answeredIn/jobb type');
    expect(refused({ ...submission, startedAt: '2027-01-01T00:00:00.000Z' })).toContain('/startedAt maximum');
  });
});

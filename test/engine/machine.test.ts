import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { wizardMachine, type Receipt, type Sending } from '../../src/engine/machine.ts';
import { sending } from '../../src/engine/sending.ts';
import { itemChanges } from '../../src/engine/item-changes.ts';
import { submissionFingerprint } from '../../src/engine/submission-digest.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { textVersionOf } from '../../src/engine/text-version.ts';
import { examplePackage, kontaktAnswers } from '../helpers/form-packages.ts';

const fixedIds = () => {
  let n = 0;
  return () => `submission-${++n}`;
};

async function start(formId: string, input = {}) {
  const formPackage = await examplePackage(formId);
  const machine = createWizardMachine(formPackage, {
    createId: fixedIds(),
    now: () => new Date('2026-03-03T10:00:00Z'),
  });
  return createActor(machine, { input }).start();
}

const adresse = { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };

describe('the wizard machine', () => {
  it('starts on the first step and refuses to go on with required answers missing', async () => {
    const actor = await start('kontakt');
    expect(actor.getSnapshot().context.step).toBe('om-deg');
    actor.send({ type: 'NEXT' });
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('filling');
    expect(context.step).toBe('om-deg');
    expect(context.errors.map((e) => [e.field, e.code])).toEqual([
      ['navn', 'required'],
      ['fodselsnummer', 'required'],
      ['telefon', 'required'],
    ]);
    expect(context.errors[0]!.keys).toEqual([
      'kontakt:fields.navn.errors.required',
      'widget:errors.text.required',
      'widget:errors.required',
    ]);
    expect(context.errors[0]!.path).toBe('/navn');
  });

  it('reports what is wrong with an answer as an error code, never an English message', async () => {
    const actor = await start('kontakt');
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari Nordmann' });
    actor.send({ type: 'ANSWER', field: 'fodselsnummer', value: '123' });
    actor.send({ type: 'ANSWER', field: 'telefon', value: '12 34 56 78' });
    actor.send({ type: 'ANSWER', field: 'epost', value: 'kari@' });
    actor.send({ type: 'NEXT' });
    const errors = actor.getSnapshot().context.errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['fodselsnummer', 'format.national-id'],
      ['epost', 'format.email'],
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/must /);
    expect(actor.getSnapshot().context.answers.telefon).toBe('12345678');
  });

  it('parses kroner, dates and account numbers the way people write them', async () => {
    const actor = await start('stotte');
    actor.send({ type: 'ANSWER', field: 'arbeid', value: ['deltid'] });
    actor.send({ type: 'ANSWER', field: 'inntekt', value: 'kr 12 345,50' });
    actor.send({ type: 'ANSWER', field: 'konto', value: '8601 11 17947' });
    actor.send({ type: 'ANSWER', field: 'adresse', value: { street: ' Storgata 1 ', postcode: '0155', city: 'Oslo' } });
    const { answers } = actor.getSnapshot().context;
    expect(answers).toMatchObject({ inntekt: 12345.5, konto: '86011117947', adresse });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.errors).toEqual([]);
    expect(actor.getSnapshot().context.step).toBe('husstand');
    actor.send({ type: 'ANSWER', field: 'har-barn', value: true });
    actor.send({ type: 'ADD_ITEM', group: 'barn' });
    actor.send({ type: 'ANSWER', field: 'barn-fodt', index: 0, value: '31.06.2015' });
    actor.send({ type: 'NEXT' });
    const errors = actor.getSnapshot().context.errors;
    expect(errors.find((e) => e.path === '/barn/0/barn-fodt')?.code).toBe('format.date');
    expect(errors.find((e) => e.path === '/barn/0/barn-navn')?.code).toBe('required');
    expect(errors.find((e) => e.path === '/barn/0/barn-navn')?.params).toEqual({ item: 1 });
  });

  it('asks only relevant questions and keeps answers that stopped being relevant out of the submission', async () => {
    const actor = await start('stotte');
    actor.send({ type: 'ANSWER', field: 'arbeid', value: ['fulltid'] });
    expect(actor.getSnapshot().context.relevance.fields).toContain('inntekt');
    expect(actor.getSnapshot().context.relevance.attachments).toEqual(['lonnsslipp', 'kontoutskrift']);
    actor.send({ type: 'ANSWER', field: 'inntekt', value: '20000' });
    actor.send({ type: 'ANSWER', field: 'arbeid', value: ['ingen'] });
    const { context } = actor.getSnapshot();
    expect(context.relevance.fields).not.toContain('inntekt');
    expect(context.answers.inntekt).toBe(20000); // kept: the user may go back
    expect(context.relevance.answers.inntekt).toBeUndefined();
    expect(context.relevance.attachments).toEqual(['kontoutskrift']);
  });

  it('skips a step whose condition does not hold, and goes back the same way', async () => {
    const actor = await start('stotte');
    actor.send({ type: 'ANSWER', field: 'arbeid', value: ['student'] });
    actor.send({ type: 'ANSWER', field: 'adresse', value: adresse });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'ANSWER', field: 'har-barn', value: false });
    actor.send({ type: 'ANSWER', field: 'bosituasjon', value: 'eier' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe('vedlegg');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.step).toBe('husstand');
    actor.send({ type: 'ANSWER', field: 'bosituasjon', value: 'leier' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe('husleie');
  });

  it('goes only to steps the user has seen', async () => {
    const actor = await start('kontakt');
    actor.send({ type: 'GO_TO', step: 'samtykke' });
    expect(actor.getSnapshot().context.step).toBe('om-deg');
  });

  it('runs a whole application: review, change an answer, submit with unsure flags and text record', async () => {
    const actor = await start('kontakt', { locale: 'nb' });
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari Nordmann' });
    actor.send({ type: 'ANSWER', field: 'fodselsnummer', value: '01010000110' });
    actor.send({ type: 'ANSWER', field: 'telefon', value: '+47 912 34 567' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.errors).toEqual([]);
    actor.send({ type: 'ANSWER', field: 'tema', value: 'annet' });
    actor.send({ type: 'ANSWER', field: 'tema-annet', value: 'Strømregning' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain' });
    actor.send({ type: 'MARK_UNSURE', field: 'beskrivelse', unsure: true });
    actor.send({ type: 'ANSWER', field: 'kanal', value: 'telefon' });
    actor.send({ type: 'SET_LOCALE', locale: 'ar' });
    actor.send({ type: 'ANSWER', field: 'tolk', value: true });
    actor.send({ type: 'ANSWER', field: 'tolkesprak', value: 'ar' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'ANSWER', field: 'samtykke', value: true });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');

    actor.send({ type: 'GO_TO', step: 'henvendelse' });
    expect(actor.getSnapshot().context).toMatchObject({ step: 'henvendelse', returnToReview: true });
    actor.send({ type: 'ANSWER', field: 'tema', value: 'penger' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');

    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const submission = actor.getSnapshot().context.submission!;
    expect(submission.answers).toEqual({
      navn: 'Kari Nordmann',
      fodselsnummer: '01010000110',
      telefon: '+4791234567',
      tema: 'penger',
      kanal: 'telefon',
      tolk: true,
      tolkesprak: 'ar',
      samtykke: true,
    });
    expect(submission.unsure).toEqual(['beskrivelse']);
    // With the version of the texts shown (decision 0010): the plain Norwegian and the Arabic question.
    const { textVersions } = await examplePackage('kontakt');
    expect(submission.answeredIn.kanal).toEqual({
      locale: 'nb',
      variant: 'plain',
      text: textVersionOf(textVersions, 'nb', 'plain', 'kanal'),
    });
    expect(submission.answeredIn.tolk).toEqual({
      locale: 'ar',
      variant: 'plain',
      text: textVersionOf(textVersions, 'ar', 'plain', 'tolk'),
    });
    expect(submission.answeredIn.tolk!.text).toMatch(/^[0-9a-f]{8}$/);
    expect(submission.answeredIn.tolk!.text).not.toBe(textVersionOf(textVersions, 'nb', 'plain', 'tolk'));
    expect(submission.answeredIn['tema-annet']).toBeUndefined();
    expect(submission).toMatchObject({
      id: 'submission-1',
      form: { id: 'kontakt', version: '1.0.0' },
      locale: 'ar',
      submittedAt: '2026-03-03T10:00:00.000Z',
    });
  });

  it('keeps the answers and the submission id when sending fails, and sends again on retry', async () => {
    const formPackage = await examplePackage('kontakt');
    const sent: Submission[] = [];
    let fail = true;
    const machine = createWizardMachine(formPackage, { createId: fixedIds() }).provide({
      actors: {
        sendSubmission: fromPromise<Receipt, Submission>(async ({ input }) => {
          sent.push(input);
          if (fail) throw new Error('offline');
          return { reference: 'REF-1' };
        }),
      },
    });
    const actor = createActor(machine, {
      input: {
        answers: kontaktAnswers,
      },
    }).start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'failed');
    expect(actor.getSnapshot().context.submitError).toBe('network');
    fail = false;
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.value === 'submitted');
    expect(sent.map((s) => s.id)).toEqual(['submission-1', 'submission-1']);
    expect(actor.getSnapshot().context.receipt).toEqual({ reference: 'REF-1' });
  });

  it("does not send until it has sending's bookkeeping (the widget's late chunk), then sends as usual", async () => {
    const formPackage = await examplePackage('kontakt');
    const given: { sending?: Sending } = {};
    const machine = wizardMachine(formPackage, {
      createId: fixedIds(),
      fingerprint: submissionFingerprint,
      sending: () => given.sending,
      items: () => itemChanges,
    }).provide({
      actors: { sendSubmission: fromPromise<Receipt, Submission>(async () => ({ reference: 'REF-1' })) },
    });
    const actor = createActor(machine, { input: { answers: kontaktAnswers } }).start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'SUBMIT' });
    expect(actor.getSnapshot().value).toBe('review');
    expect(actor.getSnapshot().context).toMatchObject({ submission: null, tried: null, submitError: null });
    given.sending = sending;
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    expect(actor.getSnapshot().context.submission!.id).toBe('submission-1');
  });

  it('is done after the receipt: its output is the receipt and the submission, and later events change nothing', async () => {
    const formPackage = await examplePackage('kontakt');
    const machine = createWizardMachine(formPackage, { createId: fixedIds() }).provide({
      actors: { sendSubmission: fromPromise<Receipt, Submission>(async () => ({ reference: 'REF-1' })) },
    });
    const actor = createActor(machine, {
      input: {
        answers: kontaktAnswers,
      },
    }).start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const done = actor.getSnapshot();
    expect(done.status).toBe('done');
    expect(done.output).toEqual({ receipt: { reference: 'REF-1' }, submission: done.context.submission });
    expect(done.output!.submission).toMatchObject({ id: 'submission-1', answers: { navn: 'Ola' } });
    expect(done.context.receipt).toEqual({ reference: 'REF-1' });

    const stopped = vi.spyOn(console, 'warn').mockImplementation(() => {}); // xstate's note on events to a done actor
    const context = structuredClone(done.context);
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain' });
    actor.send({ type: 'SET_HELP_REQUEST', help: { contact: true, channel: 'phone', interpreter: false } });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'GO_TO', step: 'om-deg' });
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari' });
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'SUBMIT' });
    stopped.mockRestore();
    expect(actor.getSnapshot()).toBe(done);
    expect(actor.getSnapshot().context).toEqual(context);
    expect(actor.getSnapshot()).toMatchObject({ status: 'done', value: 'submitted' });
  });

  it('lets an unsure answer through without checking it, and sends it only when it is valid', async () => {
    const actor = await start('stotte');
    actor.send({ type: 'ANSWER', field: 'arbeid', value: ['deltid'] });
    actor.send({ type: 'ANSWER', field: 'inntekt', value: 'cirka 9000' });
    actor.send({ type: 'ANSWER', field: 'adresse', value: adresse });
    actor.send({ type: 'ANSWER', field: 'konto', value: '86011117947' });
    actor.send({ type: 'MARK_UNSURE', field: 'inntekt', unsure: true });
    actor.send({ type: 'MARK_UNSURE', field: 'konto', unsure: true });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe('husstand');
    actor.send({ type: 'ANSWER', field: 'har-barn', value: false });
    actor.send({ type: 'ANSWER', field: 'bosituasjon', value: 'eier' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    const { submission } = actor.getSnapshot().context;
    expect(submission?.unsure).toEqual(['inntekt', 'konto']);
    expect(submission?.answers.inntekt).toBeUndefined();
    expect(submission?.answers.konto).toBe('86011117947');
    expect(submission?.attachments).toEqual(['lonnsslipp', 'kontoutskrift']);
  });

  it('adds, fills and removes items in a repeating group', async () => {
    const actor = await start('stotte');
    actor.send({ type: 'ANSWER', field: 'har-barn', value: true });
    actor.send({ type: 'ADD_ITEM', group: 'barn' });
    actor.send({ type: 'ADD_ITEM', group: 'barn' });
    actor.send({ type: 'ANSWER', field: 'barn-navn', index: 0, value: 'Aksel' });
    actor.send({ type: 'ANSWER', field: 'barn-navn', index: 1, value: 'Bo' });
    actor.send({ type: 'ANSWER', field: 'bor-fast', index: 1, value: false });
    actor.send({ type: 'ANSWER', field: 'samvaer', index: 1, value: '40' });
    actor.send({ type: 'REMOVE_ITEM', group: 'barn', index: 0 });
    const { answers, answeredIn } = actor.getSnapshot().context;
    expect(answers.barn).toEqual([{ 'barn-navn': 'Bo', 'bor-fast': false, samvaer: 40 }]);
    expect(Object.keys(answeredIn).sort()).toEqual([
      'barn/0/barn-navn',
      'barn/0/bor-fast',
      'barn/0/samvaer',
      'har-barn',
    ]);
    actor.send({ type: 'ANSWER', field: 'bor-fast', index: 0, value: true });
    expect(actor.getSnapshot().context.relevance.answers.barn).toEqual([{ 'barn-navn': 'Bo', 'bor-fast': true }]);
  });

  it('persists its snapshot as JSON and restores it exactly', async () => {
    const formPackage = await examplePackage('stotte');
    const machine = createWizardMachine(formPackage);
    const actor = createActor(machine, { input: {} }).start();
    actor.send({ type: 'ANSWER', field: 'arbeid', value: ['deltid', 'student'] });
    actor.send({ type: 'ANSWER', field: 'inntekt', value: '9 000' });
    actor.send({ type: 'ANSWER', field: 'adresse', value: adresse });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain' });
    const stored = JSON.stringify(actor.getPersistedSnapshot());
    const restored = createActor(machine, { snapshot: JSON.parse(stored), input: {} }).start();
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
    restored.send({ type: 'BACK' });
    expect(restored.getSnapshot().context.step).toBe('situasjon');
  });

  it('ignores answers to unknown fields and unsure marks where the form does not offer them', async () => {
    const actor = await start('kontakt');
    actor.send({ type: 'ANSWER', field: 'finnes-ikke', value: 'x' });
    actor.send({ type: 'MARK_UNSURE', field: 'navn', unsure: true });
    actor.send({ type: 'SET_LOCALE', locale: '<script>' });
    const { context } = actor.getSnapshot();
    expect(context.answers).toEqual({});
    expect(context.unsure).toEqual([]);
    expect(context.locale).toBe('nb');
  });
});

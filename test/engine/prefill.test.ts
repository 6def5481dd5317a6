// Prefill from registers: the register's value is the first answer, the user confirms or corrects it,
// and the submission records the source, the original and the correction; the receiver checks it.
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type WizardInput } from '../../src/engine/machine.ts';
import { initialPrefill } from '../../src/engine/prefill.ts';
import { prefillEntries, sameValue } from '../../src/engine/prefill-record.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { validateSubmission, type SubmissionValidation } from '../../packages/receiver/src/validate-submission.ts';
import { examplePackage } from '../helpers/form-packages.ts';
import { kontaktSubmission } from '../../packages/receiver/test/helpers.ts';

const register = { navn: 'Kari Nordmann', fodselsnummer: '01010000110' };

async function start(input: WizardInput) {
  const machine = createWizardMachine(await examplePackage('kontakt'), {
    createId: () => 'submission-1',
    now: () => new Date('2026-03-03T10:00:00Z'),
  });
  return createActor(machine, { input }).start();
}

async function send(actor: Awaited<ReturnType<typeof start>>) {
  actor.send({ type: 'ANSWER', field: 'telefon', value: '91234567' });
  actor.send({ type: 'NEXT' });
  for (const [field, value] of Object.entries({
    tema: 'bolig',
    beskrivelse: 'Jeg mistet jobben.',
    kanal: 'telefon',
    tolk: false,
  }))
    actor.send({ type: 'ANSWER', field, value });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'ANSWER', field: 'samtykke', value: true });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'SUBMIT' });
  await waitFor(actor, (s) => s.value === 'submitted');
  return actor.getSnapshot().context.submission!;
}

const errorsOf = (result: SubmissionValidation): Array<[string, string]> =>
  result.ok ? [] : result.errors.map((e) => [e.pointer, e.code]);

describe('prefill', () => {
  it('starts with the register values as answers, only for fields that name a register, never a consent', async () => {
    const actor = await start({ prefill: { ...register, telefon: '99999999', samtykke: true } });
    const { answers, prefill } = actor.getSnapshot().context;
    expect(answers).toEqual(register);
    expect(prefill).toEqual({
      navn: { source: 'folkeregisteret', original: 'Kari Nordmann' },
      fodselsnummer: { source: 'folkeregisteret', original: '01010000110' },
    });
  });

  it('records a confirmed, a corrected and an unconfirmed value with source and original', async () => {
    const actor = await start({ prefill: register });
    actor.send({ type: 'CONFIRM_PREFILL', field: 'fodselsnummer', confirmed: true });
    actor.send({ type: 'CONFIRM_PREFILL', field: 'navn', confirmed: false });
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari Nordmann Hansen' });
    const submission = await send(actor);
    expect(submission.answers.navn).toBe('Kari Nordmann Hansen');
    expect(submission.prefill).toEqual({
      navn: {
        source: 'folkeregisteret',
        original: 'Kari Nordmann',
        status: 'corrected',
        correction: 'Kari Nordmann Hansen',
      },
      fodselsnummer: { source: 'folkeregisteret', original: '01010000110', status: 'confirmed' },
    });
    expect(
      errorsOf(validateSubmission(await examplePackage('kontakt'), JSON.parse(JSON.stringify(submission)))),
    ).toEqual([]);

    const untouched = await send(await start({ prefill: register }));
    expect(untouched.prefill?.navn).toEqual({
      source: 'folkeregisteret',
      original: 'Kari Nordmann',
      status: 'unconfirmed',
    });
  });

  it('puts the register value back when the user says "yes, it is right" after changing it', async () => {
    const actor = await start({ prefill: register });
    actor.send({ type: 'CONFIRM_PREFILL', field: 'navn', confirmed: false });
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari' });
    actor.send({ type: 'CONFIRM_PREFILL', field: 'navn', confirmed: true });
    expect(actor.getSnapshot().context.answers.navn).toBe('Kari Nordmann');
    actor.send({ type: 'CONFIRM_PREFILL', field: 'telefon', confirmed: true });
    expect(actor.getSnapshot().context.prefill.telefon).toBeUndefined();
  });

  it("lets a draft's answers and the user's word win over the register", async () => {
    const actor = await start({
      prefill: register,
      answers: { navn: 'Kari N. Hansen' },
      prefillConfirmed: { navn: false, fodselsnummer: true },
    });
    const { answers, prefill } = actor.getSnapshot().context;
    expect(answers.navn).toBe('Kari N. Hansen');
    expect(prefill.navn!.confirmed).toBe(false);
    expect(prefill.fodselsnummer!.confirmed).toBe(true);
  });

  it('leaves out questions that are no longer relevant', async () => {
    const formPackage = await examplePackage('stotte');
    const state = initialPrefill(formPackage.definition, { konto: '86011117947' });
    const relevance = computeRelevance(formPackage.definition, formPackage.validators, { konto: '86011117947' });
    expect(prefillEntries(state, relevance, { konto: '86011117947' })).toEqual({
      konto: { source: 'kontoregisteret', original: '86011117947', status: 'unconfirmed' },
    });
    expect(
      prefillEntries(state, { ...relevance, fields: relevance.fields.filter((id) => id !== 'konto') }, {}),
    ).toEqual({});
  });

  it('compares values as JSON', () => {
    expect(sameValue({ street: 'A', postcode: '0155' }, { postcode: '0155', street: 'A' })).toBe(true);
    expect(sameValue({ street: 'A' }, { street: 'B' })).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('the receiver checks the prefill record', () => {
  it('refuses a record that does not match the form or the answers', async () => {
    const kontakt = await examplePackage('kontakt');
    const refused = (prefill: unknown) => errorsOf(validateSubmission(kontakt, { ...kontaktSubmission(), prefill }));
    expect(refused({ navn: { source: 'folkeregisteret', original: 'Kari Nordmann', status: 'confirmed' } })).toEqual(
      [],
    );
    expect(
      refused({
        navn: { source: 'folkeregisteret', original: 'Kari', status: 'corrected', correction: 'Kari Nordmann' },
      }),
    ).toEqual([]);
    expect(refused([])).toEqual([['/prefill', 'type']]);
    expect(refused({ telefon: { source: 'x', original: '1', status: 'confirmed' } })).toEqual([
      ['/prefill/telefon', 'unknown-key'],
    ]);
    expect(refused({ navn: { source: 'skatteetaten', original: 'Kari Nordmann', status: 'confirmed' } })).toEqual([
      ['/prefill/navn/source', 'choice'],
    ]);
    expect(refused({ navn: { source: 'folkeregisteret', original: 'Kari', status: 'confirmed' } })).toEqual([
      ['/prefill/navn/original', 'mismatch'],
    ]);
    expect(
      refused({ navn: { source: 'folkeregisteret', original: 'Kari', status: 'corrected', correction: 'Ola' } }),
    ).toEqual([['/prefill/navn/correction', 'mismatch']]);
    expect(refused({ navn: { source: 'folkeregisteret', original: 'Kari Nordmann', status: 'maybe' } })).toEqual([
      ['/prefill/navn/status', 'choice'],
    ]);
    expect(
      refused({ navn: { source: 'folkeregisteret', original: 'Kari Nordmann', status: 'confirmed', note: 'x' } }),
    ).toEqual([['/prefill/navn/note', 'unknown-key']]);
  });
});

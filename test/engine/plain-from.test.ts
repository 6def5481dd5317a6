// The nb plain text shown where a language has none (issue 16, decision 0030): the user asks for it, and each
// answer given meanwhile records it (answeredIn plainFrom "nb"), so the caseworker knows which text was read.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { examplePackage } from '../helpers/form-packages.ts';

async function start(input = {}) {
  const machine = createWizardMachine(await examplePackage('kontakt'), {
    createId: () => 'submission-1',
    now: () => new Date('2026-03-03T10:00:00Z'),
  });
  return createActor(machine, { input }).start();
}

describe('plainFrom nb', () => {
  it('is recorded with each answer given while nb plain text is shown in another language', async () => {
    const actor = await start({ locale: 'pl' });
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain', plainFrom: 'nb' });
    actor.send({ type: 'ANSWER', field: 'telefon', value: '91234567' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain' });
    actor.send({ type: 'ANSWER', field: 'fodselsnummer', value: '01010000110' });
    const { answeredIn, plainFrom } = actor.getSnapshot().context;
    expect(plainFrom).toBeNull();
    expect(answeredIn.navn).toMatchObject({ locale: 'pl', variant: 'standard' });
    expect(answeredIn.navn).not.toHaveProperty('plainFrom');
    expect(answeredIn.telefon).toMatchObject({ locale: 'pl', variant: 'plain', plainFrom: 'nb' });
    expect(answeredIn.fodselsnummer).toMatchObject({ locale: 'pl', variant: 'plain' });
    expect(answeredIn.fodselsnummer).not.toHaveProperty('plainFrom');
  });

  it('means nothing in nb or in the standard variant, and survives a draft', async () => {
    const actor = await start({ locale: 'nb' });
    actor.send({ type: 'SET_VARIANT', variant: 'plain', plainFrom: 'nb' });
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari' });
    actor.send({ type: 'SET_VARIANT', variant: 'standard', plainFrom: 'nb' });
    expect(actor.getSnapshot().context.plainFrom).toBeNull();
    expect(actor.getSnapshot().context.answeredIn.navn).toEqual(
      expect.not.objectContaining({ plainFrom: expect.anything() }),
    );
    const restored = await start({
      locale: 'pl',
      answers: { navn: 'Kari' },
      answeredIn: { navn: { locale: 'pl', variant: 'plain', plainFrom: 'nb' } },
    });
    expect(restored.getSnapshot().context.answeredIn.navn).toEqual({ locale: 'pl', variant: 'plain', plainFrom: 'nb' });
  });
});

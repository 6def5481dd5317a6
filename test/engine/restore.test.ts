// A draft's place (step, visited steps, unsure flags, text record) given to the machine as input is
// used only where it is safe: relevant steps the user has seen, a step the user could have reached,
// flags the form offers. Anything else falls back to where the user can go on.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type WizardInput } from '../../src/engine/machine.ts';
import { examplePackage } from '../helpers/form-packages.ts';

async function start(formId: string, input: WizardInput) {
  return createActor(createWizardMachine(await examplePackage(formId)), { input })
    .start()
    .getSnapshot().context;
}

const answers = {
  arbeid: ['deltid'],
  inntekt: 9500,
  adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
  'har-barn': false,
  bosituasjon: 'eier',
};

describe('restoring a draft into the machine', () => {
  it('keeps the step, visited steps, unsure flags and text record of a draft', async () => {
    const context = await start('stotte', {
      answers,
      step: 'vedlegg',
      visited: ['situasjon', 'husstand'],
      unsure: ['konto'],
      answeredIn: { arbeid: { locale: 'ar', variant: 'plain' } },
      locale: 'ar',
      variant: 'plain',
    });
    expect(context).toMatchObject({
      step: 'vedlegg',
      visited: ['situasjon', 'husstand'],
      unsure: ['konto'],
      locale: 'ar',
      variant: 'plain',
      answeredIn: { arbeid: { locale: 'ar', variant: 'plain' } },
    });
  });

  it('never lands on a step that is not relevant, or one the user could not have reached', async () => {
    // "husleie" applies only to tenants; this user owns their home.
    expect((await start('stotte', { answers, step: 'husleie', visited: ['situasjon', 'husstand'] })).step).toBe(
      'vedlegg',
    );
    // Nothing seen yet: a later step is out of reach.
    expect((await start('stotte', { answers, step: 'vedlegg', visited: [] })).step).toBe('situasjon');
    // An unknown step, and visited steps that do not exist or do not apply, are dropped.
    const context = await start('stotte', {
      answers,
      step: 'finnes-ikke',
      visited: ['situasjon', 'husleie', 'finnes-ikke'],
    });
    expect(context.visited).toEqual(['situasjon']);
    expect(context.step).toBe('husstand');
  });

  it('drops unsure flags the form does not offer, text records of unknown answers, and bad locales', async () => {
    const context = await start('kontakt', {
      answers: { navn: 'Kari' },
      unsure: ['navn', 'beskrivelse', 'beskrivelse', 'finnes-ikke'],
      answeredIn: {
        navn: { locale: 'nb', variant: 'standard' },
        'finnes-ikke': { locale: 'nb', variant: 'standard' },
        epost: { locale: '<b>', variant: 'standard' },
      },
      variant: 'fancy' as never,
    });
    expect(context.unsure).toEqual(['beskrivelse']);
    expect(Object.keys(context.answeredIn)).toEqual(['navn']);
    expect(context.variant).toBe('standard');
  });
});

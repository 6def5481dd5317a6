// Which wording of a legal text the user confirmed (decision 0031): a declaration confirmed in the plain variant was
// shown in both wordings, so the submission carries both text versions; the duties above it go with it.
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { textVersionOf } from '../../src/engine/text-version.ts';
import type { TextVariant } from '../../src/definition/vocabulary.ts';
import { examplePackage, kontaktAnswers } from '../helpers/form-packages.ts';

async function sendKontakt(locale: string, variant: TextVariant) {
  const formPackage = await examplePackage('kontakt');
  const machine = createWizardMachine(formPackage, {
    createId: () => 'submission-1',
    now: () => new Date('2026-03-03T10:00:00Z'),
  });
  const { samtykke: _confirmed, ...answers } = kontaktAnswers;
  const actor = createActor(machine, { input: { answers, locale } }).start();
  actor.send({ type: 'SET_VARIANT', variant });
  for (let i = 0; i < 2; i++) actor.send({ type: 'NEXT' });
  actor.send({ type: 'ANSWER', field: 'samtykke', value: true });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'SUBMIT' });
  await waitFor(actor, (s) => s.value === 'submitted');
  return { submission: actor.getSnapshot().context.submission!, versions: formPackage.textVersions };
}

describe('the legal texts a submission says were confirmed', () => {
  it('has both wordings of a declaration confirmed in the plain variant, and of the privacy text on its step', async () => {
    const { submission, versions } = await sendKontakt('nb', 'plain');
    const standard = textVersionOf(versions, 'nb', 'standard', 'samtykke');
    const plain = textVersionOf(versions, 'nb', 'plain', 'samtykke');
    expect(standard).toMatch(/^[0-9a-f]{8}$/);
    expect(plain).not.toBe(standard);
    expect(submission.confirmed?.samtykke).toEqual([
      { locale: 'nb', variant: 'standard', text: standard },
      { locale: 'nb', variant: 'plain', text: plain },
    ]);
    // The privacy text is no declaration: the plain wording it was shown in, with its own version.
    expect(submission.confirmed?.personvern).toEqual([
      { locale: 'nb', variant: 'plain', text: textVersionOf(versions, 'nb', 'plain', 'personvern') },
    ]);
    expect(textVersionOf(versions, 'nb', 'plain', 'personvern')).not.toBe(standard);
  });

  it('has one wording when the user read the standard texts, in the language used', async () => {
    const { submission, versions } = await sendKontakt('pl', 'standard');
    expect(submission.confirmed).toEqual({
      personvern: [
        { locale: 'pl', variant: 'standard', text: textVersionOf(versions, 'pl', 'standard', 'personvern') },
      ],
      samtykke: [{ locale: 'pl', variant: 'standard', text: textVersionOf(versions, 'pl', 'standard', 'samtykke') }],
    });
    expect(submission.confirmed?.samtykke?.[0]?.text).not.toBe(textVersionOf(versions, 'nb', 'standard', 'samtykke'));
  });

  it('claims no wording for a confirmation it did not see given (an answer from a draft without its context)', async () => {
    const formPackage = await examplePackage('kontakt');
    const machine = createWizardMachine(formPackage, { createId: () => 'submission-2' });
    const actor = createActor(machine, { input: { answers: kontaktAnswers } }).start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const submission = actor.getSnapshot().context.submission!;
    expect(submission.answers.samtykke).toBe(true);
    expect(submission.confirmed).toBeUndefined();
  });
});

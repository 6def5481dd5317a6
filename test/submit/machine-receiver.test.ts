// The machine and the real receiver (issue 12): the first Send is stored but its answer is lost; the user
// then changes an answer, or asks for an interpreter, and sends again. The receiver must hold exactly
// what the receipt shows: the new version under the receipt's reference, the earlier one under the
// receipt's "earlier" reference, and nothing else. Sending is src/submit/send.ts, as in the widget; no
// real waiting (delaysMs: [] or [0]).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type Actor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type Receipt, type WizardInput, type WizardMachine } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { sendForReceipt, type Connectivity } from '../../src/submit/send.ts';
import { examplePackage, kontaktAnswers } from '../helpers/form-packages.ts';
import { startTestReceiver, type TestReceiver } from '../../packages/receiver/test/helpers.ts';

let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startTestReceiver();
});
afterAll(async () => {
  await receiver.stop();
});

const always: Connectivity = { online: () => true, whenOnline: () => new Promise(() => {}) };
const answers = { ...kontaktAnswers, navn: 'Ola Nordmann' };

/** A fetch whose first submission POST reaches the receiver (and is stored) but whose answer never comes back. */
function losingFirstAnswer(): { fetch: typeof fetch; posts: string[] } {
  let lost = false;
  const posts: string[] = [];
  return {
    posts,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && String(input).endsWith('/submissions')) {
        posts.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        if (!lost) {
          lost = true;
          await response.arrayBuffer();
          throw new TypeError('fetch failed');
        }
      }
      return response;
    },
  };
}

async function wizard(fetcher: typeof fetch, input: WizardInput = { answers }): Promise<Actor<WizardMachine>> {
  const formPackage = await examplePackage('kontakt');
  let actor: Actor<WizardMachine> | null = null;
  const machine = createWizardMachine(formPackage).provide({
    actors: {
      // As the widget's Submitter: the earlier ids come from the machine, sending from send.ts.
      sendSubmission: fromPromise<Receipt, Submission>(({ input: submission, signal }) =>
        sendForReceipt(
          {
            url: `${receiver.url}/api/forms/kontakt/submissions`,
            submission,
            fetch: fetcher,
            signal,
            connectivity: always,
            delaysMs: [],
            earlierIds: actor!.getSnapshot().context.earlierIds,
          },
          formPackage.definition,
        ),
      ),
    },
  });
  actor = createActor(machine, { input }).start();
  for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
  expect(actor.getSnapshot().value).toBe('review');
  return actor;
}

/** Every stored submission: reference, idempotency key, and the body as stored. */
const stored = () =>
  receiver.rows('submissions').map((row) => ({
    reference: row.reference as string,
    id: row.idempotency_key as string,
    body: JSON.parse(row.submission as string) as Submission,
  }));

/** Send whose answer is lost: the machine ends in "failed" (network), and the receiver has it. */
async function sendAndLoseAnswer(actor: Actor<WizardMachine>): Promise<string> {
  actor.send({ type: 'SUBMIT' });
  await waitFor(actor, (s) => s.value === 'failed');
  expect(actor.getSnapshot().context.submitError).toBe('network');
  return actor.getSnapshot().context.submission!.id;
}

describe('the machine and the real receiver', () => {
  it('(a) a changed answer after a lost answer: a new id, and the receipt names the earlier version too', async () => {
    const before = stored().length;
    const { fetch: losing, posts } = losingFirstAnswer();
    const actor = await wizard(losing);
    const firstId = await sendAndLoseAnswer(actor);
    expect(stored().map((s) => s.id)).toContain(firstId);

    // Back from the failure to the review page, then to a step, a corrected answer, and Send again.
    actor.send({ type: 'BACK' });
    actor.send({ type: 'GO_TO', step: 'henvendelse' });
    actor.send({ type: 'ANSWER', field: 'beskrivelse', value: 'Jeg mistet jobben i mars, og husleien er for høy.' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');

    const { receipt, submission, earlierIds } = actor.getSnapshot().context;
    expect(submission!.id).not.toBe(firstId);
    expect(earlierIds).toEqual([firstId]);
    expect(posts).toEqual([firstId, submission!.id]);
    const rows = stored().slice(before);
    expect(rows).toHaveLength(2);
    const newest = rows.find((r) => r.reference === receipt!.reference)!;
    expect(newest.id).toBe(submission!.id);
    expect(newest.body.answers.beskrivelse).toBe('Jeg mistet jobben i mars, og husleien er for høy.');
    expect(receipt!.earlier).toEqual({ references: [rows.find((r) => r.id === firstId)!.reference], unknown: false });
    expect(rows.find((r) => r.id === firstId)!.body.answers.beskrivelse).toBe('Jeg mistet jobben.');
  });

  it('(b) an interpreter request after a lost answer: a new id, and both versions on the receipt', async () => {
    const before = stored().length;
    const actor = await wizard(losingFirstAnswer().fetch);
    const firstId = await sendAndLoseAnswer(actor);
    // Asked in the help panel, which is open on the failure page too; then "Prøv igjen".
    actor.send({ type: 'SET_HELP_REQUEST', help: { contact: false, interpreter: true, interpreterLanguage: 'ar' } });
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.value === 'submitted');

    const { receipt, submission } = actor.getSnapshot().context;
    expect(submission!.id).not.toBe(firstId);
    const rows = stored().slice(before);
    expect(rows.map((r) => r.reference).sort()).toEqual([receipt!.reference, ...receipt!.earlier!.references].sort());
    expect(rows.find((r) => r.reference === receipt!.reference)!.body.help).toEqual({
      contact: false,
      interpreter: true,
      interpreterLanguage: 'ar',
    });
    expect(rows.find((r) => r.id === firstId)!.body.help).toBeUndefined();
    expect(receipt!.earlier!.references).toEqual([rows.find((r) => r.id === firstId)!.reference]);
  });

  it('a retry of the same body keeps its id: one stored copy, and no earlier version on the receipt', async () => {
    const before = stored().length;
    const { fetch: losing, posts } = losingFirstAnswer();
    const actor = await wizard(losing);
    const firstId = await sendAndLoseAnswer(actor);
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const { receipt, submission } = actor.getSnapshot().context;
    expect(posts).toEqual([firstId, firstId]);
    expect(submission!.id).toBe(firstId);
    const rows = stored().slice(before);
    expect(rows.map((r) => r.reference)).toEqual([receipt!.reference]);
    expect(receipt!.earlier).toBeUndefined();
  });

  it("an old draft's id that the receiver holds with another body: 409 changed-body, a new id once, both on the receipt", async () => {
    const before = stored().length;
    // Sent from another tab or an older widget: the receiver has this id with other answers.
    const old = await wizard(fetch);
    old.send({ type: 'SUBMIT' });
    await waitFor(old, (s) => s.value === 'submitted');
    const oldId = old.getSnapshot().context.submission!.id;
    const oldReference = old.getSnapshot().context.receipt!.reference;

    // A draft from before fingerprints: the id without its body's fingerprint.
    const sent: string[] = [];
    const spying: typeof fetch = (input, init) => {
      if (init?.method === 'POST') sent.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
      return fetch(input, init);
    };
    const actor = await wizard(spying, {
      answers: { ...answers, beskrivelse: 'Noe helt annet.' },
      tried: { id: oldId },
    });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const { receipt, submission } = actor.getSnapshot().context;
    expect(sent).toEqual([oldId, submission!.id]);
    expect(submission!.id).not.toBe(oldId);
    expect(receipt!.earlier).toEqual({ references: [oldReference], unknown: false });
    const rows = stored().slice(before);
    expect(rows.map((r) => r.reference).sort()).toEqual([oldReference, receipt!.reference].sort());
    expect(rows.find((r) => r.reference === receipt!.reference)!.body.answers.beskrivelse).toBe('Noe helt annet.');
  });
});

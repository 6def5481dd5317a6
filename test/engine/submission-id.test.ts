// The submission id rule (issue 12): the same body keeps its id (a retry's idempotency key), any change
// except submittedAt gives a new one, and the ids tried before are remembered, also through a draft.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { draftOf } from '../../src/drafts/draft.ts';
import { restoreDraft } from '../../src/drafts/restore-draft.ts';
import { parseDraft } from '../../src/drafts/parse-draft.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type Receipt } from '../../src/engine/machine.ts';
import { canonicalJson, submissionFingerprint } from '../../src/engine/submission-digest.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { examplePackage, kontaktAnswers } from '../helpers/form-packages.ts';
import { kontaktSubmission } from '../../packages/receiver/test/helpers.ts';

const json = fc.jsonValue({ maxDepth: 3 });

/** Paths to every value in a JSON tree (objects and arrays), for changing one of them. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  return [];
}

function setAt(root: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

describe('the submission fingerprint', () => {
  it('is the same for the same content in any key order, and ignores the id and submittedAt', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
    const submission = kontaktSubmission();
    expect(
      submissionFingerprint({ ...submission, id: 'another-id-123', submittedAt: '2030-01-01T00:00:00.000Z' }),
    ).toBe(submissionFingerprint(submission));
    expect(submissionFingerprint(submission)).toMatch(/^[0-9a-f]{14}$/);
  });

  it('changes with any change anywhere in the submission except submittedAt (property)', () => {
    const base = kontaktSubmission({ help: { contact: true, channel: 'phone', interpreter: false } });
    const changeable = paths(base).filter(
      (path) => !(path.length === 1 && (path[0] === 'submittedAt' || path[0] === 'id')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...changeable), json, (path, replacement) => {
        const changed = structuredClone(base) as unknown as Record<string, unknown>;
        const old = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], changed);
        fc.pre(canonicalJson(old) !== canonicalJson(replacement));
        setAt(changed, path, replacement);
        expect(submissionFingerprint(changed as unknown as Submission)).not.toBe(submissionFingerprint(base));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the machine's submission id", () => {
  const answers = kontaktAnswers;

  async function failingWizard(input = {}) {
    const formPackage = await examplePackage('kontakt');
    let n = 0;
    const sent: Submission[] = [];
    let clock = Date.parse('2026-03-03T10:00:00Z');
    const machine = createWizardMachine(formPackage, {
      createId: () => `submission-${++n}`,
      now: () => new Date((clock += 60_000)),
    }).provide({
      actors: {
        sendSubmission: fromPromise<Receipt, Submission>(async ({ input: submission }) => {
          sent.push(submission);
          throw Object.assign(new Error('network'), { reason: 'network' });
        }),
      },
    });
    const actor = createActor(machine, { input: { answers, ...input } }).start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    return { actor, sent, formPackage };
  }

  it('keeps the id for a retry of the same body (a new submittedAt), and takes a new one for every change (property)', async () => {
    const changes = [
      { type: 'SET_HELP_REQUEST', help: { contact: true, channel: 'phone', interpreter: false } },
      { type: 'SET_HELP_REQUEST', help: { contact: false, interpreter: true, interpreterLanguage: 'so' } },
      { type: 'SET_LOCALE', locale: 'en' },
      { type: 'SET_VARIANT', variant: 'plain' },
      { type: 'ANSWER', field: 'beskrivelse', value: 'Noe annet.' },
      { type: 'ANSWER', field: 'kanal', value: 'telefon' },
      { type: 'MARK_UNSURE', field: 'beskrivelse', unsure: true },
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.constantFrom(...changes), { nil: null }), { minLength: 1, maxLength: 6 }),
        async (steps) => {
          const { actor, sent } = await failingWizard();
          actor.send({ type: 'SUBMIT' });
          await waitFor(actor, (s) => s.value === 'failed');
          for (const change of steps) {
            // Answers, flags and the text variant change in "filling"; help, language on the failure page.
            if (change && (change.type === 'ANSWER' || change.type === 'MARK_UNSURE')) {
              actor.send({ type: 'BACK' });
              actor.send({ type: 'GO_TO', step: 'henvendelse' });
              actor.send(change);
              actor.send({ type: 'NEXT' });
              actor.send({ type: 'NEXT' });
              actor.send({ type: 'SUBMIT' });
            } else {
              if (change) actor.send(change);
              actor.send({ type: 'RETRY' });
            }
            await waitFor(actor, (s) => s.value === 'failed');
          }
          // Each try: the same id as the try before exactly when the body (all but id and submittedAt) is the same.
          for (let i = 1; i < sent.length; i++) {
            const same = submissionFingerprint(sent[i]!) === submissionFingerprint(sent[i - 1]!);
            expect(sent[i]!.id === sent[i - 1]!.id).toBe(same);
            expect(sent[i]!.submittedAt).not.toBe(sent[i - 1]!.submittedAt);
          }
          const ids = [...new Set(sent.map((s) => s.id))];
          const { earlierIds, submission } = actor.getSnapshot().context;
          expect(earlierIds).toEqual(ids.filter((id) => id !== submission!.id));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the rule through a draft: same body after a reload keeps the id; a change after it takes a new one, with the earlier ids', async () => {
    const { actor, formPackage } = await failingWizard();
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'failed');
    actor.send({ type: 'SET_HELP_REQUEST', help: { contact: true, channel: 'video', interpreter: false } });
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.value === 'failed');
    const context = actor.getSnapshot().context;
    expect(context.earlierIds).toEqual(['submission-1']);
    const draft = parseDraft(
      JSON.stringify(draftOf(formPackage.definition, context, { review: true, savedAt: new Date(), remember: false })),
      'kontakt',
    )!;
    expect(draft).toMatchObject({
      submissionId: 'submission-2',
      submissionFingerprint: context.tried!.fingerprint,
      earlierSubmissionIds: ['submission-1'],
    });

    const restored = restoreDraft(formPackage, draft);
    const again = await failingWizard(restored.input);
    again.actor.send({ type: 'SUBMIT' });
    await waitFor(again.actor, (s) => s.value === 'failed');
    expect(again.sent[0]!.id).toBe('submission-2');

    const changed = await failingWizard({ ...restored.input, help: { contact: false, interpreter: false } });
    changed.actor.send({ type: 'SUBMIT' });
    await waitFor(changed.actor, (s) => s.value === 'failed');
    expect(changed.sent[0]!.id).not.toBe('submission-2');
    expect(changed.actor.getSnapshot().context.earlierIds).toEqual(['submission-1', 'submission-2']);
  });

  it('takes a new id once on 409 changed-body, and treats a second one as a refusal', async () => {
    const formPackage = await examplePackage('kontakt');
    let n = 0;
    const sent: string[] = [];
    const machine = createWizardMachine(formPackage, { createId: () => `submission-${++n}` }).provide({
      actors: {
        sendSubmission: fromPromise<Receipt, Submission>(async ({ input }) => {
          sent.push(input.id);
          throw Object.assign(new Error('changed-body'), { reason: 'changed-body' });
        }),
      },
    });
    const actor = createActor(machine, { input: { answers } }).start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'failed');
    expect(sent).toEqual(['submission-1', 'submission-2']);
    expect(actor.getSnapshot().context).toMatchObject({ submitError: 'refused', earlierIds: ['submission-1'] });
  });

  it('ignores ids in a draft that the receiver would not take', async () => {
    const { actor } = await failingWizard({
      tried: { id: '../../etc', fingerprint: 'x' },
      earlierIds: ['ok-id-12345', 'no', 42] as unknown as string[],
    });
    expect(actor.getSnapshot().context).toMatchObject({ tried: null, earlierIds: ['ok-id-12345'] });
  });
});

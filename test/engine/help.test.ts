// The help request (contact, channel, interpreter): kept by the machine, sent beside the answers only
// when the user asked for something, and checked by the receiver.
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import type { Receipt } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { asksForHelp, helpRequestErrors, normalizeHelpRequest, type HelpRequest } from '../../src/engine/help.ts';
import { validateSubmission, type SubmissionValidation } from '../../packages/receiver/src/validate-submission.ts';
import { examplePackage, kontaktAnswers } from '../helpers/form-packages.ts';
import { kontaktSubmission } from '../../packages/receiver/test/helpers.ts';

const answers = kontaktAnswers;

async function start() {
  const machine = createWizardMachine(await examplePackage('kontakt'), {
    createId: () => 'submission-1',
    now: () => new Date('2026-03-03T10:00:00Z'),
  });
  return createActor(machine, { input: { answers } }).start();
}

const errorsOf = (result: SubmissionValidation): Array<[string, string]> =>
  result.ok ? [] : result.errors.map((e) => [e.pointer, e.code]);

describe('the help request', () => {
  it('is empty at the start and is not sent when the user asked for nothing', async () => {
    const actor = await start();
    expect(actor.getSnapshot().context.help).toEqual({ contact: false, interpreter: false });
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    expect(actor.getSnapshot().context.submission).not.toHaveProperty('help');
  });

  it('goes into the submission with the channel and the interpreter language, from any step or the review page', async () => {
    const actor = await start();
    actor.send({ type: 'SET_HELP_REQUEST', help: { contact: true, channel: 'phone', interpreter: false } });
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({
      type: 'SET_HELP_REQUEST',
      help: { contact: true, channel: 'phone', interpreter: true, interpreterLanguage: 'ar' },
    });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const submission = actor.getSnapshot().context.submission!;
    expect(submission.help).toEqual({ contact: true, channel: 'phone', interpreter: true, interpreterLanguage: 'ar' });
    const checked = validateSubmission(await examplePackage('kontakt'), JSON.parse(JSON.stringify(submission)));
    expect(errorsOf(checked)).toEqual([]);
  });

  it('drops a channel without contact and a language without an interpreter, and ignores what is no request', async () => {
    const actor = await start();
    actor.send({
      type: 'SET_HELP_REQUEST',
      help: { contact: false, channel: 'video', interpreter: false, interpreterLanguage: 'so' },
    });
    expect(actor.getSnapshot().context.help).toEqual({ contact: false, interpreter: false });
    actor.send({
      type: 'SET_HELP_REQUEST',
      help: {
        contact: true,
        channel: 'fax',
        interpreter: true,
        interpreterLanguage: 'Arabic',
      } as unknown as HelpRequest,
    });
    expect(actor.getSnapshot().context.help).toEqual({ contact: true, interpreter: true });
    actor.send({ type: 'SET_HELP_REQUEST', help: 'ring meg' as unknown as HelpRequest });
    expect(actor.getSnapshot().context.help).toEqual({ contact: true, interpreter: true });
  });

  it('is taken on a step, on the review page and after a failed send, never while sending or after it', async () => {
    const replies: Array<{ resolve: (receipt: Receipt) => void; reject: (error: unknown) => void }> = [];
    const sent: Submission[] = [];
    const machine = createWizardMachine(await examplePackage('kontakt'), { createId: () => 'submission-1' }).provide({
      actors: {
        sendSubmission: fromPromise<Receipt, Submission>(({ input }) => {
          sent.push(input);
          return new Promise((resolve, reject) => replies.push({ resolve, reject }));
        }),
      },
    });
    const actor = createActor(machine, { input: { answers } }).start();
    const ask = (help: HelpRequest) => actor.send({ type: 'SET_HELP_REQUEST', help });
    const phone: HelpRequest = { contact: true, channel: 'phone', interpreter: false };
    const video: HelpRequest = { contact: true, channel: 'video', interpreter: false };
    const interpreter: HelpRequest = { contact: false, interpreter: true, interpreterLanguage: 'so' };

    ask(phone);
    expect(actor.getSnapshot().context.help).toEqual(phone);
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    ask(video);
    expect(actor.getSnapshot()).toMatchObject({ value: 'review', context: { help: video } });
    actor.send({ type: 'SUBMIT' });
    ask(interpreter);
    expect(actor.getSnapshot()).toMatchObject({ value: 'submitting', context: { help: video } });
    replies.shift()!.reject(new Error('offline'));
    await waitFor(actor, (s) => s.value === 'failed');
    ask(interpreter);
    expect(actor.getSnapshot().context.help).toEqual(interpreter);
    actor.send({ type: 'RETRY' });
    replies.shift()!.resolve({ reference: 'REF-1' });
    await waitFor(actor, (s) => s.value === 'submitted');
    expect(actor.getSnapshot().status).toBe('done');
    const stopped = vi.spyOn(console, 'warn').mockImplementation(() => {}); // xstate's note on events to a done actor
    ask(phone);
    stopped.mockRestore();
    expect(actor.getSnapshot().context.help).toEqual(interpreter);
    expect(sent.map((s) => s.help)).toEqual([video, interpreter]);
  });

  it('normalizes to one shape', () => {
    expect(normalizeHelpRequest({ contact: true, channel: 'meeting', interpreter: false, extra: 1 })).toEqual({
      contact: true,
      channel: 'meeting',
      interpreter: false,
    });
    expect(normalizeHelpRequest({ contact: 'yes', interpreter: false })).toBeNull();
    expect(asksForHelp({ contact: false, interpreter: true })).toBe(true);
    expect(asksForHelp({ contact: false, interpreter: false })).toBe(false);
  });
});

describe('the receiver checks the help request', () => {
  it('accepts a submission with or without one', async () => {
    const kontakt = await examplePackage('kontakt');
    expect(validateSubmission(kontakt, kontaktSubmission()).ok).toBe(true);
    expect(
      validateSubmission(
        kontakt,
        kontaktSubmission({ help: { contact: true, channel: 'message', interpreter: false } }),
      ).ok,
    ).toBe(true);
    expect(validateSubmission(kontakt, kontaktSubmission({ help: { contact: false, interpreter: true } })).ok).toBe(
      true,
    );
  });

  it('refuses a wrong one, naming the place', async () => {
    const kontakt = await examplePackage('kontakt');
    const refused = (help: unknown) => errorsOf(validateSubmission(kontakt, { ...kontaktSubmission(), help }));
    expect(refused('ja')).toEqual([['/help', 'type']]);
    expect(refused({ contact: true, channel: 'fax', interpreter: false })).toEqual([['/help/channel', 'choice']]);
    expect(refused({ contact: false, channel: 'phone', interpreter: false })).toEqual([
      ['/help/channel', 'not-relevant'],
    ]);
    expect(refused({ contact: true, interpreter: true, interpreterLanguage: 'arabisk' })).toEqual([
      ['/help/interpreterLanguage', 'pattern'],
    ]);
    expect(refused({ contact: true, interpreter: false, interpreterLanguage: 'ar' })).toEqual([
      ['/help/interpreterLanguage', 'not-relevant'],
    ]);
    expect(refused({ contact: true, interpreter: false, phone: '123' })).toEqual([['/help/phone', 'unknown-key']]);
    expect(refused({ contact: false, interpreter: false })).toEqual([['/help', 'not-relevant']]);
    expect(refused({ contact: 1 })).toEqual([
      ['/help/contact', 'type'],
      ['/help/interpreter', 'type'],
    ]);
    expect(
      helpRequestErrors({ contact: true, channel: 'video', interpreter: true, interpreterLanguage: 'ti' }),
    ).toEqual([]);
  });
});

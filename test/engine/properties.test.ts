// Property tests: thousands of random event sequences against the example forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type WizardContext, type WizardEvent } from '../../src/engine/machine.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { buildSubmission, submissionErrors } from '../../src/engine/submission.ts';
import { exampleFormIds, examplePackage } from '../helpers/form-packages.ts';
import { guidedEvent, guidedRollsFor, wizardEventArbitrary } from '../helpers/answer-samples.ts';

/** Sequences per form and property. The long form (about 70 questions, 9 steps) gets fewer, longer
 *  sequences, so the whole Node suite stays under about 90 s on two cores. */
const RUNS_BY_FORM: Partial<Record<string, number>> = { sosialhjelp: 300 };
const runsOf = (formId: string): number => RUNS_BY_FORM[formId] ?? 1500;
const sequence = (events: fc.Arbitrary<WizardEvent>) => fc.array(events, { minLength: 1, maxLength: 60, size: 'max' });

/** Every path whose value changed between two answer objects (a group's items count as one value each). */
function changedAnswers(before: WizardContext['answers'], after: WizardContext['answers']): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

describe.each(exampleFormIds)('random event sequences on the form "%s"', (formId) => {
  const RUNS = runsOf(formId);
  it('never submit an irrelevant answer, and every submission passes the whole-submission validator', async () => {
    const formPackage = await examplePackage(formId);
    const machine = createWizardMachine(formPackage);
    let submissions = 0;
    fc.assert(
      fc.property(guidedRollsFor(formPackage.definition), (rolls) => {
        const actor = createActor(machine, { input: {} }).start();
        for (const roll of rolls) {
          const event = guidedEvent(formPackage.definition, actor.getSnapshot(), roll);
          actor.send(event);
          const { context } = actor.getSnapshot();
          // At any moment, the submission the machine would build is exactly the relevant answers.
          const candidate = buildSubmission({
            id: 'x',
            definition: formPackage.definition,
            validators: formPackage.validators,
            relevance: context.relevance,
            unsure: context.unsure,
            answeredIn: context.answeredIn,
            locale: context.locale,
            variant: context.variant,
            now: new Date(),
          });
          const irrelevant = Object.keys(candidate.answers).filter((id) => !context.relevance.fields.includes(id));
          if (irrelevant.length > 0) throw new Error(`irrelevant answers in a submission: ${irrelevant.join(', ')}`);
          if (context.submission && event.type === 'SUBMIT') {
            submissions++;
            const { submission } = context;
            expect(submissionErrors(submission, formPackage.validators)).toEqual([]);
            // Tested on its own, the submission asks exactly the same questions.
            const alone = computeRelevance(formPackage.definition, formPackage.validators, submission.answers);
            expect(alone.answers).toEqual(submission.answers);
            expect(submission.unsure.every((id) => alone.fields.includes(id))).toBe(true);
          }
        }
        actor.stop();
      }),
      { numRuns: RUNS },
    );
    console.log(`${formId}: ${RUNS} sequences, ${submissions} submissions checked`);
    // Guards against a property that passes because no sequence ever reached a submission.
    expect(submissions).toBeGreaterThan(RUNS / 50);
  });

  it('never lose an answer: only an answer to that field, or removing an item, changes it', async () => {
    const formPackage = await examplePackage(formId);
    const machine = createWizardMachine(formPackage);
    const groupOf = new Map(
      formPackage.definition.steps
        .flatMap((s) => s.fields)
        .flatMap((f) => (f.fields ?? []).map((c) => [c.id, f.id] as const)),
    );
    fc.assert(
      fc.property(sequence(wizardEventArbitrary(formPackage.definition)), (events) => {
        const actor = createActor(machine, { input: {} }).start();
        for (const event of events) {
          const before = actor.getSnapshot().context.answers;
          actor.send(event);
          const changed = changedAnswers(before, actor.getSnapshot().context.answers);
          const allowed =
            event.type === 'ANSWER'
              ? [event.field, groupOf.get(event.field)]
              : event.type === 'ADD_ITEM' || event.type === 'REMOVE_ITEM'
                ? [event.group]
                : [];
          const lost = changed.filter((key) => !allowed.includes(key));
          if (lost.length > 0) throw new Error(`${event.type} changed the answers ${lost.join(', ')}`);
        }
        actor.stop();
      }),
      { numRuns: RUNS },
    );
  });

  it("relevance after each answer, evaluated only where the answer is named, is the whole pass's (keys in order)", async () => {
    const formPackage = await examplePackage(formId);
    const { definition, validators } = formPackage;
    const at = new Date('2026-06-15T12:00:00Z');
    const machine = createWizardMachine(formPackage, { now: () => at });
    let answers = 0;
    fc.assert(
      fc.property(guidedRollsFor(definition), (rolls) => {
        const actor = createActor(machine, { input: {} }).start();
        for (const roll of rolls) {
          const event = guidedEvent(definition, actor.getSnapshot(), roll);
          actor.send(event);
          if (event.type === 'ANSWER') answers++;
          const { relevance, answers: given } = actor.getSnapshot().context;
          const whole = computeRelevance(definition, validators, given, relevance.today);
          // JSON, so the order of the keys counts too (a submission lists answers in form order).
          if (JSON.stringify(relevance) !== JSON.stringify(whole))
            throw new Error(`${JSON.stringify(event)}: ${JSON.stringify(relevance)} ≠ ${JSON.stringify(whole)}`);
        }
        actor.stop();
      }),
      // A third of the runs: the whole pass after every event is the slow part here.
      { numRuns: Math.ceil(RUNS / 3) },
    );
    expect(answers).toBeGreaterThan(RUNS / 3);
  });

  it('locale and variant switches change nothing but the locale and the variant', async () => {
    const formPackage = await examplePackage(formId);
    const machine = createWizardMachine(formPackage);
    const switches = fc.oneof(
      fc.constantFrom('nb', 'nn', 'ar', 'se', 'so').map((locale): WizardEvent => ({ type: 'SET_LOCALE', locale })),
      fc
        .constantFrom('standard' as const, 'plain' as const)
        .map((variant): WizardEvent => ({ type: 'SET_VARIANT', variant })),
    );
    fc.assert(
      fc.property(
        sequence(wizardEventArbitrary(formPackage.definition)),
        fc.array(switches, { minLength: 1, maxLength: 5 }),
        (events, toggles) => {
          const actor = createActor(machine, { input: {} }).start();
          events.forEach((event) => actor.send(event));
          const before = actor.getSnapshot();
          toggles.forEach((toggle) => actor.send(toggle));
          const after = actor.getSnapshot();
          const { locale: _l, variant: _v, ...restBefore } = before.context;
          const { locale: _l2, variant: _v2, ...restAfter } = after.context;
          expect(after.value).toEqual(before.value);
          expect(restAfter).toEqual(restBefore);
          actor.stop();
        },
      ),
      { numRuns: RUNS },
    );
  });
});

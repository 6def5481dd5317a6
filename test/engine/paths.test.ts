// Path coverage: xstate/graph walks the machine with the events a user can send on each step, and
// every step and both outcomes of every condition must be reachable.
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { FieldDefinition } from '../../src/definition/types.ts';
import { conditionKey } from '../../src/engine/form-package.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { type WizardEvent, type WizardMachine } from '../../src/engine/machine.ts';
import { itemRelevance } from '../../src/engine/relevance.ts';
import { documentIdOf } from '../../src/engine/items.ts';
import { exampleFormIds, examplePackage } from '../helpers/form-packages.ts';
import { sampleInputs } from '../helpers/answer-samples.ts';
import { toAnswerValue } from '../../src/validation/parse.ts';

type Snapshot = SnapshotFrom<WizardMachine>;
const CHOICE_KINDS: readonly string[] = ['radio', 'select', 'checkboxes', 'yesno'];

describe.each(exampleFormIds)('paths through the form "%s"', (formId) => {
  it('reach every step and both outcomes of every condition', async () => {
    const formPackage = await examplePackage(formId);
    const { definition, validators } = formPackage;
    // One id for every item: the walk adds one item per group, and a random id would make every path a new state.
    const machine = createWizardMachine(formPackage, { createItemId: () => 'item0001' });
    // A long form has too many combinations of choices to walk them all. There the walk takes the first
    // valid answer to every question, with at most one other choice along the way: enough for both
    // outcomes of every condition of the example forms, and the test fails if one is never seen.
    const choiceFields = definition.steps
      .flatMap((s) => s.fields.flatMap((f) => [f, ...(f.fields ?? [])]))
      .filter((f) => CHOICE_KINDS.includes(f.kind));
    const maxOtherChoices = choiceFields.length > 12 ? 1 : Infinity;
    const validInputs = (field: FieldDefinition, group?: FieldDefinition): unknown[] => {
      const samples = sampleInputs(definition, field, group);
      const validate = validators.fields[field.id]!;
      const valid = samples.filter((value) => {
        const answer = toAnswerValue(field.kind, value);
        return answer !== undefined && validate(answer);
      });
      // Options decide conditions, so each one is tried; other kinds need one valid answer.
      return CHOICE_KINDS.includes(field.kind) ? valid : valid.slice(0, 1);
    };
    const firstAnswer = new Map<string, string>();
    for (const step of definition.steps) {
      for (const field of step.fields) {
        for (const [f, group] of [[field, undefined], ...(field.fields ?? []).map((c) => [c, field] as const)] as Array<
          [FieldDefinition, FieldDefinition | undefined]
        >) {
          if (!CHOICE_KINDS.includes(f.kind)) continue;
          const first = validInputs(f, group)[0];
          if (first !== undefined) firstAnswer.set(f.id, JSON.stringify(toAnswerValue(f.kind, first)));
        }
      }
    }
    /** How many answers so far are another choice than the first valid one. */
    const otherChoices = (answers: Record<string, unknown>): number =>
      Object.entries(answers).reduce((n, [id, value]) => {
        if (Array.isArray(value) && !firstAnswer.has(id))
          return n + value.reduce<number>((m, item) => m + otherChoices(item as Record<string, unknown>), 0);
        return n + (firstAnswer.has(id) && firstAnswer.get(id) !== JSON.stringify(value) ? 1 : 0);
      }, 0);
    const inputsFor = (snapshot: Snapshot, field: FieldDefinition, group?: FieldDefinition): unknown[] => {
      const inputs = validInputs(field, group);
      return otherChoices(snapshot.context.answers) < maxOtherChoices ? inputs : inputs.slice(0, 1);
    };

    /** On each step: answer the first unanswered relevant question (each way that matters), go on, or go back. */
    const events = (snapshot: Snapshot): WizardEvent[] => {
      const { context } = snapshot;
      if (snapshot.value === 'review') return [{ type: 'SUBMIT' }];
      if (snapshot.value !== 'filling') return [];
      const step = definition.steps.find((s) => s.id === context.step)!;
      const next: WizardEvent[] = [{ type: 'NEXT' }, { type: 'BACK' }];
      for (const field of step.fields) {
        if (!context.relevance.fields.includes(field.id) || field.kind === 'guidance') continue;
        if (field.kind === 'group') {
          const items = (context.answers[field.id] as Array<Record<string, unknown>> | undefined) ?? [];
          if (items.length === 0) return [...next, { type: 'ADD_ITEM', group: field.id }];
          const item = items[0]!;
          const { fields } = itemRelevance(field, item, validators);
          const child = field.fields!.find((c) => fields.includes(c.id) && item[c.id] === undefined);
          if (child)
            return [
              ...next,
              ...inputsFor(snapshot, child, field).map((value): WizardEvent => ({
                type: 'ANSWER',
                field: child.id,
                index: 0,
                value,
              })),
            ];
          continue;
        }
        if (context.answers[field.id] !== undefined) continue;
        return [
          ...next,
          ...inputsFor(snapshot, field).map((value): WizardEvent => ({ type: 'ANSWER', field: field.id, value })),
        ];
      }
      return next;
    };

    const serializeState = (snapshot: Snapshot): string =>
      JSON.stringify([
        snapshot.value,
        snapshot.context.step,
        snapshot.context.relevance.answers,
        snapshot.context.errors.length > 0,
      ]);
    const paths = getShortestPaths(machine, { events, serializeState });

    const outcomes = new Map<string, Set<boolean>>();
    const see = (key: string, outcome: boolean) => outcomes.set(key, (outcomes.get(key) ?? new Set()).add(outcome));
    const stepsShown = new Set<string>();
    const phases = new Set<string>();
    for (const { state } of paths) {
      const { relevance, step, answers } = state.context;
      phases.add(String(state.value));
      if (state.value === 'filling') stepsShown.add(step);
      for (const s of definition.steps) {
        if (s.when) see(conditionKey('step', s.id), relevance.steps.includes(s.id));
        if (!relevance.steps.includes(s.id)) continue;
        for (const field of s.fields) {
          if (field.when) see(conditionKey('field', field.id), relevance.fields.includes(field.id));
          const items =
            relevance.fields.includes(field.id) && Array.isArray(answers[field.id])
              ? (answers[field.id] as unknown[])
              : [];
          for (const item of items) {
            const { fields } = itemRelevance(field, item, validators);
            for (const child of field.fields ?? [])
              if (child.when) see(conditionKey('field', child.id), fields.includes(child.id));
          }
        }
      }
      for (const document of definition.attachments ?? []) {
        if (document.when)
          see(
            conditionKey('attachment', document.id),
            relevance.attachments.some((key) => documentIdOf(key) === document.id),
          );
      }
    }

    console.log(`${formId}: ${paths.length} states reached; conditions covered: ${[...outcomes.keys()].join(', ')}`);
    expect([...stepsShown].sort()).toEqual(definition.steps.map((s) => s.id).sort());
    expect(phases).toContain('review');
    expect(phases).toContain('submitting');
    expect(Object.keys(validators.conditions).sort()).toEqual([...outcomes.keys()].sort());
    for (const [key, seen] of outcomes) expect([key, [...seen].sort()]).toEqual([key, [false, true]]);

    // Each path is real: replaying its events in a running actor ends in the same place.
    const longest = paths.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
    const actor = createActor(machine, { input: {} }).start();
    longest.steps.forEach(({ event }) => {
      if ((event as { type: string }).type !== 'xstate.init') actor.send(event);
    });
    expect(actor.getSnapshot().context.step).toBe(longest.state.context.step);
    actor.stop();
  });
});

// A user's way through a form in the engine alone (Node, no browser): every step answered with the given
// answers (hand-written, or made from the definition by generated-answers.ts), Continue, and so on to the
// review page. What a test of any form, in any folder, can run without knowing its questions.
import { createActor } from 'xstate';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import type { FormPackage } from '../../src/engine/form-package.ts';
import { itemRelevance } from '../../src/engine/relevance.ts';
import { generatedAnswers, type StepAnswers } from './generated-answers.ts';

export interface Journey {
  /** The steps in the order they were shown. */
  steps: string[];
  /** The machine's state at the end: 'review' when every step was answered without errors. */
  state: string;
  /** The errors on the step where the journey stopped, as "path code". */
  errors: string[];
}

export function journey(
  formPackage: FormPackage,
  answers: Record<string, StepAnswers> = generatedAnswers(formPackage.definition),
): Journey {
  const { definition, validators } = formPackage;
  const actor = createActor(createWizardMachine(formPackage), { input: {} }).start();
  const steps: string[] = [];
  for (let guard = 0; guard <= definition.steps.length && actor.getSnapshot().value === 'filling'; guard++) {
    const stepId = actor.getSnapshot().context.step;
    steps.push(stepId);
    const step = definition.steps.find((s) => s.id === stepId)!;
    const given = answers[stepId] ?? {};
    for (const field of step.fields) {
      const { relevance } = actor.getSnapshot().context;
      const value = given[field.id];
      if (value === undefined || !relevance.fields.includes(field.id)) continue;
      if (field.kind === 'group') {
        for (const [index, item] of (value as StepAnswers[]).entries()) {
          actor.send({ type: 'ADD_ITEM', group: field.id });
          for (const child of field.fields ?? []) {
            const items = actor.getSnapshot().context.answers[field.id] as StepAnswers[];
            if (!itemRelevance(field, items[index] ?? {}, validators).fields.includes(child.id)) continue;
            if (item[child.id] !== undefined)
              actor.send({ type: 'ANSWER', field: child.id, value: item[child.id], index });
          }
        }
      } else if (field.kind === 'attachments') {
        const documents = Object.entries(value as Record<string, string>)
          .filter(([id]) => relevance.attachments.includes(id))
          .map(([id, status]) => [id, { status }]);
        actor.send({ type: 'ANSWER', field: field.id, value: Object.fromEntries(documents) });
      } else actor.send({ type: 'ANSWER', field: field.id, value });
    }
    actor.send({ type: 'NEXT' });
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return {
    steps,
    state: String(snapshot.value),
    errors: snapshot.context.errors.map((e) => `${e.path} ${e.code}`),
  };
}

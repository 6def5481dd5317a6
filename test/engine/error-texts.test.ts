// Every error the engine can raise has a text in nb, so the user never sees a raw key like "errors.files.minItems".
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { validateStep } from '../../src/engine/field-errors.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { packageRoot } from '../../src/node/paths.ts';
import { exampleFormIds, examplePackage } from '../helpers/form-packages.ts';
import { guidedEvent, guidedRolls, wizardEventArbitrary } from '../helpers/answer-samples.ts';

const nbTexts = async (namespace: string): Promise<unknown> =>
  JSON.parse(await readFile(resolve(packageRoot, `locales/nb/${namespace}.json`), 'utf8'));

function hasText(texts: Record<string, unknown>, fullKey: string): boolean {
  const [namespace, key] = fullKey.split(':') as [string, string];
  const node = key
    .split('.')
    .reduce<unknown>(
      (at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined),
      texts[namespace],
    );
  return typeof node === 'string';
}

describe.each(exampleFormIds)('error texts on the form "%s"', (formId) => {
  it('has an nb text for every error that random sequences raise', async () => {
    const formPackage = await examplePackage(formId);
    const texts = { widget: await nbTexts('widget'), [formId]: await nbTexts(formId) };
    const machine = createWizardMachine(formPackage);
    const seen = new Set<string>();
    const missing = new Set<string>();
    const collect = (actor: ReturnType<typeof createActor<typeof machine>>) => {
      for (const error of actor.getSnapshot().context.errors) {
        seen.add(`${error.kind}.${error.code}`);
        if (!error.keys.some((key) => hasText(texts, key)))
          missing.add(`${error.path} ${error.code}: ${error.keys.join(' | ')}`);
      }
    };
    // Guided sequences reach every step; free sequences try odd values (empty, too long, wrong type).
    fc.assert(
      fc.property(guidedRolls, (rolls) => {
        const actor = createActor(machine, { input: {} }).start();
        for (const roll of rolls) {
          actor.send(guidedEvent(formPackage.definition, actor.getSnapshot(), roll));
          collect(actor);
        }
        actor.stop();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(wizardEventArbitrary(formPackage.definition), { minLength: 1, maxLength: 60 }), (events) => {
        const actor = createActor(machine, { input: {} }).start();
        for (const event of events) {
          actor.send(event);
          actor.send({ type: 'NEXT' });
          collect(actor);
        }
        actor.stop();
      }),
      { numRuns: 300 },
    );
    // Values a user can leave behind: an emptied reason, the last file removed.
    const { definition, validators } = formPackage;
    const step = definition.steps.find((s) => s.fields.some((f) => f.kind === 'attachments'));
    const field = step?.fields.find((f) => f.kind === 'attachments');
    for (const document of step && field ? (definition.attachments ?? []) : []) {
      for (const entry of [
        { status: 'missing', reason: '' },
        { status: 'uploaded', files: [] },
        { status: 'missing' },
        { status: 'uploaded' },
      ]) {
        const answers = { [field!.id]: { [document.id]: entry } };
        const relevance = { ...computeRelevance(definition, validators, answers), fields: [field!.id] };
        const errors = validateStep(step!, { definition, validators, answers, unsure: [], relevance });
        for (const error of errors) {
          seen.add(`${error.kind}.${error.code}`);
          if (!error.keys.some((key) => hasText(texts, key)))
            missing.add(`${error.path} ${error.code}: ${error.keys.join(' | ')}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
    // Guards against a test that passes because no error was ever raised.
    expect(seen.size).toBeGreaterThan(5);
  });
});

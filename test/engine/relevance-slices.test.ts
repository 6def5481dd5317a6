// The dependency graph made in slices (src/engine/relevance-update.ts, decision 0037): the widget makes it a few
// milliseconds at a time, yielding to the user's keys between. An answer given before it is whole must not use the
// part made so far (it would miss the conditions not read yet): it takes the whole pass, with the same result.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../src/engine/answers.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { prepareRelevance, updateRelevance } from '../../src/engine/relevance-update.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const TODAY = '2026-06-15';
/**
 * Answers given after others, in sosialhjelp: each shows or hides questions. From «leier» to «eier» changes no
 * question on its own step, only on a later one (husleie goes, har-boliglan comes): a graph made only up to its own
 * step would keep the questions as they were.
 */
const CHANGES: [before: Answers, field: string, value: unknown][] = [
  [{}, 'student', true],
  [{}, 'har-barn', true],
  [{ bosituasjon: 'leier' }, 'bosituasjon', 'eier'],
];

afterEach(() => vi.restoreAllMocks());

describe('the dependency graph made in slices', () => {
  it('yields between steps, and an answer meanwhile or after gets the whole pass’s relevance', async () => {
    const { definition, validators } = await examplePackage('sosialhjelp');
    // Every reading of the clock is 5 ms on: each slice overruns its budget, so the graph yields after every step
    // (no real time is measured).
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
    const pauses: (() => void)[] = [];
    const making = prepareRelevance(definition, () => new Promise<void>((go) => pauses.push(() => go())));
    expect(pauses).toHaveLength(1);

    const check = () => {
      for (const [before, field, value] of CHANGES) {
        const previous = computeRelevance(definition, validators, before, TODAY);
        expect(previous.fields).toContain(field);
        const answers = { ...before, [field]: value };
        const updated = updateRelevance(definition, validators, previous, answers, field, TODAY);
        const whole = computeRelevance(definition, validators, answers, TODAY);
        expect(JSON.stringify(updated)).toBe(JSON.stringify(whole));
        expect(whole.fields).not.toEqual(previous.fields);
      }
    };
    check();
    let slices = 0;
    while (pauses.length > 0) {
      pauses.shift()!();
      slices++;
      await new Promise((resolve) => setImmediate(resolve));
      // After every slice: part of the graph is made, the rest of the conditions not read yet.
      check();
    }
    await making;
    // A slice for the questions' places in each step, and one for each step's conditions.
    expect(slices).toBeGreaterThanOrEqual(2 * definition.steps.length - 1);
    check();
  });
});

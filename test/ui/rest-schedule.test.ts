// What the user's intent starts once the late chunk is here (components/klar-skjema/rest.ts, decisions 0037 and
// 0040): on a large form the rest of the package, the whole-submission check and the preferred languages' texts
// wait while the user types and come, one at a time, when they pause; on a small one they come at once. Driven by
// a fake clock and the events a user's typing sends: no wall-clock timing.
import { describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '../../src/definition/types.ts';
import { PACKAGE_FILES } from '../../src/engine/form-package.ts';
import { LATER_VALIDATORS } from '../../src/engine/package-slices.ts';
import type { Session } from '../../components/klar-skjema/session.ts';
import {
  FILES_AFTER,
  LARGE_FIELDS,
  PAUSE_MS,
  prepareRest,
  restWaits,
  type RestClock,
} from '../../components/klar-skjema/rest.ts';

/** A clock the test moves: sleeps end when it passes their time, idle callbacks when the test says so. */
class TestClock implements RestClock {
  time = 0;
  #sleepers: { at: number; wake: () => void }[] = [];
  #idlers: (() => void)[] = [];
  now = (): number => this.time;
  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => this.#sleepers.push({ at: this.time + ms, wake: () => wake() }));
  idle = (): Promise<void> => new Promise((wake) => this.#idlers.push(() => wake()));
  yield = (): Promise<void> => Promise.resolve();

  /** Moves to `to` ms, waking the sleeps due, then lets the schedule run as far as it can. */
  async at(to: number): Promise<void> {
    this.time = to;
    const due = this.#sleepers.filter((sleeper) => sleeper.at <= to);
    this.#sleepers = this.#sleepers.filter((sleeper) => sleeper.at > to);
    for (const sleeper of due) sleeper.wake();
    await settled();
  }

  /** The browser is idle: every idle callback asked for runs. */
  async idleNow(): Promise<void> {
    for (const wake of this.#idlers.splice(0)) wake();
    await settled();
  }
}

/** Every promise reaction the schedule has queued has run. */
const settled = async (): Promise<void> => {
  for (let turn = 0; turn < 50; turn++) await Promise.resolve();
};

function definitionWith(fields: number): FormDefinition {
  const steps = Array.from({ length: Math.ceil(fields / 10) }, (_, step) => ({
    id: `steg-${step + 1}`,
    fields: Array.from({ length: Math.min(10, fields - step * 10) }, (_, index) => ({
      id: `felt-${step * 10 + index + 1}`,
      kind: 'text' as const,
    })),
  }));
  return { id: 'vekst', version: '1.0.0', locales: ['nb'], answers: { type: 'object', properties: {} }, steps };
}

/** A session with what the schedule uses; each load counts when it is asked for. */
function sessionWith(fields: number) {
  const asked: string[] = [];
  const load = (what: string) =>
    vi.fn(() => {
      asked.push(what);
      return Promise.resolve();
    });
  const session = {
    definition: definitionWith(fields),
    base: '/forms/vekst/',
    sliced: ['nb'],
    formPackage: {
      submissionLoader: { load: load('submission'), ready: () => false },
      laterLoader: { load: vi.fn(), ready: () => false },
    },
    loadLater: load('later'),
    prefetchPreferred: vi.fn(() => void asked.push('preferred')),
  };
  return { session: session as unknown as Session, asked };
}

const typeKey = (host: EventTarget) => {
  host.dispatchEvent(new Event('keydown'));
  host.dispatchEvent(new Event('input'));
};

describe('the rest after intent', () => {
  it('on a large form waits while the user types, then comes one part at a pause', async () => {
    const { session, asked } = sessionWith(LARGE_FIELDS + 10);
    const host = new EventTarget();
    const clock = new TestClock();
    const drawn = vi.fn();
    const done = prepareRest(host, session, drawn, clock);
    expect(restWaits(session)).toBe(true);
    await settled();
    // The user types right after the focus: nothing is parsed however long they go on.
    for (let time = 0; time <= 3000; time += 250) {
      await clock.at(time);
      typeKey(host);
      await clock.idleNow();
    }
    expect(asked).toEqual([]);
    // A pause shorter than PAUSE_MS is no pause.
    await clock.at(3000 + PAUSE_MS - 1);
    await clock.idleNow();
    expect(asked).toEqual([]);
    // No key for PAUSE_MS, and the browser idle: the rest of the package, and only that.
    await clock.at(3000 + PAUSE_MS);
    expect(asked).toEqual([]);
    await clock.idleNow();
    expect(asked).toEqual(['later']);
    expect(drawn).toHaveBeenCalledTimes(1);
    // Typing again holds back the next part, typed during the idle wait too.
    await clock.at(4200);
    typeKey(host);
    await clock.at(4200 + PAUSE_MS);
    typeKey(host);
    await clock.idleNow();
    expect(asked).toEqual(['later']);
    await clock.at(4200 + 2 * PAUSE_MS);
    await clock.idleNow();
    expect(asked).toEqual(['later', 'submission']);
    await clock.at(4200 + 3 * PAUSE_MS);
    await clock.idleNow();
    expect(asked).toEqual(['later', 'submission', 'preferred']);
    await done;
    expect(restWaits(session)).toBe(false);
    // It listens no more: a key now changes nothing.
    typeKey(host);
    expect(asked).toEqual(['later', 'submission', 'preferred']);
  });

  it('on a small form comes at once, typing or not, and draws after each part', async () => {
    const { session, asked } = sessionWith(110);
    const host = new EventTarget();
    const clock = new TestClock();
    const drawn = vi.fn();
    const done = prepareRest(host, session, drawn, clock);
    typeKey(host);
    await settled();
    expect(asked.sort()).toEqual(['later', 'preferred', 'submission']);
    await done;
    expect(drawn).toHaveBeenCalledTimes(2);
    expect(restWaits(session)).toBe(false);
  });

  it('a failed part is left to what needs it, and the next one still comes', async () => {
    const { session, asked } = sessionWith(LARGE_FIELDS + 10);
    (session.loadLater as ReturnType<typeof vi.fn>).mockImplementation(() => {
      asked.push('later failed');
      return Promise.reject(new Error('offline'));
    });
    const clock = new TestClock();
    const done = prepareRest(new EventTarget(), session, () => undefined, clock);
    for (let part = 1; part <= 3; part++) {
      await clock.at(part * PAUSE_MS);
      await clock.idleNow();
    }
    await done;
    expect(asked).toEqual(['later failed', 'submission', 'preferred']);
  });

  it('names the package files as the build writes them', () => {
    expect(FILES_AFTER).toEqual({ later: LATER_VALIDATORS, submission: PACKAGE_FILES.submission });
  });
});

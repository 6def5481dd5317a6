// The tab guard (src/drafts/two-tabs.ts) in a real browser: BroadcastChannel and Web Locks. A tab that
// opens asks every tab already working on the form to save before it reads the stores, and is told when
// they have; alone, it does not wait. No test here waits for time to pass: the guards get a claim timeout
// far longer than any test, so a test passes only through the messages themselves.
import { deepEqual, equal } from '../browser/assert.ts';
import { TabGuard, type TabGuardOptions } from '../../src/drafts/two-tabs.ts';

const NEVER = 10 * 60_000;
let forms = 0;

/** A fresh form id per test, so no guard of an earlier test answers. */
const nextForm = (): string => `two-tabs-test-${++forms}`;

const guard = (formId: string, log: string[], name: string, options: Partial<TabGuardOptions> = {}): TabGuard =>
  new TabGuard(formId, {
    onChange: (state) => log.push(`${name} ${state.readOnly ? 'read-only' : 'working'}`),
    release: async () => {
      log.push(`${name} saved`);
    },
    onExit: () => log.push(`${name} exit`),
    claimTimeoutMs: NEVER,
    ...options,
  });

/** Waits until the Web Locks API lists `count` holders of the form's lock (start() takes it asynchronously). */
async function holders(formId: string, count: number): Promise<void> {
  for (;;) {
    const { held = [] } = await navigator.locks.query();
    if (held.filter((lock) => lock.name === `klarskjema:${formId}`).length === count) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Waits for a message round (the other guard's answer arrives as a task). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('two tabs: the tab guard', () => {
  it('a tab alone with the form reads at once: nobody to ask', async () => {
    const log: string[] = [];
    const alone = guard(nextForm(), log, 'alone');
    await alone.sync();
    deepEqual(log, []);
    alone.stop();
  });

  it('a new tab reads only after the working tab saved what was pending, and sync locks nobody', async () => {
    const formId = nextForm();
    const log: string[] = [];
    const older = guard(formId, log, 'older');
    older.start();
    await holders(formId, 1);
    const newer = guard(formId, log, 'newer');
    await newer.sync();
    log.push('newer reads');
    deepEqual(log, ['older saved', 'newer reads'], 'the save came first');
    equal(older.state.readOnly, false, 'asked to save, not locked');

    // Then the new tab starts: the older one saves again and is locked (the hello).
    newer.start();
    await until(() => newer.state.otherTab);
    deepEqual(
      log.slice(2),
      ['older saved', 'older read-only', 'newer working'],
      'the older tab saved before it answered',
    );
    older.stop();
    newer.stop();
  });

  it('waits for every working tab; a read-only tab answers without saving', async () => {
    const formId = nextForm();
    const log: string[] = [];
    const first = guard(formId, log, 'first');
    first.start();
    await holders(formId, 1);
    const second = guard(formId, log, 'second');
    second.start();
    await until(() => second.state.otherTab);
    await holders(formId, 2);
    log.length = 0;
    const third = guard(formId, log, 'third');
    await third.sync();
    deepEqual(log, ['second saved'], 'the working tab saved; the read-only one had nothing to save');
    for (const tab of [first, second, third]) tab.stop();
  });

  it('a tab that has gone is not asked: its lock went with it', async () => {
    const formId = nextForm();
    const log: string[] = [];
    const gone = guard(formId, log, 'gone');
    gone.start();
    await holders(formId, 1);
    gone.stop();
    await holders(formId, 0);
    await guard(formId, log, 'new').sync();
    deepEqual(log, []);
  });
});

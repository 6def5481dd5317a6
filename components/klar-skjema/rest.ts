// What the user's intent starts once the late chunk is here (decisions 0040, 0037), done so that it never holds
// up typing: a user types right after focusing a field. The dependency graph is made in slices of a few
// milliseconds; then the rest of the package (the other steps' validators and texts), the whole-submission check
// and the preferred languages' texts. On a small form each of these is a short task of its own, and they are asked
// for at once (Next needs the rest soon). On a large one, parsing each (a module of megabytes, a JSON file of
// close to one) is one long task that cannot be split: the bytes are fetched at once, and each is parsed only when
// the user pauses (no key or input in the widget for PAUSE_MS), one at a time. Next, the review page, Send and a
// language switch ask for what they need themselves and wait for it as before (decision 0038), so they never wait
// for a pause.
import { prepareRelevance } from '../../src/engine/relevance-update.ts';
import type { Session } from './session.ts';
import { whenIdle } from './when-idle.ts';

/** No key or input in the widget for this long: the user has paused, and a long task may run. */
export const PAUSE_MS = 1000;
/**
 * A form with more fields than this has a rest too large to parse between two keys: at 4× CPU the largest part
 * (submission.js's evaluation) took 14–15 ms at 1,100 fields and 48–63 ms at 11,000, so about 40 ms here.
 */
export const LARGE_FIELDS = 3000;
const TYPING = ['keydown', 'input'] as const;
/**
 * The package's files after the first step, as src/engine/package-slices.ts and form-package.ts name them. Not
 * imported: what the late chunk imports from the main chunk's modules, the main chunk must export, which adds to
 * the initial JavaScript (0019). test/ui/rest-schedule.test.ts holds them equal.
 */
export const FILES_AFTER = { later: 'validators-later.js', submission: 'submission.js' } as const;

/** The clock the schedule waits by; tests give a fake one. */
export interface RestClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** When the browser is idle. */
  idle(): Promise<void>;
  /** Lets the browser handle input and paint before going on. */
  yield(): Promise<void>;
}

type Scheduler = { yield?: () => Promise<void> };

export const browserClock: RestClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  idle: () => new Promise((resolve) => whenIdle(() => resolve())),
  yield: () => {
    const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
    if (scheduler?.yield) return scheduler.yield();
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  },
};

/** The user's pauses in typing in the widget, counted from the intent (a focus is followed by typing). */
class Pauses {
  #last: number;
  readonly #typed = (): void => {
    this.#last = this.clock.now();
  };

  constructor(
    readonly host: EventTarget,
    readonly clock: RestClock,
  ) {
    this.#last = clock.now();
    for (const type of TYPING) host.addEventListener(type, this.#typed, true);
  }

  /** Resolves once the user has typed nothing for PAUSE_MS and the browser is idle. */
  async pause(): Promise<void> {
    for (;;) {
      const left = this.#last + PAUSE_MS - this.clock.now();
      if (left > 0) await this.clock.sleep(left);
      else {
        await this.clock.idle();
        if (this.clock.now() - this.#last >= PAUSE_MS) return;
      }
    }
  }

  stop(): void {
    for (const type of TYPING) this.host.removeEventListener(type, this.#typed, true);
  }
}

/** Asks for a file's bytes now, so parsing it later waits for no network (the widget's import or fetch takes them). */
function fetchAhead(href: string, module: boolean): void {
  const link = document.createElement('link');
  link.rel = module ? 'modulepreload' : 'preload';
  if (!module) {
    link.as = 'fetch';
    // As the widget's fetch asks (same-origin credentials), so the browser hands it this response.
    link.crossOrigin = 'anonymous';
  }
  link.href = href;
  document.head.append(link);
}

const waiting = new WeakSet<Session>();

/** Whether the session's rest waits for a pause in typing (a render then does not ask for it). */
export const restWaits = (session: Session): boolean => waiting.has(session);

/**
 * Makes the graph and loads the rest, as above; `arrived` draws again after each part (a task after it, so the
 * draw is not part of the parse's long task). Resolves when all has been asked for; a failed load is left to
 * whatever needs it (Next, the review page, a render of the help), which tries again.
 */
export async function prepareRest(
  host: EventTarget,
  session: Session,
  arrived: () => void,
  clock: RestClock = browserClock,
): Promise<void> {
  // Before the first await: the render the late chunk's arrival asks for sees it.
  waiting.add(session);
  const pauses = new Pauses(host, clock);
  const { definition, formPackage, base } = session;
  const submission = formPackage.submissionLoader;
  const large = definition.steps.reduce((sum, step) => sum + step.fields.length, 0) > LARGE_FIELDS;
  const later = () => session.loadLater();
  const check = () => submission?.load();
  const preferred = () => session.prefetchPreferred();
  try {
    // Not in the task that brought the late chunk (its first render is drawn there); a task per request asked.
    await clock.yield();
    if (large && typeof document !== 'undefined') {
      const ahead: [string, boolean][] = session.sliced.map((lng) => [`${base}locales/later/${lng}.json`, false]);
      if (formPackage.laterLoader && !formPackage.laterLoader.ready())
        ahead.push([`${base}${FILES_AFTER.later}`, true]);
      if (submission && !submission.ready()) ahead.push([`${base}${FILES_AFTER.submission}`, true]);
      for (const [href, module] of ahead) {
        fetchAhead(href, module);
        await clock.yield();
      }
    }
    if (!large) {
      // Asked for before the graph is made, so the network works meanwhile; each is drawn in a task after it.
      preferred();
      const draw = async () => {
        await clock.yield();
        arrived();
      };
      const loads = [later(), check()].map((loading) => Promise.resolve(loading).then(draw, () => undefined));
      await prepareRelevance(definition, clock.yield);
      await Promise.all(loads);
      return;
    }
    await prepareRelevance(definition, clock.yield);
    for (const load of [later, check, preferred]) {
      await pauses.pause();
      await Promise.resolve(load()).catch(() => undefined);
      await clock.yield();
      arrived();
    }
  } finally {
    pauses.stop();
    waiting.delete(session);
  }
}

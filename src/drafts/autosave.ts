// Saves a draft to every store in use, automatically: once the user pauses (debounced, then when the browser is
// idle; the draft is made only then, never at a keystroke), at once when
// asked (the page is hidden or the element removed), and again later when a save failed. What happened
// is reported, so the user sees when their answers were last saved and is told when saving failed.
import type { Draft } from './draft.ts';
import type { DraftStore, DraftStoreKind } from './stores.ts';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saved'; at: Date; stores: DraftStoreKind[] }
  | { state: 'failed'; at: Date; stores: DraftStoreKind[] };

export interface AutosaveOptions {
  /** The stores to write to, asked at every save (the user can tick "remember" at any time). */
  stores: () => DraftStore[];
  onStatus: (status: SaveStatus) => void;
  /** Quiet time before a save. */
  delayMs?: number;
  /** Longest a change waits while the user keeps typing. */
  maxWaitMs?: number;
  /** Wait before trying a failed save again; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => Date;
}

/** A draft, or how to make it: made only when it is saved, not at every keystroke. */
export type DraftSource = Draft | (() => Draft);

/** The draft's content apart from when it was saved. */
const contentOf = (draft: Draft): string => JSON.stringify({ ...draft, savedAt: '', expiresAt: '' });

/** Longest a due save waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1000;

export class Autosave {
  #pending: DraftSource | null = null;
  #last: Draft | null = null;
  #lastContent = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #idle: number | undefined;
  /** When the oldest unsaved change came (Date.now()), or 0. */
  #waitingSince = 0;
  #retryMs: number;
  #saving: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(readonly options: AutosaveOptions) {
    this.#retryMs = options.retryMs ?? 5000;
  }

  /**
   * Saves the draft once the user has paused, when the browser is idle; nothing is saved when nothing changed
   * since the last save. A draft given as a function is made then, so typing never waits for it.
   */
  schedule(draft: DraftSource): void {
    if (this.#stopped) return;
    this.#pending = draft;
    this.#cancel();
    this.#waitingSince ||= Date.now();
    const left = (this.options.maxWaitMs ?? 3000) - (Date.now() - this.#waitingSince);
    this.#timer = setTimeout(() => this.#whenIdle(), Math.max(0, Math.min(this.options.delayMs ?? 500, left)));
  }

  #whenIdle(): void {
    if (typeof requestIdleCallback === 'function')
      this.#idle = requestIdleCallback(() => void this.flush(), { timeout: IDLE_TIMEOUT_MS });
    else void this.flush();
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    if (this.#idle !== undefined) cancelIdleCallback(this.#idle);
    this.#idle = undefined;
  }

  /**
   * Saves what is pending now. Stores that write synchronously (memory, web storage) have written when
   * this returns, which is what a pagehide handler needs; the returned promise waits for the others.
   */
  flush(): Promise<void> {
    return this.#write(false);
  }

  #write(always: boolean): Promise<void> {
    this.#cancel();
    this.#waitingSince = 0;
    const source = this.#pending;
    if (!source || this.#stopped) return this.#saving;
    this.#pending = null;
    const draft = typeof source === 'function' ? source() : source;
    const content = contentOf(draft);
    if (!always && this.#last && content === this.#lastContent) return this.#saving;
    const stores = this.options.stores();
    const results = stores.map((store) =>
      store.save(draft).then(
        () => null,
        () => store.kind,
      ),
    );
    this.#saving = Promise.all(results).then((failed) => {
      const failures = failed.filter((kind): kind is DraftStoreKind => kind !== null);
      const at = this.options.now?.() ?? new Date();
      if (this.#stopped) return;
      if (failures.length === 0) {
        this.#last = draft;
        this.#lastContent = content;
        this.#retryMs = this.options.retryMs ?? 5000;
        this.options.onStatus({ state: 'saved', at, stores: stores.map((s) => s.kind) });
        return;
      }
      this.options.onStatus({ state: 'failed', at, stores: failures });
      // Try again later, unless the user changed something meanwhile (that save is already scheduled).
      if (!this.#pending) {
        this.#pending = draft;
        this.#cancel();
        this.#timer = setTimeout(() => void this.flush(), this.#retryMs);
        this.#retryMs = Math.min(this.#retryMs * 2, this.options.maxRetryMs ?? 60_000);
      }
    });
    return this.#saving;
  }

  /** Saves again at once, also when nothing changed (the user asked, after a failure). */
  retry(draft: DraftSource): Promise<void> {
    this.#pending = draft;
    return this.#write(true);
  }

  /** The last draft every store accepted. */
  get lastSaved(): Draft | null {
    return this.#last;
  }

  /** Stops for good: nothing pending is saved (used by "Gå ut og slett"). */
  stop(): void {
    this.#stopped = true;
    this.#pending = null;
    this.#cancel();
  }

  /** Drops what is pending without saving it, and forgets what was saved. */
  reset(): void {
    this.#pending = null;
    this.#last = null;
    this.#cancel();
  }
}

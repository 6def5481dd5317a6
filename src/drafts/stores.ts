// Where a draft can be kept, behind one interface. The widget always keeps one in memory; the tab's
// sessionStorage is on by default; this device (localStorage) only after the user ticks "Husk svarene
// mine på denne enheten"; a server only when the host gives an endpoint. Browser storage comes in as
// arguments, so this runs in Node too. docs/decisions/0008-drafts.md says why localStorage, not IndexedDB.
import type { Draft } from './draft.ts';

export type DraftStoreKind = 'memory' | 'session' | 'device' | 'server';

export interface DraftStore {
  readonly kind: DraftStoreKind;
  /** The stored draft of this form, or null when there is none. Rejects when the store cannot be read, and
   *  with UnreadableDraft when it holds something that is not a draft this widget can read. */
  load(): Promise<Draft | null>;
  /** Memory and web storage write before save() returns, so a save during pagehide is not lost. */
  save(draft: Draft): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A store holds something under this form's key that is not a draft this widget can read: a newer
 * format, another version's shape, a host's HTML page with 200. It is never overwritten or deleted
 * unless the user chooses to start again (docs/decisions/0008-drafts.md).
 */
export class UnreadableDraft extends Error {
  override name = 'UnreadableDraft';
}

/** The key of a form's draft in web storage. Every key of klarskjema starts with this prefix. */
export const draftKey = (formId: string): string => `klarskjema:${formId}`;

export class MemoryDraftStore implements DraftStore {
  readonly kind = 'memory';
  #draft: Draft | null = null;
  load(): Promise<Draft | null> {
    return Promise.resolve(this.#draft);
  }
  save(draft: Draft): Promise<void> {
    this.#draft = structuredClone(draft);
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.#draft = null;
    return Promise.resolve();
  }
}

/**
 * Reads what a store holds under this form's key: `readDraft` (parse-draft.ts), or in the widget the late
 * chunk's copy of it (a reload without a draft does not wait for that code, decision 0019).
 */
export type DraftReader = (stored: string, formId: string) => Draft | Promise<Draft>;

/**
 * sessionStorage or localStorage. `storage` is a function because reading window.sessionStorage can
 * throw (storage blocked by the user's settings); then the store reports failures instead.
 */
export class WebStorageDraftStore implements DraftStore {
  constructor(
    readonly kind: 'session' | 'device',
    readonly formId: string,
    readonly storage: () => Storage,
    readonly options: { read: DraftReader; expiryDays?: number; now?: () => Date },
  ) {}

  async load(): Promise<Draft | null> {
    const key = draftKey(this.formId);
    const stored = await attempt(() => this.storage().getItem(key));
    if (stored === null) return null;
    // Something this widget cannot read (a newer widget's draft, say) stays: the reader throws.
    const draft = await this.options.read(stored, this.formId);
    const now = this.options.now?.() ?? new Date();
    // An expired draft is removed as soon as it is found.
    if (draft.expiresAt && Date.parse(draft.expiresAt) <= now.getTime()) {
      await attempt(() => this.storage().removeItem(key));
      return null;
    }
    return draft;
  }

  save(draft: Draft): Promise<void> {
    return attempt(() => {
      const { expiryDays } = this.options;
      const expiresAt = expiryDays
        ? { expiresAt: new Date(Date.parse(draft.savedAt) + expiryDays * 86_400_000).toISOString() }
        : {};
      this.storage().setItem(draftKey(this.formId), JSON.stringify({ ...draft, ...expiresAt }));
    });
  }

  clear(): Promise<void> {
    return attempt(() => this.storage().removeItem(draftKey(this.formId)));
  }
}

/** Runs a synchronous storage call now and reports its outcome as a promise. */
function attempt<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

// ServerDraftStore is in server-store.ts: only forms with a draft-url need it, so it loads late (0012).

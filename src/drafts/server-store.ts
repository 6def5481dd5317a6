// The host's server as a draft store, in a file of its own so the widget loads it only when the host gives
// a draft-url (the late chunk; docs/decisions/0012-lazy-chunks.md).
import type { Draft } from './draft.ts';
import { readDraft } from './parse-draft.ts';
import type { DraftStore } from './stores.ts';

/**
 * A draft on the host's server, to resume on another device. The host gives one URL per user and form
 * (behind its own login): GET gives the draft (200) or none (404 or 204), PUT stores it (JSON), DELETE
 * removes it. Cookies go along on the same origin only.
 */
export class ServerDraftStore implements DraftStore {
  readonly kind = 'server';
  constructor(
    readonly url: string,
    readonly formId: string,
    readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
    readonly timeoutMs = 8000,
  ) {}

  async #request(method: string, body?: string): Promise<Response> {
    const response = await this.fetcher(this.url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: body ? { 'Content-Type': 'application/json' } : { Accept: 'application/json' },
      ...(body ? { body } : {}),
    });
    if (!response.ok && response.status !== 404) throw new Error(`The draft server answered ${response.status}.`);
    return response;
  }

  async load(): Promise<Draft | null> {
    const response = await this.#request('GET');
    if (response.status === 404 || response.status === 204) return null;
    // A 200 that is not a draft we can read (a newer format, an error page) is UnreadableDraft, never "none".
    return readDraft(await response.text(), this.formId);
  }

  async save(draft: Draft): Promise<void> {
    await this.#request('PUT', JSON.stringify(draft));
  }

  async clear(): Promise<void> {
    await this.#request('DELETE');
  }
}

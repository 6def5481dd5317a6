// Sends a submission to a receiver with the API of src/server/receiver.ts (docs/decisions/0005):
// first each chosen file to <submit-url>/<submission id>/attachments, whose `ref` goes into the file's
// answer, then the submission itself with Idempotency-Key = its id. Network errors, 408, 429 and 5xx are
// tried again with backoff; while the device is offline nothing is tried and nothing is counted, and
// sending goes on when the connection returns. A refusal (another 4xx) is final and says why.
import { isRecord, pointerToken } from '../engine/answers.ts';
import type { Submission } from '../engine/submission.ts';

export type SendStatus =
  | { state: 'sending' }
  | { state: 'offline' }
  | { state: 'retrying'; attempt: number; delayMs: number };

export interface ReceiverError {
  pointer: string;
  code: string;
  message?: string;
  /** Parameters for the user's text, such as a file's name. */
  params?: Record<string, unknown>;
}

/** The receiver said no. `errors` point into the submission; `status` is the HTTP status. */
export class SubmissionRefused extends Error {
  constructor(readonly status: number, readonly errors: ReceiverError[]) {
    super(`The receiver refused the submission (${status}).`);
    this.name = 'SubmissionRefused';
  }
}

/** Every try failed on the network or the receiver's side. */
export class SendFailed extends Error {
  override name = 'SendFailed';
}

export interface Connectivity {
  online(): boolean;
  /** Resolves when the connection may be back (or at once if the signal aborts). */
  whenOnline(signal?: AbortSignal): Promise<void>;
}

export interface SendOptions {
  /** The receiver's submissions URL, e.g. https://example.no/api/forms/stotte/submissions. */
  url: string;
  submission: Submission;
  /** Chosen files by "field/document", in the same order as the answer's files. */
  files?: ReadonlyMap<string, readonly File[]>;
  fetch?: typeof fetch;
  /** Waits between tries; after the last one, SendFailed. */
  delaysMs?: readonly number[];
  connectivity?: Connectivity;
  onStatus?: (status: SendStatus) => void;
  signal?: AbortSignal;
}

export const DEFAULT_DELAYS_MS = [1000, 2000, 4000, 8000, 16000] as const;

const RETRYABLE = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** The browser's idea of being online; outside a browser, always online. */
export const browserConnectivity: Connectivity = {
  online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  whenOnline: (signal) => new Promise<void>((resolve) => {
    if (typeof window === 'undefined') { resolve(); return; }
    const done = (): void => { window.removeEventListener('online', done); signal?.removeEventListener('abort', done); resolve(); };
    window.addEventListener('online', done);
    signal?.addEventListener('abort', done);
  }),
};

/** Waits ms, or less if the connection comes back (a reason to try at once) or the signal aborts. */
function pause(ms: number, connectivity: Connectivity, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const waker = new AbortController();
    const timer = setTimeout(() => { waker.abort(); resolve(); }, ms);
    const wake = (): void => { clearTimeout(timer); waker.abort(); resolve(); };
    signal?.addEventListener('abort', wake, { once: true });
    // whenOnline resolves on the next 'online' event, which only comes after being offline.
    void connectivity.whenOnline(waker.signal).then(() => { if (!waker.signal.aborted) wake(); });
  });
}

async function errorsOf(response: Response): Promise<ReceiverError[]> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && Array.isArray(body.errors)) {
      return body.errors.filter((e): e is ReceiverError => isRecord(e) && typeof e.pointer === 'string' && typeof e.code === 'string');
    }
  } catch {
    // Not JSON: a proxy's page, say. The status alone tells what happened.
  }
  return [];
}

/**
 * One request, tried until it gets an answer that is not a network error, 408, 429 or 5xx. Offline
 * time does not count as a try. Returns the JSON body of a 2xx; throws SubmissionRefused for a 4xx.
 */
async function request(options: SendOptions, url: string, init: () => RequestInit, bytes: number): Promise<unknown> {
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  const connectivity = options.connectivity ?? browserConnectivity;
  const fetcher = options.fetch ?? ((input, requestInit) => fetch(input, requestInit));
  for (let attempt = 0; ; ) {
    options.signal?.throwIfAborted();
    if (!connectivity.online()) {
      options.onStatus?.({ state: 'offline' });
      await connectivity.whenOnline(options.signal);
      continue;
    }
    options.onStatus?.({ state: 'sending' });
    let response: Response | null = null;
    // A request that hangs is a failed try: a minute, and more for a big file on a slow line (20 kB/s).
    const timeout = AbortSignal.timeout(60_000 + Math.ceil(bytes / 20));
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      response = await fetcher(url, { ...init(), credentials: 'same-origin', cache: 'no-store', signal });
    } catch (error) {
      options.signal?.throwIfAborted();
      if (!(error instanceof TypeError) && !(error instanceof DOMException)) throw error;
    }
    if (response?.ok) {
      try { return await response.json(); } catch { return {}; }
    }
    if (response && !RETRYABLE(response.status)) throw new SubmissionRefused(response.status, await errorsOf(response));
    // A network error, or the receiver could not take it now. Offline is handled above, uncounted.
    if (!connectivity.online()) continue;
    if (attempt >= delays.length) throw new SendFailed(response ? `The receiver answered ${response.status}.` : 'The network failed.');
    const delayMs = delays[attempt]!;
    attempt += 1;
    options.onStatus?.({ state: 'retrying', attempt, delayMs });
    await pause(delayMs, connectivity, options.signal);
  }
}

type FileAnswer = { name: string; size: number; type: string; ref?: string };

/** Uploads every chosen file of the submission's documents and returns the submission with each file's ref. */
async function uploadFiles(options: SendOptions): Promise<Submission> {
  const { submission, files } = options;
  const answers = structuredClone(submission.answers);
  for (const [key, chosen] of files ?? []) {
    const [fieldId = '', document = ''] = key.split('/');
    const entry = (answers[fieldId] as Record<string, { status?: string; files?: FileAnswer[] }> | undefined)?.[document];
    // Only documents the submission still holds as "uploaded now" (an answer may have changed since).
    if (!entry || entry.status !== 'uploaded' || !entry.files) continue;
    for (const [index, described] of entry.files.entries()) {
      const file = chosen[index];
      if (!file || described.ref) continue;
      const query = new URLSearchParams({ document, name: file.name });
      const url = `${options.url.replace(/\/+$/, '')}/${encodeURIComponent(submission.id)}/attachments?${query}`;
      try {
        const body = await request(options, url, () => ({ method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file }), file.size);
        const { ref, type } = (isRecord(body) ? body : {}) as { ref?: unknown; type?: unknown };
        if (typeof ref === 'string') described.ref = ref;
        // The receiver judges a file's type by its bytes; its verdict is what the answer says.
        if (typeof type === 'string') described.type = type;
      } catch (error) {
        if (!(error instanceof SubmissionRefused)) throw error;
        // A refused file is an error on that document's files, named for the user.
        const code = error.status === 415 ? 'files.type' : error.status === 413 ? 'files.size' : 'files.invalid';
        throw new SubmissionRefused(error.status, [{ pointer: `/answers/${pointerToken(fieldId)}/${pointerToken(document)}/files`, code, params: { name: file.name } }]);
      }
    }
  }
  return { ...submission, answers };
}

/** Sends the submission and its files; resolves with the receiver's reference. */
export async function sendSubmission(options: SendOptions): Promise<{ reference: string | null; submission: Submission }> {
  const submission = await uploadFiles(options);
  const body = JSON.stringify(submission);
  const result = await request(options, options.url, () => ({
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submission.id }, body,
  }), body.length);
  const reference = isRecord(result) && typeof result.reference === 'string' ? result.reference : null;
  return { reference, submission };
}

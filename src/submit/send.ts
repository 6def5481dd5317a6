// Sends a submission to a receiver with the API of packages/receiver/src/receiver.ts (docs/decisions/0005):
// first each chosen file to <submit-url>/<submission id>/attachments with an upload token the receiver
// issued for this id (the file's name in Content-Disposition, never in the URL), whose `ref` goes into the
// file's answer, then the submission itself with Idempotency-Key = its id. Network errors, 408, 429 and 5xx
// are tried again with backoff (a Retry-After is honoured); while the device is offline nothing is tried and
// nothing is counted, and sending goes on when the connection returns. A refusal (another 4xx) is final
// and says why. Only a 2xx that carries a reference counts as sent.
import { isRecord, pointerToken } from '../engine/answers.ts';
import type { FormDefinition } from '../definition/types.ts';
import type { Receipt, SubmitFailure } from '../engine/machine.ts';
import type { Submission } from '../engine/submission.ts';
import { fieldErrorsFromReceiver } from './server-errors.ts';

export type SendStatus =
  { state: 'sending' } | { state: 'offline' } | { state: 'retrying'; attempt: number; delayMs: number };

export interface ReceiverError {
  pointer: string;
  code: string;
  message?: string;
  /** Parameters for the user's text, such as a file's name. */
  params?: Record<string, unknown>;
}

/** The receiver said no. `errors` point into the submission; `status` is the HTTP status. */
export class SubmissionRefused extends Error {
  constructor(
    readonly status: number,
    readonly errors: ReceiverError[],
  ) {
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
  /** Ids of earlier, different versions of this submission that were tried and may have arrived. */
  earlierIds?: readonly string[];
  /** The longest wait a receiver's Retry-After can ask for. */
  maxRetryAfterMs?: number;
  /** Waits ms (or less when the signal aborts); tests give one that does not wait. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => Date;
}

/** What the receiver holds under the earlier ids: their references, and whether it could not tell for some. */
export interface EarlierVersions {
  references: string[];
  unknown: boolean;
}

export interface SendResult {
  reference: string;
  /** The receiver's link for documents sent later, when it gives one. */
  followUp?: { link: string; expiresAt: string };
  submission: Submission;
  earlier: EarlierVersions;
}

export const DEFAULT_DELAYS_MS = [1000, 2000, 4000, 8000, 16000] as const;

const RETRYABLE = (status: number): boolean => status === 408 || status === 429 || status >= 500;
export const MAX_RETRY_AFTER_MS = 120_000;

/** Retry-After in seconds or as an HTTP date, as milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** The browser's idea of being online; outside a browser, always online. */
export const browserConnectivity: Connectivity = {
  online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  whenOnline: (signal) =>
    new Promise<void>((resolve) => {
      if (typeof window === 'undefined') {
        resolve();
        return;
      }
      const done = (): void => {
        window.removeEventListener('online', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      window.addEventListener('online', done);
      signal?.addEventListener('abort', done);
    }),
};

/** Waits ms, or less if the connection comes back (a reason to try at once) or the signal aborts. */
function pause(ms: number, options: SendOptions, connectivity: Connectivity, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const waker = new AbortController();
    void (options.wait ?? sleep)(ms, waker.signal).then(() => {
      waker.abort();
      resolve();
    });
    const wake = (): void => {
      waker.abort();
      resolve();
    };
    signal?.addEventListener('abort', wake, { once: true });
    // whenOnline resolves on the next 'online' event, which only comes after being offline.
    void connectivity.whenOnline(waker.signal).then(() => {
      if (!waker.signal.aborted) wake();
    });
  });
}

async function errorsOf(response: Response): Promise<ReceiverError[]> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && Array.isArray(body.errors)) {
      return body.errors.filter(
        (e): e is ReceiverError => isRecord(e) && typeof e.pointer === 'string' && typeof e.code === 'string',
      );
    }
    if (isRecord(body) && typeof body.code === 'string') return [{ pointer: '', code: body.code }];
  } catch {
    // Not JSON: a proxy's page, say. The status alone tells what happened.
  }
  return [];
}

/**
 * One request, tried until it gets an answer that is not a network error, 408, 429 or 5xx. Offline
 * time does not count as a try. Returns the JSON body of a 2xx that `accept` takes (a 2xx it does not
 * take, such as a proxy's page, is a failed try); throws SubmissionRefused for a 4xx.
 */
async function request(
  options: SendOptions,
  url: string,
  init: () => RequestInit,
  bytes: number,
  accept: (body: unknown) => boolean = () => true,
  delays: readonly number[] = options.delaysMs ?? DEFAULT_DELAYS_MS,
): Promise<unknown> {
  const connectivity = options.connectivity ?? browserConnectivity;
  const fetcher = options.fetch ?? ((input, requestInit) => fetch(input, requestInit));
  for (let attempt = 0; ;) {
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
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      if (accept(body)) return body;
    } else if (response && !RETRYABLE(response.status))
      throw new SubmissionRefused(response.status, await errorsOf(response));
    // A network error, or the receiver could not take it now. Offline is handled above, uncounted.
    if (!connectivity.online()) continue;
    if (attempt >= delays.length)
      throw new SendFailed(response ? `The receiver answered ${response.status}.` : 'The network failed.');
    // "Come back later" (503 storage-unavailable, 429): the receiver's wait, within reason, instead of ours.
    const asked =
      response && !response.ok
        ? retryAfterMs(response.headers.get('Retry-After'), options.now?.() ?? new Date())
        : null;
    const delayMs = asked === null ? delays[attempt]! : Math.min(asked, options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS);
    attempt += 1;
    options.onStatus?.({ state: 'retrying', attempt, delayMs });
    await pause(delayMs, options, connectivity, options.signal);
  }
}

type FileAnswer = { name: string; size: number; type: string; ref?: string };

const base = (options: SendOptions): string => options.url.replace(/\/+$/, '');
const hasReference = (body: unknown): boolean => isRecord(body) && typeof body.reference === 'string';

/** A file name as RFC 8187 ext-value: ASCII only, so any name fits a header. */
export const contentDisposition = (name: string): string =>
  `attachment; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** Upload tokens for one sending: fetched once, again when expired or refused. */
class UploadTokens {
  #token: { token: string; expiresAt: number } | null | undefined;
  constructor(readonly options: SendOptions) {}

  /** The token, or null for a receiver that gives none (an older one, without the endpoint). */
  async get(renew = false): Promise<string | null> {
    const now = (this.options.now?.() ?? new Date()).getTime();
    // A minute's margin, so a token does not expire while a file is on its way.
    if (!renew && this.#token !== undefined && (this.#token === null || this.#token.expiresAt - 60_000 > now))
      return this.#token?.token ?? null;
    const url = `${base(this.options)}/${encodeURIComponent(this.options.submission.id)}/upload-token`;
    try {
      const body = (await request(
        this.options,
        url,
        () => ({ method: 'POST' }),
        0,
        (b) => isRecord(b) && typeof b.token === 'string',
      )) as { token: string; expiresAt?: unknown };
      const expiresAt = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : Number.NaN;
      this.#token = { token: body.token, expiresAt: Number.isNaN(expiresAt) ? now + 3_600_000 : expiresAt };
    } catch (error) {
      if (!(error instanceof SubmissionRefused && (error.status === 404 || error.status === 405))) throw error;
      this.#token = null;
    }
    return this.#token?.token ?? null;
  }
}

const isTokenRefusal = (error: unknown): boolean => error instanceof SubmissionRefused && error.status === 403;

/** Uploads every chosen file of the submission's documents and returns the submission with each file's ref. */
async function uploadFiles(options: SendOptions): Promise<Submission> {
  const { submission, files } = options;
  const answers = structuredClone(submission.answers);
  const tokens = new UploadTokens(options);
  for (const [key, chosen] of files ?? []) {
    const [fieldId = '', document = ''] = key.split('/');
    const entry = (answers[fieldId] as Record<string, { status?: string; files?: FileAnswer[] }> | undefined)?.[
      document
    ];
    // Only documents the submission still holds as "uploaded now" (an answer may have changed since).
    if (!entry || entry.status !== 'uploaded' || !entry.files) continue;
    for (const [index, described] of entry.files.entries()) {
      const file = chosen[index];
      if (!file || described.ref) continue;
      // The file's name goes in a header: URLs end up in gateways' logs.
      const url = `${base(options)}/${encodeURIComponent(submission.id)}/attachments?${new URLSearchParams({ document })}`;
      const upload = async (token: string | null) =>
        request(
          options,
          url,
          () => ({
            method: 'POST',
            body: file,
            headers: {
              'Content-Type': file.type || 'application/octet-stream',
              'Content-Disposition': contentDisposition(file.name),
              ...(token ? { 'Upload-Token': token } : {}),
            },
          }),
          file.size,
          (b) => isRecord(b) && typeof b.ref === 'string',
        );
      try {
        let body: unknown;
        try {
          body = await upload(await tokens.get());
        } catch (error) {
          // Expired or not known (a restarted receiver with a new secret): one new token, once.
          if (!isTokenRefusal(error)) throw error;
          body = await upload(await tokens.get(true));
        }
        const { ref, type } = body as { ref: string; type?: unknown };
        described.ref = ref;
        // The receiver judges a file's type by its bytes; its verdict is what the answer says.
        if (typeof type === 'string') described.type = type;
      } catch (error) {
        if (!(error instanceof SubmissionRefused)) throw error;
        // Refused twice for its token: not the user's file at fault, so no pointer (the general refusal).
        if (isTokenRefusal(error)) throw new SubmissionRefused(error.status, []);
        // A refused file is an error on that document's files, named for the user.
        const code = error.status === 415 ? 'files.type' : error.status === 413 ? 'files.size' : 'files.invalid';
        throw new SubmissionRefused(error.status, [
          {
            pointer: `/answers/${pointerToken(fieldId)}/${pointerToken(document)}/files`,
            code,
            params: { name: file.name },
          },
        ]);
      }
    }
  }
  return { ...submission, answers };
}

/**
 * Which earlier versions the receiver holds (GET <url>/<id>: 200 {reference} or 404). Asked after the
 * new version was stored, so the receipt can say plainly that an earlier one may also have arrived.
 */
export async function earlierVersions(options: SendOptions, ids: readonly string[]): Promise<EarlierVersions> {
  const result: EarlierVersions = { references: [], unknown: false };
  for (const id of ids) {
    try {
      const body = await request(
        options,
        `${base(options)}/${encodeURIComponent(id)}`,
        () => ({ method: 'GET', headers: { Accept: 'application/json' } }),
        0,
        hasReference,
        (options.delaysMs ?? DEFAULT_DELAYS_MS).slice(0, 2),
      );
      const { reference } = body as { reference: string };
      if (!result.references.includes(reference)) result.references.push(reference);
    } catch (error) {
      options.signal?.throwIfAborted();
      // 404: that version never arrived. Anything else: we cannot tell, and the receipt says so.
      if (!(error instanceof SubmissionRefused && error.status === 404)) result.unknown = true;
    }
  }
  return result;
}

/** Sends the submission and its files; resolves with the receiver's reference and what it holds of earlier versions. */
export async function sendSubmission(options: SendOptions): Promise<SendResult> {
  const submission = await uploadFiles(options);
  const body = JSON.stringify(submission);
  const result = await request(
    options,
    options.url,
    () => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submission.id },
      body,
    }),
    body.length,
    hasReference,
  );
  const { reference, followUp } = result as { reference: string; followUp?: unknown };
  const earlier = options.earlierIds?.length
    ? await earlierVersions(
        options,
        options.earlierIds.filter((id) => id !== submission.id),
      )
    : { references: [], unknown: false };
  return { reference, submission, earlier, ...followUpOf(followUp) };
}

/** The follow-up link as the receiver gave it; nothing when it is not one (an older receiver gives none). */
function followUpOf(value: unknown): { followUp?: { link: string; expiresAt: string } } {
  if (!isRecord(value) || typeof value.link !== 'string' || typeof value.expiresAt !== 'string') return {};
  return /^[A-Z0-9-]+\.[A-Za-z0-9_-]+$/.test(value.link)
    ? { followUp: { link: value.link, expiresAt: value.expiresAt } }
    : {};
}

/** What the machine's onError reads (SubmitFailure in src/engine/machine.ts). */
const failure = (details: SubmitFailure): Error => Object.assign(new Error(details.reason), details);

/**
 * Sending as the machine's sendSubmission does it (components/submit/submitter.ts, and Node hosts): the
 * receipt with the reference and the earlier versions the receiver holds; or a failure the machine reads:
 * 'network' (try again, drafts kept), 'changed-body' (the machine takes a new id once), 'refused', or the
 * receiver's errors on the user's answers.
 */
export async function sendForReceipt(options: SendOptions, definition: FormDefinition): Promise<Receipt> {
  try {
    const { reference, earlier, followUp } = await sendSubmission(options);
    return { reference, ...(options.earlierIds?.length ? { earlier } : {}), ...(followUp ? { followUp } : {}) };
  } catch (error) {
    if (
      error instanceof SubmissionRefused &&
      error.status === 409 &&
      error.errors.some((e) => e.code === 'changed-body')
    )
      throw failure({ reason: 'changed-body' });
    if (error instanceof SubmissionRefused)
      throw failure({ reason: 'refused', fieldErrors: fieldErrorsFromReceiver(definition, error.errors) });
    if (error instanceof SendFailed) throw failure({ reason: 'network' });
    throw error;
  }
}

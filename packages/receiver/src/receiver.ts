// The reference receiver: node:http, no framework. Any backend can do the same with
// validateSubmission and a SubmissionStore; docs/decisions/0005-receiver.md says how.
//
//   POST /api/forms/<form id>/submissions                       body: a Submission (application/json)
//   GET  /api/forms/<form id>/submissions/<id>                  the reference of a stored submission
//   POST /api/forms/<form id>/submissions/<id>/upload-token        → 201 { token, expiresAt }
//   POST /api/forms/<form id>/submissions/<id>/attachments?document=<document id>
//        Upload-Token: <token>, Content-Disposition: attachment; filename*=UTF-8''<name>
//                                                               body: the file's bytes
//   POST /api/follow-up                                        Authorization: Bearer <reference>.<secret> (the
//   POST /api/follow-up/attachments?document=<key>               receipt's link): the documents still to send and the
//   POST /api/follow-up/not-had                                  status; a file sent later; «har ikke» with a reason
//   GET  /api/health                                           readiness: 200 only when the store can write now
//   GET  /api/live                                             liveness: 200 while the process answers
//   GET  /api/openapi.json                                     this API as OpenAPI 3.1 (packages/receiver/openapi.json)
//   GET  /metrics                                              Prometheus text (startReceiver; not under /api/)
//
// Errors are JSON { errors: [{ pointer, code, message }] } and never carry a stack trace. Every answer
// carries the security headers of SECURITY_HEADERS. One JSON log line per request (log.ts): method, route
// template (never the path or query), status, duration, outcome; never an answer or a file name.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import type { FormPackage } from '../../../src/engine/form-package.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import { loadFormPackage } from '../../../src/node/load-package.ts';
import { DurableFolders, FILE_MODE, FOLDER_MODE, probeFolder, syncPath } from './durable.ts';
import { acceptableDeclaredType, sniffFileType, SNIFF_BYTES, type AttachmentType } from './file-types.ts';
import { fileNameFromDisposition } from './content-disposition.ts';
import { unknownUploadErrors } from './file-answers.ts';
import {
  DEFAULT_UPLOAD_TTL_HOURS,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_ATTACHMENT_BYTES,
  MAX_BODY_BYTES,
  MAX_BYTES_PER_SUBMISSION,
  MAX_CONNECTIONS,
  MAX_FILE_NAME_LENGTH,
  MAX_FILES_PER_DOCUMENT,
  MAX_FILES_PER_SUBMISSION,
  REQUEST_TIMEOUT_MS,
  SUBMISSION_ID,
  SWEEP_INTERVAL_MS,
  TIMEOUT_CHECK_INTERVAL_MS,
  UPLOAD_TOKEN_TTL_MS,
  DEFAULT_FOLLOW_UP_WEEKS,
  MAX_FOLLOW_UP_REASON_LENGTH,
} from './limits.ts';
import { isFollowUpStore } from './follow-up-store.ts';
import {
  followUpDocuments,
  FollowUpLimits,
  isDocumentKey,
  issueFollowUpLink,
  linkFromAuthorization,
  linkOpens,
} from './follow-up.ts';
import { createReference } from './reference.ts';
import { parseJson, type JsonValue, type SubmissionError } from './safe-json.ts';
import { openStore, type StoreKind } from './open-store.ts';
import { storageFault, type SubmissionQuota, type SubmissionStore } from './store.ts';
import { normalizeText, textProblem } from '../../../src/validation/clean-text.ts';
import {
  incomingFileName,
  removeLeftovers,
  sweepUploads,
  type LeftoversReport,
  type SweepReport,
} from './upload-sweep.ts';
import { issueUploadToken, loadUploadSecret, UPLOAD_TOKEN_HEADER, verifyUploadToken } from './upload-token.ts';
import type { SubmissionValidation } from './validate-submission.ts';
import {
  createValidationPool,
  inlineValidator,
  ValidationBusy,
  ValidationTimeout,
  type SubmissionValidator,
} from './validation-pool.ts';
import { createLogger, type LogLevel, type LogSeverity } from './log.ts';
import { METRICS_CONTENT_TYPE, ReceiverMetrics } from './metrics.ts';
import { RECEIVER_VERSION } from './version.ts';
import { isCaseStore } from './case-store.ts';
import { createInbox, INBOX_API_ROUTES, type InboxOptions, type InboxRoute } from './inbox/inbox.ts';
import type { InboxConfig } from './inbox/config.ts';
import { loadRecordSources } from '../../../src/node/record-sources.ts';
import type { RecordSources } from '../../../src/record/model.ts';

/** Relative to the working directory, never inside the installed package (0014). */
export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_FORMS_DIR = 'forms';
/** Where the receiver's routes start; a static server beside it hands these paths over. */
export const API_PREFIX = '/api/';
/** What the receiver reads and discards of a refused body so that the client can read the refusal;
 *  past this the connection is cut. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;
/** Retry-After on a 503: long enough for a replaced worker or a busy moment to pass. */
const RETRY_AFTER_SECONDS = 30;

/** Every route the receiver answers, as the templates that logs, metrics and openapi.json use. */
export const ROUTES = {
  '/api/health': ['GET', 'HEAD'],
  '/api/live': ['GET', 'HEAD'],
  '/api/openapi.json': ['GET', 'HEAD'],
  '/api/forms/{form}/submissions': ['POST'],
  '/api/forms/{form}/submissions/{id}': ['GET', 'HEAD'],
  '/api/forms/{form}/submissions/{id}/upload-token': ['POST'],
  '/api/forms/{form}/submissions/{id}/attachments': ['POST'],
  // Documents sent later (follow-up.ts), with the receipt's link in Authorization.
  '/api/follow-up': ['POST'],
  '/api/follow-up/attachments': ['POST'],
  '/api/follow-up/not-had': ['POST'],
  '/metrics': ['GET', 'HEAD'],
  // The caseworker's inbox, when it is configured (inbox/inbox.ts; its pages are INBOX_PAGE_ROUTES).
  ...INBOX_API_ROUTES,
} as const satisfies Record<string, readonly string[]>;
export type RouteTemplate = keyof typeof ROUTES;

/** The template of a path's decoded segments ('' first); null when no route has this shape. */
function routeTemplate(parts: readonly string[]): RouteTemplate | null {
  if (parts[0] !== '' || parts[1] !== 'api') return parts.length === 2 && parts[1] === 'metrics' ? '/metrics' : null;
  if (parts.length === 3) {
    const name = `/api/${parts[2]}`;
    return name === '/api/health' || name === '/api/live' || name === '/api/openapi.json' || name === '/api/follow-up'
      ? name
      : null;
  }
  if (parts.length === 4 && parts[2] === 'follow-up') {
    const name = `/api/follow-up/${parts[3]}`;
    return name === '/api/follow-up/attachments' || name === '/api/follow-up/not-had' ? name : null;
  }
  if (parts[2] !== 'forms' || parts[4] !== 'submissions') return null;
  if (parts.length === 5) return '/api/forms/{form}/submissions';
  if (parts.length === 6) return '/api/forms/{form}/submissions/{id}';
  if (parts.length === 7 && parts[6] === 'upload-token') return '/api/forms/{form}/submissions/{id}/upload-token';
  if (parts.length === 7 && parts[6] === 'attachments') return '/api/forms/{form}/submissions/{id}/attachments';
  return null;
}

/** The receiver's routes as OpenAPI 3.1, read once (packages/receiver/openapi.json, beside src/ and dist/). */
let openApiText: Promise<string> | null = null;
const openApi = (): Promise<string> =>
  (openApiText ??= readFile(new URL('../openapi.json', import.meta.url), 'utf8')
    .then((text) => JSON.stringify(JSON.parse(text)))
    .catch((error: unknown) => {
      openApiText = null;
      throw error;
    }));

export interface ReceiverOptions {
  forms: FormPackage[];
  store: SubmissionStore;
  /** Uploaded files go to <dataDir>/attachments/. */
  dataDir: string;
  /** Where the JSON log lines go (one per call, log.ts). Default: console.log. */
  log?: (line: string) => void;
  /** Default "info": request lines, start-up and sweeps; "debug" adds successful probes and scrapes. */
  logLevel?: LogLevel;
  now?: () => Date;
  newReference?: () => string;
  /** Checks a parsed body against a form package. Default: in this thread (no time budget); openReceiver
   *  uses a pool of worker threads with one (validation-pool.ts). */
  validator?: SubmissionValidator;
  /** The key of upload tokens. Default: loadUploadSecret(dataDir) on first use. */
  uploadSecret?: Buffer;
  /** How long an upload waits for its submission before sweep() deletes it. Default 24 h. */
  uploadTtlMs?: number;
  /** What the uploads of one submission id may hold together. Default MAX_FILES_PER_SUBMISSION and
   *  MAX_BYTES_PER_SUBMISSION. */
  quota?: SubmissionQuota;
  /** The caseworker's inbox at /saksbehandling/ and /api/cases (docs/decisions/0028). Default: none (404). */
  inbox?: InboxOptions;
  /** How long a receipt's link for documents sent later works (docs/decisions/0035). Default
   *  DEFAULT_FOLLOW_UP_WEEKS; 0: no links. Only with a store that keeps them (follow-up-store.ts). */
  followUpTtlMs?: number;
}

export interface Receiver {
  /** Handles one request whose path starts with /api/. Never rejects. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Answers GET /metrics (Prometheus text), logged and counted like handle; 404 for any other path. */
  handleMetrics(request: IncomingMessage, response: ServerResponse): Promise<void>;
  readonly metrics: ReceiverMetrics;
  readonly forms: ReadonlyArray<{ id: string; version: string }>;
  /** Deletes uploads older than the upload TTL at `at` (default now) whose submission never came. */
  sweep(at?: Date): Promise<SweepReport>;
  /** After a crash: deletes .part files of dead processes and attachment files that have no row. */
  removeLeftovers(): Promise<LeftoversReport>;
  /** Closes the validator and the store. */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SubmissionError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.code ?? String(status));
  }
}

/** Readiness is probed at most once per second; a storage failure forgets the last good probe. */
const READY_FOR_MS = 1_000;
/** What the readiness probe writes and fsyncs in the data folder: room for a small upload. */
const PROBE_FILE_BYTES = 64 * 1024;
/** How long a client is asked to wait after a storage failure (503). */
const STORAGE_RETRY_AFTER_SECONDS = 30;

const refuse = (status: number, code: string, message: string, headers?: Record<string, string>): HttpError =>
  new HttpError(status, [{ pointer: '', code, message }], headers);

const mediaType = (header: string | undefined): { type: string; charset?: string } => {
  const [type = '', ...params] = (header ?? '').split(';');
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  return { type: type.trim().toLowerCase(), ...(charset ? { charset } : {}) };
};

/** On every answer of the receiver, errors too: its answers are data for a script, never a page to
 *  render, frame, cache, sniff or embed in another site. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(response, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(text)),
    ...SECURITY_HEADERS,
    ...headers,
  });
  response.end(response.req.method === 'HEAD' ? undefined : text);
}

/** Reads and drops the rest of a refused body (up to MAX_DISCARD_BYTES), so the response can be read. */
function discard(request: IncomingMessage): void {
  if (request.complete) return;
  let dropped = 0;
  request.removeAllListeners('data');
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DISCARD_BYTES) request.socket.destroy();
  });
  request.on('error', () => {});
  request.resume();
}

function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
}

/** The whole body, or a 413 as soon as it passes limit. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        discard(request);
        reject(refuse(413, 'too-large', `The body may have at most ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolvePromise(Buffer.concat(chunks, size));
    };
    const onError = (): void => {
      cleanup();
      reject(refuse(400, 'aborted', 'The body did not arrive whole.'));
    };
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

interface ReceivedFile {
  size: number;
  sha256: string;
  type: AttachmentType;
}

/** Streams an upload to `file`, hashing it and checking its magic bytes and size on the way. */
function receiveFile(request: IncomingMessage, file: string): Promise<ReceivedFile> {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(file, { flags: 'wx', mode: FILE_MODE });
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let type: AttachmentType | null = null;
    let size = 0;
    let settled = false;
    const fail = (error: HttpError): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      request.off('end', onEnd);
      discard(request);
      // Reject once the file is closed: a stream destroyed before its file opened still creates the
      // file, and the caller's unlink must come after that, or a .part file is left behind.
      if (out.closed) reject(error);
      else {
        out.once('close', () => reject(error));
        out.destroy();
      }
    };
    const decide = (): boolean => {
      type = sniffFileType(head);
      if (type) return true;
      fail(
        refuse(
          415,
          'unsupported-type',
          'The file is not a PDF, JPEG, PNG or HEIC image (judged by its content, not its name).',
        ),
      );
      return false;
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_ATTACHMENT_BYTES) {
        fail(refuse(413, 'too-large', `A file may have at most ${MAX_ATTACHMENT_BYTES} bytes.`));
        return;
      }
      if (!type && head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (head.length >= SNIFF_BYTES && !decide()) return;
      }
      hash.update(chunk);
      if (!out.write(chunk)) {
        request.pause();
        out.once('drain', () => request.resume());
      }
    };
    const onEnd = (): void => {
      if (settled) return;
      if (size === 0) {
        fail(refuse(400, 'empty', 'The file is empty.'));
        return;
      }
      if (!type && !decide()) return;
      settled = true;
      // end's callback also runs on a failed write or open (ENOSPC, EROFS): then nothing is acknowledged.
      out.end((error?: Error | null) => {
        if (error) reject(storageFault(error) ?? error);
        else resolvePromise({ size, sha256: hash.digest('hex'), type: type! });
      });
    };
    out.on('error', (error) => {
      if (settled) return;
      settled = true;
      discard(request);
      // A full or read-only disk is the storage's failure (503), not the receiver's.
      reject(storageFault(error) ?? new Error('Could not write the upload.'));
    });
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', () => fail(refuse(400, 'aborted', 'The file did not arrive whole.')));
  });
}

export function createReceiver(options: ReceiverOptions): Receiver {
  const { store, dataDir } = options;
  const now = options.now ?? (() => new Date());
  const logger = createLogger({
    level: options.logLevel ?? 'info',
    ...(options.log ? { sink: options.log } : {}),
    now,
  });
  const metrics = new ReceiverMetrics({ version: RECEIVER_VERSION, startedAt: now() });
  const newReference = options.newReference ?? (() => createReference(now()));
  const byId = new Map<string, FormPackage[]>();
  for (const formPackage of options.forms) {
    const { id } = formPackage.definition;
    byId.set(id, [...(byId.get(id) ?? []), formPackage]);
  }
  const attachmentsDir = resolve(dataDir, 'attachments');
  const incomingDir = join(attachmentsDir, '.incoming');
  const folders = new DurableFolders(dataDir);
  const inbox = options.inbox && isCaseStore(store) ? createInbox(options.inbox, { store, dataDir, now }) : null;

  // Readiness: a real write probe (the store's and the data folder's), remembered for READY_FOR_MS
  // so that a busy health checker does not turn into a stream of fsyncs. A storage failure in any
  // request forgets it: not ready until a write succeeds again.
  let probedOkAt: number | null = null;
  let probing: Promise<boolean> | null = null;
  const storageFailed = (): void => {
    probedOkAt = null;
  };
  const probe = async (): Promise<boolean> => {
    try {
      await store.probeWrite();
      await probeFolder(dataDir, PROBE_FILE_BYTES);
      probedOkAt = now().getTime();
      return true;
    } catch (error) {
      probedOkAt = null;
      metrics.observeStoreError(storageFault(error)?.code ?? 'unknown');
      return false;
    } finally {
      probing = null;
    }
  };
  const ready = (): Promise<boolean> => {
    if (probedOkAt !== null && Math.abs(now().getTime() - probedOkAt) < READY_FOR_MS) return Promise.resolve(true);
    return (probing ??= probe());
  };

  const validator = options.validator ?? inlineValidator();
  const uploadTtlMs = options.uploadTtlMs ?? DEFAULT_UPLOAD_TTL_HOURS * 3_600_000;
  const quota: SubmissionQuota = options.quota ?? { files: MAX_FILES_PER_SUBMISSION, bytes: MAX_BYTES_PER_SUBMISSION };
  let secret: Promise<Buffer> | null = options.uploadSecret ? Promise.resolve(options.uploadSecret) : null;
  const uploadSecret = (): Promise<Buffer> => {
    secret ??= loadUploadSecret(dataDir).catch((error: unknown) => {
      secret = null;
      throw error;
    });
    return secret;
  };

  const followUpTtlMs = options.followUpTtlMs ?? DEFAULT_FOLLOW_UP_WEEKS * 7 * 86_400_000;
  const followUpStore = followUpTtlMs > 0 && isFollowUpStore(store) ? store : null;
  const followUpLimits = new FollowUpLimits(now);

  /** The receipt's link for documents sent later; none when the store keeps no links. */
  async function newFollowUpLink(reference: string): Promise<{ link: string; expiresAt: string } | null> {
    if (!followUpStore) return null;
    const issuedAt = now();
    const { link, stored } = issueFollowUpLink(reference, new Date(issuedAt.getTime() + followUpTtlMs));
    await followUpStore.addFollowUpLink(reference, stored, issuedAt);
    return { link, expiresAt: stored.expiresAt.toISOString() };
  }

  function formOf(id: string): FormPackage[] {
    const versions = byId.get(id);
    if (!versions) throw refuse(404, 'unknown-form', `This receiver has no form "${id}".`);
    return versions;
  }

  async function health(response: ServerResponse): Promise<string> {
    if (!(await ready())) {
      sendJson(
        response,
        503,
        { status: 'unavailable', storage: store.kind },
        { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
      );
      return 'storage-unavailable';
    }
    sendJson(response, 200, {
      status: 'ok',
      storage: store.kind,
      forms: options.forms.map((p) => ({ id: p.definition.id, version: p.definition.version })),
    });
    return 'ok';
  }

  async function submit(request: IncomingMessage, response: ServerResponse, formId: string): Promise<string> {
    const versions = formOf(formId);
    const { type, charset } = mediaType(request.headers['content-type']);
    if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
      throw refuse(415, 'unsupported-media-type', 'Send the submission as Content-Type: application/json (UTF-8).');
    }
    const length = declaredLength(request);
    if (length !== null && length > MAX_BODY_BYTES)
      throw refuse(413, 'too-large', `The body may have at most ${MAX_BODY_BYTES} bytes.`);
    const body = await readBody(request, MAX_BODY_BYTES);

    const json = parseJson(body);
    if (!json.ok) throw new HttpError(json.errors.some((e) => e.code === 'invalid-json') ? 400 : 422, json.errors);
    const form = (json.value as { form?: { version?: unknown } } | null)?.form;
    const formPackage = versions.find((p) => p.definition.version === form?.version) ?? versions[versions.length - 1]!;
    // validateSubmission reads a string as a raw body; a body that is a JSON string is not a submission
    // (else a double-encoded submission would be parsed twice and accepted).
    if (typeof json.value === 'string')
      throw new HttpError(422, [{ pointer: '', code: 'type', message: 'A submission is a JSON object.' }]);
    const result = await validateWithinBudget(formPackage, json.value, now());
    if (!result.ok) {
      if (result.errors.some((e) => e.code === 'internal'))
        throw new Error('The form package could not check a submission.');
      throw new HttpError(422, result.errors);
    }
    const { submission } = result;
    await checkFileAnswers(formPackage, submission);
    const key = request.headers['idempotency-key'];
    if (key !== undefined && key !== submission.id) {
      throw new HttpError(400, [
        {
          pointer: '/id',
          code: 'idempotency-key',
          message: 'The Idempotency-Key header must equal the submission id.',
        },
      ]);
    }
    const saved = await store.saveSubmission(
      {
        idempotencyKey: submission.id,
        formId: submission.form.id,
        formVersion: submission.form.version,
        submission,
        receivedAt: now(),
        ...(inbox ? { office: inbox.officeOf(submission.form.id) } : {}),
      },
      newReference,
    );
    if (saved.status === 'conflict') {
      throw new HttpError(409, [
        { pointer: '/id', code: 'id-in-use', message: 'This id was already used for another form.' },
      ]);
    }
    if (saved.status === 'changed') {
      throw new HttpError(409, [
        {
          pointer: '/id',
          code: 'changed-body',
          message: 'This id was already used for a different submission; send a changed submission with a new id.',
        },
      ]);
    }
    // A replay gets a link of its own: the first answer (and its link) never reached the applicant.
    const followUp = await newFollowUpLink(saved.reference);
    const answer = { reference: saved.reference, ...(followUp ? { followUp } : {}) };
    if (saved.status === 'replayed') {
      sendJson(response, 200, answer, { 'Idempotency-Replayed': 'true' });
      return 'replayed';
    }
    sendJson(response, 201, answer);
    return 'created';
  }

  /** Whether a submission arrived (a Send whose answer was lost): only its reference, nothing else. */
  async function lookup(response: ServerResponse, formId: string, submissionId: string): Promise<string> {
    formOf(formId);
    const found = SUBMISSION_ID.test(submissionId) ? await store.findSubmission(formId, submissionId) : null;
    if (!found) throw refuse(404, 'not-found', 'No submission with this id is stored for this form.');
    sendJson(response, 200, { reference: found.reference });
    return 'found';
  }

  /** The parsed body checked in the validator; past its time budget, or with no worker free, a 503. */
  async function validateWithinBudget(
    formPackage: FormPackage,
    value: JsonValue,
    at: Date,
  ): Promise<SubmissionValidation> {
    try {
      return await validator.validate(formPackage, value, at);
    } catch (error) {
      if (error instanceof ValidationTimeout) {
        throw refuse(503, 'validation-timeout', 'Checking this submission took too long. Try again later.', {
          'Retry-After': String(RETRY_AFTER_SECONDS),
        });
      }
      if (error instanceof ValidationBusy) {
        throw refuse(503, 'validation-busy', 'The receiver is busy. Try again later.', {
          'Retry-After': String(RETRY_AFTER_SECONDS),
        });
      }
      throw error;
    }
  }

  /** Every file answer must name an upload of this submission and document (contract point 5). */
  async function checkFileAnswers(formPackage: FormPackage, submission: Submission): Promise<void> {
    // Against no uploads every ref is unknown: a submission without refs needs no look-up.
    if (unknownUploadErrors(formPackage.definition, submission, []).length === 0) return;
    const errors = unknownUploadErrors(
      formPackage.definition,
      submission,
      await store.uploadsOf(submission.form.id, submission.id),
    );
    if (errors.length > 0) throw new HttpError(422, errors);
  }

  /** The submission id of an upload route, checked; and the form's versions. */
  function uploadTarget(formId: string, submissionId: string): FormPackage[] {
    const versions = formOf(formId);
    if (!SUBMISSION_ID.test(submissionId))
      throw refuse(400, 'invalid-submission-id', 'The submission id is 8 to 128 letters, digits, "-" or "_".');
    return versions;
  }

  async function uploadToken(
    request: IncomingMessage,
    response: ServerResponse,
    formId: string,
    submissionId: string,
    query: URLSearchParams,
  ): Promise<string> {
    uploadTarget(formId, submissionId);
    if ([...query.keys()].length > 0) throw refuse(400, 'unexpected-query', 'This route takes no query parameters.');
    const length = declaredLength(request);
    if ((length !== null && length > 0) || request.headers['transfer-encoding'] !== undefined) {
      throw refuse(400, 'unexpected-body', 'Ask for an upload token with an empty body.');
    }
    const issued = issueUploadToken(
      await uploadSecret(),
      formId,
      submissionId,
      new Date(now().getTime() + UPLOAD_TOKEN_TTL_MS),
    );
    sendJson(response, 201, { token: issued.token, expiresAt: issued.expiresAt.toISOString() });
    return 'issued';
  }

  async function upload(
    request: IncomingMessage,
    response: ServerResponse,
    formId: string,
    submissionId: string,
    query: URLSearchParams,
  ): Promise<string> {
    const versions = uploadTarget(formId, submissionId);
    const header = request.headers[UPLOAD_TOKEN_HEADER.toLowerCase()];
    const verdict = verifyUploadToken(
      await uploadSecret(),
      typeof header === 'string' ? header : undefined,
      formId,
      submissionId,
      now(),
    );
    if (verdict !== 'ok') {
      throw refuse(
        403,
        'upload-token',
        verdict === 'missing'
          ? `Ask for an upload token (POST …/submissions/<id>/upload-token) and send it in the ${UPLOAD_TOKEN_HEADER} header.`
          : verdict === 'expired'
            ? 'The upload token has expired; ask for a new one.'
            : 'The upload token is not valid for this form and submission.',
      );
    }
    // File names are personal data and land in gateway logs when they travel in a URL.
    if (query.has('name'))
      throw refuse(
        400,
        'name-in-url',
        "Send the file name in Content-Disposition: attachment; filename*=UTF-8''<name>, never in the URL.",
      );
    const documentId = query.get('document');
    const documents = new Set(versions.flatMap((p) => (p.definition.attachments ?? []).map((d) => d.id)));
    // A document asked for per item (a child) is `<document>.<item id>`, as the widget's answers name it.
    if (!documentId || !isDocumentKey(documents, documentId)) {
      throw refuse(
        400,
        'unknown-document',
        `Name the document with ?document=: one of ${[...documents].join(', ') || '(none: this form asks for no documents)'}.`,
      );
    }
    const saved = await receiveUpload(request, formId, submissionId, documentId);
    sendJson(response, saved.status === 'created' ? 201 : 200, saved.body);
    return saved.status;
  }

  /** An upload's name, type and bytes checked, written durably, and its row committed (docs/decisions/0005). */
  async function receiveUpload(
    request: IncomingMessage,
    formId: string,
    submissionId: string,
    documentId: string,
  ): Promise<{ status: 'created' | 'duplicate'; body: Record<string, unknown> }> {
    const disposition = fileNameFromDisposition(request.headers['content-disposition']);
    if (!disposition.ok) throw refuse(400, 'invalid-name', disposition.message);
    // The same rule as for a file's name in the answers (src/validation/clean-text.ts), stored as NFC.
    const fileName = disposition.name === null ? null : normalizeText(disposition.name);
    if (
      fileName !== null &&
      (fileName.length === 0 ||
        fileName.length > MAX_FILE_NAME_LENGTH ||
        textProblem(fileName, 'file-name') !== undefined)
    ) {
      throw refuse(
        400,
        'invalid-name',
        `A file name has 1 to ${MAX_FILE_NAME_LENGTH} characters, no control characters, bidi overrides or path separators, and is not only dots.`,
      );
    }
    if (!acceptableDeclaredType(request.headers['content-type'])) {
      throw refuse(
        415,
        'unsupported-type',
        'Send a PDF, JPEG, PNG or HEIC image, with its Content-Type (or application/octet-stream).',
      );
    }
    const length = declaredLength(request);
    if (length !== null && length > MAX_ATTACHMENT_BYTES)
      throw refuse(413, 'too-large', `A file may have at most ${MAX_ATTACHMENT_BYTES} bytes.`);

    await folders.ensure(incomingDir);
    const incoming = join(incomingDir, incomingFileName());
    let received: ReceivedFile;
    try {
      received = await receiveFile(request, incoming);
    } catch (error) {
      await unlink(incoming).catch(() => {});
      throw error;
    }
    // Files are named by their ref, never by the user's file name: no path ever comes from the request.
    const ref = randomUUID();
    const storagePath = join('attachments', formId, submissionId, ref);
    // Durable before the row that points at it is committed (packages/receiver/src/durable.ts).
    await folders.moveIntoPlace(incoming, resolve(dataDir, storagePath)).catch(async (error: unknown) => {
      await unlink(incoming).catch(() => {});
      await unlink(resolve(dataDir, storagePath)).catch(() => {});
      throw error;
    });
    const saved = await store
      .saveAttachment(
        {
          ref,
          formId,
          submissionId,
          documentId,
          fileName,
          type: received.type,
          size: received.size,
          sha256: received.sha256,
          storagePath,
          receivedAt: now(),
        },
        MAX_FILES_PER_DOCUMENT,
        quota,
      )
      .catch(async (error: unknown) => {
        await unlink(resolve(dataDir, storagePath)).catch(() => {});
        throw error;
      });
    if (saved.status !== 'created') await unlink(resolve(dataDir, storagePath)).catch(() => {});
    if (saved.status === 'too-many') {
      throw refuse(422, 'too-many-files', `A document may have at most ${MAX_FILES_PER_DOCUMENT} files.`);
    }
    if (saved.status === 'quota-files') {
      throw refuse(422, 'too-many-files', `An application may have at most ${quota.files} files in all.`);
    }
    if (saved.status === 'quota-bytes') {
      throw refuse(413, 'quota-bytes', `The files of an application may have at most ${quota.bytes} bytes in all.`);
    }
    const body = {
      ref: saved.ref,
      document: documentId,
      type: received.type,
      size: received.size,
      sha256: received.sha256,
    };
    return { status: saved.status, body };
  }

  // ---- Documents sent later: the receipt's link (follow-up.ts) ----

  /** The application the request's link opens; the same 404 for a wrong, unknown or expired link, 429 past the limits. */
  async function openedBy(request: IncomingMessage) {
    const address = request.socket.remoteAddress ?? 'unknown';
    const link = linkFromAuthorization(request.headers.authorization);
    const wait = followUpLimits.retryAfterSeconds(address, link?.reference ?? null);
    if (wait > 0)
      throw refuse(429, 'too-many-tries', 'Too many tries with a link that does not work. Try again later.', {
        'Retry-After': String(wait),
      });
    const found = followUpStore && link ? await followUpStore.followUpCase(link.reference) : null;
    const versions = found ? byId.get(found.formId) : undefined;
    const formPackage =
      versions?.find((p) => p.definition.version === found?.formVersion) ?? versions?.[versions.length - 1];
    if (!followUpStore || !link || !linkOpens(found, link.secret, now()) || !found || !formPackage) {
      followUpLimits.failed(address, link?.reference ?? null);
      throw refuse(404, 'follow-up-link', 'This link does not open an application: it is wrong, or too old.');
    }
    const events = await followUpStore.followUpEvents(found.reference);
    return {
      found,
      store: followUpStore,
      definition: formPackage.definition,
      documents: followUpDocuments(formPackage.definition, found.submission, events),
    };
  }

  async function followUpView(request: IncomingMessage, response: ServerResponse): Promise<string> {
    const { found, documents } = await openedBy(request);
    const { submission } = found;
    sendJson(response, 200, {
      reference: found.reference,
      form: { id: found.formId, version: found.formVersion },
      locale: submission.locale,
      variant: submission.variant,
      receivedAt: found.receivedAt.toISOString(),
      status: found.status,
      documents,
    });
    return 'found';
  }

  async function followUpUpload(
    request: IncomingMessage,
    response: ServerResponse,
    query: URLSearchParams,
  ): Promise<string> {
    const { found, store: links, documents } = await openedBy(request);
    if (query.has('name'))
      throw refuse(
        400,
        'name-in-url',
        "Send the file name in Content-Disposition: attachment; filename*=UTF-8''<name>, never in the URL.",
      );
    const key = query.get('document');
    if (!key || !documents.some((d) => d.document === key))
      throw refuse(400, 'unknown-document', 'Name one of the documents the link lists with ?document=.');
    const saved = await receiveUpload(request, found.formId, found.submissionId, key);
    if (saved.status === 'created')
      await links.addFollowUpEvent(found.reference, {
        kind: 'received',
        document: key,
        at: now(),
        attachment: String(saved.body.ref),
      });
    sendJson(response, saved.status === 'created' ? 201 : 200, saved.body);
    return saved.status;
  }

  async function followUpNotHad(request: IncomingMessage, response: ServerResponse): Promise<string> {
    const { found, store: links, documents } = await openedBy(request);
    const { type, charset } = mediaType(request.headers['content-type']);
    if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8'))
      throw refuse(415, 'unsupported-media-type', 'Send Content-Type: application/json (UTF-8).');
    const json = parseJson(await readBody(request, 16 * 1024));
    if (!json.ok) throw new HttpError(json.errors.some((e) => e.code === 'invalid-json') ? 400 : 422, json.errors);
    const body = json.value as { document?: unknown; reason?: unknown } | null;
    const key = typeof body?.document === 'string' ? body.document : '';
    if (!documents.some((d) => d.document === key))
      throw new HttpError(422, [
        { pointer: '/document', code: 'unknown-document', message: 'Name one of the documents the link lists.' },
      ]);
    const reason = typeof body?.reason === 'string' ? normalizeText(body.reason).trim() : '';
    if (reason === '')
      throw new HttpError(422, [{ pointer: '/reason', code: 'required', message: 'Say why you do not have it.' }]);
    if (reason.length > MAX_FOLLOW_UP_REASON_LENGTH || textProblem(reason, 'long') !== undefined)
      throw new HttpError(422, [
        {
          pointer: '/reason',
          code: 'too-long',
          message: `A reason has at most ${MAX_FOLLOW_UP_REASON_LENGTH} characters and no control characters.`,
        },
      ]);
    await links.addFollowUpEvent(found.reference, { kind: 'not-had', document: key, at: now(), reason });
    sendJson(response, 201, { document: key, state: 'not-had' });
    return 'created';
  }

  /** What one request did, for its log line and the metrics. */
  interface Trace {
    route: RouteTemplate | InboxRoute | null;
    form?: string;
  }

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    trace: Trace,
    entry: 'api' | 'metrics',
  ): Promise<string> {
    let parts: string[];
    try {
      parts = url.pathname.split('/').map((s) => decodeURIComponent(s));
    } catch {
      throw refuse(400, 'invalid-path', 'The path is not valid.');
    }
    const template = routeTemplate(parts);
    // /metrics only where startReceiver serves it (handleMetrics); handle() answers /api/ alone.
    if (template === null || (template === '/metrics') !== (entry === 'metrics'))
      throw refuse(404, 'not-found', 'No such route.');
    trace.route = template;
    const allowed: readonly string[] = ROUTES[template];
    if (!allowed.includes(request.method ?? '')) {
      throw refuse(405, 'method-not-allowed', `Use ${allowed.join(' or ')}.`, { Allow: allowed.join(', ') });
    }
    const formId = parts[3]!;
    const submissionId = parts[5]!;
    // Only a form this receiver loaded goes into logs and metrics: anything else is the sender's text.
    if (byId.has(formId)) trace.form = formId;
    switch (template) {
      case '/api/health':
        return health(response);
      case '/api/live':
        sendJson(response, 200, { status: 'live' });
        return 'live';
      case '/api/openapi.json':
        sendText(response, 200, await openApi(), 'application/json; charset=utf-8');
        return 'ok';
      case '/metrics':
        sendText(response, 200, metrics.render(), METRICS_CONTENT_TYPE);
        return 'ok';
      case '/api/forms/{form}/submissions':
        return submit(request, response, formId);
      case '/api/forms/{form}/submissions/{id}':
        return lookup(response, formId, submissionId);
      case '/api/forms/{form}/submissions/{id}/attachments':
        return upload(request, response, formId, submissionId, url.searchParams);
      case '/api/forms/{form}/submissions/{id}/upload-token':
        return uploadToken(request, response, formId, submissionId, url.searchParams);
      case '/api/follow-up':
        return followUpView(request, response);
      case '/api/follow-up/attachments':
        return followUpUpload(request, response, url.searchParams);
      case '/api/follow-up/not-had':
        return followUpNotHad(request, response);
      default:
        // The inbox's routes, which inbox.handle answers when an inbox is configured.
        throw refuse(404, 'not-found', 'No such route.');
    }
  }

  /** Probes and scrapes come every few seconds: at "debug" when they succeed, so "info" keeps to traffic. */
  const QUIET_ROUTES: ReadonlySet<string | null> = new Set<RouteTemplate>(['/api/health', '/api/live', '/metrics']);

  async function serve(request: IncomingMessage, response: ServerResponse, entry: 'api' | 'metrics'): Promise<void> {
    const started = process.hrtime.bigint();
    const trace: Trace = { route: null };
    let outcome = '';
    let codes: string[] = [];
    let storeError: string | undefined;
    let errorName: string | undefined;
    try {
      const url = new URL(request.url ?? '/', 'http://receiver.invalid');
      if (entry === 'api' && inbox?.owns(url.pathname)) {
        const inboxTrace: { route: string | null } = { route: null };
        outcome = await inbox.handle(request, response, url, inboxTrace);
        trace.route = inboxTrace.route as InboxRoute | null;
        return;
      }
      if (entry === 'api' && !url.pathname.startsWith(API_PREFIX)) throw refuse(404, 'not-found', 'No such route.');
      outcome = await route(request, response, url, trace, entry);
    } catch (error) {
      const fault = error instanceof HttpError ? null : storageFault(error);
      if (error instanceof HttpError) {
        codes = error.errors
          .map((e) => e.code)
          .filter((c, i, all) => all.indexOf(c) === i)
          .slice(0, 5);
        outcome = codes[0] ?? String(error.status);
      } else if (fault) {
        storageFailed();
        outcome = 'storage-unavailable';
        storeError = fault.code;
      } else {
        // The cause goes to the log by name or code only: messages may quote data.
        outcome = 'internal';
        const { code } = error as { code?: unknown };
        errorName = typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
      }
      discard(request);
      if (!response.headersSent) {
        if (error instanceof HttpError) sendJson(response, error.status, { errors: error.errors }, error.headers);
        else if (fault) {
          sendJson(
            response,
            503,
            {
              errors: [
                {
                  pointer: '',
                  code: 'storage-unavailable',
                  message: 'The receiver cannot store anything right now. Nothing was stored; try again later.',
                },
              ],
            },
            { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
          );
        } else
          sendJson(response, 500, {
            errors: [{ pointer: '', code: 'internal', message: 'The receiver failed. Try again later.' }],
          });
      } else {
        response.destroy();
      }
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = response.statusCode;
      const method = request.method ?? 'unknown';
      const routeName = trace.route ?? 'unmatched';
      try {
        metrics.observeRequest({
          method,
          route: routeName,
          status,
          durationSeconds: seconds,
          outcome,
          ...(codes[0] ? { refusal: codes[0] } : {}),
          ...(storeError ? { storeError } : {}),
          ...(trace.form ? { form: trace.form } : {}),
        });
      } catch {
        // Counting must never cost an answer.
      }
      const severity: LogSeverity =
        status >= 500 ? (status === 503 ? 'warn' : 'error') : QUIET_ROUTES.has(trace.route) ? 'debug' : 'info';
      logger.write(severity, 'request', {
        method,
        route: routeName,
        status,
        duration_ms: Math.round(seconds * 1e4) / 10,
        outcome,
        ...(codes.length > 1 ? { codes } : {}),
        store_error: storeError,
        error: errorName,
        form: trace.form,
      });
    }
  }

  /** Sweeps and start-up cleanups, counted and logged (how many, never which). */
  const sweep = async (at: Date): Promise<SweepReport> => {
    try {
      const report = await sweepUploads(store, dataDir, new Date(at.getTime() - uploadTtlMs));
      metrics.observeSweep(report);
      logger.write(report.uploads > 0 ? 'info' : 'debug', 'sweep', { deleted_uploads: report.uploads });
      return report;
    } catch (error) {
      const fault = storageFault(error);
      if (fault) metrics.observeStoreError(fault.code);
      logger.write('warn', 'sweep-failed', {
        store_error: fault?.code,
        error: fault ? undefined : error instanceof Error ? error.name : 'unknown',
      });
      throw error;
    }
  };
  const leftovers = async (): Promise<LeftoversReport> => {
    const report = await removeLeftovers(store, dataDir, now());
    metrics.observeSweep(report);
    logger.write(report.parts + report.orphans > 0 ? 'info' : 'debug', 'leftovers', {
      deleted_parts: report.parts,
      deleted_orphans: report.orphans,
    });
    return report;
  };

  return {
    handle: (request, response) => serve(request, response, 'api'),
    handleMetrics: (request, response) => serve(request, response, 'metrics'),
    metrics,
    forms: options.forms.map((p) => ({ id: p.definition.id, version: p.definition.version })),
    sweep: (at = now()) => sweep(at),
    removeLeftovers: leftovers,
    close: async () => {
      await validator.close();
      await store.close();
    },
  };
}

/** Every built form package in dir (build/forms/<id>/), in name order. */
export async function loadFormPackages(dir: string): Promise<FormPackage[]> {
  return (await loadFormPackageDirs(dir)).map((p) => p.formPackage);
}

/** The same, each with its folder (which a validation worker loads again). */
async function loadFormPackageDirs(dir: string): Promise<Array<{ formPackage: FormPackage; dir: string }>> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const packages: Array<{ formPackage: FormPackage; dir: string }> = [];
  for (const name of entries) {
    const formDir = join(dir, name);
    if (
      await stat(join(formDir, 'form.json')).then(
        () => true,
        () => false,
      )
    )
      packages.push({ formPackage: await loadFormPackage(formDir), dir: formDir });
  }
  return packages;
}

/** KLARSKJEMA_UPLOAD_TTL_HOURS as milliseconds; DEFAULT_UPLOAD_TTL_HOURS when unset. */
export function uploadTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.KLARSKJEMA_UPLOAD_TTL_HOURS;
  if (text === undefined || text.trim() === '') return DEFAULT_UPLOAD_TTL_HOURS * 3_600_000;
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours <= 0)
    throw new Error(`KLARSKJEMA_UPLOAD_TTL_HOURS is a positive number of hours, not "${text}".`);
  return hours * 3_600_000;
}

export interface OpenReceiverOptions {
  /** Built form packages. Default: forms/ in the working directory. */
  formsDir?: string;
  /** The data folder (created if missing, 0700). Default: $KLARSKJEMA_DATA_DIR, else data/ in the working directory. */
  dataDir?: string;
  /** How long an upload waits for its submission. Default: $KLARSKJEMA_UPLOAD_TTL_HOURS, else 24 h. */
  uploadTtlMs?: number;
  /** Default "info" (log.ts). */
  logLevel?: LogLevel;
  /** How long a receipt's link for documents sent later works; 0: none. Default DEFAULT_FOLLOW_UP_WEEKS. */
  followUpTtlMs?: number;
  /** SQLite's max_page_count (pages of 4 KiB): a test and ops knob for a store that can fill up.
   *  Default: $KLARSKJEMA_SQLITE_MAX_PAGES, else none (the file system's limit). */
  sqliteMaxPages?: number;
  /** 'sqlite' (dataDir/klarskjema.sqlite) or 'postgres' (databaseUrl). Default: $KLARSKJEMA_STORE, else
   *  postgres when there is a database URL, else sqlite (open-store.ts). */
  store?: StoreKind;
  /** A PostgreSQL connection URL (postgres://…): store there instead of SQLite (docs/decisions/0013).
   *  Default: $KLARSKJEMA_DATABASE_URL. */
  databaseUrl?: string;
  log?: (line: string) => void;
  /** The time budget of one validation, in ms. Default VALIDATION_BUDGET_MS. */
  validationBudgetMs?: number;
  /** Sweep uploads every this many ms after the one at start-up. Default SWEEP_INTERVAL_MS. */
  sweepIntervalMs?: number;
  now?: () => Date;
  /** The caseworker's inbox (docs/decisions/0028): its configuration file's content, and the origin caseworkers use. */
  inbox?: { config: InboxConfig; publicOrigin?: string; oidc?: InboxOptions['oidc'] };
}

/** The record sources of each form version, read on first use; a version no longer served falls back to the newest. */
function recordSourcesOf(
  packages: ReadonlyArray<{ formPackage: FormPackage; dir: string }>,
): (formId: string, version: string) => Promise<RecordSources | null> {
  const loaded = new Map<string, Promise<RecordSources>>();
  return async (formId, version) => {
    const versions = packages.filter((p) => p.formPackage.definition.id === formId);
    const chosen = versions.find((p) => p.formPackage.definition.version === version) ?? versions[versions.length - 1];
    if (!chosen) return null;
    let sources = loaded.get(chosen.dir);
    if (!sources) {
      sources = loadRecordSources(chosen.dir);
      loaded.set(chosen.dir, sources);
      sources.catch(() => loaded.delete(chosen.dir));
    }
    return sources;
  };
}

/** Creates the data folder (0700) or takes an existing one down to owner-only: folders 0700, files 0600. */
export async function secureDataFolder(dataDir: string): Promise<void> {
  const created = await mkdir(dataDir, { recursive: true, mode: FOLDER_MODE });
  // Each new folder's name is durable once its parent is fsynced.
  if (created !== undefined) {
    for (let folder = resolve(dataDir); ; folder = dirname(folder)) {
      await syncPath(dirname(folder));
      if (folder === resolve(created) || dirname(folder) === folder) break;
    }
  }
  const tighten = async (path: string, isFolder: boolean): Promise<void> => {
    const wanted = isFolder ? FOLDER_MODE : FILE_MODE;
    // Another receiver on the same folder may delete a file meanwhile (a .part, a swept upload).
    const mode = await stat(path).then(
      (s) => s.mode & 0o777,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      },
    );
    if (mode === null) return;
    if (mode !== wanted)
      await chmod(path, wanted).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    if (!isFolder) return;
    const entries = await readdir(path, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      // Symbolic links are left alone: chmod would follow them out of the data folder.
      if (entry.isDirectory() || entry.isFile()) await tighten(join(path, entry.name), entry.isDirectory());
    }
  };
  await tighten(dataDir, true);
}

/** A receiver over the form packages in formsDir and a SQLite store in dataDir/klarskjema.sqlite, or PostgreSQL.
 *  databaseFile: the SQLite file, or the PostgreSQL database without its password. */
export async function openReceiver(
  options: OpenReceiverOptions = {},
): Promise<Receiver & { dataDir: string; databaseFile: string }> {
  const dataDir = resolve(options.dataDir ?? process.env.KLARSKJEMA_DATA_DIR ?? DEFAULT_DATA_DIR);
  const formsDir = resolve(options.formsDir ?? DEFAULT_FORMS_DIR);
  const packages = await loadFormPackageDirs(formsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (packages.length === 0)
    throw new Error(
      `No form packages in ${formsDir}. Build them there first (klarskjema build <form.json> --out ${formsDir}).`,
    );
  const maxPages =
    options.sqliteMaxPages ??
    (process.env.KLARSKJEMA_SQLITE_MAX_PAGES ? Number(process.env.KLARSKJEMA_SQLITE_MAX_PAGES) : undefined);
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0))
    throw new Error('KLARSKJEMA_SQLITE_MAX_PAGES must be a positive whole number.');
  const uploadTtlMs = options.uploadTtlMs ?? uploadTtlFromEnv();
  // A data folder that cannot be written (read-only, full) does not stop the start: every write is
  // answered 503 and /api/health says not ready until it can be written again. The upload secret is
  // read (or made) on first use for the same reason.
  await secureDataFolder(dataDir).catch((error: unknown) => {
    if (!storageFault(error)) throw error;
  });
  const { store, where: databaseFile } = await openStore({
    dataDir,
    ...(options.store ? { kind: options.store } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(maxPages === undefined ? {} : { sqliteMaxPages: maxPages }),
  });
  const validator = createValidationPool({
    packages,
    ...(options.validationBudgetMs ? { budgetMs: options.validationBudgetMs } : {}),
  });
  const receiver = createReceiver({
    forms: packages.map((p) => p.formPackage),
    store,
    dataDir,
    validator,
    uploadTtlMs,
    ...(options.followUpTtlMs !== undefined ? { followUpTtlMs: options.followUpTtlMs } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.inbox
      ? {
          inbox: {
            config: options.inbox.config,
            sources: recordSourcesOf(packages),
            ...(options.inbox.publicOrigin ? { publicOrigin: options.inbox.publicOrigin } : {}),
            ...(options.inbox.oidc ? { oidc: options.inbox.oidc } : {}),
          },
        }
      : {}),
  });
  // What a crash left behind, then the uploads that waited too long; later sweeps run on a timer that
  // does not keep the process alive. On a data folder that cannot be written they wait for the timer.
  const tidy = async (): Promise<void> => {
    await receiver.removeLeftovers();
    await receiver.sweep();
  };
  await tidy().catch((error: unknown) => {
    if (!storageFault(error)) throw error;
  });
  // Leftovers too: with the data folder shared, another receiver's crash is not followed by this one's start.
  const timer = setInterval(() => {
    void tidy().catch(() => {});
  }, options.sweepIntervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    ...receiver,
    dataDir,
    databaseFile,
    close: async () => {
      clearInterval(timer);
      await receiver.close();
    },
  };
}

export interface StartedReceiver {
  server: Server;
  receiver: Receiver;
  /** http://host:port */
  url: string;
  /** http://host:port/metrics on its own listener, when metricsPort was given. */
  metricsUrl?: string;
  /** Stops accepting connections, lets requests in flight finish (at most shutdownGraceMs), then closes
   *  the validator and the store. */
  close(): Promise<void>;
}

export interface StartReceiverOptions {
  port?: number;
  /** "127.0.0.1" by default. */
  host?: string;
  /** Serve /metrics on this port (0: any free one) instead of beside the API; on metricsHost. */
  metricsPort?: number;
  /** Default: host. */
  metricsHost?: string;
  /** Default HEADERS_TIMEOUT_MS. */
  headersTimeoutMs?: number;
  /** Default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** Default KEEP_ALIVE_TIMEOUT_MS. */
  keepAliveTimeoutMs?: number;
  /** Default MAX_CONNECTIONS. */
  maxConnections?: number;
  /** How long close() waits for requests in flight before it cuts their connections. Default SHUTDOWN_GRACE_MS. */
  shutdownGraceMs?: number;
}

/** How long a stopping receiver lets requests in flight finish: a submission takes milliseconds, and
 *  25 s fits inside the 30 s a container runtime or systemd is usually given before SIGKILL. An upload
 *  cut off is not lost: nothing was acknowledged, and the widget sends it again. */
export const SHUTDOWN_GRACE_MS = 25_000;

/** node:http's own refusals (a malformed request, a timeout) in the receiver's format and headers. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // As node:http does by default: answer only when nothing of a response has been written yet.
  if (!socket.writable || (socket as Duplex & { bytesWritten?: number }).bytesWritten !== 0) {
    socket.destroy();
    return;
  }
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const [status, reason, code] = timeout
    ? [408, 'Request Timeout', 'timeout']
    : error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers-too-large']
      : [400, 'Bad Request', 'bad-request'];
  const body = JSON.stringify({
    errors: [{ pointer: '', code, message: timeout ? 'The request took too long.' : 'The request is not valid HTTP.' }],
  });
  const headers = Object.entries({
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...SECURITY_HEADERS,
    Connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.write(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n${body}`);
  socket.destroy();
}

/** Serves a receiver on its own port (0: any free one), with the timeouts and connection cap of limits.ts. */
export async function startReceiver(receiver: Receiver, options: StartReceiverOptions = {}): Promise<StartedReceiver> {
  const host = options.host ?? '127.0.0.1';
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout);
  const separateMetrics = options.metricsPort !== undefined;
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const listener =
    (serve: (request: IncomingMessage, response: ServerResponse) => Promise<void>) =>
    (request: IncomingMessage, response: ServerResponse): void => {
      // A request that arrives on a kept-alive connection while stopping is answered, and its connection closed.
      if (closing) response.shouldKeepAlive = false;
      inFlight.add(response);
      response.once('close', () => inFlight.delete(response));
      void serve(request, response);
    };
  const createHttpServer = (serve: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Server => {
    const server = createServer(
      {
        requestTimeout,
        headersTimeout,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? KEEP_ALIVE_TIMEOUT_MS,
        // Checked this often; node's default (30 s) would let a slow client stay that long past its timeout.
        connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, Math.max(50, Math.floor(headersTimeout / 4))),
      },
      listener(serve),
    );
    server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
    server.on('clientError', answerClientError);
    return server;
  };
  const listen = (server: Server, port: number, on: string): Promise<string> =>
    new Promise<string>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(port, on, () => {
        server.off('error', reject);
        const shown = on.includes(':') ? `[${on}]` : on;
        resolvePromise(`http://${shown}:${(server.address() as AddressInfo).port}`);
      });
    });
  // /metrics beside the API unless it has a port of its own; the API's handle() never answers it.
  const server = createHttpServer((request, response) =>
    !separateMetrics && (request.url ?? '').split('?')[0] === '/metrics'
      ? receiver.handleMetrics(request, response)
      : receiver.handle(request, response),
  );
  const metricsServer = separateMetrics
    ? createHttpServer((request, response) => receiver.handleMetrics(request, response))
    : null;
  const url = await listen(server, options.port ?? 0, host);
  let metricsUrl: string | undefined;
  if (metricsServer) {
    try {
      metricsUrl = `${await listen(metricsServer, options.metricsPort!, options.metricsHost ?? host)}/metrics`;
    } catch (error) {
      server.close();
      throw error;
    }
  }
  const stop = async (target: Server): Promise<void> => {
    const closed = new Promise<void>((resolvePromise) => target.close(() => resolvePromise()));
    target.closeIdleConnections();
    await closed;
  };
  return {
    server,
    receiver,
    url,
    ...(metricsUrl ? { metricsUrl } : {}),
    close: async () => {
      closing = true;
      // Answers still to be written close their connection; idle kept-alive connections close now, and
      // those busy close as their answer is sent. Past the grace period, whatever is left is cut.
      for (const response of inFlight) {
        if (!response.headersSent) response.shouldKeepAlive = false;
        response.once('finish', () =>
          setImmediate(() => {
            server.closeIdleConnections();
            metricsServer?.closeIdleConnections();
          }),
        );
      }
      const grace = setTimeout(() => {
        server.closeAllConnections();
        metricsServer?.closeAllConnections();
      }, options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
      try {
        await Promise.all([stop(server), metricsServer ? stop(metricsServer) : Promise.resolve()]);
      } finally {
        clearTimeout(grace);
      }
      await receiver.close();
    },
  };
}

// The reference receiver: node:http, no framework. Any backend can do the same with
// validateSubmission and a SubmissionStore; docs/decisions/0005-receiver.md says how.
//
//   POST /api/forms/<form id>/submissions                       body: a Submission (application/json)
//   GET  /api/forms/<form id>/submissions/<id>                  the reference of a stored submission
//   POST /api/forms/<form id>/submissions/<id>/attachments?document=<document id>&name=<file name>
//                                                               body: the file's bytes
//   GET  /api/health
//
// Errors are JSON { errors: [{ pointer, code, message }] } and never carry a stack trace. One log line
// per request: method, path (never the query, which may hold a file name), status, time, outcome;
// never an answer.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FormPackage } from '../engine/form-package.ts';
import { loadFormPackage } from '../node/load-package.ts';
import { packageRoot } from '../node/paths.ts';
import { acceptableDeclaredType, sniffFileType, SNIFF_BYTES, type AttachmentType } from './file-types.ts';
import { MAX_ATTACHMENT_BYTES, MAX_BODY_BYTES, MAX_FILE_NAME_LENGTH, MAX_FILES_PER_DOCUMENT, SUBMISSION_ID } from './limits.ts';
import { createReference } from './reference.ts';
import { parseJson, type SubmissionError } from './safe-json.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from './sqlite-store.ts';
import type { SubmissionStore } from './store.ts';
import { validateSubmission } from './validate-submission.ts';

export const DEFAULT_DATA_DIR = resolve(packageRoot, 'data');
export const DEFAULT_FORMS_DIR = resolve(packageRoot, 'build/forms');
/** Where the receiver's routes start; a static server beside it hands these paths over. */
export const API_PREFIX = '/api/';
/** What the receiver reads and discards of a refused body so that the client can read the refusal;
 *  past this the connection is cut. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

export interface ReceiverOptions {
  forms: FormPackage[];
  store: SubmissionStore;
  /** Uploaded files go to <dataDir>/attachments/. */
  dataDir: string;
  /** One line per request. Default: console.log. */
  log?: (line: string) => void;
  now?: () => Date;
  newReference?: () => string;
}

export interface Receiver {
  /** Handles one request whose path starts with /api/. Never rejects. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  readonly forms: ReadonlyArray<{ id: string; version: string }>;
  /** Closes the store. */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly errors: SubmissionError[], readonly headers: Record<string, string> = {}) {
    super(errors[0]?.code ?? String(status));
  }
}

const refuse = (status: number, code: string, message: string, headers?: Record<string, string>): HttpError =>
  new HttpError(status, [{ pointer: '', code, message }], headers);

const mediaType = (header: string | undefined): { type: string; charset?: string } => {
  const [type = '', ...params] = (header ?? '').split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  return { type: type.trim().toLowerCase(), ...(charset ? { charset } : {}) };
};

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
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
    const onEnd = (): void => { cleanup(); resolvePromise(Buffer.concat(chunks, size)); };
    const onError = (): void => { cleanup(); reject(refuse(400, 'aborted', 'The body did not arrive whole.')); };
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

interface ReceivedFile { size: number; sha256: string; type: AttachmentType }

/** Streams an upload to `file`, hashing it and checking its magic bytes and size on the way. */
function receiveFile(request: IncomingMessage, file: string): Promise<ReceivedFile> {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(file, { flags: 'wx' });
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
      else { out.once('close', () => reject(error)); out.destroy(); }
    };
    const decide = (): boolean => {
      type = sniffFileType(head);
      if (type) return true;
      fail(refuse(415, 'unsupported-type', 'The file is not a PDF, JPEG, PNG or HEIC image (judged by its content, not its name).'));
      return false;
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_ATTACHMENT_BYTES) { fail(refuse(413, 'too-large', `A file may have at most ${MAX_ATTACHMENT_BYTES} bytes.`)); return; }
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
      if (size === 0) { fail(refuse(400, 'empty', 'The file is empty.')); return; }
      if (!type && !decide()) return;
      settled = true;
      out.end(() => resolvePromise({ size, sha256: hash.digest('hex'), type: type! }));
    };
    out.on('error', () => {
      if (settled) return;
      settled = true;
      discard(request);
      reject(new Error('Could not write the upload.'));
    });
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', () => fail(refuse(400, 'aborted', 'The file did not arrive whole.')));
  });
}

export function createReceiver(options: ReceiverOptions): Receiver {
  const { store, dataDir } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const newReference = options.newReference ?? (() => createReference(now()));
  const byId = new Map<string, FormPackage[]>();
  for (const formPackage of options.forms) {
    const { id } = formPackage.definition;
    byId.set(id, [...(byId.get(id) ?? []), formPackage]);
  }
  const attachmentsDir = resolve(dataDir, 'attachments');
  const incomingDir = join(attachmentsDir, '.incoming');

  function formOf(id: string): FormPackage[] {
    const versions = byId.get(id);
    if (!versions) throw refuse(404, 'unknown-form', `This receiver has no form "${id}".`);
    return versions;
  }

  async function health(response: ServerResponse): Promise<string> {
    try {
      await store.ping();
    } catch {
      sendJson(response, 503, { status: 'unavailable', storage: store.kind });
      return 'storage-unavailable';
    }
    sendJson(response, 200, { status: 'ok', storage: store.kind, forms: options.forms.map((p) => ({ id: p.definition.id, version: p.definition.version })) });
    return 'ok';
  }

  async function submit(request: IncomingMessage, response: ServerResponse, formId: string): Promise<string> {
    const versions = formOf(formId);
    const { type, charset } = mediaType(request.headers['content-type']);
    if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
      throw refuse(415, 'unsupported-media-type', 'Send the submission as Content-Type: application/json (UTF-8).');
    }
    const length = declaredLength(request);
    if (length !== null && length > MAX_BODY_BYTES) throw refuse(413, 'too-large', `The body may have at most ${MAX_BODY_BYTES} bytes.`);
    const body = await readBody(request, MAX_BODY_BYTES);

    const json = parseJson(body);
    if (!json.ok) throw new HttpError(json.errors.some((e) => e.code === 'invalid-json') ? 400 : 422, json.errors);
    const form = (json.value as { form?: { version?: unknown } } | null)?.form;
    const formPackage = versions.find((p) => p.definition.version === form?.version) ?? versions[versions.length - 1]!;
    // validateSubmission reads a string as a raw body; a body that is a JSON string is not a submission
    // (else a double-encoded submission would be parsed twice and accepted).
    if (typeof json.value === 'string') throw new HttpError(422, [{ pointer: '', code: 'type', message: 'A submission is a JSON object.' }]);
    const result = validateSubmission(formPackage, json.value);
    if (!result.ok) {
      if (result.errors.some((e) => e.code === 'internal')) throw new Error('The form package could not check a submission.');
      throw new HttpError(422, result.errors);
    }
    const { submission } = result;
    const key = request.headers['idempotency-key'];
    if (key !== undefined && key !== submission.id) {
      throw new HttpError(400, [{ pointer: '/id', code: 'idempotency-key', message: 'The Idempotency-Key header must equal the submission id.' }]);
    }
    const saved = await store.saveSubmission({
      idempotencyKey: submission.id, formId: submission.form.id, formVersion: submission.form.version, submission, receivedAt: now(),
    }, newReference);
    if (saved.status === 'conflict') {
      throw new HttpError(409, [{ pointer: '/id', code: 'id-in-use', message: 'This id was already used for another form.' }]);
    }
    if (saved.status === 'changed') {
      throw new HttpError(409, [{ pointer: '/id', code: 'changed-body', message: 'This id was already used for a different submission; send a changed submission with a new id.' }]);
    }
    if (saved.status === 'replayed') {
      sendJson(response, 200, { reference: saved.reference }, { 'Idempotency-Replayed': 'true' });
      return 'replayed';
    }
    sendJson(response, 201, { reference: saved.reference });
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

  async function upload(request: IncomingMessage, response: ServerResponse, formId: string, submissionId: string, query: URLSearchParams): Promise<string> {
    const versions = formOf(formId);
    if (!SUBMISSION_ID.test(submissionId)) throw refuse(400, 'invalid-submission-id', 'The submission id is 8 to 128 letters, digits, "-" or "_".');
    const documentId = query.get('document');
    const documents = new Set(versions.flatMap((p) => (p.definition.attachments ?? []).map((d) => d.id)));
    if (!documentId || !documents.has(documentId)) {
      throw refuse(400, 'unknown-document', `Name the document with ?document=: one of ${[...documents].join(', ') || '(none: this form asks for no documents)'}.`);
    }
    const fileName = query.get('name');
    if (fileName !== null && (fileName.length === 0 || fileName.length > MAX_FILE_NAME_LENGTH || /\p{Cc}/u.test(fileName))) {
      throw refuse(400, 'invalid-name', `A file name has 1 to ${MAX_FILE_NAME_LENGTH} characters and no control characters.`);
    }
    if (!acceptableDeclaredType(request.headers['content-type'])) {
      throw refuse(415, 'unsupported-type', 'Send a PDF, JPEG, PNG or HEIC image, with its Content-Type (or application/octet-stream).');
    }
    const length = declaredLength(request);
    if (length !== null && length > MAX_ATTACHMENT_BYTES) throw refuse(413, 'too-large', `A file may have at most ${MAX_ATTACHMENT_BYTES} bytes.`);

    await mkdir(incomingDir, { recursive: true });
    const incoming = join(incomingDir, `${randomUUID()}.part`);
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
    await mkdir(resolve(dataDir, 'attachments', formId, submissionId), { recursive: true });
    await rename(incoming, resolve(dataDir, storagePath));
    const saved = await store.saveAttachment({
      ref, formId, submissionId, documentId, fileName, type: received.type, size: received.size, sha256: received.sha256, storagePath, receivedAt: now(),
    }, MAX_FILES_PER_DOCUMENT).catch(async (error: unknown) => {
      await unlink(resolve(dataDir, storagePath)).catch(() => {});
      throw error;
    });
    if (saved.status !== 'created') await unlink(resolve(dataDir, storagePath)).catch(() => {});
    if (saved.status === 'too-many') {
      throw refuse(422, 'too-many-files', `A document may have at most ${MAX_FILES_PER_DOCUMENT} files.`);
    }
    const body = { ref: saved.ref, document: documentId, type: received.type, size: received.size, sha256: received.sha256 };
    sendJson(response, saved.status === 'created' ? 201 : 200, body);
    return saved.status;
  }

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<string> {
    const segments = url.pathname.split('/').slice(1);
    let parts: string[];
    try {
      parts = segments.map((s) => decodeURIComponent(s));
    } catch {
      throw refuse(400, 'invalid-path', 'The path is not valid.');
    }
    const method = request.method ?? '';
    const only = (allowed: string[]): void => {
      if (!allowed.includes(method)) throw refuse(405, 'method-not-allowed', `Use ${allowed.join(' or ')}.`, { Allow: allowed.join(', ') });
    };
    if (parts.length === 2 && parts[1] === 'health') {
      only(['GET', 'HEAD']);
      return health(response);
    }
    if (parts.length === 4 && parts[1] === 'forms' && parts[3] === 'submissions') {
      only(['POST']);
      return submit(request, response, parts[2]!);
    }
    if (parts.length === 5 && parts[1] === 'forms' && parts[3] === 'submissions') {
      only(['GET', 'HEAD']);
      return lookup(response, parts[2]!, parts[4]!);
    }
    if (parts.length === 6 && parts[1] === 'forms' && parts[3] === 'submissions' && parts[5] === 'attachments') {
      only(['POST']);
      return upload(request, response, parts[2]!, parts[4]!, url.searchParams);
    }
    throw refuse(404, 'not-found', 'No such route.');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    let pathname = '?';
    let outcome = '';
    try {
      const url = new URL(request.url ?? '/', 'http://receiver.invalid');
      pathname = url.pathname;
      if (!pathname.startsWith(API_PREFIX)) throw refuse(404, 'not-found', 'No such route.');
      outcome = await route(request, response, url);
    } catch (error) {
      if (error instanceof HttpError) {
        outcome = error.errors.map((e) => e.code).filter((c, i, all) => all.indexOf(c) === i).slice(0, 5).join(',');
      } else {
        // The cause goes to the log by name or code only: messages may quote data.
        outcome = `error:${(error as { code?: unknown })?.code ?? (error instanceof Error ? error.name : 'unknown')}`;
      }
      discard(request);
      if (!response.headersSent) {
        if (error instanceof HttpError) sendJson(response, error.status, { errors: error.errors }, error.headers);
        else sendJson(response, 500, { errors: [{ pointer: '', code: 'internal', message: 'The receiver failed. Try again later.' }] });
      } else {
        response.destroy();
      }
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      try {
        log(`${now().toISOString()} ${request.method ?? '?'} ${pathname.slice(0, 200)} ${response.statusCode} ${ms.toFixed(1)}ms ${outcome}`.trimEnd());
      } catch {
        // A logger that throws must not take the receiver down.
      }
    }
  }

  return {
    handle,
    forms: options.forms.map((p) => ({ id: p.definition.id, version: p.definition.version })),
    close: () => store.close(),
  };
}

/** Every built form package in dir (build/forms/<id>/), in name order. */
export async function loadFormPackages(dir: string): Promise<FormPackage[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const packages: FormPackage[] = [];
  for (const name of entries) {
    const formDir = join(dir, name);
    if (await stat(join(formDir, 'form.json')).then(() => true, () => false)) packages.push(await loadFormPackage(formDir));
  }
  return packages;
}

export interface OpenReceiverOptions {
  /** Built form packages. Default build/forms/. */
  formsDir?: string;
  /** The data folder (created if missing). Default: $KLARSKJEMA_DATA_DIR, else data/. */
  dataDir?: string;
  log?: (line: string) => void;
}

/** A receiver over the form packages in formsDir and a SQLite store in dataDir/klarskjema.sqlite. */
export async function openReceiver(options: OpenReceiverOptions = {}): Promise<Receiver & { dataDir: string; databaseFile: string }> {
  const dataDir = resolve(options.dataDir ?? process.env.KLARSKJEMA_DATA_DIR ?? DEFAULT_DATA_DIR);
  const forms = await loadFormPackages(resolve(options.formsDir ?? DEFAULT_FORMS_DIR));
  if (forms.length === 0) throw new Error(`No form packages in ${options.formsDir ?? DEFAULT_FORMS_DIR}. Build them first (npm run build:forms).`);
  await mkdir(dataDir, { recursive: true });
  const databaseFile = join(dataDir, SQLITE_FILE_NAME);
  const store = new SqliteSubmissionStore(databaseFile);
  return { ...createReceiver({ forms, store, dataDir, ...(options.log ? { log: options.log } : {}) }), dataDir, databaseFile };
}

export interface StartedReceiver {
  server: Server;
  receiver: Receiver;
  /** http://host:port */
  url: string;
  /** Stops listening, then closes the store. */
  close(): Promise<void>;
}

/** Serves a receiver on its own port (0: any free one); "127.0.0.1" by default. */
export async function startReceiver(receiver: Receiver, options: { port?: number; host?: string } = {}): Promise<StartedReceiver> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer({ requestTimeout: 60_000, headersTimeout: 15_000 }, (request, response) => {
    void receiver.handle(request, response);
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolvePromise(); });
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    server, receiver, url: `http://${shown}:${port}`,
    close: async () => {
      server.closeIdleConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      await receiver.close();
    },
  };
}

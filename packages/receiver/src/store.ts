// Where the receiver keeps submissions and the records of uploaded files: SQLite (sqlite-store.ts, the
// default) or PostgreSQL (pg-store.ts, docs/decisions/0013-postgresql.md). Methods return promises so that a
// networked database fits.
import type { Submission } from '../../../src/engine/submission.ts';
import type { AttachmentType } from './file-types.ts';

export interface NewSubmission {
  /** The idempotency key: always the submission's own id. */
  idempotencyKey: string;
  formId: string;
  formVersion: string;
  /** Validated by validateSubmission; stored whole, as JSON. */
  submission: Submission;
  receivedAt: Date;
  /** The office whose caseworkers see it (the receiver's configuration); none: ''. */
  office?: string;
}

export type SaveSubmissionResult =
  /** Stored now, under a new reference. */
  | { status: 'created'; reference: string }
  /** The key was stored before (for the same form) with the same canonical body (submissionDigest):
   *  nothing new stored; the first reference. */
  | { status: 'replayed'; reference: string }
  /** The key was stored before for another form: nothing stored. */
  | { status: 'conflict' }
  /** The key was stored before for this form with a different canonical body: nothing stored. */
  | { status: 'changed' };

export interface NewAttachment {
  /** The file's own id, returned to the widget (the `ref` of a file in the answers). */
  ref: string;
  formId: string;
  submissionId: string;
  documentId: string;
  /** The name the user's device gave; null when none was sent. */
  fileName: string | null;
  /** By the file's magic bytes, not by what the client declared. */
  type: AttachmentType;
  size: number;
  sha256: string;
  /** Where the bytes are, relative to the data folder. */
  storagePath: string;
  receivedAt: Date;
}

export type SaveAttachmentResult =
  | { status: 'created'; ref: string }
  /** The same bytes were already uploaded for this submission's document: nothing new stored. */
  | { status: 'duplicate'; ref: string }
  /** The document already has maxPerDocument files. */
  | { status: 'too-many' }
  /** The submission already has quota.files files (all documents together). */
  | { status: 'quota-files' }
  /** The file would take the submission's files past quota.bytes. */
  | { status: 'quota-bytes' };

/** What all uploads of one submission id may hold together (limits.ts). */
export interface SubmissionQuota {
  files: number;
  bytes: number;
}

/** An upload as the receiver checks it against a submission's file answers and the disk. */
export interface StoredUpload {
  ref: string;
  documentId: string;
  /** Relative to the data folder. */
  storagePath: string;
}

export interface SubmissionStore {
  /** For logs and the health check: "sqlite", "postgresql". */
  readonly kind: string;
  /**
   * Stores a submission once per idempotency key, atomically (a UNIQUE key and INSERT … ON CONFLICT,
   * never check-then-insert), so concurrent repeats store exactly one row, together with the
   * submissionDigest of its body, so that a repeat with another body is told apart from a retry.
   * `newReference` is called for each try; a store retries when a reference is already taken.
   */
  saveSubmission(submission: NewSubmission, newReference: () => string): Promise<SaveSubmissionResult>;
  /** The reference of the submission stored under this id for this form; null when there is none. */
  findSubmission(formId: string, submissionId: string): Promise<{ reference: string } | null>;
  /** Records an uploaded file; at most maxPerDocument per submission and document, one row per identical content,
   *  and within the quota for the submission id, counted and inserted atomically. */
  saveAttachment(
    attachment: NewAttachment,
    maxPerDocument: number,
    quota: SubmissionQuota,
  ): Promise<SaveAttachmentResult>;
  /** The uploads recorded for one submission of one form. */
  uploadsOf(formId: string, submissionId: string): Promise<StoredUpload[]>;
  /** Deletes the rows of uploads received before `receivedBefore` whose submission was never stored, and
   *  returns them, so that the caller deletes their files (a crash in between leaves an orphan file, which
   *  the start-up cleanup removes; never a row without a file that matters). */
  deleteUnsubmittedUploads(receivedBefore: Date): Promise<StoredUpload[]>;
  /** Resolves when the store answers. */
  ping(): Promise<void>;
  /** Resolves when the store could write and commit right now (a little more than a small submission
   *  needs); for readiness. Rejects with StorageUnavailable when it cannot. */
  probeWrite(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store cannot write (or read) right now: a full disk, a read-only file system, an I/O error, a
 * database locked past its timeout, a database that is gone. The receiver answers 503 with
 * Retry-After and nothing is acknowledged; the widget keeps the user's drafts and tries later.
 */
export class StorageUnavailable extends Error {
  override readonly name = 'StorageUnavailable';
  /** The underlying code (SQLITE_FULL, ENOSPC, …), for logs; never a message, which may quote data. */
  readonly code: string;
  constructor(code: string, options?: { cause?: unknown }) {
    super(`Storage unavailable (${code}).`, options);
    this.code = code;
  }
}

/** SQLite result codes (primary, so every extended one too) that mean the storage failed, not the request. */
const SQLITE_STORAGE_CODES = [
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PROTOCOL',
  'SQLITE_PERM',
];
/** File system errors on the data folder (whose paths never come from a request). */
const FS_STORAGE_CODES = new Set([
  'ENOSPC',
  'EROFS',
  'EIO',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EMFILE',
  'ENFILE',
  'EFBIG',
  'ESTALE',
]);

/** error as a StorageUnavailable when it is a storage failure; null when it is something else. */
export function storageFault(error: unknown): StorageUnavailable | null {
  if (error instanceof StorageUnavailable) return error;
  if (!(error instanceof Error)) return null;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') {
    const primary = code.startsWith('SQLITE_')
      ? SQLITE_STORAGE_CODES.find((c) => code === c || code.startsWith(`${c}_`))
      : undefined;
    if (primary || FS_STORAGE_CODES.has(code)) return new StorageUnavailable(code, { cause: error });
  }
  // better-sqlite3's words for a connection that was closed under it (the database is gone).
  if (error instanceof TypeError && /database connection is not open/i.test(error.message))
    return new StorageUnavailable('closed', { cause: error });
  return null;
}

/** Rethrows a storage failure as StorageUnavailable, anything else as it is. */
export function rethrowStorageFault(error: unknown): never {
  throw storageFault(error) ?? error;
}

/** Runs a synchronous storage call; its storage failure comes out as StorageUnavailable. */
export function storageGuarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    return rethrowStorageFault(error);
  }
}

/**
 * A store opened on first use, and again after a failed opening: a receiver started on a read-only or
 * full data folder serves (503 on every write) instead of not starting, and recovers when the folder
 * does. Errors other than storage failures (a schema this receiver does not know) still fail at once.
 */
export function openWhenAvailable<S extends SubmissionStore>(kind: string, open: () => S): S {
  let store: S | null = null;
  const current = (): S => {
    store ??= storageGuarded(open);
    return store;
  };
  try {
    current();
  } catch (error) {
    if (!storageFault(error)) throw error;
  }
  return new Proxy({} as S, {
    get(_target, property) {
      if (property === 'kind') return kind;
      if (property === 'close')
        return async () => {
          await store?.close();
        };
      // Not a thenable, and nothing but methods.
      if (typeof property !== 'string' || property === 'then') return undefined;
      return async (...args: unknown[]): Promise<unknown> => {
        const opened = current();
        const method: unknown = Reflect.get(opened, property);
        if (typeof method !== 'function') throw new TypeError(`The ${kind} store has no method ${property}.`);
        return (method as (...a: unknown[]) => unknown).apply(opened, args);
      };
    },
  });
}

// Where the receiver keeps submissions and the records of uploaded files. The reference receiver uses
// SQLite (sqlite-store.ts); a deployment may put PostgreSQL behind the same interface
// (docs/decisions/0005-receiver.md). Methods return promises so that a networked database fits.
import type { Submission } from '../engine/submission.ts';
import type { AttachmentType } from './file-types.ts';

export interface NewSubmission {
  /** The idempotency key: always the submission's own id. */
  idempotencyKey: string;
  formId: string;
  formVersion: string;
  /** Validated by validateSubmission; stored whole, as JSON. */
  submission: Submission;
  receivedAt: Date;
}

export type SaveSubmissionResult =
  /** Stored now, under a new reference. */
  | { status: 'created'; reference: string }
  /** The key was stored before (for the same form): nothing new stored; the first reference. */
  | { status: 'replayed'; reference: string }
  /** The key was stored before for another form: nothing stored. */
  | { status: 'conflict' };

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
   * never check-then-insert), so concurrent repeats store exactly one row. `newReference` is called
   * for each try; a store retries when a reference is already taken.
   */
  saveSubmission(submission: NewSubmission, newReference: () => string): Promise<SaveSubmissionResult>;
  /** Records an uploaded file; at most maxPerDocument per submission and document, one row per identical content,
   *  and within the quota for the submission id, counted and inserted atomically. */
  saveAttachment(attachment: NewAttachment, maxPerDocument: number, quota: SubmissionQuota): Promise<SaveAttachmentResult>;
  /** The uploads recorded for one submission of one form. */
  uploadsOf(formId: string, submissionId: string): Promise<StoredUpload[]>;
  /** Deletes the rows of uploads received before `receivedBefore` whose submission was never stored, and
   *  returns them, so that the caller deletes their files (a crash in between leaves an orphan file, which
   *  the start-up cleanup removes; never a row without a file that matters). */
  deleteUnsubmittedUploads(receivedBefore: Date): Promise<StoredUpload[]>;
  /** Resolves when the store answers; for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

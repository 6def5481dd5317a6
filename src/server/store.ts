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
  | { status: 'too-many' };

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
  /** Records an uploaded file; at most maxPerDocument per submission and document, one row per identical content. */
  saveAttachment(attachment: NewAttachment, maxPerDocument: number): Promise<SaveAttachmentResult>;
  /** Resolves when the store answers; for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

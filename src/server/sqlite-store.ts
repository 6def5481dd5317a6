// The SubmissionStore of the reference receiver: one SQLite file in the data folder, through
// better-sqlite3. Statements are synchronous and each is atomic; WAL lets readers (a caseworker's
// export, a backup) work beside the receiver, and synchronous=FULL makes a stored submission survive a
// power cut before the user is told its reference.
import Database, { type Database as SqliteDatabase, type SqliteError, type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  NewAttachment, NewSubmission, SaveAttachmentResult, SaveSubmissionResult, StoredUpload, SubmissionQuota, SubmissionStore,
} from './store.ts';

export const SQLITE_FILE_NAME = 'klarskjema.sqlite';
const SCHEMA_VERSION = 1;
const REFERENCE_TRIES = 5;

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  seq             INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  reference       TEXT NOT NULL UNIQUE,
  form_id         TEXT NOT NULL,
  form_version    TEXT NOT NULL,
  submission      TEXT NOT NULL,
  received_at     TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS attachments (
  seq           INTEGER PRIMARY KEY,
  ref           TEXT NOT NULL UNIQUE,
  form_id       TEXT NOT NULL,
  submission_id TEXT NOT NULL,
  document_id   TEXT NOT NULL,
  file_name     TEXT,
  media_type    TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  storage_path  TEXT NOT NULL,
  received_at   TEXT NOT NULL,
  UNIQUE (submission_id, document_id, sha256)
) STRICT;
`;

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && (error as SqliteError).code === 'SQLITE_CONSTRAINT_UNIQUE';

export class SqliteSubmissionStore implements SubmissionStore {
  readonly kind = 'sqlite';
  readonly #db: SqliteDatabase;
  readonly #insertSubmission: Statement<{ reference: string }>;
  readonly #submissionByKey: Statement<{ reference: string; form_id: string }>;
  readonly #insertAttachment: Statement<{ ref: string }>;
  readonly #attachmentByContent: Statement<{ ref: string }>;
  readonly #attachmentCounts: Statement<{ in_document: number; in_submission: number }>;
  readonly #uploadsOf: Statement<StoredUpload>;
  readonly #deleteUnsubmitted: Statement<StoredUpload>;

  /** Opens (and creates, with its folder) the database file; ":memory:" for a throwaway one. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file, { timeout: 5_000 });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.exec(SQLITE_SCHEMA);
    const version = this.#db.pragma('user_version', { simple: true });
    if (version === 0) this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    else if (version !== SCHEMA_VERSION) throw new Error(`${file} has schema version ${String(version)}; this receiver knows ${SCHEMA_VERSION}.`);

    this.#insertSubmission = this.#db.prepare<{ reference: string }>(`
      INSERT INTO submissions (idempotency_key, reference, form_id, form_version, submission, received_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING reference`);
    this.#submissionByKey = this.#db.prepare<{ reference: string; form_id: string }>(
      'SELECT reference, form_id FROM submissions WHERE idempotency_key = ?');
    // The counts and the insert are one statement, so the limits hold however requests interleave.
    this.#insertAttachment = this.#db.prepare<{ ref: string }>(`
      INSERT INTO attachments (ref, form_id, submission_id, document_id, file_name, media_type, size, sha256, storage_path, received_at)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      WHERE (SELECT count(*) FROM attachments WHERE submission_id = ? AND document_id = ?) < ?
        AND (SELECT count(*) FROM attachments WHERE submission_id = ?) < ?
        AND (SELECT coalesce(sum(size), 0) FROM attachments WHERE submission_id = ?) + ? <= ?
      ON CONFLICT (submission_id, document_id, sha256) DO NOTHING
      RETURNING ref`);
    this.#attachmentByContent = this.#db.prepare<{ ref: string }>(
      'SELECT ref FROM attachments WHERE submission_id = ? AND document_id = ? AND sha256 = ?');
    this.#attachmentCounts = this.#db.prepare<{ in_document: number; in_submission: number }>(
      'SELECT count(*) FILTER (WHERE document_id = ?) AS in_document, count(*) AS in_submission FROM attachments WHERE submission_id = ?');
    this.#uploadsOf = this.#db.prepare<StoredUpload>(
      'SELECT ref, document_id AS documentId, storage_path AS storagePath FROM attachments WHERE form_id = ? AND submission_id = ? ORDER BY seq');
    // ISO 8601 UTC strings of one length sort as their instants do.
    this.#deleteUnsubmitted = this.#db.prepare<StoredUpload>(`
      DELETE FROM attachments
      WHERE received_at < ?
        AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.idempotency_key = attachments.submission_id AND s.form_id = attachments.form_id)
      RETURNING ref, document_id AS documentId, storage_path AS storagePath`);
  }

  async saveSubmission(record: NewSubmission, newReference: () => string): Promise<SaveSubmissionResult> {
    const json = JSON.stringify(record.submission);
    for (let attempt = 1; ; attempt++) {
      let inserted: { reference: string } | undefined;
      try {
        inserted = this.#insertSubmission.get(
          record.idempotencyKey, newReference(), record.formId, record.formVersion, json, record.receivedAt.toISOString());
      } catch (error) {
        // The only other UNIQUE column is the reference: a (very rare) collision, so draw again.
        if (isUniqueViolation(error) && attempt < REFERENCE_TRIES) continue;
        throw error;
      }
      if (inserted) return { status: 'created', reference: inserted.reference };
      const first = this.#submissionByKey.get(record.idempotencyKey);
      if (!first) throw new Error('A submission conflicted on its key but is not there.');
      return first.form_id === record.formId ? { status: 'replayed', reference: first.reference } : { status: 'conflict' };
    }
  }

  async saveAttachment(record: NewAttachment, maxPerDocument: number, quota: SubmissionQuota): Promise<SaveAttachmentResult> {
    const inserted = this.#insertAttachment.get(
      record.ref, record.formId, record.submissionId, record.documentId, record.fileName, record.type, record.size,
      record.sha256, record.storagePath, record.receivedAt.toISOString(),
      record.submissionId, record.documentId, maxPerDocument,
      record.submissionId, quota.files,
      record.submissionId, record.size, quota.bytes);
    if (inserted) return { status: 'created', ref: inserted.ref };
    const same = this.#attachmentByContent.get(record.submissionId, record.documentId, record.sha256);
    if (same) return { status: 'duplicate', ref: same.ref };
    // Which limit refused it, for the answer; the refusal itself was decided inside the insert.
    const counts = this.#attachmentCounts.get(record.documentId, record.submissionId)!;
    if (counts.in_document >= maxPerDocument) return { status: 'too-many' };
    return counts.in_submission >= quota.files ? { status: 'quota-files' } : { status: 'quota-bytes' };
  }

  async uploadsOf(formId: string, submissionId: string): Promise<StoredUpload[]> {
    return this.#uploadsOf.all(formId, submissionId);
  }

  async deleteUnsubmittedUploads(receivedBefore: Date): Promise<StoredUpload[]> {
    return this.#deleteUnsubmitted.all(receivedBefore.toISOString());
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

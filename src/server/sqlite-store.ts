// The SubmissionStore of the reference receiver: one SQLite file in the data folder, through
// better-sqlite3. Statements are synchronous and each is atomic; WAL lets readers (a caseworker's
// export, a backup) work beside the receiver, and synchronous=FULL makes a stored submission survive a
// power cut before the user is told its reference.
import Database, { type Database as SqliteDatabase, type SqliteError, type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Submission } from '../engine/submission.ts';
import { submissionDigest } from './digest.ts';
import type { NewAttachment, NewSubmission, SaveAttachmentResult, SaveSubmissionResult, SubmissionStore } from './store.ts';

export const SQLITE_FILE_NAME = 'klarskjema.sqlite';
/** 1: the first schema. 2: submissions.body_digest (the submissionDigest of the stored body). */
const SCHEMA_VERSION = 2;
const REFERENCE_TRIES = 5;

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  seq             INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  reference       TEXT NOT NULL UNIQUE,
  form_id         TEXT NOT NULL,
  form_version    TEXT NOT NULL,
  submission      TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  body_digest     TEXT NOT NULL
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

/** Schema 1 → 2: every stored submission gets the digest of the body it was stored with. */
function migrateToDigests(db: SqliteDatabase): void {
  db.exec("ALTER TABLE submissions ADD COLUMN body_digest TEXT NOT NULL DEFAULT ''");
  const update = db.prepare('UPDATE submissions SET body_digest = ? WHERE seq = ?');
  for (const row of db.prepare<{ seq: number; submission: string }>('SELECT seq, submission FROM submissions').all()) {
    update.run(submissionDigest(JSON.parse(row.submission) as Submission), row.seq);
  }
}

export class SqliteSubmissionStore implements SubmissionStore {
  readonly kind = 'sqlite';
  readonly #db: SqliteDatabase;
  readonly #insertSubmission: Statement<{ reference: string }>;
  readonly #submissionByKey: Statement<{ reference: string; form_id: string; body_digest: string }>;
  readonly #submissionOfForm: Statement<{ reference: string }>;
  readonly #insertAttachment: Statement<{ ref: string }>;
  readonly #attachmentByContent: Statement<{ ref: string }>;

  /** Opens (and creates, with its folder) the database file; ":memory:" for a throwaway one. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file, { timeout: 5_000 });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    // IMMEDIATE: several receivers opening one file at once create or migrate it once.
    this.#db.transaction(() => {
      const version = this.#db.pragma('user_version', { simple: true });
      if (version === 0) {
        this.#db.exec(SQLITE_SCHEMA);
        this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
      } else if (version === 1) {
        migrateToDigests(this.#db);
        this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
      } else if (version !== SCHEMA_VERSION) {
        throw new Error(`${file} has schema version ${String(version)}; this receiver knows ${SCHEMA_VERSION}.`);
      }
    }).immediate();

    this.#insertSubmission = this.#db.prepare<{ reference: string }>(`
      INSERT INTO submissions (idempotency_key, reference, form_id, form_version, submission, received_at, body_digest)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING reference`);
    this.#submissionByKey = this.#db.prepare<{ reference: string; form_id: string; body_digest: string }>(
      'SELECT reference, form_id, body_digest FROM submissions WHERE idempotency_key = ?');
    this.#submissionOfForm = this.#db.prepare<{ reference: string }>(
      'SELECT reference FROM submissions WHERE idempotency_key = ? AND form_id = ?');
    // The count and the insert are one statement, so the limit holds however requests interleave.
    this.#insertAttachment = this.#db.prepare<{ ref: string }>(`
      INSERT INTO attachments (ref, form_id, submission_id, document_id, file_name, media_type, size, sha256, storage_path, received_at)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      WHERE (SELECT count(*) FROM attachments WHERE submission_id = ? AND document_id = ?) < ?
      ON CONFLICT (submission_id, document_id, sha256) DO NOTHING
      RETURNING ref`);
    this.#attachmentByContent = this.#db.prepare<{ ref: string }>(
      'SELECT ref FROM attachments WHERE submission_id = ? AND document_id = ? AND sha256 = ?');
  }

  async saveSubmission(record: NewSubmission, newReference: () => string): Promise<SaveSubmissionResult> {
    const json = JSON.stringify(record.submission);
    const digest = submissionDigest(record.submission);
    // One explicit transaction: its COMMIT's error (SQLITE_FULL, SQLITE_IOERR) throws. An autocommit
    // INSERT … RETURNING read with .get() hands back the row before the commit and loses that error.
    const save = this.#db.transaction((reference: string): SaveSubmissionResult => {
      const inserted = this.#insertSubmission.all(
        record.idempotencyKey, reference, record.formId, record.formVersion, json, record.receivedAt.toISOString(), digest)[0];
      if (inserted) return { status: 'created', reference: inserted.reference };
      const first = this.#submissionByKey.get(record.idempotencyKey);
      if (!first) throw new Error('A submission conflicted on its key but is not there.');
      if (first.form_id !== record.formId) return { status: 'conflict' };
      return first.body_digest === digest ? { status: 'replayed', reference: first.reference } : { status: 'changed' };
    });
    for (let attempt = 1; ; attempt++) {
      try {
        return save.immediate(newReference());
      } catch (error) {
        // The only other UNIQUE column is the reference: a (very rare) collision, so draw again.
        if (isUniqueViolation(error) && attempt < REFERENCE_TRIES) continue;
        throw error;
      }
    }
  }

  async findSubmission(formId: string, submissionId: string): Promise<{ reference: string } | null> {
    const row = this.#submissionOfForm.get(submissionId, formId);
    return row ? { reference: row.reference } : null;
  }

  async saveAttachment(record: NewAttachment, maxPerDocument: number): Promise<SaveAttachmentResult> {
    const inserted = this.#insertAttachment.get(
      record.ref, record.formId, record.submissionId, record.documentId, record.fileName, record.type, record.size,
      record.sha256, record.storagePath, record.receivedAt.toISOString(),
      record.submissionId, record.documentId, maxPerDocument);
    if (inserted) return { status: 'created', ref: inserted.ref };
    const same = this.#attachmentByContent.get(record.submissionId, record.documentId, record.sha256);
    return same ? { status: 'duplicate', ref: same.ref } : { status: 'too-many' };
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

// The SubmissionStore of the reference receiver: one SQLite file in the data folder, through
// better-sqlite3. Statements are synchronous and each is atomic; WAL lets readers (a caseworker's
// export, a backup) work beside the receiver, and synchronous=FULL makes a stored submission survive a
// power cut before the user is told its reference.
import Database, {
  type Database as SqliteDatabase,
  type SqliteError,
  type Statement,
  type Transaction,
} from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Submission } from '../../../src/engine/submission.ts';
import type { AttachmentType } from './file-types.ts';
import {
  NO_OFFICE,
  type AccessEntry,
  type CaseAttachment,
  type CaseStatus,
  type CaseStore,
  type OfficeScope,
  type StoredCase,
} from './case-store.ts';
import { submissionDigest } from './digest.ts';
import {
  followUpEventOf,
  type FollowUpCase,
  type FollowUpEvent,
  type FollowUpEventRow,
  type FollowUpLink,
  type FollowUpStore,
} from './follow-up-store.ts';
import {
  rethrowStorageFault,
  storageGuarded,
  type NewAttachment,
  type NewSubmission,
  type SaveAttachmentResult,
  type SaveSubmissionResult,
  type StoredUpload,
  type SubmissionQuota,
  type SubmissionStore,
} from './store.ts';

export const SQLITE_FILE_NAME = 'klarskjema.sqlite';
/** 1: the first schema. 2: submissions.body_digest (the submissionDigest of the stored body). 3: the inbox:
 *  submissions.office and status, and the append-only access_log. 4: documents sent later: follow_up_links,
 *  follow_up_events and submissions.follow_ups. */
export const SCHEMA_VERSION = 4;
const REFERENCE_TRIES = 5;

/** The readiness probe's table: one row, rewritten by every probe; its blobs are written and deleted. */
const HEALTH_SCHEMA = `
CREATE TABLE IF NOT EXISTS health (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  probed_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS health_probe (
  seq   INTEGER PRIMARY KEY,
  bytes BLOB NOT NULL
) STRICT;
`;
/** What a readiness probe writes: room for a few submissions (16 pages of 4 KiB). */
const PROBE_BYTES = 64 * 1024;

export interface SqliteStoreOptions {
  /** PRAGMA max_page_count: the most pages the file may have (a test and ops knob that makes a
   *  small disk without a small file system: past it, writes fail with SQLITE_FULL). */
  maxPageCount?: number;
  /** How long a write waits for another connection's lock before it fails as SQLITE_BUSY (503). Default 5 s. */
  busyTimeoutMs?: number;
}

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
${HEALTH_SCHEMA}`;

/** Schema 2 → 3: the inbox (case-store.ts). The access log refuses UPDATE and DELETE in the database itself. */
const INBOX_SCHEMA = `
ALTER TABLE submissions ADD COLUMN office TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN status TEXT NOT NULL DEFAULT 'mottatt'
  CHECK (status IN ('mottatt', 'under-behandling', 'ferdig'));
ALTER TABLE submissions ADD COLUMN status_changed_at TEXT;
ALTER TABLE submissions ADD COLUMN status_changed_by TEXT;
CREATE INDEX IF NOT EXISTS submissions_office ON submissions (office, seq);
CREATE TABLE IF NOT EXISTS access_log (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  caseworker TEXT NOT NULL,
  office     TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('list', 'record', 'attachment', 'status')),
  reference  TEXT,
  detail     TEXT
) STRICT;
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
`;

/** Schema 3 → 4: documents sent later (follow-up-store.ts). A link is kept as its secret's SHA-256 only. */
const FOLLOW_UP_SCHEMA = `
ALTER TABLE submissions ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS follow_up_links (
  seq           INTEGER PRIMARY KEY,
  reference     TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL,
  issued_at     TEXT NOT NULL,
  expires_at    TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS follow_up_links_reference ON follow_up_links (reference);
CREATE TABLE IF NOT EXISTS follow_up_events (
  seq        INTEGER PRIMARY KEY,
  reference  TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('received', 'not-had')),
  document   TEXT NOT NULL,
  at         TEXT NOT NULL,
  attachment TEXT,
  reason     TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS follow_up_events_reference ON follow_up_events (reference, seq);
`;

interface CaseRow {
  reference: string;
  idempotency_key: string;
  form_id: string;
  form_version: string;
  office: string;
  received_at: string;
  status: CaseStatus;
  status_changed_at: string | null;
  status_changed_by: string | null;
  follow_ups: number;
  submission: string;
}
const CASE_COLUMNS =
  'reference, idempotency_key, form_id, form_version, office, received_at, status, status_changed_at, status_changed_by, follow_ups, submission';

const caseOf = (row: CaseRow): StoredCase => ({
  reference: row.reference,
  submissionId: row.idempotency_key,
  formId: row.form_id,
  formVersion: row.form_version,
  office: row.office,
  receivedAt: new Date(row.received_at),
  status: row.status,
  ...(row.status_changed_at ? { statusChangedAt: new Date(row.status_changed_at) } : {}),
  ...(row.status_changed_by ? { statusChangedBy: row.status_changed_by } : {}),
  followUps: row.follow_ups,
  submission: JSON.parse(row.submission) as Submission,
});

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && (error as SqliteError).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** The folder (0700) and the database file (0600) for the owner only; SQLite gives its -wal and -shm
 *  files the database file's mode. Existing ones are tightened. */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const created = !existsSync(file);
  closeSync(openSync(file, 'a', 0o600));
  // A new file's name is durable once its folder is fsynced (SQLite does that for its -wal itself).
  if (created) {
    const folder = openSync(dirname(file), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((statSync(path).mode & 0o777) !== 0o600) chmodSync(path, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Schema 1 → 2: every stored submission gets the digest of the body it was stored with. */
function migrateToDigests(db: SqliteDatabase): void {
  db.exec("ALTER TABLE submissions ADD COLUMN body_digest TEXT NOT NULL DEFAULT ''");
  db.exec(HEALTH_SCHEMA);
  const update = db.prepare('UPDATE submissions SET body_digest = ? WHERE seq = ?');
  for (const row of db.prepare<{ seq: number; submission: string }>('SELECT seq, submission FROM submissions').all()) {
    update.run(submissionDigest(JSON.parse(row.submission) as Submission), row.seq);
  }
}

interface CaseAttachmentRow {
  ref: string;
  document_id: string;
  file_name: string | null;
  media_type: AttachmentType;
  size: number;
  storage_path: string;
  received_at: string;
}

export class SqliteSubmissionStore implements SubmissionStore, CaseStore, FollowUpStore {
  readonly kind = 'sqlite';
  readonly #db: SqliteDatabase;
  readonly #insertSubmission: Statement<{ reference: string }>;
  readonly #submissionByKey: Statement<{ reference: string; form_id: string; body_digest: string }>;
  readonly #submissionOfForm: Statement<{ reference: string }>;
  readonly #insertAttachment: Statement<{ ref: string }>;
  readonly #attachmentByContent: Statement<{ ref: string }>;
  readonly #probe: Transaction<() => void>;
  readonly #attachmentCounts: Statement<{ in_document: number; in_submission: number }>;
  readonly #uploadsOf: Statement<StoredUpload>;
  readonly #deleteUnsubmitted: Statement<StoredUpload>;
  readonly #listCases: Statement<CaseRow>;
  readonly #findCase: Statement<CaseRow>;
  readonly #setStatus: Statement;
  readonly #attachmentsOf: Statement<CaseAttachmentRow>;
  readonly #appendAccess: Statement;
  readonly #addLink: Statement;
  readonly #followUpCase: Statement<CaseRow>;
  readonly #linksOf: Statement<{ secret_sha256: string; expires_at: string }>;
  readonly #eventsOf: Statement<FollowUpEventRow>;
  readonly #addEvent: Statement;
  readonly #countEvent: Statement;

  /**
   * Opens (and creates, with its folder) the database file; ":memory:" for a throwaway one. A storage
   * failure while opening (a read-only or full data folder) throws StorageUnavailable.
   */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    try {
      if (file !== ':memory:') ownerOnly(file);
      this.#db = new Database(file, { timeout: options.busyTimeoutMs ?? 5_000 });
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      if (options.maxPageCount !== undefined)
        this.#db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxPageCount))}`);
    } catch (error) {
      rethrowStorageFault(error);
    }
    // IMMEDIATE: several receivers opening one file at once create or migrate it once.
    const migrate = this.#db.transaction(() => {
      const version = this.#db.pragma('user_version', { simple: true });
      if (version === SCHEMA_VERSION) return;
      if (typeof version !== 'number' || version < 0 || version > SCHEMA_VERSION)
        throw new Error(`${file} has schema version ${String(version)}; this receiver knows ${SCHEMA_VERSION}.`);
      if (version === 0) this.#db.exec(SQLITE_SCHEMA);
      if (version === 1) migrateToDigests(this.#db);
      if (version < 3) this.#db.exec(INBOX_SCHEMA);
      this.#db.exec(FOLLOW_UP_SCHEMA);
      this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
    try {
      migrate.immediate();
    } catch (error) {
      if (this.#db.open) this.#db.close();
      rethrowStorageFault(error);
    }

    this.#insertSubmission = this.#db.prepare<{ reference: string }>(`
      INSERT INTO submissions (idempotency_key, reference, form_id, form_version, submission, received_at, body_digest, office)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING reference`);
    this.#submissionByKey = this.#db.prepare<{ reference: string; form_id: string; body_digest: string }>(
      'SELECT reference, form_id, body_digest FROM submissions WHERE idempotency_key = ?',
    );
    this.#submissionOfForm = this.#db.prepare<{ reference: string }>(
      'SELECT reference FROM submissions WHERE idempotency_key = ? AND form_id = ?',
    );
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
      'SELECT ref FROM attachments WHERE submission_id = ? AND document_id = ? AND sha256 = ?',
    );
    const markProbe = this.#db.prepare(
      'INSERT INTO health (id, probed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at',
    );
    const writeProbe = this.#db.prepare('INSERT INTO health_probe (bytes) VALUES (zeroblob(?))');
    const clearProbe = this.#db.prepare('DELETE FROM health_probe');
    // Needs PROBE_BYTES of free pages (from the free list or by growing the file) and a commit; the
    // pages go back to the free list for the next submission.
    this.#probe = this.#db.transaction(() => {
      writeProbe.run(PROBE_BYTES);
      clearProbe.run();
      markProbe.run(new Date().toISOString());
    });
    this.#attachmentCounts = this.#db.prepare<{ in_document: number; in_submission: number }>(
      'SELECT count(*) FILTER (WHERE document_id = ?) AS in_document, count(*) AS in_submission FROM attachments WHERE submission_id = ?',
    );
    this.#uploadsOf = this.#db.prepare<StoredUpload>(
      'SELECT ref, document_id AS documentId, storage_path AS storagePath FROM attachments WHERE form_id = ? AND submission_id = ? ORDER BY seq',
    );
    // ISO 8601 UTC strings of one length sort as their instants do.
    this.#deleteUnsubmitted = this.#db.prepare<StoredUpload>(`
      DELETE FROM attachments
      WHERE received_at < ?
        AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.idempotency_key = attachments.submission_id AND s.form_id = attachments.form_id)
      RETURNING ref, document_id AS documentId, storage_path AS storagePath`);
    const inScope = "(office = ? OR (? AND office = ''))";
    // Row values compare in order: older than the cursor's application, or as old and stored before it.
    this.#listCases = this.#db.prepare<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM submissions WHERE ${inScope}
         AND (? IS NULL OR (received_at, seq) < (SELECT received_at, seq FROM submissions WHERE reference = ?))
       ORDER BY received_at DESC, seq DESC LIMIT ?`,
    );
    this.#findCase = this.#db.prepare<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM submissions WHERE reference = ? AND ${inScope}`,
    );
    this.#setStatus = this.#db.prepare(
      `UPDATE submissions SET status = ?, status_changed_at = ?, status_changed_by = ? WHERE reference = ? AND ${inScope}`,
    );
    this.#attachmentsOf = this.#db.prepare<CaseAttachmentRow>(
      'SELECT ref, document_id, file_name, media_type, size, storage_path, received_at FROM attachments WHERE form_id = ? AND submission_id = ? ORDER BY seq',
    );
    this.#appendAccess = this.#db.prepare(
      'INSERT INTO access_log (at, caseworker, office, action, reference, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#addLink = this.#db.prepare(
      'INSERT INTO follow_up_links (reference, secret_sha256, issued_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.#followUpCase = this.#db.prepare<CaseRow>(`SELECT ${CASE_COLUMNS} FROM submissions WHERE reference = ?`);
    this.#linksOf = this.#db.prepare<{ secret_sha256: string; expires_at: string }>(
      'SELECT secret_sha256, expires_at FROM follow_up_links WHERE reference = ? ORDER BY seq',
    );
    this.#eventsOf = this.#db.prepare<FollowUpEventRow>(
      'SELECT kind, document, at, attachment, reason FROM follow_up_events WHERE reference = ? ORDER BY seq',
    );
    this.#addEvent = this.#db.prepare(
      'INSERT INTO follow_up_events (reference, kind, document, at, attachment, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#countEvent = this.#db.prepare('UPDATE submissions SET follow_ups = follow_ups + 1 WHERE reference = ?');
  }

  async addFollowUpLink(reference: string, link: FollowUpLink, issuedAt: Date): Promise<void> {
    const add = this.#db.transaction(() =>
      this.#addLink.run(reference, link.secretSha256, issuedAt.toISOString(), link.expiresAt.toISOString()),
    );
    storageGuarded(() => add.immediate());
  }

  async followUpCase(reference: string): Promise<FollowUpCase | null> {
    return storageGuarded(() => {
      const row = this.#followUpCase.get(reference);
      if (!row) return null;
      const links = this.#linksOf
        .all(reference)
        .map((link) => ({ secretSha256: link.secret_sha256, expiresAt: new Date(link.expires_at) }));
      const found = caseOf(row);
      return {
        reference: found.reference,
        submissionId: found.submissionId,
        formId: found.formId,
        formVersion: found.formVersion,
        receivedAt: found.receivedAt,
        status: found.status,
        submission: found.submission,
        links,
      };
    });
  }

  async followUpEvents(reference: string): Promise<FollowUpEvent[]> {
    return storageGuarded(() => this.#eventsOf.all(reference)).map(followUpEventOf);
  }

  async addFollowUpEvent(reference: string, event: FollowUpEvent): Promise<void> {
    const add = this.#db.transaction(() => {
      this.#addEvent.run(
        reference,
        event.kind,
        event.document,
        event.at.toISOString(),
        event.kind === 'received' ? event.attachment : null,
        event.kind === 'not-had' ? event.reason : null,
      );
      this.#countEvent.run(reference);
    });
    storageGuarded(() => add.immediate());
  }

  async listCases(scope: OfficeScope, limit: number, after?: string): Promise<StoredCase[]> {
    return storageGuarded(() =>
      this.#listCases
        .all(scope.office, scope.includeUnassigned ? 1 : 0, after ?? null, after ?? null, limit)
        .map(caseOf),
    );
  }

  async findCase(scope: OfficeScope, reference: string): Promise<StoredCase | null> {
    const row = storageGuarded(() => this.#findCase.get(reference, scope.office, scope.includeUnassigned ? 1 : 0));
    return row ? caseOf(row) : null;
  }

  async setCaseStatus(
    scope: OfficeScope,
    reference: string,
    status: CaseStatus,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const update = this.#db.transaction(
      () =>
        this.#setStatus.run(status, at.toISOString(), by, reference, scope.office, scope.includeUnassigned ? 1 : 0)
          .changes,
    );
    return storageGuarded(() => update.immediate()) === 1;
  }

  async attachmentsOf(formId: string, submissionId: string): Promise<CaseAttachment[]> {
    return storageGuarded(() => this.#attachmentsOf.all(formId, submissionId)).map((row) => ({
      ref: row.ref,
      documentId: row.document_id,
      fileName: row.file_name,
      type: row.media_type,
      size: row.size,
      storagePath: row.storage_path,
      receivedAt: new Date(row.received_at),
    }));
  }

  async appendAccess(entry: AccessEntry): Promise<void> {
    const append = this.#db.transaction(() =>
      this.#appendAccess.run(
        entry.at.toISOString(),
        entry.caseworker,
        entry.office,
        entry.action,
        entry.reference ?? null,
        entry.detail ?? null,
      ),
    );
    storageGuarded(() => append.immediate());
  }

  async saveSubmission(record: NewSubmission, newReference: () => string): Promise<SaveSubmissionResult> {
    const json = JSON.stringify(record.submission);
    const digest = submissionDigest(record.submission);
    // One explicit transaction: its COMMIT's error (SQLITE_FULL, SQLITE_IOERR) throws. An autocommit
    // INSERT … RETURNING read with .get() hands back the row before the commit and loses that error.
    const save = this.#db.transaction((reference: string): SaveSubmissionResult => {
      const inserted = this.#insertSubmission.all(
        record.idempotencyKey,
        reference,
        record.formId,
        record.formVersion,
        json,
        record.receivedAt.toISOString(),
        digest,
        record.office ?? NO_OFFICE,
      )[0];
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
        rethrowStorageFault(error);
      }
    }
  }

  async findSubmission(formId: string, submissionId: string): Promise<{ reference: string } | null> {
    const row = storageGuarded(() => this.#submissionOfForm.get(submissionId, formId));
    return row ? { reference: row.reference } : null;
  }

  async saveAttachment(
    record: NewAttachment,
    maxPerDocument: number,
    quota: SubmissionQuota,
  ): Promise<SaveAttachmentResult> {
    // As for submissions: an explicit transaction, so that a failed COMMIT throws.
    const save = this.#db.transaction((): SaveAttachmentResult => {
      const inserted = this.#insertAttachment.all(
        record.ref,
        record.formId,
        record.submissionId,
        record.documentId,
        record.fileName,
        record.type,
        record.size,
        record.sha256,
        record.storagePath,
        record.receivedAt.toISOString(),
        record.submissionId,
        record.documentId,
        maxPerDocument,
        record.submissionId,
        quota.files,
        record.submissionId,
        record.size,
        quota.bytes,
      )[0];
      if (inserted) return { status: 'created', ref: inserted.ref };
      const same = this.#attachmentByContent.get(record.submissionId, record.documentId, record.sha256);
      if (same) return { status: 'duplicate', ref: same.ref };
      // Which limit refused it, for the answer; the refusal itself was decided inside the insert.
      const counts = this.#attachmentCounts.get(record.documentId, record.submissionId)!;
      if (counts.in_document >= maxPerDocument) return { status: 'too-many' };
      return counts.in_submission >= quota.files ? { status: 'quota-files' } : { status: 'quota-bytes' };
    });
    return storageGuarded(() => save.immediate());
  }

  async uploadsOf(formId: string, submissionId: string): Promise<StoredUpload[]> {
    return storageGuarded(() => this.#uploadsOf.all(formId, submissionId));
  }

  async deleteUnsubmittedUploads(receivedBefore: Date): Promise<StoredUpload[]> {
    const sweep = this.#db.transaction(() => this.#deleteUnsubmitted.all(receivedBefore.toISOString()));
    return storageGuarded(() => sweep.immediate());
  }

  async ping(): Promise<void> {
    storageGuarded(() => this.#db.prepare('SELECT 1').get());
  }

  async probeWrite(): Promise<void> {
    storageGuarded(() => this.#probe.immediate());
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

// The SubmissionStore on PostgreSQL, through node-postgres (`pg`): for several receivers behind a load
// balancer, on one database (docs/decisions/0013-postgresql.md). The promises are SQLite's (0005):
// - a submission is stored once per idempotency key by the UNIQUE key and INSERT … ON CONFLICT DO NOTHING,
//   never by check-then-insert, so concurrent repeats in any number of processes store one row;
// - the upload limits are counted under pg_advisory_xact_lock(hashtextextended(submission_id, 0)), so that
//   two processes cannot both see room for the last file;
// - every write is acknowledged only after its COMMIT returned, and a storage failure (the server gone,
//   a full disk, too many connections, a standby that cannot write) is StorageUnavailable: a 503.
// Attachment bytes stay in the data folder (the receiver writes and fsyncs them); this store keeps rows.
import { randomBytes } from 'node:crypto';
import pg, { type PoolClient, type PoolConfig } from 'pg';
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
import type { AttachmentType } from './file-types.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import { MIGRATIONS, type Migration } from './pg-migrations.ts';
import {
  StorageUnavailable,
  type NewAttachment,
  type NewSubmission,
  type SaveAttachmentResult,
  type SaveSubmissionResult,
  type StoredUpload,
  type SubmissionQuota,
  type SubmissionStore,
} from './store.ts';

const REFERENCE_TRIES = 5;
/** A transaction that hit a deadlock or a serialization failure is run again this many times in all. */
const TRANSACTION_TRIES = 3;
/** What a readiness probe writes and commits: room for a few submissions. */
const PROBE_BYTES = 64 * 1024;
/** The advisory lock of the migrations: one receiver migrates, the others wait and find nothing to do. */
const MIGRATION_LOCK = "hashtextextended('klarskjema_migrations', 0)";

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database?sslmode=verify-full&sslrootcert=… (libpq's URL). Without one, node-postgres
   *  reads PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (and ~/.pgpass) as libpq does. */
  connectionString?: string;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** How long a request waits for a free connection (or a new one) before it is a 503. Default 5 s. */
  connectTimeoutMs?: number;
  /** The server cancels a statement after this long (57014: a 503). Default 15 s. */
  statementTimeoutMs?: number;
  /** Migrations to apply (tests give their own). Default MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** SQLSTATEs (or their classes) that mean the database cannot store right now, not that the request is wrong. */
const STORAGE_STATES = new Set([
  '53000',
  '53100',
  '53200',
  '53300',
  '53400', // insufficient resources: disk full, out of memory, too many connections
  '57P01',
  '57P02',
  '57P03',
  '57P04',
  '57014', // shut down, crashed, not yet accepting, database dropped, cancelled (timeout)
  '55P03',
  '25006',
  '25P03', // lock timeout, read-only transaction (a standby), idle-in-transaction timeout
  '40001',
  '40P01', // serialization failure and deadlock, once the retries are spent
  '58000',
  '58030',
  'XX001',
  'XX002', // system and I/O errors, corrupted data or index
  '28000',
  '28P01',
  '3D000', // cannot log in, or the database is not there (a misconfigured or moved server)
]);
/** Errors of the connection itself (Node's codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
]);
/** node-postgres's own words for a lost connection, a pool that timed out or was closed (they quote no data). */
const PG_CLIENT_FAULTS: ReadonlyArray<[RegExp, string]> = [
  [/^Connection terminated/i, 'PG_CONNECTION_LOST'],
  [/connection error and is not queryable|Client was closed and is not queryable/i, 'PG_CONNECTION_LOST'],
  [/timeout exceeded when trying to connect/i, 'PG_POOL_TIMEOUT'],
  [/Cannot use a pool after calling end/i, 'PG_POOL_CLOSED'],
  [/Query read timeout/i, 'PG_QUERY_TIMEOUT'],
];
const RETRY_STATES = new Set(['40001', '40P01']);

const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** error as a StorageUnavailable when it is a PostgreSQL storage failure; null when it is something else. */
export function postgresStorageFault(error: unknown): StorageUnavailable | null {
  if (error instanceof StorageUnavailable) return error;
  if (!(error instanceof Error)) return null;
  const state = sqlState(error);
  if (state && (STORAGE_STATES.has(state) || state.startsWith('08')))
    return new StorageUnavailable(`PG_${state}`, { cause: error });
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return new StorageUnavailable(code, { cause: error });
  const known = PG_CLIENT_FAULTS.find(([pattern]) => pattern.test(error.message));
  return known ? new StorageUnavailable(known[1], { cause: error }) : null;
}

const rethrow = (error: unknown): never => {
  throw postgresStorageFault(error) ?? error;
};

/**
 * The connection string with libpq's TLS variables folded in where the URL has none of its own:
 * PGSSLMODE → sslmode, PGSSLROOTCERT (or KLARSKJEMA_DATABASE_CA) → sslrootcert, PGSSLCERT → sslcert,
 * PGSSLKEY → sslkey. node-postgres reads these from the URL (and the files they name) but not from the
 * environment, except PGSSLMODE without a URL.
 */
export function withTlsFromEnv(connectionString: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(connectionString);
  const fromEnv: Array<[string, string | undefined]> = [
    ['sslmode', env.PGSSLMODE],
    ['sslrootcert', env.KLARSKJEMA_DATABASE_CA ?? env.PGSSLROOTCERT],
    ['sslcert', env.PGSSLCERT],
    ['sslkey', env.PGSSLKEY],
  ];
  for (const [name, value] of fromEnv) {
    if (value && !url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** A connection string fit for a log line: user, host, port and database; never the password or the query. */
export function describeDatabase(connectionString: string | undefined): string {
  if (!connectionString) return 'postgresql (from PGHOST, PGDATABASE, …)';
  try {
    const url = new URL(connectionString);
    return `postgresql://${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'postgresql (a connection string that is not a URL)';
  }
}

export interface PostgresEnvConfig extends PostgresStoreOptions {
  connectionString: string;
}

const positiveInteger = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number, not "${text}".`);
  return value;
};

/** The store's options from KLARSKJEMA_DATABASE_URL (required), KLARSKJEMA_DATABASE_POOL_SIZE,
 *  KLARSKJEMA_DATABASE_CONNECT_TIMEOUT_MS, KLARSKJEMA_DATABASE_STATEMENT_TIMEOUT_MS and the TLS variables. */
export function postgresConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PostgresEnvConfig {
  const url = env.KLARSKJEMA_DATABASE_URL;
  if (!url)
    throw new Error('KLARSKJEMA_DATABASE_URL is not set (postgres://user@host:5432/database?sslmode=verify-full).');
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error('KLARSKJEMA_DATABASE_URL must start with postgres:// or postgresql://.');
  const poolSize = positiveInteger(env, 'KLARSKJEMA_DATABASE_POOL_SIZE');
  const connectTimeoutMs = positiveInteger(env, 'KLARSKJEMA_DATABASE_CONNECT_TIMEOUT_MS');
  const statementTimeoutMs = positiveInteger(env, 'KLARSKJEMA_DATABASE_STATEMENT_TIMEOUT_MS');
  return {
    connectionString: withTlsFromEnv(url, env),
    ...(poolSize ? { poolSize } : {}),
    ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
    ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
  };
}

interface SubmissionRow {
  reference: string;
  form_id: string;
  body_digest: string;
}
interface CountsRow {
  in_document: number;
  in_submission: number;
}

interface CaseRow {
  reference: string;
  idempotency_key: string;
  form_id: string;
  form_version: string;
  office: string;
  received_at: Date;
  status: CaseStatus;
  status_changed_at: Date | null;
  status_changed_by: string | null;
  follow_ups: number;
  submission: Submission;
}
const CASE_COLUMNS =
  'reference, idempotency_key, form_id, form_version, office, received_at, status, status_changed_at, status_changed_by, follow_ups, submission';
/** $1 the office, $2 whether submissions without one count. */
const IN_SCOPE = "(office = $1 OR ($2::boolean AND office = ''))";

const caseOf = (row: CaseRow): StoredCase => ({
  reference: row.reference,
  submissionId: row.idempotency_key,
  formId: row.form_id,
  formVersion: row.form_version,
  office: row.office,
  receivedAt: row.received_at,
  status: row.status,
  ...(row.status_changed_at ? { statusChangedAt: row.status_changed_at } : {}),
  ...(row.status_changed_by ? { statusChangedBy: row.status_changed_by } : {}),
  followUps: row.follow_ups,
  submission: row.submission,
});

export class PostgresSubmissionStore implements SubmissionStore, CaseStore, FollowUpStore {
  readonly kind = 'postgresql';
  readonly #pool: pg.Pool;
  readonly #migrations: readonly Migration[];
  #schema: Promise<void> | null = null;

  /** Makes the pool; connects on first use. Call migrate() at start-up (every method does it on first use). */
  constructor(options: PostgresStoreOptions = {}) {
    const config: PoolConfig = {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      application_name: 'klarskjema-receiver',
      keepAlive: true,
      ...(options.connectionString ? { connectionString: options.connectionString } : {}),
    };
    this.#pool = new pg.Pool(config);
    // An idle connection that the server closes (a restart, a failover) is dropped by the pool; without a
    // listener the 'error' event would end the process.
    this.#pool.on('error', () => {});
    this.#migrations = options.migrations ?? MIGRATIONS;
  }

  /**
   * Applies the migrations this database lacks, once, however many receivers start at once. Rejects with
   * StorageUnavailable when the database cannot be reached (a later call tries again), and with an Error
   * when the database is newer than this receiver or its server would acknowledge before writing to disk.
   */
  migrate(): Promise<void> {
    this.#schema ??= this.#applyMigrations().catch((error: unknown) => {
      this.#schema = null;
      throw error;
    });
    return this.#schema;
  }

  async #applyMigrations(): Promise<void> {
    const known = Math.max(0, ...this.#migrations.map((m) => m.version));
    await this.#inTransaction(
      async (client) => {
        // Up to date: nothing to write, so that a database that only reads (a standby) can still answer reads.
        const current = await this.#schemaVersion(client);
        if (current === known) {
          await this.#checkDurability(client);
          return;
        }
        if (current > known)
          throw new Error(
            `The database has schema version ${current}; this receiver knows up to ${known}. Run the newer receiver.`,
          );
        await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        await this.#checkDurability(client);
        await client.query(`CREATE TABLE IF NOT EXISTS klarskjema_migrations (
        version    integer     PRIMARY KEY,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
        const applied = new Set(
          (await client.query<{ version: number }>('SELECT version FROM klarskjema_migrations')).rows.map(
            (r) => r.version,
          ),
        );
        const newest = Math.max(0, ...applied);
        if (newest > known) {
          throw new Error(
            `The database has schema version ${newest}; this receiver knows up to ${known}. Run the newer receiver.`,
          );
        }
        for (const migration of [...this.#migrations].sort((a, b) => a.version - b.version)) {
          if (applied.has(migration.version)) continue;
          await client.query(migration.sql);
          await client.query('INSERT INTO klarskjema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
        }
      },
      { migrated: false },
    );
  }

  /** The newest migration applied; 0 for a new database. */
  async #schemaVersion(client: PoolClient): Promise<number> {
    const present = (
      await client.query<{ present: boolean }>("SELECT to_regclass('klarskjema_migrations') IS NOT NULL AS present")
    ).rows[0]?.present;
    if (!present) return 0;
    return (
      (
        await client.query<{ version: number }>(
          'SELECT coalesce(max(version), 0) AS version FROM klarskjema_migrations',
        )
      ).rows[0]?.version ?? 0
    );
  }

  async #checkDurability(client: PoolClient): Promise<void> {
    const settings = await client.query<{ fsync: string; synchronous_commit: string }>(
      "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit",
    );
    const { fsync, synchronous_commit: synchronousCommit } = settings.rows[0]!;
    if (fsync !== 'on' || synchronousCommit === 'off') {
      throw new Error(
        `The database has fsync=${fsync}, synchronous_commit=${synchronousCommit}: it would acknowledge submissions ` +
          'before they are on disk. The receiver needs fsync=on and synchronous_commit other than off.',
      );
    }
  }

  /**
   * Runs work in one transaction on one connection: BEGIN, work, COMMIT. Resolves only after COMMIT
   * returned; a deadlock or serialization failure runs it again; a connection that failed is discarded.
   */
  async #inTransaction<T>(work: (client: PoolClient) => Promise<T>, { migrated = true } = {}): Promise<T> {
    if (migrated) await this.migrate();
    for (let attempt = 1; ; attempt++) {
      let client: PoolClient;
      try {
        client = await this.#pool.connect();
      } catch (error) {
        // Any failure to get a connection (refused, TLS, authentication, pool timeout) means no storage now.
        throw postgresStorageFault(error) ?? new StorageUnavailable('PG_CONNECT', { cause: error });
      }
      let broken: Error | undefined;
      // A connection that dies while checked out emits 'error' on its client; unheard, that would end the process.
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
        });
        if (RETRY_STATES.has(sqlState(error) ?? '') && attempt < TRANSACTION_TRIES) continue;
        rethrow(error);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    }
  }

  async #query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    await this.migrate();
    try {
      return (await this.#pool.query<R>(text, values)).rows;
    } catch (error) {
      return rethrow(error);
    }
  }

  async saveSubmission(record: NewSubmission, newReference: () => string): Promise<SaveSubmissionResult> {
    const digest = submissionDigest(record.submission);
    const json = JSON.stringify(record.submission);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#inTransaction(async (client): Promise<SaveSubmissionResult> => {
          // Under READ COMMITTED a concurrent insert of the same key waits for the other transaction; then
          // this one does nothing (it committed) or inserts (it rolled back). Never two rows.
          const inserted = await client.query<{ reference: string }>(
            `
            INSERT INTO submissions (idempotency_key, reference, form_id, form_version, submission, received_at, body_digest, office)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING reference`,
            [
              record.idempotencyKey,
              newReference(),
              record.formId,
              record.formVersion,
              json,
              record.receivedAt,
              digest,
              record.office ?? NO_OFFICE,
            ],
          );
          if (inserted.rows[0]) return { status: 'created', reference: inserted.rows[0].reference };
          // A new statement: its snapshot sees the row that the conflict was with.
          const first = (
            await client.query<SubmissionRow>(
              'SELECT reference, form_id, body_digest FROM submissions WHERE idempotency_key = $1',
              [record.idempotencyKey],
            )
          ).rows[0];
          if (!first) throw new Error('A submission conflicted on its key but is not there.');
          if (first.form_id !== record.formId) return { status: 'conflict' };
          return first.body_digest === digest
            ? { status: 'replayed', reference: first.reference }
            : { status: 'changed' };
        });
      } catch (error) {
        // The only other UNIQUE column is the reference: a (very rare) collision, so draw again.
        const cause = error instanceof StorageUnavailable ? null : (error as { code?: unknown; constraint?: unknown });
        if (cause?.code === '23505' && cause.constraint === 'submissions_reference' && attempt < REFERENCE_TRIES)
          continue;
        throw error;
      }
    }
  }

  async findSubmission(formId: string, submissionId: string): Promise<{ reference: string } | null> {
    const rows = await this.#query<{ reference: string }>(
      'SELECT reference FROM submissions WHERE idempotency_key = $1 AND form_id = $2',
      [submissionId, formId],
    );
    return rows[0] ? { reference: rows[0].reference } : null;
  }

  async saveAttachment(
    record: NewAttachment,
    maxPerDocument: number,
    quota: SubmissionQuota,
  ): Promise<SaveAttachmentResult> {
    return this.#inTransaction(async (client): Promise<SaveAttachmentResult> => {
      // Per submission id, as the quota is: uploads of one submission wait for each other, in every receiver.
      // The insert below is a later statement, so its snapshot sees every upload committed before the lock.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [record.submissionId]);
      const inserted = await client.query<{ ref: string }>(
        `
        INSERT INTO attachments (ref, form_id, submission_id, document_id, file_name, media_type, size, sha256, storage_path, received_at)
        SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::integer, $8::text, $9::text, $10::timestamptz
        WHERE (SELECT count(*) FROM attachments WHERE submission_id = $3 AND document_id = $4) < $11::integer
          AND (SELECT count(*) FROM attachments WHERE submission_id = $3) < $12::integer
          AND (SELECT coalesce(sum(size), 0) FROM attachments WHERE submission_id = $3) + $7::integer <= $13::bigint
        ON CONFLICT (submission_id, document_id, sha256) DO NOTHING
        RETURNING ref`,
        [
          record.ref,
          record.formId,
          record.submissionId,
          record.documentId,
          record.fileName,
          record.type,
          record.size,
          record.sha256,
          record.storagePath,
          record.receivedAt,
          maxPerDocument,
          quota.files,
          quota.bytes,
        ],
      );
      if (inserted.rows[0]) return { status: 'created', ref: inserted.rows[0].ref };
      const same = (
        await client.query<{ ref: string }>(
          'SELECT ref FROM attachments WHERE submission_id = $1 AND document_id = $2 AND sha256 = $3',
          [record.submissionId, record.documentId, record.sha256],
        )
      ).rows[0];
      if (same) return { status: 'duplicate', ref: same.ref };
      // Which limit refused it, for the answer; the refusal itself was decided inside the insert.
      const counts = (
        await client.query<CountsRow>(
          'SELECT (count(*) FILTER (WHERE document_id = $1))::int AS in_document, count(*)::int AS in_submission FROM attachments WHERE submission_id = $2',
          [record.documentId, record.submissionId],
        )
      ).rows[0]!;
      if (counts.in_document >= maxPerDocument) return { status: 'too-many' };
      return counts.in_submission >= quota.files ? { status: 'quota-files' } : { status: 'quota-bytes' };
    });
  }

  async uploadsOf(formId: string, submissionId: string): Promise<StoredUpload[]> {
    return this.#query<StoredUpload>(
      'SELECT ref, document_id AS "documentId", storage_path AS "storagePath" FROM attachments WHERE form_id = $1 AND submission_id = $2 ORDER BY seq',
      [formId, submissionId],
    );
  }

  async deleteUnsubmittedUploads(receivedBefore: Date): Promise<StoredUpload[]> {
    // Several receivers may sweep at once: each row is deleted (and returned) by exactly one of them.
    return this.#inTransaction(
      async (client) =>
        (
          await client.query<StoredUpload>(
            `
      DELETE FROM attachments a
      WHERE a.received_at < $1
        AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.idempotency_key = a.submission_id AND s.form_id = a.form_id)
      RETURNING a.ref, a.document_id AS "documentId", a.storage_path AS "storagePath"`,
            [receivedBefore],
          )
        ).rows,
    );
  }

  async listCases(scope: OfficeScope, limit: number, after?: string): Promise<StoredCase[]> {
    const rows = await this.#query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM submissions WHERE ${IN_SCOPE}
         AND ($4::text IS NULL OR (received_at, seq) < (SELECT received_at, seq FROM submissions WHERE reference = $4))
       ORDER BY received_at DESC, seq DESC LIMIT $3`,
      [scope.office, scope.includeUnassigned, limit, after ?? null],
    );
    return rows.map(caseOf);
  }

  async findCase(scope: OfficeScope, reference: string): Promise<StoredCase | null> {
    const rows = await this.#query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM submissions WHERE ${IN_SCOPE} AND reference = $3`,
      [scope.office, scope.includeUnassigned, reference],
    );
    return rows[0] ? caseOf(rows[0]) : null;
  }

  async setCaseStatus(
    scope: OfficeScope,
    reference: string,
    status: CaseStatus,
    by: string,
    at: Date,
  ): Promise<boolean> {
    return this.#inTransaction(
      async (client) =>
        (
          await client.query(
            `UPDATE submissions SET status = $4, status_changed_at = $5, status_changed_by = $6 WHERE ${IN_SCOPE} AND reference = $3`,
            [scope.office, scope.includeUnassigned, reference, status, at, by],
          )
        ).rowCount === 1,
    );
  }

  async attachmentsOf(formId: string, submissionId: string): Promise<CaseAttachment[]> {
    const rows = await this.#query<{
      ref: string;
      document_id: string;
      file_name: string | null;
      media_type: AttachmentType;
      size: number;
      storage_path: string;
      received_at: Date;
    }>(
      'SELECT ref, document_id, file_name, media_type, size, storage_path, received_at FROM attachments WHERE form_id = $1 AND submission_id = $2 ORDER BY seq',
      [formId, submissionId],
    );
    return rows.map((row) => ({
      ref: row.ref,
      documentId: row.document_id,
      fileName: row.file_name,
      type: row.media_type,
      size: row.size,
      storagePath: row.storage_path,
      receivedAt: row.received_at,
    }));
  }

  async appendAccess(entry: AccessEntry): Promise<void> {
    await this.#inTransaction(async (client) => {
      await client.query(
        'INSERT INTO access_log (at, caseworker, office, action, reference, detail) VALUES ($1, $2, $3, $4, $5, $6)',
        [entry.at, entry.caseworker, entry.office, entry.action, entry.reference ?? null, entry.detail ?? null],
      );
    });
  }

  async addFollowUpLink(reference: string, link: FollowUpLink, issuedAt: Date): Promise<void> {
    await this.#inTransaction(async (client) => {
      await client.query(
        'INSERT INTO follow_up_links (reference, secret_sha256, issued_at, expires_at) VALUES ($1, $2, $3, $4)',
        [reference, link.secretSha256, issuedAt, link.expiresAt],
      );
    });
  }

  async followUpCase(reference: string): Promise<FollowUpCase | null> {
    const rows = await this.#query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM submissions WHERE reference = $1`, [
      reference,
    ]);
    if (!rows[0]) return null;
    const found = caseOf(rows[0]);
    const links = await this.#query<{ secret_sha256: string; expires_at: Date }>(
      'SELECT secret_sha256, expires_at FROM follow_up_links WHERE reference = $1 ORDER BY seq',
      [reference],
    );
    return {
      reference: found.reference,
      submissionId: found.submissionId,
      formId: found.formId,
      formVersion: found.formVersion,
      receivedAt: found.receivedAt,
      status: found.status,
      submission: found.submission,
      links: links.map((link) => ({ secretSha256: link.secret_sha256, expiresAt: link.expires_at })),
    };
  }

  async followUpEvents(reference: string): Promise<FollowUpEvent[]> {
    return (
      await this.#query<FollowUpEventRow>(
        'SELECT kind, document, at, attachment, reason FROM follow_up_events WHERE reference = $1 ORDER BY seq',
        [reference],
      )
    ).map(followUpEventOf);
  }

  async addFollowUpEvent(reference: string, event: FollowUpEvent): Promise<void> {
    await this.#inTransaction(async (client) => {
      await client.query(
        'INSERT INTO follow_up_events (reference, kind, document, at, attachment, reason) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          reference,
          event.kind,
          event.document,
          event.at,
          event.kind === 'received' ? event.attachment : null,
          event.kind === 'not-had' ? event.reason : null,
        ],
      );
      await client.query('UPDATE submissions SET follow_ups = follow_ups + 1 WHERE reference = $1', [reference]);
    });
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1', []);
  }

  async probeWrite(): Promise<void> {
    // Bytes that do not compress, written and deleted, and a commit: the heap and the WAL must have room, and
    // the server must accept writes (a standby after a failover does not: 25006).
    const bytes = randomBytes(PROBE_BYTES);
    await this.#inTransaction(async (client) => {
      await client.query('INSERT INTO klarskjema_health_probe (bytes) VALUES ($1)', [bytes]);
      await client.query('DELETE FROM klarskjema_health_probe');
      await client.query(
        'INSERT INTO klarskjema_health (id, probed_at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at',
      );
    });
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

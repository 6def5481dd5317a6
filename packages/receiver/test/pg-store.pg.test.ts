// The PostgreSQL store against a real server (vitest.postgres.config.ts): idempotency and quotas with many
// connections at once (each store its own pool, as each receiver process has), migrations by several stores at
// once, and storage failures as StorageUnavailable. Two real receiver processes: pg-cluster.pg.test.ts.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference } from '../src/reference.ts';
import {
  describeDatabase,
  PostgresSubmissionStore,
  postgresConfigFromEnv,
  postgresStorageFault,
  withTlsFromEnv,
} from '../src/pg-store.ts';
import type { Migration } from '../src/pg-migrations.ts';
import { MIGRATIONS } from '../src/pg-migrations.ts';
import { StorageUnavailable, storageFault, type NewAttachment } from '../src/store.ts';
import { createTestDatabase, kontaktSubmission, postgresRows, postgresServerUrl } from './helpers.ts';

const STORES = 4;
const KEYS = 150;

/** One statement as the server's superuser, on the database of `url` (default the server's own). */
async function admin(sql: string, url?: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url ?? (await postgresServerUrl()) });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const record = (id: string, formId = 'kontakt') => ({
  idempotencyKey: id,
  formId,
  formVersion: '1.0.0',
  submission: kontaktSubmission({ id }),
  receivedAt: new Date(),
});

const attachment = (submissionId: string, documentId: string, sha256: string, size = 1000): NewAttachment => ({
  ref: randomUUID(),
  formId: 'stotte',
  submissionId,
  documentId,
  fileName: null,
  type: 'application/pdf',
  size,
  sha256,
  storagePath: `attachments/stotte/${submissionId}/${sha256}`,
  receivedAt: new Date(),
});

let url = '';
const opened: PostgresSubmissionStore[] = [];
const open = (options: ConstructorParameters<typeof PostgresSubmissionStore>[0] = {}): PostgresSubmissionStore => {
  const store = new PostgresSubmissionStore({ connectionString: url, ...options });
  opened.push(store);
  return store;
};

beforeAll(async () => {
  url = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});

describe('PostgresSubmissionStore: many connections at once', () => {
  it(`${STORES} stores (${STORES} pools) migrating at once apply each migration once`, async () => {
    const fresh = await createTestDatabase();
    const stores = Array.from({ length: STORES }, () => open({ connectionString: fresh }));
    await Promise.all(stores.map((store) => store.migrate()));
    const applied = await admin('SELECT version FROM klarskjema_migrations ORDER BY version', fresh);
    expect(applied.map((r) => r.version as number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it(`${STORES} stores storing the same ${KEYS} keys at once end as exactly ${KEYS} rows, one reference per key`, async () => {
    const stores = Array.from({ length: STORES }, () => open({ poolSize: 5 }));
    const keys = Array.from({ length: KEYS }, () => randomUUID());
    const results = await Promise.all(
      stores.map((store, i) =>
        Promise.all(
          (i % 2 === 0 ? keys : [...keys].reverse()).map(
            async (key) => [key, await store.saveSubmission(record(key), () => createReference())] as const,
          ),
        ),
      ),
    );
    const all = results.flat();
    expect(all.filter(([, saved]) => saved.status === 'created')).toHaveLength(KEYS);
    expect(all.filter(([, saved]) => saved.status === 'replayed')).toHaveLength((STORES - 1) * KEYS);
    const referenceOf = new Map<string, Set<string>>();
    for (const [key, saved] of all)
      if ('reference' in saved) referenceOf.set(key, (referenceOf.get(key) ?? new Set()).add(saved.reference));
    expect([...referenceOf.values()].every((references) => references.size === 1)).toBe(true);
    expect(postgresRows(url).count('submissions')).toBe(KEYS);
  });

  it('holds the per-document limit and the quota of files and bytes when every upload of one id comes at once, through several stores', async () => {
    const stores = Array.from({ length: STORES }, () => open({ poolSize: 5 }));
    const id = randomUUID();
    // 40 different files for two documents, 10 per store: at most 3 per document, 5 in all.
    const uploads = Array.from({ length: 40 }, (_, i) =>
      stores[i % STORES]!.saveAttachment(
        attachment(id, i % 2 === 0 ? 'husleiekontrakt' : 'lonnsslipp', `file-${i}`),
        3,
        { files: 5, bytes: 1_000_000 },
      ),
    );
    const statuses = (await Promise.all(uploads)).map((saved) => saved.status);
    expect(statuses.filter((s) => s === 'created')).toHaveLength(5);
    expect(statuses.filter((s) => s !== 'created' && s !== 'too-many' && s !== 'quota-files')).toEqual([]);
    const rows = postgresRows(url)
      .rows('attachments')
      .filter((r) => r.submission_id === id);
    expect(rows).toHaveLength(5);
    for (const document of ['husleiekontrakt', 'lonnsslipp'])
      expect(rows.filter((r) => r.document_id === document).length).toBeLessThanOrEqual(3);

    // Bytes: ten files of 300 bytes against 1000 bytes: three fit.
    const bytesId = randomUUID();
    const big = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stores[i % STORES]!.saveAttachment(attachment(bytesId, 'husleiekontrakt', `big-${i}`, 300), 20, {
          files: 60,
          bytes: 1000,
        }),
      ),
    );
    expect(big.filter((saved) => saved.status === 'created')).toHaveLength(3);
    expect(big.filter((saved) => saved.status === 'quota-bytes')).toHaveLength(7);

    // The same bytes at once from every store: one row, the others "duplicate" with its ref.
    const sameId = randomUUID();
    const same = await Promise.all(
      stores.map((store) =>
        store.saveAttachment(attachment(sameId, 'husleiekontrakt', 'same'), 3, { files: 5, bytes: 1_000_000 }),
      ),
    );
    const created = same.filter((saved) => saved.status === 'created');
    expect(created).toHaveLength(1);
    expect(same.filter((saved) => saved.status === 'duplicate').map((saved) => 'ref' in saved && saved.ref)).toEqual(
      Array(STORES - 1).fill('ref' in created[0]! && created[0].ref),
    );
  });
});

describe('PostgresSubmissionStore: what each call answers', () => {
  it('replays the same body, refuses a changed one or another form, and draws a new reference when one is taken', async () => {
    const store = open();
    const draws = ['KS-2026-AAAA-AAAA', 'KS-2026-AAAA-AAAA', 'KS-2026-BBBB-BBBB'];
    const next = () => draws.shift() ?? 'KS-2026-CCCC-CCCC';
    const first = randomUUID();
    const submission = kontaktSubmission({ id: first });
    expect(await store.saveSubmission({ ...record(first), submission }, next)).toEqual({
      status: 'created',
      reference: 'KS-2026-AAAA-AAAA',
    });
    expect(await store.saveSubmission(record(randomUUID()), next)).toEqual({
      status: 'created',
      reference: 'KS-2026-BBBB-BBBB',
    });
    expect(
      await store.saveSubmission(
        { ...record(first), submission: { ...submission, submittedAt: '2026-03-03T11:00:00.000Z' } },
        next,
      ),
    ).toEqual({ status: 'replayed', reference: 'KS-2026-AAAA-AAAA' });
    const changed = { ...submission, answers: { ...submission.answers, tolkesprak: 'ar' } };
    expect(await store.saveSubmission({ ...record(first), submission: changed }, next)).toEqual({ status: 'changed' });
    expect(await store.saveSubmission({ ...record(first, 'stotte'), submission }, next)).toEqual({
      status: 'conflict',
    });
    expect(await store.findSubmission('kontakt', first)).toEqual({ reference: 'KS-2026-AAAA-AAAA' });
    expect(await store.findSubmission('stotte', first)).toBeNull();
    // The stored body is the submission, whole.
    const row = postgresRows(url)
      .rows('submissions')
      .find((r) => r.idempotency_key === first)!;
    expect(JSON.parse(row.submission as string)).toEqual(submission);
  });

  it('sweeps only old uploads whose submission never came, and lists the uploads of a submission in order', async () => {
    const store = open();
    const submitted = randomUUID();
    const abandoned = randomUUID();
    const old = new Date('2026-01-01T00:00:00.000Z');
    const kept = { ...attachment(submitted, 'husleiekontrakt', 'kept'), receivedAt: old };
    const gone = { ...attachment(abandoned, 'husleiekontrakt', 'gone'), receivedAt: old };
    const fresh = attachment(abandoned, 'lonnsslipp', 'fresh');
    for (const a of [kept, gone, fresh])
      expect((await store.saveAttachment(a, 3, { files: 5, bytes: 1_000_000 })).status).toBe('created');
    await store.saveSubmission({ ...record(submitted, 'stotte') }, () => createReference());
    const swept = await store.deleteUnsubmittedUploads(new Date('2026-02-01T00:00:00.000Z'));
    expect(swept).toEqual([{ ref: gone.ref, documentId: 'husleiekontrakt', storagePath: gone.storagePath }]);
    expect(await store.uploadsOf('stotte', abandoned)).toEqual([
      { ref: fresh.ref, documentId: 'lonnsslipp', storagePath: fresh.storagePath },
    ]);
    expect(await store.uploadsOf('stotte', submitted)).toEqual([
      { ref: kept.ref, documentId: 'husleiekontrakt', storagePath: kept.storagePath },
    ]);
    await store.ping();
    await store.probeWrite();
  });
});

describe('PostgresSubmissionStore: migrations', () => {
  it('applies a later migration once, and refuses a database newer than the receiver', async () => {
    const fresh = await createTestDatabase();
    await open({ connectionString: fresh }).migrate();
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'a test column',
      sql: 'ALTER TABLE submissions ADD COLUMN note text',
    };
    await Promise.all([
      open({ connectionString: fresh, migrations: [...MIGRATIONS, next] }).migrate(),
      open({ connectionString: fresh, migrations: [...MIGRATIONS, next] }).migrate(),
    ]);
    expect(
      (await admin('SELECT version FROM klarskjema_migrations ORDER BY version', fresh)).map(
        (r) => r.version as number,
      ),
    ).toEqual([...MIGRATIONS.map((m) => m.version), next.version]);
    const older = open({ connectionString: fresh });
    const refused = await older.migrate().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(StorageUnavailable);
    expect((refused as Error).message).toContain(
      `schema version ${MIGRATIONS.length + 1}; this receiver knows up to ${MIGRATIONS.length}`,
    );
    // And every call of that store says so, rather than writing into a schema it does not know.
    await expect(older.findSubmission('kontakt', 'some-id-123')).rejects.toThrow(
      `schema version ${MIGRATIONS.length + 1}`,
    );
  });

  it('refuses a database that would acknowledge before writing to disk (synchronous_commit = off)', async () => {
    const fresh = await createTestDatabase();
    const name = new URL(fresh).pathname.slice(1);
    await admin(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    const refused = await open({ connectionString: fresh })
      .migrate()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).not.toBeInstanceOf(StorageUnavailable);
    expect((refused as Error).message).toMatch(/synchronous_commit=off/);
  });
});

describe('PostgresSubmissionStore: storage failures are StorageUnavailable (503), and it recovers', () => {
  it('a server that is not there: ECONNREFUSED, for writes, reads and the probe', async () => {
    // A port that nothing listens on: the server's own, after asking it which is free is not possible, so a
    // database URL on port 1 (privileged, never a PostgreSQL server in a test machine).
    const store = open({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectTimeoutMs: 2_000 });
    for (const call of [
      store.saveSubmission(record(randomUUID()), () => createReference()),
      store.findSubmission('kontakt', 'some-id-123'),
      store.probeWrite(),
    ]) {
      await expect(call).rejects.toMatchObject({ name: 'StorageUnavailable', code: 'ECONNREFUSED' });
    }
  });

  it('connections cut by the server (pg_terminate_backend) fail as StorageUnavailable, and the next call works', async () => {
    const store = open({ poolSize: 2 });
    await store.ping();
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      // Hold the submission's advisory lock, so that the upload waits inside its transaction; then cut it.
      const id = randomUUID();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [id]);
      // Its failure is taken at once (an outcome to check below, not an unhandled rejection meanwhile).
      const waiting = store
        .saveAttachment(attachment(id, 'husleiekontrakt', 'cut'), 3, { files: 5, bytes: 1_000_000 })
        .then(
          () => null,
          (error: unknown) => error,
        );
      const name = new URL(url).pathname.slice(1);
      // Wait until the upload is really waiting for the lock (an event, not a duration).
      for (;;) {
        const rows = await admin(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${name}' AND wait_event_type = 'Lock' AND application_name = 'klarskjema-receiver'`,
        );
        if ((rows[0]!.n as number) > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await admin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'klarskjema-receiver' AND pid <> pg_backend_pid()`,
      );
      expect(await waiting).toBeInstanceOf(StorageUnavailable);
      await blocker.query('ROLLBACK');
      expect(
        postgresRows(url)
          .rows('attachments')
          .filter((r) => r.submission_id === id),
      ).toHaveLength(0);
      // The pool drops the dead connections; the next call gets a new one.
      expect(
        (await store.saveAttachment(attachment(id, 'husleiekontrakt', 'cut'), 3, { files: 5, bytes: 1_000_000 }))
          .status,
      ).toBe('created');
    } finally {
      await blocker.end();
    }
  });

  it('a lock held past the statement timeout is StorageUnavailable PG_57014, and nothing is stored', async () => {
    const store = open({ statementTimeoutMs: 200 });
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      const id = randomUUID();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [id]);
      await expect(
        store.saveAttachment(attachment(id, 'husleiekontrakt', 'late'), 3, { files: 5, bytes: 1_000_000 }),
      ).rejects.toMatchObject({ name: 'StorageUnavailable', code: 'PG_57014' });
      await blocker.query('ROLLBACK');
      expect(await store.uploadsOf('stotte', id)).toEqual([]);
    } finally {
      await blocker.end();
    }
  });

  it('a database that only reads (a standby, default_transaction_read_only) is StorageUnavailable PG_25006 for writes and the probe', async () => {
    const fresh = await createTestDatabase();
    const store = open({ connectionString: fresh });
    await store.migrate();
    const name = new URL(fresh).pathname.slice(1);
    await admin(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    const readOnly = open({ connectionString: fresh });
    const id = randomUUID();
    await expect(readOnly.saveSubmission(record(id), () => createReference())).rejects.toMatchObject({
      name: 'StorageUnavailable',
      code: 'PG_25006',
    });
    await expect(readOnly.probeWrite()).rejects.toMatchObject({ name: 'StorageUnavailable', code: 'PG_25006' });
    expect(await readOnly.findSubmission('kontakt', id)).toBeNull();
  });

  it('too many connections for the role: StorageUnavailable PG_53300', async () => {
    const fresh = await createTestDatabase();
    const name = new URL(fresh).pathname.slice(1);
    const role = `receiver_${name.slice(-12)}`;
    await admin(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`);
    const asRole = new URL(fresh);
    asRole.username = role;
    await expect(open({ connectionString: asRole.href }).ping()).rejects.toMatchObject({
      name: 'StorageUnavailable',
      code: 'PG_53300',
    });
  });

  it("classifies by SQLSTATE, Node code and node-postgres's words, and nothing else", () => {
    const withCode = (code: string) => Object.assign(new Error('x'), { code });
    for (const [code, expected] of [
      ['53100', 'PG_53100'],
      ['53200', 'PG_53200'],
      ['53300', 'PG_53300'],
      ['57P01', 'PG_57P01'],
      ['57P02', 'PG_57P02'],
      ['57P03', 'PG_57P03'],
      ['08006', 'PG_08006'],
      ['08001', 'PG_08001'],
      ['25006', 'PG_25006'],
      ['40001', 'PG_40001'],
      ['40P01', 'PG_40P01'],
      ['ECONNREFUSED', 'ECONNREFUSED'],
      ['ECONNRESET', 'ECONNRESET'],
    ] as const) {
      expect(postgresStorageFault(withCode(code))?.code).toBe(expected);
    }
    expect(postgresStorageFault(new Error('Connection terminated unexpectedly'))?.code).toBe('PG_CONNECTION_LOST');
    expect(postgresStorageFault(new Error('timeout exceeded when trying to connect'))?.code).toBe('PG_POOL_TIMEOUT');
    for (const code of ['23505', '22P02', '42P01', '42703', 'ENOENT'])
      expect(postgresStorageFault(withCode(code))).toBeNull();
    expect(postgresStorageFault(new Error('something else'))).toBeNull();
    // What the store throws is what the receiver's storageFault already knows.
    expect(storageFault(postgresStorageFault(withCode('53100')))).toBeInstanceOf(StorageUnavailable);
  });
});

describe('configuration from the environment', () => {
  it("takes the URL, the pool and the timeouts, folds libpq's TLS variables into the URL, and never shows the password", () => {
    const config = postgresConfigFromEnv({
      KLARSKJEMA_DATABASE_URL: 'postgres://klarskjema:s3cret@db.internal:5432/klarskjema?sslmode=verify-full',
      KLARSKJEMA_DATABASE_POOL_SIZE: '20',
      KLARSKJEMA_DATABASE_CA: '/etc/klarskjema/db-ca.pem',
      PGSSLMODE: 'disable',
    });
    expect(config.poolSize).toBe(20);
    const parsed = new URL(config.connectionString);
    expect(parsed.searchParams.get('sslmode')).toBe('verify-full'); // the URL's own wins
    expect(parsed.searchParams.get('sslrootcert')).toBe('/etc/klarskjema/db-ca.pem');
    expect(
      new URL(
        withTlsFromEnv('postgres://a@b/c', {
          PGSSLMODE: 'require',
          PGSSLROOTCERT: '/ca.pem',
          PGSSLCERT: '/c.pem',
          PGSSLKEY: '/k.pem',
        }),
      ).search,
    ).toBe('?sslmode=require&sslrootcert=%2Fca.pem&sslcert=%2Fc.pem&sslkey=%2Fk.pem');
    expect(describeDatabase(config.connectionString)).toBe('postgresql://klarskjema@db.internal:5432/klarskjema');
    expect(() => postgresConfigFromEnv({})).toThrow(/KLARSKJEMA_DATABASE_URL is not set/);
    expect(() => postgresConfigFromEnv({ KLARSKJEMA_DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() =>
      postgresConfigFromEnv({ KLARSKJEMA_DATABASE_URL: 'postgres://x/y', KLARSKJEMA_DATABASE_POOL_SIZE: 'many' }),
    ).toThrow(/POOL_SIZE/);
  });
});

/** A CA and a server certificate for 127.0.0.1 signed by it, made with openssl; and a second CA that signed nothing. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]): void => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
  };
  for (const ca of ['ca', 'other-ca']) {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=klarskjema test ${ca}`,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.pem`,
    );
  }
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName = IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    'server.crt',
    '-extfile',
    'server.ext',
  );
}

describe('TLS by environment', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klarskjema-tls-'));
    makeCertificates(dir);
    // The server runs as `postgres` when the tests run as root: it must own its key (mode 0600).
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
      for (const file of ['', 'server.crt', 'server.key']) chownSync(join(dir, file), id('-u'), id('-g'));
    }
    await admin(`ALTER SYSTEM SET ssl_cert_file = '${join(dir, 'server.crt')}'`);
    await admin(`ALTER SYSTEM SET ssl_key_file = '${join(dir, 'server.key')}'`);
    await admin('ALTER SYSTEM SET ssl = on');
    await admin('SELECT pg_reload_conf()');
    // The reload is asynchronous: wait until a new connection sees it (an event, not a duration).
    while ((await admin('SHOW ssl'))[0]!.ssl !== 'on') await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(async () => {
    await admin('ALTER SYSTEM RESET ssl');
    await admin('ALTER SYSTEM RESET ssl_cert_file');
    await admin('ALTER SYSTEM RESET ssl_key_file');
    await admin('SELECT pg_reload_conf()');
    rmSync(dir, { recursive: true, force: true });
  });

  it('sslmode=verify-full with the CA from KLARSKJEMA_DATABASE_CA connects encrypted; another CA is refused as StorageUnavailable', async () => {
    const verified = postgresConfigFromEnv({
      KLARSKJEMA_DATABASE_URL: `${url}?sslmode=verify-full`,
      KLARSKJEMA_DATABASE_CA: join(dir, 'ca.pem'),
    });
    const store = open(verified);
    await store.ping();
    await store.probeWrite();
    const client = new pg.Client({ connectionString: verified.connectionString });
    await client.connect();
    try {
      expect((await client.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0].ssl).toBe(true);
    } finally {
      await client.end();
    }
    const wrongCa = postgresConfigFromEnv({
      KLARSKJEMA_DATABASE_URL: `${url}?sslmode=verify-full`,
      PGSSLROOTCERT: join(dir, 'other-ca.pem'),
    });
    const refused = await open(wrongCa)
      .ping()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(StorageUnavailable);
    // Refused for the certificate, by Node's TLS: the chain does not lead to the CA given.
    expect(((refused as StorageUnavailable).cause as { code?: string }).code).toMatch(/CERT|SIGNATURE|ISSUER/);
  });
});

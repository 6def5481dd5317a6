// The SQLite store (SQLite-only: PostgreSQL has pg-store.pg.test.ts) under real concurrency: several threads, each with its own connection to one
// file, storing the same keys at once. Only the UNIQUE key and INSERT … ON CONFLICT keep it to one row each.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { submissionDigest } from '../src/digest.ts';
import { createReference } from '../src/reference.ts';
import { SCHEMA_VERSION, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import { openWhenAvailable, StorageUnavailable, storageFault } from '../src/store.ts';
import { kontaktSubmission } from './helpers.ts';

const WRITERS = 4;
/** A worker thread runs plain JavaScript: this one has tsx load the TypeScript writer. */
const tsxApi = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
).href;
const WRITER = `import(${JSON.stringify(tsxApi)})
  .then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./store-race-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}));`;
const KEYS = 150;

describe('SqliteSubmissionStore', () => {
  it(`${WRITERS} threads storing the same ${KEYS} keys at once end as exactly ${KEYS} rows, one reference per key`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-race-'));
    const file = join(dir, 'race.sqlite');
    try {
      await new SqliteSubmissionStore(file).close(); // the schema, once
      const keys = Array.from({ length: KEYS }, () => randomUUID());
      const start = new SharedArrayBuffer(4);
      const workers = Array.from(
        { length: WRITERS },
        (_, i) =>
          new Worker(WRITER, {
            eval: true,
            // Each writer in its own order, so they collide everywhere.
            workerData: { file, start, keys: i % 2 === 0 ? keys : [...keys].reverse() },
          }),
      );
      // Each writer says 'ready' at the start line, then sends its results.
      const ready: Array<Promise<void>> = [];
      const results = workers.map((worker) => {
        let isReady: () => void = () => {};
        ready.push(
          new Promise<void>((resolve) => {
            isReady = resolve;
          }),
        );
        return new Promise<Array<[string, string, string]>>((resolve, reject) => {
          worker.on('message', (message: unknown) =>
            message === 'ready' ? isReady() : resolve(message as Array<[string, string, string]>),
          );
          worker.once('error', reject);
        });
      });
      // Every writer has its connection open and waits at the start line: then they all go at once.
      await Promise.race([Promise.all(ready), Promise.all(results)]);
      const gate = new Int32Array(start);
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      const all = (await Promise.all(results)).flat();

      expect(all).toHaveLength(WRITERS * KEYS);
      expect(all.filter(([, status]) => status === 'created')).toHaveLength(KEYS);
      expect(all.filter(([, status]) => status === 'replayed')).toHaveLength((WRITERS - 1) * KEYS);
      const referenceOf = new Map<string, Set<string>>();
      for (const [key, , reference] of all) referenceOf.set(key, (referenceOf.get(key) ?? new Set()).add(reference));
      expect([...referenceOf.values()].every((references) => references.size === 1)).toBe(true);
      const db = new Database(file, { readonly: true });
      expect(db.prepare<{ n: number }>('SELECT count(*) AS n FROM submissions').get()!.n).toBe(KEYS);
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws a new reference when one is already taken', async () => {
    const store = new SqliteSubmissionStore(':memory:');
    const draws = ['KS-2026-AAAA-AAAA', 'KS-2026-AAAA-AAAA', 'KS-2026-BBBB-BBBB'];
    const next = () => draws.shift() ?? 'KS-2026-CCCC-CCCC';
    const record = (id: string) => ({
      idempotencyKey: id,
      formId: 'kontakt',
      formVersion: '1.0.0',
      submission: kontaktSubmission({ id }),
      receivedAt: new Date(),
    });
    expect(await store.saveSubmission(record('first-key-1'), next)).toEqual({
      status: 'created',
      reference: 'KS-2026-AAAA-AAAA',
    });
    expect(await store.saveSubmission(record('second-key-2'), next)).toEqual({
      status: 'created',
      reference: 'KS-2026-BBBB-BBBB',
    });
    expect(await store.saveSubmission(record('first-key-1'), next)).toEqual({
      status: 'replayed',
      reference: 'KS-2026-AAAA-AAAA',
    });
    expect(await store.saveSubmission({ ...record('first-key-1'), formId: 'stotte' }, next)).toEqual({
      status: 'conflict',
    });
    await store.close();
  });
});

/** The schema of version 1, as receivers before the body digest created it. */
const SCHEMA_V1 = `
CREATE TABLE submissions (
  seq INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, reference TEXT NOT NULL UNIQUE, form_id TEXT NOT NULL,
  form_version TEXT NOT NULL, submission TEXT NOT NULL, received_at TEXT NOT NULL) STRICT;
CREATE TABLE attachments (
  seq INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, form_id TEXT NOT NULL, submission_id TEXT NOT NULL, document_id TEXT NOT NULL,
  file_name TEXT, media_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, storage_path TEXT NOT NULL,
  received_at TEXT NOT NULL, UNIQUE (submission_id, document_id, sha256)) STRICT;
PRAGMA user_version = 1;`;

describe('SqliteSubmissionStore: idempotency by body digest', () => {
  const record = (submission: ReturnType<typeof kontaktSubmission>, formId = 'kontakt') => ({
    idempotencyKey: submission.id,
    formId,
    formVersion: '1.0.0',
    submission,
    receivedAt: new Date(),
  });

  it('replays the same body (even with a new submittedAt), refuses a changed one as "changed", and stores nothing for either', async () => {
    const store = new SqliteSubmissionStore(':memory:');
    const submission = kontaktSubmission();
    const first = await store.saveSubmission(record(submission), () => 'KS-2026-AAAA-AAAA');
    expect(first).toEqual({ status: 'created', reference: 'KS-2026-AAAA-AAAA' });
    expect(
      await store.saveSubmission(
        record({ ...submission, submittedAt: '2026-03-03T11:00:00.000Z' }),
        () => 'KS-2026-BBBB-BBBB',
      ),
    ).toEqual({ status: 'replayed', reference: 'KS-2026-AAAA-AAAA' });
    const changed = { ...submission, answers: { ...submission.answers, tolkesprak: 'ar' } };
    expect(await store.saveSubmission(record(changed), () => 'KS-2026-CCCC-CCCC')).toEqual({ status: 'changed' });
    expect(await store.saveSubmission(record(changed, 'stotte'), () => 'KS-2026-DDDD-DDDD')).toEqual({
      status: 'conflict',
    });
    expect(await store.findSubmission('kontakt', submission.id)).toEqual({ reference: 'KS-2026-AAAA-AAAA' });
    expect(await store.findSubmission('stotte', submission.id)).toBeNull();
    expect(await store.findSubmission('kontakt', 'no-such-id-1')).toBeNull();
    await store.close();
  });

  it('migrates a schema 1 file in place: existing rows get the digest of their stored body', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-migrate-'));
    const file = join(dir, 'old.sqlite');
    try {
      const old = new Database(file);
      old.exec(SCHEMA_V1);
      const stored = [kontaktSubmission(), kontaktSubmission({ locale: 'en' })];
      stored.forEach((s, i) =>
        old
          .prepare(
            'INSERT INTO submissions (idempotency_key, reference, form_id, form_version, submission, received_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(s.id, `KS-2026-AAAA-AAA${i}`, 'kontakt', '1.0.0', JSON.stringify(s), '2026-03-03T10:00:00.000Z'),
      );
      old.close();

      const store = new SqliteSubmissionStore(file);
      expect(
        await store.saveSubmission(
          record({ ...stored[1]!, submittedAt: '2026-03-05T10:00:00.000Z' }),
          () => 'KS-2026-ZZZZ-ZZZZ',
        ),
      ).toEqual({ status: 'replayed', reference: 'KS-2026-AAAA-AAA1' });
      expect(await store.saveSubmission(record({ ...stored[0]!, locale: 'nn' }), () => 'KS-2026-ZZZZ-ZZZZ')).toEqual({
        status: 'changed',
      });
      await store.close();

      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // Schema 3 (the inbox): every earlier application is "mottatt", without an office (the default office's).
      expect(db.prepare('SELECT DISTINCT status, office FROM submissions').all()).toEqual([
        { status: 'mottatt', office: '' },
      ]);
      const rows = db
        .prepare<{ idempotency_key: string; body_digest: string }>(
          'SELECT idempotency_key, body_digest FROM submissions ORDER BY seq',
        )
        .all();
      expect(rows).toEqual(stored.map((s) => ({ idempotency_key: s.id, body_digest: submissionDigest(s) })));
      db.close();
      // Opening again leaves it as it is.
      await new SqliteSubmissionStore(file).close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteSubmissionStore: storage failures are never hidden', () => {
  it('on a full database (max_page_count) every "created" is committed, and the rest fail as StorageUnavailable SQLITE_FULL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-full-'));
    const file = join(dir, 'full.sqlite');
    try {
      const store = new SqliteSubmissionStore(file, { maxPageCount: 34 });
      await store.probeWrite();
      const created: string[] = [];
      let failure: unknown = null;
      for (let i = 0; i < 1000 && failure === null; i++) {
        const submission = kontaktSubmission({
          answers: { ...kontaktSubmission().answers, beskrivelse: `Søknad ${i}: ${'ord '.repeat(100)}` },
        });
        try {
          const saved = await store.saveSubmission(
            {
              idempotencyKey: submission.id,
              formId: 'kontakt',
              formVersion: '1.0.0',
              submission,
              receivedAt: new Date(),
            },
            () => createReference(),
          );
          if (saved.status === 'created') created.push(saved.reference);
        } catch (error) {
          failure = error;
        }
      }
      expect(failure).toBeInstanceOf(StorageUnavailable);
      expect((failure as StorageUnavailable).code).toBe('SQLITE_FULL');
      expect(created.length).toBeGreaterThan(5);
      await expect(store.probeWrite()).rejects.toBeInstanceOf(StorageUnavailable);
      const attachment = {
        ref: randomUUID(),
        formId: 'stotte',
        submissionId: randomUUID(),
        documentId: 'husleiekontrakt',
        fileName: null,
        type: 'application/pdf' as const,
        size: 1,
        sha256: 'a'.repeat(64),
        storagePath: `attachments/x/${'y'.repeat(50_000)}`,
        receivedAt: new Date(),
      };
      await expect(
        store.saveAttachment(attachment, 20, { files: 60, bytes: 100 * 1024 * 1024 }),
      ).rejects.toBeInstanceOf(StorageUnavailable);
      await store.close();
      const db = new Database(file, { readonly: true });
      const stored = db
        .prepare<{ reference: string }>('SELECT reference FROM submissions ORDER BY seq')
        .all()
        .map((r) => r.reference);
      expect(stored).toEqual(created);
      expect(db.prepare<{ n: number }>('SELECT count(*) AS n FROM attachments').get()!.n).toBe(0);
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a database locked by another connection past the busy timeout is StorageUnavailable SQLITE_BUSY, and nothing is stored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-busy-'));
    const file = join(dir, 'busy.sqlite');
    try {
      const store = new SqliteSubmissionStore(file, { busyTimeoutMs: 50 });
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE'); // holds the write lock until the test lets go
      const submission = kontaktSubmission();
      const record = {
        idempotencyKey: submission.id,
        formId: 'kontakt',
        formVersion: '1.0.0',
        submission,
        receivedAt: new Date(),
      };
      await expect(store.saveSubmission(record, () => createReference())).rejects.toMatchObject({
        name: 'StorageUnavailable',
        code: 'SQLITE_BUSY',
      });
      await expect(store.probeWrite()).rejects.toMatchObject({ name: 'StorageUnavailable', code: 'SQLITE_BUSY' });
      other.exec('ROLLBACK');
      other.close();
      expect(await store.findSubmission('kontakt', submission.id)).toBeNull();
      expect((await store.saveSubmission(record, () => createReference())).status).toBe('created');
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('classifies storage failures by code, and nothing else', () => {
    for (const code of [
      'SQLITE_FULL',
      'SQLITE_IOERR_WRITE',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_BUSY',
      'SQLITE_LOCKED_SHAREDCACHE',
      'SQLITE_CANTOPEN',
      'SQLITE_CORRUPT',
      'ENOSPC',
      'EROFS',
      'EIO',
      'EDQUOT',
    ]) {
      expect(storageFault(Object.assign(new Error('x'), { code }))?.code).toBe(code);
    }
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_FULLX', 'ENOENT', undefined]) {
      expect(storageFault(Object.assign(new Error('x'), { code }))).toBeNull();
    }
    const closed = new SqliteSubmissionStore(':memory:');
    void closed.close();
    return expect(closed.findSubmission('kontakt', 'some-id-123')).rejects.toMatchObject({
      name: 'StorageUnavailable',
      code: 'closed',
    });
  });

  it('a store opened when it can be: a failed opening is retried on use; other errors fail at once', async () => {
    let opened = 0;
    let fail = true;
    const store = openWhenAvailable('sqlite', () => {
      if (fail) throw Object.assign(new Error('read-only'), { code: 'SQLITE_CANTOPEN' });
      opened++;
      return new SqliteSubmissionStore(':memory:');
    });
    expect(store.kind).toBe('sqlite');
    await expect(store.findSubmission('kontakt', 'some-id-123')).rejects.toBeInstanceOf(StorageUnavailable);
    fail = false;
    expect(await store.findSubmission('kontakt', 'some-id-123')).toBeNull();
    await store.probeWrite();
    expect(opened).toBe(1);
    await store.close();
    expect(() =>
      openWhenAvailable('sqlite', () => {
        throw new Error('schema version 9');
      }),
    ).toThrow('schema version 9');
  });
});

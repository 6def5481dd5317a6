// The receiver's storage promises in process: readiness follows the store's ability to write, and the
// data folder is the owner's only. (The real process under real faults: faults.test.ts.) Runs on SQLite and,
// in vitest.postgres.config.ts, on PostgreSQL; the tests named "SQLite:" are about the SQLite file and run on it only.
import Database from 'better-sqlite3';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiver, secureDataFolder, startReceiver } from '../src/receiver.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import type { SubmissionStore } from '../src/store.ts';
import { examplePackage } from '../../../test/helpers/form-packages.ts';
import { FILES, kontaktSubmission, openTestStore, postJson, send, TEST_STORE, uploadToken } from './helpers.ts';

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-storage-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('readiness (/api/health) and liveness (/api/live)', () => {
  it('is ready only after a write probe succeeds; a storage failure makes it unready until a probe succeeds again', async () => {
    const { store: inner } = await openTestStore(dataDir);
    let full = false;
    let probes = 0;
    const sqliteFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const store: SubmissionStore = {
      kind: inner.kind,
      saveSubmission: (record, newReference) =>
        full ? Promise.reject(sqliteFull()) : inner.saveSubmission(record, newReference),
      saveAttachment: (record, max, quota) => inner.saveAttachment(record, max, quota),
      findSubmission: (form, id) => inner.findSubmission(form, id),
      uploadsOf: (form, id) => inner.uploadsOf(form, id),
      deleteUnsubmittedUploads: (before) => inner.deleteUnsubmittedUploads(before),
      ping: () => inner.ping(),
      probeWrite: () => {
        probes++;
        return full ? Promise.reject(sqliteFull()) : inner.probeWrite();
      },
      close: () => inner.close(),
    };
    let clock = Date.parse('2026-03-03T10:00:00.000Z');
    const receiver = createReceiver({
      forms: [await examplePackage('kontakt')],
      store,
      dataDir,
      log: () => {},
      now: () => new Date(clock),
    });
    const started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
    const health = () => send(`${started.url}/api/health`, { method: 'GET' });
    try {
      expect((await health()).status).toBe(200);
      expect((await health()).status).toBe(200);
      expect(probes).toBe(1); // the second within a second of the first: remembered
      full = true;
      const refused = await postJson(`${started.url}/api/forms/kontakt/submissions`, kontaktSubmission());
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('30');
      expect(refused.json).toEqual({
        errors: [{ pointer: '', code: 'storage-unavailable', message: expect.any(String) }],
      });
      const unready = await health();
      expect(unready.status).toBe(503);
      expect(unready.json).toMatchObject({ status: 'unavailable' });
      expect(probes).toBe(2); // the failure forgot the good probe at once
      expect((await send(`${started.url}/api/live`, { method: 'GET' })).json).toEqual({ status: 'live' });
      full = false;
      expect((await health()).status).toBe(200);
      expect(probes).toBe(3);
      clock += 1_500;
      expect((await health()).status).toBe(200);
      expect(probes).toBe(4);
      expect((await postJson(`${started.url}/api/forms/kontakt/submissions`, kontaktSubmission())).status).toBe(201);
      // The probe leaves nothing behind in the data folder.
      expect((await readdir(dataDir)).filter((name) => !name.startsWith(SQLITE_FILE_NAME))).toEqual([]);
    } finally {
      await started.close();
    }
  });

  it.skipIf(TEST_STORE !== 'sqlite')(
    'SQLite: is not ready when the SQLite file is full (max_page_count), and ready again when room is made',
    async () => {
      const file = join(dataDir, SQLITE_FILE_NAME);
      const store = new SqliteSubmissionStore(file, { maxPageCount: 48 });
      const receiver = createReceiver({ forms: [await examplePackage('kontakt')], store, dataDir, log: () => {} });
      const started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
      try {
        expect((await send(`${started.url}/api/health`, { method: 'GET' })).status).toBe(200);
        let status = 201;
        for (let i = 0; i < 500 && status !== 503; i++)
          status = (await postJson(`${started.url}/api/forms/kontakt/submissions`, kontaktSubmission())).status;
        expect(status).toBe(503);
        expect((await send(`${started.url}/api/health`, { method: 'GET' })).status).toBe(503);
        const other = new Database(file);
        other.exec('DELETE FROM submissions'); // whole pages back to the free list
        other.close();
        expect((await send(`${started.url}/api/health`, { method: 'GET' })).status).toBe(200);
      } finally {
        await started.close();
      }
    },
  );
});

describe('permissions', () => {
  it('creates the data folder 0700, the SQLite files (on SQLite) and attachments 0600, attachment folders 0700', async () => {
    const folder = join(dataDir, 'new', 'data');
    await secureDataFolder(folder);
    expect(await modeOf(folder)).toBe(0o700);
    const { store } = await openTestStore(folder);
    const receiver = createReceiver({ forms: [await examplePackage('stotte')], store, dataDir: folder, log: () => {} });
    const started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
    try {
      const id = kontaktSubmission().id;
      const token = await uploadToken(started.url, 'stotte', id);
      const uploaded = await send(
        `${started.url}/api/forms/stotte/submissions/${id}/attachments?document=husleiekontrakt`,
        {
          headers: { 'Content-Type': 'application/pdf', 'Upload-Token': token },
          body: FILES.pdf,
        },
      );
      expect(uploaded.status).toBe(201);
      const { ref } = uploaded.json as { ref: string };
      const sqliteFiles =
        TEST_STORE === 'sqlite' ? [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`] : [];
      for (const path of [...sqliteFiles, `attachments/stotte/${id}/${ref}`, 'upload-secret'])
        expect([path, await modeOf(join(folder, path))]).toEqual([path, 0o600]);
      for (const path of ['attachments', 'attachments/.incoming', 'attachments/stotte', `attachments/stotte/${id}`])
        expect([path, await modeOf(join(folder, path))]).toEqual([path, 0o700]);
    } finally {
      await started.close();
    }
  });

  it.skipIf(TEST_STORE !== 'sqlite')(
    'SQLite: takes an existing world-readable data folder down to the owner at open',
    async () => {
      await mkdir(join(dataDir, 'attachments', 'stotte', 'id-1'), { recursive: true });
      await writeFile(join(dataDir, 'attachments', 'stotte', 'id-1', 'ref-1'), 'x');
      await writeFile(join(dataDir, SQLITE_FILE_NAME), '');
      for (const path of ['', 'attachments', 'attachments/stotte', 'attachments/stotte/id-1'])
        await chmod(join(dataDir, path), 0o755);
      for (const path of [SQLITE_FILE_NAME, 'attachments/stotte/id-1/ref-1']) await chmod(join(dataDir, path), 0o644);
      await secureDataFolder(dataDir);
      for (const path of ['', 'attachments', 'attachments/stotte', 'attachments/stotte/id-1'])
        expect([path, await modeOf(join(dataDir, path))]).toEqual([path, 0o700]);
      for (const path of [SQLITE_FILE_NAME, 'attachments/stotte/id-1/ref-1'])
        expect([path, await modeOf(join(dataDir, path))]).toEqual([path, 0o600]);
      await chmod(join(dataDir, SQLITE_FILE_NAME), 0o644);
      await new SqliteSubmissionStore(join(dataDir, SQLITE_FILE_NAME)).close();
      expect(await modeOf(join(dataDir, SQLITE_FILE_NAME))).toBe(0o600);
    },
  );
});

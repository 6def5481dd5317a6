// The fault suite: the REAL receiver (packages/receiver/src/main.ts) as a child process on 127.0.0.1, a data
// folder of its own per scenario, and real faults: a store that fills up (SQLite's max_page_count on a
// real file), a read-only data folder (chattr +i, which binds root too), and SIGKILL in the middle of
// eight clients uploading and sending. The one promise under test: every 2xx a client saw is in the
// database (attachments byte for byte), nothing is stored twice, and a refusal for storage is a 503
// with Retry-After. No assertion depends on timing; each scenario stops by itself. FAULTS_DEBUG=1
// shows the children's output.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../src/engine/submission.ts';
import { DEFAULT_UPLOAD_TTL_HOURS } from '../src/limits.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import { LEFTOVER_GRACE_MS, removeLeftovers, sweepUploads } from '../src/upload-sweep.ts';
import {
  builtForms,
  cleanUpChildren,
  startChildReceiver,
  stopChildReceiver,
  type ChildReceiver,
} from './child-receiver.ts';
import { FILES, kontaktSubmission, postJson, send, stotteSubmission, type RawResponse } from './helpers.ts';

let formsDir = '';
const temporary: string[] = [];

beforeAll(async () => {
  formsDir = await builtForms(temporary, 'klarskjema-faults-forms-');
});

afterAll(async () => {
  for (const dir of temporary) spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
  await cleanUpChildren(temporary);
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'klarskjema-faults-'));
  temporary.push(dir);
  return join(dir, 'data');
}

/** The receiver as a child process on a free port (child-receiver.ts). */
const startChild = (
  dataDir: string,
  env: Record<string, string> = {},
  ids: { uid?: number; gid?: number } = {},
): Promise<ChildReceiver> => startChildReceiver({ dataDir, formsDir, env, ids, debug: 'FAULTS_DEBUG' });
const stopChild = stopChildReceiver;

// ---------------------------------------------------------------------------------------------------
// Clients

const submissionsUrl = (url: string, form: string): string => `${url}/api/forms/${form}/submissions`;

/**
 * THE one upload call of this suite: an upload token for the submission id, then the file with the token
 * and its name in Content-Disposition. Resolves with the receiver's answer (the token's, when it had none).
 */
async function upload(
  url: string,
  form: string,
  submissionId: string,
  document: string,
  bytes: Buffer,
  type: string,
): Promise<RawResponse> {
  const issued = await send(`${submissionsUrl(url, form)}/${submissionId}/upload-token`, {
    headers: { 'Content-Length': '0' },
  });
  if (issued.status !== 201) return issued;
  const { token } = issued.json as { token: string };
  return send(`${submissionsUrl(url, form)}/${submissionId}/attachments?document=${encodeURIComponent(document)}`, {
    headers: {
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      'Upload-Token': token,
      'Content-Disposition': `attachment; filename*=UTF-8''${type === 'application/pdf' ? 'kontrakt.pdf' : 'kontrakt.png'}`,
    },
    body: bytes,
  });
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A small, valid, unique PDF or PNG (by magic bytes). */
function uniqueFile(kind: 'pdf' | 'png'): { bytes: Buffer; type: string; name: string } {
  const bytes = Buffer.concat([FILES[kind], randomBytes(256 + Math.floor(Math.random() * 1024))]);
  return kind === 'pdf'
    ? { bytes, type: 'application/pdf', name: 'kontrakt.pdf' }
    : { bytes, type: 'image/png', name: 'kontrakt.png' };
}

/** What the clients were told: every acknowledged submission and attachment. */
interface Acknowledged {
  submissions: Map<string, { reference: string; form: string; body: Submission }>;
  attachments: Map<string, { submissionId: string; sha256: string; size: number }>;
}
const noneAcknowledged = (): Acknowledged => ({ submissions: new Map(), attachments: new Map() });

function acknowledge(acks: Acknowledged, body: Submission, response: RawResponse): void {
  if (response.status !== 200 && response.status !== 201) return;
  const { reference } = response.json as { reference: string };
  const earlier = acks.submissions.get(body.id);
  // A second acknowledgement of one id must name the same reference.
  if (earlier) expect(reference).toBe(earlier.reference);
  acks.submissions.set(body.id, { reference, form: body.form.id, body });
}

function expectStorageRefusal(response: RawResponse): void {
  expect(response.status).toBe(503);
  expect(response.headers['retry-after']).toBe('30');
  expect(response.json).toEqual({
    errors: [{ pointer: '', code: 'storage-unavailable', message: expect.any(String) }],
  });
}

/** Reads the database file itself (read-only, its own connection): every acknowledgement is there, attachments byte for byte. */
async function expectAllStored(dataDir: string, acks: Acknowledged): Promise<void> {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<{ idempotency_key: string; reference: string; form_id: string }>(
        'SELECT idempotency_key, reference, form_id FROM submissions',
      )
      .all();
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    expect(byKey.size).toBe(rows.length); // one row per key
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    for (const [id, ack] of acks.submissions)
      expect([id, byKey.get(id)?.reference, byKey.get(id)?.form_id]).toEqual([id, ack.reference, ack.form]);
    const attachments = db
      .prepare<{ ref: string; submission_id: string; sha256: string; size: number; storage_path: string }>(
        'SELECT ref, submission_id, sha256, size, storage_path FROM attachments',
      )
      .all();
    const byRef = new Map(attachments.map((a) => [a.ref, a]));
    for (const [ref, ack] of acks.attachments) {
      const row = byRef.get(ref);
      expect([ref, row?.submission_id, row?.sha256, row?.size]).toEqual([ref, ack.submissionId, ack.sha256, ack.size]);
      const onDisk = await readFile(join(dataDir, row!.storage_path));
      expect([ref, onDisk.length, sha256(onDisk)]).toEqual([ref, ack.size, ack.sha256]);
    }
  } finally {
    db.close();
  }
}

const health = (url: string): Promise<RawResponse> => send(`${url}/api/health`, { method: 'GET' });

// ---------------------------------------------------------------------------------------------------

describe('fault suite: the real receiver as a child process', () => {
  it('a full store (KLARSKJEMA_SQLITE_MAX_PAGES): every 201/200 is in the database, the rest got 503 + Retry-After, and it is not ready', async () => {
    const dataDir = await newDataDir();
    const child = await startChild(dataDir, { KLARSKJEMA_SQLITE_MAX_PAGES: '64' });
    const acks = noneAcknowledged();
    const refused: Submission[] = [];
    try {
      expect((await health(child.url)).status).toBe(200);
      // Four clients at a time until twenty sends in a row were refused.
      let refusedInARow = 0;
      for (let round = 0; round < 200 && refusedInARow < 20; round++) {
        const bodies = Array.from({ length: 4 }, () =>
          kontaktSubmission({
            answers: {
              ...kontaktSubmission().answers,
              beskrivelse: `Runde ${round}. ${'Jeg trenger hjelp. '.repeat(30)}`,
            },
          }),
        );
        const responses = await Promise.all(
          bodies.map((body) => postJson(submissionsUrl(child.url, 'kontakt'), body, { 'Idempotency-Key': body.id })),
        );
        responses.forEach((response, i) => {
          if (response.status === 503) {
            expectStorageRefusal(response);
            refused.push(bodies[i]!);
            refusedInARow++;
          } else {
            expect(response.status).toBe(201);
            acknowledge(acks, bodies[i]!, response);
            refusedInARow = 0;
          }
        });
      }
      expect(refusedInARow).toBeGreaterThanOrEqual(20);
      expect(acks.submissions.size).toBeGreaterThan(10);
      const unready = await health(child.url);
      expect(unready.status).toBe(503);
      expect(unready.json).toMatchObject({ status: 'unavailable' });
      expect((await send(`${child.url}/api/live`, { method: 'GET' })).status).toBe(200);
      // Retries of acknowledged submissions are still answered with their reference (nothing to write).
      for (const { body, reference } of [...acks.submissions.values()].slice(0, 5)) {
        const again = await postJson(submissionsUrl(child.url, 'kontakt'), {
          ...body,
          submittedAt: '2026-03-03T12:00:00.000Z',
        });
        expect([again.status, (again.json as { reference?: string }).reference]).toEqual([200, reference]);
      }
    } finally {
      await stopChild(child);
    }
    await expectAllStored(dataDir, acks);
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const stored = new Set(
      db
        .prepare<{ k: string }>('SELECT idempotency_key AS k FROM submissions')
        .all()
        .map((r) => r.k),
    );
    db.close();
    expect(stored.size).toBe(acks.submissions.size);
    for (const body of refused) expect(stored.has(body.id)).toBe(false);
  });

  describe('a read-only data folder', () => {
    const immutable = (dir: string, on: boolean): boolean =>
      spawnSync('chattr', ['-R', on ? '+i' : '-i', dir], { stdio: 'ignore' }).status === 0;
    let mechanism: 'chattr' | 'nobody' | null = null;
    beforeAll(async () => {
      const probe = await newDataDir();
      await mkdir(probe);
      if (immutable(probe, true) && immutable(probe, false)) mechanism = 'chattr';
      else if (process.getuid?.() === 0) mechanism = 'nobody';
      if (!mechanism)
        console.warn(
          'faults.test.ts: neither chattr +i nor running as root (to drop to "nobody"): the read-only data folder case is skipped.',
        );
    });

    /**
     * Makes dataDir read-only (in a way that binds root), or, for "nobody", read-only for the user the
     * child runs as. With chattr, SQLite's -shm (its shared memory, mmapped) stays writable: a write
     * to a page of an immutable mmapped file is a SIGBUS, which would test the kernel, not the receiver.
     */
    async function makeReadOnly(dataDir: string): Promise<void> {
      if (mechanism === 'chattr') {
        expect(immutable(dataDir, true)).toBe(true);
        spawnSync('chattr', ['-i', join(dataDir, `${SQLITE_FILE_NAME}-shm`)], { stdio: 'ignore' });
        return;
      }
      // Owned by root, readable by others: the child (uid nobody) may read but not write.
      const walk = async (path: string, isFolder: boolean): Promise<void> => {
        await chown(path, 0, 0);
        spawnSync('chmod', [isFolder ? '0755' : '0644', path]);
        if (isFolder)
          for (const entry of await readdir(path, { withFileTypes: true }))
            await walk(join(path, entry.name), entry.isDirectory());
      };
      await walk(dataDir, true);
    }
    async function makeWritable(dataDir: string): Promise<void> {
      if (mechanism === 'chattr') {
        expect(immutable(dataDir, false)).toBe(true);
        return;
      }
      spawnSync('chown', ['-R', '65534:65534', dataDir]);
    }
    const childIds = (): { uid?: number; gid?: number } => (mechanism === 'nobody' ? { uid: 65534, gid: 65534 } : {});
    /** For "nobody": a data folder of its own that it can reach. */
    async function prepare(dataDir: string): Promise<void> {
      if (mechanism !== 'nobody') return;
      await chmod(dirname(dataDir), 0o711);
      await mkdir(dataDir);
      await chown(dataDir, 65534, 65534);
    }

    /**
     * One new submission and one new upload: both need a write, both must be refused with 503. As
     * "nobody" under a running receiver, SQLite's files were opened before the change and stay
     * writable (permissions bind at open): the submission may be stored, and then it is acknowledged.
     */
    async function expectWritesRefused(url: string, acks: Acknowledged, running: boolean): Promise<Submission> {
      const body = stotteSubmission();
      const refusedSubmission = await postJson(submissionsUrl(url, 'stotte'), body, { 'Idempotency-Key': body.id });
      acknowledge(acks, body, refusedSubmission);
      if (!(running && mechanism === 'nobody' && refusedSubmission.status === 201))
        expectStorageRefusal(refusedSubmission);
      const file = uniqueFile('pdf');
      const refusedUpload = await upload(url, 'stotte', body.id, 'husleiekontrakt', file.bytes, file.type);
      expectStorageRefusal(refusedUpload);
      expect((await health(url)).status).toBe(503);
      expect((await send(`${url}/api/live`, { method: 'GET' })).status).toBe(200);
      return body;
    }

    it('made read-only under a running receiver, and a receiver started on one: every write is 503, nothing 2xx is unstored, and it recovers', async () => {
      if (!mechanism) return;
      const dataDir = await newDataDir();
      const acks = noneAcknowledged();
      const stored = stotteSubmission();
      await prepare(dataDir);
      let child = await startChild(dataDir, {}, childIds());
      try {
        const file = uniqueFile('png');
        const uploaded = await upload(child.url, 'stotte', stored.id, 'husleiekontrakt', file.bytes, file.type);
        expect(uploaded.status).toBe(201);
        acks.attachments.set((uploaded.json as { ref: string }).ref, {
          submissionId: stored.id,
          sha256: sha256(file.bytes),
          size: file.bytes.length,
        });
        const first = await postJson(submissionsUrl(child.url, 'stotte'), stored);
        expect(first.status).toBe(201);
        acknowledge(acks, stored, first);

        await makeReadOnly(dataDir);
        const refusedWhileRunning = await expectWritesRefused(child.url, acks, true);
        // A retry of what is stored needs no write: its reference, or a 503; never a new row.
        const retry = await postJson(submissionsUrl(child.url, 'stotte'), stored);
        expect([200, 503]).toContain(retry.status);
        acknowledge(acks, stored, retry);
        await stopChild(child);

        // Started on the read-only folder: it serves, refuses every write, and is not ready.
        child = await startChild(dataDir, {}, childIds());
        const refusedAtStart = await expectWritesRefused(child.url, acks, false);

        // Writable again: ready again, and the refused submissions go through now.
        await makeWritable(dataDir);
        expect((await health(child.url)).status).toBe(200);
        for (const body of [refusedWhileRunning, refusedAtStart]) {
          const response = await postJson(submissionsUrl(child.url, 'stotte'), body);
          expect(response.status).toBe(acks.submissions.has(body.id) ? 200 : 201);
          acknowledge(acks, body, response);
        }
      } finally {
        await stopChild(child);
        await makeWritable(dataDir).catch(() => {});
      }
      await expectAllStored(dataDir, acks);
      const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
      expect(db.prepare<{ n: number }>('SELECT count(*) AS n FROM submissions').get()!.n).toBe(3);
      expect(db.prepare<{ n: number }>('SELECT count(*) AS n FROM attachments').get()!.n).toBe(1);
      db.close();
    });
  });

  it('SIGKILL in the middle of 8 concurrent clients with attachments, 5 times: every 2xx is stored byte for byte, nothing twice, retries replay', async () => {
    const dataDir = await newDataDir();
    const acks = noneAcknowledged();
    const CLIENTS = 8;
    // After how many acknowledgements in a round the receiver is killed: early, late, in between.
    const killAfter = [6, 30, 14, 45, 22];
    /** Submissions whose answer was lost (sent, then the connection died): their uploads were all acknowledged. */
    const lost: Submission[] = [];
    let child = await startChild(dataDir);
    try {
      for (const limit of killAfter) {
        let seen = 0;
        let killed = false;
        const counted = (response: RawResponse): void => {
          if (response.status === 200 || response.status === 201) seen++;
          if (seen >= limit && !killed) {
            killed = true;
            child.process.kill('SIGKILL');
          }
        };
        const url = child.url;
        const client = async (): Promise<void> => {
          // Until the receiver is gone: each application uploads one or two files, then is sent.
          for (;;) {
            const body = stotteSubmission();
            const files = Math.random() < 0.5 ? [uniqueFile('pdf')] : [uniqueFile('pdf'), uniqueFile('png')];
            const answers: Array<{ name: string; size: number; type: string; ref: string }> = [];
            for (const file of files) {
              let response: RawResponse;
              try {
                response = await upload(url, 'stotte', body.id, 'husleiekontrakt', file.bytes, file.type);
              } catch {
                return;
              }
              expect(response.status).toBe(201);
              const { ref } = response.json as { ref: string };
              acks.attachments.set(ref, { submissionId: body.id, sha256: sha256(file.bytes), size: file.bytes.length });
              answers.push({ name: file.name, size: file.bytes.length, type: file.type, ref });
              counted(response);
            }
            const full: Submission = {
              ...body,
              answers: {
                ...body.answers,
                dokumenter: {
                  ...(body.answers.dokumenter as object),
                  husleiekontrakt: { status: 'uploaded', files: answers },
                },
              },
            };
            let response: RawResponse;
            try {
              response = await postJson(submissionsUrl(url, 'stotte'), full, { 'Idempotency-Key': full.id });
            } catch {
              lost.push(full);
              return;
            }
            expect(response.status).toBe(201);
            acknowledge(acks, full, response);
            counted(response);
          }
        };
        await Promise.all(Array.from({ length: CLIENTS }, () => client()));
        await child.exited;
        expect(killed).toBe(true);

        // Restarted on the same data folder: everything acknowledged is there.
        child = await startChild(dataDir);
        await expectAllStored(dataDir, acks);
      }

      // Retries after the last restart: acknowledged ones replay with their reference and their files
      // with their ref; lost ones are stored now or replayed, once.
      for (const { body, reference } of acks.submissions.values()) {
        const again = await postJson(
          submissionsUrl(child.url, 'stotte'),
          { ...body, submittedAt: '2026-03-03T12:00:00.000Z' },
          { 'Idempotency-Key': body.id },
        );
        expect([
          again.status,
          again.headers['idempotency-replayed'],
          (again.json as { reference?: string }).reference,
        ]).toEqual([200, 'true', reference]);
      }
      for (const body of lost) {
        const again = await postJson(submissionsUrl(child.url, 'stotte'), body, { 'Idempotency-Key': body.id });
        expect([200, 201]).toContain(again.status);
        acknowledge(acks, body, again);
      }
      const sample = [...acks.attachments].slice(0, 10);
      for (const [ref, ack] of sample) {
        const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
        const path = db
          .prepare<{ storage_path: string }>('SELECT storage_path FROM attachments WHERE ref = ?')
          .get(ref)!.storage_path;
        db.close();
        const again = await upload(
          child.url,
          'stotte',
          ack.submissionId,
          'husleiekontrakt',
          await readFile(join(dataDir, path)),
          'application/octet-stream',
        );
        expect([again.status, (again.json as { ref?: string }).ref]).toEqual([200, ref]);
      }
    } finally {
      await stopChild(child);
    }
    expect(acks.submissions.size).toBeGreaterThan(20);
    await expectAllStored(dataDir, acks);
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const { n, keys } = db
      .prepare<{ n: number; keys: number }>(
        'SELECT count(*) AS n, count(DISTINCT idempotency_key) AS keys FROM submissions',
      )
      .get()!;
    db.close();
    expect(n).toBe(keys);
    expect(n).toBe(acks.submissions.size);

    // A restart's cleanup and a sweep leave no .part file and no file without its row, and take the uploads
    // whose application never came, row and file; the files of stored applications stay. The cleanup spares
    // files younger than LEFTOVER_GRACE_MS (another receiver on the folder may be about to record one), so it
    // runs here with a clock past that, and past the uploads' time to live.
    const storedFiles = (): string[] => {
      const files = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
      try {
        return files
          .prepare<{ storage_path: string }>(
            `SELECT storage_path FROM attachments a
             WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.idempotency_key = a.submission_id) ORDER BY storage_path`,
          )
          .all()
          .map((row) => row.storage_path);
      } finally {
        files.close();
      }
    };
    const kept = storedFiles();
    expect(kept.length).toBeGreaterThan(20);
    const store = new SqliteSubmissionStore(join(dataDir, SQLITE_FILE_NAME));
    try {
      const later = new Date(Date.now() + LEFTOVER_GRACE_MS + (DEFAULT_UPLOAD_TTL_HOURS + 1) * 3_600_000);
      await removeLeftovers(store, dataDir, later);
      await sweepUploads(store, dataDir, new Date(later.getTime() - DEFAULT_UPLOAD_TTL_HOURS * 3_600_000));
    } finally {
      await store.close();
    }
    const onDisk = (await readdir(join(dataDir, 'attachments'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)))
      .sort();
    expect(onDisk.filter((file) => file.endsWith('.part'))).toEqual([]);
    const after = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const rows = after
      .prepare<{ storage_path: string }>('SELECT storage_path FROM attachments ORDER BY storage_path')
      .all()
      .map((row) => row.storage_path);
    after.close();
    expect(onDisk).toEqual(rows);
    expect(rows).toEqual(kept);
  });
});

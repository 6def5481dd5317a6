// The SQLite store under real concurrency: several threads, each with its own connection to one
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
import { SqliteSubmissionStore } from '../../src/server/sqlite-store.ts';
import { kontaktSubmission } from './helpers.ts';

const WRITERS = 4;
/** A worker thread runs plain JavaScript: this one has tsx load the TypeScript writer. */
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
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
      const workers = Array.from({ length: WRITERS }, (_, i) => new Worker(WRITER, {
        eval: true,
        // Each writer in its own order, so they collide everywhere.
        workerData: { file, start, keys: i % 2 === 0 ? keys : [...keys].reverse() },
      }));
      const results = workers.map((worker) => new Promise<Array<[string, string, string]>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }));
      await new Promise((r) => setTimeout(r, 1500)); // let every writer reach the start line
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
  }, 60_000);

  it('draws a new reference when one is already taken', async () => {
    const store = new SqliteSubmissionStore(':memory:');
    const draws = ['KS-2026-AAAA-AAAA', 'KS-2026-AAAA-AAAA', 'KS-2026-BBBB-BBBB'];
    const next = () => draws.shift() ?? 'KS-2026-CCCC-CCCC';
    const record = (id: string) => ({ idempotencyKey: id, formId: 'kontakt', formVersion: '1.0.0', submission: kontaktSubmission({ id }), receivedAt: new Date() });
    expect(await store.saveSubmission(record('first-key-1'), next)).toEqual({ status: 'created', reference: 'KS-2026-AAAA-AAAA' });
    expect(await store.saveSubmission(record('second-key-2'), next)).toEqual({ status: 'created', reference: 'KS-2026-BBBB-BBBB' });
    expect(await store.saveSubmission(record('first-key-1'), next)).toEqual({ status: 'replayed', reference: 'KS-2026-AAAA-AAAA' });
    expect(await store.saveSubmission({ ...record('first-key-1'), formId: 'stotte' }, next)).toEqual({ status: 'conflict' });
    await store.close();
  });
});

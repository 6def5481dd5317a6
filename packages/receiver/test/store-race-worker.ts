// One writer in the race of store.test.ts: its own SQLite connection, the same keys as the others.
import { parentPort, workerData } from 'node:worker_threads';
import { createReference } from '../src/reference.ts';
import { SqliteSubmissionStore } from '../src/sqlite-store.ts';
import { kontaktSubmission } from './helpers.ts';

const { file, keys, start } = workerData as { file: string; keys: string[]; start: SharedArrayBuffer };
const store = new SqliteSubmissionStore(file);
// At the start line: say so, then wait until every writer is there.
const gate = new Int32Array(start);
parentPort!.postMessage('ready');
Atomics.wait(gate, 0, 0);
const results: Array<[string, string, string]> = [];
for (const key of keys) {
  const saved = await store.saveSubmission(
    {
      idempotencyKey: key,
      formId: 'kontakt',
      formVersion: '1.0.0',
      submission: kontaktSubmission({ id: key }),
      receivedAt: new Date(),
    },
    () => createReference(),
  );
  results.push([key, saved.status, 'reference' in saved ? saved.reference : '']);
}
await store.close();
parentPort!.postMessage(results);

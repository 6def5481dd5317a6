// Two REAL receiver processes (packages/receiver/src/main.ts as child processes) on one PostgreSQL database and
// one data folder, as behind a load balancer (docs/decisions/0013-postgresql.md):
// - 400 submissions at once, 100 of them repeats of earlier keys sent to the OTHER process, end as exactly 300
//   rows, one reference per key;
// - SIGKILL of one process in the middle of a second batch: every 2xx a client saw is in the database with the
//   reference it was told, nothing is stored twice, and what the killed process never answered is stored once
//   when sent again (to the other process, or to the first one restarted).
// No assertion depends on timing. A 503 validation-busy (a process's queue of validations is full) is sent
// again, as the widget does. CLUSTER_DEBUG=1 shows the children's output.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../src/pg-migrations.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../src/engine/submission.ts';
import { builtForms, cleanUpChildren, startChildReceiver, type ChildReceiver } from './child-receiver.ts';
import { createTestDatabase, kontaktSubmission, postJson, stotteSubmission, type RawResponse } from './helpers.ts';

let formsDir = '';
const temporary: string[] = [];

beforeAll(async () => {
  formsDir = await builtForms(temporary, 'klarskjema-cluster-forms-');
}, 120_000);

afterAll(() => cleanUpChildren(temporary));

/** A receiver process on PostgreSQL (KLARSKJEMA_DATABASE_URL), checked to have opened it. */
async function startChild(name: string, dataDir: string, databaseUrl: string): Promise<ChildReceiver> {
  const child = await startChildReceiver({
    name,
    dataDir,
    formsDir,
    env: { KLARSKJEMA_DATABASE_URL: databaseUrl, KLARSKJEMA_STORE: '' },
    debug: 'CLUSTER_DEBUG',
  });
  expect(child.storage).toBe('postgresql');
  return child;
}

const submissionsUrl = (receiver: ChildReceiver, form: string): string =>
  `${receiver.url}/api/forms/${form}/submissions`;

/** Sends a submission; a 503 validation-busy is sent again (the process's validation queue was full). Rejects
 *  when the connection fails (the process is gone). */
async function submit(receiver: ChildReceiver, body: Submission, busy: { count: number }): Promise<RawResponse> {
  for (;;) {
    const response = await postJson(submissionsUrl(receiver, body.form.id), body, { 'Idempotency-Key': body.id });
    const codes = ((response.json as { errors?: Array<{ code: string }> } | null)?.errors ?? []).map((e) => e.code);
    if (response.status !== 503 || !codes.includes('validation-busy')) return response;
    busy.count++;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every row of the submissions table, through a connection of its own. */
async function storedRows(
  databaseUrl: string,
): Promise<Array<{ idempotency_key: string; reference: string; form_id: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (
      await client.query<{ idempotency_key: string; reference: string; form_id: string }>(
        'SELECT idempotency_key, reference, form_id FROM submissions ORDER BY seq',
      )
    ).rows;
  } finally {
    await client.end();
  }
}

const newSubmission = (i: number): Submission => (i % 2 === 0 ? kontaktSubmission() : stotteSubmission());

describe('two receiver processes on one PostgreSQL database and one data folder', () => {
  it('400 submissions at once, 100 repeats sent to the other process: exactly 300 rows; then SIGKILL of one mid-batch loses nothing', async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = join(await mkdtemp(join(tmpdir(), 'klarskjema-cluster-')), 'data');
    temporary.push(join(dataDir, '..'));
    // Both start at once: the migrations run once, under their lock.
    let [a, b] = await Promise.all([startChild('A', dataDir, databaseUrl), startChild('B', dataDir, databaseUrl)]);
    const other = (receiver: ChildReceiver): ChildReceiver => (receiver === a ? b : a);
    const busy = { count: 0 };

    // ---- 1. 300 new submissions and 100 repeats, all at once.
    const unique = Array.from({ length: 300 }, (_, i) => newSubmission(i));
    const targetOf = (i: number): ChildReceiver => (i % 2 === 0 ? a : b);
    const sends = [
      ...unique.map((body, i) => ({ body, to: targetOf(i) })),
      ...unique.slice(0, 100).map((body, i) => ({ body, to: other(targetOf(i)) })),
    ];
    const responses = await Promise.all(sends.map(({ body, to }) => submit(to, body, busy)));
    expect(responses.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(300);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(100);
    // Per key: one 201 (whichever process stored it first), and every answer names the same reference.
    const told = new Map<string, Set<string>>();
    const created = new Map<string, number>();
    responses.forEach((response, i) => {
      const key = sends[i]!.body.id;
      told.set(key, (told.get(key) ?? new Set()).add((response.json as { reference: string }).reference));
      if (response.status === 201) created.set(key, (created.get(key) ?? 0) + 1);
    });
    expect([...told.values()].filter((references) => references.size !== 1)).toEqual([]);
    expect([...created.values()].every((n) => n === 1)).toBe(true);
    const rows = await storedRows(databaseUrl);
    expect(rows).toHaveLength(300);
    expect(new Map(rows.map((r) => [r.idempotency_key, r.reference]))).toEqual(
      new Map([...told].map(([key, references]) => [key, [...references][0]!])),
    );
    const migrations = new pg.Client({ connectionString: databaseUrl });
    await migrations.connect();
    expect((await migrations.query('SELECT count(*)::int AS n FROM klarskjema_migrations')).rows[0].n).toBe(
      MIGRATIONS.length,
    );
    await migrations.end();

    // ---- 2. A second batch of 200, half to each process; A is killed (SIGKILL) after its 30th acknowledgement.
    const second = Array.from({ length: 200 }, (_, i) => ({ body: newSubmission(i), to: i % 2 === 0 ? a : b }));
    const acknowledged = new Map<string, string>();
    const lost: Submission[] = [];
    let fromA = 0;
    let killed = false;
    const victim = a;
    await Promise.all(
      second.map(async ({ body, to }) => {
        let response: RawResponse;
        try {
          response = await submit(to, body, busy);
        } catch {
          lost.push(body); // the connection died with the process: no answer, so nothing was promised
          return;
        }
        expect([200, 201]).toContain(response.status);
        acknowledged.set(body.id, (response.json as { reference: string }).reference);
        if (to === victim && ++fromA >= 30 && !killed) {
          killed = true;
          victim.process.kill('SIGKILL');
        }
      }),
    );
    await victim.exited;
    expect(killed).toBe(true);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((body) => second.find((s) => s.body === body)!.to === victim)).toBe(true);

    // Every acknowledgement is in the database with the reference the client was told; nothing twice.
    const afterKill = await storedRows(databaseUrl);
    const byKey = new Map(afterKill.map((r) => [r.idempotency_key, r]));
    expect(byKey.size).toBe(afterKill.length);
    expect(new Set(afterKill.map((r) => r.reference)).size).toBe(afterKill.length);
    for (const [key, reference] of acknowledged) expect([key, byKey.get(key)?.reference]).toEqual([key, reference]);
    // What was stored but never answered (killed between COMMIT and the answer) is at most what was lost.
    const unanswered = second.filter(({ body }) => !acknowledged.has(body.id) && byKey.has(body.id));
    expect(unanswered.every(({ body }) => lost.includes(body))).toBe(true);

    // ---- 3. A restarts on the same folder and database; the lost ones are sent again, alternately to A and B.
    a = await startChild('A2', dataDir, databaseUrl);
    const resent = await Promise.all(lost.map((body, i) => submit(i % 2 === 0 ? a : b, body, busy)));
    resent.forEach((response, i) => {
      const stored = byKey.get(lost[i]!.id);
      // Stored before the kill: replayed with that reference; else stored now.
      expect([lost[i]!.id, response.status]).toEqual([lost[i]!.id, stored ? 200 : 201]);
      if (stored) expect((response.json as { reference: string }).reference).toBe(stored.reference);
    });
    const final = await storedRows(databaseUrl);
    expect(final).toHaveLength(300 + 200);
    expect(new Set(final.map((r) => r.idempotency_key))).toEqual(
      new Set([...unique, ...second.map((s) => s.body)].map((s) => s.id)),
    );
    console.log(
      `pg-cluster: ${acknowledged.size} of 200 acknowledged before and around the kill, ${lost.length} lost and sent again ` +
        `(${unanswered.length} of them had been stored), ${busy.count} validation-busy answers sent again`,
    );

    for (const receiver of [a, b]) {
      receiver.process.kill('SIGTERM');
      await receiver.exited;
    }
  }, 180_000);
});

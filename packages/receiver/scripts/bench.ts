// Load test of the reference receiver, on loopback only: starts it on 127.0.0.1 (any free port) with
// freshly built example forms and a temporary data folder, sends a bounded number of valid submissions
// from a fixed number of concurrent clients, then a round of idempotent replays, prints throughput and
// latency, removes its data and stops by itself.
//
//   npx tsx packages/receiver/scripts/bench.ts            (2 000 submissions, 20 at a time)
//   BENCH_SUBMISSIONS=5000 BENCH_CONCURRENCY=50 npx tsx packages/receiver/scripts/bench.ts
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFormPackage } from '../../tools/src/build/build.ts';
import type { FormDefinition } from '../../../src/definition/types.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import { packageRoot } from '../../../src/node/paths.ts';
import { openReceiver, startReceiver } from '../src/receiver.ts';

const SUBMISSIONS = Math.min(Number(process.env.BENCH_SUBMISSIONS ?? 2000), 20_000);
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 20), 200);
const REPLAYS = Math.min(200, SUBMISSIONS);
/** The whole run stops after this, whatever happens. */
const DEADLINE_MS = 180_000;

const adresse = { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };
function submission(i: number): Submission {
  const common = { id: randomUUID(), unsure: [], locale: 'nb', variant: 'standard' as const, submittedAt: new Date().toISOString() };
  if (i % 2 === 0) {
    return {
      ...common, form: { id: 'kontakt', version: '1.0.0' }, attachments: [],
      answers: { navn: `Person ${i}`, fodselsnummer: '01010000110', telefon: '91234567', tema: 'arbeid', beskrivelse: 'Jeg trenger hjelp. '.repeat(40), kanal: 'telefon', tolk: false, samtykke: true },
      answeredIn: { navn: { locale: 'nb', variant: 'standard' } },
    };
  }
  return {
    ...common, form: { id: 'stotte', version: '1.0.0' }, attachments: ['husleiekontrakt', 'lonnsslipp', 'kontoutskrift'],
    answers: {
      arbeid: ['deltid'], inntekt: 12000, adresse, konto: '86011117947', 'har-barn': true,
      barn: [{ 'barn-navn': 'Ola', 'barn-fodt': '2015-05-17', 'bor-fast': true }, { 'barn-navn': 'Kari', 'barn-fodt': '2018-01-02', 'bor-fast': false, samvaer: 30 }],
      bosituasjon: 'leier', husleie: 9000, personer: 3,
      dokumenter: { husleiekontrakt: { status: 'uploaded', files: [{ name: 'kontrakt.pdf', size: 204800, type: 'application/pdf' }] }, lonnsslipp: { status: 'later' }, kontoutskrift: { status: 'missing', reason: 'Ikke mottatt.' } },
    },
    answeredIn: {},
  };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(url: string, bodies: Submission[], expected: number): Promise<{ seconds: number; latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t0 = performance.now();
      const response = await fetch(`${url}/api/forms/${body.form.id}/submissions`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id }, body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== expected) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), failures };
}

function report(label: string, { seconds, latencies, failures }: { seconds: number; latencies: number[]; failures: number }): void {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(`${label}: ${latencies.length} in ${seconds.toFixed(2)} s = ${(latencies.length / seconds).toFixed(0)} submissions/s; `
    + `latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1)!)}`
    + `${failures > 0 ? `; ${failures} UNEXPECTED STATUSES` : ''}`);
}

const deadline = setTimeout(() => { console.error(`bench-receiver: gave up after ${DEADLINE_MS / 1000} s`); process.exit(2); }, DEADLINE_MS);
const work = await mkdtemp(join(tmpdir(), 'klarskjema-bench-'));
let exitCode = 0;
try {
  const formsDir = join(work, 'forms');
  for (const id of ['kontakt', 'stotte']) {
    const definition = JSON.parse(await readFile(resolve(packageRoot, 'schemas/forms', `${id}.json`), 'utf8')) as FormDefinition;
    await buildFormPackage(definition, { outDir: formsDir, localesDir: resolve(packageRoot, 'locales') });
  }
  let logLines = 0;
  const receiver = await openReceiver({ formsDir, dataDir: join(work, 'data'), log: () => { logLines++; } });
  const server = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
  try {
    console.log(`bench-receiver: ${SUBMISSIONS} submissions, ${CONCURRENCY} concurrent clients, to ${server.url} (SQLite, WAL, synchronous=FULL, on ${work})`);
    const bodies = Array.from({ length: SUBMISSIONS }, (_, i) => submission(i));
    const stored = await run(server.url, bodies, 201);
    report('new submissions (201)', stored);
    const replays = await run(server.url, bodies.slice(0, REPLAYS), 200);
    report('idempotent replays (200)', replays);
    const db = new Database(receiver.databaseFile, { readonly: true });
    const rows = db.prepare<{ n: number }>('SELECT count(*) AS n FROM submissions').get()!.n;
    db.close();
    console.log(`rows stored: ${rows} (expected ${SUBMISSIONS}); log lines: ${logLines}; average body ${Math.round(bodies.reduce((n, b) => n + JSON.stringify(b).length, 0) / bodies.length)} bytes`);
    if (rows !== SUBMISSIONS || stored.failures + replays.failures > 0) exitCode = 1;
  } finally {
    await server.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
  clearTimeout(deadline);
}
process.exit(exitCode);

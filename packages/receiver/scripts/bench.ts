// Load test of the reference receiver, on loopback only: starts it on 127.0.0.1 (any free port) with
// freshly built example forms and a temporary data folder, sends a bounded number of valid submissions
// from a fixed number of concurrent clients, then a round of idempotent replays, prints throughput and
// latency, removes its data and stops by itself. Once on SQLite and once on PostgreSQL (a throwaway server
// on loopback, test/helpers/postgres-server.ts, or BENCH_DATABASE_URL), then the ratio.
//
//   npx tsx packages/receiver/scripts/bench.ts            (2 000 submissions, 20 at a time, both stores)
//   BENCH_SUBMISSIONS=5000 BENCH_CONCURRENCY=50 BENCH_STORES=postgres npx tsx packages/receiver/scripts/bench.ts
import Database from 'better-sqlite3';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFormPackage } from '../../tools/src/build/build.ts';
import type { FormDefinition } from '../../../src/definition/types.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import { packageRoot } from '../../../src/node/paths.ts';
import type { StoreKind } from '../src/open-store.ts';
import { openReceiver, startReceiver } from '../src/receiver.ts';
import { startPostgres, type PostgresServer } from '../../../test/helpers/postgres-server.ts';

const SUBMISSIONS = Math.min(Number(process.env.BENCH_SUBMISSIONS ?? 2000), 20_000);
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 20), 200);
const REPLAYS = Math.min(200, SUBMISSIONS);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is StoreKind => s === 'sqlite' || s === 'postgres');
/** The whole run stops after this, whatever happens. */
const DEADLINE_MS = 180_000;

const adresse = { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };
function submission(i: number): Submission {
  const common = {
    id: randomUUID(),
    unsure: [],
    locale: 'nb',
    variant: 'standard' as const,
    submittedAt: new Date().toISOString(),
  };
  if (i % 2 === 0) {
    return {
      ...common,
      form: { id: 'kontakt', version: '1.0.0' },
      attachments: [],
      answers: {
        navn: `Person ${i}`,
        fodselsnummer: '01010000110',
        telefon: '91234567',
        tema: 'arbeid',
        beskrivelse: 'Jeg trenger hjelp. '.repeat(40),
        kanal: 'telefon',
        tolk: false,
        samtykke: true,
      },
      answeredIn: { navn: { locale: 'nb', variant: 'standard' } },
    };
  }
  return {
    ...common,
    form: { id: 'stotte', version: '1.0.0' },
    attachments: ['husleiekontrakt', 'lonnsslipp', 'kontoutskrift'],
    answers: {
      arbeid: ['deltid'],
      inntekt: 12000,
      adresse,
      konto: '86011117947',
      'har-barn': true,
      barn: [
        { 'barn-navn': 'Ola', 'barn-fodt': '2015-05-17', 'bor-fast': true },
        { 'barn-navn': 'Kari', 'barn-fodt': '2018-01-02', 'bor-fast': false, samvaer: 30 },
      ],
      bosituasjon: 'leier',
      husleie: 9000,
      personer: 3,
      dokumenter: {
        husleiekontrakt: {
          status: 'uploaded',
          files: [{ name: 'kontrakt.pdf', size: 204800, type: 'application/pdf' }],
        },
        lonnsslipp: { status: 'later' },
        kontoutskrift: { status: 'missing', reason: 'Ikke mottatt.' },
      },
    },
    answeredIn: {},
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(
  url: string,
  bodies: Submission[],
  expected: number,
): Promise<{ seconds: number; latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t0 = performance.now();
      const response = await fetch(`${url}/api/forms/${body.form.id}/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id },
        body: JSON.stringify(body),
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

interface Figures {
  perSecond: number;
  p95: number;
}

function report(
  label: string,
  { seconds, latencies, failures }: { seconds: number; latencies: number[]; failures: number },
): Figures {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(
    `${label}: ${latencies.length} in ${seconds.toFixed(2)} s = ${(latencies.length / seconds).toFixed(0)} submissions/s; ` +
      `latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1)!)}` +
      `${failures > 0 ? `; ${failures} UNEXPECTED STATUSES` : ''}`,
  );
  return { perSecond: latencies.length / seconds, p95: percentile(latencies, 95) };
}

async function countRows(kind: StoreKind, where: { databaseFile: string; databaseUrl?: string }): Promise<number> {
  if (kind === 'sqlite') {
    const db = new Database(where.databaseFile, { readonly: true });
    try {
      return db.prepare<{ n: number }>('SELECT count(*) AS n FROM submissions').get()!.n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** One run on one store: new submissions, then replays. The figures of the new submissions, and whether all went as expected. */
async function bench(
  kind: StoreKind,
  formsDir: string,
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<{ figures: Figures; ok: boolean }> {
  let logLines = 0;
  const receiver = await openReceiver({
    formsDir,
    dataDir,
    store: kind,
    ...(databaseUrl ? { databaseUrl } : {}),
    log: () => {
      logLines++;
    },
  });
  const server = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
  try {
    const storage =
      kind === 'sqlite'
        ? `SQLite, WAL, synchronous=FULL, on ${dataDir}`
        : `PostgreSQL ${receiver.databaseFile}, fsync on, synchronous_commit on`;
    console.log(
      `\nbench-receiver: ${SUBMISSIONS} submissions, ${CONCURRENCY} concurrent clients, to ${server.url} (${storage})`,
    );
    const bodies = Array.from({ length: SUBMISSIONS }, (_, i) => submission(i));
    const stored = await run(server.url, bodies, 201);
    const figures = report(`${kind}: new submissions (201)`, stored);
    const replays = await run(server.url, bodies.slice(0, REPLAYS), 200);
    report(`${kind}: idempotent replays (200)`, replays);
    const rows = await countRows(kind, {
      databaseFile: receiver.databaseFile,
      ...(databaseUrl ? { databaseUrl } : {}),
    });
    console.log(
      `${kind}: rows stored: ${rows} (expected ${SUBMISSIONS}); log lines: ${logLines}; average body ${Math.round(bodies.reduce((n, b) => n + JSON.stringify(b).length, 0) / bodies.length)} bytes`,
    );
    return { figures, ok: rows === SUBMISSIONS && stored.failures + replays.failures === 0 };
  } finally {
    await server.close();
  }
}

const deadline = setTimeout(() => {
  console.error(`bench-receiver: gave up after ${DEADLINE_MS / 1000} s`);
  process.exit(2);
}, DEADLINE_MS);
const work = await mkdtemp(join(tmpdir(), 'klarskjema-bench-'));
let exitCode = 0;
try {
  const formsDir = join(work, 'forms');
  for (const id of ['kontakt', 'stotte']) {
    const definition = JSON.parse(
      await readFile(resolve(packageRoot, 'schemas/forms', `${id}.json`), 'utf8'),
    ) as FormDefinition;
    await buildFormPackage(definition, { outDir: formsDir, localesDir: resolve(packageRoot, 'locales') });
  }
  const results = new Map<StoreKind, Figures>();
  let server: PostgresServer | null = null;
  try {
    for (const kind of STORES) {
      let databaseUrl = process.env.BENCH_DATABASE_URL;
      if (kind === 'postgres' && !databaseUrl) {
        // A throwaway server on loopback (fsync on), with a database of its own for this run.
        server ??= await startPostgres();
        server.createDatabase('klarskjema_bench');
        databaseUrl = server.urlOf('klarskjema_bench');
      }
      const { figures, ok } = await bench(
        kind,
        formsDir,
        join(work, `data-${kind}`),
        kind === 'postgres' ? databaseUrl : undefined,
      );
      results.set(kind, figures);
      if (!ok) exitCode = 1;
    }
  } finally {
    server?.stop();
  }
  const sqlite = results.get('sqlite');
  const postgres = results.get('postgres');
  if (sqlite && postgres) {
    console.log(
      `\nPostgreSQL / SQLite: ${(postgres.perSecond / sqlite.perSecond).toFixed(2)}× the submissions per second, ` +
        `${(postgres.p95 / sqlite.p95).toFixed(2)}× the p95 latency (${postgres.perSecond.toFixed(0)} vs ${sqlite.perSecond.toFixed(0)} submissions/s; ` +
        `p95 ${postgres.p95.toFixed(2)} vs ${sqlite.p95.toFixed(2)} ms)`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
  clearTimeout(deadline);
}
process.exit(exitCode);

// A receiver on loopback (127.0.0.1, an ephemeral port) over the example form packages, with a
// temporary data folder; and raw HTTP requests that can send what no well-behaved client would.
// The store is SQLite, or with KLARSKJEMA_TEST_STORE=postgres (vitest.postgres.config.ts) a database of its
// own on the run's PostgreSQL server.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Submission } from '../../../src/engine/submission.ts';
import {
  createReceiver,
  startReceiver,
  type OpenReceiverOptions,
  type ReceiverOptions,
  type StartedReceiver,
  type StartReceiverOptions,
} from '../src/receiver.ts';
import { PostgresSubmissionStore } from '../src/pg-store.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import type { SubmissionStore } from '../src/store.ts';
import { findPostgresBin } from '../../../scripts/postgres-bin.js';
import { buildFormPackage } from '../../tools/src/build/build.ts';
import { packageRoot } from '../../../src/node/paths.ts';
import { examplePackage, exampleFormIds, readExampleDefinition } from '../../../test/helpers/form-packages.ts';

/** The store the store-independent tests run on: KLARSKJEMA_TEST_STORE=postgres or SQLite. */
export const TEST_STORE: 'sqlite' | 'postgres' =
  process.env.KLARSKJEMA_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
/** What such a store calls itself (SubmissionStore.kind, /api/health's "storage"). */
export const TEST_STORE_KIND = TEST_STORE === 'postgres' ? 'postgresql' : 'sqlite';

type Table = 'submissions' | 'attachments';
type Row = Record<string, unknown>;

export interface TestStore {
  store: SubmissionStore;
  /** Rows in a table, read through a connection of its own (what is really stored). */
  count(table: Table): number;
  /** The rows in seq order, as SQLite has them: submission as JSON text, received_at as an ISO string. */
  rows(table: Table): Row[];
}

/** The URL of the run's PostgreSQL server (vitest.postgres.config.ts's globalSetup). vitest is imported here
 *  only: this module is also loaded outside vitest (store-race-worker.ts). */
export async function postgresServerUrl(): Promise<string> {
  const { inject } = await import('vitest');
  const url = inject('postgresUrl');
  if (!url) throw new Error('No PostgreSQL server: run with --config vitest.postgres.config.ts.');
  return url;
}

/** A new, empty database on the run's PostgreSQL server; its URL. */
export async function createTestDatabase(): Promise<string> {
  const server = new URL(await postgresServerUrl());
  const name = `klarskjema_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.href });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  server.pathname = `/${name}`;
  return server.href;
}

/** The same columns as SQLite's, in SQLite's shapes, so that a test reads either store alike. */
const PG_COLUMNS: Record<Table, string> = {
  submissions:
    'seq::int AS seq, idempotency_key, reference, form_id, form_version, submission::text AS submission, ' +
    `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at, body_digest`,
  attachments:
    'seq::int AS seq, ref, form_id, submission_id, document_id, file_name, media_type, size, sha256, storage_path, ' +
    `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at`,
};

/** One query through psql, synchronously (the tests read counts and rows without awaiting). */
function psqlJson(url: string, sql: string): unknown {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: run `node scripts/ensure-postgres.js`.');
  const result = spawnSync(join(bin, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`psql failed (exit ${result.status ?? result.signal}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Reads the rows of a PostgreSQL test database, as TestStore does. */
export function postgresRows(url: string): Pick<TestStore, 'count' | 'rows'> {
  return {
    count: (table) => psqlJson(url, `SELECT count(*)::int FROM ${table}`) as number,
    rows: (table) =>
      psqlJson(
        url,
        `SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM (SELECT ${PG_COLUMNS[table]} FROM ${table}) t`,
      ) as Row[],
  };
}

/**
 * A store for a test: SQLite in dataDir (in memory without one), or a PostgreSQL database of its own,
 * migrated. Close it (or the receiver over it) at the end.
 */
export async function openTestStore(dataDir?: string): Promise<TestStore> {
  if (TEST_STORE === 'postgres') {
    const url = await createTestDatabase();
    const store = new PostgresSubmissionStore({ connectionString: url });
    await store.migrate();
    return { store, ...postgresRows(url) };
  }
  const file = dataDir === undefined ? ':memory:' : join(dataDir, SQLITE_FILE_NAME);
  const query = <T>(run: (db: InstanceType<typeof Database>) => T): T => {
    if (file === ':memory:') throw new Error('An in-memory test store has no rows to read from outside.');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return run(db);
    } finally {
      db.close();
    }
  };
  return {
    store: new SqliteSubmissionStore(file),
    count: (table) => query((db) => db.prepare<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n),
    rows: (table) => query((db) => db.prepare<Row>(`SELECT * FROM ${table} ORDER BY seq`).all()),
  };
}

/** openReceiver's store options for a test: none (SQLite in its data folder) or a PostgreSQL database of its own. */
export async function testStoreOptions(): Promise<Pick<OpenReceiverOptions, 'store' | 'databaseUrl'>> {
  return TEST_STORE === 'postgres'
    ? { store: 'postgres', databaseUrl: await createTestDatabase() }
    : { store: 'sqlite' };
}

export interface TestReceiver extends StartedReceiver {
  dataDir: string;
  logs: string[];
  /** Rows in a table, read through a connection of its own (what is really on disk). */
  count(table: Table): number;
  rows(table: Table): Row[];
  stop(): Promise<void>;
}

export async function startTestReceiver(
  options: {
    store?: (file: string) => SubmissionStore;
    receiver?: Partial<Omit<ReceiverOptions, 'forms' | 'store' | 'dataDir' | 'log'>>;
    server?: StartReceiverOptions;
  } = {},
): Promise<TestReceiver> {
  const dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-receiver-'));
  const forms = await Promise.all(exampleFormIds.map((id) => examplePackage(id)));
  const testStore = options.store ? null : await openTestStore(dataDir);
  const store = options.store ? options.store(join(dataDir, SQLITE_FILE_NAME)) : testStore!.store;
  const logs: string[] = [];
  const receiver = createReceiver({ forms, store, dataDir, log: (line) => logs.push(line), ...options.receiver });
  const started = await startReceiver(receiver, { ...options.server, host: '127.0.0.1', port: 0 });
  const noRows = (): never => {
    throw new Error('A test receiver with a store of its own has no rows to read.');
  };
  return {
    ...started,
    dataDir,
    logs,
    count: (table) => (testStore ? testStore.count(table) : noRows()),
    rows: (table) => (testStore ? testStore.rows(table) : noRows()),
    stop: async () => {
      await started.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const adresse = { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };

/** A complete, valid submission of the form "kontakt". */
export function kontaktSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: randomUUID(),
    form: { id: 'kontakt', version: '1.0.0' },
    answers: {
      navn: 'Kari Nordmann',
      fodselsnummer: '01010000110',
      telefon: '91234567',
      epost: 'kari@example.no',
      tema: 'bolig',
      beskrivelse: 'Jeg har fått varsel om utkastelse.',
      kanal: 'telefon',
      tolk: true,
      tolkesprak: 'uk',
      samtykke: true,
    },
    unsure: [],
    attachments: [],
    answeredIn: { navn: { locale: 'nb', variant: 'standard' }, beskrivelse: { locale: 'nb', variant: 'plain' } },
    locale: 'nb',
    variant: 'plain',
    submittedAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

/** A complete, valid submission of the form "stotte", with a child, rent and documents. */
export function stotteSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: randomUUID(),
    form: { id: 'stotte', version: '1.0.0' },
    answers: {
      arbeid: ['deltid'],
      inntekt: 12000,
      adresse,
      konto: '86011117947',
      'har-barn': true,
      barn: [{ 'barn-navn': 'Ola', 'barn-fodt': '2015-05-17', 'bor-fast': false, samvaer: 40 }],
      bosituasjon: 'leier',
      husleie: 9000,
      personer: 2,
      dokumenter: {
        husleiekontrakt: { status: 'uploaded', files: [{ name: 'kontrakt.pdf', size: 2048, type: 'application/pdf' }] },
        lonnsslipp: { status: 'later' },
        kontoutskrift: { status: 'missing', reason: 'Banken har ikke sendt den ennå.' },
      },
    },
    unsure: [],
    attachments: ['husleiekontrakt', 'lonnsslipp', 'kontoutskrift'],
    answeredIn: { 'barn/0/barn-navn': { locale: 'nb', variant: 'standard' } },
    locale: 'nb',
    variant: 'standard',
    submittedAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/**
 * One request with node:http, so a test can send any header and body (or a body in chunks, without a
 * Content-Length). Resolves with the response even when the server answers before the body is sent.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] } = {},
): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const target = new URL(url);
    if (target.hostname !== '127.0.0.1') throw new Error('Tests talk to 127.0.0.1 only.');
    const request = httpRequest(
      target,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolvePromise({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on('error', reject);
    const { body } = options;
    if (Array.isArray(body)) {
      // Chunked, with no Content-Length: the server learns the size only by reading.
      (async () => {
        for (const chunk of body) {
          if (request.destroyed) return;
          if (!request.write(chunk)) await new Promise((r) => request.once('drain', r));
        }
        request.end();
      })().catch(() => {});
    } else {
      request.end(body);
    }
  });
}

export const postJson = (url: string, value: unknown, headers: Record<string, string> = {}): Promise<RawResponse> => {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return send(url, {
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
    body,
  });
};

/** The first bytes of each kind of file, padded to a plausible length. */
export const FILES = {
  pdf: Buffer.concat([
    Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    Buffer.alloc(4000, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(3000, 7),
    Buffer.from([0xff, 0xd9]),
  ]),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.alloc(2000, 1),
  ]),
  heic: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic'),
    Buffer.alloc(2000, 2),
  ]),
  avif: Buffer.concat([
    Buffer.from([0, 0, 0, 0x1c]),
    Buffer.from('ftypavif'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('avifmif1miaf'),
    Buffer.alloc(2000, 2),
  ]),
  text: Buffer.from('Dette er ikke en PDF, bare tekst med feil navn.\n'.repeat(20)),
  zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 3)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 4)]),
} as const;

/** An upload token from the receiver at `base` for one submission of one form. */
export async function uploadToken(base: string, formId: string, submissionId: string): Promise<string> {
  const response = await send(
    `${base}/api/forms/${encodeURIComponent(formId)}/submissions/${encodeURIComponent(submissionId)}/upload-token`,
    { method: 'POST' },
  );
  if (response.status !== 201) throw new Error(`upload-token answered ${response.status}: ${response.text}`);
  return (response.json as { token: string }).token;
}

/** The Content-Disposition header of an upload named `name` (RFC 6266 with an RFC 8187 filename*). */
export const disposition = (name: string): string =>
  `attachment; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** The form "monster": kontakt whose name must match ^(a+)+$, which backtracks exponentially on "aaaa…!". */
export async function buildMonsterForms(outDir: string): Promise<void> {
  const kontakt = await readExampleDefinition('kontakt');
  const monster = structuredClone(kontakt);
  monster.id = 'monster';
  (monster.answers.properties.navn as Record<string, unknown>).pattern = '^(a+)+$';
  const localesDir = resolve(packageRoot, 'locales');
  await buildFormPackage(kontakt, { outDir, localesDir });
  await buildFormPackage(monster, { outDir, localesDir });
}

// A receiver on loopback (127.0.0.1, an ephemeral port) over the example form packages, with a
// temporary data folder; and raw HTTP requests that can send what no well-behaved client would.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Submission } from '../../../src/engine/submission.ts';
import { createReceiver, startReceiver, type ReceiverOptions, type StartedReceiver, type StartReceiverOptions } from '../src/receiver.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import type { SubmissionStore } from '../src/store.ts';
import { buildFormPackage } from '../../tools/src/build/build.ts';
import { packageRoot } from '../../../src/node/paths.ts';
import { examplePackage, exampleFormIds, readExampleDefinition } from '../../../test/helpers/form-packages.ts';

export interface TestReceiver extends StartedReceiver {
  dataDir: string;
  logs: string[];
  /** Rows in a table, read through a connection of its own (what is really on disk). */
  count(table: 'submissions' | 'attachments'): number;
  rows(table: 'submissions' | 'attachments'): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startTestReceiver(options: {
  store?: (file: string) => SubmissionStore;
  receiver?: Partial<Omit<ReceiverOptions, 'forms' | 'store' | 'dataDir' | 'log'>>;
  server?: StartReceiverOptions;
} = {}): Promise<TestReceiver> {
  const dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-receiver-'));
  const forms = await Promise.all(exampleFormIds.map((id) => examplePackage(id)));
  const file = join(dataDir, SQLITE_FILE_NAME);
  const store = options.store ? options.store(file) : new SqliteSubmissionStore(file);
  const logs: string[] = [];
  const receiver = createReceiver({ forms, store, dataDir, log: (line) => logs.push(line), ...options.receiver });
  const started = await startReceiver(receiver, { ...options.server, host: '127.0.0.1', port: 0 });
  const query = <T>(run: (db: InstanceType<typeof Database>) => T): T => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try { return run(db); } finally { db.close(); }
  };
  return {
    ...started, dataDir, logs,
    count: (table) => query((db) => (db.prepare<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!).n),
    rows: (table) => query((db) => db.prepare<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY seq`).all()),
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
      navn: 'Kari Nordmann', fodselsnummer: '01010000110', telefon: '91234567', epost: 'kari@example.no',
      tema: 'bolig', beskrivelse: 'Jeg har fått varsel om utkastelse.', kanal: 'telefon', tolk: true, tolkesprak: 'uk', samtykke: true,
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
      arbeid: ['deltid'], inntekt: 12000, adresse, konto: '86011117947', 'har-barn': true,
      barn: [{ 'barn-navn': 'Ola', 'barn-fodt': '2015-05-17', 'bor-fast': false, samvaer: 40 }],
      bosituasjon: 'leier', husleie: 9000, personer: 2,
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
export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] } = {}): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const target = new URL(url);
    if (target.hostname !== '127.0.0.1') throw new Error('Tests talk to 127.0.0.1 only.');
    const request = httpRequest(target, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolvePromise({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
    });
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
  return send(url, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers }, body });
};

/** The first bytes of each kind of file, padded to a plausible length. */
export const FILES = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(4000, 0x20), Buffer.from('\n%%EOF\n')]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(3000, 7), Buffer.from([0xff, 0xd9])]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(2000, 1)]),
  heic: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(2000, 2)]),
  avif: Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif'), Buffer.from([0, 0, 0, 0]), Buffer.from('avifmif1miaf'), Buffer.alloc(2000, 2)]),
  text: Buffer.from('Dette er ikke en PDF, bare tekst med feil navn.\n'.repeat(20)),
  zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 3)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 4)]),
} as const;

/** An upload token from the receiver at `base` for one submission of one form. */
export async function uploadToken(base: string, formId: string, submissionId: string): Promise<string> {
  const response = await send(`${base}/api/forms/${encodeURIComponent(formId)}/submissions/${encodeURIComponent(submissionId)}/upload-token`, { method: 'POST' });
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

// Sending against the real receiver on loopback: files first, then the submission with its idempotency
// key; a stopped receiver, a lost answer, 5xx and offline time all end with exactly one stored row; a
// refusal comes back as errors with JSON pointers, which the widget shows on its questions.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver, type Receiver } from '../../packages/receiver/src/receiver.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../../packages/receiver/src/sqlite-store.ts';
import { fieldErrorsFromReceiver } from '../../src/submit/server-errors.ts';
import {
  SendFailed,
  sendSubmission,
  SubmissionRefused,
  type Connectivity,
  type SendStatus,
} from '../../src/submit/send.ts';
import { examplePackage, exampleFormIds } from '../helpers/form-packages.ts';
import { FILES, kontaktSubmission, stotteSubmission } from '../../packages/receiver/test/helpers.ts';

let dataDir = '';
let receiver: Receiver;
let server: Server | null = null;
let port = 0;
const requests: string[] = [];

/** Starts (again) on the same port, as a restarted receiver would. */
async function up(): Promise<void> {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    void receiver.handle(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}

async function down(): Promise<void> {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
}

const rows = (id: string): string[] => {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return db
      .prepare<{ reference: string }>('SELECT reference FROM submissions WHERE idempotency_key = ?')
      .all(id)
      .map((r) => r.reference);
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-send-'));
  const forms = await Promise.all(exampleFormIds.map((id) => examplePackage(id)));
  receiver = createReceiver({
    forms,
    store: new SqliteSubmissionStore(join(dataDir, SQLITE_FILE_NAME)),
    dataDir,
    log: () => {},
  });
  await up();
});
afterAll(async () => {
  await down();
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

const url = (form: string) => `http://127.0.0.1:${port}/api/forms/${form}/submissions`;
const fast = [10, 20, 40, 80, 160, 320];
const always: Connectivity = { online: () => true, whenOnline: () => new Promise(() => {}) };

describe('sendSubmission', () => {
  it('uploads each chosen file first, puts its ref in the answer, then stores the submission once', async () => {
    const submission = stotteSubmission({
      answers: {
        ...stotteSubmission().answers,
        dokumenter: {
          husleiekontrakt: {
            status: 'uploaded',
            files: [
              { name: 'kontrakt.pdf', size: FILES.pdf.length, type: 'application/pdf' },
              { name: 'side2.jpg', size: FILES.jpeg.length, type: 'image/jpeg' },
            ],
          },
          lonnsslipp: { status: 'later' },
          kontoutskrift: { status: 'missing', reason: 'Banken har ikke sendt den.' },
        },
      },
    });
    const files = new Map([
      [
        'dokumenter/husleiekontrakt',
        [new File([FILES.pdf], 'kontrakt.pdf', { type: 'application/pdf' }), new File([FILES.jpeg], 'side2.jpg')],
      ],
    ]);
    const result = await sendSubmission({
      url: url('stotte'),
      submission,
      files,
      delaysMs: fast,
      connectivity: always,
    });
    expect(result.reference).toMatch(/^KS-\d{4}-/);
    expect(rows(submission.id)).toEqual([result.reference]);
    const sent = (
      result.submission.answers.dokumenter as Record<string, { files: Array<{ ref?: string; type: string }> }>
    ).husleiekontrakt!.files;
    expect(sent.map((f) => typeof f.ref)).toEqual(['string', 'string']);
    expect(sent[1]!.type).toBe('image/jpeg');
    // The machine's copy is not changed.
    expect(JSON.stringify(submission)).not.toContain('"ref"');
  });

  it('goes on when a stopped receiver starts again, and stores exactly one copy', async () => {
    const submission = kontaktSubmission();
    const statuses: SendStatus[] = [];
    await down();
    // No waiting on the clock: the receiver comes back during the wait after the second failed try (the
    // sender's `wait`), whatever the machine's speed. The waits asked for are the delays given, in order.
    const waits: number[] = [];
    const wait = async (ms: number): Promise<void> => {
      waits.push(ms);
      if (waits.length === 2) await up();
    };
    const { reference } = await sendSubmission({
      url: url('kontakt'),
      submission,
      delaysMs: [50, 100, 200, 400, 800, 1600],
      wait,
      connectivity: always,
      onStatus: (s) => statuses.push(s),
    });
    expect(waits).toEqual([50, 100]);
    expect(statuses.filter((s) => s.state === 'retrying').length).toBeGreaterThanOrEqual(2);
    expect(rows(submission.id)).toEqual([reference]);
  });

  it('sends again when the answer was lost, and the receiver gives the first reference (idempotency key)', async () => {
    const submission = kontaktSubmission();
    let lost = false;
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!lost && String(input).endsWith('/submissions')) {
        lost = true;
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const seen: string[] = [];
    const spying: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
      return losing(input, init);
    };
    const { reference } = await sendSubmission({
      url: url('kontakt'),
      submission,
      fetch: spying,
      delaysMs: fast,
      connectivity: always,
    });
    expect(seen).toEqual([submission.id, submission.id]);
    expect(rows(submission.id)).toEqual([reference]);
  });

  it('tries again on 5xx, and gives up with SendFailed after the last wait', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) =>
      ++calls <= 2 ? Promise.resolve(new Response('{}', { status: 503 })) : fetch(input, init);
    const submission = kontaktSubmission();
    await sendSubmission({ url: url('kontakt'), submission, fetch: flaky, delaysMs: fast, connectivity: always });
    expect(calls).toBe(3);
    expect(rows(submission.id)).toHaveLength(1);
    const broken: typeof fetch = () => Promise.resolve(new Response('', { status: 502 }));
    await expect(
      sendSubmission({
        url: url('kontakt'),
        submission: kontaktSubmission(),
        fetch: broken,
        delaysMs: [1, 1],
        connectivity: always,
      }),
    ).rejects.toBeInstanceOf(SendFailed);
  });

  it('does not try while offline, and sends when the connection is back', async () => {
    let online = false;
    let back: () => void = () => {};
    const connectivity: Connectivity = {
      online: () => online,
      whenOnline: () =>
        new Promise((resolve) => {
          back = resolve;
        }),
    };
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const statuses: string[] = [];
    const submission = kontaktSubmission();
    let told: () => void = () => {};
    const offline = new Promise<void>((resolve) => {
      told = resolve;
    });
    const sending = sendSubmission({
      url: url('kontakt'),
      submission,
      fetch: counting,
      delaysMs: [],
      connectivity,
      onStatus: (s) => {
        statuses.push(s.state);
        if (s.state === 'offline') told();
      },
    });
    // The sender has said it is offline and waits for the connection (whenOnline), not for a time.
    await offline;
    expect(calls).toBe(0);
    expect(statuses).toEqual(['offline']);
    online = true;
    back();
    const { reference } = await sending;
    expect(rows(submission.id)).toEqual([reference]);
  });

  it('turns a refusal into errors with JSON pointers, shown on the questions', async () => {
    const submission = kontaktSubmission({ answers: { ...kontaktSubmission().answers, epost: 'kari@' } });
    const refused = await sendSubmission({
      url: url('kontakt'),
      submission,
      delaysMs: fast,
      connectivity: always,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SubmissionRefused);
    const { status, errors } = refused as SubmissionRefused;
    expect(status).toBe(422);
    const { definition } = await examplePackage('kontakt');
    expect(fieldErrorsFromReceiver(definition, errors).map((e) => [e.path, e.code, e.keys.at(-2)])).toEqual([
      ['/epost', 'format.email', 'widget:errors.format.email'],
    ]);
    expect(rows(submission.id)).toEqual([]);
  });

  it('names a refused file on its document', async () => {
    const submission = stotteSubmission({
      answers: {
        ...stotteSubmission().answers,
        dokumenter: {
          husleiekontrakt: {
            status: 'uploaded',
            files: [{ name: 'kontrakt.pdf', size: FILES.text.length, type: 'application/pdf' }],
          },
          lonnsslipp: { status: 'later' },
          kontoutskrift: { status: 'later' },
        },
      },
    });
    const files = new Map([
      ['dokumenter/husleiekontrakt', [new File([FILES.text], 'kontrakt.pdf', { type: 'application/pdf' })]],
    ]);
    const refused = (await sendSubmission({
      url: url('stotte'),
      submission,
      files,
      delaysMs: fast,
      connectivity: always,
    }).catch((error: unknown) => error)) as SubmissionRefused;
    expect(refused.status).toBe(415);
    const { definition } = await examplePackage('stotte');
    expect(fieldErrorsFromReceiver(definition, refused.errors)).toMatchObject([
      {
        field: 'dokumenter',
        path: '/dokumenter/husleiekontrakt',
        part: 'files',
        code: 'files.type',
        params: { name: 'kontrakt.pdf', document: 'husleiekontrakt' },
      },
    ]);
    expect(rows(submission.id)).toEqual([]);
  });
});

describe("the receiver's errors as field errors", () => {
  it("maps answers, parts, group items and documents, and leaves out what is not the user's to fix", async () => {
    const { definition } = await examplePackage('stotte');
    const errors = fieldErrorsFromReceiver(definition, [
      { pointer: '/answers/adresse/postcode', code: 'pattern' },
      { pointer: '/answers/barn/0/barn-fodt', code: 'format.date' },
      { pointer: '/answers/dokumenter/kontoutskrift/reason', code: 'required' },
      { pointer: '/answers/inntekt', code: 'not-relevant' },
      { pointer: '/form/version', code: 'wrong-version' },
      { pointer: '/answers/finnes-ikke', code: 'unknown-key' },
    ]);
    expect(errors.map((e) => [e.field, e.path, e.part, e.code, e.params])).toEqual([
      ['adresse', '/adresse', 'postcode', 'postcode.pattern', {}],
      ['barn-fodt', '/barn/0/barn-fodt', undefined, 'format.date', { item: 1 }],
      ['dokumenter', '/dokumenter/kontoutskrift', 'reason', 'reason.required', { document: 'kontoutskrift' }],
      ['inntekt', '/inntekt', undefined, 'not-relevant', {}],
    ]);
    expect(errors[3]!.keys.at(-1)).toBe('widget:errors.invalid');
  });
});

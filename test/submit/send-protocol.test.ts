// The widget's side of the receiver's contract (issue 12, docs/decisions/0005): an upload token per send
// (a new one once when refused), the file name in Content-Disposition and never in the URL, Retry-After
// as the next wait (capped), a 2xx without a reference is not "sent", and earlier versions are looked up.
// A scripted HTTP server on 127.0.0.1 plays the receiver; waits are recorded, never slept.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contentDisposition,
  retryAfterMs,
  SendFailed,
  sendSubmission,
  type Connectivity,
  type SendOptions,
} from '../../src/submit/send.ts';
import { kontaktSubmission, stotteSubmission } from '../../packages/receiver/test/helpers.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A receiver that answers each request with `answer(request)`, and remembers what it got. */
async function scripted(answer: (seen: Seen, all: Seen[]) => Answer): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      const { status, body, headers } = answer(entry, seen);
      response
        .writeHead(status, { 'Content-Type': 'application/json', ...headers })
        .end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/forms/stotte/submissions`, seen };
}

const always: Connectivity = { online: () => true, whenOnline: () => new Promise(() => {}) };
const withFile = () => {
  const submission = stotteSubmission({
    answers: {
      ...stotteSubmission().answers,
      dokumenter: {
        husleiekontrakt: {
          status: 'uploaded',
          files: [{ name: 'Kontrakt ‮fdp.exe & 100%.pdf', size: 4, type: 'application/pdf' }],
        },
        lonnsslipp: { status: 'later' },
        kontoutskrift: { status: 'later' },
      },
    },
  });
  const files = new Map([
    ['dokumenter/husleiekontrakt', [new File(['%PDF'], 'Kontrakt ‮fdp.exe & 100%.pdf', { type: 'application/pdf' })]],
  ]);
  return { submission, files };
};

describe('uploads', () => {
  it('get a token first, send it as Upload-Token, and put the file name in Content-Disposition, never in the URL', async () => {
    const { url, seen } = await scripted(({ url: path }) => {
      if (path.endsWith('/upload-token'))
        return { status: 201, body: { token: 'token-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString() } };
      if (path.includes('/attachments'))
        return { status: 201, body: { ref: 'ref-1', document: 'husleiekontrakt', type: 'application/pdf', size: 4 } };
      return { status: 201, body: { reference: 'KS-2026-AAAA' } };
    });
    const { submission, files } = withFile();
    const result = await sendSubmission({ url, submission, files, delaysMs: [0], connectivity: always });
    expect(result.reference).toBe('KS-2026-AAAA');
    expect(seen.map((s) => `${s.method} ${s.url.replace(/\?.*/, '')}`)).toEqual([
      `POST /api/forms/stotte/submissions/${submission.id}/upload-token`,
      `POST /api/forms/stotte/submissions/${submission.id}/attachments`,
      'POST /api/forms/stotte/submissions',
    ]);
    const upload = seen[1]!;
    expect(upload.url).toBe(`/api/forms/stotte/submissions/${submission.id}/attachments?document=husleiekontrakt`);
    expect(upload.headers['upload-token']).toBe('token-1');
    expect(upload.headers['content-disposition']).toBe(contentDisposition('Kontrakt ‮fdp.exe & 100%.pdf'));
    expect(
      decodeURIComponent(upload.headers['content-disposition']!.replace("attachment; filename*=UTF-8''", '')),
    ).toBe('Kontrakt ‮fdp.exe & 100%.pdf');
    expect(upload.url).not.toMatch(/name|Kontrakt/);
  });

  it('fetch a new token once when the receiver refuses the token (403 upload-token), and give up after a second refusal', async () => {
    let tokens = 0;
    const { url, seen } = await scripted(({ url: path, headers }) => {
      if (path.endsWith('/upload-token'))
        return {
          status: 201,
          body: { token: `token-${++tokens}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
        };
      if (path.includes('/attachments'))
        return headers['upload-token'] === 'token-2'
          ? { status: 201, body: { ref: 'ref-1', type: 'application/pdf' } }
          : { status: 403, body: { errors: [{ pointer: '', code: 'upload-token' }] } };
      return { status: 201, body: { reference: 'KS-2026-BBBB' } };
    });
    const { submission, files } = withFile();
    expect((await sendSubmission({ url, submission, files, delaysMs: [0], connectivity: always })).reference).toBe(
      'KS-2026-BBBB',
    );
    expect(seen.filter((s) => s.url.includes('/attachments')).map((s) => s.headers['upload-token'])).toEqual([
      'token-1',
      'token-2',
    ]);

    // Refused every time: not the user's file at fault, so a refusal without a pointer (the general text).
    const never = await scripted(({ url: path }) =>
      path.endsWith('/upload-token')
        ? { status: 201, body: { token: 't' } }
        : { status: 403, body: { errors: [{ pointer: '', code: 'upload-token' }] } },
    );
    const refused = await sendSubmission({ url: never.url, ...withFile(), delaysMs: [0], connectivity: always }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ name: 'SubmissionRefused', status: 403, errors: [] });
    expect(never.seen.filter((s) => s.url.includes('/attachments'))).toHaveLength(2);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = new Date('2026-03-03T10:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 03 Mar 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Tue, 03 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('is the next wait after a 503 or 429 (capped), and the draft-keeping failure comes after the last try', async () => {
    const answers: Answer[] = [
      {
        status: 503,
        body: { errors: [{ pointer: '', code: 'storage-unavailable' }] },
        headers: { 'Retry-After': '30' },
      },
      { status: 429, headers: { 'Retry-After': '86400' } },
      { status: 503 },
    ];
    const { url } = await scripted(
      (_seen, all) => answers[all.length - 1] ?? { status: 201, body: { reference: 'KS-2026-CCCC' } },
    );
    const waits: number[] = [];
    const options: SendOptions = {
      url,
      submission: kontaktSubmission(),
      delaysMs: [7, 7, 7],
      connectivity: always,
      wait: async (ms) => {
        waits.push(ms);
      },
    };
    expect((await sendSubmission(options)).reference).toBe('KS-2026-CCCC');
    expect(waits).toEqual([30_000, 120_000, 7]);

    const { url: full } = await scripted(() => ({
      status: 503,
      body: { errors: [{ pointer: '', code: 'storage-unavailable' }] },
      headers: { 'Retry-After': '30' },
    }));
    await expect(sendSubmission({ ...options, url: full, wait: async () => {} })).rejects.toBeInstanceOf(SendFailed);
  });
});

describe('what counts as sent', () => {
  it("a 2xx without a reference (a proxy's page, say) is a failed try, never a receipt", async () => {
    let posts = 0;
    const { url } = await scripted(() =>
      ++posts === 1
        ? {
            status: 200,
            body: '<html><body>Velkommen til gjestenettet</body></html>',
            headers: { 'Content-Type': 'text/html' },
          }
        : { status: 201, body: { reference: 'KS-2026-DDDD' } },
    );
    expect(
      (await sendSubmission({ url, submission: kontaktSubmission(), delaysMs: [0], connectivity: always })).reference,
    ).toBe('KS-2026-DDDD');
    expect(posts).toBe(2);
    const { url: never } = await scripted(() => ({ status: 200, body: {} }));
    await expect(
      sendSubmission({ url: never, submission: kontaktSubmission(), delaysMs: [0], connectivity: always }),
    ).rejects.toBeInstanceOf(SendFailed);
  });

  it('after sending, asks for each earlier id: 200 is an earlier version, 404 none, and a failure is "cannot tell"', async () => {
    const { url, seen } = await scripted(({ method, url: path }) => {
      if (method === 'POST') return { status: 201, body: { reference: 'KS-2026-NEW1' } };
      if (path.endsWith('/arrived-1234')) return { status: 200, body: { reference: 'KS-2026-OLD1' } };
      if (path.endsWith('/missing-1234'))
        return { status: 404, body: { errors: [{ pointer: '', code: 'not-found' }] } };
      return { status: 500 };
    });
    const result = await sendSubmission({
      url,
      submission: kontaktSubmission(),
      delaysMs: [0],
      connectivity: always,
      earlierIds: ['arrived-1234', 'missing-1234'],
    });
    expect(result.earlier).toEqual({ references: ['KS-2026-OLD1'], unknown: false });
    expect(seen.filter((s) => s.method === 'GET').map((s) => s.url)).toEqual([
      '/api/forms/stotte/submissions/arrived-1234',
      '/api/forms/stotte/submissions/missing-1234',
    ]);
    const unsure = await sendSubmission({
      url,
      submission: kontaktSubmission(),
      delaysMs: [0],
      connectivity: always,
      earlierIds: ['broken-1234'],
    });
    expect(unsure.earlier).toEqual({ references: [], unknown: true });
  });
});

// Documents sent later (docs/decisions/0035-documents-sent-later.md) over HTTP: the receipt's link, what it
// opens, a file and a «har ikke» through it, wrong and expired links, the limits, and no secret in the logs.
// On SQLite, and on PostgreSQL in vitest.postgres.config.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_WEEKS, MAX_FOLLOW_UP_FAILURES_PER_REFERENCE } from '../src/limits.ts';
import { isReference } from '../src/reference.ts';
import {
  disposition,
  FILES,
  postJson,
  send,
  startTestReceiver,
  stotteSubmission,
  TEST_STORE,
  type RawResponse,
  type TestReceiver,
} from './helpers.ts';

let clock = new Date('2026-03-03T10:00:00.000Z');
let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startTestReceiver({ receiver: { now: () => clock } });
});
afterAll(async () => {
  await receiver?.stop();
});

const WEEK_MS = 7 * 86_400_000;
const submissions = () => `${receiver.url}/api/forms/stotte/submissions`;
const codesOf = (response: RawResponse) =>
  (response.json as { errors: Array<{ code: string }> }).errors.map((e) => e.code);
const bearer = (link: string) => ({ Authorization: `Bearer ${link}` });
const view = (link: string) => send(`${receiver.url}/api/follow-up`, { headers: bearer(link) });

/** Submits the stotte example (lønnsslipp «later», kontoutskrift «har ikke») with its uploaded file. */
async function submitWithLink(): Promise<{ reference: string; link: string; expiresAt: string; id: string }> {
  const submission = stotteSubmission();
  const token = ((await send(`${submissions()}/${submission.id}/upload-token`)).json as { token: string }).token;
  const uploaded = await send(`${submissions()}/${submission.id}/attachments?document=husleiekontrakt`, {
    headers: { 'Content-Type': 'application/pdf', 'Upload-Token': token, 'Content-Disposition': disposition('k.pdf') },
    body: FILES.pdf,
  });
  const dokumenter = submission.answers.dokumenter as Record<string, { files?: Array<{ ref?: string }> }>;
  dokumenter.husleiekontrakt!.files![0]!.ref = (uploaded.json as { ref: string }).ref;
  const response = await postJson(submissions(), submission);
  expect(response.status).toBe(201);
  const body = response.json as { reference: string; followUp: { link: string; expiresAt: string } };
  return { reference: body.reference, ...body.followUp, id: submission.id };
}

describe('the receipt’s link', () => {
  it('comes with the reference: <reference>.<256-bit secret>, valid for the documented time, stored only as a hash', async () => {
    const { reference, link, expiresAt } = await submitWithLink();
    expect(isReference(reference)).toBe(true);
    const [ref, secret] = link.split('.');
    expect(ref).toBe(reference);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - clock.getTime()).toBe(DEFAULT_FOLLOW_UP_WEEKS * WEEK_MS);
    if (TEST_STORE === 'sqlite') {
      const file = await readFile(join(receiver.dataDir, 'klarskjema.sqlite'));
      expect(file.includes(Buffer.from(secret!))).toBe(false);
    }
  });

  it('opens the documents still outstanding, with the status and the submission’s language', async () => {
    const { reference, link } = await submitWithLink();
    const response = await view(link);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      reference,
      form: { id: 'stotte', version: '1.0.0' },
      locale: 'nb',
      variant: 'standard',
      status: 'mottatt',
      documents: [
        { field: 'dokumenter', document: 'lonnsslipp', state: 'outstanding', received: [] },
        {
          field: 'dokumenter',
          document: 'kontoutskrift',
          state: 'not-had',
          reason: 'Banken har ikke sendt den ennå.',
          received: [],
        },
      ],
    });
  });

  it('takes a file and a «har ikke» with a reason, and shows them', async () => {
    const { link, reference } = await submitWithLink();
    const upload = await send(`${receiver.url}/api/follow-up/attachments?document=lonnsslipp`, {
      headers: { ...bearer(link), 'Content-Type': 'application/pdf', 'Content-Disposition': disposition('lønn.pdf') },
      body: FILES.pdf,
    });
    expect(upload.status).toBe(201);
    expect(upload.json).toMatchObject({ document: 'lonnsslipp', type: 'application/pdf' });
    // The same bytes again: the first file, nothing new.
    const again = await send(`${receiver.url}/api/follow-up/attachments?document=lonnsslipp`, {
      headers: { ...bearer(link), 'Content-Type': 'application/pdf' },
      body: FILES.pdf,
    });
    expect(again.status).toBe(200);
    const notHad = await postJson(
      `${receiver.url}/api/follow-up/not-had`,
      {
        document: 'kontoutskrift',
        reason: 'Kontoen er stengt.',
      },
      bearer(link),
    );
    expect(notHad.status).toBe(201);
    const shown = (await view(link)).json as { documents: Array<Record<string, unknown>> };
    expect(shown.documents).toEqual([
      expect.objectContaining({ document: 'lonnsslipp', state: 'received', received: [clock.toISOString()] }),
      expect.objectContaining({ document: 'kontoutskrift', state: 'not-had', reason: 'Kontoen er stengt.' }),
    ]);
    const stored = receiver.rows('attachments').filter((row) => row.document_id === 'lonnsslipp');
    expect(stored).toHaveLength(1);
    expect(reference).toMatch(/^KS-/);
  });

  it('refuses what the link does not list, an empty reason and a file of another type', async () => {
    const { link } = await submitWithLink();
    const other = await send(`${receiver.url}/api/follow-up/attachments?document=husleiekontrakt`, {
      headers: { ...bearer(link), 'Content-Type': 'application/pdf' },
      body: FILES.pdf,
    });
    expect([other.status, codesOf(other)]).toEqual([400, ['unknown-document']]);
    const blank = await postJson(
      `${receiver.url}/api/follow-up/not-had`,
      { document: 'lonnsslipp', reason: ' ' },
      bearer(link),
    );
    expect([blank.status, codesOf(blank)]).toEqual([422, ['required']]);
    const text = await send(`${receiver.url}/api/follow-up/attachments?document=lonnsslipp`, {
      headers: { ...bearer(link), 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
  });

  it('answers a wrong, unknown, malformed or expired link alike, and reveals nothing', async () => {
    const { link, reference } = await submitWithLink();
    const wrongSecret = `${reference}.${'A'.repeat(43)}`;
    const unknown = `KS-2026-2222-2222.${link.split('.')[1]}`;
    const answers = [await view(wrongSecret), await view(unknown), await view('nonsense')];
    const attachmentsBefore = receiver.count('attachments');
    const before = clock;
    clock = new Date(clock.getTime() + DEFAULT_FOLLOW_UP_WEEKS * WEEK_MS + 1);
    try {
      answers.push(await view(link));
      const upload = await send(`${receiver.url}/api/follow-up/attachments?document=lonnsslipp`, {
        headers: { ...bearer(link), 'Content-Type': 'application/pdf' },
        body: FILES.pdf,
      });
      answers.push(upload);
    } finally {
      clock = before;
    }
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.text).toBe(answers[0]!.text);
    }
    // The expired link stored nothing.
    expect(receiver.count('attachments')).toBe(attachmentsBefore);
    // Still open before it expires.
    expect((await view(link)).status).toBe(200);
  });

  it('stops answering a reference after too many failed tries (429), for the right secret too', async () => {
    const { link, reference } = await submitWithLink();
    for (let i = 0; i < MAX_FOLLOW_UP_FAILURES_PER_REFERENCE; i++)
      expect((await view(`${reference}.${'B'.repeat(43)}`)).status).toBe(404);
    const limited = await view(link);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await view(link)).status).toBe(200);
  });

  it('never writes the secret, or the link, to the log', async () => {
    const { link } = await submitWithLink();
    const secret = link.split('.')[1]!;
    await view(link);
    await send(`${receiver.url}/api/follow-up/attachments?document=lonnsslipp`, {
      headers: { ...bearer(link), 'Content-Type': 'application/pdf', 'Content-Disposition': disposition('x.pdf') },
      body: FILES.png,
    });
    await postJson(
      `${receiver.url}/api/follow-up/not-had`,
      { document: 'kontoutskrift', reason: 'Nei.' },
      bearer(link),
    );
    await view(`${link.split('.')[0]}.${'C'.repeat(43)}`);
    const log = receiver.logs.join('\n');
    expect(log).toContain('"route":"/api/follow-up/attachments"');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(link);
    expect(log).not.toContain(link.split('.')[0]);
  });
});

describe('a document asked for per item', () => {
  it('is uploaded under <document>.<item id>, as the widget names it; anything else after the dot is refused', async () => {
    const id = crypto.randomUUID();
    const token = (
      (await send(`${receiver.url}/api/forms/sosialhjelp/submissions/${id}/upload-token`)).json as {
        token: string;
      }
    ).token;
    const upload = (document: string) =>
      send(
        `${receiver.url}/api/forms/sosialhjelp/submissions/${id}/attachments?document=${encodeURIComponent(document)}`,
        {
          headers: { 'Content-Type': 'application/pdf', 'Upload-Token': token },
          body: FILES.pdf,
        },
      );
    const stored = await upload('samvaersavtale.k3x9q2m1');
    expect([stored.status, (stored.json as { document: string }).document]).toEqual([201, 'samvaersavtale.k3x9q2m1']);
    for (const document of ['samvaersavtale.K3X', 'samvaersavtale.k3x9q2m1.x', 'samvaersavtale.', 'ukjent.k3x9q2m1'])
      expect((await upload(document)).status, document).toBe(400);
  });
});

// The reference receiver over HTTP on 127.0.0.1 (ephemeral port, temporary data folder).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_BODY_BYTES, MAX_FILES_PER_DOCUMENT } from '../src/limits.ts';
import { isReference } from '../src/reference.ts';
import type { SubmissionStore } from '../src/store.ts';
import { exampleFormIds } from '../../../test/helpers/form-packages.ts';
import {
  disposition,
  FILES,
  kontaktSubmission,
  postJson,
  send,
  startTestReceiver,
  stotteSubmission,
  TEST_STORE_KIND,
  uploadToken,
  type RawResponse,
  type TestReceiver,
} from './helpers.ts';

let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startTestReceiver();
});
afterAll(async () => {
  await receiver?.stop();
});

const submissions = (form = 'kontakt') => `${receiver.url}/api/forms/${form}/submissions`;
const errorsOf = (response: RawResponse) =>
  (response.json as { errors: Array<{ pointer: string; code: string }> }).errors.map((e) => [e.pointer, e.code]);

describe('GET /api/health', () => {
  it('says the receiver, its storage and its forms are there', async () => {
    const response = await send(`${receiver.url}/api/health`, { method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      status: 'ok',
      storage: TEST_STORE_KIND,
      forms: exampleFormIds.map((id) => ({ id, version: '1.0.0' })),
    });
    expect((await send(`${receiver.url}/api/health`, { method: 'POST' })).status).toBe(405);
    expect((await send(`${receiver.url}/api/nothing`, { method: 'GET' })).status).toBe(404);
  });
});

describe('POST /api/forms/<form>/submissions', () => {
  it('stores a valid submission once and answers 201 with a readable reference', async () => {
    const submission = stotteSubmission();
    const response = await postJson(submissions('stotte'), submission);
    expect(response.status).toBe(201);
    const { reference } = response.json as { reference: string };
    expect(reference).toMatch(/^KS-\d{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(isReference(reference)).toBe(true);
    const row = receiver.rows('submissions').find((r) => r.idempotency_key === submission.id)!;
    expect(row).toMatchObject({ reference, form_id: 'stotte', form_version: '1.0.0' });
    expect(JSON.parse(row.submission as string)).toEqual(submission);
  });

  it('is idempotent: the same id again (header or not, even sent later) gets 200 and the first reference, and stores nothing', async () => {
    const submission = kontaktSubmission();
    const first = await postJson(submissions(), submission, { 'Idempotency-Key': submission.id });
    expect(first.status).toBe(201);
    const before = receiver.count('submissions');
    const again = await postJson(submissions(), submission, { 'Idempotency-Key': submission.id });
    const retried = await postJson(submissions(), { ...submission, submittedAt: '2026-03-03T10:05:00.000Z' });
    for (const response of [again, retried]) {
      expect(response.status).toBe(200);
      // The first reference, and a link of its own for documents sent later (the first answer never arrived).
      const { reference, followUp } = response.json as { reference: string; followUp: { link: string } };
      expect(reference).toBe((first.json as { reference: string }).reference);
      expect(followUp.link.startsWith(`${reference}.`)).toBe(true);
      expect(followUp.link).not.toBe((first.json as { followUp: { link: string } }).followUp.link);
      expect(response.headers['idempotency-replayed']).toBe('true');
    }
    expect(receiver.count('submissions')).toBe(before);
  });

  it('refuses the same id with a changed body (409 changed-body) and keeps the first one as it was', async () => {
    const submission = kontaktSubmission();
    const first = await postJson(submissions(), submission, { 'Idempotency-Key': submission.id });
    expect(first.status).toBe(201);
    const before = receiver.count('submissions');
    const changed = {
      ...submission,
      answers: { ...submission.answers, telefon: '92345678' },
      submittedAt: '2026-03-03T10:05:00.000Z',
    };
    const interpreter = { ...submission, help: { contact: false, interpreter: true, interpreterLanguage: 'uk' } };
    for (const body of [changed, interpreter]) {
      const response = await postJson(submissions(), body, { 'Idempotency-Key': submission.id });
      expect(response.status).toBe(409);
      expect(errorsOf(response)).toEqual([['/id', 'changed-body']]);
      expect(response.headers['idempotency-replayed']).toBeUndefined();
    }
    expect(receiver.count('submissions')).toBe(before);
    const row = receiver.rows('submissions').find((r) => r.idempotency_key === submission.id)!;
    expect(JSON.parse(row.submission as string)).toEqual(submission);
    // The first body still replays.
    expect((await postJson(submissions(), submission)).status).toBe(200);
  });

  it('200 concurrent submissions of which 50 repeat an earlier key end as exactly 150 rows', async () => {
    const before = receiver.count('submissions');
    const unique = Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? kontaktSubmission() : stotteSubmission()));
    const repeats = unique.slice(0, 50);
    const all = [...unique, ...repeats];
    const responses = await Promise.all(
      all.map((s) => postJson(submissions(s.form.id), s, { 'Idempotency-Key': s.id })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(150);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(50);
    expect(receiver.count('submissions') - before).toBe(150);
    const referenceOf = (i: number) => (responses[i]!.json as { reference: string }).reference;
    for (let i = 0; i < 50; i++) expect(referenceOf(150 + i)).toBe(referenceOf(i));
    expect(new Set(unique.map((_, i) => referenceOf(i))).size).toBe(150);
  });

  describe('refuses with a clear 4xx and stores nothing', () => {
    let before = 0;
    beforeAll(() => {
      before = receiver.count('submissions');
    });
    afterAll(() => {
      expect(receiver.count('submissions')).toBe(before);
    });

    it('a body that is not JSON (400)', async () => {
      const response = await postJson(submissions(), '{"id": ');
      expect(response.status).toBe(400);
      expect(errorsOf(response)).toEqual([['', 'invalid-json']]);
    });

    it('an invalid submission (422), pointing at the fields', async () => {
      const submission = kontaktSubmission();
      const { telefon: _, ...answers } = submission.answers;
      const response = await postJson(submissions(), {
        ...submission,
        answers: { ...answers, epost: 'kari@', tolk: false },
      });
      expect(response.status).toBe(422);
      expect(errorsOf(response)).toEqual([
        ['/answers/tolkesprak', 'not-relevant'],
        ['/answers/telefon', 'required'],
        ['/answers/epost', 'format.email'],
      ]);
    });

    it('unknown keys (422)', async () => {
      const submission = kontaktSubmission();
      const response = await postJson(submissions(), {
        ...submission,
        isAdmin: true,
        answers: { ...submission.answers, ekstra: 'x' },
      });
      expect(response.status).toBe(422);
      expect(errorsOf(response)).toEqual([
        ['/isAdmin', 'unknown-key'],
        ['/answers/ekstra', 'unknown-key'],
      ]);
    });

    it('__proto__ and constructor keys (422)', async () => {
      const text = JSON.stringify(kontaktSubmission()).replace(
        '"answers":{',
        '"answers":{"__proto__":{"polluted":true},',
      );
      const proto = await postJson(submissions(), text);
      expect(proto.status).toBe(422);
      expect(errorsOf(proto)).toEqual([['/answers/__proto__', 'forbidden-key']]);
      const constructor = await postJson(
        submissions(),
        JSON.stringify(kontaktSubmission()).replace(/^\{/, '{"constructor":{"prototype":{"x":1}},'),
      );
      expect(constructor.status).toBe(422);
      expect(errorsOf(constructor)).toEqual([['/constructor', 'forbidden-key']]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a 20 MB string (413), announced by Content-Length or not', async () => {
      const text = JSON.stringify(kontaktSubmission({ submittedAt: 'x'.repeat(20 * 1024 * 1024) }));
      const announced = await postJson(submissions(), text);
      expect(announced.status).toBe(413);
      expect(errorsOf(announced)).toEqual([['', 'too-large']]);
      const chunks = Array.from({ length: 40 }, (_, i) => Buffer.from(text.slice(i * 524_288, (i + 1) * 524_288)));
      const streamed = await send(submissions(), { headers: { 'Content-Type': 'application/json' }, body: chunks });
      expect(streamed.status).toBe(413);
    });

    it('a string too long for one answer, inside a body that is not too large (422)', async () => {
      const submission = kontaktSubmission();
      const response = await postJson(submissions(), {
        ...submission,
        answers: { ...submission.answers, beskrivelse: 'x'.repeat(MAX_BODY_BYTES / 2) },
      });
      expect(response.status).toBe(422);
      expect(errorsOf(response)).toEqual([['/answers/beskrivelse', 'too-long']]);
    });

    it('a wrong or missing content type (415)', async () => {
      const body = JSON.stringify(kontaktSubmission());
      for (const headers of [
        { 'Content-Type': 'text/plain' },
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        { 'Content-Type': 'application/json; charset=latin1' },
        {},
      ] as Array<Record<string, string>>) {
        const response = await send(submissions(), { headers, body });
        expect(response.status).toBe(415);
        expect(errorsOf(response)).toEqual([['', 'unsupported-media-type']]);
      }
    });

    it('an Idempotency-Key that is not the submission id (400)', async () => {
      const response = await postJson(submissions(), kontaktSubmission(), { 'Idempotency-Key': 'another-key-123' });
      expect(response.status).toBe(400);
      expect(errorsOf(response)).toEqual([['/id', 'idempotency-key']]);
    });

    it('a submission of another form or version (422), an id used by another form (409)', async () => {
      expect(errorsOf(await postJson(submissions('kontakt'), stotteSubmission()))).toEqual([
        ['/form/id', 'wrong-form'],
      ]);
      expect(
        errorsOf(await postJson(submissions(), kontaktSubmission({ form: { id: 'kontakt', version: '2.0.0' } }))),
      ).toEqual([['/form/version', 'wrong-version']]);
      const stored = receiver.rows('submissions').find((r) => r.form_id === 'stotte')!;
      const reused = await postJson(submissions(), kontaktSubmission({ id: stored.idempotency_key as string }));
      expect(reused.status).toBe(409);
    });

    it('an unknown form (404)', async () => {
      const response = await postJson(submissions('skatt'), kontaktSubmission());
      expect(response.status).toBe(404);
      expect(errorsOf(response)).toEqual([['', 'unknown-form']]);
      expect(
        (
          await send(`${receiver.url}/api/forms/skatt/submissions/abcdefgh-1/attachments?document=x`, {
            headers: { 'Content-Type': 'application/pdf' },
            body: FILES.pdf,
          })
        ).status,
      ).toBe(404);
    });

    it('other methods (405)', async () => {
      const response = await send(submissions(), { method: 'GET' });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('POST');
    });
  });
});

describe('GET /api/forms/<form>/submissions/<id>', () => {
  it('answers the reference of a stored submission, and only that; 404 for an id not stored for this form', async () => {
    const submission = stotteSubmission();
    const stored = await postJson(submissions('stotte'), submission);
    expect(stored.status).toBe(201);
    const found = await send(`${submissions('stotte')}/${submission.id}`, { method: 'GET' });
    expect(found.status).toBe(200);
    // Only the reference: never the link for documents sent later.
    expect(found.json).toEqual({ reference: (stored.json as { reference: string }).reference });
    expect(found.headers['cache-control']).toBe('no-store');
    for (const url of [
      `${submissions('kontakt')}/${submission.id}`,
      `${submissions('stotte')}/${kontaktSubmission().id}`,
      `${submissions('stotte')}/x`,
    ]) {
      const missing = await send(url, { method: 'GET' });
      expect(missing.status).toBe(404);
      expect(errorsOf(missing)).toEqual([['', 'not-found']]);
    }
    expect((await send(`${submissions('nope')}/${submission.id}`, { method: 'GET' })).status).toBe(404);
    expect((await send(`${submissions('stotte')}/${submission.id}`, { method: 'POST' })).status).toBe(405);
  });
});

describe('POST /api/forms/<form>/submissions/<id>/attachments', () => {
  const uploadUrl = (id: string, document = 'husleiekontrakt') =>
    `${receiver.url}/api/forms/stotte/submissions/${id}/attachments?document=${encodeURIComponent(document)}`;
  const upload = async (id: string, body: Buffer | Buffer[], type: string, document?: string) =>
    send(uploadUrl(id, document), {
      headers: {
        'Content-Type': type,
        'Upload-Token': await uploadToken(receiver.url, 'stotte', id),
        'Content-Disposition': disposition('kontrakt.pdf'),
        ...(Array.isArray(body) ? {} : { 'Content-Length': String(body.length) }),
      },
      body,
    });

  it('stores PDF, JPEG, PNG and HEIC files on disk, typed by their bytes, and the same file twice once', async () => {
    const id = stotteSubmission().id;
    const pdf = await upload(id, FILES.pdf, 'application/pdf');
    expect(pdf.status).toBe(201);
    const body = pdf.json as { ref: string; type: string; size: number; sha256: string; document: string };
    expect(body).toMatchObject({ type: 'application/pdf', size: FILES.pdf.length, document: 'husleiekontrakt' });
    const row = receiver.rows('attachments').find((r) => r.ref === body.ref)!;
    expect(row).toMatchObject({
      submission_id: id,
      form_id: 'stotte',
      document_id: 'husleiekontrakt',
      file_name: 'kontrakt.pdf',
      media_type: 'application/pdf',
      size: FILES.pdf.length,
    });
    expect(await readFile(join(receiver.dataDir, row.storage_path as string))).toEqual(FILES.pdf);

    const again = await upload(id, FILES.pdf, 'application/pdf');
    expect(again.status).toBe(200);
    expect((again.json as { ref: string }).ref).toBe(body.ref);

    // The bytes decide: a PNG sent as JPEG is a PNG, and "I don't know" (octet-stream) is fine.
    expect(((await upload(id, FILES.png, 'image/jpeg')).json as { type: string }).type).toBe('image/png');
    expect(((await upload(id, FILES.jpeg, 'application/octet-stream')).json as { type: string }).type).toBe(
      'image/jpeg',
    );
    expect(((await upload(id, FILES.heic, 'image/heic')).json as { type: string }).type).toBe('image/heic');
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(4);
  });

  it('refuses files whose magic bytes are not PDF/JPEG/PNG/HEIC, whatever their declared type (415)', async () => {
    const id = stotteSubmission().id;
    for (const [file, type] of [
      [FILES.text, 'application/pdf'],
      [FILES.zip, 'image/png'],
      [FILES.exe, 'application/octet-stream'],
      [FILES.avif, 'image/heic'],
    ] as const) {
      const response = await upload(id, file, type);
      expect(response.status).toBe(415);
      expect(errorsOf(response)).toEqual([['', 'unsupported-type']]);
    }
    const declared = await upload(id, FILES.pdf, 'text/plain');
    expect(declared.status).toBe(415);
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(0);
  });

  it('refuses a file over 10 MB (413), announced or streamed, and leaves nothing behind', async () => {
    const id = stotteSubmission().id;
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20)]);
    expect((await upload(id, big, 'application/pdf')).status).toBe(413);
    const chunks = Array.from({ length: Math.ceil(big.length / 1_048_576) }, (_, i) =>
      big.subarray(i * 1_048_576, (i + 1) * 1_048_576),
    );
    const streamed = await upload(id, chunks, 'application/pdf');
    expect(streamed.status).toBe(413);
    expect(errorsOf(streamed)).toEqual([['', 'too-large']]);
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(0);
    expect(await readdir(join(receiver.dataDir, 'attachments', '.incoming'))).toEqual([]);
    // Exactly the limit is fine.
    const exact = Buffer.concat([FILES.pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES - FILES.pdf.length, 0x20)]);
    expect((await upload(id, exact, 'application/pdf')).status).toBe(201);
  });

  it('refuses an unknown document, a bad submission id, an empty file, and too many files for one document', async () => {
    const id = stotteSubmission().id;
    expect(errorsOf(await upload(id, FILES.pdf, 'application/pdf', 'pass'))).toEqual([['', 'unknown-document']]);
    expect(
      (
        await send(
          `${receiver.url}/api/forms/stotte/submissions/${encodeURIComponent('../../etc')}/attachments?document=husleiekontrakt`,
          { headers: { 'Content-Type': 'application/pdf' }, body: FILES.pdf },
        )
      ).status,
    ).toBe(400);
    expect(errorsOf(await upload(id, Buffer.alloc(0), 'application/pdf'))).toEqual([['', 'empty']]);
    for (let i = 0; i < MAX_FILES_PER_DOCUMENT; i++) {
      expect(
        (await upload(id, Buffer.concat([FILES.pdf, Buffer.from(String(i))]), 'application/pdf', 'kontoutskrift'))
          .status,
      ).toBe(201);
    }
    const extra = await upload(
      id,
      Buffer.concat([FILES.pdf, Buffer.from('extra')]),
      'application/pdf',
      'kontoutskrift',
    );
    expect(extra.status).toBe(422);
    expect(errorsOf(extra)).toEqual([['', 'too-many-files']]);
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(MAX_FILES_PER_DOCUMENT);
  });
});

describe('privacy and failure', () => {
  it('logs one line per request, with no answers and no file names', () => {
    expect(receiver.logs.length).toBeGreaterThan(200);
    for (const line of receiver.logs) {
      expect(JSON.parse(line)).toMatchObject({
        event: 'request',
        method: expect.stringMatching(/^(GET|POST|HEAD)$/),
        route: expect.any(String),
        status: expect.any(Number),
        duration_ms: expect.any(Number),
      });
      for (const secret of ['Kari', '01010000110', '91234567', 'kontrakt.pdf', 'utkastelse', 'Storgata'])
        expect(line).not.toContain(secret);
    }
  });

  it('answers 500 without a stack trace when the store fails, 503 storage-unavailable when the storage does, and 503 on health', async () => {
    const failing = await startTestReceiver({
      store: (): SubmissionStore => ({
        kind: 'broken',
        saveSubmission: () =>
          Promise.reject(Object.assign(new Error('disk on fire at /var/lib/secret'), { code: 'EIO' })),
        saveAttachment: () => Promise.reject(new Error('nope')),
        findSubmission: () => Promise.reject(new Error('bug at /var/lib/secret')),
        uploadsOf: () => Promise.reject(new Error('nope')),
        deleteUnsubmittedUploads: () => Promise.reject(new Error('nope')),
        ping: () => Promise.reject(new Error('nope')),
        probeWrite: () => Promise.reject(Object.assign(new Error('nope'), { code: 'SQLITE_FULL' })),
        close: () => Promise.resolve(),
      }),
    });
    try {
      const response = await postJson(`${failing.url}/api/forms/kontakt/submissions`, kontaktSubmission());
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('30');
      expect(response.json).toEqual({
        errors: [{ pointer: '', code: 'storage-unavailable', message: expect.any(String) }],
      });
      expect(response.text).not.toMatch(/ at |fire|secret/);
      expect(JSON.parse(failing.logs.at(-1)!)).toMatchObject({
        status: 503,
        outcome: 'storage-unavailable',
        store_error: 'EIO',
      });
      const broken = await send(`${failing.url}/api/forms/kontakt/submissions/${kontaktSubmission().id}`, {
        method: 'GET',
      });
      expect(broken.status).toBe(500);
      expect(broken.json).toEqual({
        errors: [{ pointer: '', code: 'internal', message: 'The receiver failed. Try again later.' }],
      });
      expect(broken.text).not.toMatch(/ at |bug|secret/);
      const health = await send(`${failing.url}/api/health`, { method: 'GET' });
      expect(health.status).toBe(503);
      expect(health.json).toMatchObject({ status: 'unavailable' });
      expect((await send(`${failing.url}/api/live`, { method: 'GET' })).status).toBe(200);
    } finally {
      await failing.close();
    }
  });
});

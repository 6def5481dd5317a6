// Uploads belong to an application: tokens, the file name in a header, quotas per submission id, file
// answers that must name uploads of this application, and the sweep of uploads no submission followed.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../src/content-disposition.ts';
import {
  MAX_BYTES_PER_SUBMISSION,
  MAX_FILES_PER_DOCUMENT,
  MAX_FILES_PER_SUBMISSION,
  UPLOAD_TOKEN_TTL_MS,
} from '../src/limits.ts';
import { uploadTtlFromEnv } from '../src/receiver.ts';
import { LEFTOVER_GRACE_MS } from '../src/upload-sweep.ts';
import { issueUploadToken, loadUploadSecret, UPLOAD_SECRET_FILE, verifyUploadToken } from '../src/upload-token.ts';
import {
  disposition,
  FILES,
  openTestStore,
  postJson,
  send,
  startTestReceiver,
  stotteSubmission,
  uploadToken,
  type RawResponse,
  type TestReceiver,
} from './helpers.ts';

const errorsOf = (response: RawResponse) =>
  (response.json as { errors: Array<{ pointer: string; code: string }> }).errors.map((e) => [e.pointer, e.code]);

describe('upload tokens', () => {
  const secret = Buffer.alloc(32, 7);
  const at = new Date('2026-03-03T10:00:00.000Z');

  it('hold for their form and submission id until they expire, and for nothing else', () => {
    const { token, expiresAt } = issueUploadToken(
      secret,
      'stotte',
      'abcdefgh-1',
      new Date(at.getTime() + UPLOAD_TOKEN_TTL_MS),
    );
    expect(expiresAt.toISOString()).toBe('2026-03-03T11:00:00.000Z');
    expect(verifyUploadToken(secret, token, 'stotte', 'abcdefgh-1', at)).toBe('ok');
    expect(verifyUploadToken(secret, token, 'stotte', 'abcdefgh-2', at)).toBe('forged');
    expect(verifyUploadToken(secret, token, 'kontakt', 'abcdefgh-1', at)).toBe('forged');
    expect(verifyUploadToken(Buffer.alloc(32, 8), token, 'stotte', 'abcdefgh-1', at)).toBe('forged');
    expect(verifyUploadToken(secret, token, 'stotte', 'abcdefgh-1', expiresAt)).toBe('expired');
    expect(verifyUploadToken(secret, undefined, 'stotte', 'abcdefgh-1', at)).toBe('missing');
    expect(verifyUploadToken(secret, 'x', 'stotte', 'abcdefgh-1', at)).toBe('malformed');
    // A later expiry under the old MAC is a forgery, not a longer token.
    const [version, seconds, mac] = token.split('.');
    expect(verifyUploadToken(secret, `${version}.${Number(seconds) + 3600}.${mac}`, 'stotte', 'abcdefgh-1', at)).toBe(
      'forged',
    );
  });

  it('take their secret from the data folder (created once, mode 0600) or from the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-secret-'));
    try {
      const [a, b] = await Promise.all([loadUploadSecret(dir, {}), loadUploadSecret(dir, {})]);
      expect(a.length).toBe(32);
      expect(b).toEqual(a);
      expect((await stat(join(dir, UPLOAD_SECRET_FILE))).mode & 0o777).toBe(0o600);
      expect(await loadUploadSecret(dir, {})).toEqual(await readFile(join(dir, UPLOAD_SECRET_FILE)));
      const fromEnv = 'x'.repeat(40);
      expect(await loadUploadSecret(dir, { KLARSKJEMA_UPLOAD_SECRET: fromEnv })).toEqual(Buffer.from(fromEnv));
      await expect(loadUploadSecret(dir, { KLARSKJEMA_UPLOAD_SECRET: 'short' })).rejects.toThrow(/at least 32/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('KLARSKJEMA_UPLOAD_TTL_HOURS sets how long uploads wait (24 h by default)', () => {
    expect(uploadTtlFromEnv({})).toBe(24 * 3_600_000);
    expect(uploadTtlFromEnv({ KLARSKJEMA_UPLOAD_TTL_HOURS: '0.5' })).toBe(1_800_000);
    expect(() => uploadTtlFromEnv({ KLARSKJEMA_UPLOAD_TTL_HOURS: '-1' })).toThrow();
    expect(() => uploadTtlFromEnv({ KLARSKJEMA_UPLOAD_TTL_HOURS: 'a day' })).toThrow();
  });
});

describe('upload tokens, byte for byte', () => {
  it('takes only the MAC text it issued: every other last character is refused, though some decode to the same bytes', () => {
    const secret = Buffer.alloc(32, 7);
    const at = new Date('2026-03-03T10:00:00Z');
    for (let n = 0; n < 20; n++) {
      const { token } = issueUploadToken(secret, 'stotte', `abcdefgh-${n}`, new Date(at.getTime() + 3_600_000));
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const accepted = [...alphabet].filter(
        (last) => verifyUploadToken(secret, `${token.slice(0, -1)}${last}`, 'stotte', `abcdefgh-${n}`, at) === 'ok',
      );
      expect(accepted).toEqual([token.slice(-1)]);
    }
  });
});

describe('Content-Disposition', () => {
  it('gives the UTF-8 name of filename*, or an ASCII filename, and refuses the rest', () => {
    const name = (header: string | undefined) => fileNameFromDisposition(header);
    expect(name(undefined)).toEqual({ ok: true, name: null });
    expect(name('attachment')).toEqual({ ok: true, name: null });
    expect(name(disposition('Kontoutskrift mars – Åse.pdf'))).toEqual({
      ok: true,
      name: 'Kontoutskrift mars – Åse.pdf',
    });
    expect(name("attachment; filename*=utf-8'nb'l%C3%B8nn.pdf")).toEqual({ ok: true, name: 'lønn.pdf' });
    expect(name('attachment; filename="a; b \\"c\\".pdf"')).toEqual({ ok: true, name: 'a; b "c".pdf' });
    expect(name('attachment; filename=plain.pdf')).toEqual({ ok: true, name: 'plain.pdf' });
    expect(name(`attachment; filename="fallback.pdf"; ${disposition('ekte navn.pdf').slice(12)}`)).toEqual({
      ok: true,
      name: 'ekte navn.pdf',
    });
    for (const bad of [
      "inline; filename*=UTF-8''a.pdf",
      "attachment; filename*=ISO-8859-1''a.pdf",
      "attachment; filename*=UTF-8''%FF.pdf",
      'attachment; filename="unterminated',
      'attachment; filename="lønn.pdf"',
      'attachment; filename=a.pdf; filename=b.pdf',
      'attachment; =x',
    ])
      expect(name(bad).ok, bad).toBe(false);
  });
});

describe('quotas in the store, with the real limits', () => {
  it('at most 60 files and 100 MB per submission id, whatever the documents', async () => {
    const { store } = await openTestStore();
    const quota = { files: MAX_FILES_PER_SUBMISSION, bytes: MAX_BYTES_PER_SUBMISSION };
    const record = (submissionId: string, documentId: string, i: number, size: number) => ({
      ref: randomUUID(),
      formId: 'sosialhjelp',
      submissionId,
      documentId,
      fileName: null,
      type: 'application/pdf' as const,
      size,
      sha256: `${documentId}-${i}`,
      storagePath: `attachments/x/${i}`,
      receivedAt: new Date(),
    });
    const many = 'many-files-1';
    const documents = ['husleiekontrakt', 'boliglan', 'stromregning', 'lonnsslipp'];
    let stored = 0;
    for (const documentId of documents) {
      for (let i = 0; i < MAX_FILES_PER_DOCUMENT; i++) {
        const result = await store.saveAttachment(record(many, documentId, i, 1000), MAX_FILES_PER_DOCUMENT, quota);
        if (result.status === 'created') stored += 1;
        else expect(result.status).toBe('quota-files');
      }
    }
    expect(stored).toBe(MAX_FILES_PER_SUBMISSION);
    const big = 'big-files-1';
    for (let i = 0; i < 10; i++)
      expect(
        (await store.saveAttachment(record(big, documents[i % 4]!, i, 10 * 1024 * 1024), MAX_FILES_PER_DOCUMENT, quota))
          .status,
      ).toBe('created');
    expect(
      (await store.saveAttachment(record(big, 'barnehage-sfo', 99, 1), MAX_FILES_PER_DOCUMENT, quota)).status,
    ).toBe('quota-bytes');
    // Another submission id has its own quota.
    expect(
      (await store.saveAttachment(record('another-id-1', 'husleiekontrakt', 0, 1000), MAX_FILES_PER_DOCUMENT, quota))
        .status,
    ).toBe('created');
    await store.close();
  });
});

describe('the upload route', () => {
  let receiver: TestReceiver;
  let clock = new Date('2026-03-03T10:00:00.000Z');
  beforeAll(async () => {
    receiver = await startTestReceiver({
      receiver: { now: () => clock, quota: { files: 5, bytes: 6 * FILES.pdf.length } },
    });
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  const attachmentsOf = (id: string) => `${receiver.url}/api/forms/stotte/submissions/${id}/attachments`;
  const put = (
    id: string,
    headers: Record<string, string>,
    body: Buffer = FILES.pdf,
    query = '?document=husleiekontrakt',
  ) =>
    send(`${attachmentsOf(id)}${query}`, {
      headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(body.length), ...headers },
      body,
    });
  const variant = (i: number) => Buffer.concat([FILES.pdf, Buffer.from(`variant ${i}`)]);

  it('issues tokens only by POST without a body, and they are bound to form and id', async () => {
    const id = randomUUID();
    const issued = await send(`${receiver.url}/api/forms/stotte/submissions/${id}/upload-token`, { method: 'POST' });
    expect(issued.status).toBe(201);
    const { token, expiresAt } = issued.json as { token: string; expiresAt: string };
    expect(expiresAt).toBe(new Date(clock.getTime() + UPLOAD_TOKEN_TTL_MS).toISOString());
    expect(issued.headers['cache-control']).toBe('no-store');
    expect(
      (await send(`${receiver.url}/api/forms/stotte/submissions/${id}/upload-token`, { method: 'GET' })).status,
    ).toBe(405);
    expect(
      (
        await send(`${receiver.url}/api/forms/stotte/submissions/${id}/upload-token`, {
          headers: { 'Content-Length': '2' },
          body: '{}',
        })
      ).status,
    ).toBe(400);
    expect(
      (await send(`${receiver.url}/api/forms/nope/submissions/${id}/upload-token`, { method: 'POST' })).status,
    ).toBe(404);
    expect(
      (await send(`${receiver.url}/api/forms/stotte/submissions/..%2F..%2Fetc/upload-token`, { method: 'POST' }))
        .status,
    ).toBe(400);

    expect((await put(id, { 'Upload-Token': token })).status).toBe(201);
    const other = randomUUID();
    const refusals = [
      await put(other, { 'Upload-Token': token }), // another submission id
      await put(id, {}), // none
      // forged (a MAC that ended in "AA" once in about a thousand runs was the real one, and CI failed on it)
      await put(id, { 'Upload-Token': `${token.slice(0, -2)}${token.endsWith('AA') ? 'QQ' : 'AA'}` }),
      await put(id, { 'Upload-Token': await uploadToken(receiver.url, 'kontakt', id) }), // another form
    ];
    clock = new Date(clock.getTime() + UPLOAD_TOKEN_TTL_MS);
    refusals.push(await put(id, { 'Upload-Token': token }, variant(1))); // expired
    clock = new Date('2026-03-03T10:00:00.000Z');
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expect(errorsOf(response)).toEqual([['', 'upload-token']]);
    }
    expect(receiver.rows('attachments').filter((r) => r.submission_id === other)).toHaveLength(0);
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(1);
  });

  it('takes the file name from Content-Disposition, never from the URL', async () => {
    const id = randomUUID();
    const token = await uploadToken(receiver.url, 'stotte', id);
    const named = await put(id, { 'Upload-Token': token, 'Content-Disposition': disposition('Husleie – mars.pdf') });
    expect(named.status).toBe(201);
    expect(receiver.rows('attachments').find((r) => r.ref === (named.json as { ref: string }).ref)!.file_name).toBe(
      'Husleie – mars.pdf',
    );
    const inUrl = await put(id, { 'Upload-Token': token }, variant(2), '?document=husleiekontrakt&name=secret.pdf');
    expect(inUrl.status).toBe(400);
    expect(errorsOf(inUrl)).toEqual([['', 'name-in-url']]);
    const control = await put(
      id,
      { 'Upload-Token': token, 'Content-Disposition': disposition('a\u0007b.pdf') },
      variant(3),
    );
    expect(errorsOf(control)).toEqual([['', 'invalid-name']]);
    const unreadable = await put(
      id,
      { 'Upload-Token': token, 'Content-Disposition': 'form-data; name="file"' },
      variant(4),
    );
    expect(errorsOf(unreadable)).toEqual([['', 'invalid-name']]);
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(1);
    for (const line of receiver.logs) expect(line).not.toContain('secret.pdf');
  });

  it('holds the quota of files and bytes per submission id under concurrent uploads', async () => {
    const id = randomUUID();
    const token = await uploadToken(receiver.url, 'stotte', id);
    const documents = ['husleiekontrakt', 'lonnsslipp', 'kontoutskrift'];
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        put(id, { 'Upload-Token': token }, variant(100 + i), `?document=${documents[i % 3]}`),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(5);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(422);
      expect(errorsOf(refused)).toEqual([['', 'too-many-files']]);
    }
    expect(receiver.rows('attachments').filter((r) => r.submission_id === id)).toHaveLength(5);

    const bytesId = randomUUID();
    const bytesToken = await uploadToken(receiver.url, 'stotte', bytesId);
    const large = Buffer.concat([FILES.pdf, Buffer.alloc(FILES.pdf.length * 2, 0x20)]); // three quota units each
    expect((await put(bytesId, { 'Upload-Token': bytesToken }, large)).status).toBe(201);
    const over = await put(
      bytesId,
      { 'Upload-Token': bytesToken },
      Buffer.concat([large, Buffer.from('x')]),
      '?document=lonnsslipp',
    );
    expect(over.status).toBe(413);
    expect(errorsOf(over)).toEqual([['', 'quota-bytes']]);
    expect(receiver.rows('attachments').filter((r) => r.submission_id === bytesId)).toHaveLength(1);
    // The refused files are not on disk either.
    const files = await readdir(join(receiver.dataDir, 'attachments', 'stotte', bytesId));
    expect(files).toHaveLength(1);
    expect(await readdir(join(receiver.dataDir, 'attachments', '.incoming'))).toEqual([]);
  });

  it('accepts a submission only when each file answer names an upload of this id and document', async () => {
    const submission = stotteSubmission();
    const token = await uploadToken(receiver.url, 'stotte', submission.id);
    const mine = ((await put(submission.id, { 'Upload-Token': token }, variant(200))).json as { ref: string }).ref;
    const otherDocument = (
      (await put(submission.id, { 'Upload-Token': token }, variant(201), '?document=lonnsslipp')).json as {
        ref: string;
      }
    ).ref;
    const stranger = randomUUID();
    const theirs = (
      (await put(stranger, { 'Upload-Token': await uploadToken(receiver.url, 'stotte', stranger) }, variant(202)))
        .json as { ref: string }
    ).ref;
    const withRefs = (...refs: string[]) => ({
      ...submission,
      answers: {
        ...submission.answers,
        dokumenter: {
          ...(submission.answers.dokumenter as object),
          husleiekontrakt: {
            status: 'uploaded',
            files: refs.map((ref, i) => ({ name: `f${i}.pdf`, size: 2048, type: 'application/pdf', ref })),
          },
        },
      },
    });
    const url = `${receiver.url}/api/forms/stotte/submissions`;
    const before = receiver.count('submissions');
    const refused = await postJson(url, withRefs(mine, 'never-uploaded', otherDocument, theirs));
    expect(refused.status).toBe(422);
    expect(errorsOf(refused)).toEqual(
      [1, 2, 3].map((i) => [`/answers/dokumenter/husleiekontrakt/files/${i}/ref`, 'unknown-upload']),
    );
    expect(receiver.count('submissions')).toBe(before);
    expect((await postJson(url, withRefs(mine))).status).toBe(201);
  });

  it('sweeps uploads whose submission never came after the TTL, and keeps the others', async () => {
    const submitted = stotteSubmission();
    const abandoned = randomUUID();
    const upload = async (id: string, body: Buffer) =>
      ((await put(id, { 'Upload-Token': await uploadToken(receiver.url, 'stotte', id) }, body)).json as { ref: string })
        .ref;
    const keptRef = await upload(submitted.id, variant(300));
    const goneRef = await upload(abandoned, variant(301));
    const dokumenter = {
      ...(submitted.answers.dokumenter as object),
      husleiekontrakt: {
        status: 'uploaded',
        files: [{ name: 'k.pdf', size: 2048, type: 'application/pdf', ref: keptRef }],
      },
    };
    expect(
      (
        await postJson(`${receiver.url}/api/forms/stotte/submissions`, {
          ...submitted,
          answers: { ...submitted.answers, dokumenter },
        })
      ).status,
    ).toBe(201);
    clock = new Date(clock.getTime() + 60_000);
    const recent = randomUUID();
    const recentRef = await upload(recent, variant(302));

    // One hour short of the TTL for the abandoned upload: nothing goes.
    expect(await receiver.receiver.sweep(new Date(clock.getTime() + 23 * 3_600_000 - 60_000))).toEqual({ uploads: 0 });
    const swept = await receiver.receiver.sweep(new Date(clock.getTime() + 24 * 3_600_000 - 30_000));
    expect(swept.uploads).toBeGreaterThanOrEqual(1);
    const refs = receiver.rows('attachments').map((r) => r.ref);
    expect(refs).toContain(keptRef);
    expect(refs).toContain(recentRef);
    expect(refs).not.toContain(goneRef);
    await expect(stat(join(receiver.dataDir, 'attachments', 'stotte', abandoned))).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(receiver.dataDir, 'attachments', 'stotte', submitted.id))).toEqual([keptRef]);
  });

  it('removes .part files of receivers that are gone, and files without a row, once untouched for the grace period', async () => {
    const incoming = join(receiver.dataDir, 'attachments', '.incoming');
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    // Files nobody wrote for longer than the grace period (at the receiver's clock), and files written just now.
    const old = new Date(clock.getTime() - LEFTOVER_GRACE_MS - 1_000);
    const written = async (file: string, text: string, at: Date): Promise<string> => {
      await writeFile(file, text);
      await utimes(file, at, at);
      return file;
    };
    const dead = `${exited}-${randomUUID()}.part`;
    const live = `${process.ppid}-${randomUUID()}.part`;
    const deadButFresh = `${exited}-${randomUUID()}.part`;
    await written(join(incoming, dead), 'half', old);
    await written(join(incoming, `${randomUUID()}.part`), 'old naming', old);
    await written(join(incoming, live), 'another receiver is writing this', old);
    // A pid that is gone here may be a receiver on another machine that shares the volume, writing right now.
    await written(join(incoming, deadButFresh), 'a receiver elsewhere is writing this', clock);
    const id = randomUUID();
    const token = await uploadToken(receiver.url, 'stotte', id);
    const ref = ((await put(id, { 'Upload-Token': token }, variant(400))).json as { ref: string }).ref;
    await written(join(receiver.dataDir, 'attachments', 'stotte', id, randomUUID()), 'renamed, never inserted', old);
    // Another receiver on this data folder, between its rename and its insert.
    const inFlight = await written(
      join(receiver.dataDir, 'attachments', 'stotte', id, randomUUID()),
      'renamed, insert coming',
      clock,
    );
    await mkdir(join(receiver.dataDir, 'attachments', 'stotte', 'crashed-id-1'), { recursive: true });
    await written(join(receiver.dataDir, 'attachments', 'stotte', 'crashed-id-1', randomUUID()), 'orphan', old);

    expect(await receiver.receiver.removeLeftovers()).toEqual({ parts: 2, orphans: 2 });
    expect((await readdir(incoming)).sort()).toEqual([live, deadButFresh].sort());
    expect((await readdir(join(receiver.dataDir, 'attachments', 'stotte', id))).sort()).toEqual(
      [ref, inFlight.split('/').at(-1)!].sort(),
    );
    await expect(stat(join(receiver.dataDir, 'attachments', 'stotte', 'crashed-id-1'))).rejects.toThrow(/ENOENT/);
    await rm(join(incoming, live));
    await rm(join(incoming, deadButFresh));
    await rm(inFlight);
  });
});

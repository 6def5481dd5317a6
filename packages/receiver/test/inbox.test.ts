// The caseworker's inbox over HTTP (docs/decisions/0028-inbox-and-sign-in.md): nobody gets in without signing in,
// a caseworker sees only the office's applications, every read is in the access log, which nobody can change,
// and the sign-in resists session fixation, cross-site requests and password guessing. Also on PostgreSQL
// (vitest.postgres.config.ts). The clock is injected: the rate limits are tested without waiting.
import { Ajv2020 } from 'ajv/dist/2020.js';
import Database from 'better-sqlite3';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReceiver, startReceiver, type StartedReceiver } from '../src/receiver.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SESSION_IDLE_MS,
} from '../src/inbox/sessions.ts';
import { builtForms, cleanUpChildren } from './child-receiver.ts';
import {
  disposition,
  FILES,
  kontaktSubmission,
  postJson,
  send,
  startTestReceiver,
  stotteSubmission,
  testStoreOptions,
} from './helpers.ts';
import {
  Browser,
  inboxConfig,
  PASSWORDS,
  sendApplications,
  setCookies,
  startInbox,
  startWithFailingAccessLog,
  type Sent,
} from './inbox-helpers.ts';
import { createReference } from '../src/reference.ts';

interface AccessRow {
  caseworker: string;
  office: string;
  action: string;
  reference: string | null;
  detail: string | null;
}

const temporary: string[] = [];
let started: StartedReceiver;
let base: string;
let dataDir: string;
let databaseUrl: string | undefined;
let clock = new Date('2026-03-03T10:05:00.000Z');
const logs: string[] = [];
let sent: { helped: Sent; plain: Sent; stotte: Sent };

async function accessLog(): Promise<AccessRow[]> {
  const sql = 'SELECT caseworker, office, action, reference, detail FROM access_log ORDER BY seq';
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<AccessRow>(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return db.prepare<AccessRow>(sql).all();
  } finally {
    db.close();
  }
}

/** Tries to change the access log as a person with the database's own credentials would. */
async function tamper(sql: string): Promise<string> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
      return 'changed';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(dataDir, SQLITE_FILE_NAME));
  try {
    db.prepare(sql).run();
    return 'changed';
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-inbox-'));
  temporary.push(dataDir);
  const formsDir = await builtForms(temporary, 'klarskjema-inbox-forms-');
  const storeOptions = await testStoreOptions();
  databaseUrl = storeOptions.databaseUrl;
  const receiver = await openReceiver({
    formsDir,
    dataDir,
    ...storeOptions,
    log: (line) => logs.push(line),
    now: () => clock,
    inbox: { config: await inboxConfig() },
  });
  started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
  base = started.url;
  sent = await sendApplications(base);
});

afterAll(async () => {
  await started?.close();
  await cleanUpChildren(temporary);
});

describe('the inbox without signing in', () => {
  it('answers every API route 401 and sends every page to the sign-in', async () => {
    const anonymous = new Browser(base);
    const ref = sent.helped.reference;
    for (const path of ['/api/session', '/api/cases', `/api/cases/${ref}`, `/api/cases/${ref}/attachments/x`]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(401);
      expect(response.headers['www-authenticate'], path).toBeDefined();
      expect((response.json as { errors: Array<{ code: string }> }).errors[0]!.code, path).toBe('unauthenticated');
      expect(response.text).not.toContain('Kari Nordmann');
    }
    expect((await anonymous.putJson(`/api/cases/${ref}/status`, { status: 'ferdig' })).status).toBe(401);
    const list = await anonymous.get('/saksbehandling/');
    expect(list.status).toBe(303);
    expect(list.headers.location).toBe('/saksbehandling/logg-inn');
    const record = await anonymous.get(`/saksbehandling/saker/${ref}`);
    expect(record.status).toBe(303);
    expect(record.headers.location).toBe(
      `/saksbehandling/logg-inn?neste=${encodeURIComponent(`/saksbehandling/saker/${ref}`)}`,
    );
    const file = await anonymous.get(`/saksbehandling/saker/${sent.stotte.reference}/vedlegg/${sent.stotte.fileRef}`);
    expect(file.status).toBe(303);
    const change = await anonymous.postForm(`/saksbehandling/saker/${ref}/status`, { status: 'ferdig' });
    expect(change.status).toBe(401);
    expect(change.text).toContain('Logg inn');
    expect(await accessLog()).toEqual([]);
  });

  it('serves the sign-in page under a strict policy, with its form token in a __Host- cookie', async () => {
    const page = await new Browser(base).get('/saksbehandling/logg-inn');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toMatch(/script-src|unsafe/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const login = setCookies(page).get('__Host-klarskjema-innlogging')!;
    expect(login).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    expect(page.text).toContain('autocomplete="current-password"');
  });
});

describe('signing in', () => {
  it('gives a new __Host- session cookie (HttpOnly, Secure, SameSite=Strict) and ends any session the browser had', async () => {
    const browser = new Browser(base);
    // An attacker's chosen id, planted before sign-in, is not what the session gets.
    browser.jar.set('__Host-klarskjema-sak', 'planted-by-someone-else');
    const first = await browser.login('kari', PASSWORDS.kari);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/saksbehandling/');
    const cookie = setCookies(first).get('__Host-klarskjema-sak')!;
    expect(cookie).toMatch(/^__Host-klarskjema-sak=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    const firstId = browser.jar.get('__Host-klarskjema-sak')!;
    expect(firstId).not.toBe('planted-by-someone-else');
    expect((await browser.get('/api/session')).status).toBe(200);
    expect((await browser.get('/saksbehandling/logg-inn')).headers.location).toBe('/saksbehandling/');

    // Signing in again while signed in: another new id, and the old one no longer works.
    const copy = new Browser(base);
    copy.jar.set('__Host-klarskjema-sak', firstId);
    expect((await copy.get('/api/session')).status).toBe(200);
    // A signed-in browser is sent from the sign-in page to the inbox; the form is fetched without the session.
    browser.jar.delete('__Host-klarskjema-sak');
    const csrf = await browser.loginForm();
    browser.jar.set('__Host-klarskjema-sak', firstId);
    const again = await browser.postForm('/saksbehandling/logg-inn', {
      csrf,
      username: 'kari',
      password: PASSWORDS.kari,
    });
    expect(again.status).toBe(303);
    expect(browser.jar.get('__Host-klarskjema-sak')).not.toBe(firstId);
    expect((await copy.get('/api/session')).status).toBe(401);
    expect((await browser.get('/api/session')).status).toBe(200);
  });

  it('refuses a sign-in without the form token or from another site (login CSRF)', async () => {
    const browser = new Browser(base);
    const csrf = await browser.loginForm();
    const noToken = await browser.postForm('/saksbehandling/logg-inn', { username: 'kari', password: PASSWORDS.kari });
    expect(noToken.status).toBe(403);
    const otherSite = await browser.postForm(
      '/saksbehandling/logg-inn',
      { csrf, username: 'kari', password: PASSWORDS.kari },
      { Origin: 'https://evil.example' },
    );
    expect(otherSite.status).toBe(403);
    expect(browser.jar.has('__Host-klarskjema-sak')).toBe(false);
  });

  it('says the same for an unknown account and a wrong password, and never logs either', async () => {
    const wrong = await new Browser(base).login('kari', 'feil passord her');
    const unknown = await new Browser(base).login('ingen-slik', 'feil passord her');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (text: string) => /<div class="message error"[^>]*>([\s\S]*?)<\/div>/.exec(text)?.[1];
    expect(message(wrong.text)).toBe(message(unknown.text));
    expect(logs.join('\n')).not.toContain('feil passord');
    expect(logs.join('\n')).not.toContain(PASSWORDS.kari);
  });

  it('locks an account after 5 failed sign-ins for 15 minutes, even for the right password, then lets it in', async () => {
    const account = 'per';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect((await new Browser(base).login(account, `gjetting nummer ${i}`)).status).toBe(401);
    const locked = await new Browser(base).login(account, PASSWORDS.per);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.text).toContain('for mange ganger');
    clock = new Date(clock.getTime() + LOGIN_WINDOW_MS);
    expect((await new Browser(base).login(account, PASSWORDS.per)).status).toBe(303);
  });

  it('stops an address after 20 failed sign-ins over any accounts', async () => {
    clock = new Date(clock.getTime() + LOGIN_WINDOW_MS);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      expect((await new Browser(base).login(`konto-${i}`, 'et passord som er feil')).status).toBe(401);
    expect((await new Browser(base).login('kari', PASSWORDS.kari)).status).toBe(429);
    clock = new Date(clock.getTime() + LOGIN_WINDOW_MS);
    expect((await new Browser(base).login('kari', PASSWORDS.kari)).status).toBe(303);
  });

  it('ends a session after 30 minutes without a request, and at sign-out', async () => {
    const browser = new Browser(base);
    await browser.login('kari', PASSWORDS.kari);
    clock = new Date(clock.getTime() + SESSION_IDLE_MS - 1000);
    expect((await browser.get('/api/session')).status).toBe(200);
    clock = new Date(clock.getTime() + SESSION_IDLE_MS + 1000);
    expect((await browser.get('/api/session')).status).toBe(401);

    await browser.login('kari', PASSWORDS.kari);
    const id = browser.jar.get('__Host-klarskjema-sak')!;
    const csrf = await browser.csrfToken();
    expect((await browser.postForm('/saksbehandling/logg-ut', { csrf: 'feil' })).status).toBe(403);
    const out = await browser.postForm('/saksbehandling/logg-ut', { csrf });
    expect(out.status).toBe(200);
    expect(out.text).toContain('Du er logget ut');
    const stale = new Browser(base);
    stale.jar.set('__Host-klarskjema-sak', id);
    expect((await stale.get('/api/session')).status).toBe(401);
  });
});

describe('a signed-in caseworker', () => {
  let kari: Browser;
  let per: Browser;
  beforeAll(async () => {
    clock = new Date(clock.getTime() + LOGIN_WINDOW_MS);
    kari = new Browser(base);
    per = new Browser(base);
    expect((await kari.login('kari', PASSWORDS.kari)).status).toBe(303);
    expect((await per.login('per', PASSWORDS.per)).status).toBe(303);
  });

  it("lists the office's applications newest first, with what needs action, and filters by it", async () => {
    const list = await kari.get('/api/cases');
    expect(list.status).toBe(200);
    const body = list.json as {
      office: { id: string };
      cases: Array<{ reference: string; flags: string[]; status: string }>;
    };
    expect(body.office.id).toBe('oslo');
    expect(body.cases.map((c) => c.reference)).toEqual([sent.plain.reference, sent.helped.reference]);
    expect(body.cases[1]!.flags).toEqual(['interpreter', 'contact']);
    expect(body.cases.every((c) => c.status === 'mottatt')).toBe(true);
    const only = async (browser: Browser, query: string) =>
      ((await browser.get(`/api/cases?${query}`)).json as { cases: Array<{ reference: string }> }).cases.map(
        (c) => c.reference,
      );
    expect(await only(kari, 'needs=interpreter')).toEqual([sent.helped.reference]);
    expect(await only(kari, 'needs=contact&needs=urgent')).toEqual([sent.helped.reference]);
    expect(await only(kari, 'needs=documents')).toEqual([]);
    expect(await only(per, '')).toEqual([sent.stotte.reference]);
    expect(await only(per, 'needs=documents')).toEqual([sent.stotte.reference]);
    expect(await only(per, 'needs=interpreter')).toEqual([]);
  });

  it('pages the list by limit and cursor, in the store’s own order (on this store, SQLite or PostgreSQL)', async () => {
    const all = ((await kari.get('/api/cases')).json as { cases: Array<{ reference: string }>; nextCursor?: string })
      .cases;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages <= all.length; pages++) {
      const page = (await kari.get(`/api/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json as {
        cases: Array<{ reference: string }>;
        nextCursor?: string;
      };
      seen.push(...page.cases.map((c) => c.reference));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all.map((c) => c.reference));
  });

  it("finds nothing of another office's application: API and pages answer as for one that does not exist", async () => {
    const stotte = sent.stotte.reference;
    const file = `${stotte}/attachments/${sent.stotte.fileRef}`;
    const before = (await accessLog()).length;
    const none = await kari.get('/api/cases/KS-2026-2222-2222');
    for (const path of [`/api/cases/${stotte}`, `/api/cases/${file}`]) {
      const response = await kari.get(path);
      expect(response.status, path).toBe(404);
      expect(response.text).toBe(none.text);
    }
    const csrf = await kari.csrfToken();
    expect(
      (await kari.putJson(`/api/cases/${stotte}/status`, { status: 'ferdig' }, { 'X-CSRF-Token': csrf })).status,
    ).toBe(404);
    for (const path of [
      `/saksbehandling/saker/${stotte}`,
      `/saksbehandling/saker/${stotte}/vedlegg/${sent.stotte.fileRef}`,
    ]) {
      const response = await kari.get(path);
      expect(response.status, path).toBe(404);
      expect(response.text).not.toContain('husleiekontrakt');
    }
    expect((await kari.postForm(`/saksbehandling/saker/${stotte}/status`, { csrf, status: 'ferdig' })).status).toBe(
      404,
    );
    // Per's own application is unchanged, and no read of it was logged.
    const perCase = (await per.get(`/api/cases/${stotte}`)).json as { case: { status: string } };
    expect(perCase.case.status).toBe('mottatt');
    expect((await accessLog()).slice(before).filter((r) => r.caseworker === 'kari' && r.reference === stotte)).toEqual(
      [],
    );
  });

  it('reads one application: the record and its files, and logs one line per read', async () => {
    const reference = sent.stotte.reference;
    const before = (await accessLog()).length;
    const read = await per.get(`/api/cases/${reference}`);
    expect(read.status).toBe(200);
    const body = read.json as {
      record: { format: string; actions: Array<{ kind: string }> };
      attachments: Array<{ ref: string; fileName: string; type: string; href: string }>;
    };
    expect(body.record.format).toBe('klarskjema-record/1');
    expect(body.record.actions.map((a) => a.kind)).toContain('document');
    expect(body.attachments).toEqual([
      expect.objectContaining({
        ref: sent.stotte.fileRef,
        fileName: 'husleiekontrakt øst.pdf',
        type: 'application/pdf',
      }),
    ]);
    const page = await per.get(`/saksbehandling/saker/${reference}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Søknad ' + reference + '</h1>');
    expect(page.text).toContain('<h2>Søknad: ');
    expect(page.text).not.toMatch(/<main>[\s\S]*<main/);
    const lines = (await accessLog()).slice(before);
    expect(lines).toEqual([
      { caseworker: 'per', office: 'bergen', action: 'record', reference, detail: null },
      { caseworker: 'per', office: 'bergen', action: 'record', reference, detail: null },
    ]);
  });

  it('downloads a file as an attachment, with its type, its name and nosniff, and logs it', async () => {
    const before = (await accessLog()).length;
    const file = await per.get(`/api/cases/${sent.stotte.reference}/attachments/${sent.stotte.fileRef}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="husleiekontrakt _st.pdf"; filename*=UTF-8''husleiekontrakt%20%C3%B8st.pdf`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.from(file.text, 'utf8').length).toBeGreaterThan(0);
    expect(file.text.startsWith('%PDF-1.7')).toBe(true);
    expect(Number(file.headers['content-length'])).toBe(FILES.pdf.length);
    const page = await per.get(`/saksbehandling/saker/${sent.stotte.reference}/vedlegg/${sent.stotte.fileRef}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await accessLog()).slice(before)).toEqual([
      expect.objectContaining({ action: 'attachment', reference: sent.stotte.reference, detail: sent.stotte.fileRef }),
      expect.objectContaining({ action: 'attachment', reference: sent.stotte.reference, detail: sent.stotte.fileRef }),
    ]);
    expect((await per.get(`/api/cases/${sent.stotte.reference}/attachments/no-such-file`)).status).toBe(404);
  });

  it('sets the status only with the session CSRF token from this origin (API and page)', async () => {
    const reference = sent.helped.reference;
    const path = `/api/cases/${reference}/status`;
    const csrf = await kari.csrfToken();
    expect((await kari.putJson(path, { status: 'ferdig' })).status).toBe(403);
    expect((await kari.putJson(path, { status: 'ferdig' }, { 'X-CSRF-Token': 'gjettet' })).status).toBe(403);
    expect((await kari.putJson(path, { status: 'ferdig' }, { 'X-CSRF-Token': await per.csrfToken() })).status).toBe(
      403,
    );
    expect(
      (await kari.putJson(path, { status: 'ferdig' }, { 'X-CSRF-Token': csrf, Origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(
      (await kari.putJson(path, { status: 'ferdig' }, { 'X-CSRF-Token': csrf, 'Sec-Fetch-Site': 'cross-site' })).status,
    ).toBe(403);
    expect((await kari.putJson(path, { status: 'avslått' }, { 'X-CSRF-Token': csrf })).status).toBe(422);
    const page = `/saksbehandling/saker/${reference}/status`;
    expect((await kari.postForm(page, { status: 'ferdig' })).status).toBe(403);
    expect((await kari.postForm(page, { status: 'ferdig', csrf }, { Origin: 'https://evil.example' })).status).toBe(
      403,
    );
    const unchanged = (await kari.get(`/api/cases/${reference}`)).json as { case: { status: string } };
    expect(unchanged.case.status).toBe('mottatt');

    const set = await kari.putJson(path, { status: 'under-behandling' }, { 'X-CSRF-Token': csrf });
    expect(set.status).toBe(200);
    expect((set.json as { case: { status: string; statusChangedBy: string } }).case).toMatchObject({
      status: 'under-behandling',
      statusChangedBy: 'kari',
    });
    const posted = await kari.postForm(page, { status: 'ferdig', csrf });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/saksbehandling/saker/${reference}?lagret=1`);
    const after = await kari.get(`/saksbehandling/saker/${reference}?lagret=1`);
    expect(after.text).toContain('Statusen er lagret');
    expect(after.text).toContain('data-status="ferdig"');
    const statusLines = (await accessLog()).filter((r) => r.action === 'status');
    expect(statusLines).toEqual([
      { caseworker: 'kari', office: 'oslo', action: 'status', reference, detail: 'under-behandling' },
      { caseworker: 'kari', office: 'oslo', action: 'status', reference, detail: 'ferdig' },
    ]);
    expect(((await kari.get('/api/cases?status=ferdig')).json as { cases: unknown[] }).cases).toHaveLength(1);
  });

  it("answers as openapi.json's schemas say", async () => {
    const document = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/);
    ajv.addFormat('uuid', /^[0-9a-f-]{36}$/);
    ajv.addSchema(
      JSON.parse(
        JSON.stringify({ $id: 'https://klarskjema.invalid/openapi', $defs: document.components.schemas }).replace(
          /"#\/components\/schemas\//g,
          '"https://klarskjema.invalid/openapi#/$defs/',
        ),
      ) as object,
    );
    const fits = (schema: string, value: unknown): void => {
      const validate = ajv.getSchema(`https://klarskjema.invalid/openapi#/$defs/${schema}`)!;
      expect(validate(value), `${schema}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };
    fits('Session', (await per.get('/api/session')).json);
    fits('CaseList', (await per.get('/api/cases')).json);
    fits('CaseRead', (await per.get(`/api/cases/${sent.stotte.reference}`)).json);
    fits('Errors', (await new Browser(base).get('/api/cases')).json);
    fits('Errors', (await per.get('/api/cases/KS-2026-2222-2222')).json);
  });

  it('keeps an access log that cannot be changed or emptied, in the database itself', async () => {
    const lines = await accessLog();
    expect(lines.length).toBeGreaterThan(5);
    expect(await tamper("UPDATE access_log SET caseworker = 'noen andre'")).toMatch(/append-only/);
    expect(await tamper('DELETE FROM access_log')).toMatch(/append-only/);
    if (databaseUrl) expect(await tamper('TRUNCATE access_log')).toMatch(/append-only/);
    expect(await accessLog()).toEqual(lines);
  });

  it('logs requests by route template: never a reference, a name, a session or a token', async () => {
    const text = logs.join('\n');
    for (const secret of [
      sent.helped.reference,
      sent.stotte.reference,
      'Kari',
      'husleiekontrakt øst',
      kari.jar.get('__Host-klarskjema-sak')!,
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('"route":"/api/cases/{reference}"');
    expect(text).toContain('"route":"/saksbehandling/saker/{reference}"');
  });

  it('shows documents sent later through the receipt’s link: files, the timeline, and the documents filter', async () => {
    const later = stotteSubmission();
    const dokumenter = later.answers.dokumenter as Record<string, unknown>;
    for (const document of ['husleiekontrakt', 'lonnsslipp', 'kontoutskrift'])
      dokumenter[document] = { status: 'later' };
    const receipt = await postJson(`${base}/api/forms/stotte/submissions`, later);
    const { reference } = receipt.json as { reference: string };
    const bearer = { Authorization: `Bearer ${(receipt.json as { followUp: { link: string } }).followUp.link}` };
    const needsDocuments = async () =>
      ((await per.get('/api/cases?needs=documents')).json as { cases: Array<{ reference: string }> }).cases.some(
        (c) => c.reference === reference,
      );
    expect(await needsDocuments()).toBe(true);
    const sendLater = async (document: string, body: Buffer) =>
      send(`${base}/api/follow-up/attachments?document=${document}`, {
        headers: {
          ...bearer,
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': disposition(`${document} senere.pdf`),
        },
        body,
      });
    expect((await sendLater('husleiekontrakt', FILES.pdf)).status).toBe(201);
    expect((await sendLater('lonnsslipp', FILES.png)).status).toBe(201);
    const notHad = await postJson(
      `${base}/api/follow-up/not-had`,
      { document: 'kontoutskrift', reason: 'Kontoen er stengt.' },
      bearer,
    );
    expect(notHad.status).toBe(201);
    const read = (await per.get(`/api/cases/${reference}`)).json as {
      record: {
        actions: Array<{ kind: string; document?: string; reason?: { text: string } }>;
        timeline: Array<{ kind: string; text: string }>;
      };
      attachments: Array<{ fileName: string; documentName: string }>;
    };
    expect(read.record.actions.filter((a) => a.kind === 'document')).toEqual([
      expect.objectContaining({
        document: 'kontoutskrift',
        status: 'missing',
        reason: { text: 'Kontoen er stengt.', lang: 'nb' },
      }),
    ]);
    expect(read.record.timeline.map((t) => t.kind)).toEqual([
      'submitted',
      'document-received',
      'document-received',
      'document-not-had',
    ]);
    expect(read.attachments.map((a) => a.fileName)).toEqual(['husleiekontrakt senere.pdf', 'lonnsslipp senere.pdf']);
    const page = await per.get(`/saksbehandling/saker/${reference}`);
    expect(page.text).toContain('husleiekontrakt senere.pdf');
    expect(page.text).toContain('Søkeren har ikke dokumentet');
    // Found after all: nothing is missing any more, and the filter no longer lists it.
    expect(await needsDocuments()).toBe(true);
    expect((await sendLater('kontoutskrift', FILES.jpeg)).status).toBe(201);
    expect(await needsDocuments()).toBe(false);
  });
});

describe('a receiver without an inbox', () => {
  it('has no inbox routes: 404 for the pages and the API', async () => {
    const plain = await startTestReceiver();
    try {
      for (const path of ['/saksbehandling/', '/saksbehandling/logg-inn', '/api/cases', '/api/session'])
        expect((await send(`${plain.url}${path}`, { method: 'GET' })).status, path).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});

describe('an access log that cannot be written', () => {
  it('shows nothing of any application: 503 on the API and the pages', async () => {
    const { server, setFull } = await startWithFailingAccessLog(temporary, 'klarskjema-inbox-full-');
    try {
      const { helped } = await sendApplications(server.url);
      const kari = new Browser(server.url);
      expect((await kari.login('kari', PASSWORDS.kari)).status).toBe(303);
      setFull(true);
      for (const path of [
        '/api/cases',
        `/api/cases/${helped.reference}`,
        '/saksbehandling/',
        `/saksbehandling/saker/${helped.reference}`,
      ]) {
        const response = await kari.get(path);
        expect(response.status, path).toBe(503);
        expect(response.headers['retry-after'], path).toBe('30');
        expect(response.text, path).not.toContain(helped.reference);
        expect(response.text, path).not.toContain('Kari Nordmann');
      }
      setFull(false);
      expect((await kari.get(`/api/cases/${helped.reference}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('an office with more than 500 applications', () => {
  it('shows them 500 to a page, newest first, with «Neste side» keeping the filters; the API pages by limit and cursor', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'klarskjema-inbox-many-'));
    temporary.push(folder);
    const formsDir = await builtForms(temporary, 'klarskjema-inbox-many-forms-');
    const store = new SqliteSubmissionStore(join(folder, SQLITE_FILE_NAME));
    const at = new Date('2026-03-03T10:00:00.000Z');
    const references: string[] = [];
    // 503 applications a minute apart, stored directly: the oldest three ask for an interpreter.
    for (let i = 0; i < 503; i++) {
      const submission =
        i < 3
          ? kontaktSubmission({ help: { contact: false, interpreter: true, interpreterLanguage: 'uk' } })
          : kontaktSubmission();
      const saved = await store.saveSubmission(
        {
          idempotencyKey: submission.id,
          formId: 'kontakt',
          formVersion: '1.0.0',
          submission,
          receivedAt: new Date(at.getTime() + i * 60_000),
          office: 'oslo',
        },
        () => createReference(at),
      );
      if (saved.status !== 'created') throw new Error(`not stored: ${saved.status}`);
      references.unshift(saved.reference);
    }
    const server = await startInbox(store, folder, formsDir);
    try {
      const kari = new Browser(server.url);
      expect((await kari.login('kari', PASSWORDS.kari)).status).toBe(303);
      const shown = (html: string) => [...html.matchAll(/<tr data-reference="([^"]+)"/g)].map((m) => m[1]);
      const first = await kari.get('/saksbehandling/');
      expect(shown(first.text)).toEqual(references.slice(0, 500));
      expect(first.text).toContain('500 søknader på denne siden');
      const next = /<a href="([^"]+)" rel="next">Neste side<\/a>/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
      expect(next).toBe(`/saksbehandling/?cursor=${encodeURIComponent(references[499]!)}`);
      const second = await kari.get(next!);
      expect(shown(second.text)).toEqual(references.slice(500));
      expect(second.text).not.toContain('rel="next"');
      expect(second.text).toContain('>Første side</a>');
      // A filter goes along with the cursor.
      const filtered = await kari.get('/saksbehandling/?needs=interpreter&limit=2');
      expect(shown(filtered.text)).toEqual(references.slice(500, 502));
      expect(filtered.text).toContain(`?needs=interpreter&amp;cursor=${encodeURIComponent(references[501]!)}`);
      // The API: limit and cursor, nextCursor until the last page.
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 3; pages++) {
        const page = (await kari.get(`/api/cases?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json as {
          cases: Array<{ reference: string }>;
          nextCursor?: string;
        };
        seen.push(...page.cases.map((c) => c.reference));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(references);
      expect(cursor).toBeUndefined();
      expect((await kari.get('/api/cases?cursor=ikke-en-referanse')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

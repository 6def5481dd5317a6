// The caseworker's inbox (issue 18, items 2 and 3; docs/decisions/0028-inbox-and-sign-in.md): pages under
// /saksbehandling/ and a JSON API under /api/cases, behind a sign-in. A caseworker sees only the office's
// applications; another office's application is "not found", exactly like one that does not exist. Every read
// of an application is appended to the access log before anything of it is sent.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import type { RecordSources } from '../../../../src/record/model.ts';
import { buildRecord, type CaseRecord, type RecordEvent } from '../../../../src/record/model.ts';
import { documentIdOf } from '../../../../src/engine/items.ts';
import { isFollowUpStore } from '../follow-up-store.ts';
import { renderRecordContent } from '../../../../src/record/html.ts';
import { formText } from '../../../../src/record/texts.ts';
import {
  isCaseStatus,
  NO_OFFICE,
  type CaseStatus,
  type CaseStore,
  type OfficeScope,
  type StoredCase,
} from '../case-store.ts';
import { normalizeReference } from '../reference.ts';
import type { InboxConfig } from './config.ts';
import { verifyPassword } from './password.ts';
import {
  casePage,
  errorPage,
  INBOX_PATH,
  listPage,
  LOGIN_PATH,
  loginPage,
  NEEDS,
  signedInPage,
  stylesheet,
  type CaseSummary,
  type Flag,
  type LoginNotice,
  type Need,
  type PageCaseworker,
} from './pages.ts';
import {
  LOGIN_COOKIE,
  LoginLimits,
  newToken,
  sameToken,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  Sessions,
  type Caseworker,
  type Session,
} from './sessions.ts';
import { OIDC_COOKIE, type OidcLogin } from './oidc.ts';

/** The API routes (also in receiver.ts ROUTES and openapi.json). */
export const INBOX_API_ROUTES = {
  '/api/session': ['GET', 'HEAD'],
  '/api/cases': ['GET', 'HEAD'],
  '/api/cases/{reference}': ['GET', 'HEAD'],
  '/api/cases/{reference}/status': ['PUT'],
  '/api/cases/{reference}/attachments/{attachment}': ['GET', 'HEAD'],
} as const satisfies Record<string, readonly string[]>;

/** The pages, as the templates that logs and metrics name. */
export const INBOX_PAGE_ROUTES = {
  '/saksbehandling/': ['GET', 'HEAD'],
  '/saksbehandling/stil.css': ['GET', 'HEAD'],
  '/saksbehandling/logg-inn': ['GET', 'HEAD', 'POST'],
  '/saksbehandling/logg-ut': ['POST'],
  '/saksbehandling/oidc/start': ['GET', 'HEAD'],
  '/saksbehandling/oidc/callback': ['GET', 'HEAD'],
  '/saksbehandling/saker/{reference}': ['GET', 'HEAD'],
  '/saksbehandling/saker/{reference}/status': ['POST'],
  '/saksbehandling/saker/{reference}/vedlegg/{attachment}': ['GET', 'HEAD'],
} as const satisfies Record<string, readonly string[]>;

export type InboxRoute = keyof typeof INBOX_API_ROUTES | keyof typeof INBOX_PAGE_ROUTES;

/** The most applications the list shows: the newest. */
export const MAX_LISTED = 500;
/** A sign-in form or a status change is small. */
const MAX_FORM_BYTES = 8 * 1024;
/** At most this many passwords are hashed at once (each takes 128 MiB); more sign-ins wait for a moment. */
const MAX_HASHING = 4;

/** Pages: no script at all, styles only from the stylesheet, forms only to this origin, never framed. */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: under it a browser sends "Origin: null" with the pages' own form posts, and the Origin
  // check needs the real one. same-origin still sends nothing to another site.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
const API_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface InboxOptions {
  config: InboxConfig;
  /** The form package a submission's record is made from: that version, else the newest of the form. */
  sources: (formId: string, version: string) => Promise<RecordSources | null>;
  /** The origin caseworkers' browsers use (https://saksbehandling.example.no), for the Origin check. Default: the
   *  Host header's, with any scheme. */
  publicOrigin?: string;
  /** OpenID Connect sign-in, when configured (oidc.ts). */
  oidc?: OidcLogin;
}

export interface InboxContext {
  store: CaseStore;
  dataDir: string;
  now: () => Date;
}

export interface Inbox {
  /** Whether a path is the inbox's (pages or API); the receiver hands those over. */
  owns(pathname: string): boolean;
  /** Answers one request; resolves with the outcome for the log line. Storage failures are answered too. */
  handle(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    trace: { route: string | null },
  ): Promise<string>;
  /** The office a new submission of this form belongs to. */
  officeOf(formId: string): string;
}

/** A refusal in either form: JSON for the API, a page for the pages. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly page: 'notFound' | 'forbidden' | 'unavailable' | 'failed',
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

const API_MESSAGES: Record<string, string> = {
  unauthenticated: 'Sign in first (POST /saksbehandling/logg-inn); the session cookie is sent back.',
  'not-found': 'No such application for your office.',
  csrf: "Send the session's CSRF token (GET /api/session) in the X-CSRF-Token header, from this origin.",
  'invalid-status': 'The status is one of mottatt, under-behandling, ferdig.',
  'unsupported-media-type': 'Send application/json.',
  'too-large': 'The body is too large.',
  'invalid-json': 'The body is not JSON.',
  'storage-unavailable': 'The receiver cannot read its store right now. Try again later.',
  'method-not-allowed': 'This route does not answer that method.',
};

function cookies(request: IncomingMessage): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    // The first of a name wins, as browsers send the most specific first.
    if (!(name in found)) found[name] = part.slice(at + 1).trim();
  }
  return found;
}

/** Secure always: browsers keep Secure cookies from http://localhost and http://127.0.0.1 too. */
const cookie = (name: string, value: string, maxAgeSeconds?: number): string =>
  `${name}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict${maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`}`;

function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  return readLimited(request).then((body) => (body === null ? null : new URLSearchParams(body.toString('utf8'))));
}

function readLimited(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolvePromise(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(size > MAX_FORM_BYTES ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A path after sign-in: only a page of the inbox, never another site ("//evil.example"). */
const safeNext = (next: string | null | undefined): string | undefined =>
  next && /^\/saksbehandling\/[A-Za-z0-9/_%.-]*(\?[A-Za-z0-9=&_%.-]*)?$/.test(next) && !next.includes('//')
    ? next
    : undefined;

const actionFlags = (record: CaseRecord): Flag[] => {
  const kinds = new Set(record.actions.map((a) => a.kind));
  const flags: Flag[] = [];
  for (const need of NEEDS) if (kinds.has(need === 'documents' ? 'document' : need)) flags.push(need);
  if (kinds.has('corrected')) flags.push('corrected');
  return flags;
};

export function createInbox(options: InboxOptions, context: InboxContext): Inbox {
  const { config } = options;
  const { store, now } = context;
  const sessions = new Sessions(now);
  const limits = new LoginLimits(now);
  const accounts = new Map(config.caseworkers.map((c) => [c.username, c]));
  let hashing = 0;
  /** Records are made from immutable submissions and what came later: kept by reference and the number of those
   *  events (the list needs their flags; a document sent later changes them). */
  const records = new Map<string, { record: CaseRecord | null; flags: Flag[]; title: string; followUps: number }>();
  const followUps = isFollowUpStore(store) ? store : null;

  const scopeOf = (caseworker: Caseworker): OfficeScope => ({
    office: caseworker.office,
    includeUnassigned: caseworker.office === config.office,
  });
  const officeName = (office: string): string => config.offices[office] ?? office;

  async function recordOf(stored: StoredCase): Promise<{ record: CaseRecord | null; flags: Flag[]; title: string }> {
    const known = records.get(stored.reference);
    if (known && known.followUps === stored.followUps) return known;
    const sources = await options.sources(stored.formId, stored.formVersion);
    let made: { record: CaseRecord | null; flags: Flag[]; title: string; followUps: number };
    if (!sources) made = { record: null, flags: [], title: stored.formId, followUps: stored.followUps };
    else {
      const events: RecordEvent[] =
        followUps && stored.followUps > 0
          ? (await followUps.followUpEvents(stored.reference)).map((event) =>
              event.kind === 'received'
                ? { kind: 'document-received', at: event.at.toISOString(), document: event.document }
                : {
                    kind: 'document-not-had',
                    at: event.at.toISOString(),
                    document: event.document,
                    reason: event.reason,
                  },
            )
          : [];
      const record = buildRecord(sources, stored.submission, events);
      made = {
        record,
        flags: actionFlags(record),
        title: formText(sources.locales.nb, stored.formId, 'title') ?? record.form.title,
        followUps: stored.followUps,
      };
    }
    if (records.size > 5_000) records.clear();
    records.set(stored.reference, made);
    return made;
  }

  async function summaryOf(stored: StoredCase): Promise<CaseSummary> {
    const { flags, title } = await recordOf(stored);
    return {
      reference: stored.reference,
      form: { id: stored.formId, version: stored.formVersion, title },
      receivedAt: stored.receivedAt.toISOString(),
      status: stored.status,
      ...(stored.statusChangedAt ? { statusChangedAt: stored.statusChangedAt.toISOString() } : {}),
      ...(stored.statusChangedBy ? { statusChangedBy: stored.statusChangedBy } : {}),
      flags,
    };
  }

  /** Origin check for every state change: a browser's Origin (and Sec-Fetch-Site) must be this site's own. */
  function sameOrigin(request: IncomingMessage): boolean {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    if (options.publicOrigin) return origin === options.publicOrigin;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }

  function send(
    response: ServerResponse,
    status: number,
    body: string,
    type: string,
    headers: Record<string, string | string[]> = {},
    api = false,
  ): void {
    response.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
      ...(api ? API_HEADERS : PAGE_HEADERS),
      ...headers,
    });
    response.end(response.req.method === 'HEAD' ? undefined : body);
  }
  const sendPage = (
    response: ServerResponse,
    status: number,
    html: string,
    headers: Record<string, string | string[]> = {},
  ) => send(response, status, html, 'text/html; charset=utf-8', headers);
  const sendJson = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    send(response, status, JSON.stringify(value), 'application/json; charset=utf-8', headers, true);
  const redirect = (response: ServerResponse, location: string, headers: Record<string, string | string[]> = {}) => {
    response.writeHead(303, { Location: location, 'Content-Length': '0', ...PAGE_HEADERS, ...headers });
    response.end();
  };

  function sessionOf(request: IncomingMessage): { id: string; session: Session } | null {
    const id = cookies(request)[SESSION_COOKIE];
    const session = sessions.get(id);
    return id && session ? { id, session } : null;
  }

  const pageCaseworker = (session: Session): PageCaseworker => ({
    name: session.caseworker.name,
    officeName: officeName(session.caseworker.office),
    csrfToken: session.csrfToken,
  });

  /** The sign-in page, with a fresh form token in its own cookie. */
  function showLogin(
    response: ServerResponse,
    status: number,
    notice?: LoginNotice,
    extra: { minutes?: number; username?: string; next?: string; headers?: Record<string, string | string[]> } = {},
  ): void {
    const token = newToken();
    const setCookies = [cookie(LOGIN_COOKIE, token, 3600)];
    const given = extra.headers?.['Set-Cookie'];
    if (given) setCookies.unshift(...(Array.isArray(given) ? given : [given]));
    sendPage(
      response,
      status,
      loginPage({
        csrfToken: token,
        oidc: options.oidc !== undefined,
        password: config.caseworkers.length > 0,
        ...(notice ? { notice } : {}),
        ...(extra.minutes !== undefined ? { minutes: extra.minutes } : {}),
        ...(extra.username ? { username: extra.username } : {}),
        ...(extra.next ? { next: extra.next } : {}),
      }),
      {
        ...extra.headers,
        'Set-Cookie': setCookies,
        ...(status === 401 ? { 'WWW-Authenticate': 'Cookie realm="saksbehandling"' } : {}),
      },
    );
  }

  /** Signs a caseworker in: a new session id always, and any session the browser had is ended (no fixation). */
  function signIn(
    request: IncomingMessage,
    response: ServerResponse,
    caseworker: Caseworker,
    next?: string,
    fromOtherSite = false,
  ): void {
    sessions.end(cookies(request)[SESSION_COOKIE]);
    const { id } = sessions.start(caseworker);
    const setCookie = [
      cookie(SESSION_COOKIE, id, Math.floor(SESSION_IDLE_MS / 1000) * 20),
      cookie(LOGIN_COOKIE, '', 0),
      ...(fromOtherSite ? [`${OIDC_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`] : []),
    ];
    if (fromOtherSite) sendPage(response, 200, signedInPage(next ?? INBOX_PATH), { 'Set-Cookie': setCookie });
    else redirect(response, next ?? INBOX_PATH, { 'Set-Cookie': setCookie });
  }

  async function login(request: IncomingMessage, response: ServerResponse): Promise<string> {
    if (request.method !== 'POST') {
      if (sessionOf(request)) {
        redirect(response, INBOX_PATH);
        return 'signed-in';
      }
      const next = safeNext(new URL(request.url ?? '/', 'http://x').searchParams.get('neste'));
      showLogin(response, 200, undefined, next ? { next } : {});
      return 'ok';
    }
    const form = await readForm(request);
    const formToken = cookies(request)[LOGIN_COOKIE];
    if (!form || !sameOrigin(request) || !sameToken(form.get('csrf') ?? undefined, formToken)) {
      showLogin(response, 403, 'expired');
      return 'csrf';
    }
    const username = (form.get('username') ?? '').trim().toLowerCase().slice(0, 64);
    const password = form.get('password') ?? '';
    const next = safeNext(form.get('next'));
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = limits.retryAfterSeconds(username, address);
    if (wait > 0) {
      showLogin(response, 429, 'locked', {
        minutes: Math.ceil(wait / 60),
        username,
        ...(next ? { next } : {}),
        headers: { 'Retry-After': String(wait) },
      });
      return 'rate-limited';
    }
    if (hashing >= MAX_HASHING) {
      showLogin(response, 503, 'busy', { username, headers: { 'Retry-After': '5' } });
      return 'busy';
    }
    const account = accounts.get(username);
    hashing += 1;
    let ok: boolean;
    try {
      ok = await verifyPassword(password, account?.password ?? null, config.caseworkers[0]?.password);
    } finally {
      hashing -= 1;
    }
    if (!ok || !account) {
      limits.failed(username, address);
      showLogin(response, 401, 'failed', { username, ...(next ? { next } : {}) });
      return 'login-failed';
    }
    limits.succeeded(username);
    signIn(request, response, { id: account.username, name: account.name, office: account.office }, next);
    return 'signed-in';
  }

  async function logout(request: IncomingMessage, response: ServerResponse): Promise<string> {
    const form = await readForm(request);
    const current = sessionOf(request);
    if (
      current &&
      (!form || !sameOrigin(request) || !sameToken(form.get('csrf') ?? undefined, current.session.csrfToken))
    )
      throw new Refusal(403, 'csrf', 'forbidden');
    if (current) sessions.end(current.id);
    showLogin(response, 200, 'signedOut', { headers: { 'Set-Cookie': cookie(SESSION_COOKIE, '', 0) } });
    return 'signed-out';
  }

  function parseNeeds(query: URLSearchParams): Need[] {
    const asked = query.getAll('needs').flatMap((v) => v.split(','));
    return NEEDS.filter((need) => asked.includes(need));
  }

  async function casesOf(
    caseworker: Caseworker,
    query: URLSearchParams,
  ): Promise<{
    summaries: CaseSummary[];
    needs: Need[];
    status: CaseStatus | null;
    /** Where this page began (the cursor it was asked with), and where the next one begins; none: the last page. */
    cursor: string | null;
    nextCursor: string | null;
  }> {
    const needs = parseNeeds(query);
    const statusText = query.get('status');
    const status = isCaseStatus(statusText) ? statusText : null;
    const limitText = query.get('limit');
    const limit =
      limitText !== null && /^\d{1,4}$/.test(limitText)
        ? Math.min(MAX_LISTED, Math.max(1, Number(limitText)))
        : MAX_LISTED;
    // The cursor is the reference of the last application of the page before: nothing else, and checked.
    const cursorText = query.get('cursor');
    const cursor = cursorText === null ? null : normalizeReference(cursorText);
    if (cursorText !== null && cursor === null) throw new Refusal(404, 'not-found', 'notFound');
    await store.appendAccess({ at: now(), caseworker: caseworker.id, office: caseworker.office, action: 'list' });
    const summaries: CaseSummary[] = [];
    // The filters are the records' flags, judged here: read on in batches until the page has one more than it shows.
    let after = cursor ?? undefined;
    for (;;) {
      const batch = await store.listCases(scopeOf(caseworker), MAX_LISTED, after);
      for (const one of batch) {
        const summary = await summaryOf(one);
        // Any of the needs asked for: "show me who needs an interpreter or help today".
        if (needs.length && !needs.some((need) => summary.flags.includes(need))) continue;
        if (status && summary.status !== status) continue;
        summaries.push(summary);
        if (summaries.length > limit) break;
      }
      if (summaries.length > limit || batch.length < MAX_LISTED) break;
      after = batch[batch.length - 1]!.reference;
    }
    const more = summaries.length > limit;
    const shown = summaries.slice(0, limit);
    return { summaries: shown, needs, status, cursor, nextCursor: more ? shown[shown.length - 1]!.reference : null };
  }

  async function findCase(caseworker: Caseworker, referenceText: string): Promise<StoredCase> {
    const reference = normalizeReference(referenceText);
    const found = reference ? await store.findCase(scopeOf(caseworker), reference) : null;
    if (!found) throw new Refusal(404, 'not-found', 'notFound');
    return found;
  }

  async function attachmentsOf(stored: StoredCase, sources: RecordSources | null) {
    const documents = new Map(
      (sources?.definition.attachments ?? []).map((d) => [
        d.id,
        (sources && formText(sources.locales.nb, stored.formId, `attachments.${d.id}.label`)) ?? d.id,
      ]),
    );
    return (await store.attachmentsOf(stored.formId, stored.submissionId)).map((a) => ({
      ...a,
      documentName: documents.get(documentIdOf(a.documentId)) ?? a.documentId,
    }));
  }

  async function readCase(caseworker: Caseworker, referenceText: string) {
    const stored = await findCase(caseworker, referenceText);
    const made = await recordOf(stored);
    if (!made.record) throw new Refusal(503, 'storage-unavailable', 'unavailable');
    // Logged before anything of it is sent: a read that cannot be logged is not shown.
    await store.appendAccess({
      at: now(),
      caseworker: caseworker.id,
      office: caseworker.office,
      action: 'record',
      reference: stored.reference,
    });
    const sources = await options.sources(stored.formId, stored.formVersion);
    return {
      stored,
      record: made.record,
      summary: await summaryOf(stored),
      attachments: await attachmentsOf(stored, sources),
    };
  }

  async function download(
    caseworker: Caseworker,
    referenceText: string,
    ref: string,
    response: ServerResponse,
  ): Promise<string> {
    const stored = await findCase(caseworker, referenceText);
    const attachment = (await store.attachmentsOf(stored.formId, stored.submissionId)).find((a) => a.ref === ref);
    if (!attachment) throw new Refusal(404, 'not-found', 'notFound');
    const file = resolve(context.dataDir, attachment.storagePath);
    // The path comes from the store, never from the request; still, never outside the data folder.
    if (!file.startsWith(resolve(context.dataDir) + sep)) throw new Refusal(404, 'not-found', 'notFound');
    await store.appendAccess({
      at: now(),
      caseworker: caseworker.id,
      office: caseworker.office,
      action: 'attachment',
      reference: stored.reference,
      detail: attachment.ref,
    });
    const name = attachment.fileName ?? `${attachment.documentId}.${attachment.type.split('/')[1]}`;
    const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    const encoded = encodeURIComponent(name).replace(
      /['()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    response.writeHead(200, {
      'Content-Type': attachment.type,
      'Content-Length': String(attachment.size),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
      ...API_HEADERS,
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    if (response.req.method === 'HEAD') {
      response.end();
      return 'found';
    }
    await new Promise<void>((resolvePromise, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      response.on('close', () => {
        stream.destroy();
        resolvePromise();
      });
      stream.pipe(response);
    });
    return 'found';
  }

  async function changeStatus(caseworker: Caseworker, referenceText: string, status: unknown): Promise<StoredCase> {
    if (!isCaseStatus(status)) throw new Refusal(422, 'invalid-status', 'forbidden');
    const stored = await findCase(caseworker, referenceText);
    const at = now();
    await store.appendAccess({
      at,
      caseworker: caseworker.id,
      office: caseworker.office,
      action: 'status',
      reference: stored.reference,
      detail: status,
    });
    if (!(await store.setCaseStatus(scopeOf(caseworker), stored.reference, status, caseworker.id, at)))
      throw new Refusal(404, 'not-found', 'notFound');
    return { ...stored, status, statusChangedAt: at, statusChangedBy: caseworker.id };
  }

  const shift = (html: string): string =>
    html.replace(/<(\/?)h([1-5])\b/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);

  async function page(
    request: IncomingMessage,
    response: ServerResponse,
    route: keyof typeof INBOX_PAGE_ROUTES,
    parts: string[],
    url: URL,
  ): Promise<string> {
    switch (route) {
      case '/saksbehandling/stil.css':
        send(response, 200, stylesheet(), 'text/css; charset=utf-8', { 'Cache-Control': 'no-cache' });
        return 'ok';
      case '/saksbehandling/logg-inn':
        return login(request, response);
      case '/saksbehandling/oidc/start':
      case '/saksbehandling/oidc/callback': {
        if (!options.oidc) throw new Refusal(404, 'not-found', 'notFound');
        if (route === '/saksbehandling/oidc/start') {
          const { location, cookie: state } = await options.oidc.start();
          redirect(response, location, { 'Set-Cookie': state });
          return 'oidc-start';
        }
        const identity = await options.oidc.callback(url, request.headers.cookie);
        if (!identity || !Object.hasOwn(config.offices, identity.office)) {
          showLogin(response, 401, 'oidcFailed');
          return 'oidc-refused';
        }
        signIn(request, response, identity, undefined, true);
        return 'signed-in';
      }
      default:
        break;
    }
    const current = sessionOf(request);
    if (route === '/saksbehandling/logg-ut') return logout(request, response);
    if (!current) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        const next = safeNext(url.pathname + url.search);
        redirect(response, `${LOGIN_PATH}${next && next !== INBOX_PATH ? `?neste=${encodeURIComponent(next)}` : ''}`);
        return 'unauthenticated';
      }
      await readLimited(request);
      showLogin(response, 401, 'sessionEnded');
      return 'unauthenticated';
    }
    const { session } = current;
    const caseworker = session.caseworker;
    switch (route) {
      case '/saksbehandling/': {
        const { summaries, needs, status, cursor, nextCursor } = await casesOf(caseworker, url.searchParams);
        sendPage(
          response,
          200,
          listPage({ caseworker: pageCaseworker(session), cases: summaries, needs, status, cursor, nextCursor }),
        );
        return 'ok';
      }
      case '/saksbehandling/saker/{reference}': {
        const read = await readCase(caseworker, parts[3]!);
        sendPage(
          response,
          200,
          casePage({
            caseworker: pageCaseworker(session),
            summary: read.summary,
            attachments: read.attachments,
            record: shift(renderRecordContent(read.record, { landmarks: false })),
            saved: url.searchParams.get('lagret') === '1',
          }),
        );
        return 'found';
      }
      case '/saksbehandling/saker/{reference}/status': {
        const form = await readForm(request);
        if (!form || !sameOrigin(request) || !sameToken(form.get('csrf') ?? undefined, session.csrfToken))
          throw new Refusal(403, 'csrf', 'forbidden');
        const changed = await changeStatus(caseworker, parts[3]!, form.get('status'));
        redirect(response, `${INBOX_PATH}saker/${encodeURIComponent(changed.reference)}?lagret=1`);
        return 'status-set';
      }
      case '/saksbehandling/saker/{reference}/vedlegg/{attachment}':
        return download(caseworker, parts[3]!, parts[5]!, response);
    }
  }

  async function api(
    request: IncomingMessage,
    response: ServerResponse,
    route: keyof typeof INBOX_API_ROUTES,
    parts: string[],
    url: URL,
  ): Promise<string> {
    const current = sessionOf(request);
    if (!current) {
      await readLimited(request);
      throw new Refusal(401, 'unauthenticated', 'forbidden', { 'WWW-Authenticate': 'Cookie realm="saksbehandling"' });
    }
    const { session } = current;
    const caseworker = session.caseworker;
    switch (route) {
      case '/api/session':
        sendJson(response, 200, {
          caseworker: { id: caseworker.id, name: caseworker.name },
          office: { id: caseworker.office, name: officeName(caseworker.office) },
          csrfToken: session.csrfToken,
        });
        return 'ok';
      case '/api/cases': {
        const { summaries, nextCursor } = await casesOf(caseworker, url.searchParams);
        sendJson(response, 200, {
          office: { id: caseworker.office, name: officeName(caseworker.office) },
          cases: summaries,
          ...(nextCursor ? { nextCursor } : {}),
        });
        return 'ok';
      }
      case '/api/cases/{reference}': {
        const read = await readCase(caseworker, parts[3]!);
        sendJson(response, 200, {
          case: read.summary,
          record: read.record,
          attachments: read.attachments.map((a) => ({
            ref: a.ref,
            document: a.documentId,
            documentName: a.documentName,
            fileName: a.fileName,
            type: a.type,
            size: a.size,
            receivedAt: a.receivedAt.toISOString(),
            href: `/api/cases/${encodeURIComponent(read.summary.reference)}/attachments/${encodeURIComponent(a.ref)}`,
          })),
        });
        return 'found';
      }
      case '/api/cases/{reference}/status': {
        const token = request.headers['x-csrf-token'];
        if (!sameOrigin(request) || !sameToken(typeof token === 'string' ? token : undefined, session.csrfToken)) {
          await readLimited(request);
          throw new Refusal(403, 'csrf', 'forbidden');
        }
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') {
          await readLimited(request);
          throw new Refusal(415, 'unsupported-media-type', 'forbidden');
        }
        const body = await readLimited(request);
        if (!body) throw new Refusal(413, 'too-large', 'forbidden');
        let value: unknown;
        try {
          value = JSON.parse(body.toString('utf8'));
        } catch {
          throw new Refusal(400, 'invalid-json', 'forbidden');
        }
        const changed = await changeStatus(
          caseworker,
          parts[3]!,
          typeof value === 'object' && value !== null ? (value as { status?: unknown }).status : undefined,
        );
        sendJson(response, 200, { case: await summaryOf(changed) });
        return 'status-set';
      }
      case '/api/cases/{reference}/attachments/{attachment}':
        return download(caseworker, parts[3]!, parts[5]!, response);
    }
  }

  function routeOf(parts: string[]): InboxRoute | null {
    if (parts[1] === 'api') {
      if (parts.length === 3 && parts[2] === 'session') return '/api/session';
      if (parts[2] !== 'cases') return null;
      if (parts.length === 3) return '/api/cases';
      if (parts.length === 4) return '/api/cases/{reference}';
      if (parts.length === 5 && parts[4] === 'status') return '/api/cases/{reference}/status';
      if (parts.length === 6 && parts[4] === 'attachments') return '/api/cases/{reference}/attachments/{attachment}';
      return null;
    }
    if (parts[1] !== 'saksbehandling') return null;
    if (parts.length === 3) {
      const page = `/saksbehandling/${parts[2]}`;
      return page === '/saksbehandling/' ||
        page === '/saksbehandling/stil.css' ||
        page === '/saksbehandling/logg-inn' ||
        page === '/saksbehandling/logg-ut'
        ? page
        : null;
    }
    if (parts.length === 4 && parts[2] === 'oidc' && (parts[3] === 'start' || parts[3] === 'callback'))
      return `/saksbehandling/oidc/${parts[3]}`;
    if (parts[2] !== 'saker') return null;
    if (parts.length === 4) return '/saksbehandling/saker/{reference}';
    if (parts.length === 5 && parts[4] === 'status') return '/saksbehandling/saker/{reference}/status';
    if (parts.length === 6 && parts[4] === 'vedlegg') return '/saksbehandling/saker/{reference}/vedlegg/{attachment}';
    return null;
  }

  return {
    owns: (pathname) =>
      pathname === '/saksbehandling' ||
      pathname.startsWith('/saksbehandling/') ||
      pathname === '/api/session' ||
      pathname === '/api/cases' ||
      pathname.startsWith('/api/cases/'),
    officeOf: (formId) => config.formOffices[formId] ?? config.office ?? NO_OFFICE,
    async handle(request, response, url, trace) {
      const isApi = url.pathname.startsWith('/api/');
      try {
        if (url.pathname === '/saksbehandling') {
          redirect(response, INBOX_PATH);
          return 'redirect';
        }
        let parts: string[];
        try {
          parts = url.pathname.split('/').map((s) => decodeURIComponent(s));
        } catch {
          throw new Refusal(404, 'not-found', 'notFound');
        }
        const route = routeOf(parts);
        if (!route) throw new Refusal(404, 'not-found', 'notFound');
        trace.route = route;
        const allowed: readonly string[] =
          route in INBOX_API_ROUTES
            ? INBOX_API_ROUTES[route as keyof typeof INBOX_API_ROUTES]
            : INBOX_PAGE_ROUTES[route as keyof typeof INBOX_PAGE_ROUTES];
        if (!allowed.includes(request.method ?? '')) {
          await readLimited(request);
          throw new Refusal(405, 'method-not-allowed', 'notFound', { Allow: allowed.join(', ') });
        }
        return route.startsWith('/api/')
          ? await api(request, response, route as keyof typeof INBOX_API_ROUTES, parts, url)
          : await page(request, response, route as keyof typeof INBOX_PAGE_ROUTES, parts, url);
      } catch (error) {
        const refusal =
          error instanceof Refusal
            ? error
            : (error as { name?: string }).name === 'StorageUnavailable'
              ? new Refusal(503, 'storage-unavailable', 'unavailable', { 'Retry-After': '30' })
              : null;
        if (response.headersSent) {
          response.destroy();
          return refusal?.code ?? 'internal';
        }
        if (!refusal) {
          if (isApi)
            sendJson(response, 500, { errors: [{ pointer: '', code: 'internal', message: 'The receiver failed.' }] });
          else sendPage(response, 500, errorPage('failed'));
          return 'internal';
        }
        const session = sessionOf(request)?.session;
        if (isApi)
          sendJson(
            response,
            refusal.status,
            { errors: [{ pointer: '', code: refusal.code, message: API_MESSAGES[refusal.code] ?? refusal.code }] },
            refusal.headers,
          );
        else
          sendPage(
            response,
            refusal.status,
            errorPage(refusal.page, session ? pageCaseworker(session) : undefined),
            refusal.headers,
          );
        return refusal.code;
      }
    },
  };
}

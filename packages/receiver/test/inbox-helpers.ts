// The inbox under test: two offices, a caseworker in each, applications to both, and a sign-in that keeps its
// cookies as a browser does. Passwords are hashed with a low scrypt cost here (the default costs 128 MiB each);
// password.test.ts checks the default.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRecordSources } from '../../../src/node/record-sources.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import type { InboxConfig } from '../src/inbox/config.ts';
import { hashPassword } from '../src/inbox/password.ts';
import { createReceiver, loadFormPackages, startReceiver, type StartedReceiver } from '../src/receiver.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from '../src/sqlite-store.ts';
import { StorageUnavailable, type SubmissionStore } from '../src/store.ts';
import { builtForms } from './child-receiver.ts';
import {
  FILES,
  kontaktSubmission,
  postJson,
  send,
  stotteSubmission,
  uploadToken,
  type RawResponse,
} from './helpers.ts';

export const PASSWORDS = { kari: 'riktig hest batteri stift', per: 'en annen lang passfrase' } as const;

export async function inboxConfig(): Promise<InboxConfig> {
  const cost = { logN: 12, r: 8, p: 1 };
  return {
    office: 'oslo',
    offices: { oslo: 'NAV Oslo', bergen: 'NAV Bergen' },
    formOffices: { stotte: 'bergen' },
    caseworkers: [
      {
        username: 'kari',
        name: 'Kari Saksbehandler',
        office: 'oslo',
        password: await hashPassword(PASSWORDS.kari, cost),
      },
      {
        username: 'per',
        name: 'Per Saksbehandler',
        office: 'bergen',
        password: await hashPassword(PASSWORDS.per, cost),
      },
    ],
  };
}

/** The Set-Cookie headers of an answer as name → the whole header. */
export function setCookies(response: RawResponse): Map<string, string> {
  const headers = response.headers['set-cookie'] ?? [];
  return new Map(headers.map((h) => [h.split('=')[0]!, h]));
}

const valueOf = (header: string | undefined): string => header?.split(';')[0]!.split('=').slice(1).join('=') ?? '';

/** A browser's cookie jar for one origin, enough for the inbox's two cookies. */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(readonly base: string) {}

  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: RawResponse): RawResponse {
    for (const [name, header] of setCookies(response)) {
      const value = valueOf(header);
      if (value === '' || /Max-Age=0/.test(header)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.keep(
      await send(`${this.base}${path}`, { method: 'GET', headers: { Cookie: this.cookie, ...headers } }),
    );
  }

  async postForm(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<RawResponse> {
    const body = new URLSearchParams(fields).toString();
    return this.keep(
      await send(`${this.base}${path}`, {
        method: 'POST',
        headers: {
          Cookie: this.cookie,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': String(Buffer.byteLength(body)),
          Origin: this.base,
          ...headers,
        },
        body,
      }),
    );
  }

  async putJson(path: string, value: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    const body = JSON.stringify(value);
    return this.keep(
      await send(`${this.base}${path}`, {
        method: 'PUT',
        headers: {
          Cookie: this.cookie,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          Origin: this.base,
          ...headers,
        },
        body,
      }),
    );
  }

  /** The sign-in page's form token. */
  async loginForm(): Promise<string> {
    const page = await this.get('/saksbehandling/logg-inn');
    return /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  }

  async login(username: string, password: string): Promise<RawResponse> {
    const csrf = await this.loginForm();
    return this.postForm('/saksbehandling/logg-inn', { csrf, username, password });
  }

  async csrfToken(): Promise<string> {
    return ((await this.get('/api/session')).json as { csrfToken: string }).csrfToken;
  }
}

export interface Sent {
  reference: string;
  submission: Submission;
  /** The uploaded file's ref (stotte only). */
  fileRef?: string;
}

export async function submit(base: string, submission: Submission): Promise<Sent> {
  const response = await postJson(`${base}/api/forms/${submission.form.id}/submissions`, submission);
  if (response.status !== 201) throw new Error(`submit answered ${response.status}: ${response.text}`);
  return { reference: (response.json as { reference: string }).reference, submission };
}

/** kontakt asking for an interpreter and contact; kontakt asking for nothing; stotte (office bergen) with a
 *  file uploaded and documents later. In this order, so the newest is stotte. */
export async function sendApplications(base: string): Promise<{ helped: Sent; plain: Sent; stotte: Sent }> {
  const helped = await submit(
    base,
    kontaktSubmission({ help: { contact: true, channel: 'phone', interpreter: true, interpreterLanguage: 'uk' } }),
  );
  const plain = await submit(base, kontaktSubmission());
  const id = randomUUID();
  const token = await uploadToken(base, 'stotte', id);
  const uploaded = await send(`${base}/api/forms/stotte/submissions/${id}/attachments?document=husleiekontrakt`, {
    headers: {
      'Upload-Token': token,
      'Content-Type': 'application/pdf',
      'Content-Length': String(FILES.pdf.length),
      'Content-Disposition': "attachment; filename*=UTF-8''husleiekontrakt%20%C3%B8st.pdf",
    },
    body: FILES.pdf,
  });
  const fileRef = (uploaded.json as { ref: string }).ref;
  const base0 = stotteSubmission({ id });
  const answers = {
    ...base0.answers,
    dokumenter: {
      ...(base0.answers.dokumenter as object),
      husleiekontrakt: {
        status: 'uploaded',
        files: [{ name: 'husleiekontrakt øst.pdf', size: FILES.pdf.length, type: 'application/pdf', ref: fileRef }],
      },
    },
  };
  const stotte = { ...(await submit(base, { ...base0, answers })), fileRef };
  return { helped, plain, stotte };
}

/** A receiver with an inbox whose access log fails as a full disk does while `full` is set: nothing may be shown. */
export async function startWithFailingAccessLog(
  temporary: string[],
  prefix: string,
): Promise<{ server: StartedReceiver; setFull: (full: boolean) => void }> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(folder);
  const formsDir = await builtForms(temporary, `${prefix}forms-`);
  const inner = new SqliteSubmissionStore(join(folder, SQLITE_FILE_NAME));
  let full = false;
  // The store as it is, but appending to the access log fails as a full disk does.
  const store = new Proxy(inner, {
    get(target, property) {
      if (property === 'appendAccess' && full)
        return async () => {
          throw new StorageUnavailable('SQLITE_FULL');
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const server = await startInbox(store, folder, formsDir);
  return { server, setFull: (value) => (full = value) };
}

/** A receiver with the inbox (its test sign-in, inboxConfig) on this store, its data in folder. */
export async function startInbox(store: SubmissionStore, folder: string, formsDir: string): Promise<StartedReceiver> {
  const receiver = createReceiver({
    forms: await loadFormPackages(formsDir),
    store,
    dataDir: folder,
    log: () => {},
    inbox: { config: await inboxConfig(), sources: (id) => loadRecordSources(join(formsDir, id)) },
  });
  return startReceiver(receiver, { host: '127.0.0.1', port: 0 });
}

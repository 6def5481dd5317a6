// Signing in through OpenID Connect (openid-client) against a tiny local issuer with a key set made in the test
// (oidc-issuer.ts): the code flow with PKCE, state and nonce, the office from a claim; and every token that should
// not sign anyone in does not: another key, another audience, another issuer, expired, a wrong nonce, a replayed
// or foreign callback, no office or an office this receiver does not have.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcLogin, type OidcLogin } from '../src/inbox/oidc.ts';
import { openReceiver, startReceiver, type StartedReceiver } from '../src/receiver.ts';
import { builtForms, cleanUpChildren } from './child-receiver.ts';
import { send } from './helpers.ts';
import { Browser, inboxConfig, sendApplications, setCookies } from './inbox-helpers.ts';
import { startTestIssuer, type Tampering, type TestIssuer } from './oidc-issuer.ts';

const temporary: string[] = [];
let started: StartedReceiver;
let issuer: TestIssuer;
let base: string;

/** Signs in through the issuer as a browser would; the callback's answer. */
async function signInThroughIssuer(
  browser: Browser,
): Promise<{ callback: string; answer: Awaited<ReturnType<Browser['get']>> }> {
  const start = await browser.get('/saksbehandling/oidc/start');
  expect(start.status).toBe(303);
  const location = new URL(start.headers.location!);
  expect(location.origin).toBe(issuer.url);
  const atIssuer = await send(location.href, { method: 'GET' });
  expect(atIssuer.status).toBe(302);
  const callback = new URL(atIssuer.headers.location!);
  expect(callback.origin).toBe(base);
  const path = `${callback.pathname}${callback.search}`;
  return { callback: path, answer: await browser.get(path) };
}

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-oidc-'));
  temporary.push(dataDir);
  issuer = await startTestIssuer();
  const config = { ...(await inboxConfig()), caseworkers: [] };
  const holder: { login?: OidcLogin } = {};
  // The redirect URI names the receiver's port, known once it listens.
  const lazy: OidcLogin = {
    start: () => holder.login!.start(),
    callback: (url, cookie) => holder.login!.callback(url, cookie),
  };
  const receiver = await openReceiver({
    formsDir: await builtForms(temporary, 'klarskjema-oidc-forms-'),
    dataDir,
    store: 'sqlite',
    log: () => {},
    inbox: { config, oidc: lazy },
  });
  started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
  base = started.url;
  holder.login = await createOidcLogin({
    settings: {
      issuer: issuer.url,
      clientId: issuer.clientId,
      clientSecretEnv: 'UNUSED_IN_THIS_TEST',
      redirectUri: `${base}/saksbehandling/oidc/callback`,
    },
    clientSecret: issuer.clientSecret,
    allowHttp: true,
  });
  await sendApplications(base);
});

afterAll(async () => {
  await started?.close();
  await issuer?.close();
  await cleanUpChildren(temporary);
});

describe('OpenID Connect sign-in', () => {
  it("offers the employer's sign-in only, and signs a caseworker in to the office of the ID token's claim", async () => {
    const browser = new Browser(base);
    const page = await browser.get('/saksbehandling/logg-inn');
    expect(page.text).toContain('href="/saksbehandling/oidc/start"');
    expect(page.text).not.toContain('name="password"');

    const start = await browser.get('/saksbehandling/oidc/start');
    const authorize = new URL(start.headers.location!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/.{20,}/);
    expect(authorize.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(setCookies(start).get('__Host-klarskjema-oidc')).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax/);

    issuer.user = { sub: 'ansatt-7', name: 'Kari Saksbehandler', office: 'oslo' };
    const { callback, answer } = await signInThroughIssuer(browser);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<meta http-equiv="refresh" content="0;url=/saksbehandling/">');
    expect(setCookies(answer).get('__Host-klarskjema-sak')).toMatch(/HttpOnly; Secure; SameSite=Strict/);
    const session = (await browser.get('/api/session')).json as {
      caseworker: { id: string; name: string };
      office: { id: string };
    };
    expect(session.caseworker).toEqual({ id: `${issuer.url}#ansatt-7`, name: 'Kari Saksbehandler' });
    expect(session.office.id).toBe('oslo');
    expect(((await browser.get('/api/cases')).json as { cases: unknown[] }).cases).toHaveLength(2);

    // The same callback again (a replay, or the back button): the state is spent.
    const replay = new Browser(base);
    replay.jar.set('__Host-klarskjema-oidc', new URL(callback, base).searchParams.get('state')!);
    const again = await replay.get(callback);
    expect(again.status).toBe(401);
    expect(replay.jar.has('__Host-klarskjema-sak')).toBe(false);
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const starter = new Browser(base);
    const start = await starter.get('/saksbehandling/oidc/start');
    const atIssuer = await send(start.headers.location!, { method: 'GET' });
    const callback = new URL(atIssuer.headers.location!);
    const victim = new Browser(base);
    const answer = await victim.get(`${callback.pathname}${callback.search}`);
    expect(answer.status).toBe(401);
    expect(victim.jar.has('__Host-klarskjema-sak')).toBe(false);
  });

  it('refuses ID tokens that do not check out, and identities without a known office', async () => {
    const refused: Array<[Tampering, { office?: string }]> = [
      ['other-key', { office: 'oslo' }],
      ['other-audience', { office: 'oslo' }],
      ['other-issuer', { office: 'oslo' }],
      ['expired', { office: 'oslo' }],
      ['wrong-nonce', { office: 'oslo' }],
      ['none', {}],
      ['none', { office: 'trondheim' }],
    ];
    for (const [tampering, office] of refused) {
      issuer.tampering = tampering;
      issuer.user = { sub: 'ansatt-9', name: 'Noen', ...office };
      const browser = new Browser(base);
      const { answer } = await signInThroughIssuer(browser);
      const what = `${tampering} ${office.office ?? 'no office'}`;
      expect(answer.status, what).toBe(401);
      expect(answer.text, what).toContain('jobbkontoen');
      expect(browser.jar.has('__Host-klarskjema-sak'), what).toBe(false);
      expect((await browser.get('/api/session')).status, what).toBe(401);
    }
    issuer.tampering = 'none';
  });
});

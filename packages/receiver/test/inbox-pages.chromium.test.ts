// The inbox's other pages in Chromium, with axe (WCAG 2.2 AA and best practice) and no Content-Security-Policy
// violation: the sign-in page of a deployment with OpenID Connect (and the sign-in through it, by keyboard), the
// page a refused change gets (403), and the page shown when the access log cannot be written (503).
// `node scripts/ensure-chromium.js && npx vitest run --config vitest.chromium.config.ts`.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS, CHROMIUM_PATH } from '../../../scripts/chromium.js';
import { createOidcLogin, type OidcLogin } from '../src/inbox/oidc.ts';
import { openReceiver, startReceiver } from '../src/receiver.ts';
import { builtForms, cleanUpChildren } from './child-receiver.ts';
import { expectAccessible, WATCH_VIOLATIONS } from './page-checks.ts';
import { inboxConfig, PASSWORDS, sendApplications, startWithFailingAccessLog } from './inbox-helpers.ts';
import { startTestIssuer } from './oidc-issuer.ts';

const temporary: string[] = [];
let browser: Browser;

const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.id && document.querySelector(`label[for="${element.id}"]`)?.textContent?.trim();
    return `${element.localName}|${label || element.textContent?.trim() || ''}`;
  });

async function tabTo(page: Page, wanted: RegExp): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${String(wanted)}; it went through ${seen.join(' → ')}`);
}

async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/saksbehandling/`);
  await tabTo(page, /^input\|Brukernavn$/);
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForURL(`${base}/saksbehandling/`), page.keyboard.press('Enter')]);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run node scripts/ensure-chromium.js`);
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
});

afterAll(async () => {
  await browser?.close();
  await cleanUpChildren(temporary);
});

describe('the inbox with OpenID Connect, in Chromium', () => {
  it('offers «Logg inn med jobbkontoen din» on an accessible page, and signs in through it by keyboard', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-oidc-ui-'));
    temporary.push(dataDir);
    const issuer = await startTestIssuer();
    const holder: { login?: OidcLogin } = {};
    const lazy: OidcLogin = {
      start: () => holder.login!.start(),
      callback: (url, cookie) => holder.login!.callback(url, cookie),
    };
    const receiver = await openReceiver({
      formsDir: await builtForms(temporary, 'klarskjema-oidc-ui-forms-'),
      dataDir,
      store: 'sqlite',
      log: () => {},
      inbox: { config: { ...(await inboxConfig()), caseworkers: [] }, oidc: lazy },
    });
    const started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
    try {
      holder.login = await createOidcLogin({
        settings: {
          issuer: issuer.url,
          clientId: issuer.clientId,
          clientSecretEnv: 'UNUSED_IN_THIS_TEST',
          redirectUri: `${started.url}/saksbehandling/oidc/callback`,
        },
        clientSecret: issuer.clientSecret,
        allowHttp: true,
      });
      issuer.user = { sub: 'ansatt-7', name: 'Kari Saksbehandler', office: 'oslo' };
      const context = await browser.newContext();
      await context.addInitScript(WATCH_VIOLATIONS);
      const page = await context.newPage();
      await page.goto(`${started.url}/saksbehandling/`);
      expect(await page.locator('input[name="username"]').count()).toBe(0);
      await expectAccessible(page, 'the sign-in page with OpenID Connect only');
      await tabTo(page, /^a\|Logg inn med jobbkontoen din$/);
      await Promise.all([page.waitForURL(`${started.url}/saksbehandling/`), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe('Innboks');
      await expectAccessible(page, 'the inbox after signing in with OpenID Connect');

      // Without an office in the token: refused, on an accessible page that says so.
      const other = await browser.newContext();
      await other.addInitScript(WATCH_VIOLATIONS);
      const refused = await other.newPage();
      issuer.user = { sub: 'ansatt-8', name: 'Uten Kontor' };
      await refused.goto(`${started.url}/saksbehandling/`);
      await tabTo(refused, /^a\|Logg inn med jobbkontoen din$/);
      await Promise.all([refused.waitForURL(/\/saksbehandling\/oidc\/callback/), refused.keyboard.press('Enter')]);
      await refused.waitForLoadState('load');
      expect(await refused.locator('h1').count()).toBe(1);
      await expectAccessible(refused, 'a sign-in refused (no office)');
      await other.close();
      await context.close();
    } finally {
      await started.close();
      await issuer.close();
    }
  });
});

describe('the inbox’s 403 and 503 pages, in Chromium', () => {
  it('are accessible, and say what happened without showing an application', async () => {
    const { server, setFull } = await startWithFailingAccessLog(temporary, 'klarskjema-inbox-errors-ui-');
    try {
      const { helped } = await sendApplications(server.url);
      const context = await browser.newContext();
      await context.addInitScript(WATCH_VIOLATIONS);
      const page = await context.newPage();
      await signIn(page, server.url, 'kari', PASSWORDS.kari);

      // 403: a status change whose form token is not the session's (as a forged form would be).
      await page.goto(`${server.url}/saksbehandling/saker/${helped.reference}`);
      await page.locator('input[name="csrf"]').evaluateAll((inputs) => {
        for (const input of inputs) (input as HTMLInputElement).value = 'ikke-riktig';
      });
      await tabTo(page, /^button\|Lagre status$/);
      const [answer] = await Promise.all([page.waitForResponse(/\/status$/), page.keyboard.press('Enter')]);
      expect(answer.status()).toBe(403);
      await page.waitForLoadState('load');
      expect(await page.locator('h1').textContent()).toBe('Du kan ikke gjøre dette. Last inn siden og prøv igjen.');
      await expectAccessible(page, 'the 403 page');

      // 503: the access log cannot be written, so nothing is shown.
      setFull(true);
      const unavailable = await page.goto(`${server.url}/saksbehandling/`);
      expect(unavailable?.status()).toBe(503);
      expect(await page.locator('h1').textContent()).toBe('Vi får ikke hentet søknadene nå. Prøv igjen om litt.');
      expect(await page.content()).not.toContain(helped.reference);
      await expectAccessible(page, 'the 503 page');
      setFull(false);
      await context.close();
    } finally {
      await server.close();
    }
  });
});

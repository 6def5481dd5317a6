// The inbox in a real browser (Debian's Chromium through playwright-core, as test/embed does), used with the
// keyboard only: sign in, filter, open an application, set its status, download a file, sign out; axe-core
// (WCAG 2.2 AA and best practice) on every page, and no Content-Security-Policy violation anywhere. The pages are
// served by a real receiver on http://127.0.0.1, where Chromium keeps the Secure, __Host- cookies (a secure
// context). `node scripts/ensure-chromium.js && npx vitest run --config vitest.chromium.config.ts`.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS, CHROMIUM_PATH } from '../../../scripts/chromium.js';
import { openReceiver, startReceiver, type StartedReceiver } from '../src/receiver.ts';
import { SQLITE_FILE_NAME } from '../src/sqlite-store.ts';
import { builtForms, cleanUpChildren } from './child-receiver.ts';
import { FILES } from './helpers.ts';
import { expectAccessible, WATCH_VIOLATIONS } from './page-checks.ts';
import { inboxConfig, PASSWORDS, sendApplications, type Sent } from './inbox-helpers.ts';

const temporary: string[] = [];
let started: StartedReceiver;
let base: string;
let dataDir: string;
let browser: Browser;
let sent: { helped: Sent; plain: Sent; stotte: Sent };

/** What has the keyboard focus, described. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.id && document.querySelector(`label[for="${element.id}"]`)?.textContent?.trim();
    return `${element.localName}|${label || element.closest('label')?.textContent?.trim() || element.textContent?.trim() || ''}`;
  });

/** Presses Tab until the focus is on what `wanted` matches (at most 40 times). */
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

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${base}/saksbehandling/`);
  expect(new URL(page.url()).pathname).toBe('/saksbehandling/logg-inn');
  await tabTo(page, /^input\|Brukernavn$/);
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('input|Passord');
  await page.keyboard.type(password);
  await Promise.all([page.waitForURL(`${base}/saksbehandling/`), page.keyboard.press('Enter')]);
}

function accessLines(): Array<{ caseworker: string; action: string; reference: string | null }> {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return db
      .prepare<{ caseworker: string; action: string; reference: string | null }>(
        'SELECT caseworker, action, reference FROM access_log ORDER BY seq',
      )
      .all();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run node scripts/ensure-chromium.js`);
  dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-inbox-ui-'));
  temporary.push(dataDir);
  const formsDir = await builtForms(temporary, 'klarskjema-inbox-ui-forms-');
  const receiver = await openReceiver({
    formsDir,
    dataDir,
    store: 'sqlite',
    log: () => {},
    inbox: { config: await inboxConfig() },
  });
  started = await startReceiver(receiver, { host: '127.0.0.1', port: 0 });
  base = started.url;
  sent = await sendApplications(base);
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
});

afterAll(async () => {
  await browser?.close();
  await started?.close();
  await cleanUpChildren(temporary);
});

describe('the inbox in Chromium, by keyboard', () => {
  it('signs in, filters, opens a record and sets its status; every page accessible', async () => {
    const context = await browser.newContext();
    await context.addInitScript(WATCH_VIOLATIONS);
    const page = await context.newPage();
    await page.goto(`${base}/saksbehandling/`);
    await expectAccessible(page, 'the sign-in page');
    // A wrong password first: the page says so, and stays accessible.
    await tabTo(page, /^input\|Brukernavn$/);
    await page.keyboard.type('kari');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ikke passordet');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.message.error');
    await expectAccessible(page, 'the sign-in page with its error');

    await signIn(page, 'kari', PASSWORDS.kari);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === '__Host-klarskjema-sak')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(await page.locator('h1').textContent()).toBe('Innboks');
    expect(await page.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'the inbox');

    // Filter: only those who need an interpreter.
    await tabTo(page, /^input\|trenger tolk$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^button\|Vis søknadene$/);
    await Promise.all([page.waitForURL(/needs=interpreter/), page.keyboard.press('Enter')]);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('#antall').textContent()).toBe('1 søknad');
    expect(await page.locator('input[value="interpreter"]').isChecked()).toBe(true);
    await expectAccessible(page, 'the inbox filtered');

    // The record.
    await tabTo(page, new RegExp(`^a\\|${sent.helped.reference}$`));
    await Promise.all([
      page.waitForURL(`${base}/saksbehandling/saker/${sent.helped.reference}`),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('h1').textContent()).toBe(`Søknad ${sent.helped.reference}`);
    expect(await page.locator('[data-action="interpreter"]').count()).toBe(1);
    expect(await page.locator('[data-action="contact"]').count()).toBe(1);
    await expectAccessible(page, 'the record');

    // Status: "Under behandling", chosen with the arrow key.
    await tabTo(page, /^select\|Ny status$/);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#ny-status').inputValue()).toBe('under-behandling');
    await tabTo(page, /^button\|Lagre status$/);
    await Promise.all([page.waitForURL(/lagret=1/), page.keyboard.press('Enter')]);
    expect(await page.locator('[role="status"]').first().textContent()).toContain('Statusen er lagret');
    expect(await page.locator('#status-now').getAttribute('data-status')).toBe('under-behandling');
    await expectAccessible(page, 'the record after a status change');

    // Sign out.
    await tabTo(page, /^button\|Logg ut$/);
    await Promise.all([page.waitForURL(`${base}/saksbehandling/logg-ut`), page.keyboard.press('Enter')]);
    expect(await page.locator('[role="status"]').textContent()).toContain('Du er logget ut');
    await expectAccessible(page, 'signed out');
    await page.goto(`${base}/saksbehandling/saker/${sent.helped.reference}`);
    expect(new URL(page.url()).pathname).toBe('/saksbehandling/logg-inn');
    await context.close();

    const kari = accessLines().filter((l) => l.caseworker === 'kari');
    expect(kari.filter((l) => l.action === 'record')).toEqual([
      { caseworker: 'kari', action: 'record', reference: sent.helped.reference },
      { caseworker: 'kari', action: 'record', reference: sent.helped.reference },
    ]);
    expect(kari.filter((l) => l.action === 'status')).toHaveLength(1);
  });

  it("downloads a file, and shows another office's application as not found", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(WATCH_VIOLATIONS);
    const page = await context.newPage();
    await signIn(page, 'per', PASSWORDS.per);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await tabTo(page, new RegExp(`^a\\|${sent.stotte.reference}$`));
    await Promise.all([page.waitForURL(/\/saker\//), page.keyboard.press('Enter')]);
    await expectAccessible(page, 'a record with a file');
    expect(await page.locator('[data-attachment]').textContent()).toMatch(/\(Husleiekontrakt, PDF, 4 kB\)$/);
    await tabTo(page, /^a\|Last ned husleiekontrakt øst\.pdf$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('husleiekontrakt øst.pdf');
    const bytes = await readFile((await download.path())!);
    expect(bytes.equals(FILES.pdf)).toBe(true);

    const response = await page.goto(`${base}/saksbehandling/saker/${sent.helped.reference}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Vi finner ikke denne siden eller søknaden.');
    expect(await page.content()).not.toContain('Kari Nordmann');
    await expectAccessible(page, 'not found');
    await context.close();
    expect(accessLines().filter((l) => l.caseworker === 'per' && l.action === 'attachment')).toHaveLength(1);
    expect(accessLines().filter((l) => l.caseworker === 'per' && l.reference === sent.helped.reference)).toEqual([]);
  });
});

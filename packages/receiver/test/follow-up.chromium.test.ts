// Documents sent later, end to end in Chromium (docs/decisions/0035-documents-sent-later.md): an applicant sends
// sosialhjelp with two documents «later», opens the receipt's link as a week later (a new browser session), sends
// one document and says «har ikke» with a reason for the other, with the keyboard only; a caseworker then sees
// both in the record. An expired link (the receiver's clock moved on) and a wrong one get the same clear message.
// axe on every view of the page. The widget, the form packages and the receiver are on one origin, as `npm start`
// serves them. `node scripts/ensure-chromium.js && npx vitest run --config vitest.chromium.config.ts`.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS, CHROMIUM_PATH } from '../../../scripts/chromium.js';
import { buildWidget } from '../../../scripts/build-widget.ts';
import { MIME_TYPES, STANDALONE_CONTENT_SECURITY_POLICY } from '../../../scripts/static-server.js';
import { readExampleDefinition } from '../../../test/helpers/form-packages.ts';
import { answers } from '../../../test/embed/answers.ts';
import { runApplication } from '../../../test/embed/drive.ts';
import { DEFAULT_FOLLOW_UP_WEEKS } from '../src/limits.ts';
import { openReceiver, type Receiver } from '../src/receiver.ts';
import { builtForms, cleanUpChildren } from './child-receiver.ts';
import { FILES } from './helpers.ts';
import { expectAccessible, WATCH_VIOLATIONS } from './page-checks.ts';
import { inboxConfig, PASSWORDS } from './inbox-helpers.ts';

const temporary: string[] = [];
let server: Server;
let receiver: Receiver;
let base: string;
let browser: Browser;
const logs: string[] = [];
// The receiver's clock: today (the widget stamps its submission with the browser's), moved on for the expired link.
let clock = new Date();

const HOST_PAGE = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Søknad om økonomisk sosialhjelp</title><script type="module" src="/widget/klarskjema.js"></script></head>
<body><main><h1>Søknad om økonomisk sosialhjelp</h1>
<klar-skjema form="/forms/sosialhjelp/" lang="nb" submit-url="/api/forms/sosialhjelp/submissions"></klar-skjema>
</main></body></html>`;

/** A file under root for a URL path, or null (never outside root). */
function under(root: string, path: string): string | null {
  const file = resolve(root, `.${decodeURIComponent(path)}`);
  return file.startsWith(resolve(root) + sep) ? file : null;
}

/** What one browser sees under a form's application page: the page, the widget, the form packages, the receiver. */
function serveAll(widgetDir: string, formsDir: string): Promise<Server> {
  const served = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/') || path.startsWith('/saksbehandling')) return void receiver.handle(request, response);
    const file = path.startsWith('/widget/')
      ? under(widgetDir, path.slice('/widget'.length))
      : path.startsWith('/forms/')
        ? under(formsDir, path.slice('/forms'.length))
        : null;
    const reply = (status: number, body: string | Buffer, type: string): void => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': STANDALONE_CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      response.end(body);
    };
    if (path === '/soknad') return reply(200, HOST_PAGE, 'text/html; charset=utf-8');
    if (!file) return reply(404, 'Not found', 'text/plain');
    void stat(file)
      .then((info) => (info.isFile() ? readFile(file) : Promise.reject(new Error('not a file'))))
      .then(
        (bytes) => reply(200, bytes, MIME_TYPES[extname(file)] ?? 'application/octet-stream'),
        () => reply(404, 'Not found', 'text/plain'),
      );
  });
  return new Promise((resolvePromise) => served.listen(0, '127.0.0.1', () => resolvePromise(served)));
}

/** The focused element, inside the widget's shadow root too: tag|its text or label. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    let element = document.activeElement as HTMLElement | null;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement as HTMLElement;
    if (!element) return '';
    const root = element.getRootNode() as Document | ShadowRoot;
    const label = element.id && root.querySelector(`label[for="${element.id}"]`)?.textContent?.trim();
    return `${element.localName}|${(label || element.textContent || '').replace(/\s+/g, ' ').trim()}`;
  });

async function tabTo(page: Page, wanted: RegExp): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${String(wanted)}; it went through ${seen.join(' → ')}`);
}

/** The text of the widget's page (its shadow root), spaces collapsed. */
const widgetText = (page: Page): Promise<string> =>
  page.evaluate(() =>
    (document.querySelector('klar-skjema')!.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      (document.querySelector('klar-skjema')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(wanted),
    text,
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run node scripts/ensure-chromium.js`);
  const dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-follow-up-ui-'));
  const widgetDir = await mkdtemp(join(tmpdir(), 'klarskjema-follow-up-widget-'));
  temporary.push(dataDir, widgetDir);
  const formsDir = await builtForms(temporary, 'klarskjema-follow-up-forms-');
  await buildWidget(widgetDir, 'standalone');
  receiver = await openReceiver({
    formsDir,
    dataDir,
    store: 'sqlite',
    log: (line) => logs.push(line),
    now: () => clock,
    inbox: { config: await inboxConfig() },
  });
  server = await serveAll(widgetDir, formsDir);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await receiver?.close();
  await cleanUpChildren(temporary);
});

describe('documents sent later, in Chromium', () => {
  let link = '';
  let reference = '';

  it('the receipt gives a link in the page’s fragment, with what to do', async () => {
    const context = await browser.newContext();
    await context.addInitScript(WATCH_VIOLATIONS);
    const page = await context.newPage();
    await page.goto(`${base}/soknad`);
    const definition = await readExampleDefinition('sosialhjelp');
    const given = structuredClone(answers.sosialhjelp) as Record<string, Record<string, unknown>>;
    given.vedlegg!.dokumenter = { husleiekontrakt: 'later', stromregning: 'later', lonnsslipp: 'missing' };
    await runApplication({ page, selector: 'klar-skjema' }, definition, given);
    const anchor = page.locator('klar-skjema .receipt-link a');
    const href = (await anchor.getAttribute('href'))!;
    expect(href.startsWith(`${base}/soknad#ettersending=KS-`)).toBe(true);
    link = href.split('#ettersending=')[1]!;
    reference = link.split('.')[0]!;
    const text = await widgetText(page);
    expect(text).toContain('Send dokumentene senere her.');
    expect(text).toContain('Lagre lenken');
    expect(text).toContain('Ikke del lenken med andre.');
    expect(text).toContain(reference);
    await expectAccessible(page, 'the receipt with its link');
    await context.close();
  });

  it('opens from the link a week later: one document sent, «har ikke» for the other, by keyboard only', async () => {
    const context = await browser.newContext();
    await context.addInitScript(WATCH_VIOLATIONS);
    const page = await context.newPage();
    await page.goto(`${base}/soknad#ettersending=${link}`);
    await waitForText(page, 'Dokumentene vi venter på');
    const opened = await widgetText(page);
    expect(opened).toContain(`Søknad ${reference}`);
    expect(opened).toContain('NAV har fått søknaden din. Ingen har begynt å se på den ennå.');
    expect(opened).toContain('Vi har ikke fått dette dokumentet ennå.');
    // Only what was «later» or «har ikke», not the form's other questions.
    expect(await page.locator('klar-skjema .later-document').count()).toBe(3);
    expect(await page.locator('klar-skjema form.step').count()).toBe(0);
    await expectAccessible(page, 'the page for documents sent later');

    // The rental contract: the file choice, by Enter on its button. The wait starts before the keys: Playwright
    // turns on catching the file dialog when a wait begins, and an Enter before that would open the real one.
    const choosing = page.waitForEvent('filechooser');
    await tabTo(page, /^button\|Velg filer og send \(Husleiekontrakt/);
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    await chooser.setFiles({ name: 'husleiekontrakt.pdf', mimeType: 'application/pdf', buffer: FILES.pdf });
    await waitForText(page, 'Vi har fått «husleiekontrakt.pdf».');
    await waitForText(page, 'Vi fikk dette dokumentet');
    await expectAccessible(page, 'after a document was sent');

    // The electricity bill: «har ikke», with a reason.
    await tabTo(page, /^button\|Jeg har ikke dette dokumentet \(Den siste strømregningen/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      let element = document.activeElement as HTMLElement | null;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement as HTMLElement;
      return element?.localName === 'textarea';
    });
    // An empty reason is not sent: the page asks for one.
    await tabTo(page, /^button\|Send grunnen/);
    await page.keyboard.press('Enter');
    await waitForText(page, 'Skriv hvorfor du ikke har dokumentet.');
    await expectAccessible(page, 'a reason missing');
    await page.keyboard.type('Strømmen er inkludert i husleien.');
    await tabTo(page, /^button\|Send grunnen/);
    await page.keyboard.press('Enter');
    await waitForText(page, 'Strømmen er inkludert i husleien.');
    await waitForText(page, 'Du har sagt at du ikke har dette dokumentet.');
    await expectAccessible(page, 'after «har ikke»');
    await context.close();
  });

  it('shows both to the caseworker in the record, with the file to download', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/saksbehandling/`);
    await tabTo(page, /^input\|Brukernavn$/);
    await page.keyboard.type('kari');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORDS.kari);
    await Promise.all([page.waitForURL(`${base}/saksbehandling/`), page.keyboard.press('Enter')]);
    await page.goto(`${base}/saksbehandling/saker/${reference}`);
    const timeline = (await page.locator('#timeline').textContent())!.replace(/\s+/g, ' ');
    expect(timeline).toContain('Dokument mottatt: Husleiekontrakt');
    expect(timeline).toContain('Søkeren har ikke dokumentet: Den siste strømregningen');
    expect(timeline).toContain('Strømmen er inkludert i husleien.');
    expect(await page.locator('a', { hasText: 'husleiekontrakt.pdf' }).count()).toBe(1);
    await context.close();
  });

  it('answers an expired link and a wrong one with the same clear message, which reveals nothing', async () => {
    const messages: string[] = [];
    const open = async (fragment: string, what: string) => {
      const context = await browser.newContext();
      await context.addInitScript(WATCH_VIOLATIONS);
      const page = await context.newPage();
      await page.goto(`${base}/soknad#ettersending=${fragment}`);
      await waitForText(page, 'Lenken virker ikke.');
      expect(await page.locator('klar-skjema .later-document').count()).toBe(0);
      const text = await widgetText(page);
      expect(text).not.toContain(reference);
      messages.push(text);
      await expectAccessible(page, what);
      await context.close();
    };
    await open(`${reference}.${'A'.repeat(43)}`, 'a wrong link');
    const now = clock;
    clock = new Date(now.getTime() + (DEFAULT_FOLLOW_UP_WEEKS * 7 + 1) * 86_400_000);
    try {
      await open(link, 'an expired link');
    } finally {
      clock = now;
    }
    expect(messages[1]).toBe(messages[0]);
  });

  it('never logs the secret, or the link', () => {
    const log = logs.join('\n');
    expect(log).toContain('"route":"/api/follow-up/attachments"');
    expect(log).not.toContain(link.split('.')[1]!);
    expect(log).not.toContain(reference);
  });
});

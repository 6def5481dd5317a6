// Screenshots of both example forms on the demo page, the way a user goes through them: every step
// answered, the first step's error state, the review page and the receipt, each full-page at 320 and
// 1280 CSS px wide (320 px is also what 400 % zoom looks like), for people to look at.
//   npm run screenshots   → build/screenshots/<form>-<nn>-<view>-<width>.png, one step in Arabic (00-ar-…), and
//                           each form's first step with errors in the dark look and in forced colours (00-dark-…,
//                           00-forced-colors-…; docs/decisions/0026-focus-text-spacing-dark.md)
// Builds the form packages and the widget first, serves the repository with scripts/static-server.js
// (the production Content-Security-Policy) and drives Debian's Chromium with playwright-core. It only
// clicks the widget's buttons and fills its inputs; Playwright's locators pierce the open shadow root.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium.js';
import type { Server } from 'node:http';
import { domId } from '../components/fields/field-host.ts';
import type { FieldDefinition, FormDefinition } from '../src/definition/types.ts';
import { packageRoot } from '../src/node/paths.ts';
import { openReceiver } from '../packages/receiver/src/receiver.ts';
import { fillField } from '../test/helpers/fill-field.ts';
import { fullAnswers } from '../test/helpers/full-answers.ts';
import { buildWidget } from './build-widget.ts';
import { DEMO_FOLDERS, serve, STANDALONE_CONTENT_SECURITY_POLICY } from './static-server.js';

const FORMS = ['kontakt', 'stotte', 'sosialhjelp', 'aktivitet'];
const WIDTHS = [320, 1280];
const HEIGHT = 900;
const OUT_DIR = resolve(packageRoot, 'build/screenshots');
const TIMEOUT_MS = 10_000;

const ANSWERS = fullAnswers;

// page.evaluate gets strings, not functions: tsx compiles this file with helpers (__name) that do not
// exist in the page.
const WIDGET = "document.querySelector('klar-skjema')";

interface View {
  value: string;
  step: string;
  errors: number;
  relevant: string[];
}

async function view(page: Page): Promise<View> {
  return page.evaluate(`(() => {
    const snapshot = ${WIDGET}.snapshot;
    return { value: String(snapshot.value), step: snapshot.context.step, errors: snapshot.context.errors.length, relevant: [...snapshot.context.relevance.fields] };
  })()`) as Promise<View>;
}

/** Polls an expression in the page. (waitForFunction would build a function from a string, which the CSP forbids.) */
async function waitFor(page: Page, expression: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < TIMEOUT_MS; await new Promise((r) => setTimeout(r, 50))) {
    if (await page.evaluate(expression)) return;
  }
  throw new Error(`timed out waiting for ${expression}`);
}

/** Waits until the widget has rendered what the machine holds. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(`${WIDGET}.updateComplete.then(() => new Promise((resolve) => requestAnimationFrame(resolve)))`);
}

async function button(page: Page, name: string): Promise<void> {
  await page.locator('klar-skjema').getByRole('button', { name, exact: true }).click();
  await settle(page);
}

/** Gives an answer through the field's own controls, as a user would. */
async function fill(page: Page, field: FieldDefinition, path: string, value: unknown): Promise<void> {
  const control = (selector: string) => page.locator(`klar-skjema ${selector}`);
  // A value the demo prefilled from a register: confirm it, as most users would.
  const confirm = control(`input[name="${domId(path)}-prefill"][value="yes"]`);
  if ((await confirm.count()) > 0) {
    await confirm.check();
    await settle(page);
    return;
  }
  await fillField(control, () => settle(page), field, path, value);
}

async function shoot(page: Page, formId: string, number: number, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    // From the top: the demo's header is sticky, and a full-page shot of a scrolled page draws it mid-page.
    await page.evaluate('window.scrollTo(0, 0)');
    await settle(page);
    const file = resolve(OUT_DIR, `${formId}-${String(number).padStart(2, '0')}-${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const wide = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    console.log(
      `${relative(process.cwd(), file)}${wide > width ? `  (warning: the page is ${wide} px wide, it scrolls sideways)` : ''}`,
    );
  }
}

async function screenshotsOf(browser: Browser, origin: string, formId: string): Promise<void> {
  const definition = JSON.parse(
    await readFile(resolve(packageRoot, `build/forms/${formId}/form.json`), 'utf8'),
  ) as FormDefinition;
  const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: HEIGHT } });
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    // Browsers ask for /favicon.ico on their own; the demo has none.
    if (url.endsWith('/favicon.ico')) return;
    problems.push(`${message.text()}${url ? ` (${url})` : ''}`);
  });
  const check = () => {
    if (problems.length > 0) throw new Error(`${formId}: the page reported: ${problems[0]}`);
  };

  await page.goto(`${origin}/demo/index.html?form=${formId}`);
  await page.locator('klar-skjema #ks-heading').waitFor();
  await settle(page);
  let number = 0;

  // The first step's error state: Continue with nothing answered (a step the register filled may have none).
  const first = (await view(page)).step;
  await button(page, 'Neste');
  if ((await view(page)).errors > 0) await shoot(page, formId, ++number, `${first}-error`);
  else if ((await view(page)).step !== first) await button(page, 'Tilbake');

  for (let guard = 0; (await view(page)).value === 'filling'; guard++) {
    if (guard > definition.steps.length) throw new Error(`${formId}: stuck on step ${(await view(page)).step}`);
    const { step: stepId, relevant } = await view(page);
    const step = definition.steps.find((s) => s.id === stepId)!;
    const answers = ANSWERS[formId]?.[stepId] ?? {};
    for (const field of step.fields) {
      // Relevance can change with each answer (a follow-up question appears), so ask again.
      const now = field === step.fields[0] ? relevant : (await view(page)).relevant;
      if (field.id in answers && now.includes(field.id)) await fill(page, field, `/${field.id}`, answers[field.id]);
    }
    await shoot(page, formId, ++number, stepId);
    await button(page, 'Neste');
    const after = await view(page);
    if (after.value === 'filling' && after.step === stepId)
      throw new Error(`${formId}: Continue on ${stepId} stopped with ${after.errors} error(s); check ANSWERS`);
    check();
  }
  if ((await view(page)).value !== 'review')
    throw new Error(`${formId}: expected the review page, got ${(await view(page)).value}`);
  await shoot(page, formId, ++number, 'review');

  await button(page, 'Send');
  await waitFor(page, `${WIDGET}.snapshot.value === 'submitted'`);
  await settle(page);
  await shoot(page, formId, number + 1, 'receipt');
  check();
  await page.close();
}

/**
 * One step in a right-to-left locale: its error state, then filled in, so a person can check the mirrored
 * layout and that amounts, account numbers and dates still read left to right.
 */
async function rightToLeft(browser: Browser, origin: string, formId: string, locale: string): Promise<void> {
  const definition = JSON.parse(
    await readFile(resolve(packageRoot, `build/forms/${formId}/form.json`), 'utf8'),
  ) as FormDefinition;
  const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: HEIGHT } });
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.goto(`${origin}/demo/index.html?form=${formId}`);
  await page.locator('klar-skjema #ks-heading').waitFor();
  await page.locator('klar-skjema #ks-language').selectOption(locale);
  await waitFor(page, `${WIDGET}.shadowRoot.querySelector('[dir="rtl"]') !== null`);
  await settle(page);
  const step = definition.steps[0]!;
  const next = page.locator('klar-skjema button[type="submit"]');
  await next.click();
  await settle(page);
  await shoot(page, formId, 0, `${locale}-${step.id}-error`);
  const answers = ANSWERS[formId]?.[step.id] ?? {};
  for (const field of step.fields) if (field.id in answers) await fill(page, field, `/${field.id}`, answers[field.id]);
  await shoot(page, formId, 0, `${locale}-${step.id}`);
  await page.close();
}

/** The media features a look is emulated with (CDP Emulation.setEmulatedMedia, as the browser's settings set them). */
const LOOKS: Record<string, Array<{ name: string; value: string }>> = {
  dark: [{ name: 'prefers-color-scheme', value: 'dark' }],
  'forced-colors': [{ name: 'forced-colors', value: 'active' }],
};

/** The first step with its errors showing, in the dark look and in forced colours (Windows high contrast). */
async function looks(browser: Browser, origin: string, formId: string): Promise<void> {
  for (const [look, features] of Object.entries(LOOKS)) {
    const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: HEIGHT } });
    page.setDefaultTimeout(TIMEOUT_MS);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setEmulatedMedia', { features });
    await page.goto(`${origin}/demo/index.html?form=${formId}`);
    await page.locator('klar-skjema #ks-heading').waitFor();
    await page.locator('klar-skjema button[type="submit"]').click();
    await settle(page);
    // A first step the register filled has no errors: Continue then shows the second step.
    const { step, errors } = await view(page);
    await shoot(page, formId, 0, `${look}-${step}${errors > 0 ? '-error' : ''}`);
    await page.close();
  }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['--import', 'tsx', resolve(packageRoot, 'scripts/build-forms.ts')], {
    cwd: packageRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await buildWidget();
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });

  let server: Server | undefined;
  let browser: Browser | undefined;
  let receiver: Awaited<ReturnType<typeof openReceiver>> | undefined;
  try {
    server = await serve({
      root: packageRoot,
      port: 0,
      host: '127.0.0.1',
      allow: DEMO_FOLDERS,
      policy: STANDALONE_CONTENT_SECURITY_POLICY,
    });
    // The demo posts to the reference receiver, as under `npm start`; its data goes to a temp folder.
    receiver = await openReceiver({
      formsDir: resolve(packageRoot, 'build/forms'),
      dataDir: await mkdtemp(join(tmpdir(), 'klarskjema-shots-')),
    });
    const [serveStatic] = server.listeners('request') as Array<
      (request: IncomingMessage, response: ServerResponse) => void
    >;
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.url?.startsWith('/api/')) void receiver!.handle(request, response);
      else serveStatic!.call(server, request, response);
    });
    const { port } = server.address() as AddressInfo;
    browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    for (const formId of FORMS) await screenshotsOf(browser, `http://127.0.0.1:${port}`, formId);
    await rightToLeft(browser, `http://127.0.0.1:${port}`, 'stotte', 'ar');
    for (const formId of FORMS) await looks(browser, `http://127.0.0.1:${port}`, formId);
  } finally {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    // Its validators run in worker threads, which would keep the script from ending.
    await receiver?.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`screenshots: ${message.split('\n')[0]}`);
  process.exitCode = 1;
});

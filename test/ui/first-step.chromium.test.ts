// The first step as declarative shadow DOM (decision 0041): a page with the step drawn in Node
// (packages/tools/src/first-step.ts) under the standalone build's strict policy plus the style's hash. The user types and
// ticks BEFORE the widget's script may load (its request is held), then the script runs and the widget takes the
// step over: what was typed stays, focus and the caret stay, the step never leaves the page, axe passes before
// and after, and the keyboard goes on. Chromium driven from Node (vitest.chromium.config.ts): Node draws the page.
// And the same step drawn by the loader from the package's start slice (decision 0044), on a page that has none.
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../scripts/chromium.js';
import { serve, STANDALONE_CONTENT_SECURITY_POLICY } from '../../scripts/static-server.js';
import { buildWidget } from '../../scripts/build-widget.ts';
import { buildFormPackage } from '../../packages/tools/src/build/build.ts';
import type { FormDefinition } from '../../src/definition/types.ts';
import { localesDir, packageRoot } from '../../src/node/paths.ts';
import { addFirstSteps, renderFirstStep } from '../../packages/tools/src/first-step.ts';
import { expectAccessible, WATCH_VIOLATIONS } from '../../packages/receiver/test/page-checks.ts';

let folder: string;
let origin: string;
let close: () => Promise<void>;
let browser: Browser;

const page = (title: string, element: string) => `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="widget/klarskjema.js"></script></head>
<body><main><h1>${title}</h1>${element}</main></body></html>`;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'klarskjema-first-step-'));
  const definition = JSON.parse(
    await readFile(resolve(packageRoot, 'schemas/forms/stotte.json'), 'utf8'),
  ) as FormDefinition;
  await buildWidget(join(folder, 'widget'), 'standalone');
  await buildFormPackage(definition, { outDir: join(folder, 'forms'), localesDir });
  const dir = join(folder, 'forms/stotte');
  await addFirstSteps(dir);
  await writeFile(
    join(folder, 'loader.html'),
    page(
      'Søk om støtte',
      '<klar-skjema form="forms/stotte/" lang="nb" exit-url="https://example.org/ut"></klar-skjema>',
    ),
  );
  // Two widgets of two forms, one above the other.
  const kontakt = JSON.parse(
    await readFile(resolve(packageRoot, 'schemas/forms/kontakt.json'), 'utf8'),
  ) as FormDefinition;
  await buildFormPackage(kontakt, { outDir: join(folder, 'forms'), localesDir });
  await addFirstSteps(join(folder, 'forms/kontakt'));
  await writeFile(
    join(folder, 'two.html'),
    page(
      'Søk om støtte',
      '<klar-skjema id="upper" form="forms/kontakt/" lang="nb"></klar-skjema><klar-skjema id="lower" form="forms/stotte/" lang="nb"></klar-skjema>',
    ),
  );
  const nb = await renderFirstStep(dir, { form: 'forms/stotte/', lang: 'nb' });
  await writeFile(join(folder, 'index.html'), page('Søk om støtte', nb.html));
  // A stale page: drawn in English, while the element asks for bokmål (the host changed one and not the other).
  const en = await renderFirstStep(dir, { form: 'forms/stotte/', lang: 'en' });
  await writeFile(join(folder, 'stale.html'), page('Søk om støtte', en.html.replace(' lang="en"', ' lang="nb"')));
  expect(nb.styleHash).toBe(en.styleHash);
  // The strict policy, with only the first step's style allowed besides 'self'.
  const policy = STANDALONE_CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${nb.styleHash}`);
  const server = await serve({ root: folder, port: 0, host: '127.0.0.1', redirectRoot: '', policy });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
});

afterAll(async () => {
  await browser?.close();
  await close?.();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Before any script: every moment the shadow root changes, whether the step is still whole (heading and inputs). */
const WATCH_STEP = `(() => {
  const host = document.querySelector('klar-skjema');
  const root = host.shadowRoot;
  window.__step = { checks: 0, broken: [] };
  const check = (when) => {
    window.__step.checks += 1;
    const heading = root.querySelector('#ks-heading');
    const input = root.querySelector('form.step input#ks-adresse-street');
    if (!heading || !heading.isConnected || !heading.textContent.trim()) window.__step.broken.push(when + ': no heading');
    if (!input || !input.checkVisibility()) window.__step.broken.push(when + ': no street input');
    if (root.querySelector('[aria-busy="true"], slot[name="loading"]')) window.__step.broken.push(when + ': loading');
  };
  new MutationObserver(() => check('mutation')).observe(root, { childList: true, subtree: true });
  const frame = () => { check('frame'); if (!window.__step.done) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

/** Opens a page with the widget's script (or another of its files) held back; `release` lets it load. */
async function openHeld(
  path: string,
  held = '**/widget/klarskjema.js',
  viewport?: { width: number; height: number },
  before?: string,
) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const tab = await context.newPage();
  const requests: string[] = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  if (before) await tab.addInitScript(before);
  const problems: string[] = [];
  const warnings: string[] = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await tab.addInitScript(WATCH_VIOLATIONS);
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await tab.route(held, async (route) => {
    await released;
    await route.continue();
  });
  await tab.goto(`${origin}/${path}`, { waitUntil: 'commit' });
  if (!before) await tab.locator('klar-skjema #ks-heading').first().waitFor();
  return { context, tab, problems, warnings, release, requests };
}

const takenOver = (tab: Page, selector = 'klar-skjema') =>
  tab.waitForFunction((sel) => {
    const host = document.querySelector(sel) as (HTMLElement & { snapshot?: unknown }) | null;
    return host?.snapshot !== undefined && !host.shadowRoot?.querySelector('[data-klar-first-step]');
  }, selector);

/** The widget's menu has every language: it draws the others after its first paint. */
const allLanguagesDrawn = (tab: Page) =>
  tab.waitForFunction(
    () => document.querySelector('klar-skjema')!.shadowRoot!.querySelectorAll('#ks-language option').length > 1,
  );

/** Lets the watched takeover finish: what WATCH_STEP saw from its start until the widget had taken the step over. */
async function takenOverWatched(tab: Page): Promise<{ checks: number; broken: string[] }> {
  await takenOver(tab);
  await tab.evaluate(() => void ((window as { __step?: { done?: boolean } }).__step!.done = true));
  return tab.evaluate(() => (window as unknown as { __step: { checks: number; broken: string[] } }).__step);
}

const activeId = (tab: Page) =>
  tab.evaluate(() => document.querySelector('klar-skjema')?.shadowRoot?.activeElement?.id);

describe('the first step as declarative shadow DOM', () => {
  it('is usable before the script, and the widget takes it over without a flash or lost input', async () => {
    const { context, tab, problems, release } = await openHeld('index.html');
    const widget = tab.locator('klar-skjema');
    // No script has run: the element is not defined, and the server's step is what the user sees and uses.
    expect(await tab.evaluate(() => customElements.get('klar-skjema'))).toBeUndefined();
    expect(await widget.locator('#ks-heading').textContent()).toBe('Situasjonen din');
    await expectAccessible(tab, 'the server-drawn first step');
    await widget.locator('#ks-arbeid-1').check();
    await widget.locator('#ks-arbeid-2').check();
    await widget.locator('#ks-adresse-street').fill('Storgata 1');
    await widget.locator('#ks-adresse-postcode').click();
    await tab.keyboard.type('0155');
    // The caret between "01" and "55".
    await tab.keyboard.press('ArrowLeft');
    await tab.keyboard.press('ArrowLeft');
    // Enter before the script sends nothing: the page stays, with what was typed.
    await tab.keyboard.press('Enter');
    expect(await widget.locator('#ks-adresse-street').inputValue()).toBe('Storgata 1');
    await tab.evaluate(WATCH_STEP);

    release();
    const step = await takenOverWatched(tab);
    expect(step.broken).toEqual([]);
    expect(step.checks).toBeGreaterThan(0);
    // The widget's own view, with what the user typed in its inputs and in its machine.
    expect(await widget.locator('#ks-adresse-street').inputValue()).toBe('Storgata 1');
    expect(await widget.locator('#ks-adresse-postcode').inputValue()).toBe('0155');
    expect(await widget.locator('#ks-arbeid-1').isChecked()).toBe(true);
    expect(await widget.locator('#ks-arbeid-2').isChecked()).toBe(true);
    expect(await widget.locator('#ks-arbeid').isChecked()).toBe(false);
    const answers = await tab.evaluate(
      () =>
        (document.querySelector('klar-skjema') as unknown as { snapshot: { context: { answers: unknown } } }).snapshot
          .context.answers,
    );
    expect(answers).toMatchObject({
      arbeid: ['deltid', 'student'],
      adresse: { street: 'Storgata 1', postcode: '0155' },
    });
    // Focus and the caret where the user left them.
    expect(await activeId(tab)).toBe('ks-adresse-postcode');
    const caret = await tab.evaluate(() => {
      const input = document.querySelector('klar-skjema')!.shadowRoot!.activeElement as HTMLInputElement;
      return [input.selectionStart, input.selectionEnd];
    });
    expect(caret).toEqual([2, 2]);
    expect(await widget.locator('#ks-heading').count()).toBe(1);
    await expectAccessible(tab, 'the first step after takeover');

    // The keyboard goes on from there: typing lands at the caret, Tab moves on, Enter continues.
    await tab.keyboard.type('x');
    expect(await widget.locator('#ks-adresse-postcode').inputValue()).toBe('01x55');
    await tab.keyboard.press('Backspace');
    await tab.keyboard.press('Tab');
    expect(await activeId(tab)).toBe('ks-adresse-city');
    await tab.keyboard.type('Oslo');
    await widget.locator('#ks-inntekt').fill('12000');
    await widget.locator('#ks-konto-unsure').check();
    await widget.locator('#ks-adresse-city').focus();
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(
      () =>
        (document.querySelector('klar-skjema') as unknown as { snapshot: { context: { step: string } } }).snapshot
          .context.step === 'husstand',
    );
    await tab.waitForFunction(
      () => document.querySelector('klar-skjema')?.shadowRoot?.activeElement?.id === 'ks-heading',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('stays where the user scrolled the page when the widget takes over, with focus kept without a jump', async () => {
    // A phone-sized window: the user types in the street, then scrolls on, so the focused field is above the view.
    const { context, tab, problems, release } = await openHeld('index.html', undefined, { width: 390, height: 400 });
    const widget = tab.locator('klar-skjema');
    await widget.locator('#ks-adresse-street').fill('Storgata 1');
    const scrolled = await tab.evaluate(() => {
      const street = document.querySelector('klar-skjema')!.shadowRoot!.getElementById('ks-adresse-street')!;
      scrollTo(0, street.getBoundingClientRect().bottom + scrollY + 150);
      return scrollY;
    });
    expect(scrolled).toBeGreaterThan(0);
    const street = () =>
      tab.evaluate(() =>
        Math.round(
          document
            .querySelector('klar-skjema')!
            .shadowRoot!.getElementById('ks-adresse-street')!
            .getBoundingClientRect().top,
        ),
      );
    const before = await street();
    expect(before).toBeLessThan(0);
    release();
    await takenOver(tab);
    // Two frames on: whatever the swap would scroll has been drawn.
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await tab.evaluate(() => scrollY)).toBe(scrolled);
    expect(await street()).toBe(before);
    expect(await activeId(tab)).toBe('ks-adresse-street');
    expect(await widget.locator('#ks-adresse-street').inputValue()).toBe('Storgata 1');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('presses Continue again once it has taken over, when it was pressed on the drawn step before the widget ran', async () => {
    // The loader has run (it marks a Continue pressed on the drawn step); the widget's main chunk is held back.
    const { context, tab, problems, release } = await openHeld('index.html', '**/widget/chunks/define-*.js');
    await tab.waitForFunction(() => document.querySelector('link[rel=modulepreload]') !== null);
    const widget = tab.locator('klar-skjema');
    // Work, so a question drawn only by the widget (income) follows: Continue finds it unanswered.
    await widget.locator('#ks-arbeid-1').check();
    await widget.locator('#ks-adresse-street').fill('Storgata 1');
    await widget.locator('#ks-adresse-postcode').fill('0155');
    await widget.locator('#ks-adresse-city').fill('Oslo');
    await widget.locator('form.step button[type=submit]').click();
    expect(await tab.evaluate(() => customElements.get('klar-skjema'))).toBeUndefined();
    release();
    await takenOver(tab);
    // Continue was pressed for the user: the step's check ran, and says what is missing.
    await widget.locator('[part="error-summary"]').waitFor();
    const context_ = await tab.evaluate(
      () =>
        (
          document.querySelector('klar-skjema') as unknown as {
            snapshot: { context: { step: string; errors: Array<{ field: string }> } };
          }
        ).snapshot.context,
    );
    expect(context_.step).toBe('situasjon');
    expect(context_.errors.map((error) => error.field)).toContain('inntekt');
    expect(await widget.locator('#ks-adresse-city').inputValue()).toBe('Oslo');
    // Answered, Continue goes on.
    await widget.locator('#ks-inntekt').fill('12000');
    await widget.locator('#ks-konto-unsure').check();
    await widget.locator('form.step button[type=submit]').click();
    await tab.waitForFunction(
      () =>
        (document.querySelector('klar-skjema') as unknown as { snapshot: { context: { step: string } } }).snapshot
          .context.step === 'husstand',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the chosen language only before the script, and every language in the menu once taken over', async () => {
    const { context, tab, problems, release } = await openHeld('index.html');
    const widget = tab.locator('klar-skjema');
    expect(await widget.locator('#ks-language option').allTextContents()).toEqual(['Norsk bokmål']);
    await widget.locator('#ks-adresse-street').fill('Storgata 1');
    release();
    await takenOver(tab);
    // The other names follow the first paint after the takeover; then the menu switches, keeping what was typed.
    await allLanguagesDrawn(tab);
    await widget.locator('#ks-language').selectOption('en');
    await tab.waitForFunction(
      () =>
        document.querySelector('klar-skjema')?.shadowRoot?.querySelector('#ks-heading')?.textContent ===
        'Your situation',
    );
    expect(await widget.locator('#ks-adresse-street').inputValue()).toBe('Storgata 1');
    expect(await widget.locator('#ks-language').inputValue()).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws its own view over a stale page, keeping what was typed in fields it still has', async () => {
    const { context, tab, problems, warnings, release } = await openHeld('stale.html');
    const widget = tab.locator('klar-skjema');
    expect(await widget.locator('#ks-heading').textContent()).toBe('Your situation');
    await widget.locator('#ks-adresse-street').fill('Storgata 1');
    release();
    await takenOver(tab);
    expect(await widget.locator('#ks-heading').textContent()).toBe('Situasjonen din');
    expect(await widget.locator('#ks-adresse-street').inputValue()).toBe('Storgata 1');
    expect(await activeId(tab)).toBe('ks-adresse-street');
    expect(warnings.join('\n')).toContain('stotte@');
    expect(problems).toEqual([]);
    await expectAccessible(tab, 'the widget over a stale page');
    await context.close();
  });
});

describe('the first step drawn by the loader from the form package', () => {
  const DEFINE = '**/widget/chunks/define-*.js';

  it('is usable before the widget runs, under the strict policy, and taken over keeping what was typed', async () => {
    const { context, tab, problems, release, requests } = await openHeld('loader.html', DEFINE);
    const widget = tab.locator('klar-skjema');
    // Only the loader has run: the element is not defined, and the step it drew is what the user sees and uses.
    expect(await tab.evaluate(() => customElements.get('klar-skjema'))).toBeUndefined();
    expect(await widget.locator('#ks-heading').textContent()).toBe('Situasjonen din');
    await expectAccessible(tab, 'the first step the loader drew');
    // The menu shows the chosen language only (nothing can be switched before the widget); the exit goes where the
    // element says.
    expect(await widget.locator('#ks-language option').allTextContents()).toEqual(['Norsk bokmål']);
    expect(await widget.locator('#ks-exit-before-script').getAttribute('action')).toBe('https://example.org/ut');
    await widget.locator('#ks-arbeid-1').check();
    await widget.locator('#ks-adresse-street').fill('Storgata 1');
    await widget.locator('#ks-adresse-postcode').click();
    await tab.keyboard.type('0155');
    await tab.keyboard.press('ArrowLeft');
    await tab.evaluate(WATCH_STEP);

    release();
    const step = await takenOverWatched(tab);
    expect(step.broken).toEqual([]);
    expect(await widget.locator('#ks-adresse-street').inputValue()).toBe('Storgata 1');
    expect(await widget.locator('#ks-arbeid-1').isChecked()).toBe(true);
    expect(await activeId(tab)).toBe('ks-adresse-postcode');
    const caret = await tab.evaluate(() => {
      const input = document.querySelector('klar-skjema')!.shadowRoot!.activeElement as HTMLInputElement;
      return [input.selectionStart, input.selectionEnd];
    });
    expect(caret).toEqual([3, 3]);
    // The widget's own view, whole: every language in the menu (drawn after a paint), one heading, the loader's sheet.
    await allLanguagesDrawn(tab);
    expect(await widget.locator('#ks-heading').count()).toBe(1);
    expect(
      await tab.evaluate(
        () =>
          document.querySelector('klar-skjema')!.shadowRoot!.adoptedStyleSheets[0] ===
          (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('klarskjema.styles')],
      ),
    ).toBe(true);
    await expectAccessible(tab, 'the first step after the takeover');
    // The texts were fetched once (the widget took the loader's), and the element's CSS came with them.
    expect(requests.filter((path) => path.endsWith('/locales/start/nb.json'))).toHaveLength(1);
    expect(requests.some((path) => path.includes('widget-styles'))).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is simply replaced when nobody touched it: the swap that keeps input is not even fetched', async () => {
    const { context, tab, problems, release, requests } = await openHeld('loader.html', DEFINE);
    release();
    await takenOver(tab);
    expect(await tab.locator('klar-skjema #ks-heading').count()).toBe(1);
    expect(requests.some((path) => path.includes('takeover-late'))).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is not drawn when the widget will start elsewhere: a draft of this form in this tab', async () => {
    // Each shadow root made, and whether the widget was defined then: the loader draws before it is.
    const before = `sessionStorage.setItem('klarskjema:stotte', '{}');
      window.__roots = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (options) {
        window.__roots.push(this.localName + (customElements.get('klar-skjema') ? ' defined' : ' undefined'));
        return attach.call(this, options);
      };`;
    const { context, tab, problems, requests } = await openHeld('loader.html', '**/none', undefined, before);
    await tab.waitForFunction(
      () => (document.querySelector('klar-skjema') as (HTMLElement & { status?: string }) | null)?.status !== undefined,
    );
    expect(requests.some((path) => path.endsWith('/locales/start/nb.json'))).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { __roots: string[] }).__roots)).toEqual([
      'klar-skjema defined',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves nothing in a widget below it when it is taken over after that one', async () => {
    // The upper widget's package is held: the lower one is taken over first, the user is in it, then the upper one
    // swaps its drawn step for its own view.
    const { context, tab, problems, release } = await openHeld('two.html', '**/forms/kontakt/form.json', {
      width: 390,
      height: 600,
    });
    await takenOver(tab, '#lower');
    const street = tab.locator('#lower #ks-adresse-street');
    await street.fill('Storgata 1');
    const place = () =>
      tab.evaluate(() => {
        const input = document.querySelector('#lower')!.shadowRoot!.activeElement!;
        return { id: input.id, top: Math.round(input.getBoundingClientRect().top) };
      });
    await tab.evaluate(() =>
      document.querySelector('#lower')!.shadowRoot!.activeElement!.scrollIntoView({ block: 'center' }),
    );
    const before = await place();
    expect(before.id).toBe('ks-adresse-street');
    expect(
      await tab.evaluate(() => !!document.querySelector('#upper')!.shadowRoot!.querySelector('[data-klar-first-step]')),
    ).toBe(true);
    release();
    await takenOver(tab, '#upper');
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await place()).toEqual(before);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// The README's plain-HTML example, copied into an empty folder with the package's cdn/ (the standalone build)
// and dist/forms/ beside it and served by a static server that sends the README's strict policy for the
// standalone build as an HTTP header, runs a whole application: every step
// of the support form, the review page, Send and the receipt. Any policy violation, page error or
// console error fails the test, and no event but klar-submit may carry an answer.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../src/definition/types.ts';
import { answers } from './answers.ts';
import { answerStrings, runApplication } from './drive.ts';
import { builtFile, launchChromium, serveFolder, watchedPage, widgetPackage, type Served } from './harness.ts';
import { readmeExample, readmePolicy } from './readme.ts';

let policy: string;

let folder: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  builtFile('cdn/klarskjema.js');
  builtFile('dist/forms/stotte/form.json');
  policy = await readmePolicy('policy-standalone');
  folder = await mkdtemp(join(tmpdir(), 'klarskjema-plain-'));
  await writeFile(join(folder, 'index.html'), await readmeExample('plain-html'));
  await cp(join(widgetPackage, 'cdn'), join(folder, 'cdn'), { recursive: true });
  await cp(join(widgetPackage, 'dist/forms'), join(folder, 'dist/forms'), { recursive: true });
  [served, browser] = await Promise.all([serveFolder(folder, policy), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the README plain-HTML example under a strict Content-Security-Policy', () => {
  it('is served with the strict policy as an HTTP header', async () => {
    const response = await fetch(`${served.origin}/index.html`);
    expect(policy).toMatch(/; trusted-types klarskjema$/);
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(await response.text()).toContain('<script type="module" src="cdn/klarskjema.js"></script>');
  });

  it("asks for the first step's chunks, package and texts at once, each fetched once", async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await page.goto(`${served.origin}/index.html`);
    await page.waitForFunction(() => document.querySelector('klar-skjema')?.status === 'ready');
    const entries = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
        path: new URL(entry.name).pathname,
        start: entry.startTime,
        end: entry.responseEnd,
      })),
    );
    const only = (pattern: RegExp) => {
      const found = entries.filter((entry) => pattern.test(entry.path));
      expect(found, String(pattern)).toHaveLength(1);
      return found[0]!;
    };
    // Without the loader's preloads these wait for the main chunk to arrive and run: here each starts before the
    // main chunk has arrived, and the widget uses it (one request each). The main chunk imports no other chunk.
    const main = only(/\/cdn\/chunks\/define-\w+\.js$/);
    expect(entries.filter((entry) => /\/cdn\/chunks\/chunk-\w+\.js$/.test(entry.path))).toEqual([]);
    for (const pattern of [
      /\/forms\/stotte\/form\.json$/,
      /\/forms\/stotte\/validators\.js$/,
      // The start slice of the texts, not the whole file (decision 0038).
      /\/forms\/stotte\/locales\/start\/nb\.json$/,
    ])
      expect(only(pattern).start, String(pattern)).toBeLessThan(main.end);
    expect(await watched.violations()).toEqual([]);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('asks for nothing beyond the first step until the user shows intent, then for the rest once each', async () => {
    // A browser that prefers English: its texts are fetched ahead, but only once the user shows intent (0040).
    const watched = await watchedPage(browser, { locale: 'en-GB' });
    const { page } = watched;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${served.origin}/index.html`);
    await page.waitForFunction(() => document.querySelector('klar-skjema')?.status === 'ready');
    // Past the points where the widget used to ask for more: the first step drawn, the browser idle, two frames on.
    await page.evaluate(async () => {
      await (document.querySelector('klar-skjema') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await new Promise((resolve) => requestIdleCallback(resolve));
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestIdleCallback(resolve));
    });
    const firstStep = [
      /^\/index\.html$/,
      /^\/cdn\/klarskjema\.js$/,
      /^\/cdn\/chunks\/define-\w+\.js$/,
      // The first step's slice of the package (decision 0038).
      /^\/dist\/forms\/stotte\/(form\.json|validators\.js|locales\/start\/nb\.json)$/,
    ];
    const later = [
      /\/cdn\/chunks\/late-\w+\.js$/,
      /\/dist\/forms\/stotte\/submission\.js$/,
      /\/dist\/forms\/stotte\/validators-later\.js$/,
      /\/dist\/forms\/stotte\/locales\/later\/nb\.json$/,
      /\/locales\/en\.json$/,
    ];
    const looked = requests.filter((path) => path !== '/favicon.ico');
    expect(looked.filter((path) => !firstStep.some((pattern) => pattern.test(path)))).toEqual([]);
    expect(looked).toHaveLength(new Set(looked).size);

    // The first focus in the widget (a tap on a field, or Tab): intent.
    const arrived = Promise.all(
      later.map((pattern) => page.waitForResponse((response) => pattern.test(response.url()))),
    );
    await page.locator('klar-skjema form.step input:not([type=hidden])').first().focus();
    await arrived;
    await page.locator('klar-skjema .step-help').waitFor();
    for (const pattern of later)
      expect(
        requests.filter((path) => pattern.test(path)),
        String(pattern),
      ).toHaveLength(1);
    expect(await watched.violations()).toEqual([]);
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it('runs a whole application with no violation, no error, and no answers in events but the submission', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${served.origin}/index.html`);
    const definition = JSON.parse(await readFile(builtFile('dist/forms/stotte/form.json'), 'utf8')) as FormDefinition;
    const widget = { page, selector: 'klar-skjema' };

    const steps = await runApplication(widget, definition, answers.stotte!);

    expect(steps).toEqual(Object.keys(answers.stotte!));
    expect(await page.evaluate(() => String(document.querySelector('klar-skjema')!.snapshot!.value))).toBe('submitted');
    expect(await watched.violations()).toEqual([]);
    expect(watched.problems).toEqual([]);
    // Everything came from this origin: the page, the widget, the form package.
    expect(requests.filter((url) => !url.startsWith(`${served.origin}/`))).toEqual([]);
    expect(requests).toEqual(
      expect.arrayContaining([
        `${served.origin}/cdn/klarskjema.js`,
        `${served.origin}/dist/forms/stotte/validators.js`,
        `${served.origin}/dist/forms/stotte/submission.js`,
        `${served.origin}/dist/forms/stotte/validators-later.js`,
        `${served.origin}/dist/forms/stotte/locales/later/nb.json`,
      ]),
    );
    // Each part of the package once: the slices, never the whole nb file beside them (decision 0038).
    const counts = new Map<string, number>();
    for (const url of requests) counts.set(url, (counts.get(url) ?? 0) + 1);
    expect([...counts].filter(([url, count]) => url.includes('/forms/') && count > 1)).toEqual([]);
    expect(requests).not.toContain(`${served.origin}/dist/forms/stotte/locales/nb.json`);

    const events = await watched.events();
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['klar-ready', 'klar-submit']));
    for (const event of events)
      expect(event, `${event.type} bubbles and is composed`).toMatchObject({ bubbles: true, composed: true });
    const given = answerStrings(answers.stotte);
    const leaks = events
      .filter((event) => event.type !== 'klar-submit')
      .flatMap((event) =>
        given.filter((answer) => event.detail.includes(answer)).map((answer) => `${event.type}: ${answer}`),
      );
    expect(leaks).toEqual([]);
    // The check above can see answers: the submission carries them.
    const submission = events.find((event) => event.type === 'klar-submit')!;
    expect(given.filter((answer) => submission.detail.includes(answer)).length).toBeGreaterThan(0);

    // And the watch itself sees violations: a Trusted Types sink is blocked and reported.
    const blocked = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
    await expect.poll(() => watched.violations()).toEqual([expect.stringContaining('require-trusted-types-for')]);
    await watched.close();
  });
});

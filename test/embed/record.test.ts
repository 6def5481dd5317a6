// The caseworker's record (klarskjema render, src/record/html.ts) as a caseworker's browser shows it: axe finds
// no WCAG 2.2 AA violation, the page's Content-Security-Policy runs no script (not even one an answer could
// smuggle in), and the user's Arabic text keeps its direction. In Chromium with the embed suite's harness.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';
import { renderRecordHtml } from '../../src/record/html.ts';
import { buildRecord } from '../../src/record/model.ts';
import { formatViolations, A11Y_TAGS } from '../browser/axe.ts';
import { ARABIC_TEXT, makeSubmission, SCENARIOS } from '../record/submissions.ts';
import { launchChromium } from './harness.ts';

describe('the record in Chromium', () => {
  let browser: Browser;
  let axeSource: string;
  beforeAll(async () => {
    browser = await launchChromium();
    axeSource = await readFile(resolve(packageRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SCENARIOS)('has no accessibility violation (sosialhjelp, $locale $variant)', async (scenario) => {
    const made = await makeSubmission('sosialhjelp', scenario);
    const html = renderRecordHtml(buildRecord(made.sources, made.submission));
    // axe is put in through the DevTools protocol: the record's own CSP forbids every script.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(html);
    await page.evaluate(axeSource);
    const results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResults> } }).axe.run({
          runOnly: { type: 'tag', values: tags },
        }),
      [...A11Y_TAGS],
    );
    expect(results.violations, formatViolations(results.violations)).toEqual([]);
    if (scenario.locale === 'ar') {
      const direction = await page.evaluate(
        (text) =>
          [...document.querySelectorAll('.user-text')]
            .filter((e) => e.textContent === text)
            .map((e) => getComputedStyle(e).direction),
        ARABIC_TEXT,
      );
      expect(direction.length).toBeGreaterThan(0);
      expect(new Set(direction)).toEqual(new Set(['rtl']));
    }
    await context.close();
  });

  it('runs no script that an answer carries', async () => {
    const made = await makeSubmission(
      'kontakt',
      { locale: 'nb', variant: 'standard' },
      {
        name: '<script>window.ran = true</script><img src=x onerror="window.ran = true">',
      },
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(renderRecordHtml(buildRecord(made.sources, made.submission)));
    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran ?? false)).toBe(false);
    expect(await page.locator('script, img').count()).toBe(0);
    await context.close();
  });
});

// What the receiver's Chromium tests check on every page: axe finds nothing, and the page's CSP blocked nothing.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Before any page script, over the DevTools protocol (so the page's CSP does not apply to it): `addInitScript`. */
export const WATCH_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  (window.__violations ??= []).push(event.effectiveDirective + ' ' + (event.blockedURI || 'inline'));
}, true);`;

let axeSource: Promise<string> | undefined;

/** axe on the page as it is now: no violations at all, and no CSP violation since WATCH_VIOLATIONS began. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: object,
          ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, A11Y_TAGS);
  expect(violations, what).toEqual([]);
  expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []), `${what}: CSP`).toEqual(
    [],
  );
}

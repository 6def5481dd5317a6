// Embedding tests (test/embed/*.test.ts, `vitest run --config vitest.embed.config.ts`): real host pages
// loading the built widget (dist/ bundled by a host, or cdn/klarskjema.js by a script tag), served over HTTP by
// scripts/static-server.js with a strict Content-Security-Policy header, in Debian's Chromium driven by
// playwright-core. `npm test` runs them after `npm run build`. Nothing here downloads a browser.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../scripts/chromium.js';
import { inject } from 'vitest';
import { CONTENT_SECURITY_POLICY, serve } from '../../scripts/static-server.js';

/** The host app's folder (global-setup.ts): its node_modules hold the installed klarskjema, React 19, Vue 3 and TypeScript 5. */
export const hostApp = (): string => inject('hostApp');
/** The widget as `npm install` put it into the host app from the packed tarball. */
export const installedWidget = (): string => join(hostApp(), 'node_modules/klarskjema');

/**
 * The klarskjema package the tests load dist/ and cdn/ from: the installed tarball, or another folder
 * (KLARSKJEMA_PACKAGE, e.g. the checkout after `npm run build`, when debugging the build itself).
 */
export const widgetPackage = resolve(process.env.KLARSKJEMA_PACKAGE ?? installedWidget());

/** A built file of widgetPackage, or a clear failure when the build is missing. */
export function builtFile(path: string): string {
  const file = join(widgetPackage, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder read-only on a free loopback port, with a Content-Security-Policy header (default: the npm build's). */
export async function serveFolder(root: string, policy = CONTENT_SECURITY_POLICY): Promise<Served> {
  const server = await serve({ root, port: 0, host: '127.0.0.1', redirectRoot: '', policy });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SeenEvent {
  type: string;
  detail: string;
  bubbles: boolean;
  composed: boolean;
  target: string;
}

// Runs in every page before its own scripts (added over the DevTools protocol, so the page's CSP does
// not apply to it): records policy violations and every klar-* event any element sends.
const WATCH = `(() => {
  const state = { violations: [], events: [] };
  Object.defineProperty(window, '__klarWatch', { value: state });
  document.addEventListener('securitypolicyviolation', (event) => {
    state.violations.push(event.effectiveDirective + ' blocked ' + (event.blockedURI || '(inline)')
      + (event.sourceFile ? ' at ' + event.sourceFile + ':' + event.lineNumber : '') + (event.sample ? ' (' + event.sample + ')' : ''));
  }, true);
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (typeof event.type === 'string' && event.type.startsWith('klar-')) {
      let detail;
      try { detail = JSON.stringify(event.detail ?? null); } catch { detail = String(event.detail); }
      state.events.push({ type: event.type, detail, bubbles: event.bubbles, composed: event.composed,
        target: this instanceof Element ? this.localName + (this.id ? '#' + this.id : '') : String(this) });
    }
    return dispatch.call(this, event);
  };
})();`;

export interface Watched {
  page: Page;
  /** Page errors, console errors and console warnings, in order. */
  problems: string[];
  violations(): Promise<string[]>;
  events(): Promise<SeenEvent[]>;
  close(): Promise<void>;
}

/** A page in a fresh context that records what a test must fail on. */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 390, height: 740 }, ...options });
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const url = message.location().url;
    // Browsers ask for /favicon.ico by themselves; test pages have none.
    if (url.endsWith('/favicon.ico') || message.text().includes('favicon.ico')) return;
    problems.push(`console ${message.type()}: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  return {
    page,
    problems,
    violations: () =>
      page.evaluate(() => [...(window as unknown as { __klarWatch: { violations: string[] } }).__klarWatch.violations]),
    events: () =>
      page.evaluate(() => [...(window as unknown as { __klarWatch: { events: SeenEvent[] } }).__klarWatch.events]),
    close: () => context.close(),
  };
}

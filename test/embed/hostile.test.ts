// A hostile host page (test/embed/pages/hostile.css: `* { all: unset }`, `label { display: none }`, a 24 px
// root font, odd box-sizing and line-height, !important rules, an 80 px sticky header, smooth scrolling),
// two widgets on it, and the standalone script (cdn/klarskjema.js) loaded twice under two URLs, under the README's
// policy for the standalone build. The widgets stay usable: labels and inputs
// show in the widget's own type (only the page's letter and word spacing reach them, as a user's style sheet's
// must: WCAG 1.4.12), real clicks and typing complete both forms, focus is never hidden under the header after Continue
// or an error-summary link, and axe stays clean on the whole page.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { FormDefinition } from '../../src/definition/types.ts';
import { packageRoot } from '../../src/node/paths.ts';
import { A11Y_TAGS, formatViolations } from '../browser/axe.ts';
import { answers } from './answers.ts';
import { runApplication, settle, view, waitUntilReady, type Widget } from './drive.ts';
import {
  builtFile,
  launchChromium,
  serveFolder,
  watchedPage,
  widgetPackage,
  type Served,
  type Watched,
} from './harness.ts';
import { readmePolicy } from './readme.ts';

const HEADER = 80;
const PAGE = '/test/embed/pages/hostile.html';

let served: Served;
let browser: Browser;
let policy: string;

beforeAll(async () => {
  if (!existsSync(resolve(packageRoot, 'cdn/klarskjema.js')))
    throw new Error('cdn/klarskjema.js is missing: run `npm run build` first');
  policy = await readmePolicy('policy-standalone');
  [served, browser] = await Promise.all([serveFolder(packageRoot, policy), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const definitionOf = async (id: string): Promise<FormDefinition> =>
  JSON.parse(await readFile(resolve(packageRoot, 'dist/forms', id, 'form.json'), 'utf8')) as FormDefinition;

async function axe(page: Page, moment: string): Promise<void> {
  const results = await page.evaluate(
    async (tags) => {
      const { axe } = window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<AxeResults> };
      };
      return axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: { 'target-size': { enabled: true } },
        resultTypes: ['violations'],
      });
    },
    [...A11Y_TAGS],
  );
  expect(results.violations, `${moment}:\n${formatViolations(results.violations)}`).toEqual([]);
}

interface Focused {
  tag: string;
  id: string;
  top: number;
  bottom: number;
  left: number;
  hit: string;
  labelTop: number | null;
  innerHeight: number;
}

/** The element focused inside the widget, where it is, what is on top of it, and where its label is. */
function focused({ page, selector }: Widget): Promise<Focused | null> {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel)!;
    const active = host.shadowRoot!.activeElement as HTMLElement | null;
    if (!active) return null;
    const rect = active.getBoundingClientRect();
    // What a user sees at the element's top edge: the widget, or something covering it (the header).
    const hit = document.elementFromPoint(
      rect.left + Math.min(4, rect.width / 2),
      rect.top + Math.min(4, rect.height / 2),
    );
    const label = active.id
      ? (host.shadowRoot!.querySelector(`label[for="${CSS.escape(active.id)}"]`) ??
        active.closest('fieldset')?.querySelector('legend'))
      : null;
    return {
      tag: active.localName,
      id: active.id || active.className,
      top: rect.top,
      bottom: rect.bottom,
      left: rect.left,
      hit: hit ? hit.localName + (hit.id ? `#${hit.id}` : '') : 'nothing',
      labelTop: label ? label.getBoundingClientRect().top : null,
      innerHeight,
    };
  }, selector);
}

async function expectFocusInView(widget: Widget, moment: string): Promise<Focused> {
  await settle(widget);
  const where = await focused(widget);
  expect(where, `${moment}: something in the widget has focus`).not.toBeNull();
  const at = `${moment}: focus on ${where!.tag} ${where!.id} at top ${where!.top.toFixed(0)} px`;
  expect(where!.top, `${at}, under the ${HEADER} px header`).toBeGreaterThanOrEqual(HEADER - 0.5);
  expect(where!.top, `${at}, below the window (${where!.innerHeight} px)`).toBeLessThan(where!.innerHeight);
  expect(where!.hit, `${at}: covered by ${where!.hit}`).toBe(widget.selector);
  if (where!.labelTop !== null)
    expect(where!.labelTop, `${at}: its label is under the header`).toBeGreaterThanOrEqual(HEADER - 0.5);
  return where!;
}

/** What the hostile CSS would break, measured on every label, input and button the widget shows now. */
function usability({ page, selector }: Widget) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel)!;
    const shadow = host.shadowRoot!;
    const root = shadow.querySelector('.root') as HTMLElement;
    const rootRect = root.getBoundingClientRect();
    const problems: string[] = [];
    const name = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}`;
    const page = getComputedStyle(host);
    const spacing = (el: HTMLElement, style: CSSStyleDeclaration) => {
      // Spacing is the one text style of the page's that reaches (WCAG 1.4.12: it may be the user's own).
      if (style.letterSpacing !== page.letterSpacing || style.wordSpacing !== page.wordSpacing)
        problems.push(
          `${name(el)} does not take the page's spacing (${style.letterSpacing} ${style.wordSpacing}, page ${page.letterSpacing} ${page.wordSpacing})`,
        );
    };
    for (const el of shadow.querySelectorAll<HTMLElement>('label, legend, .heading, .hint')) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.display === 'none' || style.visibility !== 'visible' || rect.width === 0 || rect.height === 0)
        problems.push(`${name(el)} is hidden`);
      if (parseFloat(style.fontSize) < 16) problems.push(`${name(el)} has font-size ${style.fontSize}`);
      if (parseFloat(style.lineHeight) < parseFloat(style.fontSize))
        problems.push(`${name(el)} has line-height ${style.lineHeight} for font-size ${style.fontSize}`);
      if (style.textTransform !== 'none' || style.fontStyle !== 'normal')
        problems.push(`${name(el)} takes the page's text styles (${style.textTransform}, ${style.fontStyle})`);
      spacing(el, style);
    }
    for (const el of shadow.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (el.closest('[hidden]')) continue;
      spacing(el, style);
      if (style.display === 'none' || rect.width < 24 || rect.height < 24)
        problems.push(`${name(el)} is ${rect.width}×${rect.height} px`);
      if (rect.right > rootRect.right + 1)
        problems.push(`${name(el)} sticks out of the widget (${rect.right} > ${rootRect.right})`);
      if (el.localName === 'button' && style.backgroundColor === 'rgb(255, 0, 0)')
        problems.push(`${name(el)} took the page's red button background`);
    }
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`the widget scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    const rootStyle = getComputedStyle(root);
    return {
      problems,
      fontFamily: rootStyle.fontFamily,
      whiteSpace: rootStyle.whiteSpace,
      boxSizing: getComputedStyle(shadow.querySelector('input, select')!).boxSizing,
    };
  }, selector);
}

describe('a hostile host page with two widgets and the script loaded twice', () => {
  let watched: Watched;
  const first: Widget = { page: undefined as unknown as Page, selector: 'klar-skjema#first' };
  const second: Widget = { page: undefined as unknown as Page, selector: 'klar-skjema#second' };

  beforeAll(async () => {
    watched = await watchedPage(browser);
    first.page = second.page = watched.page;
    const responses: string[] = [];
    watched.page.on('response', (response) => {
      if (response.url().includes('/cdn/klarskjema.js'))
        responses.push(`${response.status()} ${new URL(response.url()).search}`);
    });
    await watched.page.goto(`${served.origin}${PAGE}`);
    await Promise.all([waitUntilReady(first), waitUntilReady(second)]);
    // Two module records, so the registration ran twice: the second copy found the element and stepped aside.
    expect(responses.sort()).toEqual(['200 ', '200 ?copy=2']);
  });

  afterAll(async () => {
    await watched?.close();
  });

  it('loads both widgets without an error or a warning', async () => {
    expect(watched.problems).toEqual([]);
    expect(await watched.violations()).toEqual([]);
    const ready = (await watched.events())
      .filter((event) => event.type === 'klar-ready')
      .map((event) => `${event.target} ${event.detail}`);
    expect(ready.sort()).toEqual(['klar-skjema#first {"form":"kontakt"}', 'klar-skjema#second {"form":"stotte"}']);
  });

  it("keeps labels, inputs and buttons visible, sized and in the widget's own type", async () => {
    for (const widget of [first, second]) {
      const measured = await usability(widget);
      expect(measured.problems, widget.selector).toEqual([]);
      expect(measured.fontFamily).not.toContain('Comic Sans');
      expect(measured.whiteSpace).toBe('normal');
      expect(measured.boxSizing).toBe('border-box');
    }
    await axe(watched.page, 'both widgets loaded');
  });

  it('completes the support form in the second widget, with focus below the header after every Continue and error link', async () => {
    const steps = await runApplication(second, await definitionOf('stotte'), answers.stotte!, {
      afterContinue: async (moment) => {
        await expectFocusInView(second, `after Continue (${moment})`);
      },
      onErrors: async () => {
        expect((await focused(second))!.id).toBe('error-summary');
        await axe(watched.page, 'the first step with errors');
        expect((await usability(second)).problems, 'with errors shown').toEqual([]);
        // Follow each error link: focus goes to the question, label and all below the header.
        const links = watched.page.locator(`${second.selector} .error-summary a`);
        const count = await links.count();
        expect(count).toBeGreaterThan(1);
        for (let i = count - 1; i >= 0; i--) {
          await links.nth(i).click();
          const where = await expectFocusInView(second, `after error link ${i + 1}`);
          expect(['input', 'select', 'textarea']).toContain(where.tag);
          await watched.page.locator(`${second.selector} .error-summary`).scrollIntoViewIfNeeded();
        }
      },
    });
    expect(steps).toEqual(Object.keys(answers.stotte!));
    await axe(watched.page, 'the receipt in the second widget');
  });

  it('leaves the first widget untouched by the second, and completes it too', async () => {
    const untouched = await view(first);
    expect(untouched).toMatchObject({ value: 'filling', step: 'om-deg', errors: 0 });
    expect(
      await watched.page.evaluate(() =>
        Object.keys(
          (document.querySelector('klar-skjema#first') as HTMLElement & { snapshot: { context: { answers: object } } })
            .snapshot.context.answers,
        ),
      ),
    ).toEqual([]);
    await watched.page.evaluate(() => scrollTo(0, 0));
    await runApplication(first, await definitionOf('kontakt'), answers.kontakt!, {
      afterContinue: async (moment) => {
        await expectFocusInView(first, `first widget, after Continue (${moment})`);
      },
    });
    expect((await view(second)).value).toBe('submitted');
    expect(watched.problems).toEqual([]);
    expect(await watched.violations()).toEqual([]);
  });
});

describe('another version of the script on the same page', () => {
  it('keeps the first version, warns once on the console, and throws nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'klarskjema-versions-'));
    try {
      // Two copies of the standalone build under two URLs; the second claims another version in its loader (the entry).
      await cp(join(widgetPackage, 'cdn'), join(folder, 'a'), { recursive: true });
      await cp(join(widgetPackage, 'cdn'), join(folder, 'b'), { recursive: true });
      await cp(join(widgetPackage, 'dist/forms'), join(folder, 'a/forms'), { recursive: true });
      const loader = await readFile(builtFile('cdn/klarskjema.js'), 'utf8');
      const { version } = JSON.parse(await readFile(join(widgetPackage, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(loader).toContain(`"${version}"`);
      await writeFile(join(folder, 'b/klarskjema.js'), loader.replaceAll(`"${version}"`, '"99.0.0"'));
      const requested: string[] = [];
      await writeFile(
        join(folder, 'index.html'),
        `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>To versjoner</title>
<script type="module" src="a/klarskjema.js"></script><script type="module" src="b/klarskjema.js"></script></head>
<body><main><h1>To versjoner</h1><klar-skjema form="a/forms/kontakt/"></klar-skjema></main></body></html>`,
      );
      const site = await serveFolder(folder, policy);
      const watched = await watchedPage(browser);
      try {
        watched.page.on('request', (request) => {
          if (request.url().endsWith('.js')) requested.push(new URL(request.url()).pathname.split('/')[1]!);
        });
        await watched.page.goto(`${site.origin}/index.html`);
        await waitUntilReady({ page: watched.page, selector: 'klar-skjema' });
        expect(watched.problems).toEqual([
          `console warning: <klar-skjema> ${version} is already on this page; version 99.0.0 was not registered. (${site.origin}/b/klarskjema.js)`,
        ]);
        // The second copy loaded its entry only: none of its chunks, so no second Lit and no second policy.
        expect(requested.filter((folder) => folder === 'b')).toEqual(['b']);
        expect(await watched.violations()).toEqual([]);
        expect(
          await watched.page.evaluate(
            () => (customElements.get('klar-skjema') as unknown as { klarVersion: string }).klarVersion,
          ),
        ).toBe(version);
      } finally {
        await watched.close();
        await site.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

// Focus not obscured (WCAG 2.2, 2.4.11; issue 19): on a host page with a sticky header whose height follows
// the viewport and the text spacing, Tab and Shift+Tab through every step of sosialhjelp (empty, with its
// errors showing) and the review page, at 320×256 (a 1280×1024 window at 400 %), at 320×256 with WCAG 1.4.12's
// text spacing, and at 1280×900 with a cookie banner fixed to the bottom as well. Every stop must be uncovered:
// at its corners and its middle, the topmost element is the focused element or inside it (elementFromPoint,
// through the widget's shadow root). An element taller than the room between the bars must show its top. The
// page sets no scroll-padding: the widget measures. And a host's --klar-scroll-offset, any CSS length, is kept
// clear of as well.
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  activeElement,
  clickButton,
  definitionOf,
  fillStep,
  fullAnswers,
  mountWidget,
  next,
  root,
  saveNow,
  settle,
  type Widget,
} from './driver.ts';
import { setTextSpacing, stickyHeaderPage } from './host-page.ts';

const FORM = 'sosialhjelp';
const DEFAULT_VIEWPORT = { width: 800, height: 600 };
/** More stops than any view has: a guard against a focus trap, which would fail the test by itself. */
const MAX_STOPS = 150;

const describeElement = (el: Element): string =>
  `<${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;

/** The points to look at on one box: its corners (inside rounded ones) and middle, or only its top. */
function pointsOf(rect: DOMRect, topOnly: boolean): Array<[number, number]> {
  // 15 % of the smaller side in from each edge: inside a radio's circle and a button's rounded corners.
  const inset = Math.min(rect.width, rect.height) * 0.15 + 1;
  const [left, right, top, bottom] = [rect.left + inset, rect.right - inset, rect.top + inset, rect.bottom - inset];
  const middle = (left + right) / 2;
  const points: Array<[number, number]> = [
    [left, top],
    [middle, top],
    [right, top],
  ];
  if (!topOnly) points.push([left, bottom], [middle, (top + bottom) / 2], [right, bottom]);
  return points;
}

/**
 * What covers the focused element, or null when all of it shows: each line of a link that wraps, and only the
 * top of an element taller than the room under the header.
 */
function covering(widget: Widget, bars: Bars, el: HTMLElement): string | null {
  const room = (bars.banner?.getBoundingClientRect().top ?? innerHeight) - bars.header.getBoundingClientRect().bottom;
  const tall = el.getBoundingClientRect().height > room;
  const lines = [...el.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  const points = tall ? pointsOf(lines[0]!, true) : lines.flatMap((rect) => pointsOf(rect, false));
  for (const [x, y] of points) {
    const at = `(${Math.round(x)}, ${Math.round(y)})`;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return `${at} is off screen`;
    const hit = document.elementFromPoint(x, y);
    if (hit !== widget) return `${at} shows ${hit ? describeElement(hit) : 'nothing'}`;
    const inner = root(widget).elementFromPoint(x, y);
    if (!inner || !(inner === el || el.contains(inner)))
      return `${at} shows ${inner ? describeElement(inner) : 'nothing'}`;
  }
  return null;
}

interface Bars {
  header: HTMLElement;
  banner: HTMLElement | null;
}

interface Pass {
  stops: number;
  covered: string[];
}

/** Waits until the page has stopped scrolling (the widget's smooth scroll to a new step's heading). */
async function scrollStopped(): Promise<void> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let still = 0, last = NaN, i = 0; still < 3 && i < 1000; i++, await frame()) {
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
  }
}

/** Tabs from `start` (outside the widget) through it, in one direction, until focus leaves it. */
async function tabThrough(
  widget: Widget,
  bars: Bars,
  start: HTMLElement,
  back: boolean,
  moment: string,
): Promise<Pass> {
  await scrollStopped();
  start.focus();
  const pass: Pass = { stops: 0, covered: [] };
  for (let i = 0; i < MAX_STOPS; i++) {
    await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
    await settle(widget);
    const el = activeElement(widget);
    if (!el || document.activeElement !== widget) return pass;
    pass.stops++;
    const problem = covering(widget, bars, el);
    if (problem)
      pass.covered.push(
        `${moment}, ${back ? 'Shift+Tab' : 'Tab'} stop ${pass.stops}: ${describeElement(el)} "${(el.textContent ?? '').trim().slice(0, 30)}": ${problem}`,
      );
  }
  throw new Error(`${moment}: focus stayed in the widget for ${MAX_STOPS} stops`);
}

async function everyStop(
  viewport: { width: number; height: number },
  { spacing = false, banner = false } = {},
): Promise<void> {
  await setViewport(viewport);
  const widget = await mountWidget(FORM);
  const { header, banner: bottom, before, after } = stickyHeaderPage(widget, { banner });
  const bars = { header, banner: bottom };
  const unset = spacing ? setTextSpacing(widget) : () => {};
  try {
    const definition = await definitionOf(FORM);
    const heights = new Set<number>();
    const covered: string[] = [];
    const views: string[] = [];
    const both = async (moment: string) => {
      // The save status line is there before the first stop, so it cannot push the drafts panel down mid-pass.
      await saveNow(widget);
      heights.add(Math.round(header.getBoundingClientRect().height));
      const forward = await tabThrough(widget, bars, before, false, moment);
      const backward = await tabThrough(widget, bars, after, true, moment);
      equal(backward.stops, forward.stops, `${moment}: Shift+Tab stops at as many elements as Tab`);
      assert(forward.stops > 3, `${moment}: Tab reached ${forward.stops} elements in the widget`);
      covered.push(...forward.covered, ...backward.covered);
      views.push(`${moment} (${forward.stops})`);
    };
    for (let guard = 0; guard < 20 && widget.snapshot!.value === 'filling'; guard++) {
      const step = widget.snapshot!.context.step;
      await next(widget);
      const errors = widget.snapshot!.context.errors.length > 0;
      if (errors) await both(`${step} with errors`);
      else await clickButton(widget, 'Tilbake');
      equal(widget.snapshot!.context.step, step);
      await fillStep(widget, definition, fullAnswers[FORM]![step] ?? {});
      // A step that is fine empty is checked answered, with its follow-up questions open.
      if (!errors) await both(`${step} answered`);
      await next(widget);
      deepEqual(widget.snapshot!.context.errors, [], `no errors after answering ${step}`);
    }
    equal(String(widget.snapshot!.value), 'review');
    await both('review');
    assert(views.length >= 6, `views: ${views.join(', ')}`);
    assert(
      views.some((view) => view.startsWith('begrunnelse')),
      `step 2 was checked: ${views.join(', ')}`,
    );
    deepEqual(
      covered,
      [],
      `${viewport.width}×${viewport.height}${spacing ? ' with text spacing' : ''}: header ${[...heights].join('/')} px; covered focus`,
    );
  } finally {
    unset();
  }
}

describe('focus is never hidden under a sticky header', () => {
  afterEach(async () => {
    await setViewport(DEFAULT_VIEWPORT);
  });

  it('at 320×256 (400 % zoom): Tab and Shift+Tab on every step with errors and on the review page', async () => {
    await everyStop({ width: 320, height: 256 });
  });

  it('at 320×256 with WCAG text spacing, which makes the header taller', async () => {
    await everyStop({ width: 320, height: 256 }, { spacing: true });
  });

  it('at 1280×900, with a cookie banner fixed to the bottom too', async () => {
    await everyStop({ width: 1280, height: 900 }, { banner: true });
  });

  it('keeps clear of a --klar-scroll-offset given as calc(), for a bar the widget cannot see', async () => {
    await setViewport({ width: 320, height: 256 });
    const widget = await mountWidget(FORM);
    const { after } = stickyHeaderPage(widget);
    // No header to measure: the host names the room instead, as for a bar inside a closed shadow root.
    document.querySelector('header')!.remove();
    widget.style.setProperty('--klar-scroll-offset', 'calc(2rem + 20px)');
    await next(widget);
    const top = (el: Element) => el.getBoundingClientRect().top;
    await scrollStopped();
    const summary = activeElement(widget)!;
    assert(top(summary) >= 52 - 0.5, `the error summary starts at ${top(summary)} px, under the 52 px offset`);
    after.focus();
    const under: string[] = [];
    for (let i = 0; i < MAX_STOPS; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      await settle(widget);
      const el = activeElement(widget);
      if (!el || document.activeElement !== widget) break;
      if (top(el) < 52 - 0.5 || el.getBoundingClientRect().bottom > innerHeight + 0.5)
        under.push(
          `${describeElement(el)} at ${Math.round(top(el))}–${Math.round(el.getBoundingClientRect().bottom)} px`,
        );
    }
    deepEqual(under, [], 'Shift+Tab stops outside the room between 52 px and the bottom');
    widget.style.removeProperty('--klar-scroll-offset');
  });

  it('brings the error summary into view again when the page above the widget grows during the smooth scroll', async () => {
    // Another widget's panels arriving above this one (the hostile embed page found it): the smooth scroll goes to
    // where the summary was when it began, and the page above grows while it runs.
    await setViewport({ width: 390, height: 600 });
    const widget = await mountWidget(FORM);
    const above = document.createElement('div');
    widget.before(above);
    root(widget).querySelector('button[type=submit]')!.scrollIntoView({ block: 'end' });
    await scrollStopped();
    addEventListener('scroll', () => (above.style.height = '900px'), { once: true });
    const ended = new Promise((done) => addEventListener('scrollend', done, { once: true }));
    await next(widget);
    await ended;
    await scrollStopped();
    const summary = activeElement(widget)!;
    assert(summary.classList.contains('error-summary'), `focus on ${describeElement(summary)}`);
    const { top, bottom } = summary.getBoundingClientRect();
    assert(
      top >= 0 && top < innerHeight,
      `the error summary starts at ${Math.round(top)} px, in the ${innerHeight} px window`,
    );
    assert(bottom > 0, `the error summary ends at ${Math.round(bottom)} px`);
    above.remove();
  });
});

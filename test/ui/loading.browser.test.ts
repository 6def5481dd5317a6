// What the first step waits for, and what waits for the user: not the whole-submission check (submission.js, the
// largest part of a form package), which only Send needs (docs/decisions/0029-first-step-loading.md), and
// nothing of the late chunk or of other languages before the user's first focus, press or key in the widget
// (docs/decisions/0040-loading-on-intent.md). Counted in the browser's request log, not timed.
import { deepEqual, equal } from '../browser/assert.ts';
import { eventually, showIntent, until } from './driver.ts';
import type { Widget } from './driver.ts';

/** Every URL the page asks for from here on, from the browser's resource timing (its request log; an observer
 * sees every entry, however full the timeline's buffer is after the test's own modules). */
const log: string[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) log.push(new URL(entry.name).pathname);
}).observe({ type: 'resource', buffered: true });
/** Every URL asked for so far; the observer's entries are delivered in a task of their own, so one is waited for. */
async function requests(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve));
  return [...log];
}
const submission = '/build/forms/kontakt/submission.js';
const late = '/components/klar-skjema/late.ts';
const otherLocale = (path: string) => /\/build\/forms\/kontakt\/locales\/(?!nb\.json)[a-z]{2,3}\.json$/.test(path);

/** A widget for kontakt, as a page adds it; resolves once the first step is drawn, with what was asked for by then. */
async function mount(): Promise<{ widget: Widget; askedBeforeReady: string[] }> {
  document.body.replaceChildren();
  sessionStorage.clear();
  localStorage.clear();
  const widget = document.createElement('klar-skjema');
  let askedBeforeReady: string[] | null = null;
  widget.addEventListener('klar-ready', () => (askedBeforeReady = [...log]));
  widget.setAttribute('form', '/build/forms/kontakt/');
  document.body.append(widget);
  await until(() => askedBeforeReady !== null, 'the form to be ready');
  await widget.updateComplete;
  return { widget, askedBeforeReady: askedBeforeReady! };
}

/** Past the points where the widget used to ask for more: after the first step's render, at idle, two frames on. */
async function pastIdle(): Promise<void> {
  await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
}

describe('what loads when', () => {
  it('shows the first step before submission.js is asked for, and asks for nothing more until the user shows intent', async () => {
    const { widget, askedBeforeReady } = await mount();
    equal(askedBeforeReady.includes(submission), false, 'submission.js is not part of the first step');
    const atReady = (await requests()).length;
    await pastIdle();
    const asked = await requests();
    deepEqual(asked.slice(atReady), [], 'nothing asked for while the visitor only looks');
    for (const path of [submission, late]) equal(asked.includes(path), false, `${path} not asked for`);
    equal(asked.some(otherLocale), false, 'no other language fetched ahead');
    equal(root(widget).querySelector('.step-help'), null, 'the help under the step comes with the late chunk');

    // The first focus in the widget, as a keyboard user's Tab or a tap on a field gives; more signs change nothing.
    root(widget).querySelector<HTMLInputElement>('form.step input:not([type=hidden])')!.focus();
    for (let press = 0; press < 2; press++) showIntent(widget);
    await eventually(async () => (await requests()).includes(late), 'the late chunk asked for on intent');
    await eventually(async () => (await requests()).includes(submission), 'submission.js asked for on intent');
    const preferred = navigator.languages.map((tag) => tag.split('-')[0]!).find((lng) => lng !== 'nb');
    if (preferred && ['en', 'nn', 'pl'].includes(preferred))
      await eventually(
        async () => (await requests()).includes(`/build/forms/kontakt/locales/${preferred}.json`),
        `${preferred} (this browser's preferred language) fetched ahead on intent`,
      );
    await until(() => root(widget).querySelector('.step-help') !== null, 'the help under the step once it is here');
    await pastIdle();
    const after = await requests();
    for (const path of [submission, late])
      equal(after.filter((url) => url === path).length, 1, `${path} asked for once`);
    widget.remove();
  });
});

function root(widget: Widget): ShadowRoot {
  return widget.shadowRoot!;
}

// One voice (issues 14 and 19): whatever view is on screen, exactly two elements are announced from
// (aria-live, role=status, role=alert or role=log), both the focus controller's and atomic: one polite, one
// assertive, never more. More regions would talk over each other; everything the widget says goes through
// these two (components/klar-skjema/focus.ts). The late chunk's "loading" panels are not reachable here: the chunk
// stays in the page once loaded, and the mount helpers wait for it.
import { assert, equal, match } from '../browser/assert.ts';
import {
  byId,
  clickButton,
  definitionOf,
  fillStep,
  fullAnswers,
  headingText,
  liveRegions,
  liveText,
  mountWidget,
  next,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';
import { mount } from './draft-helpers.ts';
import { LitElement } from 'lit';
import { ANNOUNCE_PAUSE_MS, FocusController } from '../../components/klar-skjema/focus.ts';

function expectTwoRegions(widget: Widget, view: string): void {
  const regions = liveRegions(widget);
  equal(
    regions.length,
    2,
    `exactly one polite and one assertive live region on ${view}: ${regions.map((r) => r.outerHTML).join(' | ')}`,
  );
  const [polite, assertive] = regions;
  equal(polite!.getAttribute('role'), 'status', `${view}: a status region`);
  equal(polite!.getAttribute('aria-live'), 'polite', `${view}: polite`);
  equal(polite!.getAttribute('aria-atomic'), 'true', `${view}: read as a whole`);
  equal(assertive!.getAttribute('role'), 'alert', `${view}: an alert region`);
  equal(assertive!.getAttribute('aria-live'), 'assertive', `${view}: assertive`);
  equal(assertive!.getAttribute('aria-atomic'), 'true', `${view}: the alert read as a whole`);
}

/** What the assertive region says now. */
const urgentText = (widget: Widget): string => liveRegions(widget)[1]?.textContent ?? '';

async function fillToReview(widget: Widget, formId: string): Promise<void> {
  const definition = await definitionOf(formId);
  for (let guard = 0; guard < 20 && widget.snapshot!.value === 'filling'; guard++) {
    const step = widget.snapshot!.context.step;
    expectTwoRegions(widget, `the step ${step}`);
    await fillStep(widget, definition, fullAnswers[formId]![step] ?? {});
    expectTwoRegions(widget, `the step ${step}, answered`);
    await next(widget);
  }
  equal(widget.snapshot!.value, 'review');
}

/**
 * A fake clock for the announcement's pause only (the widget's other timers run as usual): what waits for the
 * pause is in `paused` (a clear takes it out) until the test runs it; `restore` gives the window its own timers.
 */
function pauseClock(): { paused: Map<number, () => void>; restore: () => void } {
  const paused = new Map<number, () => void>();
  let id = 1_000_000;
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  window.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) =>
    ms === ANNOUNCE_PAUSE_MS ? (paused.set(++id, handler), id) : realSet(handler, ms, ...rest)) as typeof setTimeout;
  window.clearTimeout = ((timer?: number) =>
    paused.delete(timer ?? 0) ? undefined : realClear(timer)) as typeof clearTimeout;
  return {
    paused,
    restore: () => {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    },
  };
}

describe("the widget's two live regions (one voice)", () => {
  beforeEach(() => {
    document.body.replaceChildren();
    sessionStorage.clear();
    localStorage.clear();
  });

  it('is the only one on every step, the review page and the receipt, and says each new view', async () => {
    for (const formId of ['kontakt', 'stotte', 'sosialhjelp']) {
      const widget = await mountWidget(formId);
      expectTwoRegions(widget, `${formId}: the first step`);
      // A failed Continue shows the error summary: still one region.
      if (formId === 'kontakt') {
        await next(widget);
        assert(root(widget).querySelector('.error-summary'), 'the error summary is there');
        expectTwoRegions(widget, 'a step with errors');
      }
      await fillToReview(widget, formId);
      expectTwoRegions(widget, `${formId}: the review page`);
      await until(() => liveText(widget).includes('Se over før du sender'), 'the review page to be said');
      widget.addEventListener('klar-submit', (event) => event.respondWith(Promise.resolve({ reference: 'KS-1' })), {
        once: true,
      });
      await clickButton(
        widget,
        root(widget).querySelector<HTMLButtonElement>('.review .actions button')!.textContent!.trim(),
      );
      await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
      await settle(widget);
      expectTwoRegions(widget, `${formId}: the receipt`);
      await until(() => liveText(widget).includes(headingText(widget)), 'the receipt to be said');
    }
  });

  it('is the only one while a saved draft is offered, and says the offer', async () => {
    const T0 = new Date('2026-03-03T09:42:00Z');
    let widget = await mount('kontakt', { now: () => T0 });
    await fillStep(widget, await definitionOf('kontakt'), { navn: 'Kari Nordmann' });
    byId<HTMLInputElement>(widget, 'ks-remember').click();
    await until(() => localStorage.getItem('klarskjema:kontakt') !== null, 'the device draft');
    widget.remove();
    sessionStorage.clear();
    widget = await mount('kontakt', { now: () => T0 });
    equal(headingText(widget), 'Vil du fortsette der du slapp?');
    expectTwoRegions(widget, 'the offer of a saved draft');
    await until(() => liveText(widget).includes('Du begynte på en søknad 3. mars.'), 'the offer to be said');
  });

  it("is the only one when the form cannot be loaded, and says the host's message", async () => {
    const widget = document.createElement('klar-skjema');
    const message = document.createElement('p');
    message.slot = 'load-error';
    message.textContent = 'Vi fikk ikke lastet skjemaet.';
    widget.append(message);
    widget.setAttribute('form', '/build/forms/finnes-ikke/');
    document.body.append(widget);
    await until(() => widget.status === 'failed', 'the load to fail');
    await settle(widget);
    expectTwoRegions(widget, 'the load error');
    await until(() => liveText(widget).includes('Vi fikk ikke lastet skjemaet.'), 'the message to be said');
  });

  it('says the language and the plain text switched on the receipt, after the machine has finished', async () => {
    const widget = await mountWidget('kontakt');
    await fillToReview(widget, 'kontakt');
    widget.addEventListener('klar-submit', (event) => event.respondWith(Promise.resolve({ reference: 'KS-7' })), {
      once: true,
    });
    await clickButton(widget, 'Send');
    await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
    await settle(widget);
    const reference = () => (root(widget).querySelector('.receipt-reference')?.textContent ?? '').trim();
    match(reference(), /^Referansenummeret ditt er KS-7\./);
    // The machine has finished and hears no switch, and nothing else is due to draw the receipt again (the long
    // text's count was dropped when the view changed): the switch itself must.
    await clickButton(widget, 'Vis enklere tekst');
    // The plain receipt says reference number too, never case number (issue 16): it adds why to keep it.
    await until(
      () => reference() === 'Referansenummeret ditt er KS-7. Ta vare på det. Du trenger det hvis du ringer oss.',
      'the plain text on the receipt',
    );
    await until(() => /enklere tekst/.test(liveText(widget)), 'the switch to be said');
    const select = byId<HTMLSelectElement>(widget, 'ks-language');
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => root(widget).querySelector('.root')?.getAttribute('lang') === 'en', 'the switch to English');
    await settle(widget);
    equal(headingText(widget), 'We have received what you sent');
    // Still plain: the session keeps the variant once the machine has finished.
    match(reference(), /^Your reference number is KS-7\. Keep it\. You need it if you call us\./);
    await until(() => liveText(widget).includes('You now see the form in English.'), 'the switch to be said');
    expectTwoRegions(widget, 'the receipt in English');
  });

  it('says how many characters are left once the user pauses, not on every key', async () => {
    const widget = await mountWidget('kontakt');
    await fillStep(widget, await definitionOf('kontakt'), fullAnswers.kontakt!['om-deg']!);
    await next(widget);
    equal(widget.snapshot!.context.step, 'henvendelse');
    // A fake clock for the pause only (the widget's other timers run as usual): no test waits for real time.
    const { paused, restore } = pauseClock();
    try {
      const box = byId<HTMLTextAreaElement>(widget, 'ks-beskrivelse');
      for (const text of ['Hei', 'Hei der']) {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await settle(widget);
      }
      equal(paused.size, 1, 'one announcement waits for the pause: each key replaces the last');
      assert(!liveText(widget).includes('tegn igjen'), 'nothing is said while the user types');
      for (const handler of paused.values()) handler();
      paused.clear();
      await settle(widget);
      match(liveText(widget), /Du har 3993 tegn igjen/);
      expectTwoRegions(widget, 'a step with a long text');
    } finally {
      restore();
    }
  });

  it('drops a count still waiting for the pause when the user moves on: the new view is said, not the count', async () => {
    const widget = await mountWidget('kontakt');
    const definition = await definitionOf('kontakt');
    await fillStep(widget, definition, fullAnswers.kontakt!['om-deg']!);
    await next(widget);
    // The pause's fake clock: the count comes due only when the test says so, after Continue.
    const { paused, restore } = pauseClock();
    try {
      await fillStep(widget, definition, fullAnswers.kontakt!.henvendelse!);
      equal(paused.size, 1, 'the count of the long text waits for the pause');
      await next(widget);
      equal(headingText(widget), 'Før du sender', 'on the next step');
      await until(() => liveText(widget).includes('Før du sender'), 'the new step to be said');
      // A quick Continue: the pause comes due on the new step. What is still waiting then is said now.
      for (const handler of paused.values()) handler();
      paused.clear();
      await settle(widget);
      assert(!liveText(widget).includes('tegn igjen'), `no count of a field no longer on screen: ${liveText(widget)}`);
      match(liveText(widget), /Før du sender/, 'the new step is what was said last');
    } finally {
      restore();
    }
  });

  it('leaves no text of the language before in a region after a language switch (issue 16, item 7)', async () => {
    const widget = await mountWidget('kontakt');
    await fillStep(widget, await definitionOf('kontakt'), fullAnswers.kontakt!['om-deg']!);
    await next(widget);
    const paused: Array<() => void> = [];
    const { setTimeout: realSet } = window;
    window.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) =>
      ms === ANNOUNCE_PAUSE_MS ? (paused.push(handler), 0) : realSet(handler, ms, ...rest)) as typeof setTimeout;
    try {
      const box = byId<HTMLTextAreaElement>(widget, 'ks-beskrivelse');
      for (const text of ['Hei', 'Hei der']) {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await settle(widget);
        // The first count is said; the second is asked for in Norwegian and comes due after the switch.
        if (text === 'Hei') paused.shift()!();
      }
      await settle(widget);
      match(liveText(widget), /Du har 3997 tegn igjen/);
      const select = byId<HTMLSelectElement>(widget, 'ks-language');
      select.value = 'ar';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await until(() => root(widget).querySelector('.root')?.getAttribute('lang') === 'ar', 'the switch to Arabic');
      for (const handler of paused.splice(0)) handler();
      await settle(widget);
      assert(!/tegn|[æøå]/i.test(liveText(widget)), `no Norwegian left: ${JSON.stringify(liveText(widget))}`);
      match(liveText(widget), /[\u0600-\u06FF]/, 'the switch is said in Arabic');
      for (const region of liveRegions(widget)) {
        equal(region.getAttribute('lang'), 'ar', 'each region is marked Arabic');
        equal(region.getAttribute('dir'), 'rtl', 'and right to left');
      }
      expectTwoRegions(widget, 'a step after the switch to Arabic');
    } finally {
      window.setTimeout = realSet;
    }
  });

  it('says why sending failed, and shows it on the review page', async () => {
    const widget = await mountWidget('kontakt');
    await fillToReview(widget, 'kontakt');
    widget.addEventListener('klar-submit', (event) => event.respondWith(Promise.reject(new Error('offline'))), {
      once: true,
    });
    await clickButton(widget, 'Send');
    await until(() => widget.snapshot!.value === 'failed', 'sending to fail');
    await settle(widget);
    const said = 'Vi fikk ikke sendt. Svarene dine er ikke borte.';
    assert(
      (root(widget).querySelector('.review .error-summary')?.textContent ?? '').includes(said),
      'the failure is shown',
    );
    await until(() => urgentText(widget).includes(said), 'the failure to be said at once (assertive)');
    expectTwoRegions(widget, 'the review page after a failed sending');
  });
});

/** The focus controller alone, in an element of its own: what its two regions say, and in which language. */
class VoiceHost extends LitElement {
  locale = 'nb';
  readonly voice = new FocusController(this, { view: () => null, locale: () => this.locale });
  override render() {
    return this.voice.region();
  }
}
customElements.define('ks-voice-host', VoiceHost);

describe("the focus controller's voice", () => {
  const said = (host: VoiceHost) =>
    [...host.shadowRoot!.querySelectorAll('.live-region')].map((region) => (region.textContent ?? '').trim());

  it('says a text once when two parts ask for it in one update, and keeps urgent texts apart', async () => {
    document.body.replaceChildren();
    const host = document.createElement('ks-voice-host') as VoiceHost;
    document.body.append(host);
    await host.updateComplete;
    host.voice.announce('Barn 2 er lagt til.');
    host.voice.announce('Barn 2 er lagt til.');
    host.voice.announce('Steg 2 av 3');
    host.voice.announce('Vi fikk ikke sendt.', { urgent: true });
    await host.updateComplete;
    equal(JSON.stringify(said(host)), JSON.stringify(['Barn 2 er lagt til. Steg 2 av 3', 'Vi fikk ikke sendt.']));
  });

  it('drops what was said in another language, and says the first text in the new one', async () => {
    document.body.replaceChildren();
    const host = document.createElement('ks-voice-host') as VoiceHost;
    document.body.append(host);
    host.voice.announce('Du har 3921 tegn igjen');
    host.voice.announce('Vi fikk ikke lagret svarene.', { urgent: true });
    await host.updateComplete;
    host.locale = 'ar';
    host.voice.announce('أنت الآن ترى النموذج بالعربية.');
    host.requestUpdate();
    await host.updateComplete;
    equal(JSON.stringify(said(host)), JSON.stringify(['أنت الآن ترى النموذج بالعربية.', '']));
    for (const region of host.shadowRoot!.querySelectorAll('.live-region')) equal(region.getAttribute('lang'), 'ar');
  });
});

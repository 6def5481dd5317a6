// "Trenger du hjelp?" on every step: the host's contact channels, paper and in-person alternatives,
// and a request for contact and an interpreter that goes with the submission. Keyboard only, and axe
// with the panel open on every step and the review page.
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  activeElement,
  activeId,
  clickButton,
  definitionOf,
  fillStep,
  fullAnswers,
  headingText,
  mountWidget,
  next,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

const CONTACT = {
  office: 'NAV Grünerløkka',
  phone: { number: '55 55 33 33', hours: '09–15' },
  message: 'https://www.nav.no/skriv-til-oss',
  video: { url: 'https://www.nav.no/video', hours: '10–14' },
  meeting: { address: 'Storgata 1, 0155 Oslo', hours: '10–14' },
  paper: 'https://www.nav.no/papir',
};

async function press(widget: Widget, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
  await settle(widget);
}

async function tabTo(widget: Widget, matches: (el: HTMLElement) => boolean, what: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press(widget, 'Tab');
    const active = activeElement(widget);
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${activeElement(widget)?.outerHTML.slice(0, 80)}`);
}

const panel = (widget: Widget) => root(widget).querySelector<HTMLDetailsElement>('#ks-help')!;
const isHelpSummary = (el: HTMLElement) => el.tagName === 'SUMMARY' && el.parentElement?.id === 'ks-help';

/** Opens the help panel from the last button of the step with the keyboard. */
async function openWithKeyboard(widget: Widget): Promise<void> {
  const buttons = [...root(widget).querySelectorAll<HTMLButtonElement>('.actions button')];
  buttons.at(-1)!.focus();
  await tabTo(widget, isHelpSummary, 'the help panel');
  if (!panel(widget).open) await press(widget, 'Enter');
  assert(panel(widget).open, 'Enter opens the help panel');
}

async function axe(widget: Widget, moment: string): Promise<void> {
  await checkA11y(document, { at: `${moment} (${headingText(widget)})` });
}

describe('help and a human on every step', () => {
  it("shows the host's channels, the paper alternative and the request, and sends the request with the answers", async () => {
    const definition = await definitionOf('kontakt');
    const widget = await mountWidget('kontakt', { contact: JSON.stringify(CONTACT) });
    const stepsSeen: string[] = [];

    // First step: the whole request with the keyboard only.
    await openWithKeyboard(widget);
    const body = panel(widget).textContent ?? '';
    for (const text of [
      'NAV Grünerløkka',
      '55 55 33 33',
      'Åpent 09–15',
      'Storgata 1, 0155 Oslo',
      'Du kan få tolk',
      'på papir',
    ])
      assert(body.includes(text), `the panel says "${text}"`);
    equal(
      root(widget).querySelector('#ks-help a[href^="tel:"]')?.getAttribute('href'),
      'tel:55553333',
      'the phone number is a tel: link',
    );
    equal(
      root(widget).querySelector('#ks-help a[href="https://www.nav.no/papir"]')?.textContent?.trim(),
      'Hent skjemaet på papir',
    );

    await tabTo(widget, (el) => el.id === 'ks-help-contact', 'the contact request');
    await press(widget, 'Space');
    assert(widget.snapshot!.context.help.contact, 'Space asks for contact');
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-help-channel-phone', 'the channels follow the request');
    await press(widget, 'ArrowDown');
    equal(widget.snapshot!.context.help.channel, 'message', 'arrow keys choose a channel');
    await press(widget, 'ArrowUp');
    equal(widget.snapshot!.context.help.channel, 'phone');
    await tabTo(widget, (el) => el.id === 'ks-help-interpreter', 'the interpreter request');
    await press(widget, 'Space');
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-help-language', 'the language follows');
    const select = activeElement(widget) as HTMLSelectElement;
    const arabic = [...select.options].findIndex((o) => o.value === 'ar');
    await press(widget, 'ArrowDown', arabic);
    equal(widget.snapshot!.context.help.interpreterLanguage, 'ar', 'arrow keys choose the language');
    equal(select.selectedOptions[0]!.textContent, 'Arabisk', "the language is named in the user's language");
    await axe(widget, 'first step, help panel open and filled in');

    // Every step and the review page: the panel is there, opens with the keyboard, and axe is clean.
    for (let guard = 0; guard < 10 && widget.snapshot!.value === 'filling'; guard++) {
      const step = widget.snapshot!.context.step;
      stepsSeen.push(step);
      await openWithKeyboard(widget);
      equal(
        (root(widget).querySelector('#ks-help-contact') as HTMLInputElement).checked,
        true,
        `the request is kept on ${step}`,
      );
      assert(root(widget).querySelector('#ks-privacy summary'), `the privacy notice is reachable on ${step}`);
      await axe(widget, `${step}, help panel open`);
      await fillStep(widget, definition, fullAnswers.kontakt![step] ?? {});
      await next(widget);
    }
    deepEqual(
      stepsSeen,
      definition.steps.map((s) => s.id),
    );
    equal(widget.snapshot!.value, 'review');
    await openWithKeyboard(widget);
    await axe(widget, 'review, help panel open');

    // The review page says what was asked for, and "change" opens the panel at the request.
    const asked = root(widget).querySelector('.help-asked')!.textContent ?? '';
    assert(
      asked.includes('Du vil at NAV ringer deg.') && asked.includes('Du trenger tolk på arabisk.'),
      `the review page repeats the request: ${asked}`,
    );
    panel(widget).open = false;
    await clickButton(widget, 'Endre hjelp og kontakt');
    assert(panel(widget).open, '"change" opens the panel');
    equal(activeId(widget), 'ks-help-contact', 'and focuses the request');

    widget.addEventListener(
      'klar-submit',
      (event) => event.respondWith(Promise.resolve({ reference: 'KS-2026-2345-6789' })),
      { once: true },
    );
    await clickButton(widget, 'Send');
    await until(() => widget.snapshot!.value === 'submitted', 'the application to be sent');
    await settle(widget);
    deepEqual(widget.snapshot!.context.submission!.help, {
      contact: true,
      channel: 'phone',
      interpreter: true,
      interpreterLanguage: 'ar',
    });
    const receipt = root(widget).querySelector('.receipt')!.textContent ?? '';
    assert(receipt.includes('Du vil at NAV ringer deg.'), 'the receipt repeats the request');
    assert(!root(widget).querySelector('#ks-help'), 'no request form on the receipt');
  });

  it('offers video and a meeting only where the office has them, and works with no contact details at all', async () => {
    const widget = await mountWidget('kontakt');
    await openWithKeyboard(widget);
    assert(
      (panel(widget).textContent ?? '').includes('Du kan få hjelp av et menneske hos NAV.'),
      'a general text without an office',
    );
    equal(root(widget).querySelectorAll('#ks-help .help-channels li').length, 0, 'no channels listed');
    (root(widget).querySelector('#ks-help-contact') as HTMLInputElement).click();
    await settle(widget);
    deepEqual(
      [...root(widget).querySelectorAll<HTMLInputElement>('input[name="ks-help-channel"]')].map((i) => i.value),
      ['phone', 'message'],
    );
    await axe(widget, 'help panel without contact details');
  });

  it('takes the contact details as a property too, drops unsafe links, and survives bad JSON', async () => {
    const widget = await mountWidget('kontakt', { contact: '{not json' });
    equal(widget.status, 'ready');
    widget.contact = {
      phone: { number: '22 22 22 22' },
      message: 'javascript:alert(1)',
      meeting: { address: 'Torget 2' },
    };
    await settle(widget);
    equal(root(widget).querySelector('#ks-help a[href^="javascript"]'), null, 'a javascript: link is never rendered');
    assert((panel(widget).textContent ?? '').includes('Torget 2'));
    const channels = [...root(widget).querySelectorAll<HTMLInputElement>('input[name="ks-help-channel"]')];
    equal(channels.length, 0, 'channels appear only after the request');
  });

  it("offers the user's own language first for the interpreter, in Arabic, and is axe clean right to left", async () => {
    const widget = await mountWidget('kontakt', { lang: 'ar', contact: JSON.stringify(CONTACT) });
    await openWithKeyboard(widget);
    await tabTo(widget, (el) => el.id === 'ks-help-interpreter', 'the interpreter request');
    await press(widget, 'Space');
    equal(widget.snapshot!.context.help.interpreterLanguage, 'ar', 'Arabic is chosen for a user reading Arabic');
    equal(root(widget).querySelector('.root')?.getAttribute('dir'), 'rtl');
    await axe(widget, 'Arabic, help panel open');
  });

  it('sorts the interpreter languages only when their list is shown, and once (issue 20, item 5)', async () => {
    // A list no other test uses, so no sort of it is kept from before.
    const languages = ['uk', 'so', 'ar', 'pl'];
    const Collator = Intl.Collator;
    let sorts = 0;
    Intl.Collator = new Proxy(Collator, {
      construct(target, args: ConstructorParameters<typeof Intl.Collator>) {
        sorts++;
        return new target(...args);
      },
    });
    try {
      const widget = await mountWidget('kontakt', {
        contact: JSON.stringify({ ...CONTACT, interpreterLanguages: languages }),
      });
      equal(sorts, 0, 'the first step and its closed help panel sort nothing');
      panel(widget).open = true;
      await settle(widget);
      equal(sorts, 0, 'an open panel without the interpreter request sorts nothing');
      root(widget).getElementById('ks-help-interpreter')!.click();
      await settle(widget);
      const select = root(widget).querySelector<HTMLSelectElement>('#ks-help-language')!;
      deepEqual(
        [...select.options].map((o) => o.value),
        ['', 'ar', 'pl', 'so', 'uk'],
        'sorted by their Norwegian names: arabisk, polsk, somali, ukrainsk',
      );
      equal(sorts, 1, 'shown: sorted once');
      select.value = 'so';
      select.dispatchEvent(new Event('change'));
      await settle(widget);
      equal(widget.snapshot!.context.help.interpreterLanguage, 'so');
      equal(sorts, 1, 'another render of the list sorts nothing again');
    } finally {
      Intl.Collator = Collator;
    }
  });

  it('fits a 320 px wide phone with the panel open and every choice shown', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const widget = await mountWidget('kontakt', { contact: JSON.stringify(CONTACT) });
      panel(widget).open = true;
      for (const id of ['ks-help-contact', 'ks-help-interpreter']) {
        root(widget).getElementById(id)!.click();
        await settle(widget);
      }
      root(widget).querySelector<HTMLDetailsElement>('#ks-privacy')!.open = true;
      await settle(widget);
      const width = window.innerWidth;
      const wide = [...root(widget).querySelectorAll('.step-help *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(el.getBoundingClientRect().right)}`,
        );
      deepEqual(wide, [], 'nothing in the help panel or the privacy notice sticks out');
      assert(document.documentElement.scrollWidth <= width, 'the page does not scroll sideways');
      for (const target of root(widget).querySelectorAll<HTMLElement>(
        '.step-help input, .step-help select, .step-help summary',
      )) {
        const rect = target.getBoundingClientRect();
        assert(
          rect.width >= 24 && rect.height >= 24,
          `${target.id || target.tagName} is at least 24 × 24 px (${Math.round(rect.width)} × ${Math.round(rect.height)})`,
        );
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

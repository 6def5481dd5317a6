// Sending (docs/users.md N12, N18): against the real receiver (packages/receiver/src/receiver.ts at /api/, see
// test/browser/receiver-plugin.mjs). A stopped receiver, a lost answer and an offline device all end
// with exactly one stored submission and the receipt with the receiver's reference; refusals are shown
// on their questions; the host can take the submission over with the cancelable klar-submit event.
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal, match } from '../browser/assert.ts';
import type { KlarSubmitEvent } from '../../components/submit/submitter.ts';
import {
  byId,
  definitionOf,
  fillStep,
  fullAnswers,
  headingText,
  liveRegions,
  liveText,
  next,
  root,
  type Widget,
} from './driver.ts';
import { mount, press, receiver, settle, text, until } from './draft-helpers.ts';

const SUBMIT_URL = (formId: string) => `/api/forms/${formId}/submissions`;

async function fillAll(
  widget: Widget,
  formId: string,
  answers: Record<string, Record<string, unknown>> = fullAnswers[formId]!,
): Promise<void> {
  const definition = await definitionOf(formId);
  while (widget.snapshot!.value === 'filling') {
    const step = widget.snapshot!.context.step;
    await fillStep(widget, definition, answers[step] ?? {});
    await next(widget);
    deepEqual(widget.snapshot!.context.errors, [], `no errors on ${step}`);
  }
  equal(widget.snapshot!.value, 'review');
}

const stored = async (widget: Widget) =>
  (await receiver('submissions', { id: widget.snapshot!.context.submission!.id })).references!;
const statusText = (widget: Widget) => text(widget, '.send-status');

async function sent(widget: Widget): Promise<string> {
  await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
  await settle(widget);
  const references = await stored(widget);
  equal(references.length, 1, 'exactly one stored submission');
  match(text(widget, '.receipt'), new RegExp(`Referansenummeret ditt er ${references[0]}\\.`));
  return references[0]!;
}

describe('sending to the receiver', () => {
  beforeEach(async () => {
    document.body.replaceChildren();
    sessionStorage.clear();
    localStorage.clear();
    await receiver('start');
  });

  it('survives a stopped receiver: tries again, then stores it once and shows the reference', async function () {
    const title = document.title;
    const url = location.href;
    const widget = await mount('kontakt', { attributes: { 'submit-url': SUBMIT_URL('kontakt') } });
    // Every event the host page can hear from the widget.
    const heard: Event[] = [];
    const dispatch = widget.dispatchEvent.bind(widget);
    widget.dispatchEvent = (event: Event) => {
      heard.push(event);
      return dispatch(event);
    };
    await fillAll(widget, 'kontakt');
    await receiver('stop');
    await press(widget, 'Send');
    await until(
      () => statusText(widget).includes('Vi fikk ikke kontakt. Vi prøver igjen om'),
      'a failed try to be told',
    );
    equal(widget.snapshot!.value, 'submitting');
    await until(
      () => sessionStorage.getItem('klarskjema:kontakt')?.includes('"submissionId"') ?? false,
      'the draft with the submission id',
    );
    assert(
      sessionStorage.getItem('klarskjema:kontakt')!.includes('Kari Nordmann'),
      'the answers are kept until the receiver confirms',
    );
    await checkA11y(widget);
    const { refusedWhileDown } = await receiver('start');
    assert(refusedWhileDown! >= 1, 'the widget really tried while the receiver was down');
    await sent(widget);
    equal(headingText(widget), 'Vi har fått det du sendte');
    equal(sessionStorage.getItem('klarskjema:kontakt'), null, 'the draft goes once the receiver has confirmed');
    await checkA11y(widget);

    // Privacy: only klar-submit carries answers; the title and the address never do.
    const submits = heard.filter((e) => e.type === 'klar-submit');
    assert(submits.length >= 1);
    for (const event of heard.filter((e) => e.type !== 'klar-submit')) {
      const detail = JSON.stringify((event as CustomEvent).detail ?? null);
      for (const secret of ['Kari', '01010000110', '91234567', 'Strøm'])
        assert(!detail.includes(secret), `${event.type} carries an answer`);
    }
    equal(document.title, title);
    equal(location.href, url);
  });

  it('sends again when the answer is lost on the way, and the receiver keeps one copy', async function () {
    const widget = await mount('kontakt', { attributes: { 'submit-url': SUBMIT_URL('kontakt') } });
    await fillAll(widget, 'kontakt');
    await receiver('lose-next-answer');
    await press(widget, 'Send');
    await sent(widget);
  });

  it('waits while the device is offline, says so, and sends when the connection is back', async function () {
    let online = true;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    try {
      const widget = await mount('kontakt', { attributes: { 'submit-url': SUBMIT_URL('kontakt') } });
      await fillAll(widget, 'kontakt');
      online = false;
      dispatchEvent(new Event('offline'));
      // Every request the widget makes to the receiver, from Send until the connection is back.
      const tried: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input, init) => {
        tried.push(input instanceof Request ? input.url : String(input));
        return realFetch(input, init);
      };
      try {
        await press(widget, 'Send');
        await until(() => statusText(widget).includes('Du er ikke koblet til internett.'), 'the offline notice');
        // Said politely, in the widget's polite live region (the assertive one is for failures).
        await until(() => liveText(widget).includes('Du er ikke koblet til internett.'), 'the offline notice said');
        deepEqual(
          liveRegions(widget)
            .filter((region) => region.textContent?.includes('Du er ikke koblet til internett.'))
            .map((region) => region.getAttribute('aria-live')),
          ['polite'],
          'announced politely',
        );
        await settle(widget);
      } finally {
        window.fetch = realFetch;
      }
      // The sender waits for the 'online' event, not for a time: no request at all while offline (not only
      // none stored), however long the offline spell lasted.
      deepEqual(
        tried.filter((url) => url.includes('/api/')),
        [],
        'nothing is tried while offline',
      );
      equal((await stored(widget)).length, 0, 'nothing is stored while offline');
      equal(widget.snapshot!.value, 'submitting');
      online = true;
      dispatchEvent(new Event('online'));
      await sent(widget);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('shows a refused answer on its question, and sends after the user corrects it', async function () {
    const widget = await mount('kontakt', { attributes: { 'submit-url': SUBMIT_URL('kontakt') } });
    await fillAll(widget, 'kontakt');
    await receiver('answer-next', {
      status: 422,
      body: {
        errors: [{ pointer: '/answers/telefon', code: 'format.phone', message: 'The answer fails the rule "format".' }],
      },
    });
    await press(widget, 'Send');
    await until(() => widget.snapshot!.value === 'filling', 'the way back to the question');
    await settle(widget);
    equal(widget.snapshot!.context.step, 'om-deg');
    equal(byId(widget, 'ks-telefon').getAttribute('aria-invalid'), 'true');
    assert(root(widget).activeElement?.classList.contains('error-summary'), 'focus on the error summary');
    match(text(widget, '.error-summary'), /Skriv telefonnummeret med 8 siffer/);
    await checkA11y(widget);
    await fillStep(widget, await definitionOf('kontakt'), { telefon: '22 33 44 55' });
    await next(widget);
    equal(widget.snapshot!.value, 'review', 'Continue returns to the review page');
    await press(widget, 'Send');
    await sent(widget);
  });

  it('uploads the files first, and shows a file the receiver refuses on its document', async function () {
    const widget = await mount('stotte', { attributes: { 'submit-url': SUBMIT_URL('stotte') } });
    const answers = {
      ...fullAnswers.stotte!,
      vedlegg: { dokumenter: { husleiekontrakt: 'later', lonnsslipp: 'later', kontoutskrift: 'later' } },
    };
    await fillAll(widget, 'stotte', answers);
    // A "PDF" that is text: refused by its bytes (415).
    await press(widget, 'Tilbake');
    equal(widget.snapshot!.context.step, 'vedlegg');
    const choose = async (file: File) => {
      const files = new DataTransfer();
      files.items.add(file);
      const input = byId<HTMLInputElement>(widget, 'ks-dokumenter-husleiekontrakt-files-input');
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await settle(widget);
    };
    root(widget)
      .querySelector<HTMLInputElement>('input[name="ks-dokumenter-husleiekontrakt"][value="uploaded"]')!
      .click();
    await settle(widget);
    await choose(new File(['Dette er ikke en PDF.'], 'kontrakt.pdf', { type: 'application/pdf' }));
    await next(widget);
    await press(widget, 'Send');
    await until(() => widget.snapshot!.value === 'filling', 'the way back to the document');
    await settle(widget);
    equal(widget.snapshot!.context.step, 'vedlegg');
    match(text(widget, '.error-summary'), /«kontrakt\.pdf» er ikke en PDF-, JPG-, PNG- eller HEIC-fil/);
    equal(byId(widget, 'ks-dokumenter-husleiekontrakt-files').getAttribute('aria-invalid'), 'true');
    await checkA11y(widget);

    await press(widget, 'Fjern kontrakt.pdf');
    await choose(
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0])], 'kontrakt.jpg', {
        type: 'image/jpeg',
      }),
    );
    await next(widget);
    await press(widget, 'Send');
    await sent(widget);
    const { files } = await receiver('submissions', { id: widget.snapshot!.context.submission!.id });
    deepEqual(files, [{ document: 'husleiekontrakt', type: 'image/jpeg' }]);
  });

  it('lets the host take the submission: klar-submit is cancelable, bubbles out of the shadow root, and carries the submission', async () => {
    const widget = await mount('kontakt', { attributes: { 'submit-url': SUBMIT_URL('kontakt') } });
    await fillAll(widget, 'kontakt');
    const seen: KlarSubmitEvent[] = [];
    const listener = (event: KlarSubmitEvent) => {
      seen.push(event);
      event.detail.answers.navn = 'changed by the host';
      event.respondWith(Promise.resolve({ reference: 'HOST-2026-1' }));
    };
    document.addEventListener('klar-submit', listener);
    try {
      await press(widget, 'Send');
      await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
      await settle(widget);
    } finally {
      document.removeEventListener('klar-submit', listener);
    }
    equal(seen.length, 1);
    const [event] = seen;
    assert(event!.bubbles && event!.composed && event!.cancelable && event!.defaultPrevented);
    equal(event!.detail.id, widget.snapshot!.context.submission!.id);
    equal(event!.detail.form.id, 'kontakt');
    equal(widget.snapshot!.context.submission!.answers.navn, 'Kari Nordmann', 'the host gets a copy');
    match(text(widget, '.receipt'), /Referansenummeret ditt er HOST-2026-1\./);
    equal((await stored(widget)).length, 0, 'the widget did not send it itself');
  });
});

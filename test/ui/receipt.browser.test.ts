// Before sending and after: the review page lists what is missing and what it means (never a block),
// shows the privacy notice, and the receipt has the reference, the documents still to send and how,
// what happens next, and everything sent; printable, and in the user's language with Norwegian beside.
import { emulateMedia } from '@web/test-runner-commands';
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  activeId,
  byId,
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

const REFERENCE = 'KS-2026-2345-6789';

/** The form "stotte" filled in as in the driver (a document sent later, one not had), with the pay marked "I don't know". */
async function toReview(lang?: string): Promise<Widget> {
  const definition = await definitionOf('stotte');
  const widget = await mountWidget('stotte', lang ? { lang } : {});
  for (let guard = 0; guard < 10 && widget.snapshot!.value === 'filling'; guard++) {
    const step = widget.snapshot!.context.step;
    await fillStep(widget, definition, fullAnswers.stotte![step] ?? {});
    if (step === 'situasjon') {
      byId(widget, 'ks-inntekt-unsure').click();
      await settle(widget);
    }
    await next(widget);
  }
  equal(widget.snapshot!.value, 'review');
  return widget;
}

async function send(
  widget: Widget,
  reference: string | null = REFERENCE,
  followUp?: { link: string; expiresAt: string },
): Promise<void> {
  widget.addEventListener(
    'klar-submit',
    (event) => event.respondWith(Promise.resolve({ reference, ...(followUp ? { followUp } : {}) })),
    { once: true },
  );
  const submit = [...root(widget).querySelectorAll<HTMLButtonElement>('.review .actions button')][0]!;
  submit.click();
  await until(() => widget.snapshot!.value === 'submitted', 'the application to be sent');
  await settle(widget);
}

const text = (widget: Widget, selector: string): string =>
  (root(widget).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('before sending', () => {
  it('lists a document sent later, a document not had and an unsure answer, with what each means, and still lets the user send', async () => {
    const widget = await toReview();
    const items = [...root(widget).querySelectorAll('.missing-list li')].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    equal(items.length, 3, `three things are missing: ${items.join(' | ')}`);
    assert(items[0]!.startsWith('Du trenger hjelp med: Hvor mye får du utbetalt i lønn i måneden?'), items[0]);
    assert(items[0]!.includes('Saksbehandleren ser at du trenger hjelp her'), 'what an unsure answer means');
    assert(items[1]!.startsWith('Du sender «Lønnsslipp for den siste måneden» senere.'), items[1]);
    assert(items[1]!.includes('NAV trenger dokumentet før vi kan svare deg.'), 'what a document sent later means');
    assert(items[2]!.startsWith('Du har ikke «Kontoutskrift for de siste tre månedene».'), items[2]);
    assert(text(widget, '.notice').includes('Du kan sende likevel.'), 'never a block');

    // Each item links to its question.
    const link = root(widget).querySelector<HTMLAnchorElement>('.missing-list li:nth-child(2) a')!;
    equal(link.getAttribute('href'), '#ks-dokumenter-lonnsslipp');
    link.click();
    await settle(widget);
    equal(widget.snapshot!.context.step, 'vedlegg');
    equal(activeId(widget), 'ks-dokumenter-lonnsslipp', 'the link goes to the document');
    await next(widget);
    equal(headingText(widget), 'Se over før du sender');

    // The privacy notice is shown in full before sending.
    const privacy = text(widget, 'section.privacy');
    for (const part of [
      'Slik bruker vi svarene dine',
      'Hvem leser svarene?',
      'Hvor lenge tar vi vare på svarene?',
      'Dette har du rett til',
    ])
      assert(privacy.includes(part), `the notice has "${part}"`);
    await checkA11y(document);

    await send(widget);
    equal(widget.snapshot!.value, 'submitted', 'the user could send with things missing');
    deepEqual(widget.snapshot!.context.submission!.unsure, ['inntekt']);
  });

  it('names an empty optional question the form says matters, and what that means', async () => {
    const widget = await toReview();
    root(widget).querySelector<HTMLAnchorElement>('a[href="#ks-konto"]')!.click();
    await settle(widget);
    const konto = byId<HTMLInputElement>(widget, 'ks-konto');
    konto.value = '';
    konto.dispatchEvent(new Event('input'));
    await next(widget);
    equal(headingText(widget), 'Se over før du sender');
    const item = [...root(widget).querySelectorAll('.missing-list li')]
      .map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim())
      .find((t) => t.includes('Kontonummeret ditt'));
    assert(item?.startsWith('Du har ikke svart på: Kontonummeret ditt'), `the empty account number is named: ${item}`);
    assert(
      item?.includes('Uten kontonummer må vi sende pengene på en annen måte.'),
      "with what it means, in the form's words",
    );
  });

  it("has a privacy notice on every step, closed until opened, with the form's own texts where it has them", async () => {
    const widget = await mountWidget('stotte');
    const notice = root(widget).querySelector<HTMLDetailsElement>('#ks-privacy')!;
    assert(!notice.open, 'closed at first');
    equal(notice.querySelector('summary')?.textContent?.trim(), 'Slik bruker vi svarene dine');
    notice.open = true;
    await settle(widget);
    await checkA11y(document);
    assert(!root(widget).querySelector('#ks-privacy input[type=checkbox]'), 'the notice asks for no consent');
  });
});

describe('the receipt', () => {
  it('shows the reference, the time, the documents still to send and how, what happens next, and what was sent', async () => {
    const widget = await toReview();
    await send(widget);
    equal(headingText(widget), 'Vi har fått det du sendte');
    assert(text(widget, '.receipt-reference').includes(REFERENCE), 'the reference');
    assert(
      /Du sendte dette \d/.test(text(widget, '[part=receipt-panel]')),
      `the time: ${text(widget, '[part=receipt-panel]')}`,
    );
    const later = text(widget, '.receipt-documents');
    assert(
      later.includes('Dette må du sende senere') && later.includes('Lønnsslipp for den siste måneden'),
      `documents to send: ${later}`,
    );
    assert(later.includes('Skriv referansenummeret ditt på dem.'), 'how to send them');
    assert(!later.includes('Husleiekontrakt'), 'an uploaded document is not missing');
    const receipt = text(widget, '.receipt');
    assert(
      receipt.includes('Kontoutskrift for de siste tre månedene') &&
        receipt.includes('Dette har du sagt at du ikke har'),
      'documents the user does not have',
    );
    assert(
      receipt.includes('Hva skjer nå?') && receipt.includes('Har du glemt noe?'),
      'what happens next and how to add more',
    );
    assert(root(widget).querySelectorAll('.receipt .summary-section').length >= 3, 'the answers that were sent');
    await checkA11y(document);
  });

  it('prints without buttons or toolbar and with everything else', async () => {
    const widget = await toReview();
    await send(widget);
    const printButton = [...root(widget).querySelectorAll<HTMLButtonElement>('.receipt button')].find(
      (b) => b.textContent?.trim() === 'Skriv ut kvitteringen',
    )!;
    assert(printButton, 'a print button on screen');
    assert(getComputedStyle(printButton).display !== 'none', 'the print button shows on screen');
    await emulateMedia({ media: 'print' });
    try {
      equal(getComputedStyle(printButton).display, 'none', 'the print button is hidden on paper');
      equal(
        getComputedStyle(root(widget).querySelector('.toolbar')!).display,
        'none',
        'the toolbar is hidden on paper',
      );
      for (const button of root(widget).querySelectorAll('button'))
        equal(getComputedStyle(button).display, 'none', `button "${button.textContent?.trim()}" hidden on paper`);
      assert(
        getComputedStyle(root(widget).querySelector('.receipt-reference')!).display !== 'none',
        'the reference prints',
      );
      assert(
        getComputedStyle(root(widget).querySelector('.receipt .summary-section')!).display !== 'none',
        'the answers print',
      );
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it("is in the user's language, with the Norwegian text beside it on request", async () => {
    const widget = await toReview();
    await send(widget);
    const language = byId<HTMLSelectElement>(widget, 'ks-language');
    language.value = 'ar';
    language.dispatchEvent(new Event('change'));
    // The machine has finished (its submitted state is final): the widget itself keeps the language shown.
    await until(() => root(widget).querySelector('.root')?.getAttribute('lang') === 'ar', 'the switch to Arabic');
    await settle(widget);
    equal(root(widget).querySelector('.root')?.getAttribute('dir'), 'rtl');
    assert(headingText(widget).startsWith('استلمنا ما أرسلته'), headingText(widget));
    assert(text(widget, '.receipt-reference').includes(REFERENCE));
    assert(!root(widget).querySelector('.receipt .original'), 'no Norwegian until asked for');
    await clickButton(widget, 'عرض النص النرويجي');
    const original = root(widget).querySelector('#ks-heading .original');
    equal(original?.textContent, 'Vi har fått det du sendte', 'the Norwegian heading beside the Arabic');
    equal(original?.getAttribute('lang'), 'nb');
    assert(
      text(widget, '.receipt-documents').includes('Send dokumentene til oss så snart du kan.'),
      'the Norwegian of how to send documents',
    );
    await checkA11y(document);
  });
});

describe('the way back for documents sent later (decision 0035)', () => {
  it('gives the link in this page’s fragment, with what to do, until when, and not to share it', async () => {
    const widget = await toReview();
    const link = `${REFERENCE}.${'q'.repeat(43)}`;
    await send(widget, REFERENCE, { link, expiresAt: '2027-06-01T10:00:00.000Z' });
    const section = root(widget).querySelector('.receipt-follow-up');
    assert(section, 'the receipt has the link');
    const anchor = section.querySelector<HTMLAnchorElement>('.receipt-link a')!;
    const href = new URL(anchor.href);
    equal(href.hash, `#ettersending=${link}`);
    equal(`${href.origin}${href.pathname}${href.search}`, `${location.origin}${location.pathname}${location.search}`);
    equal(anchor.textContent!.trim(), `Send dokumenter til søknad ${REFERENCE}`);
    const said = (section.textContent ?? '').replace(/\s+/g, ' ');
    assert(said.includes('Send dokumentene senere her.'), said);
    assert(said.includes('Den virker til 1. juni 2027.'), said);
    assert(said.includes('Ikke del lenken med andre.'), said);
    await checkA11y(widget);
  });

  it('is in Persian when the user reads Persian: right to left, Latin digits in the date', async () => {
    const widget = await toReview();
    await send(widget, REFERENCE, { link: `${REFERENCE}.${'q'.repeat(43)}`, expiresAt: '2027-06-01T10:00:00.000Z' });
    const language = byId<HTMLSelectElement>(widget, 'ks-language');
    language.value = 'fa';
    language.dispatchEvent(new Event('change'));
    await until(() => root(widget).querySelector('.root')?.getAttribute('lang') === 'fa', 'the switch to Persian');
    await settle(widget);
    equal(root(widget).querySelector('.root')?.getAttribute('dir'), 'rtl');
    const section = root(widget).querySelector('.receipt-follow-up')!;
    equal(
      section.querySelector('h3')?.textContent?.trim(),
      'مدارک را بعداً بفرستید و ببینید درخواست‌تان در چه مرحله‌ای است',
    );
    equal(section.querySelector('.receipt-link a')?.textContent?.trim(), `فرستادن مدارک برای درخواست ${REFERENCE}`);
    const said = (section.textContent ?? '').replace(/\s+/g, ' ');
    assert(said.includes('لینک را به دیگران ندهید.'), said);
    assert(/تا 1 \S+ 2027 کار می‌کند\./.test(said), `until when, in Latin digits: ${said}`);
    assert(!/[۰-۹]/.test(said), `no Persian digits: ${said}`);
    await checkA11y(widget);
  });

  it('is not there when the receiver gave none', async () => {
    const widget = await toReview();
    await send(widget);
    equal(root(widget).querySelector('.receipt-follow-up'), null);
  });
});

// The shared text rule in the widget (issue 12): an answer with invisible characters that no one means
// to send is stopped on its step with a plain message on the question; a decomposed answer is stored
// composed (NFC) without a word; a file whose name hides its real ending is named harmlessly.
import { checkA11y } from '../browser/axe.ts';
import { equal, match } from '../browser/assert.ts';
import { byId, definitionOf, fillStep, next, root, settle, until, type Widget } from './driver.ts';
import { mount, text } from './draft-helpers.ts';

const errorSummary = (widget: Widget) => text(widget, '.error-summary');

describe('clean text in the widget', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    sessionStorage.clear();
    localStorage.clear();
  });

  it('stops a name with a bidi override on its step, says what to do, and takes it once retyped (in NFC)', async () => {
    const widget = await mount('kontakt');
    const definition = await definitionOf('kontakt');
    await fillStep(widget, definition, {
      navn: 'Kari \u202Enamdron',
      fodselsnummer: '01010000110',
      telefon: '91234567',
    });
    await next(widget);
    equal(widget.snapshot!.context.step, 'om-deg');
    match(
      errorSummary(widget),
      /Svaret på «[^»]+» har usynlige tegn som snur teksten\. Slett svaret, og skriv det på nytt\./,
    );
    equal(byId(widget, 'ks-navn').getAttribute('aria-invalid'), 'true');
    await checkA11y(widget);

    await fillStep(widget, definition, { navn: 'A\u030Ase Nordmann' });
    equal(widget.snapshot!.context.answers.navn, '\u00C5se Nordmann');
    await next(widget);
    equal(widget.snapshot!.context.step, 'henvendelse');
  });

  it('names a file whose name hides its ending without the hiding character', async () => {
    const widget = await mount('stotte');
    const definition = await definitionOf('stotte');
    await fillStep(widget, definition, {
      arbeid: ['ingen'],
      adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
    });
    await next(widget);
    await fillStep(widget, definition, { 'har-barn': false, bosituasjon: 'eier' });
    await next(widget);
    equal(widget.snapshot!.context.step, 'vedlegg');
    // The attachments question comes with the late chunk (docs/decisions/0012): wait for it, not for time.
    const uploaded = 'input[name="ks-dokumenter-kontoutskrift"][value="uploaded"]';
    await until(() => root(widget).querySelector(uploaded) !== null, 'the attachments question');
    root(widget).querySelector<HTMLInputElement>(uploaded)!.click();
    await settle(widget);
    const files = new DataTransfer();
    files.items.add(
      new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'faktura\u202Efdp.exe', { type: 'application/pdf' }),
    );
    const input = byId<HTMLInputElement>(widget, 'ks-dokumenter-kontoutskrift-files-input');
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(widget);
    await next(widget);
    equal(widget.snapshot!.context.step, 'vedlegg');
    match(errorSummary(widget), /Navnet på filen «faktura\uFFFDfdp\.exe» har usynlige tegn som snur navnet\./);
    equal(errorSummary(widget).includes('\u202E'), false, 'the override is never shown');
  });
});

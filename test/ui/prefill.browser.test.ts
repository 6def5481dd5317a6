// Prefill from registers in the widget: each value with its source and "Stemmer dette?"; "Nei" opens
// the field to correct it; the submission holds the register's value and the correction.
import { sendKeys } from '@web/test-runner-commands';
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

const REGISTER = { navn: 'Kari Nordmann', fodselsnummer: '01010000110' };

/** mountWidget with the host's prefill set before the form loads. */
async function mountPrefilled(formId: string, prefill: Record<string, unknown>): Promise<Widget> {
  const widget = await mountWidget(formId, {}, { prefill });
  await settle(widget);
  return widget;
}

async function press(widget: Widget, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(widget);
}

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('prefill from registers', () => {
  it('shows each value with its source, and records a confirmed and a corrected value with both values', async () => {
    const definition = await definitionOf('kontakt');
    const widget = await mountPrefilled('kontakt', REGISTER);
    const boxes = [...root(widget).querySelectorAll('.prefill')];
    equal(boxes.length, 2, 'both register values are shown to confirm');
    assert(
      text(boxes[0]!).includes('Kari Nordmann') &&
        text(boxes[0]!).includes('Vi har hentet dette fra Folkeregisteret. Stemmer dette?'),
      text(boxes[0]!),
    );
    assert(text(boxes[1]!).includes('010100 00110'), 'the national id is shown the way people read it');
    assert(
      !root(widget).querySelector('input#ks-navn[type=text]'),
      'no text box until the user says the value is wrong',
    );
    await checkA11y(document);

    // Keyboard: the first radio is "Ja"; the arrow moves to "Nei, jeg vil endre det", which opens the field.
    byId(widget, 'ks-navn').focus();
    equal(byId<HTMLInputElement>(widget, 'ks-navn').value, 'yes');
    await press(widget, 'ArrowDown');
    equal(widget.snapshot!.context.prefill.navn!.confirmed, false);
    const input = byId<HTMLInputElement>(widget, 'ks-navn');
    equal(input.type, 'text', 'the field opens for the correction');
    equal(input.value, 'Kari Nordmann', "with the register's value to change");
    assert(
      text(root(widget).querySelector('.prefill-note')).includes(
        'Vi sender med både det som står i Folkeregisteret, og det du skriver.',
      ),
    );
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-navn', 'the next Tab reaches the field');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Hansen' });
    await settle(widget);
    await checkA11y(document);

    byId(widget, 'ks-fodselsnummer').click();
    await settle(widget);
    equal(widget.snapshot!.context.prefill.fodselsnummer!.confirmed, true);

    await fillStep(widget, definition, { telefon: fullAnswers.kontakt!['om-deg']!.telefon });
    await next(widget);
    for (let guard = 0; guard < 5 && widget.snapshot!.value === 'filling'; guard++) {
      await fillStep(widget, definition, fullAnswers.kontakt![widget.snapshot!.context.step] ?? {});
      await next(widget);
    }
    equal(headingText(widget), 'Se over før du sender');
    // A change link from the review page lands on the confirm question.
    root(widget).querySelector<HTMLAnchorElement>('a[href="#ks-fodselsnummer"]')!.click();
    await settle(widget);
    equal(activeId(widget), 'ks-fodselsnummer', 'the change link lands on "Ja" of the register value');
    await next(widget);
    equal(headingText(widget), 'Se over før du sender');

    widget.addEventListener('klar-submit', (event) => event.respondWith(Promise.resolve({ reference: null })), {
      once: true,
    });
    await clickButton(widget, 'Send');
    await until(() => widget.snapshot!.value === 'submitted', 'the application to be sent');
    const submission = widget.snapshot!.context.submission!;
    equal(submission.answers.navn, 'Kari Nordmann Hansen');
    deepEqual(submission.prefill, {
      navn: {
        source: 'folkeregisteret',
        original: 'Kari Nordmann',
        status: 'corrected',
        correction: 'Kari Nordmann Hansen',
      },
      fodselsnummer: { source: 'folkeregisteret', original: '01010000110', status: 'confirmed' },
    });
  });

  it("opens the field at once when the register's value has an error, and never prefills a consent", async () => {
    const widget = await mountPrefilled('kontakt', { navn: 'Kari', fodselsnummer: '12345678901', samtykke: true });
    await next(widget);
    assert(
      widget.snapshot!.context.errors.some((e) => e.field === 'fodselsnummer'),
      `the wrong number is an error: ${JSON.stringify(widget.snapshot!.context.errors)}`,
    );
    equal(byId<HTMLInputElement>(widget, 'ks-fodselsnummer').tagName, 'INPUT');
    equal(byId<HTMLInputElement>(widget, 'ks-fodselsnummer').type, 'text', 'the field is open to correct');
    const link = root(widget).querySelector<HTMLAnchorElement>('.error-summary a[href="#ks-fodselsnummer"]')!;
    link.click();
    await settle(widget);
    equal(activeId(widget), 'ks-fodselsnummer', 'the error summary reaches the field');
    await checkA11y(document);
    equal(widget.snapshot!.context.answers.samtykke, undefined, "consent is the user's own act");
  });

  it('shows an address from the register, and "Ja" after a change puts the register\'s value back', async () => {
    const adresse = { street: 'Storgata 1', postcode: '0155', city: 'Oslo' };
    const widget = await mountPrefilled('stotte', { adresse, konto: '86011117947' });
    const box = root(widget).querySelector('.prefill')!;
    assert(text(box).includes('Storgata 1') && text(box).includes('0155 Oslo'), text(box));
    assert(text(root(widget).querySelectorAll('.prefill')[1]!).includes('Kontoregisteret'));
    byId(widget, 'ks-adresse-prefill-no').click();
    await settle(widget);
    const street = byId<HTMLInputElement>(widget, 'ks-adresse-street');
    street.value = 'Storgata 2';
    street.dispatchEvent(new Event('input'));
    await settle(widget);
    equal((widget.snapshot!.context.answers.adresse as { street: string }).street, 'Storgata 2');
    byId(widget, 'ks-adresse-prefill-yes').click();
    await settle(widget);
    deepEqual(widget.snapshot!.context.answers.adresse, adresse);
    await checkA11y(document);
  });
});

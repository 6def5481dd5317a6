// A whole application with the keyboard only: Tab, Shift+Tab, Space, Enter and arrow keys.
// Focus is asserted after every Continue, failed Continue, Back and error-summary link.
import { sendKeys } from '@web/test-runner-commands';
import { assert, equal } from '../browser/assert.ts';
import { activeElement, activeId, headingText, mountWidget, settle, until, type Widget } from './driver.ts';

async function press(widget: Widget, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
  await settle(widget);
}

async function typeText(widget: Widget, text: string): Promise<void> {
  await sendKeys({ type: text });
  await settle(widget);
}

/** Tab until the focused element matches; fails after `max` presses, so a trap or a skip is caught. */
async function tabTo(widget: Widget, matches: (el: HTMLElement) => boolean, what: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press(widget, 'Tab');
    const active = activeElement(widget);
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}; focus is on #${activeId(widget)}`);
}

const isButton = (text: string) => (el: HTMLElement) => el.tagName === 'BUTTON' && el.textContent?.trim() === text;

describe('keyboard only', () => {
  it('completes the contact form end to end, with focus where it should be', async () => {
    const widget = await mountWidget('kontakt');
    // Nothing in the widget takes focus on load: the page keeps it until the user acts.
    equal(activeId(widget), '');

    await press(widget, 'Tab');
    equal(activeElement(widget)?.textContent?.trim(), 'Gå ut og slett', 'the first Tab reaches the quick exit');
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-language', 'then the language choice');
    await press(widget, 'Tab');
    equal(activeElement(widget)?.textContent?.trim(), 'Vis enklere tekst', 'then the plain-language toggle');
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-navn', 'the next Tab reaches the first question');

    // A failed Continue (Enter in a text field submits) moves focus to the error summary.
    await press(widget, 'Enter');
    assert(
      activeElement(widget)?.classList.contains('error-summary'),
      `focus on the error summary, not #${activeId(widget)}`,
    );
    equal(headingText(widget), 'Om deg', 'still on the same step');

    // Each summary link moves focus to its field.
    await press(widget, 'Tab');
    equal(activeElement(widget)?.getAttribute('href'), '#ks-navn');
    await press(widget, 'Tab');
    await press(widget, 'Enter');
    equal(activeId(widget), 'ks-fodselsnummer', 'the second link goes to the second error');
    await typeText(widget, '010100 00110');
    await press(widget, 'Shift+Tab');
    equal(activeElement(widget)?.tagName, 'SUMMARY', 'Shift+Tab reaches "Why do we ask?" of this question');
    await press(widget, 'Enter');
    assert((activeElement(widget)?.parentElement as HTMLDetailsElement).open, 'Enter opens it');
    await press(widget, 'Shift+Tab');
    equal(activeId(widget), 'ks-navn', 'Shift+Tab goes back one question');
    await typeText(widget, 'Kari Nordmann');
    await tabTo(widget, (el) => el.id === 'ks-telefon', 'the phone field');
    await typeText(widget, '912 34 567');

    // Continue with the button.
    await tabTo(widget, isButton('Neste'), 'the Continue button');
    await press(widget, 'Enter');
    equal(headingText(widget), 'Hva du trenger hjelp med');
    equal(activeId(widget), 'ks-heading', 'a new step moves focus to its heading');
    await until(
      () => widget.shadowRoot!.querySelector('[role=status]')?.textContent?.includes('Steg 2 av 3') ?? false,
      'the step to be announced',
    );

    // Radios: Tab into the group, arrows choose.
    await tabTo(widget, (el) => el.id === 'ks-tema', 'the first topic');
    await press(widget, 'ArrowDown', 3);
    equal((activeElement(widget) as HTMLInputElement).value, 'annet');
    equal(widget.snapshot!.context.answers.tema, 'annet');
    // Choosing "something else" shows its follow-up question right after the group.
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-tema-annet');
    await typeText(widget, 'Strømregningen');
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-beskrivelse');
    await typeText(widget, 'Jeg har ikke råd til strøm.');
    // "I don't know" is a checkbox: Space ticks it.
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-beskrivelse-unsure');
    await press(widget, 'Space');
    assert(widget.snapshot!.context.unsure.includes('beskrivelse'), 'the description is marked unsure');
    await press(widget, 'Tab');
    equal(activeId(widget), 'ks-kanal');
    await press(widget, 'ArrowDown');
    equal(widget.snapshot!.context.answers.kanal, 'telefon', 'arrow keys choose in a select');
    await tabTo(widget, (el) => el.id === 'ks-tolk', 'the interpreter question');
    await press(widget, 'Space');
    equal(widget.snapshot!.context.answers.tolk, true);
    await tabTo(widget, (el) => el.id === 'ks-tolkesprak', 'the interpreter language');
    await press(widget, 'ArrowDown');
    equal(widget.snapshot!.context.answers.tolkesprak, 'ar');

    // Back, then forward again with Enter on Continue.
    await tabTo(widget, isButton('Tilbake'), 'the Back button');
    await press(widget, 'Enter');
    equal(headingText(widget), 'Om deg');
    equal(activeId(widget), 'ks-heading', 'Back moves focus to the heading');
    await tabTo(widget, isButton('Neste'), 'the Continue button');
    await press(widget, 'Enter');
    equal(headingText(widget), 'Hva du trenger hjelp med');
    equal(widget.snapshot!.context.answers['tema-annet'], 'Strømregningen', 'nothing was lost on the way back');
    await tabTo(widget, isButton('Neste'), 'the Continue button', 20);
    await press(widget, 'Enter');
    equal(headingText(widget), 'Før du sender');
    equal(activeId(widget), 'ks-heading');

    await tabTo(widget, (el) => el.id === 'ks-samtykke', 'the consent box');
    assert(!(activeElement(widget) as HTMLInputElement).checked, 'consent is never pre-ticked');
    await press(widget, 'Space');
    await tabTo(widget, isButton('Neste'), 'the Continue button');
    await press(widget, 'Enter');
    equal(headingText(widget), 'Se over før du sender');
    equal(activeId(widget), 'ks-heading');

    // Change an answer from the review page and come back.
    await tabTo(widget, (el) => el.getAttribute('href') === '#ks-telefon', 'the change link for the phone number', 20);
    await press(widget, 'Enter');
    equal(activeId(widget), 'ks-telefon', 'the change link goes to the field');
    await press(widget, 'Control+A');
    await typeText(widget, '22 33 44 55');
    await press(widget, 'Enter');
    equal(headingText(widget), 'Se over før du sender', 'Continue returns to the review page');

    await tabTo(widget, isButton('Send'), 'the Send button', 40);
    await press(widget, 'Enter');
    await until(() => widget.snapshot!.value === 'submitted', 'the application to be sent');
    await settle(widget);
    equal(headingText(widget), 'Vi har fått det du sendte');
    equal(activeId(widget), 'ks-heading', 'the receipt heading gets focus');
    equal(widget.snapshot!.context.submission!.answers.telefon, '22334455');
    equal(widget.snapshot!.context.submission!.unsure.join(), 'beskrivelse');
  });
});

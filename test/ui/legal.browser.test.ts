// A declaration in the plain variant (decision 0031): the user ticks NAV's standard wording, with the plain one
// beneath as an explanation the checkbox names in its description; the submission records both wordings' versions.
// A privacy text is no declaration: it shows its reviewed plain wording alone. Axe-clean, and usable by keyboard.
import { sendKeys } from '@web/test-runner-commands';
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  byId,
  clickButton,
  definitionOf,
  fillStep,
  fullAnswers,
  mountWidget,
  next,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

const texts = async (locale: string): Promise<Record<string, Record<string, string>>> =>
  (
    (await (await fetch(`/locales/${locale}/kontakt.json`)).json()) as {
      fields: Record<string, Record<string, string>>;
    }
  ).fields;

async function toSamtykke(widget: Widget): Promise<void> {
  const definition = await definitionOf('kontakt');
  while (widget.snapshot!.context.step !== 'samtykke') {
    await fillStep(widget, definition, fullAnswers.kontakt![widget.snapshot!.context.step] ?? {});
    await next(widget);
  }
}

const label = (widget: Widget): string => root(widget).querySelector('label[for="ks-samtykke"]')!.textContent!.trim();

describe('a declaration in the plain variant', () => {
  it('shows the standard wording to tick, the plain one beneath, and records both in the submission', async () => {
    const nb = await texts('nb');
    const widget = await mountWidget('kontakt', { variant: 'plain' });
    await toSamtykke(widget);
    equal(label(widget), nb.samtykke!.label, 'the checkbox says what the user confirms: the standard text');
    const plain = byId(widget, 'ks-samtykke-plain');
    assert(
      plain.textContent!.includes(nb.samtykke!.label_plain!),
      `the plain text beneath, got «${plain.textContent}»`,
    );
    assert(plain.textContent!.includes('Med enklere ord:'), 'introduced as an explanation');
    const checkbox = byId<HTMLInputElement>(widget, 'ks-samtykke');
    assert(
      checkbox.getAttribute('aria-describedby')!.split(' ').includes('ks-samtykke-plain'),
      'the checkbox is described by it',
    );
    // The privacy text above is no declaration: its reviewed plain wording alone.
    const guidance = root(widget).querySelector('.guidance')!;
    assert(guidance.textContent!.includes(nb.personvern!.text_plain!), 'the plain privacy text');
    assert(!guidance.textContent!.includes(nb.personvern!.text!), 'not the standard one beside it');
    await checkA11y(widget);

    // By keyboard: Space ticks it.
    checkbox.focus();
    await sendKeys({ press: 'Space' });
    await settle(widget);
    equal(widget.snapshot!.context.answers.samtykke, true);
    await next(widget);
    equal(widget.snapshot!.value, 'review');
    await clickButton(
      widget,
      root(widget)
        .querySelector<HTMLButtonElement>('.review button.button:not(.button--secondary)')!
        .textContent!.trim(),
    );
    await until(() => widget.snapshot!.value === 'submitted', 'sending');
    const { submission } = widget.snapshot!.context;
    deepEqual(
      submission!.confirmed?.samtykke?.map((seen) => [seen.locale, seen.variant]),
      [
        ['nb', 'standard'],
        ['nb', 'plain'],
      ],
    );
    assert(
      submission!.confirmed!.samtykke!.every((seen) => /^[0-9a-f]{8}$/.test(seen.text ?? '')),
      'with versions',
    );
    deepEqual(
      submission!.confirmed?.personvern?.map((seen) => seen.variant),
      ['plain'],
    );
  });

  it('in the standard variant shows the standard wording alone', async () => {
    const widget = await mountWidget('kontakt', { lang: 'pl' });
    await toSamtykke(widget);
    equal(label(widget), (await texts('pl')).samtykke!.label);
    equal(root(widget).querySelector('.legal-plain'), null);
  });
});

// Switching language at any step keeps every answer, the step, typed input and focus (docs/users.md N9).
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

const RTL = new Set(['ar']);

async function switchLanguage(widget: Widget, locale: string): Promise<void> {
  const select = byId<HTMLSelectElement>(widget, 'ks-language');
  select.focus();
  select.value = locale;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await until(() => widget.snapshot!.context.locale === locale, `the language to become ${locale}`);
  await settle(widget);
}

const rootOf = (widget: Widget) => root(widget).querySelector<HTMLElement>('.root')!;

describe('switching language mid-form', () => {
  it('keeps answers, step, typed text and focus on every step, and sets lang and dir', async () => {
    const definition = await definitionOf('stotte');
    const widget = await mountWidget('stotte');
    const cycle = ['ar', 'se', 'nb', 'uk', 'ti', 'nn', 'so', 'pl', 'en', 'nb'];
    let turn = 0;
    while (widget.snapshot!.value === 'filling') {
      const step = widget.snapshot!.context.step;
      await fillStep(widget, definition, fullAnswers.stotte![step] ?? {});
      const before = structuredClone(widget.snapshot!.context.answers);
      const typed = [...root(widget).querySelectorAll<HTMLInputElement>('input.input')].map((input) => [
        input.id,
        input.value,
      ]);
      for (let i = 0; i < 3; i++) {
        const locale = cycle[turn++ % cycle.length]!;
        await switchLanguage(widget, locale);
        equal(rootOf(widget).lang, locale, 'the widget root carries lang');
        equal(rootOf(widget).dir, RTL.has(locale) ? 'rtl' : 'ltr', 'the widget root carries dir');
        equal(widget.snapshot!.context.step, step, 'still on the same step');
        deepEqual(widget.snapshot!.context.answers, before, 'no answer changed');
        equal(activeId(widget), 'ks-language', 'focus stays on the language menu');
        const now = [...root(widget).querySelectorAll<HTMLInputElement>('input.input')].map((input) => [
          input.id,
          input.value,
        ]);
        deepEqual(now, typed, 'what the user typed is still in the inputs, as typed');
        const status = root(widget).querySelector('[role=status]')!.textContent ?? '';
        assert(status.trim().length > 0, 'the switch is announced');
      }
      await next(widget);
      deepEqual(widget.snapshot!.context.errors, [], `no errors on ${step}`);
    }
    equal(widget.snapshot!.value, 'review');
    await clickButton(
      widget,
      root(widget)
        .querySelector<HTMLButtonElement>('.review button.button:not(.button--secondary)')!
        .textContent!.trim(),
    );
    await until(() => widget.snapshot!.value === 'submitted', 'sending');
    const { submission } = widget.snapshot!.context;
    // Each answer records the language it was given in.
    assert(Object.keys(submission!.answeredIn).length > 0, 'answeredIn is recorded');
    assert(headingText(widget).length > 0);
  });

  it('marks a text that falls back to Norwegian with lang="nb"', async () => {
    const widget = await mountWidget('stotte', { lang: 'ar' });
    // languageNames are kept only in nb on purpose (each name is written in its own language).
    const options = [...root(widget).querySelectorAll<HTMLOptionElement>('#ks-language option')];
    equal(options.find((o) => o.value === 'ar')?.lang, 'ar', 'each language is named in its own language');
    const fallbacks = [...root(widget).querySelectorAll<HTMLElement>('[lang="nb"]')];
    for (const element of fallbacks) equal(element.closest('.root')?.getAttribute('lang'), 'ar');
    // Whatever falls back is marked; nothing Norwegian shows unmarked in the Arabic form.
    const heading = root(widget).querySelector('#ks-heading')!;
    assert(
      !/[æøå]/i.test(heading.textContent ?? '') || heading.querySelector('[lang="nb"]') !== null,
      'an unmarked Norwegian heading in Arabic',
    );
  });

  it('shows the Norwegian original under translated texts on request', async () => {
    const widget = await mountWidget('stotte', { lang: 'pl' });
    equal(root(widget).querySelectorAll('.original').length, 0);
    const toggle = [...root(widget).querySelectorAll<HTMLButtonElement>('.toolbar button')].at(-1)!;
    toggle.click();
    await settle(widget);
    const originals = [...root(widget).querySelectorAll<HTMLElement>('.original')];
    assert(originals.length > 3, 'originals shown');
    for (const original of originals) equal(original.lang, 'nb');
    assert(
      originals.some((o) => o.textContent === 'Hva gjør du nå?'),
      'the Norwegian question is there',
    );
  });
});

for (const locale of ['ar', 'se']) {
  describe(`axe in ${locale}`, () => {
    it('finds no violations on any step', async () => {
      for (const formId of ['kontakt', 'stotte', 'sosialhjelp', 'aktivitet']) {
        const definition = await definitionOf(formId);
        const widget = await mountWidget(formId, { lang: locale });
        equal(rootOf(widget).lang, locale);
        for (let guard = 0; guard < 20 && widget.snapshot!.value === 'filling'; guard++) {
          const step = widget.snapshot!.context.step;
          await next(widget);
          await checkA11y(document, { at: `${formId} ${locale} ${step}` });
          if (widget.snapshot!.context.errors.length === 0)
            await clickButton(
              widget,
              root(widget).querySelector<HTMLButtonElement>('.actions .button--secondary')!.textContent!.trim(),
            );
          await fillStep(widget, definition, fullAnswers[formId]![step] ?? {});
          await checkA11y(document, { at: `${formId} ${locale} ${step} answered` });
          await next(widget);
        }
        equal(widget.snapshot!.value, 'review');
        await checkA11y(document);
      }
    });
  });
}

// The aktivitet form's plain variant as a user meets it (docs/users.md N8, N21): on every step "Vis enklere tekst"
// shows the plain texts from locales/nb/aktivitet.json, asks the same questions, keeps the answers, and stays
// axe-clean; switching back shows the standard texts again.
import { sendKeys } from '@web/test-runner-commands';
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  activeElement,
  definitionOf,
  fillStep,
  fullAnswers,
  mountWidget,
  next,
  root,
  settle,
  type Widget,
} from './driver.ts';

const toggle = (widget: Widget): HTMLButtonElement => {
  const button = [...root(widget).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) =>
    ['Vis enklere tekst', 'Vis vanlig tekst'].includes(b.textContent!.trim()),
  );
  assert(button, 'the plain-text switch is in the toolbar');
  return button;
};

async function pressToggle(widget: Widget): Promise<void> {
  toggle(widget).focus();
  await sendKeys({ press: 'Enter' });
  await settle(widget);
}

const stepText = (widget: Widget): string =>
  (root(widget).querySelector('form.step')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const fieldIds = (widget: Widget): string[] =>
  [...root(widget).querySelectorAll<HTMLElement>('form.step [id^="ks-"]')].map((e) => e.id);

/** Per step (with fullAnswers.aktivitet: a meeting at the office): standard texts that go, plain texts that come. */
const expected: Record<string, { standard: string[]; plain: string[] }> = {
  'om-aktiviteten': {
    standard: [
      'Om aktiviteten',
      'Kurs eller utdanning',
      'Møte med NAV',
      'Gi aktiviteten et kort navn',
      'Beskriv aktiviteten',
    ],
    plain: [
      'Om det du gjør',
      'Jeg går på kurs eller skole',
      'Jeg skal ha et møte med NAV',
      'Hva vil du kalle aktiviteten?',
      'Hva skal du gjøre?',
      'Skriv også hva du vil få til.',
    ],
  },
  detaljer: {
    standard: ['Mer om aktiviteten', 'Skriv klokkeslettet, for eksempel 10:30.'],
    plain: ['Mer om det du gjør', 'Skriv når møtet starter, for eksempel 10:30.'],
  },
  'tid-og-status': {
    standard: ['Tid og status', 'Varer aktiviteten bare én dag'],
    plain: [
      'Datoer og hvor langt du har kommet',
      'Skriv det slik: 17.05.2026',
      'Hvis den bare varer én dag, skriv samme dato som over.',
    ],
  },
};

describe('aktivitet: "Vis enklere tekst"', () => {
  it('on every step shows the plain texts, asks the same questions and keeps the answers', async () => {
    const definition = await definitionOf('aktivitet');
    const widget = await mountWidget('aktivitet');
    const seen: string[] = [];
    while (widget.snapshot!.value === 'filling') {
      const step = widget.snapshot!.context.step;
      seen.push(step);
      await fillStep(widget, definition, fullAnswers.aktivitet![step] ?? {});
      const answers = structuredClone(widget.snapshot!.context.answers);
      const before = stepText(widget);
      const fields = fieldIds(widget);
      for (const text of expected[step]!.standard)
        assert(before.includes(text), `${step}: standard text «${text}» shows`);

      await pressToggle(widget);
      const after = stepText(widget);
      for (const text of expected[step]!.standard)
        assert(!after.includes(text), `${step}: «${text}» is replaced in plain`);
      for (const text of expected[step]!.plain)
        assert(after.includes(text), `${step}: plain text «${text}» shows, got ${after}`);
      deepEqual(fieldIds(widget), fields, 'the same questions, in the same order');
      deepEqual(widget.snapshot!.context.answers, answers, 'no answer changed');
      equal(activeElement(widget), toggle(widget), 'focus stays on the switch');
      await checkA11y(widget);

      await pressToggle(widget);
      equal(stepText(widget), before, 'switching back shows the standard texts');
      await next(widget);
      deepEqual(widget.snapshot!.context.errors, [], `no errors on ${step}`);
    }
    deepEqual(seen, Object.keys(expected), 'every step was checked');
  });

  it('shows the plain error text when the end date is before the start date', async () => {
    const definition = await definitionOf('aktivitet');
    const widget = await mountWidget('aktivitet', { variant: 'plain' });
    for (const step of ['om-aktiviteten', 'detaljer']) {
      await fillStep(widget, definition, fullAnswers.aktivitet![step] ?? {});
      await next(widget);
    }
    equal(widget.snapshot!.context.step, 'tid-og-status');
    await fillStep(widget, definition, {
      ...fullAnswers.aktivitet!['tid-og-status'],
      'fra-dato': '10.05.2026',
      'til-dato': '09.05.2026',
    });
    await next(widget);
    equal(widget.snapshot!.context.step, 'tid-og-status', 'the error keeps the user on the step');
    const text = stepText(widget);
    assert(
      text.includes('Aktiviteten kan ikke slutte før den starter. Sjekk datoene.'),
      `the plain error shows, got ${text}`,
    );
    await checkA11y(widget);
  });
});

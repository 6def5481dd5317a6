// axe on every step of every form in the forms folder (build/forms/index.json, no list by hand): empty, with
// errors, the review page and the receipt. A form without hand-written answers (test/helpers/full-answers.ts)
// is answered from its definition (test/helpers/generated-answers.ts), so a new form is checked unchanged.
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual } from '../browser/assert.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import {
  definitionOf,
  fillShown,
  fillStep,
  formIds,
  fullAnswers,
  headingText,
  mountWidget,
  next,
  clickButton,
  saveNow,
  settle,
  until,
  type Widget,
} from './driver.ts';

async function walk(formId: string, visit: (widget: Widget, moment: string) => Promise<void>): Promise<Widget> {
  const definition = await definitionOf(formId);
  const written = fullAnswers[formId];
  const answers = written ?? generatedAnswers(definition);
  const widget = await mountWidget(formId);
  for (let guard = 0; guard < 20 && widget.snapshot!.value === 'filling'; guard++) {
    const step = widget.snapshot!.context.step;
    await visit(widget, `${step}, empty`);
    await next(widget);
    if (widget.snapshot!.context.errors.length > 0) await visit(widget, `${step}, with errors`);
    else await clickButton(widget, 'Tilbake'); // nothing required here: Continue went on, so come back
    deepEqual(widget.snapshot!.context.step, step);
    if (written) await fillStep(widget, definition, written[step] ?? {});
    else await fillShown(widget, definition, answers[step] ?? {});
    await visit(widget, `${step}, answered`);
    await next(widget);
    deepEqual(widget.snapshot!.context.errors, [], `no errors after answering ${step}`);
  }
  deepEqual(widget.snapshot!.value, 'review');
  // The review page is whole once the late chunk is there (its Send button with it).
  await until(
    () => [...widget.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Send'),
    'the review page',
  );
  await settle(widget);
  await visit(widget, 'review');
  await clickButton(widget, 'Send');
  await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
  await settle(widget);
  deepEqual(widget.snapshot!.value, 'submitted');
  await visit(widget, 'receipt');
  return widget;
}

const forms = await formIds();
describe('axe: the forms folder', () => {
  it('lists the example forms (and any other form dropped into it)', () => {
    for (const id of ['kontakt', 'stotte', 'sosialhjelp', 'aktivitet', 'ny-jobb'])
      assert(forms.includes(id), `${id} is listed`);
  });
});

for (const formId of forms) {
  describe(`axe on the form "${formId}"`, () => {
    it('finds no violations on any step, with or without errors, on review or on the receipt', async () => {
      const seen: string[] = [];
      const widget = await walk(formId, async (w, moment) => {
        // The save status is there on every view, not only when the debounced save has landed (or mid-run).
        await saveNow(w);
        seen.push(moment);
        await checkA11y(document, { at: `${formId}, ${moment} (${headingText(w)})` });
      });
      const definition = await definitionOf(formId);
      for (const step of definition.steps) assert(seen.includes(`${step.id}, empty`), `step ${step.id} was checked`);
      assert(
        seen.some((m) => m.endsWith('with errors')),
        'an error state was checked',
      );
      assert(headingText(widget).length > 0, 'the receipt has a heading');
    });
  });
}

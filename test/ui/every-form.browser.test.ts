// Any form dropped into the forms folder runs without a code change: the build lists it
// (build/forms/index.json), the demo shows it in its list, and a user gets from its first step to the
// receipt with answers made from its definition alone (test/helpers/generated-answers.ts). ny-jobb is an
// example form these tests were not written for: nothing here or in the driver names its questions.
import { assert, deepEqual } from '../browser/assert.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import {
  clickButton,
  definitionOf,
  fillShown,
  formIds,
  headingText,
  mountWidget,
  next,
  settle,
  until,
} from './driver.ts';

const forms = await formIds();

describe('every form in the forms folder', () => {
  it('is listed by the build, each once', () => {
    assert(forms.length >= 5, `the build lists the forms (${forms.join(', ')})`);
    deepEqual(forms, [...new Set(forms)].sort(), 'sorted, each once');
  });

  it('appears in the demo’s list of forms, linked by its id', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'demo';
    frame.src = '/demo/index.html';
    document.body.replaceChildren(frame);
    await until(
      () => (frame.contentDocument?.querySelectorAll('#forms a').length ?? 0) > 0,
      'the demo’s list of forms',
    );
    const links = [...frame.contentDocument!.querySelectorAll<HTMLAnchorElement>('#forms a')];
    deepEqual(
      links.map((link) => new URL(link.href).searchParams.get('form')),
      forms,
      'one link per form, in the index’s order',
    );
    assert(
      links.every((link) => (link.textContent ?? '').trim().length > 0 && !/^[a-z-]+$/.test(link.textContent!.trim())),
      'each link says the form’s title, not its id',
    );
    frame.remove();
  });
});

for (const formId of forms) {
  describe(`the form "${formId}" with answers made from its definition`, () => {
    it('goes from the first step through every step to the receipt', async () => {
      const definition = await definitionOf(formId);
      const answers = generatedAnswers(definition);
      const widget = await mountWidget(formId);
      const visited: string[] = [];
      for (let guard = 0; guard < 30 && widget.snapshot!.value === 'filling'; guard++) {
        const step = widget.snapshot!.context.step;
        visited.push(step);
        await fillShown(widget, definition, answers[step] ?? {});
        await next(widget);
        deepEqual(
          widget.snapshot!.context.errors.map((e) => `${e.path} ${e.code}`),
          [],
          `no errors after answering ${step}`,
        );
      }
      deepEqual(widget.snapshot!.value, 'review', `the review page after ${visited.join(', ')}`);
      assert(visited.length > 0 && visited[0] === definition.steps[0]!.id, 'started on the first step');
      await clickButton(widget, 'Send');
      await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
      await settle(widget);
      assert(headingText(widget).length > 0, 'the receipt has a heading');
    });
  });
}

// «Legg til» at a group's maxItems: the button says it cannot add more (aria-disabled, still in the tab
// order, described by a visible note), and pressing it adds nothing and says why in the live region.
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  byId,
  definitionOf,
  fill,
  fillStep,
  fullAnswers,
  liveText,
  mountWidget,
  next,
  root,
  settle,
  until,
} from './driver.ts';

const LIMIT_TEXT = /Du kan ikke legge til flere\. Det meste er 12\./;

describe('a group at its maxItems', () => {
  it('keeps «Legg til» focusable but disabled, with a reason a screen reader reads', async () => {
    const definition = await definitionOf('stotte');
    const schema = definition.answers.properties.barn as { maxItems: number };
    equal(schema.maxItems, 12, 'stotte allows 12 children');
    const widget = await mountWidget('stotte');
    await fillStep(widget, definition, fullAnswers.stotte!.situasjon!);
    await next(widget);
    equal(widget.snapshot!.context.step, 'husstand');
    await fill(
      widget,
      definition.steps[1]!.fields.find((f) => f.id === 'har-barn')!,
      '/har-barn',
      'true',
    );
    const add = () => byId<HTMLButtonElement>(widget, 'ks-barn');
    for (let i = 0; i < schema.maxItems; i++) {
      assert(add().getAttribute('aria-disabled') === null, `«Legg til» works with ${i} children`);
      add().click();
      await settle(widget);
    }
    const items = () => (widget.snapshot!.context.answers.barn as unknown[]).length;
    equal(items(), 12);
    const button = add();
    equal(button.getAttribute('aria-disabled'), 'true', 'aria-disabled at the limit');
    assert(!button.disabled, 'not disabled: it stays in the tab order');
    button.focus();
    equal(root(widget).activeElement, button, 'it can take focus');
    const note = byId(widget, 'ks-barn-full');
    assert(LIMIT_TEXT.test(note.textContent ?? ''), `the note says why: ${note.textContent}`);
    assert(
      (button.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(note.id),
      'the button is described by it',
    );
    button.click();
    await settle(widget);
    equal(items(), 12, 'pressing it adds nothing');
    await until(() => LIMIT_TEXT.test(liveText(widget)), 'the live region to say why');
    await checkA11y(document, { at: 'stotte, 12 children' });

    // Removing one makes «Legg til» work again.
    byId<HTMLButtonElement>(widget, 'ks-barn-item-11-remove').click();
    await settle(widget);
    [...root(widget).querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.trim() === 'Ja, fjern')!
      .click();
    await settle(widget);
    equal(items(), 11);
    deepEqual(add().getAttribute('aria-disabled'), null, 'enabled again under the limit');
    assert(root(widget).getElementById('ks-barn-full') === null, 'the note is gone');
  });
});

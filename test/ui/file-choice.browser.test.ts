// The file choice in the user's language (issue 19, item 5; components/fields/attachments.ts): a button in
// the page's language opens the hidden native file input, with the keyboard too; files dropped on it are
// taken; it is described by the hint and the chosen files' names, never by the browser's English.
import { sendKeys } from '@web/test-runner-commands';
import { assert, equal, match } from '../browser/assert.ts';
import { byId, definitionOf, fillStep, fullAnswers, mountWidget, next, root, settle, type Widget } from './driver.ts';

const normal = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a screen reader reads after the name: the texts aria-describedby points at. */
const description = (widget: Widget, element: Element): string =>
  normal(
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => root(widget).getElementById(id)?.textContent ?? '')
      .join(' '),
  );

async function documentsStep(lang: string): Promise<Widget> {
  const widget = await mountWidget('stotte', { lang });
  const definition = await definitionOf('stotte');
  for (let guard = 0; guard < 10 && widget.snapshot!.context.step !== 'vedlegg'; guard++) {
    await fillStep(widget, definition, fullAnswers.stotte![widget.snapshot!.context.step] ?? {});
    await next(widget);
  }
  equal(widget.snapshot!.context.step, 'vedlegg');
  root(widget)
    .querySelector<HTMLInputElement>('input[name="ks-dokumenter-husleiekontrakt"][value="uploaded"]')!
    .click();
  await settle(widget);
  return widget;
}

describe('the file choice', () => {
  it("is a button in the user's language that opens the hidden file input, by keyboard too", async () => {
    const widget = await documentsStep('en');
    const button = byId<HTMLButtonElement>(widget, 'ks-dokumenter-husleiekontrakt-files');
    equal(button.tagName, 'BUTTON');
    match(normal(button.textContent), /^Choose files \(.+\)$/, 'named in English, with the document');
    const input = byId<HTMLInputElement>(widget, 'ks-dokumenter-husleiekontrakt-files-input');
    equal(input.type, 'file');
    assert(input.hidden, 'the native input is hidden');
    match(description(widget, button), /No files chosen yet\.$/, 'no file yet, said in English');
    let opened = 0;
    input.addEventListener('click', (event) => {
      opened++;
      event.preventDefault(); // no picker in a test
    });
    button.focus();
    await sendKeys({ press: 'Enter' });
    equal(opened, 1, 'Enter opens the picker');
    await sendKeys({ press: 'Space' });
    equal(opened, 2, 'Space opens the picker');
    const text = normal(root(widget).textContent);
    assert(!/Choose File|No file chosen/.test(text), "no browser's own file input text");
  });

  it('takes files dropped on the button, and says their names', async () => {
    const widget = await documentsStep('nb');
    const button = byId<HTMLButtonElement>(widget, 'ks-dokumenter-husleiekontrakt-files');
    match(description(widget, button), /Ingen filer er valgt ennå\.$/);
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'kontrakt.pdf', { type: 'application/pdf' }));
    button.dispatchEvent(
      new DragEvent('drop', { dataTransfer: files, bubbles: true, composed: true, cancelable: true }),
    );
    await settle(widget);
    const answer = widget.snapshot!.context.answers.dokumenter as Record<string, { files?: Array<{ name: string }> }>;
    equal(answer.husleiekontrakt?.files?.[0]?.name, 'kontrakt.pdf', 'the dropped file is chosen');
    const described = description(widget, byId(widget, 'ks-dokumenter-husleiekontrakt-files'));
    assert(described.includes('kontrakt.pdf'), `the button is described by the file's name: «${described}»`);
    assert(!described.includes('Ingen filer'), 'and no longer by "no files"');
  });
});

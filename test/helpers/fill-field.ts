// Gives an answer through a field's own controls with Playwright, as a user would. Shared by the embed
// tests (test/embed/drive.ts) and `npm run screenshots`; it only uses locators, never page.evaluate, so
// it also works from tsx (whose name helpers do not exist in the page).
import type { Locator } from 'playwright-core';
import { domId } from '../../components/fields/field-host.ts';
import type { FieldDefinition } from '../../src/definition/types.ts';

/** `control(css)` finds an element inside the widget; `settle()` waits until the widget has rendered. */
export async function fillField(
  control: (css: string) => Locator,
  settle: () => Promise<void>,
  field: FieldDefinition,
  path: string,
  value: unknown,
): Promise<void> {
  const id = domId(path);
  switch (field.kind) {
    case 'radio':
    case 'yesno':
      await control(`input[name="${id}"][value="${String(value)}"]`).check();
      break;
    case 'checkboxes':
      for (const option of value as string[]) await control(`input[name="${id}"][value="${option}"]`).check();
      break;
    case 'select':
      await control(`#${id}`).selectOption(String(value));
      break;
    case 'consent':
      if (value === true) await control(`#${id}`).check();
      break;
    case 'address':
      for (const [part, text] of Object.entries(value as Record<string, string>))
        await control(`#${id}-${part}`).fill(text);
      break;
    case 'attachments':
      for (const [document, status] of Object.entries(value as Record<string, string>)) {
        const documentId = domId(`${path}/${document}`);
        await control(`input[name="${documentId}"][value="${status}"]`).check();
        await settle();
        if (status === 'uploaded') {
          // A phone photo, as an applicant would send it.
          await control(`#${documentId}-files-input`).setInputFiles({
            name: `${document}.jpg`,
            mimeType: 'image/jpeg',
            buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
          });
        }
        if (status === 'missing') await control(`#${documentId}-reason`).fill('Banken har ikke sendt den ennå.');
      }
      break;
    case 'group':
      for (const [index, item] of (value as Array<Record<string, unknown>>).entries()) {
        await control(`#${id}`).click();
        await settle();
        for (const child of field.fields ?? []) {
          if (child.id in item) await fillField(control, settle, child, `${path}/${index}/${child.id}`, item[child.id]);
        }
      }
      break;
    default:
      await control(`#${id}`).fill(String(value));
  }
  await settle();
}

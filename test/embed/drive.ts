// Drives a <klar-skjema> on a real page the way a user does, with Playwright: real clicks and typing
// (Playwright scrolls each control into view and fails if something else, like a sticky header, would
// get the click). `selector` picks the widget, so a page can hold two.
import type { Page } from 'playwright-core';
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import { domId } from '../../components/fields/field-host.ts';

export interface Widget { page: Page; selector: string }

export interface View { value: string; step: string; errors: number; relevant: string[] }

type Element = HTMLElement & { snapshot?: { value: unknown; context: { step: string; errors: unknown[]; relevance: { fields: string[] }; answers: Record<string, unknown> } }; updateComplete: Promise<unknown> };

export function view({ page, selector }: Widget): Promise<View> {
  return page.evaluate((sel) => {
    const snapshot = (document.querySelector(sel) as Element).snapshot!;
    return { value: String(snapshot.value), step: snapshot.context.step, errors: snapshot.context.errors.length, relevant: [...snapshot.context.relevance.fields] };
  }, selector);
}

/** Waits until the widget has rendered what its machine holds, and the page has stopped scrolling. */
export async function settle({ page, selector }: Widget): Promise<void> {
  await page.evaluate(async (sel) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await (document.querySelector(sel) as Element).updateComplete;
    await frame();
    // Smooth scrolling (the widget's, or the page's scroll-behavior) takes a few hundred ms.
    for (let still = 0, last = scrollY, i = 0; still < 5 && i < 200; i++) {
      await frame();
      if (scrollY === last) still++; else { still = 0; last = scrollY; }
    }
  }, selector);
}

export async function waitUntilReady({ page, selector }: Widget): Promise<void> {
  await page.locator(`${selector} #ks-heading`).waitFor();
}

export async function button(widget: Widget, name: string): Promise<void> {
  await widget.page.locator(widget.selector).getByRole('button', { name, exact: true }).click();
  await settle(widget);
}

/** Gives an answer through the field's own controls. `path` is the answer path, e.g. /barn/0/barn-navn. */
export async function fill(widget: Widget, field: FieldDefinition, path: string, value: unknown): Promise<void> {
  const id = domId(path);
  const control = (css: string) => widget.page.locator(`${widget.selector} ${css}`);
  switch (field.kind) {
    case 'radio': case 'yesno':
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
      for (const [part, text] of Object.entries(value as Record<string, string>)) await control(`#${id}-${part}`).fill(text);
      break;
    case 'attachments':
      for (const [document, status] of Object.entries(value as Record<string, string>)) {
        const documentId = domId(`${path}/${document}`);
        await control(`input[name="${documentId}"][value="${status}"]`).check();
        await settle(widget);
        if (status === 'uploaded') {
          await control(`#${documentId}-files`).setInputFiles({ name: `${document}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
        }
        if (status === 'missing') await control(`#${documentId}-reason`).fill('Banken har ikke sendt den ennå.');
      }
      break;
    case 'group':
      for (const [index, item] of (value as Array<Record<string, unknown>>).entries()) {
        await control(`#${id}`).click();
        await settle(widget);
        for (const child of field.fields ?? []) {
          if (child.id in item) await fill(widget, child, `${path}/${index}/${child.id}`, item[child.id]);
        }
      }
      break;
    default:
      await control(`#${id}`).fill(String(value));
  }
  await settle(widget);
}

export interface RunHooks {
  /** After every Continue, failed or not, and after Send. */
  afterContinue?: (moment: string) => Promise<void>;
  /** On the first step, after a Continue with nothing answered showed the error summary. */
  onErrors?: () => Promise<void>;
}

/**
 * A whole application: Continue on the empty first step (errors), then every step answered, the
 * review page, Send, and the receipt. Returns the steps it went through.
 */
export async function runApplication(widget: Widget, definition: FormDefinition, answers: Record<string, Record<string, unknown>>, hooks: RunHooks = {}): Promise<string[]> {
  await waitUntilReady(widget);
  await settle(widget);
  await button(widget, 'Neste');
  const first = await view(widget);
  if (first.errors === 0) throw new Error(`${definition.id}: Continue on the empty first step showed no errors`);
  await hooks.afterContinue?.(`${first.step}, with errors`);
  await hooks.onErrors?.();
  const steps: string[] = [];
  for (let guard = 0; (await view(widget)).value === 'filling'; guard++) {
    if (guard > definition.steps.length) throw new Error(`${definition.id}: stuck on step ${(await view(widget)).step}`);
    const { step: stepId } = await view(widget);
    const step = definition.steps.find((s) => s.id === stepId)!;
    const given = answers[stepId] ?? {};
    for (const field of step.fields) {
      // Relevance can change with each answer (a follow-up question appears), so ask again.
      if (field.id in given && (await view(widget)).relevant.includes(field.id)) await fill(widget, field, `/${field.id}`, given[field.id]);
    }
    steps.push(stepId);
    await button(widget, 'Neste');
    const after = await view(widget);
    if (after.value === 'filling' && after.step === stepId) throw new Error(`${definition.id}: Continue on ${stepId} stopped with ${after.errors} error(s); check the answers in test/embed/answers.ts`);
    await hooks.afterContinue?.(stepId);
  }
  if ((await view(widget)).value !== 'review') throw new Error(`${definition.id}: expected the review page, got ${(await view(widget)).value}`);
  await button(widget, 'Send');
  await widget.page.waitForFunction((sel) => String((document.querySelector(sel) as Element).snapshot!.value) === 'submitted', widget.selector);
  await settle(widget);
  return steps;
}

/** Every string answer in an answers object, for checking that events do not carry them. */
export function answerStrings(answers: unknown): string[] {
  if (typeof answers === 'string') return answers.length >= 4 ? [answers] : [];
  if (Array.isArray(answers)) return answers.flatMap(answerStrings);
  if (answers && typeof answers === 'object') return Object.values(answers).flatMap(answerStrings);
  return [];
}

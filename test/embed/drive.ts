// Drives a <klar-skjema> on a real page the way a user does, with Playwright: real clicks and typing
// (Playwright scrolls each control into view and fails if something else, like a sticky header, would
// get the click). `selector` picks the widget, so a page can hold two.
import type { Page } from 'playwright-core';
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import { fillField } from '../helpers/fill-field.ts';

export interface Widget {
  page: Page;
  selector: string;
}

export interface View {
  value: string;
  step: string;
  errors: number;
  relevant: string[];
}

type Element = HTMLElement & {
  snapshot?: {
    value: unknown;
    context: { step: string; errors: unknown[]; relevance: { fields: string[] }; answers: Record<string, unknown> };
  };
  updateComplete: Promise<unknown>;
};

export function view({ page, selector }: Widget): Promise<View> {
  return page.evaluate((sel) => {
    const snapshot = (document.querySelector(sel) as Element).snapshot!;
    return {
      value: String(snapshot.value),
      step: snapshot.context.step,
      errors: snapshot.context.errors.length,
      relevant: [...snapshot.context.relevance.fields],
    };
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
      if (scrollY === last) still++;
      else {
        still = 0;
        last = scrollY;
      }
    }
  }, selector);
}

export async function waitUntilReady({ page, selector }: Widget): Promise<void> {
  await page.locator(`${selector} #ks-heading`).waitFor();
  // A first step drawn before the widget runs (decisions 0041 and 0044) has its heading too: a user can fill it in,
  // but the driver reads the machine, so it waits for the widget's own view.
  await page.waitForFunction((sel) => {
    const widget = document.querySelector<Element>(sel);
    // Every widget on the page: another one's takeover above this one would move it after a focus.
    const drawn = [...document.querySelectorAll('klar-skjema')].some((other) =>
      other.shadowRoot?.querySelector('[data-klar-first-step]'),
    );
    return widget?.snapshot !== undefined && !drawn;
  }, selector);
}

export async function button(widget: Widget, name: string): Promise<void> {
  await widget.page.locator(widget.selector).getByRole('button', { name, exact: true }).click();
  await settle(widget);
}

/** Gives an answer through the field's own controls. `path` is the answer path, e.g. /barn/0/barn-navn. */
export function fill(widget: Widget, field: FieldDefinition, path: string, value: unknown): Promise<void> {
  return fillField(
    (css) => widget.page.locator(`${widget.selector} ${css}`),
    () => settle(widget),
    field,
    path,
    value,
  );
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
export async function runApplication(
  widget: Widget,
  definition: FormDefinition,
  answers: Record<string, Record<string, unknown>>,
  hooks: RunHooks = {},
): Promise<string[]> {
  await waitUntilReady(widget);
  await settle(widget);
  await button(widget, 'Neste');
  const first = await view(widget);
  if (first.errors === 0) throw new Error(`${definition.id}: Continue on the empty first step showed no errors`);
  await hooks.afterContinue?.(`${first.step}, with errors`);
  await hooks.onErrors?.();
  const steps: string[] = [];
  for (let guard = 0; (await view(widget)).value === 'filling'; guard++) {
    if (guard > definition.steps.length)
      throw new Error(`${definition.id}: stuck on step ${(await view(widget)).step}`);
    const { step: stepId } = await view(widget);
    const step = definition.steps.find((s) => s.id === stepId)!;
    const given = answers[stepId] ?? {};
    for (const field of step.fields) {
      // Relevance can change with each answer (a follow-up question appears), so ask again.
      if (field.id in given && (await view(widget)).relevant.includes(field.id))
        await fill(widget, field, `/${field.id}`, given[field.id]);
    }
    steps.push(stepId);
    await button(widget, 'Neste');
    const after = await view(widget);
    if (after.value === 'filling' && after.step === stepId)
      throw new Error(
        `${definition.id}: Continue on ${stepId} stopped with ${after.errors} error(s); check the answers in test/embed/answers.ts`,
      );
    await hooks.afterContinue?.(stepId);
  }
  if ((await view(widget)).value !== 'review')
    throw new Error(`${definition.id}: expected the review page, got ${(await view(widget)).value}`);
  await button(widget, 'Send');
  await widget.page.waitForFunction(
    (sel) => String((document.querySelector(sel) as Element).snapshot!.value) === 'submitted',
    widget.selector,
  );
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

// Mounting for draft and sending tests. Unlike mountWidget (driver.ts), storage is left as it is, so a
// "reload" (remove the element, mount a new one in the same tab) finds what the last one saved.
import { executeServerCommand } from '@web/test-runner-commands';
import { afterFirstStep, root, settle, until, type Widget } from './driver.ts';

export interface MountOptions {
  attributes?: Record<string, string>;
  /** Set before the element is connected: a fake clock, a fake exit. */
  now?: () => Date;
  leave?: (url: string) => void;
  /** Append beside the widgets already in the page (a second "tab") instead of replacing them. */
  beside?: boolean;
}

/** Mounts a widget and waits until it shows a step, or the offer to resume a draft. */
export async function mount(formId: string, options: MountOptions = {}): Promise<Widget> {
  if (!options.beside) document.body.replaceChildren();
  let main = document.querySelector('main');
  if (!main) {
    main = document.createElement('main');
    const title = document.createElement('h1');
    title.textContent = 'klarskjema';
    main.append(title);
    document.body.append(main);
  }
  const widget = document.createElement('klar-skjema');
  widget.setAttribute('form', `/build/forms/${formId}/`);
  for (const [name, value] of Object.entries(options.attributes ?? {})) widget.setAttribute(name, value);
  if (options.now) widget.now = options.now;
  if (options.leave) widget.leave = options.leave;
  main.append(widget);
  await until(
    () => widget.status === 'ready' && root(widget).querySelector('#ks-heading') !== null,
    `the form ${formId} to load`,
  );
  await afterFirstStep(widget, formId);
  return widget;
}

/** A reload in the same tab: the element goes (saving what is pending), a new one comes with the same settings. */
export async function reload(widget: Widget, formId: string, options: MountOptions = {}): Promise<Widget> {
  const attributes = Object.fromEntries(
    [...widget.attributes].filter((a) => a.name !== 'form' && a.name !== 'style').map((a) => [a.name, a.value]),
  );
  widget.remove();
  return mount(formId, { attributes, ...options });
}

/** Every key klarskjema keeps in web storage. */
export const storedKeys = (): string[] =>
  [
    ...Object.keys(sessionStorage).map((key) => `session:${key}`),
    ...Object.keys(localStorage).map((key) => `local:${key}`),
  ].filter((key) => key.includes('klarskjema'));

export const text = (widget: Widget, selector: string): string =>
  root(widget).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const button = (widget: Widget, label: string): HTMLButtonElement => {
  const found = [...root(widget).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === label,
  );
  if (!found) throw new Error(`No button "${label}"`);
  return found;
};

/** Clicks the button once it is there (it may come with the late chunk). */
export async function press(widget: Widget, label: string): Promise<void> {
  await until(
    () => [...root(widget).querySelectorAll('button')].some((b) => b.textContent?.trim() === label),
    `the button "${label}"`,
  );
  button(widget, label).click();
  await settle(widget);
}

export const receiver = (action: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand<
    { references?: string[]; files?: Array<{ document: string; type: string }>; refusedWhileDown?: number },
    Record<string, unknown>
  >('klar-receiver', { action, ...payload });

export const draftServer = (action: string) =>
  executeServerCommand<{ keys: string[] }, { action: string }>('klar-drafts', { action });

/** Where the user is and what they answered, as plain JSON (also for a widget in a frame, another realm). */
export const place = (widget: Widget) => {
  const { answers, step, variant, locale, visited, unsure } = widget.snapshot!.context;
  return JSON.parse(
    JSON.stringify({ value: String(widget.snapshot!.value), answers, step, variant, locale, visited, unsure }),
  ) as Record<string, unknown>;
};

export { settle, until };

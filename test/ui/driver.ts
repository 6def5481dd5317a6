// Drives <klar-skjema> in the browser the way a user does: through its inputs and buttons.
import { fullAnswers } from '../helpers/full-answers.ts';
import '../../components/klar-skjema/define.ts';
import type { KlarSkjema } from '../../components/klar-skjema/klar-skjema.ts';
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import { controlId, domId } from '../../components/fields/field-host.ts';
import { loadLate } from '../../components/klar-skjema/late-loader.ts';

export type Widget = KlarSkjema;

/** Mounts a widget for an example form package and waits until its first step is on screen. */
export async function mountWidget(
  formId: string,
  attributes: Record<string, string> = {},
  properties: Partial<Pick<Widget, 'prefill'>> = {},
): Promise<Widget> {
  const widget = await mountFirstStep(`/build/forms/${formId}/`, attributes, properties);
  await afterFirstStep(widget, formId);
  return widget;
}

/**
 * A page as a host writes it (one main landmark with a level-one heading) with a widget for the package at `form`,
 * on a clean device; resolves once its first step is on screen, before any sign of the user's intent.
 */
export async function mountFirstStep(
  form: string,
  attributes: Record<string, string> = {},
  properties: Partial<Pick<Widget, 'prefill'>> = {},
): Promise<Widget> {
  document.body.replaceChildren();
  // Each test starts on a clean device: no draft from an earlier test is restored (test/ui/drafts-*.ts mount their own way).
  sessionStorage.clear();
  localStorage.clear();
  const main = document.createElement('main');
  const title = document.createElement('h1');
  title.textContent = 'klarskjema';
  main.append(title);
  const widget = document.createElement('klar-skjema');
  // Properties first: a host sets prefill before the form loads.
  Object.assign(widget, properties);
  widget.setAttribute('form', form);
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  main.append(widget);
  document.body.append(main);
  await until(
    () => widget.status === 'ready' && widget.shadowRoot?.querySelector('#ks-heading') !== null,
    `the form ${form} to load`,
  );
  return widget;
}

/**
 * What loads after the first step, on the user's first focus, press or key in the widget (docs/decisions/0040):
 * the late chunk (attachments, groups, read aloud, the review page), the rest of the package (decision 0038) and
 * its whole-submission check (submission.js, for Send). A test shows that intent as a user would (a press that
 * moves no focus) and starts once all are here, so that what it finds does not depend on how busy the machine is.
 */
export async function afterFirstStep(widget: Widget, formId: string): Promise<void> {
  showIntent(widget);
  await loadLate();
  await import(/* @vite-ignore */ `/build/forms/${formId}/submission.js`);
  // The rest of the package (the other steps' validators and texts, decision 0038): the help under a step is
  // drawn once it is here. A view with no step (a draft offered, the review page) had it before it was drawn.
  await until(
    () => root(widget).querySelector('.step-help') !== null || root(widget).querySelector('form.step') === null,
    `the rest of the form package ${formId}`,
  );
  await settle(widget);
}

/** The user's first sign of intent in the widget, as the widget hears it: a pointer pressed, no focus moved. */
export function showIntent(widget: Widget): void {
  widget.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
}

/**
 * How long `until` waits before it gives up with a message naming what never came. Only a guard against
 * hanging: no test relies on anything happening within it, so it is generous for a loaded 2-core machine
 * (below the per-test timeout in web-test-runner.config.mjs, so the message is the one seen).
 */
export const UNTIL_MS = 60_000;

/** Waits for the event that matters (polled): never for a fixed time. */
export async function until(condition: () => boolean, what: string, timeoutMs = UNTIL_MS): Promise<void> {
  await eventually(async () => condition(), what, timeoutMs);
}

/** `until` for a condition that must be fetched (a server's state). */
export async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = UNTIL_MS): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const root = (widget: Widget): ShadowRoot => widget.shadowRoot!;

export function byId<T extends HTMLElement = HTMLElement>(widget: Widget, id: string): T {
  const element = root(widget).getElementById(id);
  if (!element) throw new Error(`No element #${id} in the widget`);
  return element as T;
}

/** Every live region in the widget (one polite, one assertive: components/klar-skjema/focus.ts). */
export const liveRegions = (widget: Widget): HTMLElement[] => [
  ...root(widget).querySelectorAll<HTMLElement>('[aria-live], [role=status], [role=alert], [role=log]'),
];

/** What the widget's live regions say now (both, polite first). */
export const liveText = (widget: Widget): string =>
  liveRegions(widget)
    .map((e) => e.textContent ?? '')
    .join(' ');

export const activeId = (widget: Widget): string => (root(widget).activeElement as HTMLElement | null)?.id ?? '';
export const activeElement = (widget: Widget): HTMLElement | null => root(widget).activeElement as HTMLElement | null;

export async function settle(widget: Widget): Promise<void> {
  await widget.updateComplete;
  // Focus moves right after the paint (components/klar-skjema/focus.ts): a message posted after the widget's.
  await new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(undefined);
      channel.port2.postMessage(null);
    }),
  );
  await widget.updateComplete;
}

/**
 * Writes the pending draft now, as when the page is hidden (components/drafts/drafts.ts), and waits until the save
 * status under the step tells it. A test that measures the layout calls it first: otherwise whether that line is
 * there depends on whether the debounced save (src/drafts/autosave.ts) found the browser idle in between.
 */
export async function saveNow(widget: Widget): Promise<void> {
  dispatchEvent(new Event('pagehide'));
  await settle(widget);
  const told = () => (root(widget).querySelector('.draft-status')?.textContent ?? 'no save status here') !== '';
  await until(told, 'the save to be told');
}

function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function click(element: HTMLElement): void {
  element.click();
}

/** Gives an answer through the field's own controls. `path` is the answer path, e.g. /barn/0/barn-navn. */
export async function fill(widget: Widget, field: FieldDefinition, path: string, value: unknown): Promise<void> {
  const id = domId(path);
  switch (field.kind) {
    case 'radio':
    case 'yesno': {
      const inputs = [...root(widget).querySelectorAll<HTMLInputElement>(`input[name="${id}"]`)];
      const target = inputs.find((input) => input.value === String(value));
      if (!target) throw new Error(`No option ${String(value)} for ${path}`);
      click(target);
      break;
    }
    case 'checkboxes': {
      for (const input of root(widget).querySelectorAll<HTMLInputElement>(`input[name="${id}"]`)) {
        if (input.checked !== (value as string[]).includes(input.value)) click(input);
        await settle(widget);
      }
      break;
    }
    case 'select': {
      const select = byId<HTMLSelectElement>(widget, id);
      select.value = String(value);
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      break;
    }
    case 'consent':
      if (byId<HTMLInputElement>(widget, id).checked !== value) click(byId(widget, id));
      break;
    case 'address': {
      for (const [part, text] of Object.entries(value as Record<string, string>)) {
        type(byId(widget, domId(path, part)), text);
        await settle(widget);
      }
      break;
    }
    case 'attachments': {
      for (const [document, status] of Object.entries(value as Record<string, string>)) {
        const choice = root(widget).querySelector<HTMLInputElement>(
          `input[name="${domId(`${path}/${document}`)}"][value="${status}"]`,
        );
        if (!choice) throw new Error(`No document choice ${document}=${status}`);
        click(choice);
        await settle(widget);
        const id = domId(`${path}/${document}`);
        if (status === 'uploaded') {
          // A phone photo, as an applicant would send it.
          const files = new DataTransfer();
          files.items.add(
            new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], `${document}.jpg`, { type: 'image/jpeg' }),
          );
          const input = byId<HTMLInputElement>(widget, `${id}-files-input`);
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        }
        if (status === 'missing') type(byId(widget, `${id}-reason`), 'Banken har ikke sendt den ennå.');
        await settle(widget);
      }
      break;
    }
    case 'group': {
      const items = value as Array<Record<string, unknown>>;
      for (const [index, item] of items.entries()) {
        click(byId(widget, domId(path)));
        await settle(widget);
        for (const [childId, childValue] of Object.entries(item)) {
          const child = field.fields!.find((f) => f.id === childId)!;
          await fill(widget, child, `${path}/${index}/${childId}`, childValue);
        }
      }
      break;
    }
    default:
      type(byId(widget, id), String(value));
  }
  await settle(widget);
}

export async function next(widget: Widget): Promise<void> {
  click(root(widget).querySelector<HTMLButtonElement>('button[type=submit]')!);
  await settle(widget);
}

const findButton = (widget: Widget, text: string): HTMLButtonElement | undefined =>
  [...root(widget).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);

/**
 * Clicks the button once it is there: some come with the late chunk (Send on the review page, the drafts'
 * choices), which may still be loading on a busy machine.
 */
export async function clickButton(widget: Widget, text: string): Promise<void> {
  await until(() => findButton(widget, text) !== undefined, `the button "${text}"`);
  click(findButton(widget, text)!);
  await settle(widget);
}

export const headingText = (widget: Widget): string =>
  root(widget).querySelector('#ks-heading')?.textContent?.trim() ?? '';

export async function definitionOf(formId: string): Promise<FormDefinition> {
  return (await (await fetch(`/build/forms/${formId}/form.json`)).json()) as FormDefinition;
}

export { fullAnswers };

/** fullAnswers with some steps answered otherwise. */
const withSteps = (
  formId: string,
  steps: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> => ({ ...fullAnswers[formId], ...steps });

/**
 * Answers for questions and documents that cannot appear together with fullAnswers' (owning a home
 * excludes renting one; a meeting excludes a job application): each set names what it shows.
 */
export const otherAnswers: Record<
  string,
  Array<{ shows: string[]; answers: Record<string, Record<string, unknown>> }>
> = {
  sosialhjelp: [
    {
      shows: ['har-boliglan', 'boliglan-renter', 'boliglan-avdrag', 'kommunale-avgifter', 'boliglan'],
      answers: withSteps('sosialhjelp', {
        bosituasjon: { bosituasjon: 'eier', 'antall-personer': '2' },
        'utgifter-og-gjeld': {
          'har-boliglan': 'true',
          'boliglan-renter': '4 000',
          'boliglan-avdrag': '3 000',
          'kommunale-avgifter': '900',
          'betaler-strom': 'false',
          barneutgifter: ['ingen'],
          'har-gjeld': 'false',
        },
        vedlegg: { dokumenter: { boliglan: 'uploaded' } },
      }),
    },
    {
      shows: ['bosituasjon-annet'],
      answers: withSteps('sosialhjelp', {
        bosituasjon: { bosituasjon: 'annet', 'bosituasjon-annet': 'Jeg bor på hybel', 'antall-personer': '0' },
      }),
    },
    { shows: ['uten-bolig-info'], answers: withSteps('sosialhjelp', { bosituasjon: { bosituasjon: 'uten-bolig' } }) },
    {
      shows: ['delt-bosted'],
      answers: withSteps('sosialhjelp', {
        familie: {
          ...fullAnswers.sosialhjelp!.familie,
          barn: [{ 'barn-navn': 'Bo', 'barn-fodt': '17.05.2015', 'barn-bor-hos-deg': 'true', 'delt-bosted': 'true' }],
        },
      }),
    },
  ],
  aktivitet: [
    {
      shows: ['arbeidsgiver', 'stilling', 'soknadsfrist'],
      answers: withSteps('aktivitet', {
        'om-aktiviteten': { type: 'jobbsoking', tittel: 'Søke jobb som kokk' },
        detaljer: { arbeidsgiver: 'Hotell Norge', stilling: 'Kokk', soknadsfrist: '01.04.2026' },
      }),
    },
    {
      shows: ['laerested'],
      answers: withSteps('aktivitet', {
        'om-aktiviteten': { type: 'kurs', tittel: 'Norskkurs' },
        detaljer: { laerested: 'Oslo voksenopplæring' },
      }),
    },
    {
      shows: ['behandlingssted'],
      answers: withSteps('aktivitet', {
        'om-aktiviteten': { type: 'behandling', tittel: 'Fysioterapi' },
        detaljer: { behandlingssted: 'Legesenteret' },
      }),
    },
  ],
};

/** The answers, step by step, under which a question or document (by id) appears. */
export const answersFor = (formId: string, id: string): Record<string, Record<string, unknown>> =>
  otherAnswers[formId]?.find((set) => set.shows.includes(id))?.answers ?? fullAnswers[formId] ?? {};

/** Fills every relevant field of the current step with the answers given for it. */
export async function fillStep(
  widget: Widget,
  definition: FormDefinition,
  answers: Record<string, unknown>,
): Promise<void> {
  const stepId = widget.snapshot!.context.step;
  const step = definition.steps.find((s) => s.id === stepId)!;
  for (const field of step.fields) {
    if (!(field.id in answers)) continue;
    if (!widget.snapshot!.context.relevance.fields.includes(field.id)) continue;
    await fill(widget, field, `/${field.id}`, answers[field.id]);
  }
}

/** Whether a field's controls are on screen (a group item's question shows only when its condition holds). */
const onScreen = (widget: Widget, field: FieldDefinition, path: string): boolean =>
  root(widget).getElementById(controlId(path, field.kind)) !== null ||
  root(widget).querySelector(`[name="${domId(path)}"]`) !== null;

/**
 * Fills the current step from answers for any form (hand-written or test/helpers/generated-answers.ts):
 * only the questions the form shows, in order, so a follow-up question is answered once it appears; a
 * group's item questions only where they are on screen; only the documents the answers ask for.
 */
export async function fillShown(
  widget: Widget,
  definition: FormDefinition,
  answers: Record<string, unknown>,
): Promise<void> {
  const step = definition.steps.find((s) => s.id === widget.snapshot!.context.step)!;
  for (const field of step.fields) {
    const value = answers[field.id];
    if (value === undefined || !widget.snapshot!.context.relevance.fields.includes(field.id)) continue;
    if (field.kind === 'attachments') {
      const asked = widget.snapshot!.context.relevance.attachments;
      const documents = Object.entries(value as Record<string, unknown>).filter(([id]) => asked.includes(id));
      await fill(widget, field, `/${field.id}`, Object.fromEntries(documents));
    } else if (field.kind === 'group') {
      for (const [index, item] of (value as Array<Record<string, unknown>>).entries()) {
        click(byId(widget, domId(`/${field.id}`)));
        await settle(widget);
        for (const child of field.fields ?? []) {
          const path = `/${field.id}/${index}/${child.id}`;
          if (item[child.id] !== undefined && onScreen(widget, child, path))
            await fill(widget, child, path, item[child.id]);
        }
      }
    } else await fill(widget, field, `/${field.id}`, value);
  }
}

/** The forms in the forms folder, as the build lists them (build/forms/index.json): no list by hand. */
export async function formIds(): Promise<string[]> {
  const index = (await (await fetch('/build/forms/index.json')).json()) as Array<{ id: string }>;
  return index.map((entry) => entry.id);
}

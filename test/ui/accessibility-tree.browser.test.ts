// What a screen reader gets (issue 19), read from Chromium's own accessibility tree (the `ax-tree` server
// command, test/browser/ax-tree-plugin.mjs), on every step of every example form, in nb, ar and nb plain: empty,
// with errors, partly answered with errors (two list items, documents with two uploads and two "I don't have
// it" without files or reasons), answered, and on the review page and the receipt. On every screen:
// - no control, heading or group has an empty name;
// - no two text boxes, selects or buttons have the same name (a list of the form's controls shows names
//   only), and no two options (radios, checkboxes), links or disclosures have the same role and name in the
//   same named groups and regions (a screen reader says the group as focus enters it: «Har du barn?, gruppe,
//   Ja, radioknapp»; the review page's change links in the list of what is missing go where the answers' own
//   do; the glossary explains a word once per question), so every control can be told apart;
// - every radio is in a named group;
// - every invalid control is described by its error: its own description, or its named group's (as a
//   fieldset's), holds a message of the error summary.
// axe (test/ui/axe.browser.test.ts) cannot see these: it checks one element at a time.
import { executeServerCommand } from '@web/test-runner-commands';
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import { domId } from '../../components/fields/field-host.ts';
import { assert, equal } from '../browser/assert.ts';
import {
  byId,
  definitionOf,
  fill,
  fillStep,
  fullAnswers,
  mountWidget,
  next,
  otherAnswers,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

interface AxNode {
  id: string;
  parent: string | null;
  role: string;
  name: string;
  description: string;
  invalid: boolean;
  ignored: boolean;
}

/** What a user operates: each must have a name, and be told apart from the rest. */
const CONTROLS = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'button',
  'link',
  'spinbutton',
  'slider',
  'switch',
  'DisclosureTriangle',
]);
/** Named by what they hold; an empty one says nothing as focus enters it. */
const NAMED = new Set(['heading', 'radiogroup', 'img', 'MenuListOption', 'option']);
/**
 * What a screen reader says as focus enters it: a fieldset or group, and a named region (the review page's
 * sections and its list of what is missing, whose change links go where the answers' own do).
 */
const GROUPS = new Set(['group', 'radiogroup', 'region']);
/** Told apart by their own name alone. */
const OWN_NAME = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'button']);

const normal = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The faults on the screen now, each in words naming the node. */
async function faultsOnScreen(widget: Widget): Promise<string[]> {
  await settle(widget);
  const nodes = await executeServerCommand<AxNode[], { selector: string }>('ax-tree', { selector: 'klar-skjema' });
  const byNodeId = new Map(nodes.map((node) => [node.id, node]));
  const groupsOf = (node: AxNode): AxNode[] => {
    const groups: AxNode[] = [];
    for (let up = byNodeId.get(node.parent ?? ''); up; up = byNodeId.get(up.parent ?? ''))
      if (!up.ignored && GROUPS.has(up.role) && up.name) groups.push(up);
    return groups;
  };
  const messages = [...root(widget).querySelectorAll('.error-summary a')].map((a) => normal(a.textContent));
  const faults: string[] = [];
  const seen = new Map<string, AxNode>();
  for (const node of nodes) {
    if (node.ignored) continue;
    const what = `${node.role} «${node.name}»`;
    if ((CONTROLS.has(node.role) || NAMED.has(node.role)) && !node.name) {
      faults.push(
        `a ${node.role} without a name (under ${
          groupsOf(node)
            .map((g) => `«${g.name}»`)
            .join(' ') || 'no group'
        })`,
      );
      continue;
    }
    if (!CONTROLS.has(node.role)) continue;
    const groups = groupsOf(node);
    const key = [node.role, node.name, ...(OWN_NAME.has(node.role) ? [] : groups.map((g) => g.name))].join(' › ');
    if (seen.has(key)) faults.push(`two controls are ${key}`);
    seen.set(key, node);
    if (node.role === 'radio' && groups.length === 0) faults.push(`${what} is in no named group`);
    if (node.invalid) {
      const descriptions = [node, ...groups].map((n) => normal(n.description));
      if (!messages.some((message) => descriptions.some((d) => d.includes(message))))
        faults.push(`${what} is invalid but not described by its error (${JSON.stringify(descriptions)})`);
    }
  }
  const links = messages.filter((message, i) => messages.indexOf(message) !== i);
  if (links.length > 0) faults.push(`the error summary has the same link twice: ${JSON.stringify(links)}`);
  return faults;
}

/** Two of every list's items: the first whole, the second named only (its other questions open). */
function twoItems(field: FieldDefinition, items: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const first = items[0] ?? {};
  const name = field.fields?.find((child) => child.kind === 'text')?.id;
  return [first, name ? { [name]: 'Ada' } : {}];
}

const DOCUMENT_PLAN = ['uploaded', 'missing', 'uploaded', 'missing'];

/** Chooses a status for every relevant document (two uploads, two "I don't have it", the rest later), nothing more. */
async function chooseDocuments(widget: Widget, field: FieldDefinition): Promise<Record<string, string>> {
  const plan: Record<string, string> = {};
  for (const [i, document] of widget.snapshot!.context.relevance.attachments.entries()) {
    const status = DOCUMENT_PLAN[i] ?? 'later';
    plan[document] = status;
    root(widget)
      .querySelector<HTMLInputElement>(`input[name="${domId(`/${field.id}/${document}`)}"][value="${status}"]`)!
      .click();
    await settle(widget);
  }
  return plan;
}

async function completeDocuments(widget: Widget, field: FieldDefinition, plan: Record<string, string>): Promise<void> {
  for (const [document, status] of Object.entries(plan)) {
    const id = domId(`/${field.id}/${document}`);
    if (status === 'uploaded') {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], `${document}.jpg`, { type: 'image/jpeg' }));
      const input = byId<HTMLInputElement>(widget, `${id}-files-input`);
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    if (status === 'missing') {
      const reason = byId<HTMLTextAreaElement>(widget, `${id}-reason`);
      reason.value = 'Banken har ikke sendt den ennå.';
      reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await settle(widget);
  }
}

/** Clicks the step's secondary action (Back), whatever the language. */
async function back(widget: Widget): Promise<void> {
  root(widget)
    .querySelector<HTMLButtonElement>('.step .actions .button--secondary, .review .actions .button--secondary')!
    .click();
  await settle(widget);
}

/**
 * Walks a form with the given answers; `check` is called on each screen. Steps in `only` (all when absent) are
 * checked; the others are only answered.
 */
async function walk(
  definition: FormDefinition,
  widget: Widget,
  answers: Record<string, Record<string, unknown>>,
  check: (moment: string) => Promise<void>,
  only?: Set<string>,
): Promise<void> {
  for (let guard = 0; guard < 20 && widget.snapshot!.value === 'filling'; guard++) {
    const stepId = widget.snapshot!.context.step;
    const step = definition.steps.find((s) => s.id === stepId)!;
    const checking = !only || only.has(stepId);
    const given = answers[stepId] ?? {};
    if (checking) {
      await check(`${stepId}, empty`);
      await next(widget);
      if (widget.snapshot!.context.errors.length > 0) await check(`${stepId}, with errors`);
      else await back(widget);
      equal(widget.snapshot!.context.step, stepId);
    }
    // Partly answered: lists get a second item with only a name, documents a status without files or reason.
    const partly: Record<string, unknown> = { ...given };
    const groups = step.fields.filter((f) => f.kind === 'group' && Array.isArray(given[f.id]));
    for (const group of groups) partly[group.id] = twoItems(group, given[group.id] as Array<Record<string, unknown>>);
    const documents = step.fields.find((f) => f.kind === 'attachments');
    if (documents) delete partly[documents.id];
    await fillStep(widget, definition, partly);
    const plan = documents ? await chooseDocuments(widget, documents) : {};
    if (checking && (groups.length > 0 || documents)) {
      await next(widget);
      assert(widget.snapshot!.context.errors.length > 0, `${stepId}: the half-answered step has errors`);
      await check(`${stepId}, partly answered, with errors`);
    }
    // Then whole: the second item as the first, the documents' files and reasons.
    for (const group of groups) {
      // In the order a user answers, so that what an answer opens is there when its turn comes.
      const first = (given[group.id] as Array<Record<string, unknown>>)[0] ?? {};
      for (const [childId, value] of Object.entries(first)) {
        const child = group.fields?.find((f) => f.id === childId);
        if (child && child.kind !== 'text') await fill(widget, child, `/${group.id}/1/${childId}`, value);
      }
    }
    if (documents) await completeDocuments(widget, documents, plan);
    if (checking) await check(`${stepId}, answered`);
    await next(widget);
    equal(
      widget.snapshot!.context.errors.length,
      0,
      `no errors after answering ${stepId}: ${JSON.stringify(widget.snapshot!.context.errors.map((e) => e.path))}`,
    );
  }
  equal(widget.snapshot!.value, 'review');
}

const LANGUAGES: Array<{ name: string; attributes: Record<string, string> }> = [
  { name: 'nb', attributes: {} },
  { name: 'ar', attributes: { lang: 'ar' } },
  { name: 'fa', attributes: { lang: 'fa' } },
  { name: 'lt', attributes: { lang: 'lt' } },
  { name: 'nb plain', attributes: { variant: 'plain' } },
];

for (const formId of ['kontakt', 'stotte', 'sosialhjelp', 'aktivitet']) {
  describe(`the accessibility tree of "${formId}"`, () => {
    for (const language of LANGUAGES) {
      it(`names every control once, every radio's group and every error, in ${language.name}`, async () => {
        const definition = await definitionOf(formId);
        const faults: string[] = [];
        const seen: string[] = [];
        const check = async (widget: Widget, moment: string) => {
          seen.push(moment);
          for (const fault of await faultsOnScreen(widget)) faults.push(`${moment}: ${fault}`);
        };
        let widget = await mountWidget(formId, language.attributes);
        await walk(definition, widget, fullAnswers[formId]!, (moment) => check(widget, moment));
        // The review page is whole once the late chunk is there (its Send button with it).
        const send = () =>
          root(widget).querySelector<HTMLButtonElement>('.review .actions .button:not(.button--secondary)');
        await until(() => send() !== null, 'the review page');
        await check(widget, 'review');
        widget.addEventListener('klar-submit', (event) => event.respondWith(Promise.resolve({ reference: 'KS-19' })), {
          once: true,
        });
        send()!.click();
        await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
        await check(widget, 'receipt');
        // Questions that only other answers open, on the steps where they differ.
        for (const set of otherAnswers[formId] ?? []) {
          const differ = new Set(
            Object.keys(set.answers).filter(
              (step) => JSON.stringify(set.answers[step]) !== JSON.stringify(fullAnswers[formId]![step]),
            ),
          );
          widget = await mountWidget(formId, language.attributes);
          await walk(
            definition,
            widget,
            set.answers,
            (moment) => check(widget, `${set.shows.join('+')}: ${moment}`),
            differ,
          );
        }
        for (const step of definition.steps) assert(seen.includes(`${step.id}, empty`), `step ${step.id} was checked`);
        assert(
          seen.some((moment) => moment.endsWith('with errors')),
          'an error state was checked',
        );
        equal(faults.length, 0, `what a screen reader would get wrong:\n${faults.join('\n')}`);
      });
    }
  });
}

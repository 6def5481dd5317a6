// The field contract: every field of every example form keeps the same accessibility and behaviour
// promises (docs/design.md principle 6). Cases are generated from the built definitions
// (/build/forms/<id>/form.json), never listed by hand, so a new field is tested as soon as it exists.
// For each field the widget is driven to the step that holds it (earlier steps filled with fullAnswers,
// the field made relevant the same way), and then checked for:
//   - label association (label[for] / fieldset+legend), hint and error in aria-describedby;
//   - aria-invalid after a failed Continue, and not after the answer is corrected;
//   - the required state (and "(valgfritt)" on optional questions);
//   - the error summary link moving focus to the field's first control;
//   - a value round trip: control → parsed answer in the machine → next step and Back → control shows it;
//   - "I don't know / I need help with this" where the definition offers it;
// plus the behaviour of groups (add/remove with focus and announcements), attachments and guidance, and
// the review page's change links (each must focus its field's first control, like the summary links).
import { domId } from '../../components/fields/field-host.ts';
import type { FieldDefinition, FieldKind, FormDefinition, StepDefinition } from '../../src/definition/types.ts';
import { assert, deepEqual, equal, match, notMatch } from '../browser/assert.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import {
  activeElement,
  activeId,
  answersFor,
  byId,
  clickButton,
  definitionOf,
  fill,
  fillShown,
  fillStep,
  formIds,
  fullAnswers,
  mountWidget,
  next,
  otherAnswers,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

// The runner gives each test file two minutes, so the long forms run in files of their own
// (contract-*.browser.test.ts set the list and import this file). Every other form in the forms folder
// runs here, found by reading it (build/forms/index.json): a new form is tested without a code change.
const LONG_FORMS = ['sosialhjelp', 'aktivitet'];
const FORMS =
  (globalThis as { klarContractForms?: string[] }).klarContractForms ??
  (await formIds()).filter((id) => !LONG_FORMS.includes(id));
/**
 * The answers that make the case's field appear: fullAnswers, or the set in otherAnswers that shows it; for
 * a form without hand-written answers, answers made from its definition.
 */
const answersOf = (c: { formId: string; field: FieldDefinition; definition: FormDefinition }) =>
  fullAnswers[c.formId] ? answersFor(c.formId, c.field.id) : generatedAnswers(c.definition);
/** fillStep for hand-written answers; fillShown (only what is on screen) for made ones. */
const fillFor = (formId: string) => (fullAnswers[formId] ? fillStep : fillShown);

// ---- Texts: the built locale holds the form's namespace and the widget's ----

type TextTree = { [key: string]: string | TextTree };
const textsByForm = new Map<string, TextTree>();

function lookup(tree: TextTree, dotted: string): string | undefined {
  let node: string | TextTree | undefined = tree;
  for (const key of dotted.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[key];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A text by "namespace:dotted.key", with {{params}} filled in; fails if the text does not exist. */
function text(formId: string, key: string, params: Record<string, string | number> = {}): string {
  const [namespace, dotted] = key.split(':') as [string, string];
  const found = lookup(textsByForm.get(formId)![namespace] as TextTree, dotted);
  if (found === undefined) throw new Error(`no text ${key} in the ${formId} package`);
  return found.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Groups whose items carry ids: those a document is asked for per item (decision 0021). */
const perItemGroups = (definition: FormDefinition): Set<string> =>
  new Set((definition.attachments ?? []).flatMap((d) => (d.forEach ? [d.forEach] : [])));

function optionalText(formId: string, key: string): string | undefined {
  const [namespace, dotted] = key.split(':') as [string, string];
  return lookup(textsByForm.get(formId)![namespace] as TextTree, dotted);
}

const normal = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();
const tokens = (element: Element, attribute = 'aria-describedby'): string[] =>
  (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
/** An error text must be words for the user, never an i18n key that was not found. */
const RAW_KEY = /\b(errors|fields|attachments|widget)[.:][a-z]/i;

// ---- Cases ----

interface Case {
  formId: string;
  definition: FormDefinition;
  step: StepDefinition;
  field: FieldDefinition;
  /** The group, for a group's item field (tested in the group's first item). */
  group?: FieldDefinition;
  /** Answer path: /navn, or /barn/0/barn-navn. */
  path: string;
}

function casesOf(formId: string, definition: FormDefinition): Case[] {
  const cases: Case[] = [];
  for (const step of definition.steps) {
    for (const field of step.fields) {
      cases.push({ formId, definition, step, field, path: `/${field.id}` });
      for (const child of field.fields ?? [])
        cases.push({ formId, definition, step, field: child, group: field, path: `/${field.id}/0/${child.id}` });
    }
  }
  return cases;
}

/**
 * The cases a form is tested with. A long form (the real sosialhjelp application: about 70 fields)
 * would take many minutes field by field, and its fields are of the kinds the other forms test one by
 * one, so it is tested with the first field of each kind, required, unsure, conditional and
 * group-item combination, in form order; its every step still gets axe, layout and review-link runs.
 */
function contractCases(formId: string, definition: FormDefinition): Case[] {
  const all = casesOf(formId, definition);
  if (all.length <= 40) return all;
  const seen = new Set<string>();
  return all.filter((c) => {
    const signature = [
      c.field.kind,
      c.field.required === true,
      c.field.unsure === true,
      c.field.when !== undefined,
      c.group !== undefined,
    ].join('|');
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

const SINGLE_KINDS = new Set<FieldKind>([
  'text',
  'textarea',
  'integer',
  'amount',
  'date',
  'select',
  'phone',
  'email',
  'account-number',
  'national-id',
  'organisation-number',
]);
const TEXT_INPUT_KINDS = new Set<FieldKind>([
  'text',
  'integer',
  'amount',
  'date',
  'phone',
  'email',
  'account-number',
  'national-id',
  'organisation-number',
]);
const CHOICE_KINDS = new Set<FieldKind>(['radio', 'yesno', 'checkboxes']);
const ADDRESS_PARTS = ['street', 'postcode', 'city'] as const;
/** Kinds the generic contract covers; guidance and attachments have their own tests below. */
const ANSWER_KINDS = new Set<FieldKind>([...SINGLE_KINDS, ...CHOICE_KINDS, 'consent', 'address', 'group']);

// ---- Values: what a user types, and what the machine must store ----

interface Sample {
  input: unknown;
  expected: unknown;
}

/** One valid input per kind, in the form a user types it, and the parsed answer it must give. */
const SAMPLES: Partial<Record<FieldKind, Sample>> = {
  text: { input: 'Kari Nordmann', expected: 'Kari Nordmann' },
  textarea: {
    input: 'Jeg har ikke råd til strøm.\nJeg trenger hjelp denne måneden.',
    expected: 'Jeg har ikke råd til strøm.\nJeg trenger hjelp denne måneden.',
  },
  integer: { input: '3', expected: 3 },
  amount: { input: '1 234,50', expected: 1234.5 },
  date: { input: '17.05.2015', expected: '2015-05-17' },
  phone: { input: '912 34 567', expected: '91234567' },
  email: { input: 'kari@example.no', expected: 'kari@example.no' },
  'account-number': { input: '8601 11 17947', expected: '86011117947' },
  'national-id': { input: '010100 00110', expected: '01010000110' },
  'organisation-number': { input: '974 760 673', expected: '974760673' },
  address: {
    input: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
    expected: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
  },
  consent: { input: true, expected: true },
};

/** A wrong answer per kind where one exists; the widget must reject it on Continue. */
const WRONG: Partial<Record<FieldKind, unknown>> = {
  integer: 'tre',
  amount: 'mye',
  date: '31.02.2020',
  phone: '12',
  email: 'kari@',
  'account-number': '1234 56 78901',
  'national-id': '12345678901',
  'organisation-number': '974 760 674',
  address: { street: 'Storgata 1', postcode: '01', city: 'Oslo' },
};

function enumOf(c: Case, field: FieldDefinition): string[] {
  const properties = c.definition.answers.properties as Record<
    string,
    { enum?: unknown[]; items?: { enum?: unknown[]; properties?: Record<string, { enum?: unknown[] }> } }
  >;
  const schema = c.group ? properties[c.group.id]?.items?.properties?.[field.id] : properties[field.id];
  return (
    (schema?.enum ?? (schema as { items?: { enum?: unknown[] } } | undefined)?.items?.enum ?? []) as unknown[]
  ).filter((v): v is string => typeof v === 'string');
}

/** The answers fullAnswers gives on this step (for an item field: in the group's first item). */
function givenAnswers(c: Case): Record<string, unknown> {
  const step = answersOf(c)[c.step.id] ?? {};
  if (!c.group) return step;
  return (step[c.group.id] as Array<Record<string, unknown>> | undefined)?.[0] ?? {};
}

/** A valid input for a field. Choices use fullAnswers' value where there is one, since choices drive relevance. */
function sampleFor(c: Case, field: FieldDefinition): Sample {
  const given = givenAnswers(c)[field.id];
  switch (field.kind) {
    case 'yesno': {
      const input = given ?? 'true';
      return { input, expected: input === 'true' || input === true };
    }
    case 'radio':
    case 'select': {
      const input = given ?? enumOf(c, field)[0];
      return { input, expected: input };
    }
    case 'checkboxes': {
      const input = given ?? enumOf(c, field).slice(0, 1);
      return { input, expected: input };
    }
    default: {
      const sample = SAMPLES[field.kind];
      if (!sample) throw new Error(`no sample value for the kind ${field.kind}: add one to SAMPLES`);
      return sample;
    }
  }
}

// ---- Driving the widget ----

/** Mounts the form and goes to the case's step, every earlier step answered with fullAnswers. */
async function openStep(c: Case): Promise<Widget> {
  const widget = await mountWidget(c.formId);
  for (let guard = 0; widget.snapshot!.context.step !== c.step.id; guard++) {
    if (guard > c.definition.steps.length || widget.snapshot!.value !== 'filling') {
      throw new Error(
        `the step ${c.step.id} was never reached: make it relevant with fullAnswers in test/ui/driver.ts`,
      );
    }
    const current = widget.snapshot!.context.step;
    await fillFor(c.formId)(widget, c.definition, answersOf(c)[current] ?? {});
    await next(widget);
    deepEqual(widget.snapshot!.context.errors, [], `no errors on ${current} with fullAnswers`);
  }
  return widget;
}

const controlExists = (widget: Widget, path: string): boolean => {
  const id = domId(path);
  return root(widget).querySelector(`[id="${id}"], [name="${id}"], [id="${id}-street"]`) !== null;
};

/** Answers every other relevant question on the step that has no answer yet, so only the case's field can fail. */
async function fillOthers(widget: Widget, c: Case): Promise<void> {
  const given = answersOf(c)[c.step.id] ?? {};
  for (const field of c.step.fields) {
    const context = widget.snapshot!.context;
    if (field === c.field || field.kind === 'guidance' || !context.relevance.fields.includes(field.id)) continue;
    if (field === c.group) {
      if (!Array.isArray(context.answers[field.id]) || (context.answers[field.id] as unknown[]).length === 0) {
        byId(widget, domId(`/${field.id}`)).click();
        await settle(widget);
      }
      const itemGiven = givenAnswers(c);
      for (const child of field.fields ?? []) {
        const path = `/${field.id}/0/${child.id}`;
        const item = (widget.snapshot!.context.answers[field.id] as Array<Record<string, unknown>>)[0]!;
        if (
          child === c.field ||
          child.kind === 'guidance' ||
          item[child.id] !== undefined ||
          !controlExists(widget, path)
        )
          continue;
        await fill(widget, child, path, itemGiven[child.id] ?? sampleFor(c, child).input);
      }
      continue;
    }
    if (context.answers[field.id] !== undefined) continue;
    if (field.id in given) await fill(widget, field, `/${field.id}`, given[field.id]);
    else if (field.required && field.kind !== 'group' && field.kind !== 'attachments')
      await fill(widget, field, `/${field.id}`, sampleFor({ ...c, group: undefined }, field).input);
  }
}

function answerOf(widget: Widget, c: Case): unknown {
  const answers = widget.snapshot!.context.answers;
  if (!c.group) return answers[c.field.id];
  return (answers[c.group.id] as Array<Record<string, unknown>> | undefined)?.[0]?.[c.field.id];
}

/** Empties the field through its control, the way a user would. */
async function clear(widget: Widget, c: Case): Promise<void> {
  const id = domId(c.path);
  if (TEXT_INPUT_KINDS.has(c.field.kind) || c.field.kind === 'textarea') await fill(widget, c.field, c.path, '');
  else if (c.field.kind === 'address') await fill(widget, c.field, c.path, { street: '', postcode: '', city: '' });
  else if (c.field.kind === 'select') await fill(widget, c.field, c.path, '');
  else if (c.field.kind === 'checkboxes') await fill(widget, c.field, c.path, []);
  else if (c.field.kind === 'consent') await fill(widget, c.field, c.path, false);
  equal(answerOf(widget, c), undefined, `${id} is empty`);
}

async function pressContinue(widget: Widget): Promise<{ moved: boolean }> {
  const before = `${String(widget.snapshot!.value)}:${widget.snapshot!.context.step}`;
  await next(widget);
  return { moved: `${String(widget.snapshot!.value)}:${widget.snapshot!.context.step}` !== before };
}

/** Continue passed; go back to the case's step (from the next step or from the review page). */
async function backTo(widget: Widget, c: Case): Promise<void> {
  await clickButton(widget, text(c.formId, 'widget:actions.back'));
  equal(widget.snapshot!.value, 'filling');
  equal(widget.snapshot!.context.step, c.step.id, 'Back returns to the step');
}

// ---- What a field looks like in the DOM ----

/**
 * The first item's title as the user sees it now: named by its answers where the text says so («Barn 1: Bo»),
 * and by the text under the same key with "Empty" while an answer it names is empty (decision 0021).
 */
function expectedItemTitle(widget: Widget, c: Case & { group: FieldDefinition }): string {
  const key = `${c.formId}:fields.${c.group.id}.item`;
  const [namespace, dotted] = key.split(':') as [string, string];
  const raw = lookup(textsByForm.get(c.formId)![namespace] as TextTree, dotted) ?? '';
  const items = widget.snapshot!.context.answers[c.group.id];
  const item = (Array.isArray(items) ? items[0] : undefined) as Record<string, unknown> | undefined;
  const values: Record<string, string | number> = { number: 1 };
  for (const [, id] of raw.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)) {
    if (id === 'number') continue;
    const answer = item?.[id!];
    if (typeof answer !== 'string' || answer === '') return text(c.formId, `${key}Empty`, { number: 1 });
    values[id!] = answer;
  }
  return text(c.formId, key, values);
}

function expectedLabel(widget: Widget, c: Case): string {
  const own = text(c.formId, `${c.formId}:fields.${c.field.id}.label`);
  // An item's question names its item (tested in the first item), before "(valgfritt)".
  const label = c.group ? `${own} (${expectedItemTitle(widget, { ...c, group: c.group })})` : own;
  const optional = !c.field.required && c.field.kind !== 'consent';
  return optional ? `${label} ${text(c.formId, 'widget:optional')}` : label;
}

function expectedHint(c: Case): string | undefined {
  const own = optionalText(c.formId, `${c.formId}:fields.${c.field.id}.hint`);
  if (own !== undefined) return own;
  return c.field.kind === 'date' ? text(c.formId, 'widget:hints.date') : undefined;
}

const optionInputs = (widget: Widget, id: string): HTMLInputElement[] => [
  ...root(widget).querySelectorAll<HTMLInputElement>(`input[name="${id}"]`),
];

/** The element whose aria-describedby carries the hint and the error: the control, or the fieldset. */
function describedElement(widget: Widget, c: Case): HTMLElement {
  const id = domId(c.path);
  switch (c.field.kind) {
    case 'radio':
    case 'yesno':
    case 'checkboxes':
    case 'group':
      return byId(widget, id).closest('fieldset')!;
    case 'address':
      return byId(widget, `${id}-street`).closest('fieldset')!;
    default:
      return byId(widget, id);
  }
}

/** The control a summary link must focus: the first radio, the first address part, the group's add button. */
const firstControlId = (c: Case, part?: string): string =>
  c.field.kind === 'address' ? domId(c.path, part ?? 'street') : domId(c.path);

function labelTexts(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string[] {
  return [...(control.labels ?? [])].map((label) => normal(label.textContent));
}

// ---- The assertions ----

/**
 * Collects failed checks instead of stopping at the first, so one run reports every broken promise of
 * a field (say, both a missing aria-invalid and a summary link that goes nowhere). Throws them all at the end.
 */
class Checks {
  readonly #problems: string[] = [];
  constructor(readonly what: string) {}
  check(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#problems.push((error as Error).message);
    }
  }
  async checkAsync(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.#problems.push((error as Error).message);
    }
  }
  done(): void {
    if (this.#problems.length > 0)
      throw new Error(`${this.what}: ${this.#problems.length} problem(s):\n  - ${this.#problems.join('\n  - ')}`);
  }
}

function assertLabelHintRequired(widget: Widget, c: Case): void {
  const id = domId(c.path);
  const label = expectedLabel(widget, c);
  const kind = c.field.kind;
  if (SINGLE_KINDS.has(kind) || kind === 'consent') {
    const control = byId<HTMLInputElement>(widget, id);
    assert(
      labelTexts(control).includes(label),
      `#${id} is labelled "${label}"; its labels are ${JSON.stringify(labelTexts(control))}`,
    );
    equal(control.required, c.field.required === true, `#${id} required`);
  } else {
    const fieldset = describedElement(widget, c) as HTMLFieldSetElement;
    equal(fieldset.tagName, 'FIELDSET', `${c.field.id} is a fieldset`);
    equal(normal(fieldset.querySelector(':scope > legend')?.textContent), label, `the legend of ${c.field.id}`);
    if (CHOICE_KINDS.has(kind)) {
      const inputs = optionInputs(widget, id);
      const options =
        kind === 'yesno'
          ? [text(c.formId, 'widget:yes'), text(c.formId, 'widget:no')]
          : enumOf(c, c.field).map((value) => text(c.formId, `${c.formId}:fields.${c.field.id}.options.${value}`));
      equal(inputs.length, options.length, `${c.field.id} has one input per option`);
      inputs.forEach((input, i) => {
        equal(input.type, kind === 'checkboxes' ? 'checkbox' : 'radio');
        assert(fieldset.contains(input), `option ${input.id} is inside the fieldset`);
        assert(root(widget).querySelector(`label[for="${input.id}"]`) !== null, `option ${input.id} has a <label for>`);
        deepEqual(labelTexts(input), [options[i]!], `the label of option ${input.id}`);
        // HTML `required` on a checkbox means "this box must be ticked", so a "choose at least one"
        // group cannot carry it; the legend without "(valgfritt)" and the error message say it instead.
        if (kind !== 'checkboxes') equal(input.required, c.field.required === true, `radio ${input.id} required`);
        else equal(input.required, false, `checkbox ${input.id} has no required attribute`);
      });
    }
    if (kind === 'address') {
      for (const part of ADDRESS_PARTS) {
        const input = byId<HTMLInputElement>(widget, `${id}-${part}`);
        const partLabel =
          optionalText(c.formId, `${c.formId}:fields.${c.field.id}.parts.${part}`) ??
          text(c.formId, `widget:address.${part}`);
        deepEqual(labelTexts(input), [partLabel], `the label of ${input.id}`);
        assert(fieldset.contains(input), `${input.id} is inside the address fieldset`);
        equal(input.required, c.field.required === true, `${input.id} required`);
      }
    }
    // A group's control is its add button: a button has no required state, the legend says it.
  }
  if (c.field.kind !== 'consent') {
    if (c.field.required) notMatch(label, /\(valgfritt\)$/, 'a required question is not marked optional');
    else match(label, /\(valgfritt\)$/, 'an optional question says so');
  }
  const described = describedElement(widget, c);
  const hint = expectedHint(c);
  if (hint !== undefined) {
    assert(
      tokens(described).includes(`${id}-hint`),
      `aria-describedby of ${c.field.id} (${JSON.stringify(tokens(described))}) holds ${id}-hint`,
    );
    equal(normal(byId(widget, `${id}-hint`).textContent), normal(hint), 'the hint text');
  } else {
    assert(
      !tokens(described).some((t) => t.endsWith('-hint')),
      `${c.field.id} has no hint, and aria-describedby names none`,
    );
  }
  assert(!tokens(described).some((t) => t.endsWith('-error')), `${c.field.id} names no error before Continue`);
}

/** After a failed Continue: the error is on the field, in its description, in the summary, and the link works. */
async function assertInvalid(widget: Widget, c: Case, what: string, part?: string): Promise<void> {
  const id = domId(c.path);
  const errorId = `${id}-error`;
  const error = widget.snapshot!.context.errors.find((e) => e.path === c.path);
  assert(
    error,
    `${what}: the machine has an error at ${c.path}; it has ${JSON.stringify(widget.snapshot!.context.errors.map((e) => e.path))}`,
  );
  const checks = new Checks(what);
  checks.check(() =>
    assert(
      activeElement(widget)?.classList.contains('error-summary'),
      `focus is on the error summary, not #${activeId(widget)}`,
    ),
  );
  const message = root(widget).getElementById(errorId);
  assert(message, `${what}: an inline error #${errorId}`);
  checks.check(() =>
    notMatch(
      normal(message.textContent),
      RAW_KEY,
      `the inline error is words: ${JSON.stringify(normal(message.textContent))}`,
    ),
  );
  const described = describedElement(widget, c);
  checks.check(() =>
    assert(
      tokens(described).includes(errorId),
      `aria-describedby of ${c.field.id} (${JSON.stringify(tokens(described))}) holds ${errorId}`,
    ),
  );

  const kind = c.field.kind;
  if (SINGLE_KINDS.has(kind) || kind === 'consent') {
    checks.check(() => equal(byId(widget, id).getAttribute('aria-invalid'), 'true', `aria-invalid on #${id}`));
  } else if (CHOICE_KINDS.has(kind)) {
    for (const input of optionInputs(widget, id))
      checks.check(() => equal(input.getAttribute('aria-invalid'), 'true', `aria-invalid on option #${input.id}`));
  } else if (kind === 'address') {
    for (const name of ADDRESS_PARTS) {
      const input = byId(widget, `${id}-${name}`);
      const wrong = part === undefined || part === name;
      checks.check(() =>
        equal(input.getAttribute('aria-invalid'), wrong ? 'true' : 'false', `aria-invalid on #${input.id}`),
      );
      if (wrong) checks.check(() => assert(tokens(input).includes(errorId), `#${input.id} is described by the error`));
    }
  } else if (kind === 'group') {
    // The group's control is its add button; a button has no invalid state, so the error describes it.
    checks.check(() => assert(tokens(byId(widget, id)).includes(errorId), 'the add button is described by the error'));
  }

  const target = firstControlId(c, part);
  await checks.checkAsync(async () => {
    const link = root(widget).querySelector<HTMLAnchorElement>(`.error-summary a[href="#${target}"]`);
    const links = [...root(widget).querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    const own = links.find((a) => normal(message.textContent).endsWith(normal(a.textContent)));
    if (!link) {
      // Say where the field's own link goes, and what clicking it does.
      let after = '';
      if (own) {
        own.click();
        await settle(widget);
        after = `; clicking it focuses ${activeId(widget) ? `#${activeId(widget)}` : 'nothing in the widget'}`;
      }
      throw new Error(
        `the error summary links to #${target} (the field's first control); its link for this error is ${JSON.stringify(own?.getAttribute('href') ?? null)}${after}`,
      );
    }
    assert(
      normal(message.textContent).endsWith(normal(link.textContent)),
      'the summary and the inline error say the same',
    );
    link.click();
    await settle(widget);
    equal(activeId(widget), target, 'the summary link focuses the first control');
  });
  checks.done();
}

function assertValid(widget: Widget, c: Case): void {
  const id = domId(c.path);
  const errorId = `${id}-error`;
  equal(root(widget).getElementById(errorId), null, `no inline error #${errorId}`);
  assert(
    !tokens(describedElement(widget, c)).includes(errorId),
    `aria-describedby of ${c.field.id} no longer names the error`,
  );
  const controls: Element[] =
    c.field.kind === 'address'
      ? ADDRESS_PARTS.map((part) => byId(widget, `${id}-${part}`))
      : CHOICE_KINDS.has(c.field.kind)
        ? optionInputs(widget, id)
        : c.field.kind === 'group'
          ? []
          : [byId(widget, id)];
  for (const control of controls) {
    const invalid = control.getAttribute('aria-invalid');
    assert(
      invalid === null || invalid === 'false',
      `#${control.id} has aria-invalid=${JSON.stringify(invalid)} after the answer was corrected`,
    );
  }
}

/** The control shows the answer again after leaving the step and coming back. */
function assertShows(widget: Widget, c: Case, field: FieldDefinition, path: string, sample: Sample): void {
  const id = domId(path);
  if (TEXT_INPUT_KINDS.has(field.kind) || field.kind === 'textarea') {
    // Text inputs show what the user typed (or its formatted form, which these samples are already in).
    equal(byId<HTMLInputElement>(widget, id).value, String(sample.input), `#${id} shows the answer`);
  } else if (field.kind === 'select') {
    const select = byId<HTMLSelectElement>(widget, id);
    equal(select.value, String(sample.input), `#${id} has the option selected`);
    equal(select.selectedOptions[0]?.value, String(sample.input));
  } else if (field.kind === 'radio' || field.kind === 'yesno') {
    deepEqual(
      optionInputs(widget, id)
        .filter((i) => i.checked)
        .map((i) => i.value),
      [String(sample.input)],
      `${id}: the chosen radio is checked`,
    );
  } else if (field.kind === 'checkboxes') {
    deepEqual(
      optionInputs(widget, id)
        .filter((i) => i.checked)
        .map((i) => i.value),
      sample.input,
      `${id}: the chosen boxes are ticked`,
    );
  } else if (field.kind === 'consent') {
    equal(byId<HTMLInputElement>(widget, id).checked, true, `#${id} is ticked`);
  } else if (field.kind === 'address') {
    for (const part of ADDRESS_PARTS)
      equal(
        byId<HTMLInputElement>(widget, `${id}-${part}`).value,
        (sample.input as Record<string, string>)[part],
        `#${id}-${part}`,
      );
  }
}

// ---- The tests ----

await Promise.all(
  FORMS.map(async (formId) => {
    textsByForm.set(formId, (await (await fetch(`/build/forms/${formId}/locales/nb.json`)).json()) as TextTree);
  }),
);
const definitions = new Map(
  await Promise.all(FORMS.map(async (formId) => [formId, await definitionOf(formId)] as const)),
);

if (FORMS.includes('kontakt'))
  describe('field contract: the example forms together have every field kind', () => {
    it('has a case for every kind', () => {
      const kinds = new Set(
        [...definitions].flatMap(([formId, definition]) => casesOf(formId, definition).map((c) => c.field.kind)),
      );
      const all: FieldKind[] = [
        'text',
        'textarea',
        'integer',
        'amount',
        'date',
        'radio',
        'checkboxes',
        'select',
        'yesno',
        'phone',
        'email',
        'account-number',
        'national-id',
        'organisation-number',
        'address',
        'consent',
        'group',
        'attachments',
        'guidance',
      ];
      deepEqual(
        all.filter((kind) => !kinds.has(kind)),
        [],
        'kinds no example form uses',
      );
    });
  });

for (const [formId, definition] of definitions) {
  for (const c of contractCases(formId, definition)) {
    const name = `${formId} ${c.path} (${c.field.kind}${c.field.required ? ', required' : ''}${c.field.when ? ', conditional' : ''})`;

    if (ANSWER_KINDS.has(c.field.kind))
      describe(`field contract: ${name}`, () => {
        it('has its label, hint and required state', async () => {
          const widget = await openStep(c);
          await fillOthers(widget, c);
          assert(controlExists(widget, c.path), `${c.path} is on screen`);
          assertLabelHintRequired(widget, c);
        });

        const wrong = WRONG[c.field.kind];
        if (c.field.required || wrong !== undefined) {
          it('is marked invalid after a failed Continue, and the error summary links to it', async () => {
            const widget = await openStep(c);
            await fillOthers(widget, c);
            if (wrong !== undefined) {
              await fill(widget, c.field, c.path, wrong);
              await fillOthers(widget, c);
              const { moved } = await pressContinue(widget);
              assert(!moved, `Continue stops on the wrong answer ${JSON.stringify(wrong)}`);
              const part =
                c.field.kind === 'address'
                  ? widget.snapshot!.context.errors.find((e) => e.path === c.path)?.part
                  : undefined;
              await assertInvalid(widget, c, `wrong answer ${JSON.stringify(wrong)}`, part);
              if (c.field.required) await clear(widget, c);
            }
            if (c.field.required) {
              const { moved } = await pressContinue(widget);
              assert(!moved, 'Continue stops when the required answer is missing');
              await assertInvalid(widget, c, 'missing answer');
            }
          });
        }

        it('keeps its value: control → parsed answer → next step and Back → control', async () => {
          const widget = await openStep(c);
          await fillOthers(widget, c);
          if (c.field.required || wrong !== undefined) {
            // First a failed Continue, so the correction must also clear the error state.
            if (wrong !== undefined) await fill(widget, c.field, c.path, wrong);
            await fillOthers(widget, c);
            assert(!(await pressContinue(widget)).moved, 'Continue stops first');
            if (wrong !== undefined) await clear(widget, c);
          }
          if (c.field.kind === 'group') {
            // The group's value is its items: add one, answer its questions, expect the parsed item.
            byId(widget, domId(c.path)).click();
            await settle(widget);
            const expected: Record<string, unknown> = {};
            const samples = new Map<FieldDefinition, Sample>();
            for (const child of c.field.fields ?? []) {
              const path = `${c.path}/0/${child.id}`;
              if (child.kind === 'guidance' || !controlExists(widget, path)) continue;
              const sample = sampleFor({ ...c, group: c.field }, child);
              samples.set(child, sample);
              await fill(widget, child, path, sample.input);
              expected[child.id] = sample.expected;
            }
            // An item of a group with documents per item has a stable id beside its answers (decision 0021).
            const held = (widget.snapshot!.context.answers[c.field.id] as Array<Record<string, unknown>>).map(
              ({ _id, ...answers }) => {
                if (perItemGroups(c.definition).has(c.field.id))
                  assert(/^[a-z0-9]{6,32}$/.test(String(_id)), 'an item id');
                else equal(_id, undefined, 'no item id');
                return answers;
              },
            );
            deepEqual(held, [expected], 'the machine holds the parsed item');
            await fillOthers(widget, c);
            assert(
              (await pressContinue(widget)).moved,
              `Continue passes; errors: ${JSON.stringify(widget.snapshot!.context.errors.map((e) => e.path))}`,
            );
            await backTo(widget, c);
            for (const [child, sample] of samples) assertShows(widget, c, child, `${c.path}/0/${child.id}`, sample);
            assertValid(widget, c);
            return;
          }
          const sample = sampleFor(c, c.field);
          await fill(widget, c.field, c.path, sample.input);
          deepEqual(
            answerOf(widget, c),
            sample.expected,
            `the machine holds the parsed answer of ${JSON.stringify(sample.input)}`,
          );
          await fillOthers(widget, c);
          assert(
            (await pressContinue(widget)).moved,
            `Continue passes; errors: ${JSON.stringify(widget.snapshot!.context.errors.map((e) => e.path))}`,
          );
          await backTo(widget, c);
          deepEqual(answerOf(widget, c), sample.expected, 'the answer is kept');
          assertShows(widget, c, c.field, c.path, sample);
          assertValid(widget, c);
        });

        if (c.field.unsure) {
          it('offers "I don\'t know / I need help", which lets Continue pass with the field empty', async () => {
            const widget = await openStep(c);
            await fillOthers(widget, c);
            const id = domId(c.path);
            const box = byId<HTMLInputElement>(widget, `${id}-unsure`);
            equal(box.type, 'checkbox');
            deepEqual(labelTexts(box), [text(formId, 'widget:unsure')], 'the unsure box is labelled');
            // It belongs to its question (issue 19): inside the question's fieldset, or in a group the label names.
            const group = box.closest('fieldset, [role=group]')!;
            assert(group, 'the unsure box is in a group');
            equal(
              normal(
                group.tagName === 'FIELDSET'
                  ? group.querySelector(':scope > legend')?.textContent
                  : root(widget).getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent,
              ),
              normal(byId(widget, id).closest('.field')?.querySelector('legend, label')?.textContent),
              'the group is named by the question',
            );
            assert(!box.checked, 'not ticked to begin with');
            box.click();
            await settle(widget);
            assert(widget.snapshot!.context.unsure.includes(c.field.id), 'the field is in context.unsure');
            equal(answerOf(widget, c), undefined, 'the field is still empty');
            assert(
              (await pressContinue(widget)).moved,
              `Continue passes with ${c.field.id} empty; errors: ${JSON.stringify(widget.snapshot!.context.errors.map((e) => e.path))}`,
            );
            deepEqual(widget.snapshot!.context.errors, []);
          });
        }
      });

    if (c.field.kind === 'group')
      describe(`group behaviour: ${name}`, () => {
        it('moves focus to a new item, asks before removing, and announces both', async () => {
          const widget = await openStep(c);
          await fillOthers(widget, c);
          const group = c.field;
          const addId = domId(c.path);
          const status = () => normal(root(widget).querySelector('[role=status]')?.textContent);
          // A new item is «Barn 1»; once named by its answers (where the form's text says so), «Barn 1: Sara».
          const itemKey = `${formId}:fields.${group.id}.item`;
          const emptyKey = `${itemKey}Empty`;
          const namesAnswers = optionalText(formId, emptyKey) !== undefined;
          const item = text(formId, namesAnswers ? emptyKey : itemKey, { number: 1 });
          const first = group.fields![0]!;
          const firstSample = sampleFor({ ...c, group }, first);
          const named = namesAnswers
            ? text(formId, itemKey, { number: 1, [first.id]: String(firstSample.expected) })
            : item;

          byId(widget, addId).click();
          await settle(widget);
          equal((widget.snapshot!.context.answers[group.id] as unknown[]).length, 1, 'one item');
          equal(activeId(widget), domId(`${c.path}/0/${first.id}`), "focus moves to the new item's first field");
          await until(
            () => status().includes(text(formId, 'widget:group.added', { item })),
            'the new item to be announced',
          );
          await fill(widget, first, `${c.path}/0/${first.id}`, firstSample.input);

          const itemId = domId(c.path, 'item-0');
          const remove = byId<HTMLButtonElement>(widget, `${itemId}-remove`);
          equal(
            normal(remove.textContent),
            text(formId, 'widget:group.remove', { item: named }),
            'the remove button names the item',
          );
          remove.click();
          await settle(widget);
          equal(activeId(widget), `${itemId}-confirm`, 'focus moves to the question');
          equal(
            normal(byId(widget, `${itemId}-confirm`).textContent),
            text(formId, 'widget:group.confirmRemove', { item: named }),
          );
          equal(
            (widget.snapshot!.context.answers[group.id] as unknown[]).length,
            1,
            'nothing is removed before the user confirms',
          );

          await clickButton(widget, text(formId, 'widget:group.cancel'));
          equal(activeId(widget), `${itemId}-remove`, '"Nei, behold" returns focus to the remove button');
          equal((widget.snapshot!.context.answers[group.id] as unknown[]).length, 1, 'the item is kept');
          equal(root(widget).getElementById(`${itemId}-confirm`), null, 'the question is gone');

          byId(widget, `${itemId}-remove`).click();
          await settle(widget);
          equal(activeId(widget), `${itemId}-confirm`);
          await clickButton(widget, text(formId, 'widget:group.yesRemove'));
          const items = widget.snapshot!.context.answers[group.id] as unknown[] | undefined;
          equal(items?.length ?? 0, 0, 'the item is removed');
          equal(activeId(widget), addId, '"Ja, fjern" moves focus to the add button');
          await until(
            () => status().includes(text(formId, 'widget:group.removed', { item: named })),
            'the removal to be announced',
          );
        });
      });

    if (c.field.kind === 'attachments')
      describe(`attachments: ${name}`, () => {
        const choices = ['uploaded', 'later', 'missing'];
        /** The step with its documents; the first is uploaded, the second (or the first again) missing. */
        async function open(): Promise<{
          widget: Widget;
          documents: string[];
          upload: string;
          missing: string;
          pick: (document: string, status: string) => Promise<void>;
        }> {
          const widget = await openStep(c);
          await fillOthers(widget, c);
          const documents = [...widget.snapshot!.context.relevance.attachments];
          assert(documents.length > 0, 'fullAnswers make at least one document relevant');
          const pick = async (document: string, status: string) => {
            root(widget)
              .querySelector<HTMLInputElement>(`input[name="${domId(`${c.path}/${document}`)}"][value="${status}"]`)!
              .click();
            await settle(widget);
          };
          return { widget, documents, upload: documents[0]!, missing: documents[1] ?? documents[0]!, pick };
        }

        it('offers three labelled choices per relevant document, with why we ask', async () => {
          const { widget, documents } = await open();
          const elsewhere = new Set((otherAnswers[formId] ?? []).flatMap((set) => set.shows));
          deepEqual(
            documents.map((key) => key.split('.')[0]),
            (c.definition.attachments ?? []).map((d) => d.id).filter((id) => !elsewhere.has(id)),
            'fullAnswers make every document relevant that otherAnswers does not',
          );
          for (const document of documents) {
            // A document per item (samvaersavtale.<item id>) is named by its item's answers.
            const [documentId, itemId] = document.split('.') as [string, string | undefined];
            const group = c.definition.attachments?.find((d) => d.id === documentId)?.forEach;
            const items = (group ? widget.snapshot!.context.answers[group] : []) as Array<Record<string, unknown>>;
            const item = items.find((i) => i._id === itemId) ?? {};
            const params = Object.fromEntries(
              Object.entries(item).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
            );
            const id = domId(`${c.path}/${document}`);
            const inputs = optionInputs(widget, id);
            deepEqual(
              inputs.map((i) => i.value),
              choices,
              `three choices for ${document}`,
            );
            const fieldset = inputs[0]!.closest('fieldset')!;
            equal(
              normal(fieldset.querySelector(':scope > legend')?.textContent),
              text(formId, `${formId}:attachments.${documentId}.label`, params),
              `the legend of ${document}`,
            );
            inputs.forEach((input, i) =>
              deepEqual(
                labelTexts(input),
                [text(formId, `widget:attachments.${choices[i]}`)],
                `the label of ${input.id}`,
              ),
            );
            const why = tokens(fieldset)
              .map((t) => root(widget).getElementById(t))
              .find((el) => el?.classList.contains('hint'));
            equal(
              normal(why?.textContent),
              text(formId, `${formId}:attachments.${documentId}.why`, params),
              `why we ask for ${document} describes the choices`,
            );
            equal(
              root(widget).querySelector(`[id="${id}-files"], [id="${id}-reason"]`),
              null,
              'no file input or reason before a choice',
            );
          }
        });

        it('"upload now" shows a file input; no file is an error linked to the file input', async () => {
          const { widget, upload, pick } = await open();
          const id = domId(`${c.path}/${upload}`);
          await pick(upload, 'uploaded');
          // The browser's picker is a real, hidden file input; a button in the user's language opens it and
          // names the document (issue 19).
          equal(byId<HTMLInputElement>(widget, `${id}-files-input`).type, 'file');
          const files = byId<HTMLButtonElement>(widget, `${id}-files`);
          equal(files.tagName, 'BUTTON');
          equal(
            normal(files.textContent),
            `${text(formId, 'widget:attachments.files')} (${text(formId, `${formId}:attachments.${upload}.label`)})`,
          );
          equal(root(widget).getElementById(`${id}-reason`), null, 'no reason for an upload');
          assert(!(await pressContinue(widget)).moved, 'Continue stops without a file');
          await assertDocumentError(widget, `${id}-files`, `${id}-error`, 'no file');
        });

        it('"I don\'t have it" shows a reason; no reason is an error linked to the reason', async () => {
          const { widget, missing, pick } = await open();
          const id = domId(`${c.path}/${missing}`);
          await pick(missing, 'missing');
          const reason = byId<HTMLTextAreaElement>(widget, `${id}-reason`);
          equal(reason.tagName, 'TEXTAREA');
          deepEqual(labelTexts(reason), [
            `${text(formId, 'widget:attachments.reason')} (${text(formId, `${formId}:attachments.${missing}.label`)})`,
          ]);
          assert(reason.closest('fieldset')?.contains(byId(widget, `${id}-missing`)), 'the reason is in its document');
          equal(root(widget).getElementById(`${id}-files`), null, 'no file input when the user does not have it');
          assert(!(await pressContinue(widget)).moved, 'Continue stops without a reason');
          await assertDocumentError(widget, `${id}-reason`, `${id}-error`, 'no reason');
          // A reason typed and deleted again is the same fault, and its message must still be words.
          await fill(widget, c.field, c.path, { [missing]: 'missing' });
          byId<HTMLTextAreaElement>(widget, `${id}-reason`).value = '';
          byId(widget, `${id}-reason`).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          await settle(widget);
          assert(!(await pressContinue(widget)).moved, 'Continue stops when the reason was deleted');
          await assertDocumentError(widget, `${id}-reason`, `${id}-error`, 'reason deleted');
        });

        it('a file chosen and removed again is an error in words, linked to the file input', async () => {
          const { widget, upload } = await open();
          const id = domId(`${c.path}/${upload}`);
          await fill(widget, c.field, c.path, { [upload]: 'uploaded' });
          equal(
            (widget.snapshot!.context.answers[c.field.id] as Record<string, { files?: unknown[] }>)[upload]?.files
              ?.length,
            1,
            'one file chosen',
          );
          await clickButton(widget, text(formId, 'widget:attachments.removeFile', { name: `${upload}.jpg` }));
          equal(activeId(widget), `${id}-files`, 'removing the file moves focus to the file input');
          assert(!(await pressContinue(widget)).moved, 'Continue stops when the only file was removed');
          await assertDocumentError(widget, `${id}-files`, `${id}-error`, 'file removed');
        });

        it('passes with a file and a reason, and keeps them on the way back', async () => {
          const { widget, upload, missing } = await open();
          const answers: Record<string, string> = { [upload]: 'uploaded', [missing]: 'missing' };
          await fill(widget, c.field, c.path, answers);
          const stored = widget.snapshot!.context.answers[c.field.id] as Record<
            string,
            { status: string; files?: Array<{ name: string; type: string }>; reason?: string }
          >;
          equal(stored[missing]?.status, 'missing');
          equal(stored[missing]?.reason, 'Banken har ikke sendt den ennå.');
          if (missing !== upload)
            deepEqual(
              stored[upload]?.files?.map((f) => [f.name, f.type]),
              [[`${upload}.jpg`, 'image/jpeg']],
            );
          assert(
            (await pressContinue(widget)).moved,
            `Continue passes; errors: ${JSON.stringify(widget.snapshot!.context.errors)}`,
          );
          await backTo(widget, c);
          equal(
            byId<HTMLInputElement>(widget, domId(`${c.path}/${missing}`) + '-missing').checked,
            true,
            '"I don\'t have it" is still chosen',
          );
          equal(
            byId<HTMLTextAreaElement>(widget, `${domId(`${c.path}/${missing}`)}-reason`).value,
            'Banken har ikke sendt den ennå.',
          );
        });
      });

    if (c.field.kind === 'guidance')
      describe(`guidance: ${name}`, () => {
        it('shows its text and no form control', async () => {
          const widget = await openStep(c);
          await fillOthers(widget, c); // a guidance may follow an answer on its own step
          const expected = normal(text(formId, `${formId}:fields.${c.field.id}.text`));
          const box = [...root(widget).querySelectorAll('.guidance')].find((el) => normal(el.textContent) === expected);
          assert(box, `the guidance text "${expected}" is shown`);
          equal(box.querySelectorAll('input, select, textarea, button, a').length, 0, 'guidance holds no control');
          equal(
            root(widget).querySelector(`[id="${domId(c.path)}"], [name="${domId(c.path)}"]`),
            null,
            'guidance has no control id',
          );
          assert(!widget.snapshot!.context.errors.some((e) => e.field === c.field.id));
        });
      });
  }
}

for (const [formId, definition] of definitions) {
  describe(`review change links: ${formId}`, () => {
    it('each "Endre" link on the review page opens its step with focus on the field\'s first control', async () => {
      const widget = await mountWidget(formId);
      for (let guard = 0; widget.snapshot!.value === 'filling'; guard++) {
        assert(guard <= definition.steps.length, 'the review page is reached');
        const answers = fullAnswers[formId] ?? generatedAnswers(definition);
        await fillFor(formId)(widget, definition, answers[widget.snapshot!.context.step] ?? {});
        await next(widget);
      }
      equal(widget.snapshot!.value, 'review');
      const hrefs = [...root(widget).querySelectorAll<HTMLAnchorElement>('a.change-link')].map((a) =>
        a.getAttribute('href')!,
      );
      assert(hrefs.length > 0, 'the review page has change links');
      const problems: string[] = [];
      for (const href of hrefs) {
        root(widget).querySelector<HTMLAnchorElement>(`a.change-link[href="${href}"]`)!.click();
        await settle(widget);
        const active = activeElement(widget);
        if (active?.id !== href.slice(1) || !active.matches('input, select, textarea, button')) {
          problems.push(
            `${href} (step ${widget.snapshot!.context.step}): focus is on ${active ? tagOf(active) : 'nothing in the widget'}`,
          );
        }
        // Continue goes straight back to the review page.
        await next(widget);
        if (widget.snapshot!.value !== 'review') {
          problems.push(`${href}: Continue did not return to the review page`);
          break;
        }
      }
      deepEqual(problems, [], 'change links that do not focus their field');
    });
  });
}

function tagOf(element: Element): string {
  return `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>`;
}

/** A document's error: inline, on the control (aria-invalid, aria-describedby), and a summary link that focuses it. */
async function assertDocumentError(widget: Widget, controlId: string, errorId: string, what: string): Promise<void> {
  const checks = new Checks(what);
  const message = root(widget).getElementById(errorId);
  assert(message, `${what}: an inline error #${errorId}`);
  checks.check(() =>
    notMatch(
      normal(message.textContent),
      RAW_KEY,
      `the inline error is words, not a key: ${JSON.stringify(normal(message.textContent))}`,
    ),
  );
  const control = byId(widget, controlId);
  checks.check(() =>
    assert(
      tokens(control).includes(errorId),
      `#${controlId} is described by the error (${JSON.stringify(tokens(control))})`,
    ),
  );
  checks.check(() => equal(control.getAttribute('aria-invalid'), 'true', `aria-invalid on #${controlId}`));
  await checks.checkAsync(async () => {
    const link = root(widget).querySelector<HTMLAnchorElement>(`.error-summary a[href="#${controlId}"]`);
    const hrefs = [...root(widget).querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
    assert(link, `the error summary links to #${controlId}; its links are ${JSON.stringify(hrefs)}`);
    notMatch(
      normal(link.textContent),
      RAW_KEY,
      `the summary link is words, not a key: ${JSON.stringify(normal(link.textContent))}`,
    );
    link.click();
    await settle(widget);
    equal(activeId(widget), controlId, `the summary link focuses #${controlId}`);
  });
  checks.done();
}

// A form package split so that the first step needs only its own slice (issue 20 item 2, decision 0038):
// validators.js and locales/start/<lng>.json hold what the first step draws and checks; validators-later.js and
// locales/later/<lng>.json the rest, which the browser loads once the first step is drawn. The whole
// locales/<lng>.json stays for Node, hosts and a language switch. Build and tests share these lists.
import { listFields, type FormDefinition } from '../definition/types.ts';
import { GLOSSARY_NAMESPACE, TEXT_VERSIONS_KEY, WIDGET_NAMESPACE } from './form-package.ts';

/** The package's module with the validators of every step after the first (exports `fields`). */
export const LATER_VALIDATORS = 'validators-later.js';
/** The folders beside locales/<lng>.json, named as the parts they hold: the start slice and the rest of each locale's texts. */
export const LOCALE_PARTS = ['start', 'later'] as const;
export type LocalePart = (typeof LOCALE_PARTS)[number];

/**
 * The widget's text groups that only views after the first step draw (the review page, sending, the receipt,
 * documents sent later) or the late chunk draws under a step (help, privacy), which waits for the rest of the
 * texts. Everything else is in the start slice, so a new group is there unless named here: a list that rots
 * fails test/ui/slices.browser.test.ts (the first step of every form, with the rest withheld, shows no key).
 */
export const LATER_WIDGET_GROUPS: readonly string[] = [
  'review',
  'sending',
  'sendFailed',
  'submit',
  'receipt',
  'followUp',
  'help',
  'privacy',
];

/**
 * The steps the first view can be: the first, and before it any that apply only on a condition (with no
 * answers one of them may still apply, from a prefilled answer).
 */
export function firstSteps(definition: FormDefinition): Set<string> {
  const steps = new Set<string>();
  for (const step of definition.steps) {
    steps.add(step.id);
    if (!step.when) break;
  }
  return steps;
}

/** The ids of the fields (group item fields too) on the first steps. */
export function firstStepFields(definition: FormDefinition): Set<string> {
  const steps = firstSteps(definition);
  return new Set(
    listFields(definition)
      .filter((place) => steps.has(place.step.id))
      .map((place) => place.field.id),
  );
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Splits a tree by its top-level keys: into `start` if `first(key)`, else into `later`. Empty halves are left out. */
function split(tree: Tree, first: (key: string) => boolean): { start?: Tree; later?: Tree } {
  const start: Tree = {};
  const later: Tree = {};
  for (const [key, value] of Object.entries(tree)) (first(key) ? start : later)[key] = value;
  return {
    ...(Object.keys(start).length > 0 ? { start } : {}),
    ...(Object.keys(later).length > 0 ? { later } : {}),
  };
}

/** Every string in a tree. */
const stringsIn = (node: unknown): string[] =>
  typeof node === 'string' ? [node] : isTree(node) ? Object.values(node).flatMap(stringsIn) : [];

/** The glossary's terms any of whose forms appear, as whole words, in the texts (as components/glossary matches). */
function termsUsed(glossary: Tree, texts: readonly string[], locale: string): Set<string> {
  const words = texts.join('\n').toLocaleLowerCase(locale);
  const used = new Set<string>();
  for (const [term, entry] of Object.entries(glossary)) {
    const forms = isTree(entry) && Array.isArray(entry.forms) ? entry.forms : [];
    for (const form of forms) {
      if (typeof form !== 'string' || !form.trim()) continue;
      const escaped = form.toLocaleLowerCase(locale).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'u').test(words)) used.add(term);
    }
  }
  return used;
}

/**
 * A package locale file (namespaces, status and text versions) split in two disjoint halves: the start slice (the
 * widget's texts the first step can draw, the form's title and the first steps' texts, the glossary's words in
 * them, their text versions, the status) and the rest. Merged deeply, the halves are the whole file again.
 */
export function sliceLocale(definition: FormDefinition, locale: string, file: Tree): Record<LocalePart, Tree> {
  const steps = firstSteps(definition);
  const fields = firstStepFields(definition);
  const first = definition.steps.filter((step) => steps.has(step.id));
  const documentsFirst = first.some((step) => step.fields.some((field) => field.kind === 'attachments'));
  const start: Tree = {};
  const later: Tree = {};
  const put = (key: string, halves: { start?: Tree; later?: Tree }) => {
    if (halves.start) start[key] = halves.start;
    if (halves.later) later[key] = halves.later;
  };
  const own = file[definition.id];
  const form: Tree = isTree(own) ? own : {};
  const formHalves = split(
    form,
    (key) => key !== 'steps' && key !== 'fields' && key !== 'privacy' && (key !== 'attachments' || documentsFirst),
  );
  const formStart: Tree = { ...formHalves.start };
  const formLater: Tree = { ...formHalves.later };
  for (const [group, keep] of [
    ['steps', (id: string) => steps.has(id)],
    ['fields', (id: string) => fields.has(id)],
  ] as const) {
    delete formLater[group];
    if (!isTree(form[group])) continue;
    const halves = split(form[group], keep);
    if (halves.start) formStart[group] = halves.start;
    if (halves.later) formLater[group] = halves.later;
  }
  if (Object.keys(formStart).length > 0) start[definition.id] = formStart;
  if (Object.keys(formLater).length > 0) later[definition.id] = formLater;
  for (const [key, value] of Object.entries(file)) {
    if (key === definition.id) continue;
    if (key === WIDGET_NAMESPACE && isTree(value))
      put(
        key,
        split(value, (group) => !LATER_WIDGET_GROUPS.includes(group) && (group !== 'attachments' || documentsFirst)),
      );
    else if (key === GLOSSARY_NAMESPACE && isTree(value)) {
      const used = termsUsed(value, stringsIn(formStart), locale);
      put(
        key,
        split(value, (term) => used.has(term)),
      );
    } else if (key === TEXT_VERSIONS_KEY && isTree(value)) {
      // By variant, then by field: the first steps' fields with the start slice.
      for (const [variant, byField] of Object.entries(value)) {
        if (!isTree(byField)) continue;
        const halves = split(byField, (id) => fields.has(id));
        if (halves.start) start[key] = { ...(start[key] as Tree | undefined), [variant]: halves.start };
        if (halves.later) later[key] = { ...(later[key] as Tree | undefined), [variant]: halves.later };
      }
    } else start[key] = value; // the status, and anything new: with the start slice, where no view misses it
  }
  return { start, later };
}

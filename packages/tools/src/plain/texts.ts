// Texts as i18next finds them: nested JSON flattened to keys, each with its standard text and, where a
// `_plain` key exists, its own plain text (docs/design.md principle 5: the plain variant is the i18next context
// `plain`; where it is missing, the standard text is used). Plural keys keep their suffix after the
// context, as i18next writes them: `left_plain_one` is the plain variant of `left_one`.
import { listFields, type FieldKind, type FormDefinition } from '../../../../src/definition/types.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import type { TextRole } from './rules/context.ts';

/** One locale's resource for a namespace: the JSON object of locales/<lng>/<namespace>.json. */
export type TextResource = { [key: string]: unknown };

export interface TextEntry {
  key: string;
  standard?: string;
  /** Only when the resource has its own `_plain` text. */
  plain?: string;
  /** The JSON pointer of each text in the resource (RFC 6901). */
  pointers: { standard?: string; plain?: string };
}

/** A JSON pointer (RFC 6901) from a path of keys. */
export const jsonPointer = (path: readonly string[]): string =>
  path.map((part) => `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const KEY_NAME = /^(.*?)(_plain)?(_(?:zero|one|two|few|many|other))?$/;

/** Every text of a resource by key, standard and own plain text side by side, in file order. */
/** The text key of a path in a resource (fields.x.left_plain_one → fields.x.left_one), and whether it is a plain text. */
export function keyOf(path: readonly string[]): { key: string; plain: boolean } {
  const name = path[path.length - 1]!;
  const [, base = name, plain, plural = ''] = KEY_NAME.exec(name) ?? [];
  return { key: [...path.slice(0, -1), `${base}${plural}`].join('.'), plain: plain !== undefined };
}

export function resolveVariants(resource: TextResource): Map<string, TextEntry> {
  const entries = new Map<string, TextEntry>();
  for (const [path, node] of textLeaves(resource)) {
    if (typeof node !== 'string') continue;
    const { key, plain } = keyOf(path);
    const entry = entries.get(key) ?? { key, pointers: {} };
    if (plain) {
      entry.plain = node;
      entry.pointers.plain = jsonPointer(path);
    } else {
      entry.standard = node;
      entry.pointers.standard = jsonPointer(path);
    }
    entries.set(key, entry);
  }
  return entries;
}

/** The plural suffix of a key, if any (characters.left_one → one). */
export const pluralOf = (key: string): string | undefined => /_(zero|one|two|few|many|other)$/.exec(key)?.[1];

export interface StepKeys {
  id: string;
  /** Key prefixes (ending in '.') and exact keys of the texts the user sees on the step. */
  exact: string[];
  prefixes: string[];
}

/**
 * The texts of each step: the step title; every text of each field on the step (label, hint, why, text,
 * options, item, add, parts — all keys under fields.<id>.); and on the step with an `attachments` field,
 * every text of each attachment (label, why). The widget's own texts (buttons, progress) are not the
 * form's and are linted as the widget collection.
 */
export function stepKeys(definition: FormDefinition): StepKeys[] {
  const places = listFields(definition);
  return definition.steps.map((step, stepIndex) => {
    const fields = places.filter((p) => p.stepIndex === stepIndex).map((p) => p.field);
    const prefixes = fields.map((f) => `fields.${f.id}.`);
    if (fields.some((f) => f.kind === 'attachments'))
      prefixes.push(...(definition.attachments ?? []).map((a) => `attachments.${a.id}.`));
    return { id: step.id, exact: [`steps.${step.id}.title`], prefixes };
  });
}

export const keyInStep = (key: string, step: StepKeys): boolean =>
  step.exact.includes(key) || step.prefixes.some((p) => key.startsWith(p));

/** Form-level texts the user sees outside the steps' own texts: the title and the register names. */
export const isFormLevelKey = (key: string): boolean => key === 'title' || key.startsWith('sources.');

/** The kind of each field of a definition, by id. */
export const fieldKinds = (definition: FormDefinition): Map<string, FieldKind> =>
  new Map(listFields(definition).map((p) => [p.field.id, p.field.kind]));

/** What a form text is for the user, from its key and the kind of field it belongs to. */
export function roleOf(key: string, kinds: ReadonlyMap<string, FieldKind> | undefined): TextRole {
  const parts = key.split('.');
  if (key === 'title' || (parts[0] === 'steps' && parts[2] === 'title')) return 'title';
  if (parts[0] === 'attachments') return parts[2] === 'why' ? 'help' : 'title';
  if (parts[0] !== 'fields' || kinds === undefined) return 'other';
  const kind = kinds.get(parts[1] ?? '');
  const part = parts[2];
  if (part === 'options') return 'option';
  if (part === 'hint' || part === 'why' || part === 'text') return 'help';
  if (part === 'label') {
    if (kind === 'consent') return 'consent';
    if (kind === 'group' || kind === 'attachments') return 'title';
    return 'question';
  }
  return 'other';
}

// The translator's units (issue 16 item 5, decision 0032): one per text a locale needs, with what a translator
// needs beside it — the nb text it translates, where it appears, its role, the legal lock, the termbase's words
// and how it was checked so far. Export writes these as XLIFF 2.0; import checks a file against them.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFields, type FormDefinition } from '../../../../src/definition/types.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import { isObject } from '../check/model.ts';
import { sourcePattern, type SourceTerm, type TargetTerm, readSourceTerms, readTermbase } from '../check/terms.ts';
import {
  nbFingerprint,
  nbSourceKey,
  readKeyLists,
  readStatuses,
  type TextStatus,
  type TextStatuses,
} from '../check/text-status.ts';

/** XLIFF 2.0 segment states, in order of how far a text has come. */
export type UnitState = 'initial' | 'translated' | 'reviewed' | 'final';

/** What a text does on the page: its role, named by the last part of its key. */
export type Role =
  | 'title'
  | 'step-title'
  | 'label'
  | 'hint'
  | 'why'
  | 'option'
  | 'error'
  | 'guidance'
  | 'address-part'
  | 'group'
  | 'source'
  | 'attachment'
  | 'computed'
  | 'button'
  | 'widget';

export interface TermNote {
  /** The nb term as the termbase names it, and what it means. */
  term: string;
  definition: string;
  /** The locale's one rendering, when the locale has a termbase entry. */
  target?: TargetTerm;
}

export interface Unit {
  /** The text's key path in the namespace (fields.navn.label). */
  key: string;
  /** The nb key it translates (nb's standard text for a plain variant nb lacks, nb's _other for a plural form). */
  sourceKey: string;
  /** The nb text it translates. */
  source: string;
  /** For a plain unit, nb's standard text; for a standard unit, nb's plain text, if nb has one. */
  counterpart?: { key: string; text: string };
  plain: boolean;
  role: Role;
  /** The step and field it belongs to, where it belongs to one. */
  step?: string;
  /** The step's number, from 1, as the user sees it in the progress line. */
  stepNumber?: number;
  field?: string;
  /** The field's kind (text, radio, yesno, …): what kind of question a label asks. */
  kind?: string;
  /** The field's answer may be at most this many characters (the form's maxLength). */
  answerMaxLength?: number;
  /** Locked: a legal text (the field's `legal` marking), else a critical text (locales/nb/critical.json). */
  lock?: 'legal' | 'critical';
  /** For a legal text: declaration, consent, privacy or duties. */
  legal?: string;
  terms: TermNote[];
  /** The locale's text now, if it has one. */
  target?: string;
  status?: TextStatus;
  /** The state the export gives the unit, from its status; import compares with it to see what a translator changed. */
  state: UnitState;
  /** The status was recorded against another nb text than today's. */
  stale: boolean;
}

export interface Namespace {
  /** The form's id, or widget. */
  name: string;
  units: Unit[];
  /** The nb texts, for the key order import writes. */
  nb: Record<string, unknown>;
  /** The locale's texts now (empty for a new locale). */
  texts: Record<string, unknown>;
}

export const WIDGET = 'widget';
const PLURAL = /_(zero|one|two|few|many|other)(_plain)?$/;
const PLAIN = '_plain';

/** A key's text, plural form and variant: `left_one_plain` and `left_plain_one` are both left, one, plain. */
export function splitKey(key: string): { base: string; plural?: string; plain: boolean } {
  let rest = key;
  let plural: string | undefined;
  let plain = false;
  const pluralAt = (text: string) => /_(zero|one|two|few|many|other)$/.exec(text);
  const takePlural = () => {
    const match = pluralAt(rest);
    if (match && plural === undefined) {
      plural = match[1];
      rest = rest.slice(0, match.index);
    }
  };
  takePlural();
  if (rest.endsWith(PLAIN)) {
    plain = true;
    rest = rest.slice(0, -PLAIN.length);
  }
  takePlural();
  return { base: rest, ...(plural !== undefined ? { plural } : {}), plain };
}

/** The state a text's status gives it in XLIFF: reviewed against today's nb text, translated, or to be looked at. */
export function unitState(target: string | undefined, status: TextStatus | undefined, source: string): UnitState {
  if (target === undefined || !status || status.nb !== nbFingerprint(source)) return 'initial';
  return status.state === 'reviewed' ? 'reviewed' : 'translated';
}

/** Plural categories of a language, as i18next uses them (Intl.PluralRules). */
export const pluralCategories = (locale: string): string[] => {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'];
  return [...categories].sort((a, b) => order.indexOf(a) - order.indexOf(b));
};

/** The keys a locale needs for one namespace, in nb's order: plural forms of its own language, plain variants. */
export function targetKeys(
  nb: ReadonlyMap<string, unknown>,
  own: ReadonlyMap<string, unknown>,
  locale: string,
): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (key: string) => {
    if (seen.has(key)) return;
    keys.push(key);
    seen.add(key);
  };
  const categories = pluralCategories(locale);
  for (const [key, value] of nb) {
    if (typeof value !== 'string') continue;
    const plural = PLURAL.exec(key);
    if (plural) {
      const base = key.slice(0, plural.index);
      for (const category of categories) add(`${base}_${category}${plural[2] ?? ''}`);
    } else add(key);
    // A plain variant the locale has where nb has none (nb's standard text is its source): right after its text.
    if (!key.endsWith(PLAIN) && typeof own.get(`${key}${PLAIN}`) === 'string') add(`${key}${PLAIN}`);
  }
  return keys;
}

const ROLES: Record<string, Role> = {
  label: 'label',
  labelEmpty: 'label',
  hint: 'hint',
  why: 'why',
  text: 'guidance',
  item: 'group',
  add: 'group',
  itemEmpty: 'group',
  ifEmpty: 'group',
};

/** The role and place of a form text, from its key and the definition. */
function formPlace(
  key: string,
  definition: FormDefinition | undefined,
): Pick<Unit, 'role' | 'step' | 'stepNumber' | 'field' | 'kind' | 'answerMaxLength'> {
  const parts = splitKey(key).base.split('.');
  const [head, id, ...rest] = parts;
  if (parts.length === 1) return { role: 'title' };
  if (head === 'steps') {
    const index = definition?.steps.findIndex((step) => step.id === id) ?? -1;
    return { role: 'step-title', ...(id ? { step: id } : {}), ...(index >= 0 ? { stepNumber: index + 1 } : {}) };
  }
  if (head === 'sources') return { role: 'source' };
  if (head === 'attachments') return { role: 'attachment' };
  if (head === 'computed') return { role: 'computed' };
  if (head !== 'fields' || !id) return { role: 'widget' };
  const place = definition ? listFields(definition).find((p) => p.field.id === id) : undefined;
  const answer = definition?.answers.properties[id];
  const max =
    place?.field.maxLength ?? (isObject(answer) && typeof answer.maxLength === 'number' ? answer.maxLength : undefined);
  const role: Role =
    rest[0] === 'options'
      ? 'option'
      : rest[0] === 'errors'
        ? 'error'
        : rest[0] === 'parts'
          ? 'address-part'
          : (ROLES[rest[0] ?? ''] ?? 'label');
  return {
    role,
    field: id,
    ...(place ? { step: place.step.id, stepNumber: place.stepIndex + 1, kind: place.field.kind } : {}),
    ...(max !== undefined ? { answerMaxLength: max } : {}),
  };
}

/** The widget's texts, by their first key. */
function widgetRole(key: string): Role {
  const head = key.split('.')[0];
  return head === 'errors' ? 'error' : head === 'actions' ? 'button' : head === 'address' ? 'address-part' : 'widget';
}

/**
 * The texts a form marks as legal, by the field's `legal` kind (declaration, consent, privacy, duties; decision
 * 0031): every text of such a field. Undefined when the form marks none: then critical.json is the lock.
 */
export function legalKeys(definition: FormDefinition | undefined): Map<string, string> | undefined {
  if (!definition || !Array.isArray(definition.steps)) return undefined;
  const keys = new Map<string, string>();
  for (const place of listFields(definition)) {
    const legal = (place.field as unknown as Record<string, unknown>).legal;
    if (typeof legal === 'string') keys.set(`fields.${place.field.id}`, legal);
  }
  return keys.size > 0 ? keys : undefined;
}

/** The legal kind of a text, if it belongs to a field marked legal. */
const legalKind = (key: string, legal: ReadonlyMap<string, string>): string | undefined => {
  const { base } = splitKey(key);
  for (const [prefix, kind] of legal) if (base === prefix || base.startsWith(`${prefix}.`)) return kind;
  return undefined;
};

const readJson = async (path: string): Promise<unknown> =>
  existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as unknown) : undefined;

const leaves = (tree: unknown): Map<string, unknown> =>
  new Map(textLeaves(tree).map(([path, value]) => [path.join('.'), value]));

export interface LocaleFiles {
  localesDir: string;
  locale: string;
  statuses: TextStatuses;
  critical: Record<string, string[]>;
  sourceTerms: Record<string, SourceTerm> | undefined;
  targetTerms: Record<string, TargetTerm>;
}

/** What every namespace of one locale shares: its statuses, nb's critical list and both termbases. */
export async function readLocaleFiles(localesDir: string, locale: string): Promise<LocaleFiles> {
  const termbase = readTermbase(await readJson(join(localesDir, locale, 'termbase.json')));
  return {
    localesDir,
    locale,
    statuses: readStatuses(await readJson(join(localesDir, locale, 'text-status.json'))),
    critical: readKeyLists(await readJson(join(localesDir, 'nb', 'critical.json'))),
    sourceTerms: readSourceTerms(await readJson(join(localesDir, 'nb', 'termbase.json'))),
    targetTerms: termbase?.terms ?? {},
  };
}

/**
 * One namespace's units for a locale: every text it needs, locked and critical texts first (decision 0027: a
 * translator starts with what decides urgent help, money and the declaration), the rest in nb's order.
 */
export async function namespaceUnits(
  files: LocaleFiles,
  name: string,
  definition: FormDefinition | undefined,
): Promise<Namespace> {
  const { localesDir, locale } = files;
  const nbTree = await readJson(join(localesDir, 'nb', `${name}.json`));
  if (!isObject(nbTree)) throw new Error(`${join(localesDir, 'nb', `${name}.json`)}: no nb texts`);
  const ownTree = await readJson(join(localesDir, locale, `${name}.json`));
  const texts = isObject(ownTree) ? ownTree : {};
  const nb = leaves(nbTree);
  const own = leaves(texts);
  const statuses = files.statuses[name] ?? {};
  const critical = new Set(files.critical[name] ?? []);
  const legal = name === WIDGET ? undefined : legalKeys(definition);
  const terms = Object.entries(files.sourceTerms ?? {}).map(([id, term]) => ({
    id,
    term,
    pattern: sourcePattern(term.forms),
  }));
  const units: Unit[] = [];
  for (const key of targetKeys(nb, own, locale)) {
    const sourceKey = nbSourceKey(key, nb);
    const source = sourceKey === undefined ? undefined : nb.get(sourceKey);
    if (sourceKey === undefined || typeof source !== 'string') continue;
    const parts = splitKey(key);
    const plain = parts.plain;
    const counterpartKeys = plain
      ? [`${parts.base}${parts.plural ? `_${parts.plural}` : ''}`]
      : parts.plural
        ? [`${parts.base}_${parts.plural}${PLAIN}`, `${parts.base}${PLAIN}_${parts.plural}`]
        : [`${key}${PLAIN}`];
    const counterpartSource = counterpartKeys
      .map((k) => nbSourceKey(k, nb))
      .find((k) => k !== undefined && k !== sourceKey);
    const counterpartText = counterpartSource === undefined ? undefined : nb.get(counterpartSource);
    const target = own.get(key);
    const status = statuses[key];
    const kind = legal ? legalKind(key, legal) : undefined;
    const lock = kind ? 'legal' : critical.has(key) || critical.has(sourceKey) ? 'critical' : undefined;
    units.push({
      key,
      sourceKey,
      source,
      ...(typeof counterpartText === 'string' && counterpartSource !== undefined
        ? { counterpart: { key: counterpartSource, text: counterpartText } }
        : {}),
      plain,
      ...(name === WIDGET ? { role: widgetRole(key) } : formPlace(key, definition)),
      ...(lock ? { lock } : {}),
      ...(kind ? { legal: kind } : {}),
      terms: terms
        .filter(({ pattern }) => pattern.test(source))
        .map(({ id, term }) => ({
          term: term.forms[0] ?? id,
          definition: term.definition,
          ...(files.targetTerms[id] ? { target: files.targetTerms[id] } : {}),
        })),
      ...(typeof target === 'string' ? { target } : {}),
      ...(status ? { status } : {}),
      state: unitState(typeof target === 'string' ? target : undefined, status, source),
      stale: status !== undefined && status.nb !== nbFingerprint(source),
    });
  }
  const first = (unit: Unit) => (unit.lock ? 0 : 1);
  units.sort((a, b) => first(a) - first(b));
  return { name, units, nb: nbTree, texts };
}

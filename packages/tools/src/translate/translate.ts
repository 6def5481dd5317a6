// `klarskjema translate export|import` (decision 0032): a locale's texts out to a translator as XLIFF 2.0 and back.
// Import writes nothing unless every unit is sound: a broken placeholder, an unknown unit or the wrong language
// refuses the whole file, so a half-imported translation never reaches the widget.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { LOCALE_CODE } from '../../../../src/definition/vocabulary.ts';
import { isObject } from '../check/model.ts';
import { formatStatuses, isTextStatus, nbFingerprint, type TextStatus } from '../check/text-status.ts';
import { codeName, codes } from './placeholders.ts';
import {
  namespaceUnits,
  readLocaleFiles,
  splitKey,
  WIDGET,
  type Namespace,
  type Unit,
  type UnitState,
} from './units.ts';
import { readXliff, type ReadUnit } from './xliff-read.ts';

export interface Places {
  /** The folder of the form definitions (schemas/forms or forms). */
  formsDir: string;
  localesDir: string;
}

/** The forms in the folder, by id. */
export async function readForms(formsDir: string): Promise<Map<string, FormDefinition>> {
  const forms = new Map<string, FormDefinition>();
  if (!existsSync(formsDir)) return forms;
  for (const name of (await readdir(formsDir)).filter((n) => n.endsWith('.json')).sort()) {
    const definition = JSON.parse(await readFile(join(formsDir, name), 'utf8')) as unknown;
    if (isObject(definition) && typeof definition.id === 'string' && Array.isArray(definition.steps))
      forms.set(definition.id, definition as unknown as FormDefinition);
  }
  return forms;
}

/**
 * The namespaces to export: one form (or the widget), or every form that lists the locale and the widget. A new
 * locale no form lists yet gets every form, so its first translator has everything to start from.
 */
export function chooseNamespaces(
  forms: ReadonlyMap<string, FormDefinition>,
  locale: string,
  only: string | undefined,
): { names: string[]; unlisted: boolean } {
  if (only !== undefined) return { names: [only], unlisted: false };
  const listing = [...forms.values()].filter((f) => f.locales.includes(locale)).map((f) => f.id);
  const unlisted = listing.length === 0;
  return { names: [...(unlisted ? [...forms.keys()] : listing), WIDGET], unlisted };
}

export async function loadNamespaces(places: Places, locale: string, names: readonly string[]): Promise<Namespace[]> {
  const forms = await readForms(places.formsDir);
  const files = await readLocaleFiles(places.localesDir, locale);
  const out: Namespace[] = [];
  for (const name of names) out.push(await namespaceUnits(files, name, forms.get(name)));
  return out;
}

/** What import refuses a file for; each has a problem and a fix in cli.json (translate.problem.<id>). */
export const REFUSALS = [
  'notXml',
  'notXliff',
  'version',
  'srcLang',
  'trgLang',
  'trgLangOther',
  'noUnits',
  'fileUnknown',
  'unitUnknown',
  'unitTwice',
  'stateUnknown',
  'stateWithoutTarget',
  'codeAsText',
  'codeUnknown',
  'markup',
  'cpInvalid',
  'codeMissing',
  'codeExtra',
] as const;

/** One thing import refuses, with where it is. */
export interface Refusal {
  problem: (typeof REFUSALS)[number];
  file?: string;
  key?: string;
  line?: number;
  params: Record<string, string>;
}

/** Something import did or left that the translator should know about; nothing is refused for it. */
export interface Notice {
  notice: 'missing' | 'sourceChanged';
  file: string;
  key: string;
}

export interface ImportResult {
  locale?: string;
  refusals: Refusal[];
  notices: Notice[];
  /** Texts written, per namespace. */
  written: Record<string, number>;
  statuses: { draft: number; reviewed: number };
  /** Plain variants with no text: the standard text of the same language is shown, which is allowed. */
  plainMissing: number;
}

const STATES: readonly string[] = ['initial', 'translated', 'reviewed', 'final'];

/** A text's placeholders against nb's: missing and extra names (a plural form may leave out its count). */
function codeDifference(unit: Unit, text: string): { missing: string[]; extra: string[] } {
  const want = new Set(codes(unit.source).map(codeName));
  const have = new Set(codes(text).map(codeName));
  const plural = splitKey(unit.key).plural !== undefined;
  return {
    missing: [...want].filter((n) => !have.has(n) && !(plural && n === 'count')),
    extra: [...have].filter((n) => !want.has(n)),
  };
}

const show = (names: string[]): string => names.map((n) => (n.startsWith('$t(') ? n : `{{${n}}}`)).join(' ');

interface Change {
  unit: Unit;
  text: string;
  status?: TextStatus;
}

/** Checks a file against today's texts; on success writes the texts and their statuses. */
export async function importXliff(
  xml: string,
  places: Places,
  options: { by: string; at: string; locale?: string },
): Promise<ImportResult> {
  const result: ImportResult = {
    refusals: [],
    notices: [],
    written: {},
    statuses: { draft: 0, reviewed: 0 },
    plainMissing: 0,
  };
  const refuse = (r: Refusal) => result.refusals.push(r);
  const read = readXliff(xml);
  if (!read.ok) {
    refuse({ problem: read.problem, params: read.params });
    return result;
  }
  if (!read.version?.startsWith('2.')) refuse({ problem: 'version', params: { found: read.version ?? '–' } });
  if (read.srcLang !== 'nb') refuse({ problem: 'srcLang', params: { found: read.srcLang ?? '–' } });
  const locale = read.trgLang ?? '';
  if (!LOCALE_CODE.test(locale) || locale === 'nb') refuse({ problem: 'trgLang', params: { found: locale || '–' } });
  else if (options.locale !== undefined && options.locale !== locale)
    refuse({ problem: 'trgLangOther', params: { found: locale, expected: options.locale } });
  if (read.files.every((f) => f.units.length === 0)) refuse({ problem: 'noUnits', params: {} });
  if (result.refusals.length > 0) return result;
  result.locale = locale;

  const forms = await readForms(places.formsDir);
  const files = await readLocaleFiles(places.localesDir, locale);
  const known = new Set([...forms.keys(), WIDGET]);
  const changes = new Map<string, Change[]>();
  const namespaces = new Map<string, Namespace>();
  for (const file of read.files) {
    if (!known.has(file.id) || !existsSync(join(places.localesDir, 'nb', `${file.id}.json`))) {
      refuse({ problem: 'fileUnknown', file: file.id, line: file.line, params: { known: [...known].join(', ') } });
      continue;
    }
    const ns = await namespaceUnits(files, file.id, forms.get(file.id));
    namespaces.set(file.id, ns);
    const byKey = new Map(ns.units.map((u) => [u.key, u]));
    const seen = new Set<string>();
    const list: Change[] = [];
    for (const read of file.units) {
      const where = { file: file.id, key: read.key, line: read.line };
      const unit = byKey.get(read.key);
      if (!unit) {
        refuse({ problem: 'unitUnknown', ...where, params: { locale } });
        continue;
      }
      if (seen.has(read.key)) {
        refuse({ problem: 'unitTwice', ...where, params: {} });
        continue;
      }
      seen.add(read.key);
      const { change, sourceChanged } = checkUnit(unit, read, where, refuse, options, locale);
      if (sourceChanged) result.notices.push({ notice: 'sourceChanged', file: file.id, key: read.key });
      if (change) list.push(change);
    }
    changes.set(file.id, list);
    // Parity: every text the locale needs, in the file or already in the locale.
    for (const unit of ns.units) {
      const imported = list.some((c) => c.unit.key === unit.key);
      const inFile = file.units.find((u) => u.key === unit.key);
      const hasText = imported || unit.target !== undefined || (inFile?.target?.text.trim() ?? '') !== '';
      if (hasText) continue;
      if (unit.plain) result.plainMissing++;
      else result.notices.push({ notice: 'missing', file: file.id, key: unit.key });
    }
  }
  if (result.refusals.length > 0) return result;

  await mkdir(join(places.localesDir, locale), { recursive: true });
  for (const [name, list] of changes) {
    const ns = namespaces.get(name)!;
    const texts = new Map(list.filter((c) => c.text !== c.unit.target).map((c) => [c.unit.key, c.text]));
    if (texts.size > 0) {
      await writeFile(
        join(places.localesDir, locale, `${name}.json`),
        `${JSON.stringify(withTexts(ns.nb, ns.texts, texts), null, 2)}\n`,
      );
      result.written[name] = texts.size;
    }
  }
  const statuses = structuredClone(files.statuses);
  for (const [name, list] of changes) {
    for (const { unit, status } of list) {
      if (!status) continue;
      (statuses[name] ??= {})[unit.key] = status;
      result.statuses[status.state]++;
    }
  }
  if (result.statuses.draft + result.statuses.reviewed > 0)
    await writeFile(join(places.localesDir, locale, 'text-status.json'), formatStatuses(statuses));
  await markDrafts(join(places.localesDir, locale, 'status.json'), Object.keys(result.written));
  return result;
}

/** One unit: refusals for what is broken, else what changed (its text, its status). */
function checkUnit(
  unit: Unit,
  read: ReadUnit,
  where: { file: string; key: string; line: number },
  refuse: (r: Refusal) => void,
  options: { by: string; at: string },
  locale: string,
): { change?: Change; sourceChanged: boolean } {
  const state = read.state ?? 'initial';
  if (!STATES.includes(state)) {
    refuse({ problem: 'stateUnknown', ...where, params: { state } });
    return { sourceChanged: false };
  }
  const source = read.source?.text ?? unit.source;
  const sourceChanged = source !== unit.source;
  const target = read.target;
  if (!target || target.text.trim() === '') {
    if (state !== 'initial') refuse({ problem: 'stateWithoutTarget', ...where, params: { state } });
    return { sourceChanged };
  }
  const before = new Set<string>();
  let broken = false;
  for (const problem of target.problems) {
    const id = `${problem.problem}:${JSON.stringify(problem.params)}`;
    if (before.has(id)) continue;
    before.add(id);
    refuse({ problem: problem.problem, ...where, params: problem.params });
    broken = true;
  }
  const { missing, extra } = codeDifference(unit, target.text);
  if (missing.length > 0) refuse({ problem: 'codeMissing', ...where, params: { names: show(missing) } });
  if (extra.length > 0) refuse({ problem: 'codeExtra', ...where, params: { names: show(extra) } });
  if (broken || missing.length > 0 || extra.length > 0) return { sourceChanged };
  const changed = target.text !== unit.target || state !== unit.state;
  if (!changed) return { sourceChanged };
  const reviewed = state === 'reviewed' || state === 'final';
  const status: TextStatus = {
    state: reviewed ? 'reviewed' : 'draft',
    method: reviewed ? 'native-review' : 'none',
    by: options.by,
    at: options.at,
    // The nb text the translator had: if nb changed since the export, the status is stale at once.
    nb: nbFingerprint(source),
  };
  if (!isTextStatus(status)) throw new Error(`${locale} ${where.key}: not a valid status`);
  return { change: { unit, text: target.text, status }, sourceChanged };
}

/** A namespace that gets texts and has no review state yet starts as a draft (the widget says so). */
async function markDrafts(file: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const current = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as unknown) : {};
  const declared = isObject(current) ? { ...current } : {};
  const missing = names.filter((n) => !(n in declared));
  if (missing.length === 0) return;
  for (const name of missing) declared[name] = 'draft';
  await writeFile(file, `${JSON.stringify(declared, null, 2)}\n`);
}

const PLURAL_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A key's text, and its place beside the other keys of the same text: plural form, standard before plain, note last. */
function rankKey(key: string): { text: string; group: string; base: string; order: number } {
  const lint = key.endsWith('_lint');
  const text = lint ? key.slice(0, -'_lint'.length) : key;
  const { base, plural, plain } = splitKey(text);
  const order = 4 * (plural ? PLURAL_ORDER.indexOf(plural) + 1 : 0) + (plain ? 2 : 0) + (lint ? 1 : 0);
  return { text, group: `${base}${plain ? '_plain' : ''}`, base, order };
}

/** The locale's texts with new ones set, keys in nb's order (plain variants after their text), others kept last. */
export function withTexts(
  nb: Record<string, unknown>,
  own: Record<string, unknown>,
  texts: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const tree = structuredClone(own);
  for (const [key, text] of texts) {
    const path = key.split('.');
    let node: Record<string, unknown> = tree;
    for (const part of path.slice(0, -1)) {
      if (!isObject(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path.at(-1)!] = text;
  }
  return ordered(nb, tree, own);
}

interface Rank {
  at: number;
  order: number;
}
const compare = (a: Rank, b: Rank): number => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1);

/**
 * Keys the file had stay where they are, so an import changes only the lines of the texts it adds or changes (and a
 * file in nb's order stays so); a new key goes after the last key that comes before it in nb's order.
 */
function ordered(nb: unknown, node: Record<string, unknown>, before: unknown): Record<string, unknown> {
  const nbNode = isObject(nb) ? nb : {};
  const old = isObject(before) ? before : {};
  // Where nb has the key itself, else the first key of the same text and variant, else of the same text.
  const place = new Map<string, number>();
  Object.keys(nbNode).forEach((key, index) => {
    const { text, group, base } = rankKey(key);
    for (const name of [`=${text}`, `~${group}`, `*${base}`]) if (!place.has(name)) place.set(name, index);
  });
  const rank = (key: string): Rank & { base: string } => {
    const r = rankKey(key);
    const at = place.get(`=${r.text}`) ?? place.get(`~${r.group}`) ?? place.get(`*${r.base}`) ?? Infinity;
    return { at, order: r.order, base: r.base };
  };
  const keys = Object.keys(node).filter((key) => key in old);
  const fresh = Object.keys(node)
    .filter((key) => !(key in old))
    .sort((a, b) => compare(rank(a), rank(b)));
  for (const key of fresh) {
    const own = rank(key);
    let at = 0;
    keys.forEach((other, index) => {
      if (compare(rank(other), own) <= 0) at = index + 1;
    });
    keys.splice(at, 0, key);
  }
  return Object.fromEntries(
    keys.map((key) => {
      const value = node[key];
      return [key, isObject(value) ? ordered(nbNode[key] ?? nbNode[rank(key).base], value, old[key]) : value];
    }),
  );
}

/** The states export writes, for the summary. */
export const countStates = (namespaces: readonly Namespace[]): Record<UnitState, number> => {
  const counts: Record<UnitState, number> = { initial: 0, translated: 0, reviewed: 0, final: 0 };
  for (const ns of namespaces) for (const unit of ns.units) counts[unit.state]++;
  return counts;
};

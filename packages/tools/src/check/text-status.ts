// How each translated text was checked against nb (locales/<lng>/text-status.json), and which texts are
// critical (locales/nb/critical.json): the questions that decide urgent help, family, money and the
// declaration. A namespace counts as reviewed only when every critical text in it was reviewed by a native
// speaker against the nb text it has now (decision 0027); until then the widget says the translation is a draft.
import { at, finding, type Finding } from './findings.ts';
import { isObject } from './model.ts';
import type { LocaleTexts } from './parity.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';

/**
 * How a text was checked. A language model's back-translation is never a native review; a text a language
 * model wrote (a plain variant from nb plain and the locale's standard text) is a machine-assisted translation.
 */
export const CHECK_METHODS = [
  'none',
  'machine-assisted translation',
  'back-translation (machine-assisted)',
  'back-translation',
  'native-review',
] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** One text's status, the unit a translator's export and import carry (XLIFF 2.0 state initial/translated/reviewed). */
export interface TextStatus {
  state: 'draft' | 'reviewed';
  method: CheckMethod;
  /** Who checked: a person's name and role, or the tool and model that did a machine-assisted back-translation. */
  by: string;
  /** When (YYYY-MM-DD). */
  at: string;
  /** Fingerprint of the nb text checked against (nbFingerprint): a changed nb text makes the status stale. */
  nb: string;
  /** How sure the checker is that the text means what nb means; a native review should start with the least sure. */
  confidence?: 'high' | 'medium' | 'low';
  /** What the check found or changed, in a few words. */
  note?: string;
}

/** { "<namespace>": { "<key>": TextStatus } } */
export type TextStatuses = Record<string, Record<string, TextStatus>>;
/** { "<namespace>": ["<key>", …] } */
export type CriticalTexts = Record<string, string[]>;

/** FNV-1a, 32 bits, hex: enough to notice that an nb text changed, and stable across platforms. */
export function nbFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The nb text a translated key is checked against: the same key; for a plural form nb does not have (pl
 * _few, ar _zero), nb's _other; for a plain variant nb does not have, nb's standard text.
 */
export function nbSourceKey(key: string, nb: ReadonlyMap<string, unknown>): string | undefined {
  if (typeof nb.get(key) === 'string') return key;
  const plural = /_(zero|one|two|few|many|other)(_plain)?$/.exec(key);
  const candidates = plural
    ? [key.slice(0, plural.index) + '_other' + (plural[2] ?? ''), key.slice(0, plural.index) + '_other']
    : key.endsWith('_plain')
      ? [key.slice(0, -'_plain'.length)]
      : [];
  return candidates.find((candidate) => typeof nb.get(candidate) === 'string');
}

export function isTextStatus(value: unknown): value is TextStatus {
  return (
    isObject(value) &&
    (value.state === 'draft' || value.state === 'reviewed') &&
    CHECK_METHODS.includes(value.method as CheckMethod) &&
    typeof value.by === 'string' &&
    value.by.trim() !== '' &&
    typeof value.at === 'string' &&
    DATE.test(value.at) &&
    typeof value.nb === 'string' &&
    (value.confidence === undefined || ['high', 'medium', 'low'].includes(value.confidence as string)) &&
    (value.note === undefined || typeof value.note === 'string') &&
    // Only a native speaker's review makes a text reviewed.
    (value.state === 'draft' || value.method === 'native-review')
  );
}

/** Reviewed by a native speaker against the nb text as it is now. */
export const nativelyReviewed = (status: unknown, nb: string): boolean =>
  isTextStatus(status) && status.state === 'reviewed' && status.nb === nbFingerprint(nb);

const textsByKey = (texts: Record<string, unknown>): Map<string, unknown> =>
  new Map(textLeaves(texts).map(([path, value]) => [path.join('.'), value]));

/**
 * The review state the widget is told for a namespace: what status.json says, but never 'reviewed' while a
 * critical text the locale has is not natively reviewed.
 */
export function namespaceStatus(options: {
  declared: unknown;
  critical: readonly string[];
  nb: Record<string, unknown>;
  texts: Record<string, unknown>;
  statuses: Record<string, unknown> | undefined;
}): 'draft' | 'reviewed' {
  if (options.declared !== 'reviewed') return 'draft';
  const nb = textsByKey(options.nb);
  const texts = textsByKey(options.texts);
  for (const key of options.critical) {
    const source = nb.get(key);
    if (typeof source !== 'string' || !texts.has(key)) continue;
    if (!nativelyReviewed(options.statuses?.[key], source)) return 'draft';
  }
  return 'reviewed';
}

export interface TextStatusInput {
  critical: CriticalTexts;
  nb: Record<string, LocaleTexts>;
  locales: Array<{
    locale: string;
    index: number;
    namespaces: Record<string, LocaleTexts | undefined>;
    statuses: TextStatuses;
    /** status.json: { "<namespace>": "draft" | "reviewed" }. */
    declared: Record<string, unknown>;
    /** The locale's text-status.json, as named in findings. */
    file: string;
  }>;
}

/** Every critical text has a status; a status is well formed; a namespace is not declared reviewed too early. */
export function checkTextStatus(input: TextStatusInput): Finding[] {
  const findings: Finding[] = [];
  for (const { locale, index, namespaces, statuses, declared, file } of input.locales) {
    const pointer = at('/locales', index);
    for (const [namespace, source] of Object.entries(input.nb)) {
      const target = namespaces[namespace];
      if (!target) continue;
      const nb = textsByKey(source.texts);
      const texts = textsByKey(target.texts);
      const own = statuses[namespace] ?? {};
      for (const [key, status] of Object.entries(own)) {
        if (!isTextStatus(status)) findings.push(finding('text-status-invalid', pointer, { key, locale, file }));
      }
      let unreviewed = 0;
      for (const key of input.critical[namespace] ?? []) {
        const text = nb.get(key);
        if (typeof text !== 'string' || !texts.has(key)) continue;
        if (!(key in own)) findings.push(finding('text-status-missing', pointer, { key, locale, file }));
        if (!nativelyReviewed(own[key], text)) unreviewed++;
      }
      if (declared[namespace] === 'reviewed' && unreviewed > 0)
        findings.push(finding('translation-reviewed-early', pointer, { locale, namespace, count: unreviewed }));
    }
  }
  return findings;
}

/** critical.json or text-status.json as written; anything else counts as empty. */
export const readKeyLists = (value: unknown): CriticalTexts =>
  isObject(value)
    ? Object.fromEntries(
        Object.entries(value).map(([ns, keys]) => [
          ns,
          Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [],
        ]),
      )
    : {};

export const readStatuses = (value: unknown): TextStatuses =>
  isObject(value)
    ? Object.fromEntries(
        Object.entries(value).flatMap(([ns, entries]) =>
          isObject(entries) ? [[ns, entries as Record<string, TextStatus>]] : [],
        ),
      )
    : {};

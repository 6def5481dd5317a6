// The record's own words (locales/nb/record.json) and the form package's texts, looked up without i18next:
// the record is Norwegian only and its lookups are simple, so it stays free of dependencies.
import recordTexts from '../../locales/nb/record.json' with { type: 'json' };
import { isRecord } from '../engine/answers.ts';
import { STATUS_KEY, type TranslationStatus } from '../engine/form-package.ts';
import type { TextVariant } from '../definition/vocabulary.ts';

export type TextValues = Record<string, string | number>;

/** A form package's locale file (build/forms/<id>/locales/<lng>.json): namespaces of texts and their status. */
export type PackageLocale = Record<string, unknown>;

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), tree);
}

const interpolate = (text: string, values: TextValues): string =>
  text.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );

/** A text of the record (nb). A missing key is a bug, not something to show a caseworker. */
export function recordText(key: string, values: TextValues = {}): string {
  const text = lookup(recordTexts, key);
  if (typeof text !== 'string') throw new Error(`locales/nb/record.json has no text "${key}".`);
  return interpolate(text, values);
}

/** A form text in a variant: the plain text (key_plain) when asked for and present, else the standard one. */
export function formText(
  resources: PackageLocale | undefined,
  namespace: string,
  key: string,
  variant: TextVariant = 'standard',
  values: TextValues = {},
): string | undefined {
  const tree = resources?.[namespace];
  const text = (variant === 'plain' ? lookup(tree, `${key}_plain`) : undefined) ?? lookup(tree, key);
  return typeof text === 'string' ? interpolate(text, values) : undefined;
}

/** Whether the translation of a namespace was marked as a draft in the package. */
export function isDraftTranslation(resources: PackageLocale | undefined, namespace: string): boolean {
  const status = resources?.[STATUS_KEY];
  return isRecord(status) && (status as TranslationStatus)[namespace] === 'draft';
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);
/** The language part of a locale tag: nb-NO → nb. */
export const languageOf = (locale: string): string => locale.split('-')[0]!.toLowerCase();
export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(languageOf(locale)) ? 'rtl' : 'ltr');

let names: Intl.DisplayNames | undefined;
/** A language's name in Norwegian (ar → arabisk), or its code when Intl does not know it. */
export function languageName(code: string): string {
  names ??= new Intl.DisplayNames(['nb'], { type: 'language', fallback: 'code' });
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

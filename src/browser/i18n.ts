// One translator per widget, so two widgets on a page never share a language. The widget's own lookup,
// read as i18next reads the same locale files (docs/decisions/0019-widget-weight.md).
import { Translator } from '../i18n/translator.ts';
import type { TextVariant } from '../engine/submission.ts';
import type { LocaleResources } from './load-package.ts';

export const SOURCE_LOCALE = 'nb';
const RTL_LOCALES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);

export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr');

export interface Texts {
  readonly i18n: Translator;
  readonly locale: string;
  /** The variant these texts are in. */
  readonly variant: TextVariant;
  /** The text for the first key that exists, in the plain variant where one exists. */
  t(keys: string | string[], params?: Record<string, unknown>): string;
  /** Like t, and which language the text came from (the source language when a translation is missing). */
  resolve(keys: string | string[], params?: Record<string, unknown>): { text: string; lng: string };
  /** The source-language (nb) text, for "Show Norwegian text". */
  source(keys: string | string[], params?: Record<string, unknown>): string;
  /** Whether any of the keys has a text (for optional texts: hints, "why we ask"). */
  has(keys: string | string[]): boolean;
}

export interface TextsOptions {
  /** Show nb's plain text where the language has none of its own (the user asked for it, decision 0030). */
  plainFrom?: 'nb';
  /** Told of each text looked up for the screen, so the widget knows which texts a view shows. */
  seen?: (keys: string | string[], params: Record<string, unknown>) => void;
}

export function textsFor(i18n: Translator, variant: TextVariant, options: TextsOptions = {}): Texts {
  const context = variant === 'plain' ? 'plain' : undefined;
  const resolve = (keys: string | string[], params: Record<string, unknown> = {}) => {
    options.seen?.(keys, params);
    const details = i18n.details(keys, { ...params, context });
    // The language has no plain text of its own here (plain = standard), and nb has one: nb's, marked as nb.
    if (options.plainFrom && context && i18n.language !== SOURCE_LOCALE && details.res === i18n.t(keys, params)) {
      const nb = { ...params, lng: SOURCE_LOCALE };
      const text = i18n.t(keys, { ...nb, context });
      if (text !== i18n.t(keys, nb)) return { text, lng: SOURCE_LOCALE };
    }
    return { text: details.res, lng: details.usedLng };
  };
  return {
    i18n,
    locale: i18n.language,
    variant,
    t: (keys, params) => resolve(keys, params).text,
    resolve,
    source: (keys, params = {}) => i18n.t(keys, { ...params, context, lng: SOURCE_LOCALE }),
    has: (keys) => (Array.isArray(keys) ? keys : [keys]).some((key) => i18n.exists(key)),
  };
}

/** The texts of a form: its own namespace is the default, the widget's texts are `widget:`. Unescaped: Lit escapes. */
export function createTexts(
  formId: string,
  locale: string,
  resources: Record<string, LocaleResources>,
): Promise<Translator> {
  return Promise.resolve(new Translator({ lng: locale, fallbackLng: SOURCE_LOCALE, defaultNS: formId, resources }));
}

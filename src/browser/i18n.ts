// One i18next instance per widget, so two widgets on a page never share a language.
import i18next, { type i18n as I18n } from 'i18next';
import type { TextVariant } from '../engine/submission.ts';
import type { LocaleResources } from './load-package.ts';

export const SOURCE_LOCALE = 'nb';
const RTL_LOCALES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);

export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr');

export interface Texts {
  readonly i18n: I18n;
  readonly locale: string;
  /** The text for the first key that exists, in the plain variant where one exists. */
  t(keys: string | string[], params?: Record<string, unknown>): string;
  /** Like t, and which language the text came from (the source language when a translation is missing). */
  resolve(keys: string | string[], params?: Record<string, unknown>): { text: string; lng: string };
  /** The source-language (nb) text, for "Show Norwegian text". */
  source(keys: string | string[], params?: Record<string, unknown>): string;
  /** Whether any of the keys has a text (for optional texts: hints, "why we ask"). */
  has(keys: string | string[]): boolean;
}

export function textsFor(i18n: I18n, variant: TextVariant): Texts {
  const context = variant === 'plain' ? 'plain' : undefined;
  return {
    i18n,
    locale: i18n.language,
    t: (keys, params = {}) => i18n.t(keys, { ...params, context }) as string,
    resolve: (keys, params = {}) => {
      const details = i18n.t(keys, { ...params, context, returnDetails: true }) as unknown as {
        res: string;
        usedLng?: string;
      };
      return { text: details.res, lng: details.usedLng ?? i18n.language };
    },
    source: (keys, params = {}) => i18n.t(keys, { ...params, context, lng: SOURCE_LOCALE }) as string,
    has: (keys) => (Array.isArray(keys) ? keys : [keys]).some((key) => i18n.exists(key)),
  };
}

export async function createTexts(
  formId: string,
  locale: string,
  resources: Record<string, LocaleResources>,
): Promise<I18n> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: locale,
    fallbackLng: SOURCE_LOCALE,
    ns: [formId, 'widget'],
    defaultNS: formId,
    resources,
    // Lit escapes everything it renders; escaping here too would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  });
  return i18n;
}

// The linter's messages, from locales/<lang>/lint.json through i18next: Norwegian by default, English on
// request. Imported as JSON so that the engine also runs in the browser.
import i18next, { type TFunction } from 'i18next';
import en from '../../../../locales/en/lint.json' with { type: 'json' };
import nb from '../../../../locales/nb/lint.json' with { type: 'json' };

export const LINT_LANGS = ['nb', 'en'] as const;
export type LintLang = (typeof LINT_LANGS)[number];
export const LINT_NAMESPACE = 'lint';

export interface LintTexts {
  lang: LintLang;
  t: TFunction;
  /** A number with at most one decimal, as the language writes it (38,5 in nb). */
  number(value: number): string;
  /** «a», «b» or «c», as the language writes a list of alternatives. */
  alternatives(values: readonly string[]): string;
  /** A list of values joined with commas. */
  list(values: readonly string[]): string;
  /** The name of a language in the report's language (nb → norsk bokmål). */
  languageName(locale: string): string;
}

const cache = new Map<LintLang, LintTexts>();

export function lintTexts(lang: LintLang = 'nb'): LintTexts {
  const found = cache.get(lang);
  if (found) return found;
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: lang,
    fallbackLng: 'nb',
    ns: [LINT_NAMESPACE],
    defaultNS: LINT_NAMESPACE,
    resources: { nb: { [LINT_NAMESPACE]: nb }, en: { [LINT_NAMESPACE]: en } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t = i18n.t.bind(i18n) as TFunction;
  const numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const disjunction = new Intl.ListFormat(lang, { type: 'disjunction' });
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang], { type: 'language' });
  } catch {
    names = undefined;
  }
  const texts: LintTexts = {
    lang,
    t,
    number: (value) => numberFormat.format(value),
    alternatives: (values) => (values.length === 0 ? t('list.none') : disjunction.format(values.map((v) => `«${v}»`))),
    list: (values) => (values.length === 0 ? t('list.none') : values.join(', ')),
    languageName: (locale) => {
      try {
        return names?.of(locale) ?? locale;
      } catch {
        return locale;
      }
    },
  };
  cache.set(lang, texts);
  return texts;
}

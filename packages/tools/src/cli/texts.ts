// The CLI's own texts: locales/<lng>/cli.json of this package, through i18next. nb is the default and
// the fallback.
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { localesDir } from '../assets.ts';
import type { Finding } from '../check/findings.ts';

export const CLI_LANGS = ['nb', 'en'] as const;
export type CliLang = (typeof CLI_LANGS)[number];
export const CLI_NAMESPACE = 'cli';

export interface CliTexts {
  lang: CliLang;
  t: TFunction;
  /** What is wrong and how to fix it, for one finding. */
  explain(finding: Finding): { message: string; fix: string };
}

const readTexts = (lang: CliLang): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(localesDir, lang, `${CLI_NAMESPACE}.json`), 'utf8')) as Record<string, unknown>;

export function createCliTexts(lang: CliLang = 'nb'): CliTexts {
  const i18n = i18next.createInstance();
  const resources = Object.fromEntries(CLI_LANGS.map((lng) => [lng, { [CLI_NAMESPACE]: readTexts(lng) }]));
  void i18n.init({
    lng: lang,
    fallbackLng: 'nb',
    ns: [CLI_NAMESPACE],
    defaultNS: CLI_NAMESPACE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const t = i18n.t.bind(i18n) as TFunction;
  // Lists of values (allowed kinds, option values) are comma-separated; "a or b" only for types.
  const list = (values: unknown[]) => values.map(show).join(', ');
  const explain = (finding: Finding) => {
    const { context, ...rest } = finding.params;
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rest)) values[name] = Array.isArray(value) ? list(value) : show(value);
    if (finding.code === 'schema-type') {
      values.expected = new Intl.ListFormat(lang, { type: 'disjunction' }).format(
        (rest.expected as string[]).map((type) => t(`types.${type}`)),
      );
      values.actual = t(`types.${String(rest.actual)}`);
    }
    if (finding.code === 'expression-type') {
      const expected = Array.isArray(rest.expected) ? (rest.expected as string[]) : [String(rest.expected)];
      values.expected = new Intl.ListFormat(lang, { type: 'disjunction' }).format(
        expected.map((type) => t(`types.${type}`)),
      );
      values.found = t(`types.${String(rest.found)}`);
    }
    // A yes/no condition compared with the string "true" must show the quotes that are the mistake.
    if (finding.code === 'condition-impossible-value' && context === 'yesno') values.value = JSON.stringify(rest.value);
    const options = { ...values, ...(typeof context === 'string' ? { context } : {}) };
    return {
      message: t(`check.${finding.code}.problem`, options),
      fix: t(`check.${finding.code}.fix`, options),
    };
  };
  return { lang, t, explain };
}

/** A value as it appears in a text: strings as they are, other values as JSON. */
function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// The widget's own text lookup: the part of i18next it uses, read the way i18next reads it, in about
// 1.5 KB instead of 15 KB gzip (docs/decisions/0019-widget-weight.md). Keys `ns:a.b` (nested JSON, or a flat
// key with dots), a list of keys (the first that exists), the language then its fallback nb, the context
// variant `key_plain`, plurals `key_one`/`key_other` by Intl.PluralRules (`key_zero` first for 0), and
// `{{name}}` from the options. No escaping: Lit escapes what it renders. The tools keep i18next; the locale
// JSON is the same for both, and test/i18n/translator.test.ts holds this lookup to i18next's answers.

/** A namespace's texts: nested objects with strings (or arrays, such as a glossary word's forms) as leaves. */
export type TextResource = Record<string, unknown>;

export interface TranslatorOptions {
  lng: string;
  fallbackLng: string;
  /** The namespace of a key without `ns:`. */
  defaultNS: string;
  resources: Record<string, Record<string, TextResource>>;
}

/** Options of t(): `count`, `context`, `lng`, and the rest are values to interpolate. */
export type TOptions = Readonly<Record<string, unknown>>;

export interface Found {
  /** The text, interpolated; the key (without its namespace) when none exists. */
  res: string;
  /** The language the text came from (the last one tried when none exists). */
  usedLng: string;
}

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value under a dotted path; a key may itself contain dots (as i18next's deepFind reads them). */
function deepFind(node: unknown, path: string): unknown {
  const tokens = path.split('.');
  let current: unknown = node;
  for (let i = 0; i < tokens.length;) {
    if (typeof current !== 'object' || current === null) return undefined;
    let next: unknown;
    for (let j = i; j < tokens.length; j++) {
      const part = tokens.slice(i, j + 1).join('.');
      next = own(current, part) ? (current as Record<string, unknown>)[part] : undefined;
      if (next === undefined) continue;
      // A text before the end of the path is no branch: a longer flat key may follow.
      if (typeof next !== 'object' && j < tokens.length - 1) continue;
      i = j + 1;
      break;
    }
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}

function merge(target: TextResource, source: TextResource): TextResource {
  for (const [key, value] of Object.entries(source))
    target[key] = isObject(value) && isObject(target[key]) ? merge({ ...target[key] }, value) : value;
  return target;
}

export class Translator {
  language: string;
  readonly #options: TranslatorOptions;
  readonly #data: Record<string, Record<string, TextResource>> = {};
  readonly #pluralRules = new Map<string, Intl.PluralRules>();

  constructor(options: TranslatorOptions) {
    this.#options = options;
    this.language = options.lng;
    for (const [lng, namespaces] of Object.entries(options.resources))
      for (const [ns, texts] of Object.entries(namespaces)) this.addResourceBundle(lng, ns, texts);
  }

  /** Adds texts to a namespace, deeply, the new ones winning (i18next's addResourceBundle(…, true, true)). */
  addResourceBundle(lng: string, ns: string, texts: TextResource): void {
    const namespaces = (this.#data[lng] ??= {});
    namespaces[ns] = merge({ ...namespaces[ns] }, texts);
  }

  getResourceBundle(lng: string, ns: string): TextResource | undefined {
    return this.#data[lng]?.[ns];
  }

  getResource(lng: string, ns: string, key: string): unknown {
    return deepFind(this.#data[lng]?.[ns], key);
  }

  changeLanguage(lng: string): void {
    this.language = lng;
  }

  /** Whether any of the keys has a text in the language or nb (no variant, no plural; as i18next's exists). */
  exists(keys: string | readonly string[]): boolean {
    return this.#lookup(keys, {}).found !== undefined;
  }

  t(keys: string | readonly string[], options: TOptions = {}): string {
    return this.details(keys, options).res;
  }

  details(keys: string | readonly string[], options: TOptions = {}): Found {
    const { found, usedLng, key } = this.#lookup(keys, options);
    // An object (a branch of keys) is no text: the key, as for a missing one.
    const text = (typeof found === 'string' && found !== '') || typeof found === 'number' ? String(found) : key;
    return { res: interpolate(text, options), usedLng };
  }

  /** `ns:a.b` to its namespace and key. The widget's keys are never sentences, which i18next would not split. */
  #split(key: string): [string, string] {
    const parts = key.split(':');
    return parts.length > 1 ? [parts.shift()!, parts.join('.')] : [this.#options.defaultNS, key];
  }

  /** The plural category; the codes are the form's locales (checked tags), so Intl.PluralRules takes them. */
  #plural(code: string, count: number): string {
    let rules = this.#pluralRules.get(code);
    if (!rules) this.#pluralRules.set(code, (rules = new Intl.PluralRules(code)));
    return rules.select(count);
  }

  #lookup(keys: string | readonly string[], options: TOptions): { found: unknown; usedLng: string; key: string } {
    const list = typeof keys === 'string' ? [keys] : keys;
    const lng = typeof options.lng === 'string' ? options.lng : this.language;
    const codes = [...new Set([lng, lng.split('-')[0]!, this.#options.fallbackLng])];
    const count = typeof options.count === 'number' ? options.count : undefined;
    const context = typeof options.context === 'string' && options.context !== '' ? options.context : undefined;
    let usedLng = lng;
    // i18next's answer when no text is found is what it looked at last: undefined, or an empty or null text.
    let last: unknown;
    for (const whole of list) {
      const [ns, key] = this.#split(whole);
      for (const code of codes) {
        usedLng = code;
        // Most specific first: key_plain_one, key_plain, key_one, key (with _zero before the plural for 0).
        const candidates = [key];
        const suffixes =
          count === undefined ? [] : [`_${this.#plural(code, count)}`, ...(count === 0 ? ['_zero'] : [])];
        for (const suffix of suffixes) candidates.push(key + suffix);
        if (context !== undefined) {
          candidates.push(`${key}_${context}`);
          for (const suffix of suffixes) candidates.push(`${key}_${context}${suffix}`);
        }
        for (const candidate of candidates.reverse()) {
          const found = (last = this.getResource(code, ns, candidate));
          // Empty and null texts count as missing (i18next's returnEmptyString and returnNull false).
          if (found !== undefined && found !== null && found !== '') return { found, usedLng, key };
        }
      }
    }
    return { found: last, usedLng, key: this.#split(list.at(-1) ?? '')[1] };
  }
}

/**
 * `{{name}}` (or `{{a.b}}`) from the values; a missing value stays as written unless the name is given as
 * undefined (then it is empty), as i18next does. Values are not searched again for `{{`.
 */
export function interpolate(text: string, values: TOptions): string {
  return text.replace(/\{\{(.+?)\}\}/g, (match, name: string) => {
    const path = name.trim();
    const value = own(values, path) ? values[path] : deepFind(values, path);
    if (value === undefined) return own(values, path) ? '' : match;
    return value === null ? '' : String(value);
  });
}

// Language names in the user's language, from the browser's own data (Intl.DisplayNames), so the
// interpreter list needs no texts of ours. Where the browser has no names for the user's language
// (Sámi, Tigrinya in some builds), Norwegian names are better than English ones.
const cache = new Map<string, Intl.DisplayNames | null>();

function displayNames(locale: string): Intl.DisplayNames | null {
  if (!cache.has(locale)) {
    let names: Intl.DisplayNames | null;
    try {
      const supported = Intl.DisplayNames.supportedLocalesOf([locale, 'nb', 'no']);
      names = new Intl.DisplayNames(supported.length > 0 ? supported : ['nb'], { type: 'language', fallback: 'code' });
    } catch {
      names = null;
    }
    cache.set(locale, names);
  }
  return cache.get(locale) ?? null;
}

/** The name of a language in `locale` (the code itself when nothing better is known); capitalized for a list item. */
export function languageName(code: string, locale: string, capitalize = true): string {
  const name = displayNames(locale)?.of(code) ?? code;
  return capitalize ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
}

const sorted = new Map<string, ReadonlyArray<readonly [code: string, name: string]>>();

/**
 * Codes with their names in `locale`, sorted by name; named and sorted once per list and locale (Intl is
 * slow to ask for 20 names on every render).
 */
export function byLanguageName(
  codes: readonly string[],
  locale: string,
): ReadonlyArray<readonly [code: string, name: string]> {
  const key = `${locale}|${codes.join(',')}`;
  let list = sorted.get(key);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = codes
      .map((code) => [code, languageName(code, locale)] as const)
      .sort((a, b) => collator.compare(a[1], b[1]));
    sorted.set(key, list);
  }
  return list;
}

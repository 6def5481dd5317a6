// Answers in texts (decision 0021): a text that names answers ({{barn-navn}}) falls back to the text under
// the same key with "Empty" after it while one of them has none. Apart from answer-values.ts, which the
// widget needs only in its late chunk and the form package brings for the first steps.

export type TextValues = Record<string, string | number>;

/** The keys to look a text up by: the "Empty" text first when a value it names is missing. */
export function keysFor(t: (key: string, values: TextValues) => string, key: string, values: TextValues): string[] {
  return /\{\{.+?\}\}/.test(t(key, values)) ? [`${key}Empty`, key] : [key];
}

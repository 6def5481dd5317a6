// The inbox's words (locales/nb/inbox.json): the inbox is for NAV's caseworkers, in bokmål, like the record.
import inboxTexts from '../../../../locales/nb/inbox.json' with { type: 'json' };

type Values = Record<string, string | number>;

const lookup = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      inboxTexts,
    );

/** A text; with a number `count`, its _one or _other form. A missing key is a bug. */
export function inboxText(key: string, values: Values = {}): string {
  const plural =
    typeof values.count === 'number' ? lookup(`${key}_${values.count === 1 ? 'one' : 'other'}`) : undefined;
  const text = plural ?? lookup(key);
  if (typeof text !== 'string') throw new Error(`locales/nb/inbox.json has no text "${key}".`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

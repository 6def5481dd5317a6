// A text as the translator sees it: words, and the codes the widget fills in ({{count}}, {{amount, number}},
// $t(key)), which must come back exactly as they are. Export writes codes as XLIFF inline codes, not as text.

/** Words, or a code the widget replaces. */
export type Piece = { text: string } | { code: string };

const CODE = /\{\{[^{}]*\}\}|\$t\([^()]*\)/g;

/** Splits a text into words and codes, in order. */
export function pieces(text: string): Piece[] {
  const result: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    if (match.index > last) result.push({ text: text.slice(last, match.index) });
    result.push({ code: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) result.push({ text: text.slice(last) });
  return result;
}

/** The codes of a text, in order. */
export const codes = (text: string): string[] => pieces(text).flatMap((p) => ('code' in p ? [p.code] : []));

/** A code's name as parity compares it: {{count, number}} and {{ count }} are both count. */
export const codeName = (code: string): string =>
  code.startsWith('$t(') ? code : (/^\{\{\s*([^,}\s]+)/.exec(code)?.[1] ?? code);

/** Something that looks like a code but is not one: a translator typed or broke it ({{name}, {name}}, { {x}}). */
export const looksLikeCode = (text: string): boolean => /\{\{|\}\}|\$t\(/.test(text);

// The leaves of a nested i18next resource (locales/<lng>/<namespace>.json), with the path of keys to each.
// Parity checks, text versions and the plain-language linter all walk the same trees this way.

const isTree = (node: unknown): node is Record<string, unknown> =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

/** The suffix of an author's note to the plain-language linter beside a text: `label_lint` beside `label`. */
export const LINT_NOTE = '_lint';

/**
 * Whether `key` of `node` is a note to the linter (klarskjema lint) about the text beside it: an object under
 * `<name>_lint` where `<name>` is a text of the same node. Not a text: the widget never looks it up, and parity
 * checks and text versions skip it (docs/decisions/0023-lint-for-editors-and-ci.md).
 */
export const isLintNote = (node: Record<string, unknown>, key: string): boolean =>
  key.endsWith(LINT_NOTE) && isTree(node[key]) && typeof node[key.slice(0, -LINT_NOTE.length)] === 'string';

/** Every non-object value under `node`, in file order, with its key path below `path`; notes to the linter are left out. */
export function textLeaves(node: unknown, path: readonly string[] = []): Array<[path: string[], value: unknown]> {
  if (!isTree(node)) return path.length > 0 ? [[[...path], node]] : [];
  return Object.entries(node).flatMap(([key, value]) =>
    isLintNote(node, key) ? [] : textLeaves(value, [...path, key]),
  );
}

/** The notes to the linter under `node`: the path of each note's text, and the note. */
export function lintNotes(node: unknown, path: readonly string[] = []): Array<[path: string[], note: unknown]> {
  if (!isTree(node)) return [];
  return Object.entries(node).flatMap(([key, value]): Array<[string[], unknown]> =>
    isLintNote(node, key) ? [[[...path, key.slice(0, -LINT_NOTE.length)], value]] : lintNotes(value, [...path, key]),
  );
}

/** A resource without its notes to the linter: what the widget gets (the notes are for authors and reviewers). */
export function withoutLintNotes(node: unknown): unknown {
  if (!isTree(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !isLintNote(node, key))
      .map(([key, value]) => [key, withoutLintNotes(value)]),
  );
}

// The leaves of a nested i18next resource (locales/<lng>/<namespace>.json), with the path of keys to each.
// Parity checks, text versions and the plain-language linter all walk the same trees this way.

const isTree = (node: unknown): node is Record<string, unknown> =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

/** Every non-object value under `node`, in file order, with its key path below `path`. */
export function textLeaves(node: unknown, path: readonly string[] = []): Array<[path: string[], value: unknown]> {
  if (!isTree(node)) return path.length > 0 ? [[[...path], node]] : [];
  return Object.entries(node).flatMap(([key, value]) => textLeaves(value, [...path, key]));
}

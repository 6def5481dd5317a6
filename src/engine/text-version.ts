// Which text each answer was given to (docs/users.md N10, N19): besides the locale and the variant, a short
// version of the field's texts exactly as the widget showed them. `klarskjema build` computes the
// versions (packages/tools/src/build/text-versions.ts) and ships them in the package; docs/decisions/0010-*.md.
import type { TextVariant } from './submission.ts';

/** By locale, then variant, then field id: the version of that field's texts. A plain table holds only
 *  the fields whose plain texts differ from the standard ones; the others fall back to standard. */
export type TextVersions = Record<string, { standard: Record<string, string>; plain?: Record<string, string> }>;

/** A text version: the first 8 hex digits of a SHA-256 over the field's texts. */
export const TEXT_VERSION = /^[0-9a-f]{8}$/;

/** The version of a field's texts in a locale and variant, if the package knows it. */
export function textVersionOf(
  versions: TextVersions | undefined,
  locale: string,
  variant: TextVariant,
  field: string,
): string | undefined {
  const table = versions?.[locale];
  if (!table) return undefined;
  return (variant === 'plain' ? table.plain?.[field] : undefined) ?? table.standard[field];
}

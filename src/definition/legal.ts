// Legal texts (declarations, consents, privacy, rights and duties) and how their plain variant is locked
// to their meaning (docs/decisions/0031-legal-texts-locked.md). A declaration the user confirms is shown in
// its standard wording, with the plain one beneath; any other legal text's plain variant needs a recorded
// review that it says the same (locales/<lng>/legal-review.json), and the review goes stale when either changes.
import type { FieldDefinition, FormDefinition, LegalKind } from './types.ts';

/** The widget's own legal texts: the privacy notice (components/privacy/privacy.ts). A form may override each. */
export const PRIVACY_PARTS = ['who', 'basis', 'kept', 'rights'] as const;
const privacyKeys = (): readonly string[] => [
  'privacy.title',
  ...PRIVACY_PARTS.flatMap((part) => [`privacy.${part}Title`, `privacy.${part}`]),
  'privacy.more',
];
// Pure, so a bundle that only needs shownTogether (the widget's first chunk) leaves the list out.
export const PRIVACY_KEYS = /* @__PURE__ */ privacyKeys();

/** A declaration is shown in both wordings at once; the other kinds rely on a recorded review. */
export const shownTogether = (kind: LegalKind | undefined): boolean => kind === 'declaration';

/** The top-level fields marked legal, in form order. */
export const legalFields = (definition: FormDefinition): FieldDefinition[] =>
  definition.steps.flatMap((step) => step.fields).filter((field) => field.legal !== undefined);

/** One legal review (locales/<lng>/legal-review.json): who checked that the plain text says what the standard one says. */
export interface LegalReview {
  /** A person's name and role. */
  by: string;
  /** YYYY-MM-DD. */
  at: string;
  /** Fingerprints (textFingerprint) of the standard and the plain text as reviewed. */
  standard: string;
  plain: string;
  note?: string;
}

/** { "<namespace>": { "<key>": LegalReview } }, the key being the standard text's. */
export type LegalReviews = Record<string, Record<string, LegalReview>>;

/** FNV-1a, 32 bits, hex: the same fingerprint as text-status.json's, so a changed text is noticed. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

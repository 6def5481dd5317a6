// What `klarskjema check` reports. A finding is data: a code, a JSON pointer into the form definition
// and the values its texts need. The texts (what is wrong, how to fix it) live in locales/<lng>/cli.json
// under check.<code>.problem and check.<code>.fix.

/** Every finding code. Each has check.<code>.problem and check.<code>.fix in locales/<lng>/cli.json. */
export const FINDING_CODES = [
  // The file itself
  'unreadable',
  // The meta-schema (schemas/form.schema.json)
  'schema-type',
  'schema-required',
  'schema-additional-property',
  'schema-unknown-kind',
  'schema-enum',
  'schema-const',
  'schema-first-locale',
  'schema-id-pattern',
  'schema-version-pattern',
  'schema-pattern',
  'schema-min-items',
  'schema-unique-items',
  'schema-minimum',
  'schema-fields-only-group',
  'schema-property-not-for-kind',
  'schema-invalid',
  // Ids
  'duplicate-step-id',
  'duplicate-field-id',
  'duplicate-attachment-id',
  'kind-not-allowed-in-group',
  // The answers schema
  'answer-missing',
  'answer-unused',
  'guidance-has-answer',
  'answers-required',
  'ref-not-allowed',
  'ref-unknown-def',
  'kind-schema-mismatch',
  'maxlength-mismatch',
  'answers-schema-invalid',
  'pattern-backtracking',
  // Documents
  'attachments-field-missing',
  'attachments-field-duplicate',
  'attachments-list-missing',
  // Conditions
  'condition-unknown-answer',
  'condition-no-answer',
  'condition-attachments-answer',
  'condition-item-answer',
  'condition-not-in-group',
  'condition-later-answer',
  'condition-impossible-value',
  // A date that may not be before another
  'not-before-field',
  // Expressions (decision 0021) and texts that name answers
  'expression-shape',
  'expression-arguments',
  'expression-type',
  'expression-unknown-answer',
  'expression-item-answer',
  'expression-no-value',
  'expression-later-answer',
  'expression-group',
  'expression-step',
  'placeholder-unknown',
  // Texts
  'locale-file-missing',
  'texts-unreadable',
  'text-missing',
  // Translations against nb
  'translation-missing',
  'translation-extra',
  'translation-placeholders',
  'translation-empty',
  // Terms, typography and review status against the locale's termbase (decision 0027)
  'term-rendering',
  'term-norwegian-missing',
  'typography-mixed',
  'address-form',
  'text-status-missing',
  'text-status-invalid',
  'translation-reviewed-early',
  // Legal texts: a plain variant shown beside the standard one or reviewed as saying the same (decision 0031)
  'legal-plain-unreviewed',
  'legal-review-stale',
  // Plain texts in every locale where nb has them, up to the declared bar (decision 0030)
  'plain-coverage',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingParams = Record<string, unknown>;

export interface Finding {
  code: FindingCode;
  /** JSON pointer (RFC 6901) into the form definition; '' for the whole file. */
  pointer: string;
  /** Values the texts interpolate. `context`, when set, picks a variant of the texts (i18next context). */
  params: FindingParams;
}

/** The findings of one file. */
export interface FileReport {
  /** The file as the user named it (relative to the working directory when inside it). */
  file: string;
  findings: Finding[];
}

/** Codes that mean a file could not be read at all (exit code 2 rather than 1). */
export const UNREADABLE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(['unreadable', 'texts-unreadable']);

export const finding = (code: FindingCode, pointer: string, params: FindingParams = {}): Finding => ({
  code,
  pointer,
  params,
});

/** JSON pointer token escaping (RFC 6901). */
export const pointerToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/** Appends tokens to a pointer: at('/answers', 'properties', 'a/b') is '/answers/properties/a~1b'. */
export const at = (base: string, ...tokens: Array<string | number>): string =>
  base + tokens.map((t) => `/${pointerToken(t)}`).join('');

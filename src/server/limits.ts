// Limits on what the receiver accepts, each with the reason for its size. A legitimate submission of
// the example forms is a few kilobytes; these bounds are generous for people and tight for abuse.

/** Whole request body of a submission. The biggest honest submission (12 children, every text field
 *  full, every document described) is well under 200 KB; 1 MB leaves room for bigger forms while a
 *  parse of the body stays a few milliseconds. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** One string. The longest free-text answer a form allows today is 4 000 characters (kontakt's
 *  "beskrivelse"); 20 000 is five times that, and keeps any one string far below the body limit. */
export const MAX_STRING_LENGTH = 20_000;

/** One object key. Keys are field ids, document ids and answer paths ("barn/3/barn-navn"), all short. */
export const MAX_KEY_LENGTH = 256;

/** One array. Forms cap their repeating groups (barn: 12) and files per document (20); 200 is ten
 *  times the largest and bounds the work of `uniqueItems`, which is quadratic. */
export const MAX_ARRAY_ITEMS = 200;

/** Keys of one object. answers and answeredIn have one key per question answered; a form with more
 *  than 1 000 questions is not one a person can fill in. */
export const MAX_OBJECT_KEYS = 1_000;

/** Nesting of objects and arrays, the submission itself being level 1. The deepest honest value is a
 *  file's name: submission › answers › documents › document › files › file (level 6). */
export const MAX_DEPTH = 10;

/** Errors reported for one body; past this the body is hopeless and the list only costs. */
export const MAX_ERRORS = 50;

/** One uploaded file: the same 10 MB as `size` in schemas/answers/attachment.schema.json, enough for a
 *  phone photo or a scanned multi-page PDF. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Files per document of one submission: the `maxItems` of a document's files in attachment.schema.json. */
export const MAX_FILES_PER_DOCUMENT = 20;

/** A file name as the user's device gave it: the `maxLength` of a file's name in attachment.schema.json. */
export const MAX_FILE_NAME_LENGTH = 255;

/** Keys that can change an object's prototype in careless code downstream (lodash.merge and kin).
 *  JSON.parse creates `__proto__` as an own key, so the check is on own keys. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A submission id, which is also the idempotency key: the widget sends a UUID (36 characters) or
 *  32 hex digits; letters, digits, '-' and '_' keep it safe in URLs, file names and logs. */
export const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,128}$/;

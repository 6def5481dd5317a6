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

/** Files per submission, all documents together: three times the 20 files one document may hold. The
 *  largest example form asks for 7 documents, and a person rarely has more than a few pages of each. */
export const MAX_FILES_PER_SUBMISSION = 60;

/** Bytes per submission, all files together: ten full-size files. Enough for scans of every document
 *  a form asks for; small enough that one unguessable id cannot fill the data disk. */
export const MAX_BYTES_PER_SUBMISSION = 100 * 1024 * 1024;

/** How long an upload token lasts: enough to choose and send the files of one application on a slow
 *  line; the widget asks for a new one when it has expired. */
export const UPLOAD_TOKEN_TTL_MS = 60 * 60 * 1000;

/** How long an upload waits for its submission before the sweep deletes it (row and file), unless
 *  KLARSKJEMA_UPLOAD_TTL_HOURS says otherwise: a day covers a person who uploads, pauses, and sends
 *  the same day, while a disk filled by abandoned or hostile uploads empties within a day. */
export const DEFAULT_UPLOAD_TTL_HOURS = 24;

/** How often a running receiver sweeps: hourly keeps the sweep's own cost negligible, and an upload
 *  lives at most its TTL plus an hour. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** The time one submission may take to validate in a worker: honest submissions take milliseconds;
 *  past this a pattern is backtracking catastrophically, the worker is replaced and the sender gets
 *  503 validation-timeout. */
export const VALIDATION_BUDGET_MS = 2_000;

/** Validation workers: the machine this runs on may have 2 cores, and the event loop needs one. */
export const VALIDATION_WORKERS = 2;

/** Submissions waiting for a free validation worker; past this the receiver answers 503 at once rather
 *  than hold more bodies (at most 1 MB each) in memory. */
export const MAX_QUEUED_VALIDATIONS = 64;

/** Time for a client to send its request headers: 10 s is ample on a poor mobile line, and a client
 *  that dribbles headers to hold a connection (slowloris) is cut then. */
export const HEADERS_TIMEOUT_MS = 10_000;

/** Time for a whole request, body included: a 10 MB file at 2 Mbit/s takes 42 s; 120 s leaves room for
 *  a slower line, and a client that dribbles a body is cut then. */
export const REQUEST_TIMEOUT_MS = 120_000;

/** An idle kept-alive connection is closed after this: the widget sends its files and its submission
 *  back to back, so a few seconds of reuse is all it needs. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** Open connections at once; more are refused. A municipality's peak is a few requests a second,
 *  each done in well under a second, so 256 leaves wide room while bounding memory and descriptors. */
export const MAX_CONNECTIONS = 256;

/** How often node:http checks the header and request timeouts (its default of 30 s would let a slow
 *  client stay up to 30 s past them). */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** How long the link on a receipt lets the applicant send documents later (and see the status): 26 weeks,
 *  unless KLARSKJEMA_FOLLOW_UP_WEEKS says otherwise. Social assistance decisions and their appeals are settled
 *  well within half a year; after that the office asks by letter. */
export const DEFAULT_FOLLOW_UP_WEEKS = 26;

/** Failed tries of a follow-up link (wrong, expired or unknown) per address and per reference within
 *  FOLLOW_UP_WINDOW_MS; past either, 429. The secret has 256 bits, so this is about noise, not guessing. */
export const MAX_FOLLOW_UP_FAILURES_PER_ADDRESS = 20;
export const MAX_FOLLOW_UP_FAILURES_PER_REFERENCE = 10;
export const FOLLOW_UP_WINDOW_MS = 15 * 60 * 1000;

/** «Har ikke» with a reason: a few sentences, as in the form's own reason box. */
export const MAX_FOLLOW_UP_REASON_LENGTH = 2_000;

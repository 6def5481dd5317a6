// @klarskjema/receiver as a library: what an embedder needs to receive submissions in its own server, or
// to validate them in its own backend exactly as the widget did. Nothing else is public; the modules
// behind these names may change between versions. docs/receiver.md shows how to use them.

// A receiver: handle() for any node:http server, or openReceiver + startReceiver for the usual setup.
export {
  createReceiver,
  openReceiver,
  startReceiver,
  loadFormPackages,
  uploadTtlFromEnv,
  API_PREFIX,
  DEFAULT_DATA_DIR,
  DEFAULT_FORMS_DIR,
  ROUTES,
  SECURITY_HEADERS,
  SHUTDOWN_GRACE_MS,
} from './receiver.ts';
export type {
  Receiver,
  ReceiverOptions,
  OpenReceiverOptions,
  StartReceiverOptions,
  StartedReceiver,
  RouteTemplate,
} from './receiver.ts';

// Validation for any backend (docs/decisions/0005-receiver.md).
export { validateSubmission } from './validate-submission.ts';
export type { SubmissionValidation, SubmissionError, SubmissionCheckOptions } from './validate-submission.ts';
export { loadFormPackage } from '../../../src/node/load-package.ts';
export type { FormPackage } from '../../../src/engine/form-package.ts';
export type { Submission } from '../../../src/engine/submission.ts';

// Storage: SQLite built in; any other store implements SubmissionStore and maps its failures to
// StorageUnavailable (storageFault does it for SQLite and file system codes).
export { SqliteSubmissionStore, SQLITE_FILE_NAME } from './sqlite-store.ts';
export type { SqliteStoreOptions } from './sqlite-store.ts';
export { StorageUnavailable, storageFault } from './store.ts';
export type {
  SubmissionStore,
  NewSubmission,
  SaveSubmissionResult,
  NewAttachment,
  SaveAttachmentResult,
  SubmissionQuota,
  StoredUpload,
} from './store.ts';
export type { AttachmentType } from './file-types.ts';
export { submissionDigest } from './digest.ts';
export { isReference, normalizeReference } from './reference.ts';

// The caseworker's inbox (docs/decisions/0028-inbox-and-sign-in.md): a store of one's own implements CaseStore too.
export type { CaseStore, CaseStatus, StoredCase, CaseAttachment, AccessEntry, OfficeScope } from './case-store.ts';
export type { InboxOptions } from './inbox/inbox.ts';
export type { InboxConfig, CaseworkerAccount, OidcSettings } from './inbox/config.ts';

// Operations: log lines and metrics (docs/decisions/0014-receiver-operations.md).
export type { LogLevel } from './log.ts';
export { ReceiverMetrics } from './metrics.ts';
export { RECEIVER_VERSION } from './version.ts';

/** Every limit the receiver enforces, each with its reason (limits.ts). */
export * as limits from './limits.ts';

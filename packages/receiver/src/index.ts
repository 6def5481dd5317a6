// @klarskjema/receiver as a library: embed the receiver in any node:http server, or validate
// submissions in another backend exactly as the widget did.
export { createReceiver, loadFormPackages, openReceiver, startReceiver, type Receiver, type ReceiverOptions, type StartedReceiver } from './receiver.ts';
export { validateSubmission, type SubmissionValidation } from './validate-submission.ts';
export { SqliteSubmissionStore } from './sqlite-store.ts';
export { StorageUnavailable, type SubmissionStore } from './store.ts';
export { submissionDigest } from './digest.ts';
export { loadFormPackage } from '../../../src/node/load-package.ts';
export type { FormPackage } from '../../../src/engine/form-package.ts';
export type { Submission } from '../../../src/engine/submission.ts';

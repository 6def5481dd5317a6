// What documents sent later («ettersending», docs/decisions/0035-documents-sent-later.md) need of a store: the
// links a receipt gives (only a hash of each secret), and what the applicant did through one (a file received,
// «har ikke» with a reason). A separate interface beside SubmissionStore and CaseStore, as the inbox's is.
import type { Submission } from '../../../src/engine/submission.ts';
import type { CaseStatus } from './case-store.ts';

export interface FollowUpLink {
  /** SHA-256 of the secret, hex: the secret itself is never stored. */
  secretSha256: string;
  expiresAt: Date;
}

/** The application a link belongs to, found by its reference (in any office: the link is the applicant's). */
export interface FollowUpCase {
  reference: string;
  submissionId: string;
  formId: string;
  formVersion: string;
  receivedAt: Date;
  status: CaseStatus;
  submission: Submission;
  /** Every link issued for it (a retried Send issues another). */
  links: FollowUpLink[];
}

export type FollowUpEvent =
  /** A file for the document (its key: `document` or `document.item`) arrived; `attachment` is its ref. */
  | { kind: 'received'; document: string; at: Date; attachment: string }
  /** The applicant said again that they do not have it, and why. */
  | { kind: 'not-had'; document: string; at: Date; reason: string };

export interface FollowUpStore {
  addFollowUpLink(reference: string, link: FollowUpLink, issuedAt: Date): Promise<void>;
  /** null when no application has this reference. */
  followUpCase(reference: string): Promise<FollowUpCase | null>;
  /** Oldest first. */
  followUpEvents(reference: string): Promise<FollowUpEvent[]>;
  /** Appends the event and counts it on the application (StoredCase.followUps), in one transaction. */
  addFollowUpEvent(reference: string, event: FollowUpEvent): Promise<void>;
}

export const isFollowUpStore = (store: object): store is FollowUpStore =>
  typeof (store as Partial<FollowUpStore>).addFollowUpLink === 'function' &&
  typeof (store as Partial<FollowUpStore>).followUpEvents === 'function';

export interface FollowUpEventRow {
  kind: 'received' | 'not-had';
  document: string;
  at: Date | string;
  attachment: string | null;
  reason: string | null;
}

export const followUpEventOf = (row: FollowUpEventRow): FollowUpEvent => {
  const at = new Date(row.at);
  return row.kind === 'received'
    ? { kind: 'received', document: row.document, at, attachment: row.attachment ?? '' }
    : { kind: 'not-had', document: row.document, at, reason: row.reason ?? '' };
};

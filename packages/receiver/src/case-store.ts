// What the caseworker's inbox needs of a store (docs/decisions/0028-inbox-and-sign-in.md): the applications of
// one office, the status a caseworker sets, and the access log, which only grows. Both stores implement it
// beside SubmissionStore; it is a separate interface so that a backend's own SubmissionStore keeps working.
import type { Submission } from '../../../src/engine/submission.ts';
import type { AttachmentType } from './file-types.ts';

/** The statuses a caseworker sets, in the order a case moves through them. */
export const CASE_STATUSES = ['mottatt', 'under-behandling', 'ferdig'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const isCaseStatus = (value: unknown): value is CaseStatus =>
  typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);

/** Submissions stored before offices existed have office ''; the receiver's default office sees them. */
export const NO_OFFICE = '';

export interface StoredCase {
  reference: string;
  submissionId: string;
  formId: string;
  formVersion: string;
  office: string;
  receivedAt: Date;
  status: CaseStatus;
  statusChangedAt?: Date;
  statusChangedBy?: string;
  /** How many documents were sent later or declared not had (follow-up-store.ts): the record changes with them. */
  followUps: number;
  submission: Submission;
}

export interface CaseAttachment {
  ref: string;
  documentId: string;
  fileName: string | null;
  type: AttachmentType;
  size: number;
  /** Relative to the data folder. */
  storagePath: string;
  receivedAt: Date;
}

/** What a caseworker did, as the access log keeps it. */
export type AccessAction = 'list' | 'record' | 'attachment' | 'status';

export interface AccessEntry {
  at: Date;
  /** The caseworker's id (an account name, or the identity provider's subject). */
  caseworker: string;
  office: string;
  action: AccessAction;
  /** The application's reference; none for the list. */
  reference?: string;
  /** The attachment's ref, or the status set. */
  detail?: string;
}

/** Which offices a query covers: the caseworker's, and submissions without an office when it is the default one. */
export interface OfficeScope {
  office: string;
  includeUnassigned: boolean;
}

export interface CaseStore {
  /** Newest first, at most `limit`; with `after`, only those older than the application with that reference (a page's
   *  cursor: keyset paging on the order itself, so a new application never shifts a page). */
  listCases(scope: OfficeScope, limit: number, after?: string): Promise<StoredCase[]>;
  /** null when there is none in this scope: another office's application is not found, not forbidden. */
  findCase(scope: OfficeScope, reference: string): Promise<StoredCase | null>;
  attachmentsOf(formId: string, submissionId: string): Promise<CaseAttachment[]>;
  /** false when the case is not in this scope. */
  setCaseStatus(scope: OfficeScope, reference: string, status: CaseStatus, by: string, at: Date): Promise<boolean>;
  /** Appends one line to the access log, committed before the caller shows anything. */
  appendAccess(entry: AccessEntry): Promise<void>;
}

/** Whether a store keeps cases (the stores of this package do; a backend's own may not). */
export const isCaseStore = (store: object): store is CaseStore =>
  typeof (store as Partial<CaseStore>).listCases === 'function' &&
  typeof (store as Partial<CaseStore>).appendAccess === 'function';

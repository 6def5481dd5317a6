// Documents sent later («ettersending», docs/decisions/0035-documents-sent-later.md): the link on the receipt,
// what it opens (the documents still outstanding and the caseworker's status), and how it is checked. The
// routes are in receiver.ts; this module holds what does not need HTTP.
//
// A link is `<reference>.<secret>`: 32 random bytes, base64url (256 bits). The store keeps only the secret's
// SHA-256. The widget puts the link in the page's fragment (never sent to a server) and sends it to the receiver
// in `Authorization: Bearer …`, never in a URL. Wrong, unknown and expired links get the same answer.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldDefinition, FormDefinition } from '../../../src/definition/types.ts';
import { isRecord } from '../../../src/engine/answers.ts';
import { documentIdOf, ITEM_ID, ITEM_ID_PATTERN, itemIdOf } from '../../../src/engine/items.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import { itemValues, type TextValues } from '../../../src/i18n/answer-values.ts';
import { FailureWindow } from './inbox/sessions.ts';
import type { FollowUpCase, FollowUpEvent, FollowUpLink } from './follow-up-store.ts';
import {
  FOLLOW_UP_WINDOW_MS,
  MAX_FOLLOW_UP_FAILURES_PER_ADDRESS,
  MAX_FOLLOW_UP_FAILURES_PER_REFERENCE,
} from './limits.ts';
import { isReference } from './reference.ts';

const SECRET_BYTES = 32;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A new link for an application: the text for the receipt, and what the store keeps. */
export function issueFollowUpLink(reference: string, expiresAt: Date): { link: string; stored: FollowUpLink } {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { link: `${reference}.${secret}`, stored: { secretSha256: sha256(secret), expiresAt } };
}

/** The reference and secret of `Authorization: Bearer <reference>.<secret>`; null when it is not one. */
export function linkFromAuthorization(header: string | undefined): { reference: string; secret: string } | null {
  const match = /^Bearer ([^\s.]+)\.([^\s.]+)$/.exec(header ?? '');
  if (!match) return null;
  const [, reference = '', secret = ''] = match;
  return isReference(reference) && SECRET.test(secret) ? { reference, secret } : null;
}

/** A hash no secret has: compared against when there is no application, so that both cost the same. */
const DECOY = sha256('klarskjema follow-up decoy');

/** Whether the secret is one of the application's links that is still valid, compared in constant time. */
export function linkOpens(found: FollowUpCase | null, secret: string, now: Date): boolean {
  const given = Buffer.from(sha256(secret), 'hex');
  const links = found?.links.length ? found.links : [{ secretSha256: DECOY, expiresAt: new Date(0) }];
  let opens = false;
  for (const link of links) {
    const same = timingSafeEqual(given, Buffer.from(link.secretSha256, 'hex'));
    if (same && found && link.expiresAt.getTime() > now.getTime()) opens = true;
  }
  return opens;
}

/** Failed tries per address and per reference (sessions.ts's sliding window), on the receiver's clock. */
export class FollowUpLimits {
  readonly #addresses = new FailureWindow(MAX_FOLLOW_UP_FAILURES_PER_ADDRESS, FOLLOW_UP_WINDOW_MS);
  readonly #references = new FailureWindow(MAX_FOLLOW_UP_FAILURES_PER_REFERENCE, FOLLOW_UP_WINDOW_MS);
  constructor(readonly now: () => Date) {}

  /** Seconds to wait; 0 when a try may be made now. */
  retryAfterSeconds(address: string, reference: string | null): number {
    const at = this.now().getTime();
    const wait = Math.max(
      this.#addresses.waitMs(address, at),
      reference === null ? 0 : this.#references.waitMs(reference, at),
    );
    return Math.ceil(wait / 1000);
  }

  failed(address: string, reference: string | null): void {
    const at = this.now().getTime();
    this.#addresses.fail(address, at);
    if (reference !== null) this.#references.fail(reference, at);
  }
}

export type DocumentState = 'outstanding' | 'received' | 'not-had';

/** One document the applicant was to send later, or said they did not have, as the link shows it. */
export interface FollowUpDocument {
  /** The attachments question's id. */
  field: string;
  /** The document's key in the answers: `<document>` or `<document>.<item>` for a document per item. */
  document: string;
  state: DocumentState;
  /** The values its name needs (a child's name for a document per child), in the submission's locale. */
  values: TextValues;
  /** When files came through the link. */
  received: string[];
  /** The reason the applicant gave for not having it (at sending, or later). */
  reason?: string;
}

const attachmentFields = (definition: FormDefinition): FieldDefinition[] =>
  definition.steps.flatMap((step) => step.fields).filter((field) => field.kind === 'attachments');

/** The values a document's name needs: a document per item is named by its item's answers (decision 0021). */
function documentValues(definition: FormDefinition, submission: Submission, key: string): TextValues {
  const group = definition.attachments?.find((d) => d.id === documentIdOf(key))?.forEach;
  if (group === undefined) return {};
  const field = definition.steps.flatMap((s) => s.fields).find((f) => f.id === group);
  const items = Array.isArray(submission.answers[group]) ? (submission.answers[group] as unknown[]) : [];
  const index = items.findIndex((item) => isRecord(item) && item[ITEM_ID] === itemIdOf(key));
  return field && index >= 0 ? itemValues(field, items[index], index, submission.locale) : {};
}

/** The documents sent «later» or «har ikke» in the submission, each with what came through the link since. */
export function followUpDocuments(
  definition: FormDefinition,
  submission: Submission,
  events: readonly FollowUpEvent[],
): FollowUpDocument[] {
  const documents: FollowUpDocument[] = [];
  for (const field of attachmentFields(definition)) {
    const answer = submission.answers[field.id];
    if (!isRecord(answer)) continue;
    for (const key of submission.attachments) {
      const entry = answer[key];
      if (!isRecord(entry) || (entry.status !== 'later' && entry.status !== 'missing')) continue;
      const own = events.filter((event) => event.document === key);
      const received = own.flatMap((event) => (event.kind === 'received' ? [event.at.toISOString()] : []));
      const last = own[own.length - 1];
      const reason =
        last?.kind === 'not-had' ? last.reason : typeof entry.reason === 'string' ? entry.reason : undefined;
      const state: DocumentState =
        last?.kind === 'not-had'
          ? 'not-had'
          : received.length > 0
            ? 'received'
            : entry.status === 'missing'
              ? 'not-had'
              : 'outstanding';
      documents.push({
        field: field.id,
        document: key,
        state,
        values: documentValues(definition, submission, key),
        received,
        ...(state === 'not-had' && reason ? { reason } : {}),
      });
    }
  }
  return documents;
}

/** A document key the form asks for: a document's id, or `<id>.<item id>` for a document per item. */
export function isDocumentKey(known: ReadonlySet<string>, key: string): boolean {
  const item = itemIdOf(key);
  return (
    known.has(documentIdOf(key)) &&
    (item === undefined ? !key.includes('.') : ITEM_ID_PATTERN.test(item)) &&
    key.split('.').length <= 2
  );
}

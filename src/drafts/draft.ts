// A draft: what the user has answered so far and where they are in the form, as plain JSON that a
// store can keep. Never the contents of a file, and not even a chosen file's name: a file lives only in
// memory until it is sent, so a restored draft asks for it again.
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import { isRecord, type Answers } from '../engine/answers.ts';
import type { FormPackage } from '../engine/form-package.ts';
import type { WizardContext, WizardInput } from '../engine/machine.ts';
import type { AnswerContext, TextVariant } from '../engine/submission.ts';

export interface Draft {
  format: 1;
  form: { id: string; version: string };
  answers: Answers;
  unsure: string[];
  answeredIn: Record<string, AnswerContext>;
  step: string;
  visited: string[];
  /** The user was on the review page (or sending from it). */
  review: boolean;
  locale: string;
  variant: TextVariant;
  /** When the user began, and when this copy was saved (ISO 8601). */
  startedAt: string;
  savedAt: string;
  /** The user ticked "Husk svarene mine på denne enheten". */
  remember: boolean;
  /** Set once the user pressed Send: a resend after a reload keeps the same idempotency key, while the
   *  body is the same (`submissionFingerprint`, src/engine/submission-digest.ts); a changed body gets a new id. */
  submissionId?: string;
  submissionFingerprint?: string;
  /** Ids of earlier, different versions that were tried and may have arrived. */
  earlierSubmissionIds?: string[];
  /** Only in the device store: when the draft is deleted (ISO 8601). */
  expiresAt?: string;
  /** The user's request for contact and an interpreter (the machine checks it again on restore). */
  help?: unknown;
  /** What the user said about each prefilled value: right (true) or wrong (false). */
  prefillConfirmed?: Record<string, boolean>;
}

export type DraftPlace = Pick<
  WizardContext,
  'answers' | 'unsure' | 'answeredIn' | 'step' | 'visited' | 'locale' | 'variant'
> &
  Partial<Pick<WizardContext, 'startedAt' | 'help' | 'prefill' | 'tried' | 'earlierIds'>>;

const attachmentFieldsOf = new WeakMap<FormDefinition, FieldDefinition[]>();
/** The form's document questions, found once per definition (a draft is made often, the form can be long). */
export const attachmentFields = (definition: FormDefinition): FieldDefinition[] => {
  let found = attachmentFieldsOf.get(definition);
  if (!found) {
    found = definition.steps.flatMap((step) => step.fields).filter((field) => field.kind === 'attachments');
    attachmentFieldsOf.set(definition, found);
  }
  return found;
};

/** Answers as a store may keep them: a document's files only when the receiver already holds them (a ref). */
export function storableAnswers(definition: FormDefinition, answers: Answers): Answers {
  const result: Answers = { ...answers };
  for (const field of attachmentFields(definition)) {
    const documents = answers[field.id];
    if (!isRecord(documents)) continue;
    result[field.id] = Object.fromEntries(
      Object.entries(documents).map(([id, entry]) => {
        if (!isRecord(entry) || !Array.isArray(entry.files)) return [id, entry];
        const { files, ...rest } = entry;
        const kept = files.filter((file) => isRecord(file) && typeof file.ref === 'string');
        return [id, kept.length > 0 ? { ...rest, files: kept } : rest];
      }),
    );
  }
  return result;
}

export function draftOf(
  definition: FormDefinition,
  place: DraftPlace,
  meta: { review: boolean; savedAt: Date; remember: boolean },
): Draft {
  const confirmed = Object.entries(place.prefill ?? {}).filter(([, entry]) => typeof entry.confirmed === 'boolean');
  return {
    format: 1,
    form: { id: definition.id, version: definition.version },
    answers: storableAnswers(definition, place.answers),
    unsure: [...place.unsure],
    answeredIn: { ...place.answeredIn },
    step: place.step,
    visited: [...place.visited],
    review: meta.review,
    locale: place.locale,
    variant: place.variant,
    startedAt: place.startedAt ?? meta.savedAt.toISOString(),
    savedAt: meta.savedAt.toISOString(),
    remember: meta.remember,
    ...(place.tried
      ? {
          submissionId: place.tried.id,
          ...(place.tried.fingerprint ? { submissionFingerprint: place.tried.fingerprint } : {}),
        }
      : {}),
    ...(place.earlierIds?.length ? { earlierSubmissionIds: [...place.earlierIds] } : {}),
    ...(place.help && (place.help.contact || place.help.interpreter) ? { help: place.help } : {}),
    ...(confirmed.length > 0
      ? { prefillConfirmed: Object.fromEntries(confirmed.map(([id, entry]) => [id, entry.confirmed!])) }
      : {}),
  };
}

export interface Restored {
  input: WizardInput;
  /** Go on to the review page, where the user was. */
  review: boolean;
  /** Questions whose saved answers no longer fit the form (a newer version): to be answered again. */
  reanswer: string[];
  /** Documents the user had chosen files for: the files were not saved, so they must be chosen again. */
  chooseFilesAgain: string[];
}

/** Keeps what still validates under this version of the form (src/drafts/keep-valid.ts, in the late chunk). */
export type KeepValid = (formPackage: FormPackage, answers: Answers) => { answers: Answers; lost: string[] };

/** The newest of several drafts by savedAt, or null. */
export const newest = (drafts: ReadonlyArray<Draft | null>): Draft | null =>
  drafts.reduce<Draft | null>(
    (best, draft) => (draft && (!best || Date.parse(draft.savedAt) > Date.parse(best.savedAt)) ? draft : best),
    null,
  );

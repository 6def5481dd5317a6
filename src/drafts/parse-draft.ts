// Reading a stored draft (docs/decisions/0008-drafts.md). Apart from draft.ts so the server store, which
// loads late (docs/decisions/0012-lazy-chunks.md), does not pull the rest of draft.ts into a shared chunk; only
// the late chunk has it (the widget reads a stored draft with it, decision 0019).
import { isRecord } from '../engine/answers.ts';
import type { AnswerContext } from '../engine/submission.ts';
import type { Draft } from './draft.ts';
import { UnreadableDraft } from './stores.ts';

// UnreadableDraft lives with the stores: the widget checks for it from the start, and reads drafts with the late chunk.
export { UnreadableDraft };

/** A stored value that is there: the draft, or UnreadableDraft. */
export function readDraft(value: unknown, formId: string): Draft {
  const draft = parseDraft(value, formId);
  if (!draft) throw new UnreadableDraft('The stored draft cannot be read.');
  return draft;
}

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * A stored value as a draft of this form, or null when it is not one (another form, a broken or
 * tampered copy). Only the shape is checked here; the machine decides what of it is safe to use.
 */
export function parseDraft(value: unknown, formId: string): Draft | null {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (
    !isRecord(value) ||
    value.format !== 1 ||
    !isRecord(value.form) ||
    value.form.id !== formId ||
    typeof value.form.version !== 'string'
  )
    return null;
  const { answers, unsure, answeredIn, step, visited, locale, variant, startedAt, savedAt } = value;
  if (!isRecord(answers) || !strings(unsure) || !isRecord(answeredIn) || typeof step !== 'string' || !strings(visited))
    return null;
  if (
    typeof locale !== 'string' ||
    (variant !== 'standard' && variant !== 'plain') ||
    !isTime(startedAt) ||
    !isTime(savedAt)
  )
    return null;
  if (value.expiresAt !== undefined && !isTime(value.expiresAt)) return null;
  return {
    format: 1,
    form: { id: formId, version: value.form.version },
    answers,
    unsure,
    answeredIn: answeredIn as Record<string, AnswerContext>,
    step,
    visited,
    review: value.review === true,
    locale,
    variant,
    startedAt,
    savedAt,
    remember: value.remember === true,
    ...(typeof value.submissionId === 'string' ? { submissionId: value.submissionId } : {}),
    ...(typeof value.submissionFingerprint === 'string' ? { submissionFingerprint: value.submissionFingerprint } : {}),
    ...(strings(value.earlierSubmissionIds) ? { earlierSubmissionIds: value.earlierSubmissionIds } : {}),
    ...(typeof value.expiresAt === 'string' ? { expiresAt: value.expiresAt } : {}),
    ...(value.help !== undefined ? { help: value.help } : {}),
    ...(isRecord(value.prefillConfirmed)
      ? {
          prefillConfirmed: Object.fromEntries(
            Object.entries(value.prefillConfirmed).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'),
          ),
        }
      : {}),
  };
}

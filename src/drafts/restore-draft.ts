// Restoring a draft (draft.ts says what one is): in the widget only after a stored draft was read, which is done
// with the late chunk, so this is in that chunk too (docs/decisions/0019-widget-weight.md).
import { isRecord, type Answers } from '../engine/answers.ts';
import { validateStep } from '../engine/field-errors.ts';
import type { FormPackage } from '../engine/form-package.ts';
import type { WizardInput } from '../engine/machine.ts';
import { computeRelevance } from '../engine/relevance.ts';
import { attachmentFields, type Draft, type KeepValid, type Restored } from './draft.ts';

/**
 * What the machine starts from when a draft is restored. A draft of another version of the form keeps
 * only answers that still validate (`keepValid`, needed only then: the widget has it from its late chunk,
 * docs/decisions/0012-lazy-chunks.md), and starts on the first step the user has seen that now needs an
 * answer. Register values (prefill) go to the machine apart; they count only where the draft has no answer.
 */
export function restoreDraft(
  formPackage: FormPackage,
  draft: Draft,
  prefill: Answers = {},
  keepValid?: KeepValid,
): Restored {
  const { definition, validators } = formPackage;
  const sameVersion = draft.form.version === definition.version;
  if (!sameVersion && !keepValid) throw new Error('A draft of another form version needs keepValid.');
  const { answers, lost } = sameVersion ? { answers: draft.answers, lost: [] } : keepValid!(formPackage, draft.answers);
  const merged = { ...prefill, ...answers };
  const relevance = computeRelevance(definition, validators, merged);
  const reanswer = lost.filter((id) => relevance.fields.includes(id));
  let step = draft.step;
  if (!sameVersion) {
    const seen = relevance.steps.filter((id) => draft.visited.includes(id) || id === draft.step);
    const check = { definition, validators, answers: merged, unsure: draft.unsure, relevance };
    const faulty = seen.find(
      (id) =>
        validateStep(
          definition.steps.find((s) => s.id === id)!,
          check,
        ).length > 0,
    );
    if (faulty) step = faulty;
  }
  const chooseFilesAgain: string[] = [];
  for (const field of attachmentFields(definition)) {
    const documents = merged[field.id];
    if (!isRecord(documents)) continue;
    for (const id of relevance.attachments) {
      const entry = documents[id];
      if (isRecord(entry) && entry.status === 'uploaded' && !(Array.isArray(entry.files) && entry.files.length > 0))
        chooseFilesAgain.push(id);
    }
  }
  return {
    input: {
      answers,
      unsure: draft.unsure,
      answeredIn: draft.answeredIn,
      step,
      visited: draft.visited,
      locale: draft.locale,
      variant: draft.variant,
      startedAt: draft.startedAt,
      ...(draft.help !== undefined ? { help: draft.help as WizardInput['help'] } : {}),
      ...(draft.prefillConfirmed ? { prefillConfirmed: draft.prefillConfirmed } : {}),
      ...submissionsOf(draft, sameVersion),
    },
    review: draft.review && sameVersion && reanswer.length === 0 && chooseFilesAgain.length === 0,
    reanswer,
    chooseFilesAgain,
  };
}

/**
 * The submission last tried and the earlier ones. Under another version of the form the last one's id is
 * not reused (its body cannot be the same), but it may have arrived: it joins the earlier ids.
 */
function submissionsOf(draft: Draft, sameVersion: boolean): Pick<WizardInput, 'tried' | 'earlierIds'> {
  const earlier = draft.earlierSubmissionIds ?? [];
  if (!draft.submissionId) return earlier.length > 0 ? { earlierIds: earlier } : {};
  if (!sameVersion) return { earlierIds: [...earlier, draft.submissionId] };
  return {
    tried: { id: draft.submissionId, fingerprint: draft.submissionFingerprint ?? null },
    ...(earlier.length > 0 ? { earlierIds: earlier } : {}),
  };
}

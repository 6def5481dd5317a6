// The machine's bookkeeping for Send: the submission built from the context, the whole-submission check, its id
// (kept for a retry of the same body, a new one for a changed body), and the receiver's answer. Only Send and Retry
// need it, on the review page, which waits for the widget's late chunk; so the widget hands it to the machine from
// there (docs/decisions/0019-widget-weight.md) and Node hosts through createWizardMachine().
import type { FieldError } from './field-errors.ts';
import type { FormPackage } from './form-package.ts';
import { MAX_EARLIER_IDS, type Fingerprint, type SubmitFailure, type WizardContext } from './machine.ts';
import { buildSubmission, submissionErrors, type Submission } from './submission.ts';

/** The submission the context gives, with this id, judged at this time. */
const submissionOf = (formPackage: FormPackage, context: WizardContext, id: string, at: Date): Submission =>
  buildSubmission({
    id,
    definition: formPackage.definition,
    validators: formPackage.validators,
    relevance: context.relevance,
    unsure: context.unsure,
    answeredIn: context.answeredIn,
    locale: context.locale,
    variant: context.variant,
    now: at,
    help: context.help,
    prefill: context.prefill,
    startedAt: context.startedAt,
    textVersions: formPackage.textVersions,
  });

/** Step checks should make this impossible; if the package disagrees, nothing is sent. */
const wouldBeInvalid = (formPackage: FormPackage, context: WizardContext, at: Date): boolean =>
  submissionErrors(submissionOf(formPackage, context, 'not-sent', at), formPackage.validators).length > 0;

const withEarlier = (ids: readonly string[], id: string): string[] =>
  [...ids.filter((e) => e !== id), id].slice(-MAX_EARLIER_IDS);

/**
 * The submission to send now. The id survives a retry of the same body, so a receiver that got the
 * first attempt gives the same reference; any change (answers, flags, help, files, language, …) gets a
 * new id, and the old one is remembered: it may have arrived, and the receipt must say so.
 */
function nextSubmission(
  formPackage: FormPackage,
  context: WizardContext,
  at: Date,
  ids: { createId: () => string; fingerprint: Fingerprint },
): Pick<WizardContext, 'submission' | 'tried' | 'earlierIds'> {
  const draft = submissionOf(formPackage, context, context.tried?.id ?? 'pending', at);
  const fingerprint = ids.fingerprint(draft);
  const { tried } = context;
  // An older draft did not keep the body's fingerprint: keep its id; the receiver says 409 if the body changed.
  if (tried && (tried.fingerprint === fingerprint || tried.fingerprint === null || fingerprint === null)) {
    return { submission: draft, tried: { id: tried.id, fingerprint }, earlierIds: context.earlierIds };
  }
  const id = ids.createId();
  return {
    submission: { ...draft, id },
    tried: { id, fingerprint },
    earlierIds: tried ? withEarlier(context.earlierIds, tried.id) : context.earlierIds,
  };
}

/** The receiver holds this id with another body: the same submission with a new id, the old one remembered. */
function renewedSubmission(
  context: WizardContext,
  createId: () => string,
): Pick<WizardContext, 'renewedId' | 'submission' | 'tried' | 'earlierIds'> {
  const id = createId();
  return {
    renewedId: true,
    submission: { ...context.submission!, id },
    tried: { id, fingerprint: context.tried?.fingerprint ?? null },
    earlierIds: withEarlier(context.earlierIds, context.submission!.id),
  };
}

/** The first relevant step with errors, and its errors (Send checks every step again before it sends). */
function firstStepWithErrors(
  context: WizardContext,
  errorsOnStep: (stepId: string) => FieldError[],
): { step: string; errors: FieldError[] } | undefined {
  for (const id of context.relevance.steps) {
    const errors = errorsOnStep(id);
    if (errors.length > 0) return { step: id, errors };
  }
  return undefined;
}

/** The step of each of the form's fields, by id. */
const stepOfField = (formPackage: FormPackage, error: FieldError): string | undefined =>
  formPackage.definition.steps.find((step) => step.fields.some((field) => field.id === error.path.split('/')[1]))?.id;

/** Field errors of a failed sending that name a field of this form. */
const fieldErrorsOf = (formPackage: FormPackage, error: unknown): FieldError[] =>
  ((error as SubmitFailure | null)?.fieldErrors ?? []).filter((e) => stepOfField(formPackage, e) !== undefined);

/** The receiver found faults in answers: back to the first such step, errors on their fields. */
function receiverErrors(
  formPackage: FormPackage,
  error: unknown,
): Pick<WizardContext, 'errors' | 'step' | 'returnToReview' | 'submitError'> {
  const errors = fieldErrorsOf(formPackage, error);
  const step = stepOfField(formPackage, errors[0]!)!;
  return {
    errors: errors.filter((e) => stepOfField(formPackage, e) === step),
    step,
    returnToReview: true,
    submitError: null,
  };
}

/** Why sending failed, as the text's key suffix: a second 409 changed-body after a new id is a refusal like any other. */
function submitError(error: unknown): string {
  const reason = (error as SubmitFailure | null)?.reason ?? 'network';
  return reason === 'changed-body' ? 'refused' : reason;
}

/** One object, so that the late chunk hands it over as it is (an `export * as` would add a helper to the entry). */
export const sending = {
  wouldBeInvalid,
  nextSubmission,
  renewedSubmission,
  firstStepWithErrors,
  fieldErrorsOf,
  receiverErrors,
  submitError,
};

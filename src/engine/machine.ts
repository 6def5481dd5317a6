// The wizard machine: one per widget. Steps are data, so the current step is context, not a state
// node; the states are the phases of an application (filling in, review, sending, sent).
import { assertEvent, assign, createMachine, fromPromise, type setup } from 'xstate';
import type { FieldDefinition, StepDefinition } from '../definition/types.ts';
import { pointer, type Answers } from './answers.ts';
import { validateStep, type FieldError } from './field-errors.ts';
import type { FormPackage } from './form-package.ts';
import { computeRelevance, type Relevance } from './relevance.ts';
import type { UpdateRelevance } from './relevance-update.ts';
import { localDate } from './expression-kind.ts';
import { groupsWithItemIds, newItemId } from './items.ts';
import type { itemChanges } from './item-changes.ts';
import { NO_HELP_REQUEST, normalizeHelpRequest, type HelpRequest } from './help.ts';
import { initialPrefill, prefilledAnswers, type PrefillState } from './prefill.ts';
import type { AnswerContext, Submission, TextVariant } from './submission.ts';
import type { sending } from './sending.ts';
import { TEXT_VERSION, textVersionOf } from './text-version.ts';
import { toAnswerValue } from '../validation/parse.ts';
import { isTextVariant, LOCALE_CODE } from '../definition/vocabulary.ts';

/**
 * xstate's setup(), typed as it is, making the machine as it does; without the action creators (sendTo, log,
 * spawnChild, …) its result also carries, which the machine never uses and which would stay in the widget's
 * initial JavaScript only because setup() returns them (docs/decisions/0019-widget-weight.md).
 */
const setupMachine = (({ schemas, actors, actions, guards, delays }: Parameters<typeof setup>[0]) => ({
  createMachine: (config: Parameters<typeof createMachine>[0]) =>
    createMachine({ ...config, schemas }, { actors, actions, guards, delays }),
})) as unknown as typeof setup;

export interface Receipt {
  /** The receiver's reference, when there is a receiver. */
  reference: string | null;
  /** Earlier versions of this application the receiver also holds (their references), and whether it could not
   *  tell for some; only when earlier versions were tried. */
  earlier?: { references: string[]; unknown: boolean };
  /** The way back for documents sent later (docs/decisions/0035): `<reference>.<secret>` and until when it works. */
  followUp?: { link: string; expiresAt: string };
}

/** What a finished application gives: the receipt and the submission it is for. */
export interface WizardOutput {
  receipt: Receipt;
  submission: Submission;
}

/** The submission last tried: its id (the idempotency key) and its body's fingerprint (null: not known, from an older draft). */
export interface TriedSubmission {
  id: string;
  fingerprint: string | null;
}

export interface WizardContext {
  step: string;
  answers: Answers;
  unsure: string[];
  visited: string[];
  errors: FieldError[];
  locale: string;
  variant: TextVariant;
  /** The user asked for nb's plain text where the locale has none (issue 16): recorded with each answer. */
  plainFrom: 'nb' | null;
  /** Derived from the answers; recomputed on every answer. */
  relevance: Relevance;
  /** Set when the user came from the review page to change an answer. */
  returnToReview: boolean;
  answeredIn: Record<string, AnswerContext>;
  submission: Submission | null;
  /** The id and body of the last submission tried; a new body gets a new id. */
  tried: TriedSubmission | null;
  /** Ids of earlier, different versions that were tried and may have arrived (oldest first). */
  earlierIds: string[];
  /** This send has already taken a new id after the receiver's 409 changed-body (done once). */
  renewedId: boolean;
  receipt: Receipt | null;
  /** Why the last sending failed: 'network', 'invalid', … (an i18n key suffix). */
  submitError: string | null;
  /** Contact and interpreter the user asked for in the help panel; sent with the answers. */
  help: HelpRequest;
  /** Register values by field id, with the user's word on each (src/engine/prefill.ts). */
  prefill: Record<string, PrefillState>;
  /** When the application was started (ISO 8601); from a draft, the draft's start. */
  startedAt: string;
}

export type WizardEvent =
  | { type: 'ANSWER'; field: string; value: unknown; index?: number }
  | { type: 'ADD_ITEM'; group: string }
  | { type: 'REMOVE_ITEM'; group: string; index: number }
  | { type: 'MARK_UNSURE'; field: string; unsure: boolean }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'GO_TO'; step: string }
  | { type: 'REVIEW' }
  | { type: 'SUBMIT' }
  | { type: 'RETRY' }
  | { type: 'SET_LOCALE'; locale: string }
  | { type: 'SET_VARIANT'; variant: TextVariant; plainFrom?: 'nb' }
  | { type: 'SET_HELP_REQUEST'; help: HelpRequest }
  | { type: 'CONFIRM_PREFILL'; field: string; confirmed: boolean };

export interface WizardInput {
  locale?: string;
  variant?: TextVariant;
  /** Answers known before the user starts (prefill from registers), or a draft's answers. */
  answers?: Answers;
  /** From a draft (src/drafts/): where the user was. Kept only where safe: relevant steps the user has
   *  seen, a step the user could have reached, flags the form offers. */
  step?: string;
  visited?: string[];
  unsure?: string[];
  answeredIn?: Record<string, AnswerContext>;
  /** From a draft: the contact and interpreter request from the help panel. */
  help?: HelpRequest;
  /** Values from public registers, by field id; only fields whose definition names a register are used.
   *  They are the first answers; `answers` (a draft's) win over them. */
  prefill?: Answers;
  /** From a draft: what the user said about each prefilled value. */
  prefillConfirmed?: Record<string, boolean>;
  /** From a draft: when the application was started (ISO 8601). */
  startedAt?: string;
  /** From a draft: the submission last tried, and the ids of earlier versions that may have arrived. */
  tried?: { id: string; fingerprint?: string | null };
  earlierIds?: string[];
}

/** What a sendSubmission actor may reject with: errors the receiver found in answers go back to their
 *  step; `reason` names the failure text (widget:sendFailed.<reason>), 'network' when not given. */
export interface SubmitFailure {
  reason?: string;
  fieldErrors?: FieldError[];
}

export interface WizardOptions {
  createId?: () => string;
  /** The clock: the application date (`today` in the form's rules) is its local date. */
  now?: () => Date;
  /** Ids for the items of groups that documents are asked for per item (src/engine/items.ts). */
  createItemId?: () => string;
  /** Relevance after one answer, evaluating only what depends on it (src/engine/relevance-update.ts); while it
   *  gives undefined (the widget's late chunk is not here yet), the whole pass, with the same result. */
  updateRelevance?: () => UpdateRelevance | undefined;
  /** Whether the steps after the first can be shown (their validators and texts are here, decision 0038); while
   *  false, a Next with no errors on the step stays, and the widget sends it again once they are. */
  laterReady?: () => boolean;
}

/** Sending's bookkeeping (src/engine/sending.ts), which only Send and Retry need. */
export type Sending = typeof sending;
/** Adding and removing items of a group (src/engine/item-changes.ts), which only the group's view asks for. */
export type ItemChanges = typeof itemChanges;

/** A submission body's fingerprint (src/engine/submission-digest.ts); null when it cannot be had now. */
export type Fingerprint = (submission: Submission) => string | null;

const LOCALE = LOCALE_CODE;
/** As the receiver takes them (packages/receiver/src/receiver.ts); a draft's ids are untrusted. */
const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,128}$/;
const FINGERPRINT = /^[0-9a-f]{14}$/;
/** Enough for any real history of changes, and a bound on what a tampered draft can make us ask about. */
export const MAX_EARLIER_IDS = 20;

function createSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The machine with the fingerprint and sending's bookkeeping given: the widget passes them from its late chunk
 * (needed only at Send, after the review page, which waits for that chunk; docs/decisions/0012). A null
 * fingerprint keeps the last id, and the receiver's 409 changed-body makes the machine take a new one. Until
 * `sending` gives the bookkeeping, Send and Retry do nothing (the widget offers them only once it is here).
 */
export function wizardMachine(
  formPackage: FormPackage,
  options: WizardOptions & {
    fingerprint: Fingerprint;
    sending: () => Sending | undefined;
    items: () => ItemChanges | undefined;
  },
) {
  const { definition, validators } = formPackage;
  const createId = options.createId ?? createSubmissionId;
  const now = options.now ?? (() => new Date());

  const stepIndex = new Map(definition.steps.map((step, i) => [step.id, i]));
  const fieldById = new Map<string, FieldDefinition>();
  const groupOfItemField = new Map<string, FieldDefinition>();
  for (const step of definition.steps) {
    for (const field of step.fields) {
      fieldById.set(field.id, field);
      for (const child of field.fields ?? []) {
        fieldById.set(child.id, child);
        groupOfItemField.set(child.id, field);
      }
    }
  }

  const createItemId = options.createItemId ?? newItemId;
  const itemIdGroups = groupsWithItemIds(definition);
  // Today is read at every answer: an application open past midnight is judged on the new date.
  const relevanceOf = (answers: Answers): Relevance =>
    computeRelevance(definition, validators, answers, localDate(now()));
  const itemMachine = { formPackage, relevanceOf, createItemId };
  const stepOf = (id: string): StepDefinition => definition.steps[stepIndex.get(id) ?? 0]!;
  const checkOf = (context: WizardContext) => ({
    definition,
    validators,
    answers: context.answers,
    unsure: context.unsure,
    relevance: context.relevance,
  });
  const errorsOnStep = (context: WizardContext, stepId: string): FieldError[] =>
    validateStep(stepOf(stepId), checkOf(context));

  /** The next relevant step after the current one, or the first one not yet seen when returning to review. */
  function stepAhead(context: WizardContext): string | undefined {
    const relevant = context.relevance.steps;
    if (context.returnToReview) {
      return relevant.find((id) => id !== context.step && !context.visited.includes(id));
    }
    const current = stepIndex.get(context.step) ?? -1;
    return relevant.find((id) => (stepIndex.get(id) ?? -1) > current);
  }

  function stepBehind(context: WizardContext): string | undefined {
    const current = stepIndex.get(context.step) ?? definition.steps.length;
    return [...context.relevance.steps].reverse().find((id) => (stepIndex.get(id) ?? -1) < current);
  }

  /** Sending's bookkeeping: only asked for on Send, Retry and their outcome, once it is here (see sendingMissing). */
  const sending = (): Sending => options.sending()!;
  const firstStepWithErrors = (context: WizardContext) =>
    sending().firstStepWithErrors(context, (id) => errorsOnStep(context, id));

  /** The locale, variant and text version an answer to this field is given in now. */
  const seenIn = (context: WizardContext, field: string): AnswerContext => {
    const text = textVersionOf(formPackage.textVersions, context.locale, context.variant, field);
    const nbPlain = context.variant === 'plain' && context.plainFrom === 'nb' && context.locale !== 'nb';
    return {
      locale: context.locale,
      variant: context.variant,
      ...(text ? { text } : {}),
      ...(nbPlain ? { plainFrom: 'nb' as const } : {}),
    };
  };

  const restoredTried = (input: WizardInput): { tried: TriedSubmission | null; earlierIds: string[] } => {
    const earlierIds = [
      ...new Set(
        (Array.isArray(input.earlierIds) ? input.earlierIds : []).filter(
          (id) => typeof id === 'string' && SUBMISSION_ID.test(id),
        ),
      ),
    ].slice(-MAX_EARLIER_IDS);
    const id = input.tried?.id;
    if (typeof id !== 'string' || !SUBMISSION_ID.test(id)) return { tried: null, earlierIds };
    const fingerprint =
      typeof input.tried?.fingerprint === 'string' && FINGERPRINT.test(input.tried.fingerprint)
        ? input.tried.fingerprint
        : null;
    return { tried: { id, fingerprint }, earlierIds: earlierIds.filter((e) => e !== id) };
  };

  const markVisited = (context: WizardContext): string[] =>
    context.visited.includes(context.step) ? context.visited : [...context.visited, context.step];

  const initialAnswers = (input: WizardInput): Answers => {
    const answers: Answers = {};
    for (const [id, value] of Object.entries(input.answers ?? {})) {
      const field = fieldById.get(id);
      if (field && !groupOfItemField.has(id)) answers[id] = value;
    }
    // An older draft's items have no ids yet, and its document for all children is placed on the one child it fits.
    const rules = validators.rules;
    if (!rules || itemIdGroups.size === 0) return answers;
    const withIds = rules.withItemIds(definition, answers, createItemId);
    return rules.placeOldDocumentAnswers(definition, withIds, relevanceOf(withIds).attachments);
  };

  /** A draft's step, visited steps, flags and text record, where they still fit the answers and the form. */
  const restoredPlace = (input: WizardInput, relevance: Relevance) => {
    const steps = relevance.steps;
    const visited = steps.filter((id) => input.visited?.includes(id));
    const reachable = (id: string) =>
      steps.includes(id) &&
      (visited.includes(id) || steps.slice(0, steps.indexOf(id)).every((s) => visited.includes(s)));
    const step =
      input.step !== undefined && reachable(input.step)
        ? input.step
        : (steps.find((id) => !visited.includes(id)) ?? steps.at(-1) ?? definition.steps[0]!.id);
    const unsure = [...new Set(input.unsure ?? [])].filter(
      (id) => fieldById.get(id)?.unsure === true && !groupOfItemField.has(id),
    );
    const answeredIn: Record<string, AnswerContext> = {};
    for (const [path, seen] of Object.entries(input.answeredIn ?? {})) {
      if (
        fieldById.has(path.split('/')[0] ?? '') &&
        LOCALE.test(seen?.locale) &&
        (seen.variant === 'standard' || seen.variant === 'plain')
      ) {
        answeredIn[path] = {
          locale: seen.locale,
          variant: seen.variant,
          ...(typeof seen.text === 'string' && TEXT_VERSION.test(seen.text) ? { text: seen.text } : {}),
          ...(seen.plainFrom === 'nb' ? { plainFrom: 'nb' as const } : {}),
        };
      }
    }
    return { step, visited, unsure, answeredIn };
  };

  /** Finishing a step for the review page: seen, no errors left, no longer on the way back to it. */
  const toReview = { target: 'review', actions: ['markVisited', 'clearErrors', 'endReturnToReview'] } as const;
  /** Continue and Review stop on a step with errors, and show them. */
  const stayWithStepErrors = { guard: 'currentStepHasErrors', actions: 'showStepErrors' } as const;

  return setupMachine({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
      input: {} as WizardInput,
      output: {} as WizardOutput,
    },
    actors: {
      // Hosts replace this with machine.provide(): the widget hands the submission over by event or POST.
      sendSubmission: fromPromise<Receipt, Submission>(async () => ({ reference: null })),
    },
    guards: {
      isKnownAnswerField: (_, { field }: { field: string }) =>
        fieldById.has(field) && fieldById.get(field)!.kind !== 'guidance',
      isGroup: (_, { group }: { group: string }) => fieldById.get(group)?.kind === 'group',
      allowsUnsure: (_, { field }: { field: string }) => fieldById.get(field)?.unsure === true,
      currentStepHasErrors: ({ context }) => errorsOnStep(context, context.step).length > 0,
      hasStepAhead: ({ context }) => stepAhead(context) !== undefined,
      laterMissing: () => options.laterReady?.() === false,
      hasStepBehind: ({ context }) => stepBehind(context) !== undefined,
      canGoToStep: ({ context }, { step }: { step: string }) =>
        context.relevance.steps.includes(step) && (context.visited.includes(step) || step === context.step),
      allRelevantStepsVisited: ({ context }) =>
        context.relevance.steps.every((id) => id === context.step || context.visited.includes(id)),
      anyStepHasErrors: ({ context }) => firstStepWithErrors(context) !== undefined,
      sendingMissing: () => !options.sending(),
      submissionWouldBeInvalid: ({ context }) => sending().wouldBeInvalid(formPackage, context, now()),
      // The receiver holds this id with another body (an older draft, say): a new id, once per send.
      isChangedBody: ({ context }, { error }: { error: unknown }) =>
        !context.renewedId && (error as SubmitFailure | null)?.reason === 'changed-body',
      hasFieldErrors: (_, { error }: { error: unknown }) => sending().fieldErrorsOf(formPackage, error).length > 0,
      isLocale: (_, { locale }: { locale: string }) => LOCALE.test(locale),
      isVariant: (_, { variant }: { variant: string }) => isTextVariant(variant),
      isPrefilled: ({ context }, { field, confirmed }: { field: string; confirmed: unknown }) =>
        context.prefill[field] !== undefined && typeof confirmed === 'boolean',
      isHelpRequest: (_, { help }: { help: unknown }) => normalizeHelpRequest(help) !== null,
    },
    actions: {
      storeAnswer: assign(({ context, event }) => {
        assertEvent(event, 'ANSWER');
        const field = fieldById.get(event.field)!;
        const value = toAnswerValue(field.kind, event.value);
        const answers = { ...context.answers };
        const group = groupOfItemField.get(field.id);
        let path: string;
        if (group) {
          const index = event.index ?? -1;
          const items = Array.isArray(answers[group.id]) ? [...(answers[group.id] as unknown[])] : [];
          if (index < 0 || index >= items.length) return {};
          const item = { ...(items[index] as Record<string, unknown>) };
          if (value === undefined) delete item[field.id];
          else item[field.id] = value;
          items[index] = item;
          answers[group.id] = items;
          path = pointer(group.id, index, field.id).slice(1);
        } else {
          if (value === undefined) delete answers[field.id];
          else answers[field.id] = value;
          path = field.id;
        }
        // Only what depends on this answer is evaluated again (src/engine/relevance-update.ts), once that is here.
        const update = options.updateRelevance?.();
        const changed = group?.id ?? field.id;
        return {
          answers,
          relevance: update
            ? update(definition, validators, context.relevance, answers, changed, localDate(now()))
            : relevanceOf(answers),
          answeredIn: { ...context.answeredIn, [path]: seenIn(context, field.id) },
        };
      }),
      // Until the group's view (late chunk) is here, nothing sends these; without the changes they do nothing.
      addItem: assign(({ context, event }) => {
        assertEvent(event, 'ADD_ITEM');
        return options.items()?.added(context, event.group, itemMachine) ?? {};
      }),
      removeItem: assign(({ context, event }) => {
        assertEvent(event, 'REMOVE_ITEM');
        return options.items()?.removed(context, event.group, event.index, itemMachine) ?? {};
      }),
      setUnsure: assign(({ context, event }) => {
        assertEvent(event, 'MARK_UNSURE');
        const others = context.unsure.filter((id) => id !== event.field);
        return { unsure: event.unsure ? [...others, event.field] : others };
      }),
      showStepErrors: assign(({ context }) => ({ errors: errorsOnStep(context, context.step) })),
      clearErrors: assign({ errors: () => [] }),
      markVisited: assign(({ context }) => ({ visited: markVisited(context) })),
      goToStepAhead: assign(({ context }) => ({ step: stepAhead(context) ?? context.step })),
      goToStepBehind: assign(({ context }) => ({ step: stepBehind(context) ?? context.step })),
      goToLastStep: assign(({ context }) => ({
        step: context.relevance.steps.at(-1) ?? context.step,
        returnToReview: false,
      })),
      goToChosenStep: assign(({ event }) => {
        assertEvent(event, 'GO_TO');
        return { step: event.step, errors: [] };
      }),
      startReturnToReview: assign({ returnToReview: () => true }),
      endReturnToReview: assign({ returnToReview: () => false }),
      goToFirstStepWithErrors: assign(({ context }) => {
        const found = firstStepWithErrors(context);
        return found ? { step: found.step, errors: found.errors, returnToReview: true } : {};
      }),
      refuseInvalidSubmission: assign({ submitError: () => 'invalid' }),
      // Judged again on the day it is sent: the application date is the date of sending.
      prepareSubmission: assign(({ context }) => {
        const at = now();
        const relevance = computeRelevance(definition, validators, context.answers, localDate(at));
        const ids = { createId, fingerprint: options.fingerprint };
        const next = sending().nextSubmission(formPackage, { ...context, relevance }, at, ids);
        return { submitError: null, renewedId: false, relevance, ...next };
      }),
      renewSubmissionId: assign(({ context }) => sending().renewedSubmission(context, createId)),
      storeReceipt: assign((_, { receipt }: { receipt: Receipt }) => ({ receipt })),
      // The receiver found faults in answers: back to the first such step, errors on their fields.
      showReceiverErrors: assign((_, { error }: { error: unknown }) => sending().receiverErrors(formPackage, error)),
      recordSubmitError: assign((_, { error }: { error: unknown }) => ({ submitError: sending().submitError(error) })),
      setLocale: assign(({ event }) => {
        assertEvent(event, 'SET_LOCALE');
        return { locale: event.locale };
      }),
      setVariant: assign(({ event }) => {
        assertEvent(event, 'SET_VARIANT');
        return {
          variant: event.variant,
          plainFrom: event.variant === 'plain' && event.plainFrom === 'nb' ? 'nb' : null,
        };
      }),
      setHelpRequest: assign(({ event }) => {
        assertEvent(event, 'SET_HELP_REQUEST');
        return { help: normalizeHelpRequest(event.help)! };
      }),
      // "Yes, it is right" puts the register's value back; "No" keeps the answer for the user to change.
      confirmPrefill: assign(({ context, event }) => {
        assertEvent(event, 'CONFIRM_PREFILL');
        const entry = context.prefill[event.field]!;
        const prefill = { ...context.prefill, [event.field]: { ...entry, confirmed: event.confirmed } };
        if (!event.confirmed) return { prefill };
        const answers = { ...context.answers, [event.field]: entry.original };
        const answeredIn = { ...context.answeredIn, [event.field]: seenIn(context, event.field) };
        return { prefill, answers, relevance: relevanceOf(answers), answeredIn };
      }),
    },
  }).createMachine({
    id: 'klarskjema',
    context: ({ input }) => {
      // The start is the first reading of the clock: the date of the rules reads it again.
      const startTime = now();
      const prefill = initialPrefill(definition, input?.prefill);
      for (const [id, confirmed] of Object.entries(input?.prefillConfirmed ?? {})) {
        if (prefill[id] && typeof confirmed === 'boolean') prefill[id] = { ...prefill[id], confirmed };
      }
      const answers = { ...prefilledAnswers(prefill), ...initialAnswers(input ?? {}) };
      const relevance = relevanceOf(answers);
      const { step, visited, unsure, answeredIn } = restoredPlace(input ?? {}, relevance);
      return {
        step,
        answers,
        unsure,
        visited,
        errors: [],
        locale: input?.locale && LOCALE.test(input.locale) ? input.locale : 'nb',
        variant: input?.variant === 'plain' ? 'plain' : 'standard',
        plainFrom: null,
        relevance,
        returnToReview: false,
        answeredIn,
        submission: null,
        receipt: null,
        submitError: null,
        renewedId: false,
        ...restoredTried(input ?? {}),
        help: normalizeHelpRequest(input?.help) ?? NO_HELP_REQUEST,
        prefill,
        startedAt:
          typeof input?.startedAt === 'string' && !Number.isNaN(Date.parse(input.startedAt))
            ? new Date(input.startedAt).toISOString()
            : startTime.toISOString(),
      };
    },
    // Until the receipt: then the actor is done and takes no more events.
    on: {
      SET_LOCALE: {
        guard: { type: 'isLocale', params: ({ event }) => ({ locale: event.locale }) },
        actions: 'setLocale',
      },
      SET_VARIANT: {
        guard: { type: 'isVariant', params: ({ event }) => ({ variant: event.variant }) },
        actions: 'setVariant',
      },
      SET_HELP_REQUEST: {
        guard: { type: 'isHelpRequest', params: ({ event }) => ({ help: event.help }) },
        actions: 'setHelpRequest',
      },
    },
    initial: 'filling',
    states: {
      filling: {
        on: {
          ANSWER: {
            guard: { type: 'isKnownAnswerField', params: ({ event }) => ({ field: event.field }) },
            actions: 'storeAnswer',
          },
          ADD_ITEM: { guard: { type: 'isGroup', params: ({ event }) => ({ group: event.group }) }, actions: 'addItem' },
          REMOVE_ITEM: {
            guard: { type: 'isGroup', params: ({ event }) => ({ group: event.group }) },
            actions: 'removeItem',
          },
          MARK_UNSURE: {
            guard: { type: 'allowsUnsure', params: ({ event }) => ({ field: event.field }) },
            actions: 'setUnsure',
          },
          CONFIRM_PREFILL: {
            guard: {
              type: 'isPrefilled',
              params: ({ event }) => ({ field: event.field, confirmed: event.confirmed }),
            },
            actions: 'confirmPrefill',
          },
          NEXT: [
            stayWithStepErrors,
            { guard: 'laterMissing' },
            { guard: 'hasStepAhead', actions: ['markVisited', 'clearErrors', 'goToStepAhead'] },
            toReview,
          ],
          BACK: { guard: 'hasStepBehind', actions: ['clearErrors', 'goToStepBehind'] },
          GO_TO: {
            guard: { type: 'canGoToStep', params: ({ event }) => ({ step: event.step }) },
            actions: 'goToChosenStep',
          },
          REVIEW: [stayWithStepErrors, { guard: 'allRelevantStepsVisited', ...toReview }],
        },
      },
      review: {
        on: {
          GO_TO: {
            guard: { type: 'canGoToStep', params: ({ event }) => ({ step: event.step }) },
            target: 'filling',
            actions: ['goToChosenStep', 'startReturnToReview'],
          },
          BACK: { target: 'filling', actions: 'goToLastStep' },
          SUBMIT: [
            // Sending's bookkeeping has not arrived (the widget's late chunk): Send is not offered yet.
            { guard: 'sendingMissing' },
            { guard: 'anyStepHasErrors', target: 'filling', actions: 'goToFirstStepWithErrors' },
            // Step checks should make this impossible; if the package disagrees, nothing is sent.
            { guard: 'submissionWouldBeInvalid', actions: 'refuseInvalidSubmission' },
            { target: 'submitting', actions: 'prepareSubmission' },
          ],
        },
      },
      submitting: {
        // Not while sending (an empty transition hides the root's): the help request is in the body on its
        // way, and a change now would not reach the receiver.
        on: { SET_HELP_REQUEST: {} },
        invoke: {
          src: 'sendSubmission',
          input: ({ context }) => context.submission!,
          onDone: {
            target: 'submitted',
            actions: { type: 'storeReceipt', params: ({ event }) => ({ receipt: event.output }) },
          },
          onError: [
            {
              guard: { type: 'isChangedBody', params: ({ event }) => ({ error: event.error }) },
              target: 'submitting',
              reenter: true,
              actions: 'renewSubmissionId',
            },
            {
              guard: { type: 'hasFieldErrors', params: ({ event }) => ({ error: event.error }) },
              target: 'filling',
              actions: { type: 'showReceiverErrors', params: ({ event }) => ({ error: event.error }) },
            },
            {
              target: 'failed',
              actions: { type: 'recordSubmitError', params: ({ event }) => ({ error: event.error }) },
            },
          ],
        },
      },
      failed: {
        on: {
          RETRY: [{ guard: 'sendingMissing' }, { target: 'submitting', actions: 'prepareSubmission' }],
          BACK: { target: 'review' },
        },
      },
      // The receipt: the actor is done; its output is the receipt and the submission it is for.
      submitted: { type: 'final' },
    },
    output: ({ context }) => ({ receipt: context.receipt!, submission: context.submission! }),
  });
}

export type WizardMachine = ReturnType<typeof wizardMachine>;

// The wizard machine: one per widget. Steps are data, so the current step is context, not a state
// node; the states are the phases of an application (filling in, review, sending, sent).
import { assign, fromPromise, setup } from 'xstate';
import type { FieldDefinition, StepDefinition } from '../definition/types.ts';
import { pointer, type Answers } from './answers.ts';
import { validateStep, type FieldError } from './field-errors.ts';
import type { FormPackage } from './form-package.ts';
import { computeRelevance, type Relevance } from './relevance.ts';
import { buildSubmission, submissionErrors, type AnswerContext, type Submission, type TextVariant } from './submission.ts';
import { toAnswerValue } from '../validation/parse.ts';

export interface Receipt {
  /** The receiver's reference, when there is a receiver. */
  reference: string | null;
}

export interface WizardContext {
  step: string;
  answers: Answers;
  unsure: string[];
  visited: string[];
  errors: FieldError[];
  locale: string;
  variant: TextVariant;
  /** Derived from the answers; recomputed on every answer. */
  relevance: Relevance;
  /** Set when the user came from the review page to change an answer. */
  returnToReview: boolean;
  answeredIn: Record<string, AnswerContext>;
  submission: Submission | null;
  receipt: Receipt | null;
  /** Why the last sending failed: 'network', 'invalid', … (an i18n key suffix). */
  submitError: string | null;
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
  | { type: 'SET_VARIANT'; variant: TextVariant };

export interface WizardInput {
  locale?: string;
  variant?: TextVariant;
  /** Answers known before the user starts (prefill from registers). */
  answers?: Answers;
}

export interface WizardOptions {
  createId?: () => string;
  now?: () => Date;
}

export type SendSubmission = (submission: Submission) => Promise<Receipt>;

const LOCALE = /^[a-z]{2,3}$/;

function createSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createWizardMachine(formPackage: FormPackage, options: WizardOptions = {}) {
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

  const relevanceOf = (answers: Answers): Relevance => computeRelevance(definition, validators, answers);
  const stepOf = (id: string): StepDefinition => definition.steps[stepIndex.get(id) ?? 0]!;
  const checkOf = (context: WizardContext) => ({
    definition, validators, answers: context.answers, unsure: context.unsure, relevance: context.relevance,
  });
  const errorsOnStep = (context: WizardContext, stepId: string): FieldError[] => validateStep(stepOf(stepId), checkOf(context));

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

  /** The first relevant step with errors, and its errors. */
  function firstStepWithErrors(context: WizardContext): { step: string; errors: FieldError[] } | undefined {
    for (const id of context.relevance.steps) {
      const errors = errorsOnStep(context, id);
      if (errors.length > 0) return { step: id, errors };
    }
    return undefined;
  }

  // The id survives a retry, so a receiver that got the first attempt can tell the second is the same.
  const submissionOf = (context: WizardContext, id = context.submission?.id ?? createId()): Submission => buildSubmission({
    id,
    definition, validators, relevance: context.relevance, unsure: context.unsure,
    answeredIn: context.answeredIn, locale: context.locale, variant: context.variant, now: now(),
  });

  const markVisited = (context: WizardContext): string[] =>
    context.visited.includes(context.step) ? context.visited : [...context.visited, context.step];

  const initialAnswers = (input: WizardInput): Answers => {
    const answers: Answers = {};
    for (const [id, value] of Object.entries(input.answers ?? {})) {
      const field = fieldById.get(id);
      if (field && !groupOfItemField.has(id)) answers[id] = value;
    }
    return answers;
  };

  return setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
      input: {} as WizardInput,
    },
    actors: {
      // Hosts replace this with machine.provide(): the widget hands the submission over by event or POST.
      sendSubmission: fromPromise<Receipt, Submission>(async () => ({ reference: null })),
    },
    guards: {
      isKnownAnswerField: ({ event }) => event.type === 'ANSWER' && fieldById.has(event.field) && fieldById.get(event.field)!.kind !== 'guidance',
      isGroup: ({ event }) => (event.type === 'ADD_ITEM' || event.type === 'REMOVE_ITEM') && fieldById.get(event.group)?.kind === 'group',
      allowsUnsure: ({ event }) => event.type === 'MARK_UNSURE' && fieldById.get(event.field)?.unsure === true,
      currentStepHasErrors: ({ context }) => errorsOnStep(context, context.step).length > 0,
      hasStepAhead: ({ context }) => stepAhead(context) !== undefined,
      hasStepBehind: ({ context }) => stepBehind(context) !== undefined,
      canGoToStep: ({ context, event }) =>
        event.type === 'GO_TO' && context.relevance.steps.includes(event.step) &&
        (context.visited.includes(event.step) || event.step === context.step),
      allRelevantStepsVisited: ({ context }) =>
        context.relevance.steps.every((id) => id === context.step || context.visited.includes(id)),
      anyStepHasErrors: ({ context }) => firstStepWithErrors(context) !== undefined,
      submissionWouldBeInvalid: ({ context }) => submissionErrors(submissionOf(context, 'not-sent'), validators).length > 0,
      isLocale: ({ event }) => event.type === 'SET_LOCALE' && LOCALE.test(event.locale),
      isVariant: ({ event }) => event.type === 'SET_VARIANT' && (event.variant === 'standard' || event.variant === 'plain'),
    },
    actions: {
      storeAnswer: assign(({ context, event }) => {
        if (event.type !== 'ANSWER') return {};
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
          if (value === undefined) delete item[field.id]; else item[field.id] = value;
          items[index] = item;
          answers[group.id] = items;
          path = pointer(group.id, index, field.id).slice(1);
        } else {
          if (value === undefined) delete answers[field.id]; else answers[field.id] = value;
          path = field.id;
        }
        return {
          answers,
          relevance: relevanceOf(answers),
          answeredIn: { ...context.answeredIn, [path]: { locale: context.locale, variant: context.variant } },
        };
      }),
      addItem: assign(({ context, event }) => {
        if (event.type !== 'ADD_ITEM') return {};
        const items = Array.isArray(context.answers[event.group]) ? (context.answers[event.group] as unknown[]) : [];
        const answers = { ...context.answers, [event.group]: [...items, {}] };
        return { answers, relevance: relevanceOf(answers) };
      }),
      removeItem: assign(({ context, event }) => {
        if (event.type !== 'REMOVE_ITEM') return {};
        const items = Array.isArray(context.answers[event.group]) ? [...(context.answers[event.group] as unknown[])] : [];
        if (event.index < 0 || event.index >= items.length) return {};
        items.splice(event.index, 1);
        const answers = { ...context.answers };
        if (items.length > 0) answers[event.group] = items; else delete answers[event.group];
        // Which text each item's answers were given to moves with the items.
        const prefix = `${event.group}/`;
        const answeredIn: Record<string, AnswerContext> = {};
        for (const [path, seen] of Object.entries(context.answeredIn)) {
          if (!path.startsWith(prefix)) { answeredIn[path] = seen; continue; }
          const [, indexText, ...rest] = path.split('/');
          const index = Number(indexText);
          if (index === event.index) continue;
          answeredIn[[event.group, index > event.index ? index - 1 : index, ...rest].join('/')] = seen;
        }
        return { answers, relevance: relevanceOf(answers), answeredIn };
      }),
      setUnsure: assign(({ context, event }) => {
        if (event.type !== 'MARK_UNSURE') return {};
        const others = context.unsure.filter((id) => id !== event.field);
        return { unsure: event.unsure ? [...others, event.field] : others };
      }),
      showStepErrors: assign(({ context }) => ({ errors: errorsOnStep(context, context.step) })),
      clearErrors: assign({ errors: () => [] }),
      markVisited: assign(({ context }) => ({ visited: markVisited(context) })),
      goToStepAhead: assign(({ context }) => ({ step: stepAhead(context) ?? context.step })),
      goToStepBehind: assign(({ context }) => ({ step: stepBehind(context) ?? context.step })),
      goToLastStep: assign(({ context }) => ({ step: context.relevance.steps.at(-1) ?? context.step, returnToReview: false })),
      goToChosenStep: assign(({ event }) => (event.type === 'GO_TO' ? { step: event.step, errors: [] } : {})),
      startReturnToReview: assign({ returnToReview: () => true }),
      endReturnToReview: assign({ returnToReview: () => false }),
      goToFirstStepWithErrors: assign(({ context }) => {
        const found = firstStepWithErrors(context);
        return found ? { step: found.step, errors: found.errors, returnToReview: true } : {};
      }),
      prepareSubmission: assign(({ context }) => ({ submitError: null, submission: submissionOf(context) })),
      setLocale: assign(({ event }) => (event.type === 'SET_LOCALE' ? { locale: event.locale } : {})),
      setVariant: assign(({ event }) => (event.type === 'SET_VARIANT' ? { variant: event.variant } : {})),
    },
  }).createMachine({
    id: 'klarskjema',
    context: ({ input }) => {
      const answers = initialAnswers(input ?? {});
      const relevance = relevanceOf(answers);
      return {
        step: relevance.steps[0] ?? definition.steps[0]!.id,
        answers, unsure: [], visited: [], errors: [],
        locale: input?.locale && LOCALE.test(input.locale) ? input.locale : 'nb',
        variant: input?.variant ?? 'standard',
        relevance, returnToReview: false, answeredIn: {},
        submission: null, receipt: null, submitError: null,
      };
    },
    on: {
      SET_LOCALE: { guard: 'isLocale', actions: 'setLocale' },
      SET_VARIANT: { guard: 'isVariant', actions: 'setVariant' },
    },
    initial: 'filling',
    states: {
      filling: {
        on: {
          ANSWER: { guard: 'isKnownAnswerField', actions: 'storeAnswer' },
          ADD_ITEM: { guard: 'isGroup', actions: 'addItem' },
          REMOVE_ITEM: { guard: 'isGroup', actions: 'removeItem' },
          MARK_UNSURE: { guard: 'allowsUnsure', actions: 'setUnsure' },
          NEXT: [
            { guard: 'currentStepHasErrors', actions: 'showStepErrors' },
            { guard: 'hasStepAhead', actions: ['markVisited', 'clearErrors', 'goToStepAhead'] },
            { target: 'review', actions: ['markVisited', 'clearErrors', 'endReturnToReview'] },
          ],
          BACK: { guard: 'hasStepBehind', actions: ['clearErrors', 'goToStepBehind'] },
          GO_TO: { guard: 'canGoToStep', actions: 'goToChosenStep' },
          REVIEW: [
            { guard: 'currentStepHasErrors', actions: 'showStepErrors' },
            { guard: 'allRelevantStepsVisited', target: 'review', actions: ['markVisited', 'clearErrors', 'endReturnToReview'] },
          ],
        },
      },
      review: {
        on: {
          GO_TO: { guard: 'canGoToStep', target: 'filling', actions: ['goToChosenStep', 'startReturnToReview'] },
          BACK: { target: 'filling', actions: 'goToLastStep' },
          SUBMIT: [
            { guard: 'anyStepHasErrors', target: 'filling', actions: 'goToFirstStepWithErrors' },
            // Step checks should make this impossible; if the package disagrees, nothing is sent.
            { guard: 'submissionWouldBeInvalid', actions: assign({ submitError: () => 'invalid' }) },
            { target: 'submitting', actions: 'prepareSubmission' },
          ],
        },
      },
      submitting: {
        invoke: {
          src: 'sendSubmission',
          input: ({ context }) => context.submission!,
          onDone: { target: 'submitted', actions: assign({ receipt: ({ event }) => event.output }) },
          onError: { target: 'failed', actions: assign({ submitError: () => 'network' }) },
        },
      },
      failed: {
        on: {
          RETRY: { target: 'submitting', actions: 'prepareSubmission' },
          BACK: { target: 'review' },
        },
      },
      submitted: {},
    },
  });
}

export type WizardMachine = ReturnType<typeof createWizardMachine>;

// The payload that leaves the widget: only relevant answers, with the user's flags and which text
// each answer was given to. The whole-submission validator checks { answers, unsure } (on the applicationDate).
import type { FormDefinition } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import { breaksOwnRules } from './field-errors.ts';
import type { FormValidators, ValidationError } from './form-package.ts';
import { asksForHelp, normalizeHelpRequest, type HelpRequest } from './help.ts';
import type { PrefillEntry, PrefillState } from './prefill.ts';
import { prefillEntries } from './prefill-record.ts';
import type { Relevance } from './relevance.ts';
import { shownTogether } from '../definition/legal.ts';
import { textVersionOf, type TextVersions } from './text-version.ts';

export type { TextVariant } from '../definition/vocabulary.ts';
import type { TextVariant } from '../definition/vocabulary.ts';

export interface AnswerContext {
  locale: string;
  variant: TextVariant;
  /** The version of the field's texts the user saw (src/engine/text-version.ts), when the package has versions. */
  text?: string;
  /** The plain variant, with nb's plain text shown where the locale has none (the user asked for it). */
  plainFrom?: 'nb';
}

/** A legal text as the user saw it when confirming (decision 0031): the locale, the variant and its text version. */
export type ConfirmedText = AnswerContext;

export interface Submission {
  /** Unique per application; the receiver uses it as the idempotency key. */
  id: string;
  form: { id: string; version: string };
  answers: Answers;
  /** Relevant fields the user marked "I don't know / I need help with this". */
  unsure: string[];
  /** Relevant documents, in form order. */
  attachments: string[];
  /** Locale and text variant in force when each answer was last given. */
  answeredIn: Record<string, AnswerContext>;
  locale: string;
  variant: TextVariant;
  submittedAt: string;
  /** When the user started the application (a draft keeps its first start). */
  startedAt?: string;
  /** The user's request for contact and an interpreter; only when the user asked for something. */
  help?: HelpRequest;
  /** Register values shown to the user, by field id: source, the register's value, and the user's word and correction. */
  prefill?: Record<string, PrefillEntry>;
  /** The application date (YYYY-MM-DD) the form's rules were judged on; only for forms with expressions. */
  applicationDate?: string;
  /** The form's computed values (a total of expenses) by id; only those with a value. */
  computed?: Record<string, number>;
  /**
   * Which wording of each legal field (declaration, consent, privacy, duties) the user confirmed, by field id: a
   * declaration confirmed in the plain variant was shown in both, so it has both versions. Only for forms with legal fields.
   */
  confirmed?: Record<string, ConfirmedText[]>;
}

export interface SubmissionInput {
  id: string;
  definition: FormDefinition;
  validators: FormValidators;
  relevance: Relevance;
  unsure: readonly string[];
  answeredIn: Record<string, AnswerContext>;
  locale: string;
  variant: TextVariant;
  now: Date;
  startedAt?: string;
  help?: HelpRequest;
  prefill?: Record<string, PrefillState>;
  /** The package's text versions, for the versions of a declaration shown in both wordings. */
  textVersions?: TextVersions;
}

/** An answer to a field marked unsure goes along only when it is valid and clean on its own. */
export function buildSubmission(input: SubmissionInput): Submission {
  const { definition, validators, relevance } = input;
  const answers: Answers = {};
  const unsure = relevance.fields.filter((id) => input.unsure.includes(id));
  const fields = new Map(definition.steps.flatMap((step) => step.fields).map((field) => [field.id, field]));
  for (const [id, value] of Object.entries(relevance.answers)) {
    const validate = validators.fields[id];
    const field = fields.get(id);
    if (
      unsure.includes(id) &&
      ((validate && !validate(value)) || (field && breaksOwnRules(definition.id, field, value, validators)))
    )
      continue;
    answers[id] = value;
  }
  const answered = new Set(Object.keys(answers));
  const answeredIn = Object.fromEntries(
    Object.entries(input.answeredIn).filter(([path]) => answered.has(path.split('/')[0] ?? '')),
  );
  return {
    id: input.id,
    form: { id: definition.id, version: definition.version },
    answers,
    unsure,
    attachments: [...relevance.attachments],
    answeredIn,
    locale: input.locale,
    variant: input.variant,
    submittedAt: input.now.toISOString(),
    ...(input.startedAt ? { startedAt: input.startedAt } : {}),
    ...helpOf(input.help),
    ...prefillOf(input.prefill, relevance, answers),
    ...derivedOf(validators, relevance),
    ...confirmedOf(definition, relevance, answeredIn, input.textVersions),
  };
}

/**
 * The legal texts the user confirmed: an answered legal field in the context it was answered in; a legal guidance
 * text (the duties above a declaration) in the context of the last legal answer on its step, which is when the
 * user confirmed with it on screen. A declaration in plain shows the standard wording with the plain one beneath:
 * both were confirmed.
 */
function confirmedOf(
  definition: FormDefinition,
  relevance: Relevance,
  answeredIn: Record<string, AnswerContext>,
  versions: TextVersions | undefined,
): { confirmed?: Record<string, ConfirmedText[]> } {
  const confirmed: Record<string, ConfirmedText[]> = {};
  for (const step of definition.steps) {
    const legal = step.fields.filter((field) => field.legal && relevance.fields.includes(field.id));
    const onStep = legal.flatMap((field) => answeredIn[field.id] ?? []).at(-1);
    for (const field of legal) {
      const context = answeredIn[field.id] ?? (field.kind === 'guidance' ? onStep : undefined);
      if (!context) continue;
      const seen = (variant: TextVariant): ConfirmedText => {
        const text = textVersionOf(versions, context.locale, variant, field.id);
        return { locale: context.locale, variant, ...(text ? { text } : {}) };
      };
      const standard = seen('standard');
      const plain = seen('plain');
      confirmed[field.id] =
        shownTogether(field.legal) && context.variant === 'plain' && standard.text !== plain.text
          ? [standard, plain]
          : [seen(context.variant)];
    }
  }
  return Object.keys(confirmed).length > 0 ? { confirmed } : {};
}

/** For a form with expressions (its package brings their evaluator): the date they were judged on, the values computed. */
function derivedOf(validators: FormValidators, relevance: Relevance): Pick<Submission, 'applicationDate' | 'computed'> {
  if (!validators.rules) return {};
  const computed = Object.entries(relevance.computed).filter((entry): entry is [string, number] => entry[1] !== null);
  return {
    applicationDate: relevance.today,
    ...(computed.length > 0 ? { computed: Object.fromEntries(computed) } : {}),
  };
}

function helpOf(help: HelpRequest | undefined): { help?: HelpRequest } {
  const request = normalizeHelpRequest(help);
  return request && asksForHelp(request) ? { help: request } : {};
}

function prefillOf(
  state: Record<string, PrefillState> | undefined,
  relevance: Relevance,
  answers: Answers,
): { prefill?: Record<string, PrefillEntry> } {
  const entries = prefillEntries(state ?? {}, relevance, answers);
  return Object.keys(entries).length > 0 ? { prefill: entries } : {};
}

export function submissionErrors(submission: Submission, validators: FormValidators): ValidationError[] {
  // The rules are judged on the application date the submission carries (a form with expressions), as the receiver does.
  const { answers, unsure, applicationDate } = submission;
  const valid = validators.submission({ answers, unsure, ...(applicationDate ? { applicationDate } : {}) });
  return valid ? [] : [...(validators.submission.errors ?? [])];
}

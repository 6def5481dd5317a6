// Server-side validation of a submission, for any backend: the same precompiled validators the
// widget ran (a FormPackage from src/node/load-package.ts), after checks that no browser can be
// trusted to have made: plain JSON only, no prototype-pollution keys, sizes within limits.ts, exactly
// the Submission fields, the right form and version, and only relevant answers, documents and flags.
import { isRecord, pointer, pointerToken, type Answers } from '../../../src/engine/answers.ts';
import { ruleErrors, validateStep, type FieldError } from '../../../src/engine/field-errors.ts';
import type { FormPackage, ValidationError } from '../../../src/engine/form-package.ts';
import { computeRelevance, itemRelevance, outerOf, type Relevance } from '../../../src/engine/relevance.ts';
import { documentIdOf, groupsWithItemIds, ITEM_ID, ITEM_ID_PATTERN } from '../../../src/engine/items.ts';
import { hasExpressions } from '../../../src/engine/expression.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import { helpRequestErrors } from '../../../src/engine/help.ts';
import { prefillRecordErrors } from '../../../src/engine/prefill-record.ts';
import { TEXT_VERSION } from '../../../src/engine/text-version.ts';
import { normalizeStrings } from '../../../src/validation/clean-text.ts';
import { MAX_ERRORS, SUBMISSION_ID } from './limits.ts';
import { checkJson, parseJson, type JsonValue, type SubmissionError } from './safe-json.ts';
import { LOCALE_TAG, TEXT_VARIANTS } from '../../../src/definition/vocabulary.ts';
import { legalFields } from '../../../src/definition/legal.ts';

export type { SubmissionError } from './safe-json.ts';

export type SubmissionValidation = { ok: true; submission: Submission } | { ok: false; errors: SubmissionError[] };

/** The fields of a Submission (src/engine/submission.ts): exactly these, no more, no fewer. */
export const SUBMISSION_FIELDS = [
  'id',
  'form',
  'answers',
  'unsure',
  'attachments',
  'answeredIn',
  'locale',
  'variant',
  'submittedAt',
] as const;
/** Fields a Submission may leave out: the widget sends them only when they say something. */
export const OPTIONAL_SUBMISSION_FIELDS = [
  'help',
  'prefill',
  'startedAt',
  'applicationDate',
  'computed',
  'confirmed',
] as const;

const LOCALE = LOCALE_TAG;
const VARIANTS: readonly string[] = TEXT_VARIANTS;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** No application was sent before this (the project is younger); an earlier time is a wrong clock or a made-up body. */
export const EARLIEST_SUBMISSION_TIME = '2020-01-01T00:00:00Z';
/** How far ahead of the receiver's clock a sender's clock may be (a phone set to the wrong time zone, or a day off). */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface SubmissionCheckOptions {
  /** The receiver's clock, for the bounds of submittedAt and startedAt; defaults to the system clock. */
  now?: () => Date;
}

/** ajv keywords whose sub-errors are failed alternatives, not faults: their errors are not reported as such. */
const ALTERNATIVES = new Set(['anyOf', 'oneOf', 'not']);
/** ajv keywords that only wrap the errors reported beside them. */
const WRAPPERS = new Set(['if', 'allOf', 'propertyNames']);

/**
 * Checks an untrusted body against a form package. `body` is the raw request body (text or bytes, at
 * most MAX_BODY_BYTES) or an already parsed value. Never throws: a form package that cannot check
 * (a validator missing) gives the error code "internal", which is the server's fault, not the sender's.
 * Every string of an accepted submission is in Unicode NFC: the body's text is normalised before it is
 * checked, never refused for it (NFC and NFD are the same text; the widget sends NFC too).
 */
export function validateSubmission(
  formPackage: FormPackage,
  body: unknown,
  options: SubmissionCheckOptions = {},
): SubmissionValidation {
  try {
    const json = typeof body === 'string' || body instanceof Uint8Array ? parseJson(body) : checkJson(body);
    if (!json.ok) return json;
    return checkSubmission(formPackage, normalizeStrings(json.value), (options.now ?? (() => new Date()))());
  } catch {
    return {
      ok: false,
      errors: [{ pointer: '', code: 'internal', message: 'The form package could not check this submission.' }],
    };
  }
}

function checkSubmission(formPackage: FormPackage, value: JsonValue, now: Date): SubmissionValidation {
  const { definition } = formPackage;
  if (!isRecord(value))
    return { ok: false, errors: [{ pointer: '', code: 'type', message: 'A submission is a JSON object.' }] };
  const errors: SubmissionError[] = [];
  const add = (at: string, code: string, message: string): void => {
    errors.push({ pointer: at, code, message });
  };

  const allowed: readonly string[] = [...SUBMISSION_FIELDS, ...OPTIONAL_SUBMISSION_FIELDS];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) add(pointer(key), 'unknown-key', `A submission has no field "${key}".`);
  }
  for (const key of SUBMISSION_FIELDS) {
    if (value[key] === undefined) add(pointer(key), 'required', `A submission needs "${key}".`);
  }

  const { id, form, answers, unsure, attachments, answeredIn, locale, variant, submittedAt } = value;
  if (id !== undefined && (typeof id !== 'string' || !SUBMISSION_ID.test(id))) {
    add('/id', 'pattern', 'The id is 8 to 128 letters, digits, "-" or "_" (the widget sends a UUID).');
  }
  if (form !== undefined) {
    if (!isRecord(form)) add('/form', 'type', 'form is { id, version }.');
    else {
      for (const key of Object.keys(form))
        if (key !== 'id' && key !== 'version') add(pointer('form', key), 'unknown-key', `form has no field "${key}".`);
      if (form.id !== definition.id) add('/form/id', 'wrong-form', `This is the form "${definition.id}".`);
      else if (form.version !== definition.version)
        add(
          '/form/version',
          'wrong-version',
          `This receiver has version ${definition.version} of the form "${definition.id}".`,
        );
    }
  }
  const answersOk = answers !== undefined && isRecord(answers);
  if (answers !== undefined && !answersOk) add('/answers', 'type', 'answers is an object, by field id.');
  const unsureOk = Array.isArray(unsure) && unsure.every((item) => typeof item === 'string');
  if (unsure !== undefined && !unsureOk) add('/unsure', 'type', 'unsure is an array of field ids.');
  const attachmentsOk = Array.isArray(attachments) && attachments.every((item) => typeof item === 'string');
  if (attachments !== undefined && !attachmentsOk)
    add('/attachments', 'type', 'attachments is an array of document ids.');
  if (answeredIn !== undefined) {
    if (!isRecord(answeredIn)) add('/answeredIn', 'type', 'answeredIn is an object, by answer path.');
    else {
      for (const [path, context] of Object.entries(answeredIn)) {
        const at = pointer('answeredIn', path);
        // The text version is checked for shape only: a package rebuilt with new texts must still take answers given before.
        if (
          !isRecord(context) ||
          Object.keys(context).some((k) => k !== 'locale' && k !== 'variant' && k !== 'text' && k !== 'plainFrom') ||
          (context.plainFrom !== undefined && (context.plainFrom !== 'nb' || context.variant !== 'plain')) ||
          typeof context.locale !== 'string' ||
          !LOCALE.test(context.locale) ||
          typeof context.variant !== 'string' ||
          !VARIANTS.includes(context.variant) ||
          (context.text !== undefined && (typeof context.text !== 'string' || !TEXT_VERSION.test(context.text)))
        ) {
          add(
            at,
            'type',
            'Each entry is { locale, variant, text?, plainFrom? }, text being 8 hex digits, plainFrom "nb" (plain only).',
          );
        } else if (answersOk && (answers as Answers)[path.split('/')[0] ?? ''] === undefined) {
          add(at, 'not-relevant', 'There is no answer at this path.');
        }
      }
    }
  }
  if (locale !== undefined && (typeof locale !== 'string' || !LOCALE.test(locale)))
    add('/locale', 'pattern', 'locale is a language code such as "nb".');
  if (variant !== undefined && (typeof variant !== 'string' || !VARIANTS.includes(variant)))
    add('/variant', 'choice', 'variant is "standard" or "plain".');
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const outOfBounds = (at: string, time: number): boolean => {
    if (time < Date.parse(EARLIEST_SUBMISSION_TIME))
      add(at, 'minimum', `${at.slice(1)} is not before ${EARLIEST_SUBMISSION_TIME}.`);
    else if (time > latest)
      add(
        at,
        'maximum',
        `${at.slice(1)} is at most 24 hours after the receiver's clock (${new Date(latest).toISOString()}).`,
      );
    else return false;
    return true;
  };
  let submittedOk = false;
  if (submittedAt !== undefined) {
    if (typeof submittedAt !== 'string' || !DATE_TIME.test(submittedAt) || Number.isNaN(Date.parse(submittedAt))) {
      add(
        '/submittedAt',
        'format',
        'submittedAt is an ISO 8601 date and time with a time zone, e.g. 2026-03-03T10:00:00.000Z.',
      );
    } else submittedOk = !outOfBounds('/submittedAt', Date.parse(submittedAt));
  }
  const { startedAt } = value;
  if (startedAt !== undefined) {
    if (typeof startedAt !== 'string' || !DATE_TIME.test(startedAt) || Number.isNaN(Date.parse(startedAt)))
      add('/startedAt', 'format', 'startedAt is an ISO 8601 date and time with a time zone.');
    else if (
      !outOfBounds('/startedAt', Date.parse(startedAt)) &&
      submittedOk &&
      Date.parse(startedAt) > Date.parse(submittedAt as string)
    ) {
      add('/startedAt', 'maximum', 'An application is started before it is sent.');
    }
  }

  // The date the form's rules are judged on: the sender's, within a day of the receiver's clock (time zones).
  const today = applicationDateOf(value.applicationDate, submittedOk ? new Date(submittedAt as string) : now, add);
  if (value.help !== undefined)
    for (const [at, code, message] of helpRequestErrors(value.help)) add(`/help${at}`, code, message);
  if (value.prefill !== undefined && answersOk) {
    const relevance = computeRelevance(definition, formPackage.validators, answers as Answers, today);
    for (const [at, code, message] of prefillRecordErrors(definition, relevance, answers as Answers, value.prefill))
      add(`/prefill${at}`, code, message);
  }

  if (answersOk && unsureOk && errors.every((e) => e.code !== 'wrong-form' && e.code !== 'wrong-version')) {
    errors.push(
      ...answerErrors(
        formPackage,
        answers as Answers,
        unsure as string[],
        attachmentsOk ? (attachments as string[]) : undefined,
        today,
      ),
    );
    if (value.computed !== undefined)
      errors.push(...computedErrors(formPackage, answers as Answers, today, value.computed));
  }
  if (value.confirmed !== undefined) errors.push(...confirmedErrors(formPackage, value.confirmed));
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, submission: value as unknown as Submission };
}

/** Errors in the answers, the unsure flags and the document list, judged by the form package. */
function answerErrors(
  formPackage: FormPackage,
  answers: Answers,
  unsure: string[],
  attachments: string[] | undefined,
  today: string,
): SubmissionError[] {
  const { definition, validators } = formPackage;
  const relevance = computeRelevance(definition, validators, answers, today);
  const errors: SubmissionError[] = [];
  if (attachments) errors.push(...documentListErrors(formPackage, relevance, attachments));

  // The whole-submission validator is the authority on answers and flags; what follows only explains its verdict.
  // What JSON Schema cannot say (clean text, date bounds, two dates in order) the steps' rules check.
  // A form with expressions has relevance JSON Schema cannot say (decision 0021): the engine's verdict decides it.
  if (validators.submission({ answers, unsure, applicationDate: today }))
    return [
      ...errors,
      ...(hasExpressions(definition)
        ? explainAnswers(formPackage, relevance, answers, unsure)
        : ruleProblems(formPackage, relevance, answers, unsure)),
    ];
  const explained = explainAnswers(formPackage, relevance, answers, unsure);
  const seen = new Set(explained.map((e) => e.pointer));
  const reported = (validators.submission.errors ?? []).filter((e) => !seen.has(fromAjv(e)?.pointer ?? ''));
  const fromValidator = reported.some((e) => ALTERNATIVES.has(e.keyword))
    ? []
    : reported.flatMap((e) => fromAjv(e) ?? []);
  const all = [...explained, ...fromValidator];
  if (all.length === 0)
    all.push({ pointer: '/answers', code: 'invalid', message: 'The answers break a rule of the form.' });
  return [...errors, ...all];
}

function fromAjv(error: ValidationError): SubmissionError | null {
  const { keyword, params } = error;
  if (ALTERNATIVES.has(keyword) || WRAPPERS.has(keyword)) return null;
  if (keyword === 'required' && typeof params.missingProperty === 'string') {
    return {
      pointer: `${error.instancePath}/${pointerToken(params.missingProperty)}`,
      code: 'required',
      message: 'An answer is required here.',
    };
  }
  if (keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return {
      pointer: `${error.instancePath}/${pointerToken(params.additionalProperty)}`,
      code: 'unknown-key',
      message: 'The form has no such question.',
    };
  }
  const code =
    keyword === 'format' && typeof params.format === 'string'
      ? `format.${params.format}`
      : keyword === 'enum' || keyword === 'const'
        ? 'choice'
        : keyword;
  return { pointer: error.instancePath, code, message: `The answer fails the rule "${keyword}".` };
}

function documentListErrors(
  { definition }: FormPackage,
  relevance: Relevance,
  attachments: string[],
): SubmissionError[] {
  const errors: SubmissionError[] = [];
  const known = new Set((definition.attachments ?? []).map((d) => d.id));
  const seen = new Set<string>();
  attachments.forEach((id, index) => {
    const at = pointer('attachments', index);
    if (seen.has(id)) errors.push({ pointer: at, code: 'duplicate', message: `"${id}" is listed twice.` });
    else if (!known.has(documentIdOf(id)))
      errors.push({ pointer: at, code: 'unknown-key', message: `The form asks for no document "${id}".` });
    else if (!relevance.attachments.includes(id))
      errors.push({
        pointer: at,
        code: 'not-relevant',
        message: `With these answers the form does not ask for "${id}".`,
      });
    seen.add(id);
  });
  const missing = relevance.attachments.filter((id) => !seen.has(id));
  if (missing.length > 0)
    errors.push({
      pointer: '/attachments',
      code: 'required',
      message: `With these answers the form asks for: ${missing.join(', ')}.`,
    });
  return errors;
}

/** Says which answers are unknown, not relevant, missing or wrong, in form order, as the widget would. */
function explainAnswers(
  formPackage: FormPackage,
  relevance: Relevance,
  answers: Answers,
  unsure: string[],
): SubmissionError[] {
  const { definition, validators } = formPackage;
  const errors: SubmissionError[] = [];
  const fields = new Map(definition.steps.flatMap((s) => s.fields).map((f) => [f.id, f]));
  const documents = new Set((definition.attachments ?? []).map((d) => d.id));

  for (const [id, value] of Object.entries(answers)) {
    const field = fields.get(id);
    const at = pointer('answers', id);
    if (!field || field.kind === 'guidance') {
      errors.push({ pointer: at, code: 'unknown-key', message: 'The form has no such question.' });
      continue;
    }
    if (!relevance.fields.includes(id)) {
      errors.push({
        pointer: at,
        code: 'not-relevant',
        message: 'With the other answers the form does not ask this question.',
      });
      continue;
    }
    if (field.kind === 'group' && Array.isArray(value)) {
      const children = new Set((field.fields ?? []).filter((c) => c.kind !== 'guidance').map((c) => c.id));
      const withIds = groupsWithItemIds(definition).has(id);
      value.forEach((item, index) => {
        if (!isRecord(item)) return;
        const asked = itemRelevance(field, item, validators, outerOf(relevance)).fields;
        if (withIds && (typeof item[ITEM_ID] !== 'string' || !ITEM_ID_PATTERN.test(item[ITEM_ID])))
          errors.push({
            pointer: pointer('answers', id, index, ITEM_ID),
            code: 'required',
            message: 'Each item has an id: 6 to 32 lower-case letters and digits.',
          });
        for (const key of Object.keys(item)) {
          const here = pointer('answers', id, index, key);
          if (withIds && key === ITEM_ID) continue;
          if (!children.has(key))
            errors.push({ pointer: here, code: 'unknown-key', message: 'The form has no such question.' });
          else if (!asked.includes(key))
            errors.push({
              pointer: here,
              code: 'not-relevant',
              message: 'With the other answers the form does not ask this question.',
            });
        }
      });
    }
    if (field.kind === 'attachments' && isRecord(value)) {
      for (const document of Object.keys(value)) {
        const here = pointer('answers', id, document);
        if (!documents.has(documentIdOf(document)))
          errors.push({ pointer: here, code: 'unknown-key', message: 'The form asks for no such document.' });
        else if (!relevance.attachments.includes(document))
          errors.push({
            pointer: here,
            code: 'not-relevant',
            message: 'With the other answers the form does not ask for this document.',
          });
      }
    }
    // An answer to a field marked "I don't know" is not checked by validateStep, but it must be valid.
    const validate = validators.fields[id];
    if (unsure.includes(id) && validate && !validate(value)) {
      const first = validate.errors?.[0];
      const mapped = first ? fromAjv({ ...first, instancePath: `${at}${first.instancePath}` }) : null;
      errors.push({
        ...(mapped ?? { pointer: at, code: 'invalid' }),
        message: 'An answer sent with "I don\'t know" must still be valid.',
      });
    }
  }

  const seen = new Set<string>();
  unsure.forEach((id, index) => {
    const at = pointer('unsure', index);
    const field = fields.get(id);
    if (seen.has(id)) errors.push({ pointer: at, code: 'duplicate', message: `"${id}" is listed twice.` });
    else if (!field?.unsure)
      errors.push({ pointer: at, code: 'choice', message: `"${id}" is not a question that offers "I don't know".` });
    else if (!relevance.fields.includes(id))
      errors.push({
        pointer: at,
        code: 'not-relevant',
        message: 'With the answers the form does not ask this question.',
      });
    seen.add(id);
  });

  const check = { definition, validators, answers, unsure, relevance };
  const steps = definition.steps.filter((step) => relevance.steps.includes(step.id));
  // The steps' errors as the widget shows them, then the rules on answers marked "I don't know" too.
  for (const error of [
    ...steps.flatMap((step) => validateStep(step, check)),
    ...steps.flatMap((step) => ruleErrors(step, check)),
  ]) {
    const problem = asSubmissionError(error);
    if (!errors.some((e) => e.pointer === problem.pointer)) errors.push(problem);
  }
  return errors;
}

/**
 * The application date sent, or else the date it was sent; one more than a day from the time it was sent
 * (which the receiver has bounded by its clock) is refused: a day covers every time zone.
 */
function applicationDateOf(
  sent: unknown,
  sentAt: Date,
  add: (at: string, code: string, message: string) => void,
): string {
  const own = sentAt.toISOString().slice(0, 10);
  if (sent === undefined) return own;
  const ok =
    typeof sent === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(sent) &&
    Math.abs(Date.parse(`${sent}T00:00:00Z`) - Date.parse(`${own}T00:00:00Z`)) <= CLOCK_SKEW_MS;
  if (!ok) {
    add('/applicationDate', 'pattern', 'applicationDate is the date (YYYY-MM-DD), at most a day from submittedAt.');
    return own;
  }
  return sent;
}

/**
 * The wordings of legal texts the user confirmed (decision 0031): by legal field id, one or two { locale, variant,
 * text? }. Checked for shape only, like answeredIn: a package rebuilt with new texts must still take older answers.
 */
function confirmedErrors(formPackage: FormPackage, sent: unknown): SubmissionError[] {
  if (!isRecord(sent))
    return [{ pointer: '/confirmed', code: 'type', message: 'confirmed is an object, by field id.' }];
  const legal = new Set(legalFields(formPackage.definition).map((field) => field.id));
  const errors: SubmissionError[] = [];
  for (const [id, seen] of Object.entries(sent)) {
    const at = pointer('confirmed', id);
    if (!legal.has(id))
      errors.push({ pointer: at, code: 'unknown-key', message: `"${id}" is not a legal text of the form.` });
    else if (!Array.isArray(seen) || seen.length < 1 || seen.length > 2 || !seen.every(isTextContext))
      errors.push({ pointer: at, code: 'type', message: 'Each entry is one or two { locale, variant, text? }.' });
  }
  return errors;
}

/** { locale, variant, text? }, text being a text version (8 hex digits). */
const isTextContext = (context: unknown): boolean =>
  isRecord(context) &&
  Object.keys(context).every((k) => k === 'locale' || k === 'variant' || k === 'text') &&
  typeof context.locale === 'string' &&
  LOCALE.test(context.locale) &&
  typeof context.variant === 'string' &&
  VARIANTS.includes(context.variant) &&
  (context.text === undefined || (typeof context.text === 'string' && TEXT_VERSION.test(context.text)));

/** The computed values sent must be the ones the form's rules give: the caseworker sees what the user saw. */
function computedErrors(formPackage: FormPackage, answers: Answers, today: string, sent: unknown): SubmissionError[] {
  const { definition, validators } = formPackage;
  if (!isRecord(sent)) return [{ pointer: '/computed', code: 'type', message: 'computed is an object, by id.' }];
  const own = computeRelevance(definition, validators, answers, today).computed;
  const errors: SubmissionError[] = [];
  for (const key of new Set([...Object.keys(sent), ...Object.keys(own).filter((k) => own[k] !== null)])) {
    if (sent[key] !== (own[key] ?? undefined))
      errors.push({
        pointer: pointer('computed', key),
        code: 'computed',
        message: `By the form's rules this is ${own[key] === undefined || own[key] === null ? 'not there' : String(own[key])}.`,
      });
  }
  return errors;
}

/** Broken rules JSON Schema cannot say, by the same step rules the widget runs, on every answer sent. */
function ruleProblems(
  formPackage: FormPackage,
  relevance: Relevance,
  answers: Answers,
  unsure: string[],
): SubmissionError[] {
  const { definition, validators } = formPackage;
  const check = { definition, validators, answers, unsure, relevance };
  return definition.steps
    .filter((step) => relevance.steps.includes(step.id))
    .flatMap((step) => ruleErrors(step, check))
    .map(asSubmissionError);
}

const RULE_MESSAGES: Record<string, string> = {
  'text.control': 'Control characters are not allowed here (newline and tab only in long texts).',
  'text.bidi': 'Bidi overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069) are not allowed.',
  'text.surrogate': 'The text has a lone surrogate: it is not well-formed Unicode.',
  'text.filename': 'A file name has no "/" or "\\" and is not only dots and spaces.',
  'date.range': 'A date is between 1900-01-01 and 2100-12-31.',
};

/** A step error at its pointer in the submission; a part of a compound answer (an address's postcode, a file's name) gets its own. */
function asSubmissionError(error: FieldError): SubmissionError {
  let at = `/answers${error.path}${error.part ? `/${pointerToken(error.part)}` : ''}`;
  if (error.part === 'files' && typeof error.params.file === 'number') at += `/${error.params.file - 1}/name`;
  const code =
    error.part && error.code.startsWith(`${error.part}.`) ? error.code.slice(error.part.length + 1) : error.code;
  const message =
    code === 'notBefore'
      ? `The date may not be before the answer to "${String(error.params.field)}".`
      : code === 'required'
        ? 'An answer is required here (a blank one is none).'
        : (RULE_MESSAGES[code] ?? `The answer fails the rule "${code}".`);
  return { pointer: at, code, message };
}

// The caseworker's record of one application (issue 18, docs/decisions/0018-record-and-pdf.md): every
// relevant question in NAV's Norwegian wording with its answer, the text the user saw when that was another
// language or the plain variant, what needs action first, and the timeline. Pure data from the form
// package and the submission alone, so the command line, the receiver's inbox and the PDF share it.
import type { FieldDefinition, FormDefinition, LegalKind } from '../definition/types.ts';
import type { TextVariant } from '../definition/vocabulary.ts';
import { isRecord, type Answers } from '../engine/answers.ts';
import type { FormValidators } from '../engine/form-package.ts';
import type { ContactChannel } from '../engine/help.ts';
import type { PrefillStatus } from '../engine/prefill.ts';
import { computeRelevance, itemRelevance, outerOf, type Relevance } from '../engine/relevance.ts';
import { documentIdOf } from '../engine/items.ts';
import { itemValues } from '../i18n/answer-values.ts';
import { documentText } from '../i18n/document-text.ts';
import type { AnswerContext, Submission } from '../engine/submission.ts';
import { textVersionOf, type TextVersions } from '../engine/text-version.ts';
import { formatKroner } from '../i18n/answer-format.ts';
import { formatMoment, optionText, recordValue, valueAsText, type RecordValue } from './format.ts';
import { formText, isDraftTranslation, languageName, languageOf, recordText, type PackageLocale } from './texts.ts';

export type { RecordValue } from './format.ts';

/** The JSON record's format name; a new major number when a reader would misread the old shape. */
export const RECORD_FORMAT = 'klarskjema-record/1';

export interface RecordSources {
  definition: FormDefinition;
  validators: FormValidators;
  textVersions?: TextVersions;
  /** The package's locale files by locale (nb is required). */
  locales: Record<string, PackageLocale>;
}

/** What happened after the submission, as the receiver knows it: a document sent later, or «har ikke» said
 *  again with a reason (docs/decisions/0035). `document` is its key (`<id>` or `<id>.<item id>`). */
export type RecordEvent =
  | { kind: 'document-received'; at: string; document: string }
  | { kind: 'document-not-had'; at: string; document: string; reason: string };

/** The text the user saw for a question, when it was not NAV's standard Norwegian. */
export interface SeenText {
  locale: string;
  language: string;
  variant: TextVariant;
  /** The text version the user answered (from the submission). */
  version?: string;
  /** False when the package's texts for this question have changed since: the text shown is today's. */
  sameVersion: boolean;
  /** The translation was marked as a draft in the package (shown once, in the record's facts). */
  draft: boolean;
  /** The user asked for nb's plain text where the language had none (decision 0030). */
  plainFrom?: 'nb';
  question: string;
  /** The chosen options in the user's language and variant. */
  answer?: string[];
}

export interface RecordPrefill {
  source: string;
  sourceName: string;
  status: PrefillStatus;
  register: RecordValue;
}

export interface RecordDocument {
  id: string;
  name: string;
  status: 'uploaded' | 'later' | 'missing' | 'none';
  files: string[];
  reason?: { text: string; lang: string };
}

export interface RecordEntry {
  /** The field id; `path` is where the answer lies (barn/0/barn-navn for a group item's field). */
  field: string;
  path: string;
  kind: FieldDefinition['kind'];
  question: string;
  value?: RecordValue;
  unsure: boolean;
  seen?: SeenText;
  prefill?: RecordPrefill;
  items?: RecordItem[];
  documents?: RecordDocument[];
}

export interface RecordItem {
  index: number;
  /** «Barn 1: Bo»: the item's title, named by its first written answer. */
  title: string;
  entries: RecordEntry[];
}

export interface RecordSection {
  step: string;
  title: string;
  entries: RecordEntry[];
  /** The sum of the section's amounts, when it has two or more. */
  total?: { text: string; value: number; count: number; label?: string };
}

export type RecordAction =
  | { kind: 'urgent'; field: string; question: string }
  | { kind: 'contact'; channel?: ContactChannel; channelName?: string }
  | { kind: 'interpreter'; language?: string; languageName?: string }
  | { kind: 'unsure'; field: string; question: string; answer?: string }
  | { kind: 'corrected'; field: string; question: string; sourceName: string; register: string; user?: string }
  | {
      kind: 'document';
      document: string;
      name: string;
      status: 'later' | 'missing' | 'none';
      reason?: { text: string; lang: string };
    };

export interface TimelineEntry {
  at: string;
  when: string;
  kind: 'started' | 'submitted' | RecordEvent['kind'];
  text: string;
  /** The applicant's reason, exactly as written, with its language. */
  reason?: { text: string; lang: string };
}

/** One wording of a legal text as the user saw it when confirming (decision 0031). */
export interface ConfirmedWording {
  locale: string;
  language: string;
  variant: TextVariant;
  version?: string;
  /** False when the package's texts have changed since: the text shown is today's. */
  sameVersion: boolean;
  /** The text in that language and variant, from the package. */
  text: string;
}

/** A legal text the user confirmed: NAV's Norwegian wording and the wordings the user saw. */
export interface RecordConfirmed {
  field: string;
  legal: LegalKind;
  text: string;
  wordings: ConfirmedWording[];
}

export interface CaseRecord {
  format: typeof RECORD_FORMAT;
  id: string;
  /** version: the submission's; packageVersion: the package the record's wording comes from. */
  form: { id: string; version: string; packageVersion: string; title: string };
  locale: string;
  language: string;
  variant: TextVariant;
  submittedAt: string;
  startedAt?: string;
  /** The languages and variants of the texts the user saw beside nb standard, and whether a translation was a draft. */
  translations: Array<{ locale: string; language: string; variant: TextVariant; draft: boolean }>;
  actions: RecordAction[];
  sections: RecordSection[];
  /** The legal texts the user confirmed, with the wordings seen; only when the submission says which. */
  confirmed?: RecordConfirmed[];
  timeline: TimelineEntry[];
}

type DocumentAnswer = { status?: unknown; reason?: unknown; files?: unknown };

/** The record of a submission. The submission is trusted to have passed the receiver's validation. */
export function buildRecord(
  sources: RecordSources,
  submission: Submission,
  events: readonly RecordEvent[] = [],
): CaseRecord {
  const { definition } = sources;
  const formId = definition.id;
  const nb = sources.locales.nb;
  if (!nb) throw new Error(`The form package ${formId} has no Norwegian (nb) texts; the record needs them.`);
  const question = (id: string) => formText(nb, formId, `fields.${id}.label`) ?? id;
  // Judged on the date the application was (the receiver checked it), not on the day the record is read.
  const relevance = computeRelevance(
    definition,
    sources.validators,
    submission.answers,
    submission.applicationDate ?? submission.submittedAt.slice(0, 10),
  );
  const context = new RecordContext(sources, submission, nb, relevance);

  const sections: RecordSection[] = [];
  for (const step of definition.steps) {
    if (!relevance.steps.includes(step.id)) continue;
    const entries = step.fields
      .filter((field) => field.kind !== 'guidance' && relevance.fields.includes(field.id))
      .map((field) => context.entry(field, field.id, submission.answers[field.id], relevance.attachments));
    if (entries.length === 0) continue;
    sections.push({
      step: step.id,
      title: formText(nb, formId, `steps.${step.id}.title`) ?? step.id,
      entries,
      ...(step.total
        ? totalOf(entries, submission.answers)
        : computedTotalOf(definition, step.id, entries, relevance, nb)),
    });
  }

  const entries = sections.flatMap((section) => section.entries);
  const actions: RecordAction[] = [];
  for (const entry of entries) {
    const field = context.field(entry.field);
    if (field?.urgent && field.kind === 'yesno' && submission.answers[entry.field] === true)
      actions.push({ kind: 'urgent', field: entry.field, question: entry.question });
  }
  const help = submission.help;
  if (help?.contact)
    actions.push({
      kind: 'contact',
      ...(help.channel ? { channel: help.channel, channelName: recordText(`channels.${help.channel}`) } : {}),
    });
  if (help?.interpreter)
    actions.push({
      kind: 'interpreter',
      ...(help.interpreterLanguage
        ? { language: help.interpreterLanguage, languageName: languageName(help.interpreterLanguage) }
        : {}),
    });
  for (const id of submission.unsure) {
    const entry = entries.find((e) => e.field === id);
    actions.push({
      kind: 'unsure',
      field: id,
      question: question(id),
      ...(entry?.value ? { answer: valueAsText(entry.value) } : {}),
    });
  }
  for (const entry of entries) {
    if (entry.prefill?.status !== 'corrected') continue;
    actions.push({
      kind: 'corrected',
      field: entry.field,
      question: entry.question,
      sourceName: entry.prefill.sourceName,
      register: valueAsText(entry.prefill.register),
      ...(entry.value ? { user: valueAsText(entry.value) } : {}),
    });
  }
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  for (const document of entries.flatMap((entry) => entry.documents ?? [])) {
    if (document.status === 'uploaded') continue;
    // What came later decides: a file received settles it; «har ikke» again brings its newest reason.
    const last = sorted.filter((event) => event.document === document.id).at(-1);
    if (last?.kind === 'document-received') continue;
    if (last?.kind === 'document-not-had') {
      actions.push({
        kind: 'document',
        document: document.id,
        name: document.name,
        status: 'missing',
        reason: { text: last.reason, lang: languageOf(submission.locale) },
      });
      continue;
    }
    actions.push({
      kind: 'document',
      document: document.id,
      name: document.name,
      status: document.status,
      ...(document.reason ? { reason: document.reason } : {}),
    });
  }

  const timeline: TimelineEntry[] = [];
  const moment = (at: string, kind: TimelineEntry['kind'], text: string): TimelineEntry => ({
    at,
    when: formatMoment(at),
    kind,
    text,
  });
  if (submission.startedAt) timeline.push(moment(submission.startedAt, 'started', recordText('timeline.started')));
  timeline.push(moment(submission.submittedAt, 'submitted', recordText('timeline.submitted')));
  for (const event of sorted) {
    const name = context.documentName(event.document, relevance.answers);
    if (event.kind === 'document-received')
      timeline.push(moment(event.at, event.kind, recordText('timeline.documentReceived', { document: name })));
    else
      timeline.push({
        ...moment(event.at, event.kind, recordText('timeline.documentNotHad', { document: name })),
        reason: { text: event.reason, lang: languageOf(submission.locale) },
      });
  }

  return {
    format: RECORD_FORMAT,
    id: submission.id,
    form: {
      id: formId,
      version: submission.form.version,
      packageVersion: definition.version,
      title: formText(nb, formId, 'title') ?? formId,
    },
    locale: submission.locale,
    language: languageName(languageOf(submission.locale)),
    variant: submission.variant,
    submittedAt: submission.submittedAt,
    ...(submission.startedAt ? { startedAt: submission.startedAt } : {}),
    translations: translationsOf(entries),
    actions,
    sections,
    ...confirmedOf(sources, submission, nb),
    timeline,
  };
}

/** The legal texts the user confirmed (submission.confirmed), each with the wordings shown. */
function confirmedOf(
  sources: RecordSources,
  submission: Submission,
  nb: PackageLocale,
): { confirmed?: RecordConfirmed[] } {
  if (!submission.confirmed) return {};
  const formId = sources.definition.id;
  const confirmed: RecordConfirmed[] = [];
  for (const field of sources.definition.steps.flatMap((step) => step.fields)) {
    const seen = submission.confirmed[field.id];
    if (!field.legal || !seen) continue;
    const key = `fields.${field.id}.${field.kind === 'guidance' ? 'text' : 'label'}`;
    const wordings = seen.map((context): ConfirmedWording => {
      const locale = languageOf(context.locale);
      const now = textVersionOf(sources.textVersions, locale, context.variant, field.id);
      return {
        locale,
        language: languageName(locale),
        variant: context.variant,
        ...(context.text ? { version: context.text } : {}),
        sameVersion: context.text === undefined || now === undefined || now === context.text,
        text: formText(sources.locales[locale], formId, key, context.variant) ?? formText(nb, formId, key) ?? '',
      };
    });
    confirmed.push({ field: field.id, legal: field.legal, text: formText(nb, formId, key) ?? field.id, wordings });
  }
  return confirmed.length > 0 ? { confirmed } : {};
}

function translationsOf(entries: RecordEntry[]): CaseRecord['translations'] {
  const seen = new Map<string, CaseRecord['translations'][number]>();
  const visit = (entry: RecordEntry) => {
    if (entry.seen) {
      const { locale, language, variant, draft } = entry.seen;
      seen.set(`${locale}/${variant}`, { locale, language, variant, draft });
    }
    for (const item of entry.items ?? []) item.entries.forEach(visit);
  };
  entries.forEach(visit);
  return [...seen.values()];
}

/** A computed amount the form shows with a step (decision 0021): the same line as a step's total, named by the form. */
function computedTotalOf(
  definition: FormDefinition,
  stepId: string,
  entries: RecordEntry[],
  relevance: Relevance,
  nb: PackageLocale,
): Pick<RecordSection, 'total'> {
  const computed = (definition.computed ?? []).find((c) => c.step === stepId && c.format === 'amount');
  const value = computed ? relevance.computed[computed.id] : undefined;
  if (!computed || typeof value !== 'number') return {};
  const count = entries.filter((entry) => entry.kind === 'amount' && entry.value !== undefined).length;
  const label = formText(nb, definition.id, `computed.${computed.id}.label`);
  return { total: { value, count, text: formatKroner(value, 'nb'), ...(label ? { label } : {}) } };
}

function totalOf(entries: RecordEntry[], answers: Answers): Pick<RecordSection, 'total'> {
  const amounts = entries
    .filter((entry) => entry.kind === 'amount')
    .map((entry) => answers[entry.field])
    .filter((value): value is number => typeof value === 'number');
  if (amounts.length < 2) return {};
  // In øre, so that 0.1 + 0.2 is 0.30 kr.
  const value = amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0) / 100;
  return { total: { value, count: amounts.length, text: formatKroner(value, 'nb') } };
}

/** Looks up fields and texts for one submission. */
class RecordContext {
  readonly #fields = new Map<string, FieldDefinition>();
  constructor(
    readonly sources: RecordSources,
    readonly submission: Submission,
    readonly nb: PackageLocale,
    readonly relevance: Relevance,
  ) {
    for (const step of sources.definition.steps)
      for (const field of step.fields) {
        this.#fields.set(field.id, field);
        for (const child of field.fields ?? []) this.#fields.set(child.id, child);
      }
  }

  field(id: string): FieldDefinition | undefined {
    return this.#fields.get(id);
  }

  get formId(): string {
    return this.sources.definition.id;
  }

  /** The language the user was using when answering at this path (or at the field that holds it: a document's
   *  reason is recorded under the documents field). */
  langAt(path: string): string {
    const parts = path.split('/');
    for (let end = parts.length; end > 0; end--) {
      const context = this.submission.answeredIn[parts.slice(0, end).join('/')];
      if (context) return languageOf(context.locale);
    }
    return languageOf(this.submission.locale);
  }

  entry(field: FieldDefinition, path: string, value: unknown, attachments: readonly string[]): RecordEntry {
    const { formId, nb, submission } = this;
    const top = !path.includes('/');
    const entry: RecordEntry = {
      field: field.id,
      path,
      kind: field.kind,
      question: formText(nb, formId, `fields.${field.id}.label`) ?? field.id,
      unsure: top && submission.unsure.includes(field.id),
    };
    if (field.kind === 'group') {
      entry.items = Array.isArray(value) ? value.map((item, index) => this.item(field, path, item, index)) : [];
    } else if (field.kind === 'attachments') {
      entry.documents = attachments.map((id) => this.document(id, path, isRecord(value) ? value[id] : undefined));
    } else if (value !== undefined) {
      entry.value = recordValue(nb, formId, field, value, this.langAt(path));
    }
    const seen = this.seen(field, path, value);
    if (seen) entry.seen = seen;
    const prefill = top ? submission.prefill?.[field.id] : undefined;
    if (prefill) {
      entry.prefill = {
        source: prefill.source,
        sourceName: formText(nb, formId, `sources.${prefill.source}`) ?? prefill.source,
        status: prefill.status,
        register: recordValue(nb, formId, field, prefill.original, 'nb'),
      };
    }
    return entry;
  }

  item(group: FieldDefinition, path: string, item: unknown, index: number): RecordItem {
    const { fields } = itemRelevance(group, item, this.sources.validators, outerOf(this.relevance));
    const answers: Answers = isRecord(item) ? item : {};
    const entries = (group.fields ?? [])
      .filter((child) => child.kind !== 'guidance' && fields.includes(child.id))
      .map((child) => this.entry(child, `${path}/${index}/${child.id}`, answers[child.id], []));
    // A title that names the item's answers (decision 0021) is the name; else «Barn 1: <first written answer>».
    const values = itemValues(group, item, index, 'nb');
    const key = `fields.${group.id}.item`;
    const named = formText(this.nb, this.formId, key, 'standard', values);
    if (named !== undefined && named !== formText(this.nb, this.formId, key, 'standard', { number: index + 1 })) {
      const title = /\{\{/.test(named) ? formText(this.nb, this.formId, `${key}Empty`, 'standard', values) : named;
      return { index, title: title ?? `${group.id} ${index + 1}`, entries };
    }
    const title = named ?? `${group.id} ${index + 1}`;
    const name = entries.find((e) => e.value?.kind === 'user')?.value;
    return {
      index,
      title: name && name.kind === 'user' ? recordText('answers.item', { title, name: name.lines.join(' ') }) : title,
      entries,
    };
  }

  /** A document's name; a document per item is named by its item's answers. */
  documentName(key: string, answers: Answers): string {
    const { values } = documentText(this.sources.definition, answers, key, 'label', 'nb');
    const id = documentIdOf(key);
    const text = formText(this.nb, this.formId, `attachments.${id}.label`, 'standard', values);
    const empty = formText(this.nb, this.formId, `attachments.${id}.labelEmpty`, 'standard', values);
    return (text !== undefined && /\{\{/.test(text) ? empty : text) ?? key;
  }

  document(id: string, path: string, answer: unknown): RecordDocument {
    const value = (isRecord(answer) ? answer : {}) as DocumentAnswer;
    const status =
      value.status === 'uploaded' || value.status === 'later' || value.status === 'missing' ? value.status : 'none';
    const files = Array.isArray(value.files)
      ? value.files.flatMap((file) => (isRecord(file) && typeof file.name === 'string' ? [file.name] : []))
      : [];
    return {
      id,
      name: this.documentName(id, this.submission.answers),
      status,
      files,
      ...(typeof value.reason === 'string' && value.reason !== ''
        ? { reason: { text: value.reason, lang: this.langAt(`${path.split('/')[0]!}/${id}`) } }
        : {}),
    };
  }

  /** The text the user saw, when it was another language or the plain variant. */
  seen(field: FieldDefinition, path: string, value: unknown): SeenText | undefined {
    const context: AnswerContext | undefined = this.submission.answeredIn[path];
    if (!context) return undefined;
    const locale = languageOf(context.locale);
    if (locale === 'nb' && context.variant === 'standard') return undefined;
    const resources = this.sources.locales[locale];
    const question = formText(resources, this.formId, `fields.${field.id}.label`, context.variant);
    if (question === undefined) return undefined;
    const now = textVersionOf(this.sources.textVersions, locale, context.variant, field.id);
    const choice = ['radio', 'select', 'checkboxes'].includes(field.kind);
    const chosen = Array.isArray(value) ? value : [value];
    return {
      locale,
      language: languageName(locale),
      variant: context.variant,
      ...(context.text ? { version: context.text } : {}),
      sameVersion: context.text === undefined || now === undefined || now === context.text,
      draft: isDraftTranslation(resources, this.formId),
      ...(context.plainFrom === 'nb' ? { plainFrom: 'nb' as const } : {}),
      question,
      ...(choice && value !== undefined
        ? { answer: chosen.map((v) => optionText(resources, this.formId, field, v, context.variant)) }
        : {}),
    };
  }
}

/** The form, its version, and a warning when the wording comes from another version than the one the user had. */
export function formDescription(record: CaseRecord): string {
  const { form } = record;
  const described = `${form.title} (${form.id}, ${recordText('facts.formVersion', { version: form.version })})`;
  return form.packageVersion === form.version
    ? described
    : `${described}. ${recordText('facts.otherPackage', { version: form.version, package: form.packageVersion })}`;
}

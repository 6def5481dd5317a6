// "Se over før du sender": every relevant answer grouped by step, a change link per answer, and
// soft warnings that never block sending (docs/users.md N6, N7). The receipt reuses the answer list.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import type { Relevance } from '../../src/engine/relevance.ts';
import { itemRelevance, outerOf } from '../../src/engine/relevance.ts';
import { itemValues } from '../../src/i18n/answer-values.ts';
import { keysFor, type TextValues } from '../../src/i18n/named-keys.ts';
import { documentText } from '../../src/i18n/document-text.ts';
import { formatKroner, formatNumber } from '../../src/i18n/answer-format.ts';
import type { FormValidators } from '../../src/engine/form-package.ts';
import type { Texts } from '../../src/browser/i18n.ts';
import { controlId, domId } from '../fields/field-host.ts';
import { answerText } from './answer-text.ts';
import { show, type ShowOptions } from '../fields/text.ts';
import { missingItems } from './missing.ts';

export interface SummaryHost {
  definition: FormDefinition;
  validators: FormValidators;
  texts: Texts;
  locale: string;
  relevance: Relevance;
  /** The answers to show: the relevant ones. */
  answers: Record<string, unknown>;
  unsure: readonly string[];
}

type DocumentAnswer = { status?: string; reason?: string; files?: Array<{ name: string }> };

/** Change: go to the step and focus the control with this id. */
export type ChangeAnswer = (stepId: string, targetId: string) => void;

function changeLink(
  texts: Texts,
  stepId: string,
  targetId: string,
  label: string,
  change: ChangeAnswer,
): TemplateResult {
  return html`<a class="change-link" href="#${targetId}" @click=${(event: Event) => {
    event.preventDefault();
    change(stepId, targetId);
  }}>
    ${show(texts, 'widget:review.change')}<span class="visually-hidden"> ${label}</span></a>`;
}

function row(
  label: string | TemplateResult,
  value: TemplateResult | string,
  action: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<div class="summary-row">
    <dt class="summary-key">${label}</dt>
    <dd class="summary-value">${value}</dd>
    ${action === nothing ? nothing : html`<dd class="summary-action">${action}</dd>`}
  </div>`;
}

function fieldRows(
  model: SummaryHost,
  stepId: string,
  field: FieldDefinition,
  change?: ChangeAnswer,
): TemplateResult[] {
  const { texts, definition, locale } = model;
  const formId = definition.id;
  const label = texts.t(`${formId}:fields.${field.id}.label`);
  const value = model.answers[field.id];
  const unsure = model.unsure.includes(field.id);
  const link = (targetId: string, text = label) =>
    change ? changeLink(texts, stepId, targetId, text, change) : nothing;

  if (field.kind === 'attachments') {
    const documents = (value ?? {}) as Record<string, DocumentAnswer>;
    return model.relevance.attachments.map((document) => {
      const named = documentText(definition, model.answers, document, 'label', locale);
      const documentLabel = texts.t(
        keysFor((k, v) => texts.t(k, v), named.key, named.values),
        named.values,
      );
      const entry = documents[document];
      const status = entry?.status
        ? html`${show(texts, `widget:attachments.${entry.status}`)}${entry.files?.length ? html`<ul class="answer-list">${entry.files.map((f) => html`<li>${f.name}</li>`)}</ul>` : nothing}${entry.reason ? html`<br><span class="answer-text">${entry.reason}</span>` : nothing}`
        : show(texts, 'widget:review.notAnswered');
      return row(
        showNamed(texts, named.key, named.values),
        status,
        link(domId(`/${field.id}/${document}`), documentLabel),
      );
    });
  }
  if (field.kind === 'group') {
    const items = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
    if (items.length === 0)
      return [
        row(
          show(texts, `${formId}:fields.${field.id}.label`),
          show(texts, 'widget:review.notAnswered'),
          link(domId(`/${field.id}`)),
        ),
      ];
    return items.map((item, index) => {
      // Named by the item's answers («Ola»), where the form's text names them; else «Barn 2».
      const key = `${formId}:fields.${field.id}.item`;
      const values = itemValues(field, item, index, locale);
      const title = texts.t(
        keysFor((k, v) => texts.t(k, v), key, values),
        values,
      );
      const { fields } = itemRelevance(field, item, model.validators, outerOf(model.relevance));
      const children = (field.fields ?? []).filter((child) => fields.includes(child.id) && child.kind !== 'guidance');
      return row(
        showNamed(texts, key, values),
        html`<dl class="item-summary">${children.map(
          (child) => html`<div>
        <dt>${show(texts, `${formId}:fields.${child.id}.label`)}</dt>
        <dd>${item[child.id] === undefined ? show(texts, 'widget:review.notAnswered') : answerText(texts, formId, child, item[child.id], locale)}</dd>
      </div>`,
        )}</dl>`,
        link(
          children[0] ? controlId(`/${field.id}/${index}/${children[0].id}`, children[0].kind) : domId(`/${field.id}`),
          title,
        ),
      );
    });
  }
  const shown =
    value === undefined
      ? unsure
        ? html`<span class="tag">${show(texts, 'widget:review.unsure')}</span>`
        : show(texts, 'widget:review.notAnswered')
      : html`${answerText(texts, formId, field, value, locale)}${unsure ? html` <span class="tag">${show(texts, 'widget:review.unsure')}</span>` : nothing}`;
  return [row(show(texts, `${formId}:fields.${field.id}.label`), shown, link(controlId(`/${field.id}`, field.kind)))];
}

/** The step's computed values (a total of expenses): worked out from the answers, so no change link. */
function computedRows(model: SummaryHost, stepId: string): TemplateResult[] {
  const { definition, texts, locale } = model;
  return (definition.computed ?? [])
    .filter((value) => value.step === stepId && typeof model.relevance.computed[value.id] === 'number')
    .map((value) => {
      const number = model.relevance.computed[value.id]!;
      const text = value.format === 'amount' ? formatKroner(number, locale) : formatNumber(number, locale);
      return row(
        show(texts, `${definition.id}:computed.${value.id}.label`),
        html`<span class="computed">${text}</span>`,
        nothing,
      );
    });
}

/** Every relevant step's answers; with `change`, each row links back to its field. */
export function answerSummary(model: SummaryHost, change?: ChangeAnswer, headingLevel: 3 | 4 = 3): TemplateResult {
  const { definition, texts, relevance } = model;
  return html`${definition.steps
    .filter((step) => relevance.steps.includes(step.id))
    .map((step) => {
      const fields = step.fields.filter((f) => f.kind !== 'guidance' && relevance.fields.includes(f.id));
      if (fields.length === 0) return nothing;
      const title = show(texts, `${definition.id}:steps.${step.id}.title`);
      return html`<section class="summary-section" aria-labelledby="ks-summary-${step.id}">
      ${
        headingLevel === 3
          ? html`<h3 class="summary-title" id="ks-summary-${step.id}">${title}</h3>`
          : html`<h4 class="summary-title" id="ks-summary-${step.id}">${title}</h4>`
      }
      <dl class="summary-list">${fields.flatMap((field) => fieldRows(model, step.id, field, change))}${computedRows(model, step.id)}</dl>
    </section>`;
    })}`;
}

/** What is missing, in plain words, each with what it means and a link to the question; the user can send anyway. */
export function reviewWarnings(model: SummaryHost, change?: ChangeAnswer): TemplateResult[] {
  const { texts, definition } = model;
  const formId = definition.id;
  const items = missingItems({ ...model, hasText: (key) => texts.has(key) });
  return items.map((item) => {
    if (item.kind === 'document') {
      const named = documentText(definition, model.answers, item.document, 'label', model.locale);
      const name = texts.t(
        keysFor((k, v) => texts.t(k, v), named.key, named.values),
        named.values,
      );
      const what = { later: 'documentLater', missing: 'documentMissing', none: 'documentNoChoice' }[item.status];
      const target = domId(`/${item.field.id}/${item.document}`);
      return warning(
        show(texts, `widget:review.${what}`, { document: name }),
        show(texts, `widget:review.means.${what}`),
        change ? changeLink(texts, item.step, target, name, change) : nothing,
      );
    }
    const question = texts.t(`${formId}:fields.${item.field.id}.label`);
    const target = controlId(`/${item.field.id}`, item.field.kind);
    const link = change ? changeLink(texts, item.step, target, question, change) : nothing;
    if (item.kind === 'unsure')
      return warning(
        show(texts, 'widget:review.unsureAnswer', { question }),
        show(texts, 'widget:review.means.unsureAnswer'),
        link,
      );
    return warning(
      show(texts, 'widget:review.unanswered', { question }),
      show(texts, `${formId}:fields.${item.field.id}.ifEmpty`),
      link,
    );
  });
}

function warning(what: TemplateResult, means: TemplateResult, link: TemplateResult | typeof nothing): TemplateResult {
  return html`<span class="missing-what">${what}</span> <span class="missing-means">${means}</span>${link === nothing ? nothing : html` ${link}`}`;
}

export function warningsTemplate(texts: Texts, warnings: TemplateResult[]): TemplateResult | typeof nothing {
  if (warnings.length === 0) return nothing;
  // A region named by its title: its change links go where the answers' own do, and are told apart by it.
  return html`<section class="notice" part="notice" aria-labelledby="ks-warnings-title">
    <h3 class="notice-title" id="ks-warnings-title">${show(texts, 'widget:review.warningsTitle')}</h3>
    <ul class="missing-list">${warnings.map((w) => html`<li>${w}</li>`)}</ul>
    <p>${show(texts, 'widget:review.warningsIntro')}</p>
  </section>`;
}

/** A text that may name answers ({{barn-navn}}); its "Empty" text when one of them has none (decision 0021). */
function showNamed(
  texts: Texts,
  key: string,
  values: Record<string, unknown>,
  options: ShowOptions = {},
): TemplateResult {
  return show(
    texts,
    keysFor((k, v) => texts.t(k, v), key, values as TextValues),
    values,
    options,
  );
}

// An answer as the user sees it on the review page and the receipt.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition } from '../../src/definition/types.ts';
import { formatAccountNumber, formatNationalId, formatOrganisationNumber } from '../../src/i18n/format.ts';
import { formatDate, formatKroner, formatNumber } from '../../src/i18n/answer-format.ts';
import type { Texts } from '../../src/browser/i18n.ts';
import { show } from '../fields/text.ts';

const ltr = (text: string): TemplateResult => html`<bdi dir="ltr">${text}</bdi>`;

export function answerText(
  texts: Texts,
  formId: string,
  field: FieldDefinition,
  value: unknown,
  locale: string,
): TemplateResult | string {
  const option = (v: unknown) => show(texts, `${formId}:fields.${field.id}.options.${String(v)}`);
  switch (field.kind) {
    case 'amount':
      return typeof value === 'number' ? ltr(formatKroner(value, locale)) : String(value);
    case 'integer':
      return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : String(value);
    case 'radio':
    case 'select':
      return option(value);
    case 'checkboxes':
      return Array.isArray(value)
        ? html`<ul class="answer-list">${value.map((v) => html`<li>${option(v)}</li>`)}</ul>`
        : String(value);
    case 'yesno':
    case 'consent':
      return show(texts, value === true ? 'widget:yes' : 'widget:no');
    case 'account-number':
      return ltr(formatAccountNumber(String(value)));
    case 'national-id':
      return ltr(formatNationalId(String(value)));
    case 'organisation-number':
      return ltr(formatOrganisationNumber(String(value)));
    case 'phone':
    case 'email':
      return ltr(String(value));
    case 'address': {
      const address = (value ?? {}) as Record<string, string>;
      return html`${address.street ?? ''}<br>${ltr(address.postcode ?? '')} ${address.city ?? ''}`;
    }
    case 'textarea':
      return html`<span class="answer-text">${String(value)}</span>`;
    default:
      return typeof value === 'string' ? value : (nothing as unknown as string);
  }
}

// Answers as a caseworker reads them: Norwegian (bokmål) numbers, dates and choices, the user's own words
// untouched. The review page (components/review/answer-text.ts) does the same in the user's language with
// Lit; the pure parts could later move here and be shared.
import type { FieldDefinition } from '../definition/types.ts';
import { isRecord } from '../engine/answers.ts';
import { formatAccountNumber, formatNationalId, formatOrganisationNumber } from '../i18n/format.ts';
import { formatDate, formatKroner, formatNumber } from '../i18n/answer-format.ts';
import { formText, recordText, type PackageLocale } from './texts.ts';

/**
 * An answer in the record. `formatted`: our words and numbers (nb); `list`: chosen options; `user`: what the
 * user wrote, exactly, with the language the user was using when writing it.
 */
export type RecordValue =
  | { kind: 'formatted'; lines: string[]; ltr?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'user'; lines: string[]; lang: string };

const NB = 'nb';

/** The option's text in a locale, or the raw value when the package has no text for it. */
export function optionText(
  resources: PackageLocale | undefined,
  formId: string,
  field: FieldDefinition,
  value: unknown,
  variant: 'standard' | 'plain' = 'standard',
): string {
  return formText(resources, formId, `fields.${field.id}.options.${String(value)}`, variant) ?? String(value);
}

/** An answer as the record shows it; `lang` is the language the user wrote free text in. */
export function recordValue(
  nb: PackageLocale | undefined,
  formId: string,
  field: FieldDefinition,
  value: unknown,
  lang: string,
): RecordValue {
  const formatted = (text: string, ltr = false): RecordValue => ({
    kind: 'formatted',
    lines: [text],
    ...(ltr ? { ltr } : {}),
  });
  switch (field.kind) {
    case 'amount':
      return typeof value === 'number' ? formatted(formatKroner(value, NB), true) : formatted(String(value));
    case 'integer':
      return typeof value === 'number' ? formatted(formatNumber(value, NB)) : formatted(String(value));
    case 'date':
      return formatted(typeof value === 'string' ? formatDate(value, NB) : String(value));
    case 'radio':
    case 'select':
      return formatted(optionText(nb, formId, field, value));
    case 'checkboxes':
      return Array.isArray(value)
        ? { kind: 'list', items: value.map((v) => optionText(nb, formId, field, v)) }
        : formatted(String(value));
    case 'yesno':
    case 'consent':
      return formatted(recordText(value === true ? 'answers.yes' : 'answers.no'));
    case 'account-number':
      return formatted(formatAccountNumber(String(value)), true);
    case 'national-id':
      return formatted(formatNationalId(String(value)), true);
    case 'organisation-number':
      return formatted(formatOrganisationNumber(String(value)), true);
    case 'phone':
    case 'email':
      return formatted(String(value), true);
    case 'address': {
      const address = isRecord(value) ? value : {};
      const line = (...parts: unknown[]) => parts.filter((part) => typeof part === 'string' && part !== '').join(' ');
      return {
        kind: 'user',
        lines: [line(address.street), line(address.postcode, address.city)].filter(Boolean),
        lang,
      };
    }
    default:
      return typeof value === 'string' ? { kind: 'user', lines: [value], lang } : formatted(JSON.stringify(value));
  }
}

/** The value as one line of plain text (for the actions list and the register's value). */
export const valueAsText = (value: RecordValue): string =>
  value.kind === 'list' ? value.items.join(', ') : value.lines.join(', ');

/** A point in time as a caseworker in Norway reads it. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(NB, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(date);
}

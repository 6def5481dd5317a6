// An error in words that name the question, so every line of the error summary says which
// question it is about (GOV.UK: specific messages), and the inline message says the same.
import type { FormDefinition } from '../../src/definition/types.ts';
import type { FieldError } from '../../src/engine/field-errors.ts';
import type { Texts } from '../../src/browser/i18n.ts';
import { keysFor } from '../../src/i18n/named-keys.ts';
import { documentIdOf } from '../../src/engine/items.ts';

export function errorText(texts: Texts, definition: FormDefinition, error: FieldError): string {
  const formId = definition.id;
  let label = texts.t(`${formId}:fields.${error.field}.label`);
  const item = error.params.item;
  if (typeof item === 'number') {
    const group = definition.steps.flatMap((s) => s.fields).find((f) => f.fields?.some((c) => c.id === error.field));
    if (group) label = `${label} (${texts.t(`${formId}:fields.${group.id}.item`, { number: item })})`;
  }
  const document =
    typeof error.params.document === 'string'
      ? texts.t(
          keysFor((k, v) => texts.t(k, v), `${formId}:attachments.${documentIdOf(error.params.document)}.label`, {}),
        )
      : undefined;
  const message = texts.t(error.keys, { ...error.params, label, ...(document ? { document } : {}) });
  // A message that does not name what it is about (a format, a length, a part of an address or a document)
  // gets its subject first, so that no two errors on a step read the same (issue 19): each summary link is
  // unique, and a control's description says which question or document it is about.
  const subject = document ?? label;
  return message.includes(subject) ? message : texts.t('widget:errors.about', { subject: asSubject(subject), message });
}

/** A question as the subject before a colon: without its own question mark or colon (?, ؟, ፧, ？, :). */
const asSubject = (label: string): string => label.replace(/[\s?？؟፧:：]+$/u, '');

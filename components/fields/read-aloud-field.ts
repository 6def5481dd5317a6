// What "Read aloud" reads for a question: with the button, in the late chunk (the button comes with it).
import type { TemplateResult, nothing } from 'lit';
import type { FieldDefinition } from '../../src/definition/types.ts';
import { readAloudButton } from '../read-aloud/read-aloud.ts';
import { fieldKeys, namedKeys, textValuesAt, type FieldHost } from './field-host.ts';
import { optionValues, type FieldPlace } from './fields.ts';

/** What "Read aloud" reads: the question, its hint and its options, as the user sees them now. */
function spokenParts(host: FieldHost, field: FieldDefinition, place: FieldPlace): string[] {
  const formId = host.definition.id;
  const { t } = host.texts;
  const hintKey = fieldKeys(formId, field.id, 'hint');
  const values = textValuesAt(host, place.path);
  const parts = [
    t(namedKeys(host.texts, fieldKeys(formId, field.id, 'label'), values), { ...values, ...place.labelParams }),
  ];
  if (host.texts.has(hintKey)) parts.push(t(namedKeys(host.texts, hintKey, values), values));
  else if (field.kind === 'date') parts.push(t('widget:hints.date'));
  if (field.kind === 'yesno') parts.push(t('widget:yes'), t('widget:no'));
  else parts.push(...optionValues(host, field).map((value) => t(fieldKeys(formId, field.id, `options.${value}`))));
  return parts;
}

/** The question's "Read aloud" button (`id`: its control's element id); nothing where there is no voice. */
export const questionReadAloud = (
  host: FieldHost,
  field: FieldDefinition,
  place: FieldPlace,
  id: string,
): TemplateResult | typeof nothing => readAloudButton(host.texts, id, () => spokenParts(host, field, place));

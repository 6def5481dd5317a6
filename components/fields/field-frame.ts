// The parts every field shares: label or legend, hint, "Why do we ask?", the error, and
// "I don't know / I need help with this". GOV.UK order: label, hint, error, control.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { FieldError } from '../../src/engine/field-errors.ts';
import { domId, fieldKeys, namedKeys, textValuesFor, type FieldHost } from './field-host.ts';
import { lateParts } from '../klar-skjema/late-loader.ts';
import { shownTogether } from '../../src/definition/legal.ts';

export interface FieldParts {
  id: string;
  label: TemplateResult;
  hint?: TemplateResult;
  why?: TemplateResult;
  error?: string;
  describedBy?: string;
  /** Explanations of the glossary's hard words in the field's texts. */
  glossary?: TemplateResult | typeof nothing;
  /** "Read aloud", where the browser has a voice for the language. */
  readAloud?: TemplateResult | typeof nothing;
}

export function errorMessage(host: FieldHost, error: FieldError | undefined): string | undefined {
  return error ? host.errorText(error) : undefined;
}

/** Texts and ids for a field at an answer path. */
export function fieldParts(
  host: FieldHost,
  field: FieldDefinition,
  path: string,
  labelParams: Record<string, unknown> = {},
  item?: string,
): FieldParts {
  const formId = host.definition.id;
  const id = domId(path);
  const hintKey = fieldKeys(formId, field.id, 'hint');
  const whyKey = fieldKeys(formId, field.id, 'why');
  const defaultHint = field.kind === 'date' ? 'widget:hints.date' : undefined;
  // Texts may name answers: «Hva koster barnehagen for {{barn-navn}}?» (decision 0021).
  const values = textValuesFor(host, path, [fieldKeys(formId, field.id, 'label'), hintKey]);
  const hint = host.texts.has(hintKey)
    ? host.show(namedKeys(host.texts, hintKey, values), values)
    : defaultHint
      ? host.show(defaultHint)
      : undefined;
  const why = host.texts.has(whyKey) ? host.show(whyKey) : undefined;
  const error = errorMessage(host, host.errorAt(path));
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const optional =
    !field.required && field.kind !== 'guidance' && field.kind !== 'attachments' && field.kind !== 'consent';
  // A list item's question names its item, so two children's «Navn» are told apart (issue 19).
  const label = html`${host.show(namedKeys(host.texts, fieldKeys(formId, field.id, 'label'), values), { ...values, ...labelParams })}${item ? html`<span class="visually-hidden"> (${item})</span>` : nothing}${optional ? html` ${host.show('widget:optional')}` : nothing}`;
  return { id, label, hint, why, error, describedBy, glossary: fieldGlossary(host, field) };
}

/** Disclosures for the hard words in a field's texts: they come with the late chunk, as the help panel does. */
export const fieldGlossary = (host: FieldHost, field: FieldDefinition): TemplateResult | typeof nothing =>
  lateParts()?.fieldGlossary(host, field) ?? nothing;

/**
 * A declaration in the plain variant (decision 0031): the user confirms the standard wording, so the field shows
 * it, and the plain text follows as an explanation. Undefined for other fields, in the standard variant, and
 * when the two wordings are the same.
 */
export function declarationTexts(
  host: FieldHost,
  field: FieldDefinition,
  text: 'label' | 'text',
): { standard: TemplateResult; plain: TemplateResult } | undefined {
  if (!shownTogether(field.legal) || host.texts.variant !== 'plain') return undefined;
  const key = fieldKeys(host.definition.id, field.id, text);
  if (host.texts.t(key) === host.texts.i18n.t(key, {})) return undefined;
  return {
    standard: host.showStandard(key),
    plain: html`${host.show('widget:legal.inOtherWords')} ${host.show(key)}`,
  };
}

export function hintTemplate(parts: FieldParts): TemplateResult | typeof nothing {
  return parts.hint ? html`<div class="hint" id="${parts.id}-hint">${parts.hint}</div>` : nothing;
}

export function whyTemplate(host: FieldHost, parts: FieldParts): TemplateResult | typeof nothing {
  if (!parts.why) return nothing;
  return html`<details class="why"><summary>${host.show('widget:why')}</summary><div class="why-text">${parts.why}</div></details>`;
}

export function errorTemplate(host: FieldHost, parts: FieldParts): TemplateResult | typeof nothing {
  if (!parts.error) return nothing;
  return html`<p class="error-message" id="${parts.id}-error"><span class="visually-hidden">${host.texts.t('widget:errorSummary.prefix')} </span>${parts.error}</p>`;
}

/**
 * "I don't know / I need help with this", where the definition offers it (top-level fields only). It belongs
 * to its question, so it is never heard bare (issue 19): inside the question's fieldset, or, beside a single
 * control, in a group named by the question's label. Checked against Chromium's accessibility tree (the
 * checkbox's group is the question; test/ui/accessibility-tree.browser.test.ts), not yet with a screen reader.
 */
export function unsureTemplate(
  host: FieldHost,
  field: FieldDefinition,
  parts: FieldParts,
  labelledBy?: string,
): TemplateResult | typeof nothing {
  if (!field.unsure) return nothing;
  const checked = host.unsure.includes(field.id);
  return html`<div class="unsure" role=${labelledBy ? 'group' : nothing} aria-labelledby=${labelledBy ?? nothing}>
    <div class="choice">
      <input type="checkbox" class="choice-input" id="${parts.id}-unsure" .checked=${checked}
        @change=${(event: Event) => host.markUnsure(field, (event.target as HTMLInputElement).checked)}>
      <label class="choice-label" for="${parts.id}-unsure">${host.show('widget:unsure')}</label>
    </div>
    ${checked ? html`<p class="unsure-note">${host.show('widget:unsureNote')}</p>` : nothing}
  </div>`;
}

/** A field with one control: label, hint, why, error, the control, the unsure option. */
export function singleControlFrame(
  host: FieldHost,
  field: FieldDefinition,
  parts: FieldParts,
  control: TemplateResult,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<div class="field ${parts.error ? 'field--error' : ''}" part="field">
    <label class="label" for=${parts.id} id="${parts.id}-label" part="label">${parts.label}</label>
    ${hintTemplate(parts)}
    ${whyTemplate(host, parts)}
    ${parts.readAloud ?? nothing}
    ${errorTemplate(host, parts)}
    ${control}
    ${extra}
    ${parts.glossary ?? nothing}
    ${unsureTemplate(host, field, parts, `${parts.id}-label`)}
  </div>`;
}

/** A field of several controls in a fieldset: the legend is the question. */
export function fieldsetFrame(
  host: FieldHost,
  field: FieldDefinition,
  parts: FieldParts,
  controls: TemplateResult,
  className = '',
): TemplateResult {
  return html`<div class="field ${parts.error ? 'field--error' : ''} ${className}" part="field">
    <fieldset class="fieldset" aria-describedby=${parts.describedBy ?? nothing}>
      <legend class="legend" part="label">${parts.label}</legend>
      ${hintTemplate(parts)}
      ${whyTemplate(host, parts)}
      ${parts.readAloud ?? nothing}
      ${errorTemplate(host, parts)}
      ${controls}
      ${parts.glossary ?? nothing}
      ${unsureTemplate(host, field, parts)}
    </fieldset>
  </div>`;
}

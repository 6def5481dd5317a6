// One template per field kind, all with native controls. Validation happens on Continue, never
// while typing; every input is sent to the machine at once so nothing typed is lost.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition, JsonSchema } from '../../src/definition/types.ts';
import { inputText } from '../../src/i18n/format.ts';
import {
  declarationTexts,
  errorTemplate,
  fieldGlossary,
  fieldParts,
  fieldsetFrame,
  hintTemplate,
  singleControlFrame,
  whyTemplate,
  type FieldParts,
} from './field-frame.ts';
import { domId, fieldKeys, type FieldHost } from './field-host.ts';
import { lateParts } from '../klar-skjema/late-loader.ts';

interface TextInputSpec {
  type: 'text' | 'tel' | 'email';
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'text';
  spellcheck?: boolean;
  className?: string;
  prefix?: string;
}

const TEXT_INPUTS: Partial<Record<FieldDefinition['kind'], TextInputSpec>> = {
  text: { type: 'text' },
  integer: { type: 'text', inputmode: 'numeric', spellcheck: false, className: 'input--short' },
  amount: { type: 'text', inputmode: 'decimal', spellcheck: false, className: 'input--short' },
  date: { type: 'text', spellcheck: false, className: 'input--date' },
  phone: { type: 'tel', spellcheck: false, className: 'input--medium' },
  email: { type: 'email', spellcheck: false },
  'account-number': { type: 'text', inputmode: 'numeric', spellcheck: false, className: 'input--medium' },
  'national-id': { type: 'text', inputmode: 'numeric', spellcheck: false, className: 'input--medium' },
  'organisation-number': { type: 'text', inputmode: 'numeric', spellcheck: false, className: 'input--medium' },
};

/** Numbers that must read left to right even in a right-to-left language. */
const LTR_KINDS = new Set([
  'integer',
  'amount',
  'date',
  'phone',
  'email',
  'account-number',
  'national-id',
  'organisation-number',
]);

export interface FieldPlace {
  path: string;
  value: unknown;
  /** For a group item's field: the group and the item's index. */
  index?: number;
  labelParams?: Record<string, unknown>;
  /** For a group item's field: the item's title («Barn 1»), said with the question. */
  item?: string;
}

function schemaOf(
  host: FieldHost,
  field: FieldDefinition,
): { enum?: unknown[]; items?: { enum?: unknown[] }; maxLength?: number } {
  const top = host.definition.answers.properties[field.id];
  if (top !== undefined) return top as never;
  for (const group of host.definition.steps.flatMap((s) => s.fields)) {
    const items = (
      host.definition.answers.properties[group.id] as
        { items?: { properties?: Record<string, JsonSchema> } } | undefined
    )?.items;
    const own = items?.properties?.[field.id];
    if (own !== undefined) return own as never;
  }
  return {};
}

export function optionValues(host: FieldHost, field: FieldDefinition): string[] {
  const schema = schemaOf(host, field);
  return (schema.enum ?? schema.items?.enum ?? []).filter((v): v is string => typeof v === 'string');
}

function optionsOf(host: FieldHost, field: FieldDefinition): Array<{ value: string; label: TemplateResult }> {
  return optionValues(host, field).map((value) => ({
    value,
    label: host.show(fieldKeys(host.definition.id, field.id, `options.${value}`)),
  }));
}

function textInput(
  host: FieldHost,
  field: FieldDefinition,
  place: FieldPlace,
  parts: FieldParts,
  spec: TextInputSpec,
): TemplateResult {
  const text = host.typed(place.path) ?? inputText(field.kind, place.value, host.locale);
  const control = html`<input class="input ${spec.className ?? ''}" part="input" id=${parts.id} name=${parts.id}
    type=${spec.type} inputmode=${spec.inputmode ?? nothing} autocomplete=${field.autocomplete ?? nothing}
    spellcheck=${spec.spellcheck === false ? 'false' : nothing} dir=${LTR_KINDS.has(field.kind) ? 'ltr' : nothing}
    ?required=${field.required === true} aria-invalid=${parts.error ? 'true' : 'false'}
    aria-describedby=${parts.describedBy ?? nothing} .value=${live(text)}
    @input=${(event: Event) => {
      const typed = (event.target as HTMLInputElement).value;
      host.answer(field, typed, { index: place.index, typed });
    }}>`;
  if (field.kind !== 'amount') return singleControlFrame(host, field, parts, control);
  return singleControlFrame(
    host,
    field,
    parts,
    html`<div class="input-with-unit">${control}<span class="unit" aria-hidden="true">${host.show('widget:units.kroner')}</span></div>`,
  );
}

function textarea(host: FieldHost, field: FieldDefinition, place: FieldPlace, parts: FieldParts): TemplateResult {
  const text = typeof place.value === 'string' ? place.value : (host.typed(place.path) ?? '');
  const limit = field.maxLength ?? schemaOf(host, field).maxLength;
  const left = limit === undefined ? undefined : limit - [...text].length;
  const countText =
    left === undefined
      ? ''
      : left >= 0
        ? host.texts.t('widget:characters.left', { count: left })
        : host.texts.t('widget:characters.over', { count: -left });
  const limitId = `${parts.id}-limit`;
  const describedBy = [parts.describedBy, limit !== undefined ? limitId : ''].filter(Boolean).join(' ');
  const control = html`<textarea class="textarea" part="input" id=${parts.id} name=${parts.id} rows="8"
    ?required=${field.required === true} aria-invalid=${parts.error || (left !== undefined && left < 0) ? 'true' : 'false'}
    aria-describedby=${describedBy || nothing} .value=${live(text)}
    @input=${(event: Event) => {
      const typed = (event.target as HTMLTextAreaElement).value;
      host.answer(field, typed, { index: place.index });
      if (limit !== undefined) {
        const remaining = limit - [...typed].length;
        // Said once the user pauses, in the widget's live region.
        host.focus.announceAfterPause(
          place.path,
          remaining >= 0
            ? host.texts.t('widget:characters.left', { count: remaining })
            : host.texts.t('widget:characters.over', { count: -remaining }),
        );
      }
    }}></textarea>`;
  const count =
    limit === undefined
      ? nothing
      : html`
    <p class="visually-hidden" id=${limitId}>${host.texts.t('widget:characters.limit', { count: limit })}</p>
    <p class="count ${left !== undefined && left < 0 ? 'count--over' : ''}" aria-hidden="true">${countText}</p>`;
  return singleControlFrame(host, field, parts, control, count);
}

function select(host: FieldHost, field: FieldDefinition, place: FieldPlace, parts: FieldParts): TemplateResult {
  const options = optionsOf(host, field);
  const control = html`<select class="select" part="input" id=${parts.id} name=${parts.id} ?required=${field.required === true}
    autocomplete=${field.autocomplete ?? nothing} aria-invalid=${parts.error ? 'true' : 'false'} aria-describedby=${parts.describedBy ?? nothing}
    @change=${(event: Event) => host.answer(field, (event.target as HTMLSelectElement).value, { index: place.index })}>
    <option value="" ?selected=${place.value === undefined}>${host.show('widget:choose')}</option>
    ${options.map((option) => html`<option value=${option.value} ?selected=${place.value === option.value}>${option.label}</option>`)}
  </select>`;
  return singleControlFrame(host, field, parts, control);
}

/** Radios (one answer) or checkboxes (several): the first control carries the field's id. */
function choices(
  host: FieldHost,
  field: FieldDefinition,
  place: FieldPlace,
  parts: FieldParts,
  multiple: boolean,
): TemplateResult {
  const options =
    field.kind === 'yesno'
      ? [
          { value: 'true', label: host.show('widget:yes') },
          { value: 'false', label: host.show('widget:no') },
        ]
      : optionsOf(host, field);
  const chosen = Array.isArray(place.value)
    ? place.value.map(String)
    : place.value === undefined
      ? []
      : [String(place.value)];
  const inline = field.kind === 'yesno' ? 'choices--inline' : '';
  const controls = html`<div class="choices ${inline}">
    ${options.map((option, i) => {
      const id = i === 0 ? parts.id : `${parts.id}-${i}`;
      return html`<div class="choice">
        <input class="choice-input" part="choice" type=${multiple ? 'checkbox' : 'radio'} id=${id} name=${parts.id} value=${option.value}
          .checked=${live(chosen.includes(option.value))} ?required=${!multiple && field.required === true}
          aria-invalid=${parts.error ? 'true' : 'false'}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            if (!multiple) {
              host.answer(field, field.kind === 'yesno' ? input.value === 'true' : input.value, { index: place.index });
              return;
            }
            const next = input.checked
              ? [...chosen.filter((v) => v !== option.value), option.value]
              : chosen.filter((v) => v !== option.value);
            // Keep the options' order, whatever order they were ticked in.
            host.answer(
              field,
              options.map((o) => o.value).filter((v) => next.includes(v)),
              { index: place.index },
            );
          }}>
        <label class="choice-label" for=${id}>${option.label}</label>
      </div>`;
    })}
  </div>`;
  return fieldsetFrame(host, field, parts, controls);
}

function consent(host: FieldHost, field: FieldDefinition, place: FieldPlace, parts: FieldParts): TemplateResult {
  // A declaration is ticked in its standard wording; the plain one explains it beneath (decision 0031).
  const declaration = place.index === undefined ? declarationTexts(host, field, 'label') : undefined;
  const describedBy = [parts.describedBy, declaration ? `${parts.id}-plain` : ''].filter(Boolean).join(' ');
  // Never pre-ticked: only the user's own tick stores true.
  return html`<div class="field ${parts.error ? 'field--error' : ''}" part="field">
    ${hintTemplate(parts)}
    ${whyTemplate(host, parts)}
    ${parts.readAloud ?? nothing}
    ${errorTemplate(host, parts)}
    <div class="choice">
      <input class="choice-input" part="choice" type="checkbox" id=${parts.id} name=${parts.id} .checked=${live(place.value === true)}
        ?required=${field.required === true} aria-invalid=${parts.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        @change=${(event: Event) => host.answer(field, (event.target as HTMLInputElement).checked, { index: place.index })}>
      <label class="choice-label" for=${parts.id}>${declaration?.standard ?? parts.label}</label>
    </div>
    ${declaration ? html`<p class="hint legal-plain" id="${parts.id}-plain">${declaration.plain}</p>` : nothing}
    ${parts.glossary ?? nothing}
  </div>`;
}

const ADDRESS_PARTS = [
  { part: 'street', autocomplete: 'street-address', className: '' },
  { part: 'postcode', autocomplete: 'postal-code', className: 'input--postcode' },
  { part: 'city', autocomplete: 'address-level2', className: 'input--medium' },
] as const;

function address(host: FieldHost, field: FieldDefinition, place: FieldPlace, parts: FieldParts): TemplateResult {
  const value = (place.value ?? {}) as Record<string, string>;
  const error = host.errorAt(place.path);
  const controls = html`${ADDRESS_PARTS.map(({ part, autocomplete, className }) => {
    const id = domId(place.path, part);
    const wrong = error !== undefined && (error.part === part || error.part === undefined);
    return html`<div class="address-part">
      <label class="label label--part" for=${id}>${host.show([fieldKeys(host.definition.id, field.id, `parts.${part}`), `widget:address.${part}`])}</label>
      <input class="input ${className}" part="input" id=${id} name=${id} type="text" autocomplete=${field.autocomplete === 'off' ? 'off' : autocomplete}
        inputmode=${part === 'postcode' ? 'numeric' : nothing} ?required=${field.required === true}
        aria-invalid=${wrong ? 'true' : 'false'} aria-describedby=${wrong ? `${parts.id}-error` : nothing}
        .value=${live(value[part] ?? '')}
        @input=${(event: Event) => host.answer(field, { ...value, [part]: (event.target as HTMLInputElement).value }, { index: place.index })}>
    </div>`;
  })}`;
  // The summary links to the wrong part; with no part named, to the first.
  return fieldsetFrame(host, field, parts, controls, 'address');
}

function guidance(host: FieldHost, field: FieldDefinition): TemplateResult {
  const declaration = declarationTexts(host, field, 'text');
  return html`<div class="guidance" part="guidance">
    ${declaration ? html`<p>${declaration.standard}</p><p class="legal-plain">${declaration.plain}</p>` : html`<p>${host.show(fieldKeys(host.definition.id, field.id, 'text'))}</p>`}
    ${lateParts()?.readAloudButton(host.texts, domId(`/${field.id}`), () => [host.texts.t(fieldKeys(host.definition.id, field.id, 'text'))]) ?? nothing}
    ${fieldGlossary(host, field)}
  </div>`;
}

/** The template for one field at one place in the answers. */
export function renderField(host: FieldHost, field: FieldDefinition, place: FieldPlace): TemplateResult {
  if (field.kind === 'guidance') return guidance(host, field);
  // Documents are asked for late in a form: their template comes with the late chunk (attachments.ts), which
  // loads while the form package loads; until it is here, the question's label and "loading".
  if (field.kind === 'attachments') {
    return (
      lateParts()?.attachments(host, field, place) ??
      html`<div class="documents" part="field">
      <p class="label">${host.show(fieldKeys(host.definition.id, field.id, 'label'))}</p>
      <p class="panel">${host.show('widget:lateLoading')}</p></div>`
    );
  }
  const parts = fieldParts(host, field, place.path, place.labelParams, place.item);
  // Read aloud comes with the late chunk (it loads with the form package): until then, no button.
  parts.readAloud = lateParts()?.questionReadAloud(host, field, place, parts.id) ?? nothing;
  const spec = TEXT_INPUTS[field.kind];
  if (spec) return textInput(host, field, place, parts, spec);
  switch (field.kind) {
    case 'textarea':
      return textarea(host, field, place, parts);
    case 'select':
      return select(host, field, place, parts);
    case 'radio':
    case 'yesno':
      return choices(host, field, place, parts, false);
    case 'checkboxes':
      return choices(host, field, place, parts, true);
    case 'consent':
      return consent(host, field, place, parts);
    case 'address':
      return address(host, field, place, parts);
    // A list of items (such as children) is rare on a first step: its template comes with the late chunk
    // (group.ts), which loads while the form package loads; until then, the question and "loading".
    case 'group':
      return (
        lateParts()?.group(host, field, place, parts) ??
        fieldsetFrame(host, field, parts, html`<p class="panel">${host.show('widget:lateLoading')}</p>`, 'group')
      );
    default:
      return html`${nothing}`;
  }
}

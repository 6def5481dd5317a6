// A question answered from a public register (docs/users.md N5): the value, where it came from, and
// "Stemmer dette?" Ja / Nei. "Nei" shows the ordinary field with the register's value to change; the
// submission keeps both (src/engine/prefill.ts). The field also opens when its value has an error,
// so a wrong register value is never a dead end. Never a block: an unanswered "Stemmer dette?" is sent
// as unconfirmed.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { PrefillState } from '../../src/engine/prefill.ts';
import { renderField, type FieldPlace } from '../fields/fields.ts';
import { controlId, domId, fieldKeys, type FieldHost } from '../fields/field-host.ts';
import { answerText } from '../review/answer-text.ts';

export interface PrefillHost {
  /** The machine's prefill state, by field id. */
  readonly state: Readonly<Record<string, PrefillState>>;
  /** The user said the register's value is right (true) or wrong (false). */
  confirm(field: FieldDefinition, confirmed: boolean): void;
}

/** A field on a step: with the register's value to confirm when it was prefilled, else as usual. */
export function prefillableField(
  host: FieldHost,
  prefill: PrefillHost,
  field: FieldDefinition,
  place: FieldPlace,
): TemplateResult {
  const entry = prefill.state[field.id];
  if (!entry || field.kind === 'group' || place.index !== undefined) return renderField(host, field, place);
  const formId = host.definition.id;
  const id = domId(place.path);
  const error = host.errorAt(place.path);
  const open = entry.confirmed === false || error !== undefined;
  const source = host.texts.t(`${formId}:sources.${entry.source}`);
  // Closed, "Ja" takes the field's id, so a change link or an error link from elsewhere lands here.
  const yesId = open ? `${id}-prefill-yes` : controlId(place.path, field.kind);
  const name = `${id}-prefill`;
  return html`<div class="field prefill" part="field prefill">
    <fieldset class="fieldset" aria-describedby="${id}-prefill-source">
      <legend class="legend" part="label">${host.show(fieldKeys(formId, field.id, 'label'))}</legend>
      <div class="prefill-value">${answerText(host.texts, formId, field, entry.original, host.locale)}</div>
      <p class="hint prefill-source" id="${id}-prefill-source">${host.show('widget:prefill.source', { source })} ${host.show('widget:prefill.question')}</p>
      <div class="choices choices--inline">
        <div class="choice">
          <input class="choice-input" part="choice" type="radio" id=${yesId} name=${name} value="yes" .checked=${live(entry.confirmed === true)}
            @change=${() => prefill.confirm(field, true)}>
          <label class="choice-label" for=${yesId}>${host.show('widget:prefill.yes')}</label>
        </div>
        <div class="choice">
          <input class="choice-input" part="choice" type="radio" id="${id}-prefill-no" name=${name} value="no" .checked=${live(entry.confirmed === false)}
            @change=${() => prefill.confirm(field, false)}>
          <label class="choice-label" for="${id}-prefill-no">${host.show('widget:prefill.no')}</label>
        </div>
      </div>
    </fieldset>
    ${
      open
        ? html`<div class="conditional prefill-change">
      ${renderField(host, field, place)}
      <p class="hint prefill-note">${host.show('widget:prefill.both', { source })}</p>
    </div>`
        : nothing
    }
  </div>`;
}

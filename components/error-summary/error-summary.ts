// GOV.UK-style error summary: focused after a failed Continue, each link moves focus to its field.
// Links are handled in script because a fragment link cannot find an element inside a shadow root.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../../src/engine/field-errors.ts';
import type { Texts } from '../../src/browser/i18n.ts';
import { errorTarget } from '../fields/field-host.ts';
import { show } from '../fields/text.ts';

export function errorSummary(
  texts: Texts,
  errors: readonly FieldError[],
  message: (error: FieldError) => string,
  focusField: (id: string) => void,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="ks-error-summary-title">
    <h2 class="error-summary-title" id="ks-error-summary-title">${show(texts, 'widget:errorSummary.title')}</h2>
    <ul class="error-summary-list">
      ${errors.map((error) => {
        const target = errorTarget(error);
        return html`<li><a href="#${target}" @click=${(event: Event) => {
          event.preventDefault();
          focusField(target);
        }}>${message(error)}</a></li>`;
      })}
    </ul>
  </div>`;
}

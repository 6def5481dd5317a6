// The privacy notice (docs/users.md N14): who reads the answers, who is responsible and on what legal basis,
// how long they are kept, and the user's rights (legal texts: decision 0031). Each service states its own rules in its form's texts (<form>:privacy.*); the widget's texts
// are the defaults. A disclosure on every step, and open on the review page, before sending. It asks
// for no consent: consent questions are the form's own, and never pre-ticked.
import { html, nothing, type TemplateResult } from 'lit';
import type { Texts } from '../../src/browser/i18n.ts';
import { PRIVACY_PARTS } from '../../src/definition/legal.ts';

export interface PrivacyHost {
  readonly texts: Texts;
  show(keys: string | string[], params?: Record<string, unknown>): TemplateResult;
  readonly formId: string;
  /** The service's own privacy page, if the host gave one. */
  readonly privacyUrl?: string;
}

/** The form's own text where it has one, else the widget's. */
const keys = (host: PrivacyHost, key: string): string[] => [`${host.formId}:privacy.${key}`, `widget:privacy.${key}`];

function body(host: PrivacyHost, headingLevel: 3 | 4): TemplateResult {
  return html`${PRIVACY_PARTS.map(
    (part) => html`
    ${
      headingLevel === 3
        ? html`<h3 class="privacy-title">${host.show(keys(host, `${part}Title`))}</h3>`
        : html`<h4 class="privacy-title">${host.show(keys(host, `${part}Title`))}</h4>`
    }
    <p>${host.show(keys(host, part))}</p>`,
  )}
    ${host.privacyUrl ? html`<p><a href=${host.privacyUrl} rel="noopener" target="_blank">${host.show(keys(host, 'more'))}</a></p>` : nothing}`;
}

/** On every step: closed until the user opens it. */
export function privacyDisclosure(host: PrivacyHost): TemplateResult {
  return html`<details class="privacy" id="ks-privacy" part="privacy">
    <summary class="privacy-summary">${host.show(keys(host, 'title'))}</summary>
    <div class="privacy-body">${body(host, 3)}</div>
  </details>`;
}

/** On the review page: shown in full before the user sends. */
export function privacySection(host: PrivacyHost): TemplateResult {
  return html`<section class="privacy privacy--open" part="privacy" aria-labelledby="ks-privacy-title">
    <h3 class="privacy-heading" id="ks-privacy-title">${host.show(keys(host, 'title'))}</h3>
    <div class="privacy-body">${body(host, 4)}</div>
  </section>`;
}

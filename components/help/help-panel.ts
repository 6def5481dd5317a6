// "Trenger du hjelp?" on every step (docs/users.md N15, N16, N11): how to reach a person at the office,
// the paper and in-person alternatives, and a request for contact (with a channel) and an interpreter
// that goes with the answers. A native <details>, so it opens with Enter or Space and needs no script.
// It sits outside the step's <form>, so Enter in it never submits the step.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Texts } from '../../src/browser/i18n.ts';
import type { ContactChannel, HelpRequest } from '../../src/engine/help.ts';
import { contactChannels, DEFAULT_INTERPRETER_LANGUAGES, telLink, type ContactConfig } from './contact.ts';
import { byLanguageName, languageName } from './language-names.ts';
import type { Focus } from '../klar-skjema/focus.ts';

export interface HelpHost {
  readonly texts: Texts;
  /** A text on screen (with the Norwegian original when the user asked for it). */
  show(keys: string | string[], params?: Record<string, unknown>): TemplateResult;
  readonly locale: string;
  readonly contact: ContactConfig;
  readonly help: HelpRequest;
  /** Changes part of the request; the rest stays as it is now (not as it was when the panel was drawn). */
  changeHelp(change: Partial<HelpRequest>): void;
  /** The widget's focus owner (components/klar-skjema/focus.ts). */
  readonly focus: Focus;
}

export const HELP_PANEL_ID = 'ks-help';
const NORWEGIAN = new Set(['nb', 'nn', 'no']);

const ltr = (text: string): TemplateResult => html`<bdi dir="ltr">${text}</bdi>`;

/** How to reach the office: one item per channel the host configured. */
export function contactList(host: Pick<HelpHost, 'contact' | 'show'>): TemplateResult | typeof nothing {
  const { contact, show } = host;
  const items: TemplateResult[] = [];
  if (contact.phone) {
    const href = telLink(contact.phone.number);
    items.push(html`<li><span class="help-channel">${show('widget:help.phone')}</span>
      ${href ? html`<a href=${href}>${ltr(contact.phone.number)}</a>` : ltr(contact.phone.number)}
      ${contact.phone.hours ? html`<span class="help-hours">${show('widget:help.hours', { hours: contact.phone.hours })}</span>` : nothing}</li>`);
  }
  if (contact.message) {
    items.push(html`<li><span class="help-channel">${show('widget:help.message')}</span>
      <a href=${contact.message.url} rel="noopener" target="_blank">${show('widget:help.messageLink')}</a></li>`);
  }
  if (contact.video) {
    items.push(html`<li><span class="help-channel">${show('widget:help.video')}</span>
      ${contact.video.url ? html`<a href=${contact.video.url} rel="noopener" target="_blank">${show('widget:help.videoLink')}</a>` : html`<span>${show('widget:help.videoAsk')}</span>`}
      ${contact.video.hours ? html`<span class="help-hours">${show('widget:help.hours', { hours: contact.video.hours })}</span>` : nothing}</li>`);
  }
  if (contact.meeting) {
    items.push(html`<li><span class="help-channel">${show('widget:help.meeting')}</span>
      <span>${contact.meeting.address}</span>
      ${contact.meeting.hours ? html`<span class="help-hours">${show('widget:help.hours', { hours: contact.meeting.hours })}</span>` : nothing}</li>`);
  }
  return items.length > 0 ? html`<ul class="help-channels">${items}</ul>` : nothing;
}

function request(host: HelpHost): TemplateResult {
  const { help, show } = host;
  const set = (change: Partial<HelpRequest>) => host.changeHelp(change);
  const channels = contactChannels(host.contact);
  // The interpreter languages are sorted by name only when their list is shown (nothing is computed for
  // what is not on screen), and once per locale (components/help/language-names.ts).
  const offered: readonly string[] = host.contact.interpreterLanguages ?? DEFAULT_INTERPRETER_LANGUAGES;
  const chosen = help.interpreterLanguage;
  // The user's own language first in mind: offered as the choice when the user reads the form in it.
  const ownLanguage = (): string | undefined =>
    !NORWEGIAN.has(host.locale) && offered.includes(host.locale) ? host.locale : undefined;
  return html`<div class="help-request">
    <h3 class="help-title">${show('widget:help.requestTitle')}</h3>
    <div class="choice">
      <input type="checkbox" class="choice-input" id="ks-help-contact" .checked=${live(help.contact)}
        @change=${(event: Event) => set({ contact: (event.target as HTMLInputElement).checked })}>
      <label class="choice-label" for="ks-help-contact">${show('widget:help.contact')}</label>
    </div>
    ${
      help.contact
        ? html`<div class="conditional">
      <fieldset class="fieldset">
        <legend class="legend">${show('widget:help.channel')}</legend>
        <div class="choices">${channels.map(
          (channel: ContactChannel) => html`<div class="choice">
          <input type="radio" class="choice-input" name="ks-help-channel" id="ks-help-channel-${channel}" value=${channel}
            .checked=${live(help.channel === channel)} @change=${() => set({ channel })}>
          <label class="choice-label" for="ks-help-channel-${channel}">${show(`widget:help.channels.${channel}`)}</label>
        </div>`,
        )}</div>
      </fieldset>
    </div>`
        : nothing
    }
    <div class="choice">
      <input type="checkbox" class="choice-input" id="ks-help-interpreter" .checked=${live(help.interpreter)}
        @change=${(event: Event) => {
          const interpreter = (event.target as HTMLInputElement).checked;
          set(interpreter ? { interpreter, interpreterLanguage: chosen ?? ownLanguage() } : { interpreter });
        }}>
      <label class="choice-label" for="ks-help-interpreter">${show('widget:help.interpreter')}</label>
    </div>
    ${
      help.interpreter
        ? html`<div class="conditional">
      <label class="label" for="ks-help-language">${show('widget:help.language')}</label>
      <select class="select" id="ks-help-language"
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          set({ interpreterLanguage: value || undefined });
        }}>
        <option value="" ?selected=${chosen === undefined}>${show('widget:choose')}</option>
        ${byLanguageName(offered, host.locale).map(([code, name]) => html`<option value=${code} ?selected=${chosen === code}>${name}</option>`)}
      </select>
    </div>`
        : nothing
    }
    <p class="hint help-note">${show('widget:help.sentWith')}</p>
  </div>`;
}

/** The help panel, closed until the user opens it. */
export function helpPanel(host: HelpHost): TemplateResult {
  const { contact, show } = host;
  return html`<details class="help" id=${HELP_PANEL_ID} part="help">
    <summary class="help-summary">${show('widget:help.title')}</summary>
    <div class="help-body">
      <p>${contact.office ? show('widget:help.introOffice', { office: contact.office }) : show('widget:help.intro')}</p>
      ${contactList(host)}
      <p>${show('widget:help.interpreterInfo')}</p>
      <p>${show('widget:help.paper')}${contact.paper?.url ? html` <a href=${contact.paper.url} rel="noopener" target="_blank">${show('widget:help.paperLink')}</a>` : nothing}</p>
      ${request(host)}
    </div>
  </details>`;
}

/** The request in sentences, for the review page and the receipt; empty when the user asked for nothing. */
export function helpRequestLines(
  host: Pick<HelpHost, 'show' | 'locale'>,
  help: HelpRequest | undefined,
): TemplateResult[] {
  if (!help) return [];
  const lines: TemplateResult[] = [];
  if (help.contact)
    lines.push(host.show(help.channel ? `widget:help.asked.${help.channel}` : 'widget:help.asked.contact'));
  if (help.interpreter) {
    lines.push(
      help.interpreterLanguage
        ? host.show('widget:help.asked.interpreterLanguage', {
            language: languageName(help.interpreterLanguage, host.locale, false),
          })
        : host.show('widget:help.asked.interpreter'),
    );
  }
  return lines;
}

/** Opens the help panel and puts focus on its first choice (from "Change" on the review page). */
function openHelp(event: Event, focus: Focus): void {
  const root = (event.currentTarget as Element).getRootNode() as ShadowRoot | Document;
  const panel = root.getElementById(HELP_PANEL_ID) as HTMLDetailsElement | null;
  if (!panel) return;
  panel.open = true;
  focus.move({ id: 'ks-help-contact' });
}

/** "Help and contact" on the review page: what the user asked for, with a way to change it. */
export function helpRequestSummary(host: HelpHost): TemplateResult | typeof nothing {
  const lines = helpRequestLines(host, host.help);
  if (lines.length === 0) return nothing;
  return html`<section class="summary-section help-asked" aria-labelledby="ks-help-asked-title">
    <h3 class="summary-title" id="ks-help-asked-title">${host.show('widget:help.askedTitle')}</h3>
    <ul class="answer-list">${lines.map((line) => html`<li>${line}</li>`)}</ul>
    <button type="button" class="button button--link" @click=${(event: Event) => openHelp(event, host.focus)}>${host.show('widget:help.change')}</button>
  </section>`;
}

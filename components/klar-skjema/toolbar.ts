// Language, plain text and the Norwegian original: on every view, and each keeps answers and focus.
import { html, nothing, type TemplateResult } from 'lit';
import { show } from '../fields/text.ts';
import type { Session } from './session.ts';

export function toolbar(session: Session, original: boolean, toggleOriginal: () => void): TemplateResult {
  const { texts, locale } = session;
  const { locales } = session.definition;
  const plain = session.variant === 'plain';
  return html`<div class="toolbar" part="toolbar">
      ${
        locales.length > 1
          ? html`<div class="toolbar-item">
        <label class="toolbar-label" for="ks-language">${show(texts, 'widget:toolbar.language')}</label>
        <select class="select select--compact" id="ks-language" part="language"
          @change=${(event: Event) => void session.setLocale((event.target as HTMLSelectElement).value)}>
          ${locales.map((lng) => html`<option value=${lng} lang=${lng} ?selected=${lng === locale}>${texts.t(`widget:languageNames.${lng}`)}</option>`)}
        </select>
      </div>`
          : nothing
      }
      <button type="button" class="button button--secondary button--small" part="button" @click=${() => session.setVariant(plain ? 'standard' : 'plain')}>
        ${show(texts, plain ? 'widget:toolbar.plainOff' : 'widget:toolbar.plainOn')}</button>
      ${
        locale !== 'nb'
          ? html`<button type="button" class="button button--secondary button--small" part="button" @click=${toggleOriginal}>
        ${show(texts, original ? 'widget:toolbar.originalOff' : 'widget:toolbar.originalOn')}</button>`
          : nothing
      }
    </div>
    ${session.isDraftTranslation() ? html`<p class="draft-note" part="draft-note">${show(texts, 'widget:draftTranslation')}</p>` : nothing}`;
}

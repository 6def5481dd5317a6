// Language, plain text and the Norwegian original: on every view, and each keeps answers and focus.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { show } from '../fields/text.ts';
import type { Session } from './session.ts';

/** Keys that move a closed select's choice without opening its list. */
const MOVING_KEYS = /^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down)|.)$/u;

/**
 * The language switches on a deliberate choice (WCAG 3.2.2). A pick from the open list (mouse, touch, or
 * Enter in the list) switches at once. Arrow keys on the closed select only move the choice: the texts are
 * fetched meanwhile, and Enter or the "switch" button beside it confirms. Otherwise a keyboard user would be
 * thrown through every language on the way, each one announced. Checked with Chromium's keyboard handling
 * of a closed select (arrows change the value and fire `change`) and its accessibility tree.
 */
export class LanguageChoice {
  /** A key that moves the choice is down: the `change` it causes is not yet a choice. */
  #moving = false;
  /** The language the select shows, not yet switched to. */
  pending: string | null = null;
  /**
   * The closed menu shows one name: the others are drawn once the first step is painted, or at the user's first
   * focus, press or key, whichever is first (issue 20: nothing unseen before the first question). Laying out
   * names in five scripts is a third of the first layout on a slow phone. Node's first step shows one name too.
   */
  #oneFirst = false;
  #scheduled = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** In the browser: the first render with a form draws only the chosen language's name. */
  drawOneFirst(): void {
    this.#oneFirst = !this.#scheduled;
  }

  /**
   * Node's first step (decision 0041): the chosen name only, and nothing scheduled; the widget that takes the step
   * over draws the others.
   */
  drawOneOnly(): void {
    this.#oneFirst = true;
    this.#scheduled = true;
  }

  /** All the names, from now on. */
  fill(): void {
    if (!this.#oneFirst) return;
    this.#oneFirst = false;
    this.host.requestUpdate();
  }

  render(session: Session): TemplateResult {
    const { texts, locale } = session;
    const pending = this.pending;
    const shown = pending ?? locale;
    let { locales } = session.definition;
    if (this.#oneFirst) {
      locales = locales.filter((lng) => lng === shown);
      // After the frame that paints this render (a task queued from the frame runs after its paint).
      if (!this.#scheduled) requestAnimationFrame(() => setTimeout(() => this.fill()));
      this.#scheduled = true;
    }
    return html`<div class="toolbar-item">
        <label class="toolbar-label" for="ks-language">${show(texts, 'widget:toolbar.language')}</label>
        <select class="select select--compact" id="ks-language" part="language" .value=${live(pending ?? locale)}
          @keydown=${(event: KeyboardEvent) => this.#keydown(event, session)}
          @keyup=${() => (this.#moving = false)} @blur=${() => (this.#moving = false)}
          @change=${(event: Event) => this.#change((event.target as HTMLSelectElement).value, session)}>
          ${locales.map((lng) => html`<option value=${lng} lang=${lng} ?selected=${lng === shown}>${texts.t(`widget:languageNames.${lng}`)}</option>`)}
        </select>
        ${
          pending
            ? html`<button type="button" class="button button--secondary button--small" part="button" id="ks-language-switch"
            @click=${() => this.#switch(pending, session)}>${show(texts, 'widget:toolbar.languageSwitch', { language: texts.t(`widget:languageNames.${pending}`) })}</button>`
            : nothing
        }
      </div>`;
  }

  #keydown(event: KeyboardEvent, session: Session): void {
    if (event.key === 'Enter' && this.pending) {
      event.preventDefault();
      this.#switch(this.pending, session);
    } else this.#moving = !event.altKey && !event.ctrlKey && !event.metaKey && MOVING_KEYS.test(event.key);
  }

  #change(lng: string, session: Session): void {
    if (!this.#moving) return this.#switch(lng, session);
    this.pending = lng === session.locale ? null : lng;
    if (this.pending) session.prefetch(this.pending).catch(() => undefined);
    this.host.requestUpdate();
  }

  #switch(lng: string, session: Session): void {
    this.pending = null;
    this.host.requestUpdate();
    // Texts already here: one update draws the choice and the language (not one before and one after the switch).
    if (session.switchLocaleNow(lng)) return;
    // A failed fetch leaves the language as it was: draw the select again so that it says so.
    void session.setLocale(lng).then(() => this.host.requestUpdate());
  }
}

export function toolbar(
  session: Session,
  languageChoice: LanguageChoice,
  original: boolean,
  toggleOriginal: () => void,
): TemplateResult {
  const { texts, locale } = session;
  const plain = session.variant === 'plain';
  return html`<div class="toolbar" part="toolbar">
      ${session.definition.locales.length > 1 ? languageChoice.render(session) : nothing}
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

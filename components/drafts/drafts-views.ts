// The drafts' views that the first step does not need, for the late chunk (docs/decisions/0012-lazy-chunks.md):
// the resume offer (only when a draft is on the device or the server), the two-tab warning, the notice
// of what a restored draft could not bring back, and the save status and "remember" choice under a step. The state and the choices stay in DraftController
// (drafts.ts, main chunk), so saving, restoring the tab's draft and "Gå ut og slett" never wait for this.
import { html, nothing, type TemplateResult } from 'lit';
import { keysFor } from '../../src/i18n/named-keys.ts';
import { documentIdOf } from '../../src/engine/items.ts';
import type { Texts } from '../../src/browser/i18n.ts';
import type { TabState } from '../../src/drafts/two-tabs.ts';
import type { SaveStatus } from '../../src/drafts/autosave.ts';
import { show } from '../fields/text.ts';

export interface OfferHost {
  texts: Texts;
  /** When the offered draft was begun, formatted in the user's language. */
  date: string;
  resume(): void;
  startAgain(): void;
}

/** Instead of the form, while a saved draft is offered. */
export function resumeOffer({ texts, date, resume, startAgain }: OfferHost): TemplateResult {
  return html`<div class="resume">
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${show(texts, 'widget:drafts.resumeTitle')}</h2>
      <p>${show(texts, 'widget:drafts.resumeText', { date })}</p>
      <p class="hint" id="ks-restart-hint">${show(texts, 'widget:drafts.startAgainHint')}</p>
      <div class="actions" part="actions">
        <button type="button" class="button" part="button" @click=${resume}>${show(texts, 'widget:drafts.continue')}</button>
        <button type="button" class="button button--secondary" part="button" aria-describedby="ks-restart-hint" @click=${startAgain}>${show(texts, 'widget:drafts.startAgain')}</button>
      </div>
    </div>`;
}

export interface UnreadableHost extends OfferHost {
  /** Another store has a draft that can be read: it can be continued ("Fortsett"). */
  readable: boolean;
}

/**
 * Instead of the form, when a store holds a draft this widget cannot read: say so, keep it until the user
 * chooses, and offer to start again (which only then deletes it). A readable draft elsewhere can be continued.
 */
export function unreadableOffer({ texts, date, readable, resume, startAgain }: UnreadableHost): TemplateResult {
  return html`<div class="resume">
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${show(texts, 'widget:drafts.unreadableTitle')}</h2>
      <p>${show(texts, 'widget:drafts.unreadableText')}</p>
      ${readable ? html`<p>${show(texts, 'widget:drafts.resumeText', { date })}</p>` : nothing}
      <p class="hint" id="ks-restart-hint">${show(texts, 'widget:drafts.unreadableHint')}</p>
      <div class="actions" part="actions">
        ${readable ? html`<button type="button" class="button" part="button" @click=${resume}>${show(texts, 'widget:drafts.continue')}</button>` : nothing}
        <button type="button" class=${readable ? 'button button--secondary' : 'button'} part="button" aria-describedby="ks-restart-hint" @click=${startAgain}>${show(texts, 'widget:drafts.startAgain')}</button>
      </div>
    </div>`;
}

/** Instead of the form: the offer of a saved draft, or the question about an unreadable one. */
export function offerView(view: UnreadableHost & { unreadable: boolean }): TemplateResult {
  return view.unreadable ? unreadableOffer(view) : resumeOffer(view);
}

/** Said once the offer or the question is on screen (focus stays with the host page until the user acts). */
export function offerAnnouncement(texts: Texts, unreadable: boolean, date: string | null): string {
  const resume = date !== null ? texts.t('widget:drafts.resumeText', { date }) : '';
  return unreadable
    ? `${texts.t('widget:drafts.unreadableTitle')} ${texts.t('widget:drafts.unreadableText')} ${resume}`.trim()
    : `${texts.t('widget:drafts.resumeTitle')} ${resume}`;
}

export interface WarningsHost {
  texts: Texts;
  formId: string;
  tabs: TabState;
  /** What a restored draft could not bring back; null when nothing (or while a draft is offered). */
  notice: { reanswer: string[]; files: string[] } | null;
  serverUnreadable: boolean;
  /** A store keeps a draft this widget cannot read (the user went on with another): said, so it is not a surprise. */
  unreadable: boolean;
  useHere(): void;
}

/** Also in the main chunk's drafts.ts: the server's draft may be unreadable because this chunk did not load. */
const serverUnreadableText = (texts: Texts): TemplateResult =>
  html`<p class="panel">${show(texts, 'widget:drafts.loadFailed')}</p>`;

/** Under the quick exit: another tab has the form, the server's draft could not be read, and what a restored draft could not bring back. */
export function draftWarnings({
  texts,
  formId,
  tabs,
  notice,
  serverUnreadable,
  unreadable,
  useHere,
}: WarningsHost): TemplateResult {
  return html`${
    tabs.readOnly
      ? html`<div class="notice" part="notice">
        <h2 class="notice-title" id="ks-tabs-title" tabindex="-1">${show(texts, 'widget:drafts.otherTabTitle')}</h2>
        <p>${show(texts, 'widget:drafts.otherTabText')}</p>
        <button type="button" class="button" part="button" @click=${useHere}>${show(texts, 'widget:drafts.useHere')}</button>
      </div>`
      : tabs.otherTab
        ? html`<p class="panel">${show(texts, 'widget:drafts.alsoOpen')}</p>`
        : nothing
  }
      ${serverUnreadable ? serverUnreadableText(texts) : nothing}
      ${unreadable ? html`<p class="panel">${show(texts, 'widget:drafts.unreadableText')} ${show(texts, 'widget:drafts.unreadableKept')}</p>` : nothing}
      ${
        notice
          ? html`<div class="notice" part="notice">
        <h2 class="notice-title" id="ks-drafts-notice" tabindex="-1">${show(texts, 'widget:drafts.changedTitle')}</h2>
        ${
          notice.reanswer.length > 0
            ? html`<p>${show(texts, 'widget:drafts.changedIntro')}</p>
          <ul>${notice.reanswer.map((id) => html`<li>${show(texts, `${formId}:fields.${id}.label`)}</li>`)}</ul>`
            : nothing
        }
        ${
          notice.files.length > 0
            ? html`<p>${show(texts, 'widget:drafts.filesIntro')}</p>
          <ul>${notice.files.map(
            (id) =>
              html`<li>${show(
                texts,
                keysFor((k, v) => texts.t(k, v), `${formId}:attachments.${documentIdOf(id)}.label`, {}),
              )}</li>`,
          )}</ul>`
            : nothing
        }
      </div>`
          : nothing
      }`;
}

/** Dates in the user's language (the controller knows the locale and the clock). */
export interface DraftDates {
  now: Date;
  time(date: Date, options: Intl.DateTimeFormatOptions): string;
}

/** A day and month, and the year only when it is not this year. */
export function draftDate(date: Date, { now, time }: DraftDates): string {
  const year = date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' as const };
  return time(date, { day: 'numeric', month: 'long', ...year });
}

export interface SavePanelHost extends DraftDates {
  texts: Texts;
  status: SaveStatus;
  /** How long a draft may be kept on this device; 0: the host allows no such choice. */
  rememberDays: number;
  remember: boolean;
  /** The time of a save (also in the failure the controller announces). */
  clock(date: Date): string;
  retry(): void;
  setRemember(remember: boolean): void;
}

function saveStatusText(host: SavePanelHost): string {
  const { status, texts } = host;
  if (status.state === 'idle') return '';
  const time = host.clock(status.at);
  if (status.state === 'failed') return texts.t('widget:drafts.saveFailed', { time });
  const where = status.stores.includes('server')
    ? texts.t('widget:drafts.savedServer')
    : status.stores.includes('device')
      ? texts.t('widget:drafts.savedDevice', {
          date: draftDate(new Date(status.at.getTime() + host.rememberDays * 86_400_000), host),
        })
      : status.stores.includes('session')
        ? texts.t('widget:drafts.savedSession')
        : '';
  return `${texts.t('widget:drafts.saved', { time })} ${where}`.trim();
}

/** Under a step or the review: when the answers were saved, and the choice to keep them on this device. */
export function savePanel(host: SavePanelHost): TemplateResult {
  const { texts, rememberDays: days } = host;
  const failed = host.status.state === 'failed';
  return html`<div class="drafts" part="drafts">
      <p class=${failed ? 'draft-status draft-status--failed' : 'draft-status'}>${saveStatusText(host)}</p>
      ${
        failed
          ? html`<button type="button" class="button button--secondary button--small" part="button"
        @click=${host.retry}>${show(texts, 'widget:drafts.saveAgain')}</button>`
          : nothing
      }
      ${
        days > 0
          ? html`<div class="choice">
        <input class="choice-input" type="checkbox" id="ks-remember" part="choice" aria-describedby="ks-remember-hint"
          .checked=${host.remember} @change=${(event: Event) => host.setRemember((event.target as HTMLInputElement).checked)}>
        <label class="choice-label" for="ks-remember">${show(texts, 'widget:drafts.remember')}</label>
      </div>
      <p class="hint draft-hint" id="ks-remember-hint">${show(texts, 'widget:drafts.rememberHint', { count: days })}</p>`
          : nothing
      }
    </div>`;
}

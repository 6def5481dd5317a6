// Documents sent later («ettersending», docs/decisions/0035-documents-sent-later.md): the page the receipt's link
// opens. It asks the receiver what the application still waits for and where it stands, and lets the user send
// each document (the same file choice as in the form) or say again, with a reason, that they do not have it. The
// link travels to the receiver in Authorization, never in a URL. In the late chunk: only this page needs it.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isRecord } from '../../src/engine/answers.ts';
import { documentIdOf } from '../../src/engine/items.ts';
import { keysFor } from '../../src/i18n/named-keys.ts';
import type { TextValues } from '../../src/i18n/answer-values.ts';
import { contentDisposition } from '../../src/submit/send.ts';
import type { Focus } from '../klar-skjema/focus.ts';
import type { Session } from '../klar-skjema/session.ts';
import { sentTime } from '../receipt/receipt.ts';

const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png,image/heic,.pdf,.jpg,.jpeg,.png,.heic';
const HEIC = /\.hei[cf]$/i;

export interface FollowUpDocument {
  field: string;
  document: string;
  state: 'outstanding' | 'received' | 'not-had';
  values: TextValues;
  received: string[];
  reason?: string;
}

interface FollowUpData {
  reference: string;
  form: { id: string; version: string };
  locale: string;
  variant: 'standard' | 'plain';
  receivedAt: string;
  status: 'mottatt' | 'under-behandling' | 'ferdig';
  documents: FollowUpDocument[];
}

/** Why the page cannot show the application: the key under widget:followUp.errors. */
type Trouble = 'link' | 'busy' | 'unavailable' | 'network';

interface DocumentState {
  /** Files sent from this page, by name (the receiver does not give names back). */
  sent: string[];
  sending?: string;
  error?: { key: string; name?: string };
  reasonOpen: boolean;
  reason: string;
  reasonError: boolean;
}

export interface FollowUpHost {
  session: Session;
  focus: Focus;
  /** The receiver's follow-up address (…/api/follow-up). */
  url: string;
  /** `<reference>.<secret>`, from the page's fragment or the element's attribute. */
  link: string;
  update(): void;
  fetch?: typeof fetch;
}

const troubleOf = (status: number): Trouble =>
  status === 404 ? 'link' : status === 429 ? 'busy' : status >= 500 ? 'unavailable' : 'link';

const isData = (body: unknown): body is FollowUpData =>
  isRecord(body) && typeof body.reference === 'string' && Array.isArray(body.documents);

export class FollowUpPage {
  #data: FollowUpData | null = null;
  #trouble: Trouble | null = null;
  readonly #documents = new Map<string, DocumentState>();
  /** The language and variant of the submission are taken once; after that the user's own choice stands. */
  #languageTaken = false;

  constructor(readonly host: FollowUpHost) {
    void this.load();
  }

  #fetch(path: string, init: RequestInit): Promise<Response> {
    const fetcher = this.host.fetch ?? ((input, request) => fetch(input, request));
    return fetcher(`${this.host.url}${path}`, {
      ...init,
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${this.host.link}` },
    });
  }

  async load(): Promise<void> {
    let response: Response;
    try {
      response = await this.#fetch('', {});
    } catch {
      return this.#fail('network');
    }
    const body: unknown = response.ok ? await response.json().catch(() => null) : null;
    if (!isData(body)) return this.#fail(response.ok ? 'unavailable' : troubleOf(response.status));
    this.#data = body;
    this.#trouble = null;
    const { session } = this.host;
    if (!this.#languageTaken) {
      this.#languageTaken = true;
      if (body.locale !== session.locale) await session.setLocale(body.locale);
      if (body.variant !== session.variant) session.setVariant(body.variant);
    }
    this.host.update();
  }

  #fail(trouble: Trouble): void {
    this.#trouble = trouble;
    this.host.update();
    this.host.focus.announce(this.host.session.texts.t(`widget:followUp.errors.${trouble}`), { urgent: true });
  }

  #state(key: string): DocumentState {
    let state = this.#documents.get(key);
    if (!state) {
      state = { sent: [], reasonOpen: false, reason: '', reasonError: false };
      this.#documents.set(key, state);
    }
    return state;
  }

  #name(document: FollowUpDocument): string {
    const { texts } = this.host.session;
    const formId = this.#data?.form.id ?? '';
    const key = `${formId}:attachments.${documentIdOf(document.document)}.label`;
    if (!texts.has(key)) return document.document;
    const keys = keysFor((k, v) => texts.t(k, v), key, document.values);
    return texts.t(keys.find((k) => texts.has(k)) ?? key, document.values);
  }

  async #send(document: FollowUpDocument, files: File[]): Promise<void> {
    const state = this.#state(document.document);
    const { texts } = this.host.session;
    for (const file of files) {
      state.sending = file.name;
      delete state.error;
      this.host.update();
      this.host.focus.announce(texts.t('widget:followUp.sending', { name: file.name }));
      // A network failure is a response of null.
      const response = await this.#fetch(`/attachments?${new URLSearchParams({ document: document.document })}`, {
        body: file,
        headers: {
          'Content-Type': file.type || (HEIC.test(file.name) ? 'image/heic' : 'application/octet-stream'),
          'Content-Disposition': contentDisposition(file.name),
        },
      }).catch(() => null);
      delete state.sending;
      if (response?.ok) {
        state.sent.push(file.name);
        this.host.focus.announce(texts.t('widget:followUp.sent', { name: file.name }));
        continue;
      }
      const status = response?.status ?? 0;
      if (status === 404 || status === 429) return this.#fail(troubleOf(status));
      const key =
        status === 0
          ? 'network'
          : status === 415
            ? 'type'
            : status === 413
              ? 'size'
              : status === 503
                ? 'unavailable'
                : 'failed';
      state.error = { key, name: file.name };
      this.host.update();
      this.host.focus.announce(texts.t(`widget:followUp.errors.${key}`, { name: file.name }), { urgent: true });
      return;
    }
    await this.load();
  }

  async #notHad(document: FollowUpDocument): Promise<void> {
    const state = this.#state(document.document);
    const { texts } = this.host.session;
    const reason = state.reason.trim();
    const id = `ks-later-${document.document}`;
    if (reason === '') {
      state.reasonError = true;
      this.host.update();
      this.host.focus.moveAfterRender({ id: `${id}-reason` });
      return;
    }
    state.reasonError = false;
    delete state.error;
    const response = await this.#fetch('/not-had', {
      body: JSON.stringify({ document: document.document, reason }),
      headers: { 'Content-Type': 'application/json' },
    }).catch(() => null);
    if (response?.ok) {
      state.reasonOpen = false;
      state.reason = '';
      this.host.focus.announce(texts.t('widget:followUp.reasonSent'));
      await this.load();
      this.host.focus.moveAfterRender({ id: `${id}-not-had` });
      return;
    }
    const status = response?.status ?? 0;
    if (status === 404 || status === 429) return this.#fail(troubleOf(status));
    state.error = { key: status === 0 ? 'network' : status === 503 ? 'unavailable' : 'reasonFailed' };
    this.host.update();
    this.host.focus.announce(texts.t(`widget:followUp.errors.${state.error.key}`), { urgent: true });
  }

  #documentView(document: FollowUpDocument): TemplateResult {
    const { session } = this.host;
    const show = (key: string, values?: Record<string, unknown>) => session.show(key, values);
    const state = this.#state(document.document);
    const id = `ks-later-${document.document}`;
    const name = this.#name(document);
    const last = document.received.at(-1);
    const stateText =
      document.state === 'received' && last
        ? show('widget:followUp.state.received', { time: sentTime(last, session.locale) })
        : show(`widget:followUp.state.${document.state}`);
    const describedBy = [`${id}-state`, `${id}-hint`, state.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<section class="panel later-document" aria-labelledby="${id}-title">
      <h4 id="${id}-title">${name}</h4>
      <p id="${id}-state">${stateText}${
        document.state === 'not-had' && document.reason ? html` <q dir="auto">${document.reason}</q>` : nothing
      }</p>
      ${state.sent.length > 0 ? html`<ul class="files">${state.sent.map((file) => html`<li>${show('widget:followUp.sent', { name: file })}</li>`)}</ul>` : nothing}
      ${state.error ? html`<p class="error-message" id="${id}-error">${show(`widget:followUp.errors.${state.error.key}`, { name: state.error.name ?? '' })}</p>` : nothing}
      <div class="file-upload">
        <p class="hint" id="${id}-hint">${show('widget:attachments.filesHint')}</p>
        <input class="file" type="file" id="${id}-input" hidden tabindex="-1" multiple accept=${ACCEPTED_FILES}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const files = Array.from(input.files ?? []);
            input.value = '';
            if (files.length > 0) void this.#send(document, files);
          }}>
        <button type="button" class="button file-button" part="button" id="${id}-files" aria-describedby=${describedBy}
          aria-disabled=${state.sending === undefined ? 'false' : 'true'}
          @click=${(event: Event) => {
            // Not `disabled` while sending: a disabled button loses the keyboard's focus.
            if (state.sending !== undefined) return;
            (event.currentTarget as HTMLElement).parentElement
              ?.querySelector<HTMLInputElement>('input[type=file]')
              ?.click();
          }}
          >${show('widget:followUp.choose')}<span class="visually-hidden"> (${name})</span></button>
        ${state.sending ? html`<p>${show('widget:followUp.sending', { name: state.sending })}</p>` : nothing}
      </div>
      <button type="button" class="button button--secondary" part="button" id="${id}-not-had"
        aria-expanded=${state.reasonOpen ? 'true' : 'false'} aria-controls="${id}-why"
        @click=${() => {
          state.reasonOpen = !state.reasonOpen;
          this.host.update();
          if (state.reasonOpen) this.host.focus.moveAfterRender({ id: `${id}-reason` });
        }}>${show('widget:followUp.notHave')}<span class="visually-hidden"> (${name})</span></button>
      <div class="conditional" id="${id}-why" ?hidden=${!state.reasonOpen}>
        <label class="label" for="${id}-reason">${show('widget:attachments.reason')}<span class="visually-hidden"> (${name})</span></label>
        ${state.reasonError ? html`<p class="error-message" id="${id}-reason-error">${show('widget:followUp.reasonRequired')}</p>` : nothing}
        <textarea class="textarea" part="input" id="${id}-reason" rows="3" maxlength="2000"
          aria-invalid=${state.reasonError ? 'true' : 'false'}
          aria-describedby=${state.reasonError ? `${id}-reason-error` : nothing}
          .value=${live(state.reason)}
          @input=${(event: Event) => {
            state.reason = (event.target as HTMLTextAreaElement).value;
          }}></textarea>
        <button type="button" class="button" part="button" @click=${() => void this.#notHad(document)}>${show('widget:followUp.sendReason')}<span class="visually-hidden"> (${name})</span></button>
      </div>
    </section>`;
  }

  render(): TemplateResult {
    const { session } = this.host;
    const show = (key: string, values?: Record<string, unknown>) => session.show(key, values);
    const heading = html`<h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${show('widget:followUp.title')}</h2>`;
    if (this.#trouble)
      return html`<div class="follow-up">${heading}<div class="error-summary" part="error-summary"><p>${show(`widget:followUp.errors.${this.#trouble}`)}</p></div>
        ${this.#trouble === 'link' ? nothing : html`<button type="button" class="button" part="button" @click=${() => void this.load()}>${show('widget:followUp.retry')}</button>`}</div>`;
    const data = this.#data;
    if (!data)
      return html`<div class="follow-up" aria-busy="true">${heading}<p class="panel">${show('widget:followUp.loading')}</p></div>`;
    return html`<div class="follow-up">${heading}
      <div class="panel" part="receipt-panel">
        <p>${show('widget:followUp.reference', { reference: data.reference, time: sentTime(data.receivedAt, session.locale) })}</p>
        <p class="later-status">${show(`widget:followUp.status.${data.status}`)}</p>
      </div>
      <h3>${show('widget:followUp.documentsTitle')}</h3>
      ${data.documents.length === 0 ? html`<p>${show('widget:followUp.none')}</p>` : data.documents.map((d) => this.#documentView(d))}
    </div>`;
  }
}

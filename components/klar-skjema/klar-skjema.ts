import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { i18n as I18n } from 'i18next';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { FieldError } from '../../src/engine/field-errors.ts';
import type { FormPackage, TranslationStatus } from '../../src/engine/form-package.ts';
import { createWizardMachine, type WizardMachine } from '../../src/engine/machine.ts';
import type { TextVariant } from '../../src/engine/submission.ts';
import { createTexts, directionOf, textsFor, type Texts } from '../../src/browser/i18n.ts';
import { loadFormPackage, loadLocale, packageBase } from '../../src/browser/load-package.ts';
import { errorSummary } from '../error-summary/error-summary.ts';
import { renderField } from '../fields/fields.ts';
import { controlId, domId, type FieldHost } from '../fields/field-host.ts';
import { errorText } from '../fields/error-text.ts';
import { show } from '../fields/text.ts';
import { answerSummary, reviewWarnings, warningsTemplate, type SummaryModel } from '../review/review.ts';
import { styles } from './styles.ts';

type Snapshot = SnapshotFrom<WizardMachine>;
type FileEntry = { name: string; size: number; type: string };

const HEIC = /\.hei[cf]$/i;
/** Debounce for the long-text counter: announce once the user pauses, not on every key. */
const COUNT_ANNOUNCE_DELAY_MS = 1200;

/**
 * An accessible application wizard. Loads a form package, runs one wizard machine, and renders the
 * current step, the review page and the receipt inside one shadow root.
 *
 * @attr form - URL of the form package folder (built by `klarskjema build`).
 * @attr lang - The language to start in (default nb).
 * @attr variant - The text variant to start in: standard or plain.
 * @attr scroll-offset - Height in CSS px of the host's sticky header; the widget scrolls itself into view below it.
 * @slot loading - Shown while the form loads.
 * @slot load-error - Shown when the form cannot be loaded.
 * @csspart field - A question with its label, hint and error.
 * @csspart button - A button.
 */
export class KlarSkjema extends LitElement {
  static override styles = styles;

  static override properties = {
    form: { type: String },
    lang: { type: String },
    variant: { type: String },
    scrollOffset: { type: Number, attribute: 'scroll-offset' },
    prefill: { attribute: false },
    status: { state: true },
  };

  declare form: string;
  declare lang: string;
  declare variant: TextVariant;
  declare scrollOffset: number;
  /** Answers known from public registers, set by the host before the form loads. */
  declare prefill: Record<string, unknown> | undefined;
  declare status: 'loading' | 'ready' | 'failed';

  #package: FormPackage | null = null;
  #base = '';
  #actor: Actor<WizardMachine> | null = null;
  #i18n: I18n | null = null;
  #texts: Texts | null = null;
  #textsKey = '';
  #loadedLocales = new Set<string>();
  #status: Record<string, TranslationStatus> = {};
  /** "Show Norwegian text": the nb original under each translated text. */
  #showOriginal = false;
  /** Text as typed in inputs whose stored answer is parsed (amounts, dates), by answer path. */
  #typed = new Map<string, string>();
  #files = new Map<string, File[]>();
  #removing: { group: string; index: number } | null = null;
  #countAnnouncements = new Map<string, string>();
  #countTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #announcement = '';
  /** Where focus goes after the next render; set only by the user's own actions. */
  #pendingFocus: { kind: 'heading' } | { kind: 'summary' } | { kind: 'id'; id: string } | null = null;
  #lastView = '';

  constructor() {
    super();
    this.form = '';
    this.lang = 'nb';
    this.variant = 'standard';
    this.scrollOffset = 0;
    this.status = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.form && !this.#package) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#actor?.stop();
    this.#countTimers.forEach((timer) => clearTimeout(timer));
  }

  /** The machine's current snapshot (for hosts and tests); it holds the answers, so hosts should not log it. */
  get snapshot(): Snapshot | undefined {
    return this.#actor?.getSnapshot();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && changed.get('form') !== undefined && this.form) void this.#load();
    if (changed.has('lang') && this.#actor && this.lang && this.lang !== this.#context()?.locale) void this.#setLocale(this.lang);
    if (changed.has('scrollOffset')) this.style.setProperty('--klar-scroll-offset', `${this.scrollOffset || 0}px`);
    const view = this.#viewKey();
    if (view && view !== this.#lastView) {
      if (this.#lastView) this.#announceView();
      this.#lastView = view;
    }
  }

  async #load(): Promise<void> {
    this.status = 'loading';
    this.#actor?.stop();
    try {
      this.#base = packageBase(this.form);
      const formPackage = await loadFormPackage(this.#base);
      const locale = formPackage.definition.locales.includes(this.lang) ? this.lang : 'nb';
      const files = { nb: await loadLocale(this.#base, 'nb'), ...(locale !== 'nb' ? { [locale]: await loadLocale(this.#base, locale) } : {}) };
      this.#loadedLocales = new Set(Object.keys(files));
      this.#status = Object.fromEntries(Object.entries(files).map(([lng, file]) => [lng, file.status]));
      this.#i18n = await createTexts(formPackage.definition.id, locale, Object.fromEntries(Object.entries(files).map(([lng, file]) => [lng, file.resources])));
      this.#package = formPackage;
      const actor = createActor(createWizardMachine(formPackage), {
        input: { locale, variant: this.variant === 'plain' ? 'plain' : 'standard', answers: this.prefill },
      });
      actor.subscribe(() => this.requestUpdate());
      actor.start();
      this.#actor = actor;
      this.status = 'ready';
      this.dispatchEvent(new CustomEvent('klar-ready', { bubbles: true, composed: true, detail: { form: formPackage.definition.id } }));
    } catch {
      this.status = 'failed';
      this.dispatchEvent(new CustomEvent('klar-load-error', { bubbles: true, composed: true, detail: { form: this.form } }));
    }
  }

  async #setLocale(locale: string): Promise<void> {
    if (!this.#package || !this.#i18n) return;
    const target = this.#package.definition.locales.includes(locale) ? locale : 'nb';
    if (!this.#loadedLocales.has(target)) {
      const file = await loadLocale(this.#base, target);
      for (const [namespace, texts] of Object.entries(file.resources)) this.#i18n.addResourceBundle(target, namespace, texts, true, true);
      this.#status[target] = file.status;
      this.#loadedLocales.add(target);
    }
    await this.#i18n.changeLanguage(target);
    this.#actor?.send({ type: 'SET_LOCALE', locale: target });
    // Said in the new language, so the user hears that the switch worked.
    this.#announce(this.#textsNow().t('widget:languageChanged'));
  }

  #setVariant(variant: TextVariant): void {
    this.#actor?.send({ type: 'SET_VARIANT', variant });
    this.#announce(this.#textsNow().t(`widget:variantChanged.${variant}`));
  }

  #show(texts: Texts, keys: string | string[], params?: Record<string, unknown>): TemplateResult {
    return show(texts, keys, params, { original: this.#showOriginal });
  }

  /** A translation no human has reviewed yet; unknown status counts as a draft. */
  #isDraftTranslation(locale: string): boolean {
    if (locale === 'nb') return false;
    const status = this.#status[locale] ?? {};
    return [this.#package!.definition.id, 'widget'].some((namespace) => status[namespace] !== 'reviewed');
  }

  #context() {
    return this.#actor?.getSnapshot().context;
  }

  #textsNow(): Texts {
    const variant = this.#context()?.variant ?? 'standard';
    const key = `${this.#i18n!.language}:${variant}`;
    if (!this.#texts || this.#textsKey !== key) {
      this.#texts = textsFor(this.#i18n!, variant);
      this.#textsKey = key;
    }
    return this.#texts;
  }

  // ---- Field host: what the field templates call ----

  #fieldHost(snapshot: Snapshot, texts: Texts): FieldHost {
    const { context } = snapshot;
    const errors = new Map<string, FieldError>();
    for (const error of context.errors) if (!errors.has(error.path)) errors.set(error.path, error);
    const element = this;
    return {
      definition: this.#package!.definition,
      validators: this.#package!.validators,
      locale: context.locale,
      texts,
      show: (keys, params) => show(texts, keys, params, { original: this.#showOriginal }),
      answers: context.answers,
      unsure: context.unsure,
      relevantAttachments: context.relevance.attachments,
      errorAt: (path) => errors.get(path),
      errorText: (error) => errorText(texts, this.#package!.definition, error),
      typed: (path) => this.#typed.get(path),
      answer: (field, value, options = {}) => {
        const path = this.#pathOf(field, options.index);
        if (options.typed !== undefined) this.#typed.set(path, options.typed); else this.#typed.delete(path);
        this.#actor!.send({ type: 'ANSWER', field: field.id, value, ...(options.index !== undefined ? { index: options.index } : {}) });
      },
      markUnsure: (field, unsure) => this.#actor!.send({ type: 'MARK_UNSURE', field: field.id, unsure }),
      addItem: (group) => {
        this.#actor!.send({ type: 'ADD_ITEM', group: group.id });
        const items = this.#context()!.answers[group.id] as unknown[];
        const index = items.length - 1;
        const first = group.fields?.[0];
        const title = texts.t(`${this.#package!.definition.id}:fields.${group.id}.item`, { number: index + 1 });
        this.#announce(texts.t('widget:group.added', { item: title }));
        if (first) this.#pendingFocus = { kind: 'id', id: controlId(`/${group.id}/${index}/${first.id}`, first.kind) };
      },
      askToRemoveItem: (group, index) => {
        this.#removing = { group: group.id, index };
        this.#pendingFocus = { kind: 'id', id: `${domId(`/${group.id}`, `item-${index}`)}-confirm` };
        this.requestUpdate();
      },
      cancelRemoveItem: (group, index) => {
        this.#removing = null;
        this.#pendingFocus = { kind: 'id', id: `${domId(`/${group.id}`, `item-${index}`)}-remove` };
        this.requestUpdate();
      },
      removeItem: (group, index) => {
        const title = texts.t(`${this.#package!.definition.id}:fields.${group.id}.item`, { number: index + 1 });
        this.#removing = null;
        // Typed text belongs to items by index; after removal the inputs show the stored answers.
        for (const path of [...this.#typed.keys()]) if (path.startsWith(`/${group.id}/`)) this.#typed.delete(path);
        this.#actor!.send({ type: 'REMOVE_ITEM', group: group.id, index });
        this.#announce(texts.t('widget:group.removed', { item: title }));
        this.#pendingFocus = { kind: 'id', id: domId(`/${group.id}`) };
      },
      get removing() { return element.#removing; },
      chooseFiles: (field, document, files) => this.#chooseFiles(field, document, files),
      removeFile: (field, document, index) => {
        const documents = { ...((this.#context()!.answers[field.id] ?? {}) as Record<string, { files?: FileEntry[] }>) };
        const entry = { ...documents[document] };
        const files = (entry.files ?? []).filter((_, i) => i !== index);
        // No files left means no answer, so the error is "upload a file", not a list that is too short.
        if (files.length > 0) entry.files = files; else delete entry.files;
        this.#files.set(`${field.id}/${document}`, (this.#files.get(`${field.id}/${document}`) ?? []).filter((_, i) => i !== index));
        this.#actor!.send({ type: 'ANSWER', field: field.id, value: { ...documents, [document]: entry } });
        this.#pendingFocus = { kind: 'id', id: `${domId(`/${field.id}/${document}`)}-files` };
      },
      countAnnouncement: (path) => this.#countAnnouncements.get(path) ?? '',
      scheduleCountAnnouncement: (path, text) => {
        clearTimeout(this.#countTimers.get(path));
        this.#countTimers.set(path, setTimeout(() => { this.#countAnnouncements.set(path, text); this.requestUpdate(); }, COUNT_ANNOUNCE_DELAY_MS));
      },
    };
  }

  #pathOf(field: FieldDefinition, index?: number): string {
    if (index === undefined) return `/${field.id}`;
    const group = this.#package!.definition.steps.flatMap((s) => s.fields).find((f) => f.fields?.includes(field));
    return `/${group?.id}/${index}/${field.id}`;
  }

  #chooseFiles(field: FieldDefinition, document: string, files: FileList): void {
    const documents = { ...((this.#context()!.answers[field.id] ?? {}) as Record<string, { status?: string; files?: FileEntry[] }>) };
    const entry = { ...documents[document] };
    const chosen = Array.from(files);
    // Phones often give HEIC photos no type; the file name says what it is.
    const described = chosen.map((file) => ({ name: file.name, size: file.size, type: file.type || (HEIC.test(file.name) ? 'image/heic' : 'application/octet-stream') }));
    entry.files = [...(entry.files ?? []), ...described];
    const key = `${field.id}/${document}`;
    this.#files.set(key, [...(this.#files.get(key) ?? []), ...chosen]);
    this.#actor!.send({ type: 'ANSWER', field: field.id, value: { ...documents, [document]: entry } });
  }

  /** Files the user chose, by "field/document", for the host or receiver to send. */
  get files(): ReadonlyMap<string, readonly File[]> {
    return this.#files;
  }

  // ---- Navigation ----

  #continue(event: Event): void {
    event.preventDefault();
    const before = this.#viewKey();
    this.#actor!.send({ type: 'NEXT' });
    this.#pendingFocus = this.#viewKey() === before ? { kind: 'summary' } : { kind: 'heading' };
  }

  #back(): void {
    this.#actor!.send({ type: 'BACK' });
    this.#pendingFocus = { kind: 'heading' };
  }

  #change(stepId: string, targetId: string): void {
    this.#actor!.send({ type: 'GO_TO', step: stepId });
    this.#pendingFocus = { kind: 'id', id: targetId };
  }

  #submit(): void {
    this.#actor!.send({ type: 'SUBMIT' });
    const snapshot = this.#actor!.getSnapshot();
    this.#pendingFocus = snapshot.value === 'filling' ? { kind: 'summary' } : { kind: 'heading' };
  }

  #retry(): void {
    this.#actor!.send({ type: 'RETRY' });
    this.#pendingFocus = { kind: 'heading' };
  }

  #viewKey(): string {
    const snapshot = this.#actor?.getSnapshot();
    return snapshot ? `${String(snapshot.value)}:${snapshot.context.step}` : '';
  }

  #announce(text: string): void {
    this.#announcement = text;
    this.requestUpdate();
  }

  #focusField(id: string): void {
    const found = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    // A fieldset (an address) is not focusable: its first control is where the user types.
    const target = found?.matches('fieldset') ? found.querySelector<HTMLElement>('input, select, textarea') : found;
    if (!target) return;
    target.focus({ preventScroll: true });
    this.#scrollIntoView(target);
  }

  /**
   * Focus and scrolling, decided here so every view follows the same rules:
   * - On a new step, focus goes to the step heading (tabindex=-1), and the step is announced in the
   *   polite live region, so screen reader users hear where they are (GOV.UK pattern).
   * - After a failed Continue, focus goes to the error summary, which lists every error.
   * - We never scroll the host page to the top: only the focused element is scrolled into view, below
   *   the host's sticky header (scroll-offset), and only if it is not already visible.
   * Nothing is focused on first load: the host page owns focus until the user acts.
   */
  protected override updated(): void {
    const pending = this.#pendingFocus;
    if (!pending) return;
    this.#pendingFocus = null;
    if (pending.kind === 'id') { this.#focusField(pending.id); return; }
    const selector = pending.kind === 'summary' && this.renderRoot.querySelector('.error-summary') ? '.error-summary' : '#ks-heading';
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    target.focus({ preventScroll: true });
    this.#scrollIntoView(target);
  }

  #announceView(): void {
    const snapshot = this.#actor!.getSnapshot();
    const texts = this.#textsNow();
    const definition = this.#package!.definition;
    if (snapshot.value === 'filling') {
      const { current, total } = this.#progress(snapshot);
      this.#announcement = texts.t('widget:stepAnnouncement', { current, total, title: texts.t(`${definition.id}:steps.${snapshot.context.step}.title`) });
    } else if (snapshot.value === 'review') {
      this.#announcement = texts.t('widget:review.title');
    } else if (snapshot.value === 'submitted') {
      this.#announcement = texts.t('widget:receipt.title');
    }
  }

  #scrollIntoView(target: HTMLElement): void {
    const rect = target.getBoundingClientRect();
    const offset = this.scrollOffset || 0;
    if (rect.top >= offset && rect.bottom <= window.innerHeight) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
  }

  #progress(snapshot: Snapshot): { current: number; total: number } {
    const steps = snapshot.context.relevance.steps;
    return { current: steps.indexOf(snapshot.context.step) + 1, total: steps.length };
  }

  // ---- Rendering ----

  protected override render(): TemplateResult {
    if (this.status === 'failed') return html`<div class="root" role="alert"><slot name="load-error"></slot></div>`;
    if (this.status === 'loading' || !this.#actor || !this.#package) {
      return html`<div class="root" aria-busy="true"><slot name="loading"></slot></div>`;
    }
    const snapshot = this.#actor.getSnapshot();
    const texts = this.#textsNow();
    const { locale } = snapshot.context;
    return html`<div class="root" lang=${locale} dir=${directionOf(locale)} part="root">
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</div>
      ${this.#renderToolbar(snapshot, texts)}
      ${snapshot.value === 'filling' ? this.#renderStep(snapshot, texts) : nothing}
      ${snapshot.value === 'review' || snapshot.value === 'submitting' || snapshot.value === 'failed' ? this.#renderReview(snapshot, texts) : nothing}
      ${snapshot.value === 'submitted' ? this.#renderReceipt(snapshot, texts) : nothing}
    </div>`;
  }

  /** Language, plain text and the Norwegian original: on every step, and each keeps answers and focus. */
  #renderToolbar(snapshot: Snapshot, texts: Texts): TemplateResult {
    const { locale, variant } = snapshot.context;
    const locales = this.#package!.definition.locales;
    const plain = variant === 'plain';
    return html`<div class="toolbar" part="toolbar">
      ${locales.length > 1 ? html`<div class="toolbar-item">
        <label class="toolbar-label" for="ks-language">${show(texts, 'widget:toolbar.language')}</label>
        <select class="select select--compact" id="ks-language" part="language"
          @change=${(event: Event) => void this.#setLocale((event.target as HTMLSelectElement).value)}>
          ${locales.map((lng) => html`<option value=${lng} lang=${lng} ?selected=${lng === locale}>${texts.t(`widget:languageNames.${lng}`)}</option>`)}
        </select>
      </div>` : nothing}
      <button type="button" class="button button--secondary button--small" part="button" @click=${() => this.#setVariant(plain ? 'standard' : 'plain')}>
        ${show(texts, plain ? 'widget:toolbar.plainOff' : 'widget:toolbar.plainOn')}</button>
      ${locale !== 'nb' ? html`<button type="button" class="button button--secondary button--small" part="button"
        @click=${() => { this.#showOriginal = !this.#showOriginal; this.requestUpdate(); }}>
        ${show(texts, this.#showOriginal ? 'widget:toolbar.originalOff' : 'widget:toolbar.originalOn')}</button>` : nothing}
    </div>
    ${this.#isDraftTranslation(locale) ? html`<p class="draft-note" part="draft-note">${show(texts, 'widget:draftTranslation')}</p>` : nothing}`;
  }

  #renderStep(snapshot: Snapshot, texts: Texts): TemplateResult {
    const definition = this.#package!.definition;
    const { context } = snapshot;
    const step = definition.steps.find((s) => s.id === context.step)!;
    const { current, total } = this.#progress(snapshot);
    const host = this.#fieldHost(snapshot, texts);
    const fields = step.fields.filter((field) => context.relevance.fields.includes(field.id));
    return html`<form class="step" novalidate @submit=${(event: Event) => this.#continue(event)} aria-labelledby="ks-heading">
      <p class="progress" part="progress">${this.#show(texts, 'widget:progress', { current, total })}</p>
      ${errorSummary(texts, context.errors, (error) => errorText(texts, definition, error), (id) => this.#focusField(id))}
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${this.#show(texts, `${definition.id}:steps.${step.id}.title`)}</h2>
      ${fields.map((field) => renderField(host, field, { path: `/${field.id}`, value: context.answers[field.id] }))}
      <div class="actions" part="actions">
        <button type="submit" class="button" part="button">${this.#show(texts, 'widget:actions.next')}</button>
        ${current > 1 ? html`<button type="button" class="button button--secondary" part="button" @click=${() => this.#back()}>${this.#show(texts, 'widget:actions.back')}</button>` : nothing}
      </div>
    </form>`;
  }

  #summaryModel(snapshot: Snapshot, texts: Texts): SummaryModel {
    const { context } = snapshot;
    const submitted = context.submission;
    return {
      definition: this.#package!.definition, validators: this.#package!.validators, texts, locale: context.locale,
      relevance: context.relevance,
      answers: snapshot.value === 'submitted' && submitted ? submitted.answers : context.relevance.answers,
      unsure: context.unsure,
    };
  }

  #renderReview(snapshot: Snapshot, texts: Texts): TemplateResult {
    const model = this.#summaryModel(snapshot, texts);
    const sending = snapshot.value === 'submitting';
    const failure = snapshot.context.submitError;
    return html`<div class="review">
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${this.#show(texts, 'widget:review.title')}</h2>
      <p>${this.#show(texts, 'widget:review.intro')}</p>
      ${warningsTemplate(texts, reviewWarnings(model))}
      ${answerSummary(model, (stepId, targetId) => this.#change(stepId, targetId))}
      ${failure ? html`<div class="error-summary" part="error-summary"><p>${this.#show(texts, `widget:sendFailed.${failure}`)}</p></div>` : nothing}
      <div class="actions" part="actions">
        ${snapshot.value === 'failed'
          ? html`<button type="button" class="button" part="button" @click=${() => this.#retry()}>${this.#show(texts, 'widget:actions.retry')}</button>`
          : html`<button type="button" class="button" part="button" ?disabled=${sending} aria-disabled=${sending ? 'true' : 'false'} @click=${() => this.#submit()}>${sending ? this.#show(texts, 'widget:sending') : this.#show(texts, 'widget:actions.submit')}</button>`}
        <button type="button" class="button button--secondary" part="button" ?disabled=${sending} @click=${() => this.#back()}>${this.#show(texts, 'widget:actions.back')}</button>
      </div>
    </div>`;
  }

  #renderReceipt(snapshot: Snapshot, texts: Texts): TemplateResult {
    const model = this.#summaryModel(snapshot, texts);
    const { receipt, submission } = snapshot.context;
    const definition = this.#package!.definition;
    const documentField = definition.steps.flatMap((s) => s.fields).find((f) => f.kind === 'attachments');
    const documents = (documentField && submission ? submission.answers[documentField.id] ?? {} : {}) as Record<string, { status?: string }>;
    const later = (submission?.attachments ?? []).filter((id) => documents[id]?.status !== 'uploaded');
    return html`<div class="receipt">
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${this.#show(texts, 'widget:receipt.title')}</h2>
      <div class="panel" part="receipt-panel">
        <p>${receipt?.reference ? this.#show(texts, 'widget:receipt.reference', { reference: receipt.reference }) : this.#show(texts, 'widget:receipt.noReference')}</p>
      </div>
      ${later.length > 0 ? html`<h3>${this.#show(texts, 'widget:receipt.documentsLater')}</h3>
        <ul>${later.map((id) => html`<li>${this.#show(texts, `${definition.id}:attachments.${id}.label`)}</li>`)}</ul>` : nothing}
      <h3>${this.#show(texts, 'widget:receipt.nextTitle')}</h3>
      <p>${this.#show(texts, 'widget:receipt.next')}</p>
      <h3>${this.#show(texts, 'widget:receipt.sent')}</h3>
      ${answerSummary(model, undefined, 4)}
      <div class="actions no-print" part="actions">
        <button type="button" class="button button--secondary" part="button" @click=${() => window.print()}>${this.#show(texts, 'widget:actions.print')}</button>
      </div>
    </div>`;
  }
}

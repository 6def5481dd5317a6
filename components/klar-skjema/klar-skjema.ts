import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { i18n as I18n } from 'i18next';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { FieldError } from '../../src/engine/field-errors.ts';
import type { FormPackage, TranslationStatus } from '../../src/engine/form-package.ts';
import { wizardMachine, type WizardMachine } from '../../src/engine/machine.ts';
import type { TextVariant } from '../../src/engine/submission.ts';
import { createTexts, directionOf, textsFor, type Texts } from '../../src/browser/i18n.ts';
import { loadFormPackage, loadLocale, packageBase } from '../../src/browser/load-package.ts';
import { errorSummary } from '../error-summary/error-summary.ts';
import { controlId, domId, type FieldHost } from '../fields/field-host.ts';
import { errorText } from '../fields/error-text.ts';
import { show } from '../fields/text.ts';
import type { SummaryModel } from '../review/review.ts';
import { LateController } from './late-loader.ts';
import { styles } from './styles.ts';
import { emit } from './events.ts';
import { DraftController } from '../drafts/drafts.ts';
import { draftStyles } from '../drafts/styles.ts';
import { Submitter } from '../submit/submitter.ts';
import type { Restored } from '../../src/drafts/draft.ts';
import type { HelpRequest } from '../../src/engine/help.ts';
import type { ContactInput } from '../help/contact.ts';
import { prefillableField } from '../prefill/prefill-field.ts';
import { glossaryStyles } from '../glossary/glossary.ts';

type Snapshot = SnapshotFrom<WizardMachine>;

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
 * @attr submit-url - The receiver's submissions URL; the widget POSTs there unless a klar-submit listener cancels.
 * @attr draft-url - A URL on the host's server that keeps the user's draft (GET, PUT, DELETE), to resume on another device.
 * @attr session-draft - "off": do not keep the draft in the tab's sessionStorage (on by default: a reload keeps the answers).
 * @attr remember-days - Days a draft stays on the device when the user asks for it (default 14; 0 removes the choice).
 * @attr exit-url - Where "Gå ut og slett" goes (default https://www.yr.no/).
 * @attr contact - The office's contact details as JSON (phone, message, video, meeting, paper, privacy); see docs/decisions/0011-contact.md.
 * @event klar-submit - Cancelable; detail is the submission. See components/submit/submitter.ts.
 * @slot loading - Shown while the form loads.
 * @slot load-error - Shown when the form cannot be loaded.
 * @csspart root - The box around everything the widget shows.
 * @csspart toolbar - The bar with the language choice and the plain-text switch.
 * @csspart language - The language choice (a select).
 * @csspart draft-note - The note that a translation is a draft.
 * @csspart progress - "Step 2 of 4".
 * @csspart heading - The heading of a step, the review page or the receipt.
 * @csspart error-summary - The box that lists the errors on a step, or says that sending failed.
 * @csspart field - A question with its label, hint and error.
 * @csspart label - The label or legend of a question.
 * @csspart input - A text box, text area, select or file input.
 * @csspart choice - A radio button or checkbox.
 * @csspart group-item - One item in a list of items (such as one child).
 * @csspart guidance - A box of guidance text between questions.
 * @csspart notice - A box of warnings on the review page.
 * @csspart actions - The row of buttons under a step.
 * @csspart button - A button.
 * @csspart receipt-panel - The box with the reference on the receipt.
 * @csspart help - "Trenger du hjelp?": the office's contact details and the request for contact and an interpreter, under each step.
 * @csspart privacy - The privacy notice: a disclosure under each step, and a box on the review page.
 * @csspart prefill - A question answered from a public register, with its source and "Stemmer dette?" (also part "field").
 * @csspart drafts - Saving the answers and coming back later, and the quick exit.
 * @csspart glossary - The list of hard words explained on a step.
 * @csspart glossary-term - One explained word.
 * @csspart read-aloud - A "read aloud" button.
 * @csspart exit - The quick exit button ("Gå ut og slett"; also has the part button).
 * @cssproperty --klar-color-text - Text colour. Default #1b1b1b.
 * @cssproperty --klar-color-muted - Colour of hints and progress text. Default #4a4a4a.
 * @cssproperty --klar-color-background - Background of the widget and its inputs. Default #ffffff.
 * @cssproperty --klar-color-accent - Buttons, links and selected choices. Default #0056b4.
 * @cssproperty --klar-color-accent-text - Text on accent-coloured buttons. Default #ffffff.
 * @cssproperty --klar-color-error - Error messages, error borders and the error summary. Default #c30000.
 * @cssproperty --klar-color-border - Borders of inputs and boxes. Default #5c5c5c.
 * @cssproperty --klar-color-notice - Background of notes and warnings. Default #fff3d6.
 * @cssproperty --klar-color-panel - Background of guidance and the receipt panel. Default #eef4fb.
 * @cssproperty --klar-focus-color - The focus outline next to the focused element. Default #ffbd66.
 * @cssproperty --klar-focus-ring - The ring outside the focus outline (a box-shadow); keep it at least 3:1 against the background. Default 0 0 0 6px, in the text colour.
 * @cssproperty --klar-font-family - Font of all text. Default system-ui and fallbacks.
 * @cssproperty --klar-space - The spacing unit; margins and padding are multiples of it. Default 1rem.
 * @cssproperty --klar-radius - Corner radius of buttons and boxes. Default 4px.
 * @cssproperty --klar-scroll-offset - Set by the scroll-offset attribute; use the attribute instead.
 */
export class KlarSkjema extends LitElement {
  // The help panel's and the receipt's styles come with the late chunk (late-loader.ts adopts them).
  static override styles = [styles, draftStyles, glossaryStyles];

  static override properties = {
    form: { type: String },
    lang: { type: String },
    variant: { type: String },
    scrollOffset: { type: Number, attribute: 'scroll-offset' },
    prefill: { attribute: false },
    // Parsed where it is used (the late chunk's parseContact), so the attribute's JSON string is kept as is.
    contact: {},
    now: { attribute: false },
    status: { state: true },
  };

  declare form: string;
  declare lang: string;
  declare variant: TextVariant;
  declare scrollOffset: number;
  /** Answers known from public registers, set by the host before the form loads. */
  declare prefill: Record<string, unknown> | undefined;
  /** The office's contact details for the help panel and the receipt (docs/decisions/0011-contact.md); also a JSON attribute. */
  declare contact: ContactInput | string | undefined;
  declare status: 'loading' | 'ready' | 'failed';
  /** The clock, for drafts' times and expiry and the submission time; tests set a fake one. */
  declare now: () => Date;
  /** How "Gå ut og slett" leaves; location.replace, so Back does not return. Tests replace it. */
  leave = (url: string): void => location.replace(url);

  #package: FormPackage | null = null;
  #base = '';
  #loadCount = 0;
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
  /** Re-renders when the browser's voices change, so "Read aloud" appears once a voice for the language exists. */
  #drafts = new DraftController(this, {
    actor: () => this.#actor,
    texts: () => this.#textsNow(),
    now: () => this.now(),
    leave: (url) => this.leave(url),
    restart: (restored) => this.#startMachine(restored),
    late: () => this.#late.parts,
  });
  #submitter = new Submitter(this, {
    actor: () => this.#actor,
    definition: () => this.#package!.definition,
    files: () => this.#files,
  });
  /** The review page, receipt, help, privacy and sending: a lazy chunk (docs/decisions/0012-lazy-chunks.md). */
  #late = new LateController(this);

  constructor() {
    super();
    this.form = '';
    this.lang = 'nb';
    this.variant = 'standard';
    this.scrollOffset = 0;
    this.status = 'loading';
    this.now = () => new Date();
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
    if (changed.has('lang') && this.#actor && this.lang && this.lang !== this.#context()?.locale)
      void this.#setLocale(this.lang);
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
    // The form can change while a load is under way (a host sets the attribute after upgrade): only the
    // newest load may finish, or one form's definition would meet another form's texts.
    const load = ++this.#loadCount;
    const base = packageBase(this.form);
    this.#late.load(); // in parallel with the form package, not awaited
    try {
      const formPackage = await loadFormPackage(base);
      if (load !== this.#loadCount) return;
      const variant: TextVariant = this.variant === 'plain' ? 'plain' : 'standard';
      const restored: Restored = (await this.#drafts.begin(formPackage, this.prefill)) ?? {
        input: { variant },
        review: false,
        reanswer: [],
        chooseFilesAgain: [],
      };
      if (load !== this.#loadCount) return;
      const requested = restored.input.locale ?? this.lang;
      const locale = formPackage.definition.locales.includes(requested) ? requested : 'nb';
      const files = {
        nb: await loadLocale(base, 'nb'),
        ...(locale !== 'nb' ? { [locale]: await loadLocale(base, locale) } : {}),
      };
      if (load !== this.#loadCount) return;
      this.#base = base;
      this.#loadedLocales = new Set(Object.keys(files));
      this.#status = Object.fromEntries(Object.entries(files).map(([lng, file]) => [lng, file.status]));
      const i18n = await createTexts(
        formPackage.definition.id,
        locale,
        Object.fromEntries(Object.entries(files).map(([lng, file]) => [lng, file.resources])),
      );
      if (load !== this.#loadCount) return;
      this.#i18n = i18n;
      this.#package = formPackage;
      this.#startMachine({ ...restored, input: { ...restored.input, locale } });
      this.status = 'ready';
      emit(this, 'klar-ready', { form: formPackage.definition.id });
    } catch {
      if (load !== this.#loadCount) return;
      this.status = 'failed';
      emit(this, 'klar-load-error', { form: this.form });
    }
  }

  /** A machine for the form, from scratch or from a draft; sending goes through the Submitter. */
  #startMachine(restored: Restored): void {
    this.#actor?.stop();
    // The fingerprint comes with the late chunk: it is needed only at Send, after the review page has waited for it.
    const machine = wizardMachine(this.#package!, {
      now: () => this.now(),
      fingerprint: (submission) => this.#late.parts?.submissionFingerprint(submission) ?? null,
    });
    const actor = createActor(machine.provide({ actors: { sendSubmission: this.#submitter.actor } }), {
      input: { ...restored.input, prefill: this.prefill },
    });
    actor.subscribe(() => this.requestUpdate());
    actor.start();
    if (restored.review) actor.send({ type: 'REVIEW' });
    this.#actor = actor;
    this.#drafts.attach(actor);
    const { locale } = restored.input;
    if (locale && this.#i18n && locale !== this.#i18n.language) void this.#setLocale(locale);
  }

  async #setLocale(locale: string): Promise<void> {
    if (!this.#package || !this.#i18n) return;
    const target = this.#package.definition.locales.includes(locale) ? locale : 'nb';
    if (!this.#loadedLocales.has(target)) {
      const file = await loadLocale(this.#base, target);
      for (const [namespace, texts] of Object.entries(file.resources))
        this.#i18n.addResourceBundle(target, namespace, texts, true, true);
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
        if (options.typed !== undefined) this.#typed.set(path, options.typed);
        else this.#typed.delete(path);
        this.#actor!.send({
          type: 'ANSWER',
          field: field.id,
          value,
          ...(options.index !== undefined ? { index: options.index } : {}),
        });
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
      get removing() {
        return element.#removing;
      },
      files: this.#files,
      focusAfterRender: (id) => {
        this.#pendingFocus = { kind: 'id', id };
      },
      countAnnouncement: (path) => this.#countAnnouncements.get(path) ?? '',
      scheduleCountAnnouncement: (path, text) => {
        clearTimeout(this.#countTimers.get(path));
        this.#countTimers.set(
          path,
          setTimeout(() => {
            this.#countAnnouncements.set(path, text);
            this.requestUpdate();
          }, COUNT_ANNOUNCE_DELAY_MS),
        );
      },
    };
  }

  #pathOf(field: FieldDefinition, index?: number): string {
    if (index === undefined) return `/${field.id}`;
    const group = this.#package!.definition.steps.flatMap((s) => s.fields).find((f) => f.fields?.includes(field));
    return `/${group?.id}/${index}/${field.id}`;
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
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!target) return;
    target.focus({ preventScroll: true });
    // The whole question, so its label is not left under the host's sticky header (GOV.UK does the same).
    this.#scrollIntoView(target.closest<HTMLElement>('.field') ?? target);
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
    if (pending.kind === 'id') {
      this.#focusField(pending.id);
      return;
    }
    const selector =
      pending.kind === 'summary' && this.renderRoot.querySelector('.error-summary') ? '.error-summary' : '#ks-heading';
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
      this.#announcement = texts.t('widget:stepAnnouncement', {
        current,
        total,
        title: texts.t(`${definition.id}:steps.${snapshot.context.step}.title`),
      });
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
    if (this.#drafts.exited) return html`<div class="root"></div>`;
    if (this.status === 'failed') return html`<div class="root" role="alert"><slot name="load-error"></slot></div>`;
    if (this.status === 'loading' || !this.#actor || !this.#package) {
      return html`<div class="root" aria-busy="true"><slot name="loading"></slot></div>`;
    }
    const snapshot = this.#actor.getSnapshot();
    const texts = this.#textsNow();
    const { locale } = snapshot.context;
    const late = this.#late.parts;
    return html`<div class="root" lang=${locale} dir=${directionOf(locale)} part="root">
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</div>
      ${this.#drafts.renderTop(texts)}
      <div class="views" ?inert=${this.#drafts.readOnly}>
      ${this.#renderToolbar(snapshot, texts)}
      ${
        this.#drafts.choosing
          ? this.#drafts.renderOffer(texts)
          : html`
      ${snapshot.value === 'filling' ? this.#renderStep(snapshot, texts) : nothing}
      ${snapshot.value === 'review' || snapshot.value === 'submitting' || snapshot.value === 'failed' ? this.#renderReview(snapshot, texts) : nothing}
      ${snapshot.value === 'submitted' || !late ? nothing : html`<div class="step-help">${late.helpPanel(this.#extras(snapshot, texts))}${snapshot.value === 'filling' ? late.privacyDisclosure(this.#extras(snapshot, texts)) : nothing}</div>`}
      ${snapshot.value === 'submitted' ? this.#renderReceipt(snapshot, texts) : this.#drafts.renderBottom(texts)}`
      }
      </div>
    </div>`;
  }

  /** Language, plain text and the Norwegian original: on every step, and each keeps answers and focus. */
  #renderToolbar(snapshot: Snapshot, texts: Texts): TemplateResult {
    const { locale, variant } = snapshot.context;
    const locales = this.#package!.definition.locales;
    const plain = variant === 'plain';
    return html`<div class="toolbar" part="toolbar">
      ${
        locales.length > 1
          ? html`<div class="toolbar-item">
        <label class="toolbar-label" for="ks-language">${show(texts, 'widget:toolbar.language')}</label>
        <select class="select select--compact" id="ks-language" part="language"
          @change=${(event: Event) => void this.#setLocale((event.target as HTMLSelectElement).value)}>
          ${locales.map((lng) => html`<option value=${lng} lang=${lng} ?selected=${lng === locale}>${texts.t(`widget:languageNames.${lng}`)}</option>`)}
        </select>
      </div>`
          : nothing
      }
      <button type="button" class="button button--secondary button--small" part="button" @click=${() => this.#setVariant(plain ? 'standard' : 'plain')}>
        ${show(texts, plain ? 'widget:toolbar.plainOff' : 'widget:toolbar.plainOn')}</button>
      ${
        locale !== 'nb'
          ? html`<button type="button" class="button button--secondary button--small" part="button"
        @click=${() => {
          this.#showOriginal = !this.#showOriginal;
          this.requestUpdate();
        }}>
        ${show(texts, this.#showOriginal ? 'widget:toolbar.originalOff' : 'widget:toolbar.originalOn')}</button>`
          : nothing
      }
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
      ${errorSummary(
        texts,
        context.errors,
        (error) => errorText(texts, definition, error),
        (id) => this.#focusField(id),
      )}
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${this.#show(texts, `${definition.id}:steps.${step.id}.title`)}</h2>
      ${fields.map((field) => prefillableField(host, this.#prefillView(snapshot), field, { path: `/${field.id}`, value: context.answers[field.id] }))}
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
      definition: this.#package!.definition,
      validators: this.#package!.validators,
      texts,
      locale: context.locale,
      relevance: context.relevance,
      answers: snapshot.value === 'submitted' && submitted ? submitted.answers : context.relevance.answers,
      unsure: context.unsure,
    };
  }

  #renderReview(snapshot: Snapshot, texts: Texts): TemplateResult {
    const late = this.#late.parts;
    const sending = snapshot.value === 'submitting';
    // The rest of the page comes with the late chunk (components/review/review-page.ts); Send only with it.
    const page = late
      ? {
          texts,
          model: this.#summaryModel(snapshot, texts),
          extras: this.#extras(snapshot, texts),
          show: (keys: string | string[], params?: Record<string, unknown>) => this.#show(texts, keys, params),
          change: (stepId: string, targetId: string) => this.#change(stepId, targetId),
          phase: String(snapshot.value),
          failure: snapshot.context.submitError,
          status: this.#submitter.status,
          submit: () => this.#submit(),
          retry: () => this.#retry(),
        }
      : null;
    return html`<div class="review">
      <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${this.#show(texts, 'widget:review.title')}</h2>
      <p>${this.#show(texts, 'widget:review.intro')}</p>
      <div role="status">${late ? nothing : html`<p class="panel">${this.#show(texts, 'widget:lateLoading')}</p>`}</div>
      ${late && page ? late.reviewBody(page) : nothing}
      <div class="actions" part="actions">
        ${late && page ? late.sendButton(page) : nothing}
        <button type="button" class="button button--secondary" part="button" ?disabled=${sending} @click=${() => this.#back()}>${this.#show(texts, 'widget:actions.back')}</button>
      </div>
    </div>`;
  }

  #renderReceipt(snapshot: Snapshot, texts: Texts): TemplateResult {
    const { submission, receipt } = snapshot.context;
    const late = this.#late.parts;
    if (!late) {
      return html`<div class="receipt"><h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${this.#show(texts, 'widget:receipt.title')}</h2>
        <div role="status"><p class="panel">${this.#show(texts, 'widget:lateLoading')}</p></div></div>`;
    }
    return late.receiptView({
      ...this.#extras(snapshot, texts),
      model: this.#summaryModel(snapshot, texts),
      submission,
      receipt,
    });
  }

  /** What the help panel, the privacy notice and the receipt need (components/help, privacy, receipt). */
  #extras(snapshot: Snapshot, texts: Texts) {
    const contact = this.#late.parts!.parseContact(this.contact); // only the late parts call this
    return {
      texts,
      locale: snapshot.context.locale,
      contact,
      help: snapshot.context.help,
      formId: this.#package!.definition.id,
      ...(contact.privacy ? { privacyUrl: contact.privacy.url } : {}),
      show: (keys: string | string[], params?: Record<string, unknown>) => this.#show(texts, keys, params),
      changeHelp: (change: Partial<HelpRequest>) =>
        this.#actor!.send({ type: 'SET_HELP_REQUEST', help: { ...this.#context()!.help, ...change } }),
    };
  }

  #prefillView(snapshot: Snapshot) {
    return {
      state: snapshot.context.prefill,
      confirm: (field: FieldDefinition, confirmed: boolean) =>
        this.#actor!.send({ type: 'CONFIRM_PREFILL', field: field.id, confirmed }),
    };
  }
}

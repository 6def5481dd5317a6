import {
  LitElement,
  html,
  nothing,
  unsafeCSS,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { TextVariant } from '../../src/engine/submission.ts';
import { directionOf } from '../../src/browser/i18n.ts';
import { errorSummary } from '../error-summary/error-summary.ts';
import { errorText } from '../fields/error-text.ts';
import type { ContactInput } from '../help/contact.ts';
import { renderField } from '../fields/fields.ts';
import { DraftController } from '../drafts/drafts.ts';
import { Submitter } from '../submit/submitter.ts';
import { LateController, loadLate, type LateParts } from './late-loader.ts';
import { FocusController } from './focus.ts';
import { SessionController, type Session, type Snapshot } from './session.ts';
import { FieldWiring } from './field-wiring.ts';
import { namedKeys, textValuesFor } from '../fields/field-host.ts';
import type { LateHost } from './late-views.ts';
import { LanguageChoice, toolbar } from './toolbar.ts';
import { emit } from './events.ts';
import { Takeover } from './takeover.ts';

/**
 * The user's first sign of intent in the widget (composed events, heard on the host; the language menu's focus or
 * press too): a visitor who only looks, on metered data, pays for the first step alone (docs/decisions/0040).
 */
const INTENT = ['focusin', 'pointerdown', 'keydown'];

/**
 * The element's CSS: the sheet the loader made from the form package's start slice, which holds the CSS of this
 * version of the widget (decision 0044), or else its own module (a lazy chunk in the built widget).
 */
const loaderSheet = (globalThis as { [key: symbol]: CSSStyleSheet | undefined })[Symbol.for('klarskjema.styles')];
const elementCss: CSSResultGroup = loaderSheet ?? unsafeCSS((await import('./widget-styles.ts')).widgetCss);

/**
 * An accessible application wizard. Loads a form package, runs one wizard machine, and renders the
 * current step, the review page and the receipt inside one shadow root.
 *
 * @attr form - URL of the form package folder (built by `klarskjema build`).
 * @attr lang - The language to start in (default nb).
 * @attr variant - The text variant to start in: standard or plain.
 * @attr scroll-offset - Height in CSS px of the host's sticky header, if the widget should not measure it; it keeps focus clear of it.
 * @attr color-scheme - "light" or "dark" forces that look; without it the widget follows the user's prefers-color-scheme (or the host's CSS color-scheme on the element).
 * @attr submit-url - The receiver's submissions URL; the widget POSTs there unless a klar-submit listener cancels.
 * @attr draft-url - A URL on the host's server that keeps the user's draft (GET, PUT, DELETE), to resume on another device.
 * @attr session-draft - "off": do not keep the draft in the tab's sessionStorage (on by default: a reload keeps the answers).
 * @attr remember-days - Days a draft stays on the device when the user asks for it (default 14; 0 removes the choice).
 * @attr exit-url - Where "Gå ut og slett" goes (default https://www.yr.no/).
 * @attr contact - The office's contact details as JSON (phone, message, video, meeting, paper, privacy); see docs/decisions/0011-contact.md.
 * @attr follow-up - The receipt's link for documents sent later (`<reference>.<secret>`); without it, `#ettersending=` in the page's address. Either opens the page for documents sent later instead of the form (docs/decisions/0035).
 * @attr follow-up-url - The receiver's /api/follow-up (default: beside submit-url).
 * @attr follow-up-page - The page the receipt's link opens (default: this page).
 * @event klar-submit - Cancelable; detail is the submission. See components/submit/submitter.ts.
 * @slot loading - Shown while the form loads.
 * @slot load-error - Shown when the form cannot be loaded.
 * @csspart root - The box around everything the widget shows.
 * @csspart toolbar - The bar with the language choice and the plain-text switch.
 * @csspart language - The language choice (a select).
 * @csspart draft-note - The note that a translation is a draft.
 * @csspart plain-note - With plain text on: the note that some texts have no plain text in this language yet, and the button that shows the Norwegian one.
 * @csspart progress - "Step 2 of 4".
 * @csspart heading - The heading of a step, the review page or the receipt.
 * @csspart error-summary - The box that lists the errors on a step, or says that sending failed.
 * @csspart field - A question with its label, hint and error.
 * @csspart label - The label or legend of a question.
 * @csspart input - A text box, text area or select (the button that chooses files is a part "button").
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
 * @cssproperty --klar-color-text - Text colour (dark: #ececec). Default #1b1b1b.
 * @cssproperty --klar-color-muted - Colour of hints and progress text (dark: #c0c4cc). Default #4a4a4a.
 * @cssproperty --klar-color-background - Background of the widget and its inputs (dark: #16181d). Default #ffffff.
 * @cssproperty --klar-color-accent - Buttons, links and selected choices (dark: #8cc4ff). Default #0056b4.
 * @cssproperty --klar-color-accent-text - Text on accent-coloured buttons (dark: #0b1626). Default #ffffff.
 * @cssproperty --klar-color-error - Error messages, error borders and the error summary (dark: #ff9b91). Default #c30000.
 * @cssproperty --klar-color-error-text - Text on error-coloured buttons, such as the quick exit (dark: #16181d). Default #ffffff.
 * @cssproperty --klar-color-border - Borders of inputs and boxes (dark: #8b919c). Default #5c5c5c.
 * @cssproperty --klar-color-notice - Background of notes and warnings (dark: #3b2f12). Default #fff3d6.
 * @cssproperty --klar-color-panel - Background of guidance and the receipt panel (dark: #1c2a3b). Default #eef4fb.
 * @cssproperty --klar-focus-color - The focus outline next to the focused element. Default #ffbd66.
 * @cssproperty --klar-focus-ring - The ring outside the focus outline (a box-shadow); keep it at least 3:1 against the background. Default 0 0 0 6px, in the text colour.
 * @cssproperty --klar-font-family - Font of all text. Default system-ui and fallbacks.
 * @cssproperty --klar-space - The spacing unit; margins and padding are multiples of it. Default 1rem.
 * @cssproperty --klar-radius - Corner radius of buttons and boxes. Default 4px.
 * @cssproperty --klar-scroll-offset - Room to keep clear under the host's sticky header, besides what the widget measures: any CSS length (env(), calc()); the scroll-offset attribute wins. Default 0px.
 */
export class KlarSkjema extends LitElement {
  // The help panel's, the glossary's and the receipt's styles come with the late chunk (late-loader.ts adopts them).
  static override styles = elementCss;

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

  /** "Show Norwegian text": the nb original under each translated text. */
  #original = false;
  readonly #languageChoice = new LanguageChoice(this);
  /** The review page, receipt, help, privacy and sending: a lazy chunk (docs/decisions/0012-lazy-chunks.md). */
  #late = new LateController(this);
  /** The user has shown intent, or the widget needed what intent loads itself (docs/decisions/0040). */
  #intended = false;
  /** The user's first focus, press or key in the widget, or a need of the widget's own: what only a user who goes on needs loads now. */
  readonly #intent = (): void => {
    if (this.#intended) return;
    this.#intended = true;
    for (const type of INTENT) this.removeEventListener(type, this.#intent, true);
    this.#languageChoice.fill();
    this.#prepare();
  };
  /** The only owner of focus and of the one live region. */
  #focus = new FocusController(this, {
    view: () => {
      const session = this.#session.current;
      // The page for documents sent later is one view: the form's steps behind it are never announced.
      if (session && this.#followUpLink()) return { key: 'follow-up', title: () => '' };
      return session?.view(!this.#late.parts || session.formPackage.submissionLoader?.ready() === false) ?? null;
    },
    locale: () => this.#session.current?.locale ?? this.lang,
  });
  #drafts = new DraftController(this, {
    session: () => this.#session.current,
    restart: (restored) => this.#session.current?.start(restored),
    focus: this.#focus,
    now: () => this.now(),
    leave: (url) => this.leave(url),
    late: () => this.#late.parts,
  });
  #fields = new FieldWiring(this, this.#focus);
  #submitter = new Submitter(this, {
    session: () => this.#session.current,
    files: () => this.#fields.files,
    focus: this.#focus,
  });
  #session = new SessionController(this, {
    now: () => this.now(),
    prefill: () => this.prefill,
    begin: async (formPackage) => {
      const restored = await this.#drafts.begin(formPackage, this.prefill);
      // A draft found (restored, offered, or this form open in another tab): the user is coming back to it.
      if (restored || this.#drafts.choosing || this.#drafts.readOnly) this.#intent();
      return restored;
    },
    started: (actor) => {
      actor.subscribe(() => this.requestUpdate());
      this.#drafts.attach(actor);
    },
    fingerprint: (submission) => this.#late.parts?.submissionFingerprint(submission) ?? null,
    sending: () => this.#late.parts?.sending,
    items: () => this.#late.parts?.itemChanges,
    updateRelevance: () => this.#late.parts?.updateRelevance,
    sendSubmission: this.#submitter.actor,
    announce: (text) => this.#focus.announce(text),
    redraw: () => this.requestUpdate(),
    original: () => this.#original,
  });

  /** The first step the host's server drew (declarative shadow DOM), shown until this view replaces it. */
  #takeover = new Takeover(this, {
    status: () => this.status,
    session: () => this.#session.current,
    focus: this.#focus,
    flush: () => this.isUpdatePending && this.performUpdate(),
  });

  constructor() {
    super();
    this.form = '';
    this.lang = 'nb';
    this.variant = 'standard';
    this.scrollOffset = 0;
    this.status = 'loading';
    this.now = () => new Date();
    for (const type of INTENT) this.addEventListener(type, this.#intent, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#hashChanged);
    // A first step drawn before the widget ran (decisions 0041, 0044) shows one name in its menu too.
    if (!this.#intended) this.#languageChoice.drawOneFirst();
    if (this.form && !this.#session.current) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#hashChanged);
  }

  /** Documents sent later (decision 0035): the receipt's link, as an attribute or in the page's fragment. */
  #followUpLink(): string | undefined {
    return this.getAttribute('follow-up') ?? /^#ettersending=([\w.-]+)$/.exec(location.hash)?.[1];
  }

  /** The receipt's link opens in the same page: only its fragment changes. */
  readonly #hashChanged = (): void => this.requestUpdate();
  #followUp: { render(): TemplateResult; readonly host: { link: string } } | null = null;

  /** Node draws the first step with a session it made (packages/tools/src/first-step.ts); the browser never calls this. */
  static drawFirstStep(element: KlarSkjema, session: Session): TemplateResult {
    element.#session.current = session;
    element.#languageChoice.drawOneOnly();
    element.status = 'ready';
    return element.render();
  }

  /** The machine's current snapshot (for hosts and tests); it holds the answers, so hosts should not log it. */
  get snapshot(): Snapshot | undefined {
    return this.#session.current?.snapshot;
  }

  /** Files the user chose, by "field/document", for the host or receiver to send. */
  get files(): ReadonlyMap<string, readonly File[]> {
    return this.#fields.files;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && changed.get('form') !== undefined && this.form) void this.#load();
    const session = this.#session.current;
    if (changed.has('lang') && session && this.lang && this.lang !== session.locale) void session.setLocale(this.lang);
    // Only a number given wins over the host's CSS length (--klar-scroll-offset, which may use env() and calc()).
    if (changed.has('scrollOffset'))
      if (this.scrollOffset > 0) this.style.setProperty('--klar-scroll-offset', `${this.scrollOffset}px`);
      else this.style.removeProperty('--klar-scroll-offset');
  }

  async #load(): Promise<void> {
    this.status = 'loading';
    // The page for documents sent later is drawn by the late chunk: it loads beside the form package.
    if (this.#followUpLink()) this.#intent();
    const result = await this.#session.load(this.form, this.lang, this.variant);
    if (result === 'stale') return;
    // Register values to confirm are drawn by the late chunk: with them, the first step waits for it (a failed
    // load leaves ordinary fields with the register's values in them, which the user can still check).
    if (result === 'ready' && this.prefill && Object.keys(this.prefill).length > 0) {
      this.#intent();
      await loadLate().catch(() => null);
    }
    this.status = result;
    const session = this.#session.current;
    if (result === 'ready' && session) {
      emit(this, 'klar-ready', { form: session.definition.id });
      // Intent shown while the form loaded: what it asks for follows the first step, not before it.
      return void this.updateComplete.then(() => this.#intended && this.#prepare());
    }
    emit(this, 'klar-load-error', { form: this.form });
    // The host's message is seen in the load-error slot, and said in the live region.
    await this.updateComplete;
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="load-error"]');
    this.#focus.announce((slot?.assignedNodes({ flatten: true }) ?? []).map((node) => node.textContent).join(' '), {
      urgent: true,
    });
  }

  /**
   * What the user's intent loads (docs/decisions/0040): the late chunk, and with it (rest.ts) the dependency graph
   * the first answer needs, the rest of the package, the whole-submission check (only Send needs it) and the texts
   * of the languages this browser prefers, so that none of it holds up typing (decision 0037); what Continue will
   * draw is prepared at idle after each render (prepare-ahead.ts). Before the form is ready, the late chunk only:
   * the rest follows the first step.
   */
  #prepare(): void {
    this.#late.load();
    const session = this.#session.current;
    if (this.status !== 'ready' || !session) return;
    void loadLate().then(
      (late) => late.prepareRest(this, session, () => this.requestUpdate()),
      () => undefined,
    );
  }

  /**
   * The late chunk's parts, once the texts they draw are here too: what comes after the first step (decision
   * 0038), which this asks for (once: the session keeps the load; while the user's intent has it waiting for a
   * pause in typing, only `now` asks) and draws again when it is here. Before intent
   * (decision 0040) the parts are not here, so nothing is asked for. The review page and the receipt need no
   * wait: they come after Next (which waits) or a draft (which loads it first).
   */
  #lateFor(session: Session, parts = this.#late.parts, now = false): LateParts | null {
    if (!parts) return null;
    if (session.laterReady()) return parts;
    // The rest waits for a pause in typing (rest.ts): a render does not ask for it meanwhile.
    if (!now && parts.restWaits(session)) return null;
    session.loadLater().then(
      () => this.requestUpdate(),
      () => undefined,
    );
    return null;
  }

  /** Whether Send can check the whole submission; if not, a load starts (again, after a failure). */
  #submissionCheck(session: Session): boolean {
    const loader = session.formPackage.submissionLoader;
    if (!loader || loader.ready()) return true;
    loader.load().then(
      () => this.requestUpdate(),
      () => undefined,
    );
    return false;
  }

  // ---- Navigation: the user's own moves, and where focus goes after each ----

  #continue(event: Event, session: Session): void {
    event.preventDefault();
    const before = session.view().key;
    session.send({ type: 'NEXT' });
    // The step has no errors, but the next one's validators and texts are on their way (decision 0038): Next
    // goes on once they are here, once however often it was pressed; a failed load is tried on the next press.
    if (session.view().key === before && session.snapshot.context.errors.length === 0 && !session.laterReady()) {
      // Said and shown while it waits, and what to do if it cannot come (the next press tries again).
      this.#nextWaits = 'waiting';
      this.requestUpdate();
      this.#focus.announce(session.texts.t('widget:lateLoading'));
      return void session.loadLater().then(
        () => {
          this.#nextWaits = null;
          if (session.view().key === before) this.#continue(event, session);
        },
        () => {
          this.#nextWaits = 'failed';
          this.requestUpdate();
          this.#focus.announce(session.texts.t('widget:nextFailed'), { urgent: true });
        },
      );
    }
    this.#nextWaits = null;
    this.#focus.moveAfterRender(session.view().key === before ? 'summary' : 'heading');
  }

  /** Next waits for the rest of the package (decision 0038), or could not get it. */
  #nextWaits: 'waiting' | 'failed' | null = null;

  #back(session: Session): void {
    session.send({ type: 'BACK' });
    this.#focus.moveAfterRender('heading');
  }

  // ---- Rendering ----

  /** What the plain switch changes on the view, from its last render (plain-switch.ts, in the late chunk). */
  #plain = { changed: 0, missing: 0 };

  protected override updated(): void {
    const session = this.#session.current;
    const late = this.#late.parts;
    // The graph the first answer needs and what Continue will draw, prepared at idle (prepare-ahead.ts).
    late?.prepareAhead(session, this.#fields);
    // Said after the view is drawn in plain, so it says what happened: texts changed, or none could be.
    if (!session?.plainPending || !late || session.variant !== 'plain') return;
    session.plainPending = false;
    const said = late.plainSaid(session, this.#plain);
    // The live region is drawn by this element: said once this update is done, not during it.
    void this.updateComplete.then(() => this.#focus.announce(said));
  }

  protected override render(): TemplateResult {
    // The live region stays on the page from the first render on, whichever view is shown.
    return html`${this.#focus.region()}${this.#view()}`;
  }

  #view(): TemplateResult {
    const session = this.#session.current;
    if (this.#takeover.waiting) return html``;
    if (this.#drafts.exited) return html`<div class="root"></div>`;
    // This form open in another tab too: the late chunk's warnings say so.
    if (this.#drafts.tabs.readOnly || this.#drafts.tabs.otherTab) this.#late.need();
    if (this.status === 'failed') return html`<div class="root"><slot name="load-error"></slot></div>`;
    if (this.status === 'loading' || !session) {
      return html`<div class="root" aria-busy="true"><slot name="loading"></slot></div>`;
    }
    const { texts, locale, phase } = session;
    const late = this.#late.parts;
    // Help and privacy under the step draw texts of the rest (decision 0038): they wait for it.
    const later = this.#lateFor(session);
    const followUp = this.#followUpLink();
    session.shown.clear();
    const plainFrom = () => session.setVariant('plain', session.plainFrom ? null : 'nb');
    const toggleOriginal = () => {
      this.#original = !this.#original;
      this.requestUpdate();
    };
    const top = this.#drafts.renderTop(texts);
    const bar = toolbar(session, this.#languageChoice, this.#original, toggleOriginal);
    const content = followUp
      ? this.#renderFollowUp(session, followUp)
      : this.#drafts.choosing
        ? this.#drafts.renderOffer(texts)
        : html`
      ${phase === 'filling' ? this.#renderStep(session) : nothing}
      ${phase === 'review' || phase === 'submitting' || phase === 'failed' ? this.#renderReview(session) : nothing}
      ${later && phase !== 'submitted' ? html`<div class="step-help">${later.stepHelp(this.#lateHost(session))}</div>` : nothing}
      ${phase === 'submitted' ? this.#renderReceipt(session) : this.#drafts.renderBottom(texts)}`;
    // Once the view's texts are looked up (above): what plain changes on it, for the note and the live region.
    const plain = late && session.variant === 'plain';
    if (plain) this.#plain = late.plainReport(session);
    return html`<div class="root" lang=${locale} dir=${directionOf(locale)} part="root">
      ${top}
      <div class="views" ?inert=${this.#drafts.readOnly}>
      ${bar}
      ${plain ? late.plainNote(session, this.#plain, plainFrom) : nothing}
      ${content}
      </div>
    </div>`;
  }

  #heading(session: Session, keys: string | string[], values: Record<string, unknown> = {}): TemplateResult {
    return html`<h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${session.show(keys, values)}</h2>`;
  }

  #renderStep(session: Session): TemplateResult {
    const { definition, texts } = session;
    const { context } = session.snapshot;
    const step = definition.steps.find((s) => s.id === context.step);
    const { current, total } = session.progress();
    const host = this.#fields.fieldHost(session);
    const fields = step?.fields.filter((field) => context.relevance.fields.includes(field.id)) ?? [];
    // Documents and lists of items are drawn by the late chunk: a step with one cannot wait for intent.
    const late = fields.some((field) => field.kind === 'attachments' || field.kind === 'group')
      ? this.#late.need()
      : this.#late.parts;
    // A step's heading may name answers too (decision 0021).
    const values = textValuesFor(host, '', [`${definition.id}:steps.${context.step}.title`]);
    const prefill = {
      state: context.prefill,
      confirm: (field: FieldDefinition, confirmed: boolean) =>
        session.send({ type: 'CONFIRM_PREFILL', field: field.id, confirmed }),
    };
    return html`<form class="step" novalidate @submit=${(event: Event) => this.#continue(event, session)} aria-labelledby="ks-heading">
      <p class="progress" part="progress">${session.show('widget:progress', { current, total })}</p>
      ${errorSummary(
        texts,
        context.errors,
        (error) => errorText(texts, definition, error),
        (id) => this.#focus.move({ id }),
      )}
      ${this.#heading(session, namedKeys(texts, `${definition.id}:steps.${context.step}.title`, values), values)}
      ${fields.map((field) => {
        const place = { path: `/${field.id}`, value: context.answers[field.id] };
        return late && context.prefill[field.id]
          ? late.prefillableField(host, prefill, field, place)
          : renderField(host, field, place);
      })}
      ${this.#nextWaits ? html`<p class="panel">${session.show(this.#nextWaits === 'failed' ? 'widget:nextFailed' : 'widget:lateLoading')}</p>` : nothing}
      <div class="actions" part="actions">
        <button type="submit" class="button" part="button">${session.show('widget:actions.next')}</button>
        ${current > 1 ? html`<button type="button" class="button button--secondary" part="button" @click=${() => this.#back(session)}>${session.show('widget:actions.back')}</button>` : nothing}
      </div>
    </form>`;
  }

  /** The heading, the intro and Back are here at once; the rest and Send come with the late chunk (late-views.ts). */
  #renderReview(session: Session): TemplateResult {
    const late = this.#late.need();
    const host = this.#lateHost(session);
    const checkable = this.#submissionCheck(session);
    return html`<div class="review">
      ${this.#heading(session, 'widget:review.title')}
      <p>${session.show('widget:review.intro')}</p>
      ${late && checkable ? late.reviewView(host) : html`<p class="panel">${session.show('widget:lateLoading')}</p>`}
      <div class="actions" part="actions">
        ${late && checkable ? late.sendView(host) : nothing}
        <button type="button" class="button button--secondary" part="button" ?disabled=${session.phase === 'submitting'} @click=${() => this.#back(session)}>${session.show('widget:actions.back')}</button>
      </div>
    </div>`;
  }

  #renderReceipt(session: Session): TemplateResult {
    const late = this.#late.need();
    if (late) return late.receipt(this.#lateHost(session));
    return html`<div class="receipt">${this.#heading(session, 'widget:receipt.title')}
      <p class="panel">${session.show('widget:lateLoading')}</p></div>`;
  }

  #renderFollowUp(session: Session, link: string): TemplateResult {
    const late = this.#lateFor(session, this.#late.need(), true);
    if (!late) return html`<p class="panel">${session.show('widget:lateLoading')}</p>`;
    if (this.#followUp?.host.link !== link)
      this.#followUp = late.followUpPage(this.#lateHost(session), link, () => this.requestUpdate());
    return this.#followUp.render();
  }

  #lateHost(session: Session): LateHost {
    return { session, focus: this.#focus, contact: this.contact, status: this.#submitter.status, element: this };
  }
}

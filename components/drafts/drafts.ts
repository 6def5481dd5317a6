// Drafts in the widget (docs/users.md N12, N13): saving as the user goes, resuming, "Gå ut og slett", and
// two tabs with the same form. A Lit controller, so <klar-skjema> wires it in with a few lines; the
// stores, the saver and the tab guard are in src/drafts/. docs/decisions/0008-drafts.md. The resume offer,
// the warnings, the save status under a step and the server store come with the late chunk (drafts-views.ts;
// docs/decisions/0012-lazy-chunks.md).
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Actor } from 'xstate';
import type { Texts } from '../../src/browser/i18n.ts';
import type { Answers } from '../../src/engine/answers.ts';
import type { FormPackage } from '../../src/engine/form-package.ts';
import type { WizardMachine } from '../../src/engine/machine.ts';
import { Autosave, type SaveStatus } from '../../src/drafts/autosave.ts';
import { draftOf, newest, type Draft, type Restored } from '../../src/drafts/draft.ts';
import {
  MemoryDraftStore,
  UnreadableDraft,
  WebStorageDraftStore,
  type DraftStore,
  type DraftStoreKind,
} from '../../src/drafts/stores.ts';
import { TabGuard, type TabState } from '../../src/drafts/two-tabs.ts';
import { formatTime } from '../../src/i18n/format.ts';
import { show } from '../fields/text.ts';
import { lateParts, loadLate, type LateParts } from '../klar-skjema/late-loader.ts';
import type { Focus, FocusTarget } from '../klar-skjema/focus.ts';
import type { DraftDates } from './drafts-views.ts';
import { phaseOf, type Session, type Snapshot } from '../klar-skjema/session.ts';

export const DEFAULT_EXIT_URL = 'https://www.yr.no/';
/** The parts of the machine's context a draft keeps (draftOf, src/drafts/draft.ts). */
const DRAFT_PARTS = [
  'answers',
  'unsure',
  'answeredIn',
  'step',
  'visited',
  'locale',
  'variant',
  'startedAt',
  'help',
  'prefill',
  'tried',
  'earlierIds',
] as const;
export const DEFAULT_REMEMBER_DAYS = 14;

export interface DraftsWiring {
  /** The form's session once it is ready (null while it loads). */
  session(): Session | null;
  /** Starts the machine again from a restored draft. */
  restart(restored: Restored): void;
  /** Focus and the live region (components/klar-skjema/focus.ts). */
  focus: Focus;
  now(): Date;
  /** Leaves the page for the neutral address. */
  leave(url: string): void;
  /** The late chunk's parts (the drafts' views, the server store), or null while they load. */
  late(): LateParts | null;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Only http(s): a host's typo must not turn the exit into a javascript: link. */
/**
 * A stored draft is read with the late chunk's parseDraft: only a visit that finds one waits for it, and such a
 * visit waits for the chunk anyway (the other steps' validators, the notices; decision 0019). If the chunk cannot
 * load, the draft counts as one we cannot read now, so nothing is written over it (as the server store's).
 */
async function readLate(stored: string, formId: string): Promise<Draft> {
  const late = await loadLate().catch(() => null);
  if (!late) throw new UnreadableDraft('The code that reads a stored draft did not load.');
  return late.readDraft(stored, formId);
}

function exitUrl(value: string | null): string {
  try {
    const url = new URL(value ?? DEFAULT_EXIT_URL, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_EXIT_URL;
  } catch {
    return DEFAULT_EXIT_URL;
  }
}

export class DraftController implements ReactiveController {
  /** A draft from this device or the server, waiting for "Fortsett" or "Begynn på nytt". */
  offer: Draft | null = null;
  /** The user left with "Gå ut og slett": nothing more is shown or saved. */
  exited = false;
  status: SaveStatus = { state: 'idle' };
  tabs: TabState = { readOnly: false, otherTab: false };
  /** What a restored draft could not bring back. */
  notice: { reanswer: string[]; files: string[] } | null = null;
  /** The server's drafts could not be read, so none is written there: nothing silently overwritten. */
  serverUnreadable = false;
  /**
   * Stores that hold a draft this widget cannot read (a newer format, an error page with 200). Nothing is
   * written to them, and they are not cleared, until the user chooses "Begynn på nytt".
   */
  unreadable = new Set<DraftStoreKind>();
  /** The user is asked what to do about an unreadable draft (instead of the form). */
  askUnreadable = false;

  #package: FormPackage | null = null;
  #prefill: Answers = {};
  #memory = new MemoryDraftStore();
  #session: DraftStore | null = null;
  #device: WebStorageDraftStore | null = null;
  #server: DraftStore | null = null;
  #remember = false;
  #active = false;
  #cleared = false;
  #noticeStep = '';
  #unsubscribe: (() => void) | null = null;
  #tabs: TabGuard | null = null;
  #autosave: Autosave;
  #started = false;
  #offerAnnounced = false;
  /** The draft as the machine started (the snapshot, and its text once asked), and whether the user has changed anything since. */
  #baseline: { snapshot: Snapshot; remember: boolean; text?: string } | null = null;
  #touched = false;

  constructor(
    readonly host: Host,
    readonly wiring: DraftsWiring,
  ) {
    host.addController(this);
    this.#autosave = new Autosave({
      stores: () => this.#stores(),
      onStatus: (status) => {
        const failedBefore = this.status.state === 'failed';
        this.status = status;
        const texts = this.wiring.session()?.texts;
        if (status.state === 'failed' && !failedBefore && texts)
          this.wiring.focus.announce(texts.t('widget:drafts.saveFailed', { time: this.#clock(status.at) }), {
            urgent: true,
          });
        host.requestUpdate();
      },
      now: () => wiring.now(),
    });
  }

  get readOnly(): boolean {
    return this.tabs.readOnly;
  }

  get rememberDays(): number {
    const days = Number(this.host.getAttribute('remember-days') ?? DEFAULT_REMEMBER_DAYS);
    return Number.isFinite(days) && days >= 0 ? Math.floor(days) : DEFAULT_REMEMBER_DAYS;
  }

  /** Instead of the form: a saved draft is offered, or an unreadable one needs the user's word. */
  get choosing(): boolean {
    return this.offer !== null || this.askUnreadable;
  }

  /** May this store be written to or cleared without asking? Not when it holds what we could not read. */
  #writable(store: DraftStore | null): DraftStore | null {
    if (!store || this.unreadable.has(store.kind) || (store.kind === 'server' && this.serverUnreadable)) return null;
    return store;
  }

  #stores(): DraftStore[] {
    return [
      this.#memory,
      this.#writable(this.#session),
      this.#remember ? this.#writable(this.#device) : null,
      this.#writable(this.#server),
    ].filter((store): store is DraftStore => store !== null);
  }

  /** A store's draft; an unreadable one marks the store (see `unreadable`), another failure gives null. */
  async #load(store: DraftStore | null): Promise<Draft | null> {
    if (!store) return null;
    try {
      return await store.load();
    } catch (error) {
      if (error instanceof UnreadableDraft) this.unreadable.add(store.kind);
      else if (store.kind === 'server') this.serverUnreadable = true;
      return null;
    }
  }

  /**
   * Before the machine starts: a draft in this tab (a reload) comes back silently; a draft on this
   * device or the server is offered, and nothing is saved until the user has chosen.
   */
  async begin(formPackage: FormPackage, prefill: Answers = {}): Promise<Restored | null> {
    const { id } = formPackage.definition;
    this.#package = formPackage;
    this.#prefill = prefill;
    const now = () => this.wiring.now();
    this.#session =
      this.host.getAttribute('session-draft') === 'off'
        ? null
        : new WebStorageDraftStore('session', id, () => sessionStorage, { read: readLate, now });
    this.#device = new WebStorageDraftStore('device', id, () => localStorage, {
      read: readLate,
      now,
      expiryDays: this.rememberDays || 1,
    });
    const draftUrl = this.host.getAttribute('draft-url');
    const serverUrl = draftUrl ? new URL(draftUrl, document.baseURI).href : null;
    this.#server = null;
    if (serverUrl) {
      // The server store's code is in the late chunk: if it cannot load, the server's draft cannot be read.
      const late = await loadLate().catch(() => null);
      if (late) this.#server = new late.ServerDraftStore(serverUrl, id);
      else this.serverUnreadable = true;
    }

    // Another tab with this form saves what it has first (its debounced save may be pending), so this tab
    // starts from the answers typed there a moment ago.
    await this.#guard().sync();
    // Every store is read first, so none that holds an unreadable draft is written to by mistake.
    const [here, device, server] = await Promise.all([
      this.#load(this.#session),
      this.#load(this.#device),
      this.#load(this.#server),
    ]);
    // A draft may bring the user back to any step: restoring it checks every visited step's answers, so the
    // other steps' validators come first (decision 0038); a first visit, with no draft, waits for none of them.
    if (here || device || server) await formPackage.laterLoader?.load();
    // This tab's draft comes back; it was read with the late chunk, so keepValid is here for another form
    // version's (a chunk that cannot load leaves the draft as one we cannot read now: readLate).
    if (here) {
      this.#adopt(here);
      const restored = this.#restore(here);
      if (this.notice || this.unreadable.size > 0) await this.#views();
      return restored;
    }
    this.offer = newest([device, server]);
    this.askUnreadable = this.unreadable.size > 0;
    if (!this.choosing) this.#activate();
    else await this.#views();
    return null;
  }

  /** Waits for the late chunk (loading since the form began to load), so the first render shows the offer or notice. */
  async #views(): Promise<void> {
    await loadLate().catch(() => null);
  }

  /** The machine is (re)started: follow it. */
  attach(actor: Actor<WizardMachine>): void {
    this.#unsubscribe?.();
    const subscription = actor.subscribe((snapshot) => this.#changed(snapshot));
    this.#unsubscribe = () => subscription.unsubscribe();
    this.#started = true;
    this.#baseline = null;
    this.#touched = false;
    if (this.#active) this.#startTabs();
    this.#changed(actor.getSnapshot());
  }

  #adopt(draft: Draft): void {
    this.#remember = draft.remember && this.rememberDays > 0;
  }

  #restore(draft: Draft): Restored {
    // A restored draft was read with the late chunk (readLate), so restoreDraft and keepValid are here.
    const late = lateParts();
    if (!late) throw new Error('A draft is restored only after the late chunk has read it.');
    const restored = late.restoreDraft(this.#package!, draft, this.#prefill, late.keepValid);
    this.notice =
      restored.reanswer.length + restored.chooseFilesAgain.length > 0
        ? { reanswer: restored.reanswer, files: restored.chooseFilesAgain }
        : null;
    this.#noticeStep = '';
    this.#activate();
    return restored;
  }

  #activate(): void {
    this.#active = true;
    if (this.#started) this.#startTabs();
  }

  /** Once the machine runs (texts are there to warn with): other tabs of this form hear from this one. */
  #startTabs(): void {
    this.#guard().start();
  }

  /** The tab guard of this form: asked to sync before the stores are read, started once the machine runs. */
  #guard(): TabGuard {
    // Before answering another tab (its hello, claim or sync), what is pending here is saved at once.
    this.#tabs ??= new TabGuard(this.#package!.definition.id, {
      onChange: (state) => this.#tabsChanged(state),
      release: () => {
        this.#save();
        return this.#autosave.flush();
      },
      onExit: () => void this.exit(),
    });
    return this.#tabs;
  }

  #draft(snapshot: Snapshot): Draft {
    const review = ['review', 'submitting', 'failed'].includes(phaseOf(snapshot));
    return draftOf(this.#package!.definition, snapshot.context, {
      review,
      savedAt: this.wiring.now(),
      remember: this.#remember,
    });
  }

  #save(): void {
    const snapshot = this.wiring.session()?.snapshot;
    // The draft is made when it is saved (at idle), not at every keystroke.
    if (snapshot && this.#active && !this.readOnly && !this.exited && !snapshot.matches('submitted'))
      this.#autosave.schedule(() => this.#draft(snapshot));
  }

  /** The draft's text without its time, to tell whether anything in it changed. */
  #text(snapshot: Snapshot): string {
    return this.#package ? JSON.stringify({ ...this.#draft(snapshot), savedAt: '' }) : '';
  }

  /** Has anything a draft keeps changed since the machine started? Compared as text only while nothing has. */
  #touches(snapshot: Snapshot): boolean {
    const baseline = this.#baseline!;
    const [before, after] = [baseline.snapshot.context, snapshot.context];
    // The machine gives unchanged parts of its context the same objects: with all of them the same, so is the draft.
    const same =
      DRAFT_PARTS.every((part) => before[part] === after[part]) &&
      phaseOf(baseline.snapshot) === phaseOf(snapshot) &&
      baseline.remember === this.#remember;
    if (same) return false;
    baseline.text ??= this.#text(baseline.snapshot);
    return this.#text(snapshot) !== baseline.text;
  }

  #changed(snapshot: Snapshot): void {
    if (this.#baseline === null) this.#baseline = { snapshot, remember: this.#remember };
    else if (!this.#touched) this.#touched = this.#touches(snapshot);
    const view = `${phaseOf(snapshot)}:${snapshot.context.step}`;
    if (this.notice && this.#noticeStep && this.#noticeStep !== view) this.notice = null;
    else if (this.notice) this.#noticeStep = view;
    if (snapshot.matches('submitted')) {
      // The receiver has confirmed: only now are the answers let go of.
      if (!this.#cleared) {
        this.#cleared = true;
        this.#autosave.stop();
        this.#tabs?.stop();
        void this.#clearAll(true);
      }
      return;
    }
    this.#save();
    // Sending has begun: its id is written at once, so a reload resends with the same id.
    if (snapshot.matches('submitting')) void this.#autosave.flush();
  }

  /** Clears the stores; one with an unreadable draft only on the quick exit (this device) or when the user chose to start again. */
  async #clearAll(withServer: boolean, unreadableToo = false): Promise<void> {
    const clearable = (store: DraftStore | null) =>
      unreadableToo && store?.kind !== 'server' ? store : this.#writable(store);
    const server = withServer
      ? unreadableToo && !this.serverUnreadable
        ? this.#server
        : this.#writable(this.#server)
      : null;
    const stores = [this.#memory, clearable(this.#session), clearable(this.#device), server];
    await Promise.allSettled(stores.map((store) => store?.clear()));
  }

  // ---- The user's choices ----

  /** "Fortsett": the offered draft comes back. */
  resume(): void {
    const draft = this.offer;
    if (!draft) return;
    this.offer = null;
    this.askUnreadable = false;
    this.#adopt(draft);
    this.wiring.restart(this.#restore(draft));
    this.#focusAfterUpdate(this.notice ? { id: 'ks-drafts-notice' } : 'heading');
  }

  /** "Begynn på nytt": the saved drafts are deleted (an unreadable one too, only now) and the form starts empty. */
  startAgain(): void {
    this.offer = null;
    this.askUnreadable = false;
    this.#remember = false;
    const clearing = this.#clearAll(true, true);
    this.unreadable.clear();
    this.#activate();
    // The first save once the old copies are gone, so a late DELETE cannot remove the new draft.
    void clearing.then(() => this.#save());
    this.#focusAfterUpdate('heading');
  }

  setRemember(remember: boolean): void {
    this.#remember = remember;
    // Unticked: the copy on this device goes at once, not after the expiry.
    if (!remember) void this.#device?.clear();
    const snapshot = this.wiring.session()?.snapshot;
    if (snapshot) void this.#autosave.retry(this.#draft(snapshot));
  }

  /** "Fortsett i denne fanen": the other tab saves and is locked; its newer draft is used here. */
  async useHere(): Promise<void> {
    await this.#tabs?.claim();
    await this.#takeNewer();
    this.#save();
    this.#focusAfterUpdate('heading');
  }

  /**
   * A tab that just opened heard from an older one, which has saved what it had: if the user has not
   * changed anything here yet, go on from that (it may be newer than what this tab found on load).
   */
  async #catchUp(): Promise<void> {
    if (!this.#touched) await this.#takeNewer();
  }

  /** The newest draft the other tab left in a store this tab can read, if it is newer than this tab's. */
  async #takeNewer(): Promise<void> {
    const mine = this.#autosave.lastSaved;
    // sessionStorage too: two widgets in one page share it (in two tabs it only holds this tab's own).
    const load = (store: DraftStore | null) => store?.load().catch(() => null) ?? null;
    const shared = newest(
      await Promise.all([
        load(this.#writable(this.#session)),
        load(this.#remember ? this.#writable(this.#device) : null),
        load(this.#writable(this.#server)),
      ]),
    );
    if (!shared || (mine && Date.parse(shared.savedAt) <= Date.parse(mine.savedAt))) return;
    // It may be at any step: the rest of the package first (decision 0038).
    const rest = await this.wiring
      .session()
      ?.loadLater()
      .catch(() => false);
    if (rest === false) return;
    this.#autosave.reset();
    this.wiring.restart(this.#restore(shared));
  }

  /**
   * "Gå ut og slett": forget every draft of this form on this device (this tab, other tabs, web
   * storage), show nothing more, and leave with location.replace so Back does not return. A draft on
   * the host's server stays: it is not on this device, and the user may want it on their own.
   */
  async exit(): Promise<void> {
    if (this.exited) return;
    this.exited = true;
    this.#autosave.stop();
    this.#tabs?.exit();
    this.#tabs?.stop();
    this.#unsubscribe?.();
    this.host.requestUpdate();
    // Nothing of this form stays on the device, not even a draft we could not read (the user asked for that).
    await this.#clearAll(false, true);
    this.wiring.leave(exitUrl(this.host.getAttribute('exit-url')));
  }

  // ---- Lifecycle ----

  hostConnected(): void {
    addEventListener('pagehide', this.#flush);
    document.addEventListener('visibilitychange', this.#flushWhenHidden);
    // Moved in the page: the machine was stopped, so it starts again from the copy in memory.
    if (this.#started && !this.exited) {
      // The copy in memory was saved by this widget from this form package: the same version.
      // Its own answers: past the first step only once the rest of the package was here (decision 0038).
      void this.#memory.load().then((draft) => {
        if (draft) this.wiring.restart(this.#restore(draft));
      });
    }
  }

  hostDisconnected(): void {
    this.#flush();
    removeEventListener('pagehide', this.#flush);
    document.removeEventListener('visibilitychange', this.#flushWhenHidden);
    this.#tabs?.stop();
    this.#tabs = null;
    this.#unsubscribe?.();
  }

  /** Page hidden, closed or reloaded: write what is pending now (web storage writes at once). */
  readonly #flush = (): void => {
    this.#save();
    void this.#autosave.flush();
  };

  readonly #flushWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.#flush();
  };

  hostUpdate(): void {
    // The offer is announced as it comes on screen (the live region is there already); focus stays with the
    // host page until the user acts.
    const late = this.choosing && !this.#offerAnnounced ? this.wiring.late() : null;
    const texts = this.wiring.session()?.texts;
    if (late && texts) {
      this.#offerAnnounced = true;
      const date = this.offer ? late.draftDate(new Date(this.offer.startedAt), this.#dates()) : null;
      this.wiring.focus.announce(late.offerAnnouncement(texts, this.askUnreadable, date));
    }
  }

  /** The warning or notice may wait for the late chunk: focus moves when it is there. */
  #focusAfterUpdate(target: FocusTarget): void {
    this.wiring.focus.moveAfterRender(target, { wait: () => !this.wiring.late() });
  }

  #tabsChanged(state: TabState): void {
    const was = this.tabs;
    this.tabs = state;
    const texts = this.wiring.session()?.texts;
    if (state.readOnly && !was.readOnly) {
      if (texts)
        this.wiring.focus.announce(
          `${texts.t('widget:drafts.otherTabTitle')}. ${texts.t('widget:drafts.otherTabText')}`,
          { urgent: true },
        );
      // Focus inside the widget would be lost in the locked (inert) part: it goes to the warning.
      if (this.wiring.focus.within()) this.#focusAfterUpdate({ id: 'ks-tabs-title' });
    } else if (state.otherTab && !was.otherTab && !state.readOnly) {
      if (texts) this.wiring.focus.announce(texts.t('widget:drafts.alsoOpen'));
      void this.#catchUp();
    }
    this.host.requestUpdate();
  }

  // ---- Rendering ----

  #time(date: Date, options: Intl.DateTimeFormatOptions): string {
    return formatTime(date, this.wiring.session()?.texts.locale ?? 'nb', options);
  }

  /** The time of a save, as the status under the step says it (drafts-views.ts, late chunk). */
  #clock(date: Date): string {
    return this.#time(date, { hour: '2-digit', minute: '2-digit' });
  }

  #dates(): DraftDates {
    return { now: this.wiring.now(), time: (date, options) => this.#time(date, options) };
  }

  /** Above everything: the quick exit (always in the main chunk) and warnings. */
  renderTop(texts: Texts): TemplateResult {
    const late = this.wiring.late();
    return html`<div class="drafts-top">
      <div class="exit"><button type="button" class="button button--warning button--small" part="button exit" @click=${() => void this.exit()}>${show(texts, 'widget:drafts.exit')}</button></div>
      ${
        late
          ? late.draftWarnings({
              texts,
              formId: this.#package?.definition.id ?? '',
              tabs: this.tabs,
              notice: this.offer ? null : this.notice,
              serverUnreadable: this.serverUnreadable,
              unreadable: !this.askUnreadable && this.unreadable.size > 0,
              useHere: () => void this.useHere(),
            })
          : html`${this.tabs.readOnly ? html`<p class="panel">${show(texts, 'widget:lateLoading')}</p>` : nothing}
      ${this.serverUnreadable ? html`<p class="panel">${show(texts, 'widget:drafts.loadFailed')}</p>` : nothing}`
      }
    </div>`;
  }

  /** Instead of the form, while a saved draft is offered or an unreadable one waits for the user's word. */
  renderOffer(texts: Texts): TemplateResult {
    const late = this.wiring.late();
    const title = this.askUnreadable ? 'widget:drafts.unreadableTitle' : 'widget:drafts.resumeTitle';
    if (!late) {
      return html`<div class="resume"><h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${show(texts, title)}</h2>
        <p class="panel">${show(texts, 'widget:lateLoading')}</p></div>`;
    }
    const offer = this.offer;
    return late.offerView({
      texts,
      date: offer ? late.draftDate(new Date(offer.startedAt), this.#dates()) : '',
      readable: offer !== null,
      unreadable: this.askUnreadable,
      resume: () => this.resume(),
      startAgain: () => this.startAgain(),
    });
  }

  /**
   * Under a step or the review: when the answers were saved, and the choice to keep them on this device. With
   * the late chunk (drafts-views.ts); saving goes on without it, and a failed save is said in the live region.
   */
  renderBottom(texts: Texts): TemplateResult | typeof nothing {
    const late = this.wiring.late();
    if (!late || !this.#active || this.choosing) return nothing;
    return late.savePanel({
      texts,
      status: this.status,
      rememberDays: this.rememberDays,
      remember: this.#remember,
      ...this.#dates(),
      clock: (date) => this.#clock(date),
      retry: () => {
        const snapshot = this.wiring.session()?.snapshot;
        if (snapshot) void this.#autosave.retry(this.#draft(snapshot));
      },
      setRemember: (remember) => this.setRemember(remember),
    });
  }
}

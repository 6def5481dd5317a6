// The form session: the package, the machine's actor and the texts, loaded together and handed out as one
// object that is there or not (never half), so the element and its controllers need no `!`. The session
// also keeps the language and text variant on screen: they follow the machine while it runs, and stay
// switchable on the receipt, after the machine has finished (its `submitted` state is final).
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { createActor, type Actor, type EventFrom, type SnapshotFrom } from 'xstate';
import type { FormDefinition } from '../../src/definition/types.ts';
import type { Answers } from '../../src/engine/answers.ts';
import type { FormPackage, TranslationStatus } from '../../src/engine/form-package.ts';
import { wizardMachine, type ItemChanges, type Sending, type WizardMachine } from '../../src/engine/machine.ts';
import type { UpdateRelevance } from '../../src/engine/relevance-update.ts';
import type { Submission, TextVariant } from '../../src/engine/submission.ts';
import type { Restored } from '../../src/drafts/draft.ts';
import { createTexts, textsFor, type Texts } from '../../src/browser/i18n.ts';
import type { Translator } from '../../src/i18n/translator.ts';
import { loadFormPackage, loadLocale, packageBase, type LocaleFile } from '../../src/browser/load-package.ts';
import type { LocalePart } from '../../src/engine/package-slices.ts';
import { show } from '../fields/text.ts';
import type { Submitter } from '../submit/submitter.ts';

export type Snapshot = SnapshotFrom<WizardMachine>;
export type Phase = 'filling' | 'review' | 'submitting' | 'failed' | 'submitted';
const PHASES: readonly Phase[] = ['filling', 'review', 'submitting', 'failed', 'submitted'];

/** The machine's phase (its state's name). */
export const phaseOf = (snapshot: Snapshot): Phase => PHASES.find((phase) => snapshot.matches(phase)) ?? 'filling';

export interface SessionWiring {
  now(): Date;
  prefill(): Answers | undefined;
  /** Drafts: a draft to start from, or null (it may offer one and wait for the user's word). */
  begin(formPackage: FormPackage): Promise<Restored | null>;
  /** A machine has started (again): drafts follow it. */
  started(actor: Actor<WizardMachine>): void;
  /** The submission's fingerprint (from the late chunk), or null while it is not here. */
  fingerprint(submission: Submission): string | null;
  /** Sending's bookkeeping (from the late chunk), or undefined while it is not here. */
  sending(): Sending | undefined;
  /** Adding and removing items (from the late chunk, with the group's view), or undefined while it is not here. */
  items(): ItemChanges | undefined;
  /** Relevance after one answer (from the late chunk); until it is here, the machine takes the whole pass. */
  updateRelevance(): UpdateRelevance | undefined;
  sendSubmission: Submitter['actor'];
  announce(text: string): void;
  /** Draw again: a switch the machine does not hear once it has finished (on the receipt). */
  redraw(): void;
  /** "Show Norwegian text" is on. */
  original(): boolean;
}

/** A loaded form: its package, its texts, and the machine that runs it. */
export class Session {
  readonly definition: FormDefinition;
  #actor: Actor<WizardMachine>;
  #locale: string;
  #variant: TextVariant;
  #plainFrom: 'nb' | null = null;
  #texts: Texts | null = null;
  #textsKey = '';
  /** Languages loaded as their start slice (decision 0038) whose rest has not arrived yet. */
  readonly #sliced: Set<string>;
  /** The newest language chosen, and the language files on their way. */
  #wanted = '';
  readonly #loading = new Map<string, Promise<void>>();
  /** The texts the view looked up in its last render, by key: what the plain switch can change (decision 0030). */
  readonly shown = new Map<string, [keys: string | string[], params: Record<string, unknown>]>();
  /** The plain switch was used: the live region says what it did once the view has been drawn in the new variant. */
  plainPending = false;

  constructor(
    readonly formPackage: FormPackage,
    readonly i18n: Translator,
    readonly base: string,
    /** Translation status by loaded locale. */
    readonly status: Map<string, TranslationStatus>,
    readonly wiring: SessionWiring,
    restored: Restored,
    sliced: Iterable<string> = [],
  ) {
    this.#sliced = new Set(sliced);
    this.definition = formPackage.definition;
    this.#locale = i18n.language;
    this.#variant = restored.input.variant ?? 'standard';
    this.#actor = this.#create(restored);
  }

  /** The running machine; a restored draft starts another (`start`). */
  get actor(): Actor<WizardMachine> {
    return this.#actor;
  }

  get snapshot(): Snapshot {
    return this.actor.getSnapshot();
  }

  get phase(): Phase {
    return phaseOf(this.snapshot);
  }

  /** The language on screen. */
  get locale(): string {
    return this.#locale;
  }

  /** The text variant on screen. */
  get variant(): TextVariant {
    return this.#variant;
  }

  /** nb's plain text is shown where the language has no plain text of its own. */
  get plainFrom(): 'nb' | null {
    return this.#plainFrom;
  }

  /** The texts in the language and variant on screen. */
  get texts(): Texts {
    const key = `${this.i18n.language}:${this.#variant}:${this.#plainFrom}`;
    if (!this.#texts || this.#textsKey !== key) {
      const seen = (keys: string | string[], params: Record<string, unknown>) =>
        this.shown.set(String(keys), [keys, params]);
      this.#texts = textsFor(this.i18n, this.#variant, { ...(this.#plainFrom ? { plainFrom: 'nb' } : {}), seen });
      this.#textsKey = key;
    }
    return this.#texts;
  }

  /** A text for the screen, with the Norwegian original when the user asked for it. */
  show(keys: string | string[], params?: Record<string, unknown>): TemplateResult {
    return show(this.texts, keys, params, { original: this.wiring.original() });
  }

  /** The standard text even in the plain variant: a declaration shows the wording the user confirms (decision 0031). */
  showStandard(keys: string | string[], params?: Record<string, unknown>): TemplateResult {
    return show(textsFor(this.i18n, 'standard'), keys, params, { original: this.wiring.original() });
  }

  /** Sends to the machine while it runs (a finished one hears nothing). */
  send(event: EventFrom<WizardMachine>): void {
    if (this.snapshot.status === 'active') this.actor.send(event);
  }

  /** A machine for the form, from scratch or from a draft. */
  start(restored: Restored): void {
    this.#actor.stop();
    this.#actor = this.#create(restored);
    this.wiring.started(this.#actor);
    const { locale } = restored.input;
    if (locale && locale !== this.i18n.language) void this.setLocale(locale);
  }

  #create(restored: Restored): Actor<WizardMachine> {
    // The fingerprint and sending's bookkeeping come with the late chunk: they are needed only at Send, after the
    // review page has waited for it.
    const machine = wizardMachine(this.formPackage, {
      now: () => this.wiring.now(),
      fingerprint: (submission) => this.wiring.fingerprint(submission),
      sending: () => this.wiring.sending(),
      items: () => this.wiring.items(),
      updateRelevance: () => this.wiring.updateRelevance(),
      laterReady: () => this.laterReady(),
    });
    const actor = createActor(machine.provide({ actors: { sendSubmission: this.wiring.sendSubmission } }), {
      input: { ...restored.input, prefill: this.wiring.prefill() },
    });
    const follow = ({ context }: Snapshot) => {
      this.#locale = context.locale;
      this.#variant = context.variant;
      this.#plainFrom = context.plainFrom;
    };
    actor.subscribe(follow);
    actor.start();
    if (restored.review) actor.send({ type: 'REVIEW' });
    follow(actor.getSnapshot());
    return actor;
  }

  /** The languages loaded as their start slice whose rest has not arrived (decision 0038). */
  get sliced(): readonly string[] {
    return [...this.#sliced];
  }

  /** Whether what comes after the first step is here: the other steps' validators and the rest of the texts. */
  laterReady(): boolean {
    return this.#sliced.size === 0 && (this.formPackage.laterLoader?.ready() ?? true);
  }

  /**
   * Loads what comes after the first step (decision 0038): the other steps' field validators, and the rest of each
   * language that came as its start slice. Each once; a failed one is tried again on the next call.
   */
  loadLater(): Promise<unknown> {
    return Promise.all([
      this.formPackage.laterLoader?.load(),
      ...[...this.#sliced].map((lng) => this.#fetch(lng, 'later').then(() => this.#sliced.delete(lng))),
    ]);
  }

  /** Fetches a language's texts once; a failed fetch can be tried again. */
  prefetch(locale: string): Promise<void> {
    return this.status.has(locale) ? Promise.resolve() : this.#fetch(locale);
  }

  /** A language's texts, or a part of them (decision 0038), fetched once (again after a failure) and added. */
  #fetch(locale: string, part?: LocalePart): Promise<void> {
    const key = `${locale} ${part}`;
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = loadLocale(this.base, locale, part).then(
        (file) => {
          for (const [namespace, texts] of Object.entries(file.resources))
            this.i18n.addResourceBundle(locale, namespace, texts);
          // The status is in the start slice (and the whole file), not in the rest.
          if (part !== 'later') this.status.set(locale, file.status);
        },
        (error: unknown) => {
          this.#loading.delete(key);
          throw error;
        },
      );
      this.#loading.set(key, loading);
    }
    return loading;
  }

  /**
   * The languages this browser prefers that the form has besides the one on screen (at most two), fetched ahead
   * (on the user's intent, docs/decisions/0040), so switching to one does not wait for the network.
   */
  prefetchPreferred(preferred: readonly string[] = navigator.languages): void {
    const wanted = preferred
      .map((tag) => tag.toLowerCase().split('-')[0]!)
      .map((lng) => (lng === 'no' ? 'nb' : lng))
      .filter((lng) => lng !== this.#locale && this.definition.locales.includes(lng));
    for (const lng of [...new Set(wanted)].slice(0, 2)) this.prefetch(lng).catch(() => undefined);
  }

  /**
   * Switches language. The newest choice wins: a language whose texts arrive after a later choice is not
   * shown (files can arrive out of order on a slow line). False when the texts could not be fetched.
   */
  async setLocale(locale: string): Promise<boolean> {
    const target = this.definition.locales.includes(locale) ? locale : 'nb';
    this.#wanted = target;
    try {
      await this.prefetch(target);
    } catch {
      if (this.#wanted === target) this.wiring.announce(this.texts.t('widget:languageFailed'));
      return false;
    }
    if (this.#wanted === target) this.#switchTo(target);
    return true;
  }

  /**
   * Switches language at once when its texts are here (prefetched on intent, decision 0040), so the choice and
   * the switch are drawn in one update; false, with nothing done, when they must be fetched (setLocale then).
   */
  switchLocaleNow(locale: string): boolean {
    const target = this.definition.locales.includes(locale) ? locale : 'nb';
    if (!this.status.has(target)) return false;
    this.#wanted = target;
    this.#switchTo(target);
    return true;
  }

  #switchTo(target: string): void {
    this.i18n.changeLanguage(target);
    this.send({ type: 'SET_LOCALE', locale: target });
    this.#locale = target;
    // Said in the new language, so the user hears that the switch worked.
    this.wiring.announce(this.texts.t('widget:languageChanged'));
  }

  /** Standard or plain; plain with nb's plain text where the language has none, when the user asks for it. */
  setVariant(variant: TextVariant, plainFrom: 'nb' | null = null): void {
    this.send({ type: 'SET_VARIANT', variant, ...(plainFrom ? { plainFrom } : {}) });
    this.#variant = variant;
    this.#plainFrom = variant === 'plain' ? plainFrom : null;
    // What plain changed is known once the view is drawn in it (the element asks plain-switch.ts then).
    if (variant === 'plain') this.plainPending = true;
    else this.wiring.announce(this.texts.t('widget:variantChanged.standard'));
    this.wiring.redraw();
  }

  /** A translation no human has reviewed yet; unknown status counts as a draft. */
  isDraftTranslation(): boolean {
    if (this.#locale === 'nb') return false;
    const status = this.status.get(this.#locale) ?? {};
    return [this.definition.id, 'widget'].some((namespace) => status[namespace] !== 'reviewed');
  }

  /** "Step 2 of 4". */
  progress(): { current: number; total: number } {
    const { relevance, step } = this.snapshot.context;
    return { current: relevance.steps.indexOf(step) + 1, total: relevance.steps.length };
  }

  /**
   * The view on screen, and what is said when the user arrives there. `waiting`: the late chunk is not here,
   * so the review page and the receipt show only their heading and "loading" (said too).
   */
  view(waiting = false): { key: string; title: () => string } {
    const { step } = this.snapshot.context;
    const { phase, texts } = this;
    const title = (key: string) => (waiting ? `${texts.t(key)} ${texts.t('widget:lateLoading')}` : texts.t(key));
    return {
      key: `${phase}:${step}`,
      title: () =>
        phase === 'filling'
          ? texts.t('widget:stepAnnouncement', {
              ...this.progress(),
              title: texts.t(`${this.definition.id}:steps.${step}.title`),
            })
          : phase === 'review' || phase === 'submitted'
            ? title(phase === 'review' ? 'widget:review.title' : 'widget:receipt.title')
            : '',
    };
  }
}

type Host = ReactiveControllerHost & HTMLElement;

/** Loads the form package and its texts, and starts the machine; `current` is the session once it is ready. */
export class SessionController implements ReactiveController {
  current: Session | null = null;
  #loads = 0;

  constructor(
    readonly host: Host,
    readonly wiring: SessionWiring,
  ) {
    host.addController(this);
  }

  /**
   * Loads the form at this address in this language and variant. The form can change while a load is under
   * way (a host sets the attribute after upgrade): only the newest load may finish ('stale' for the others),
   * or one form's definition would meet another form's texts.
   */
  async load(form: string, lang: string, variant: TextVariant): Promise<'ready' | 'failed' | 'stale'> {
    const load = ++this.#loads;
    this.current?.actor.stop();
    const base = packageBase(form);
    // The starting texts are asked for beside the package, not after it (a draft may still choose another):
    // only their start slice, what the first step draws (decision 0038); the rest comes after it.
    const early = new Map<string, Promise<LocaleFile>>();
    const localeFile = (lng: string): Promise<LocaleFile> => {
      let file = early.get(lng);
      if (!file) early.set(lng, (file = loadLocale(base, lng, 'start')));
      return file;
    };
    for (const lng of new Set(['nb', lang])) if (/^[a-z]{2,3}$/.test(lng)) localeFile(lng).catch(() => undefined);
    try {
      const formPackage = await loadFormPackage(base);
      if (load !== this.#loads) return 'stale';
      const restored: Restored = (await this.wiring.begin(formPackage)) ?? {
        input: { variant: variant === 'plain' ? 'plain' : 'standard' },
        review: false,
        reanswer: [],
        chooseFilesAgain: [],
      };
      if (load !== this.#loads) return 'stale';
      const requested = restored.input.locale ?? lang;
      const locale = formPackage.definition.locales.includes(requested) ? requested : 'nb';
      const files = Object.fromEntries(
        await Promise.all([...new Set(['nb', locale])].map(async (lng) => [lng, await localeFile(lng)] as const)),
      );
      if (load !== this.#loads) return 'stale';
      const entries = Object.entries(files);
      const i18n = await createTexts(
        formPackage.definition.id,
        locale,
        Object.fromEntries(entries.map(([lng, file]) => [lng, file.resources])),
      );
      if (load !== this.#loads) return 'stale';
      const status = new Map(entries.map(([lng, file]) => [lng, file.status]));
      const input = { ...restored, input: { ...restored.input, locale } };
      // A package with validators-later.js has start slices; one built before 0.2.0 has neither.
      const session = new Session(
        formPackage,
        i18n,
        base,
        status,
        this.wiring,
        input,
        formPackage.laterLoader ? Object.keys(files) : [],
      );
      // With a draft, the first view may be any step: everything is here before it is drawn (the drafts
      // controller has loaded the other steps' validators to restore it).
      if (formPackage.laterLoader?.ready()) await session.loadLater();
      if (load !== this.#loads) {
        session.actor.stop();
        return 'stale';
      }
      this.current = session;
      this.wiring.started(this.current.actor);
      return 'ready';
    } catch {
      return load === this.#loads ? 'failed' : 'stale';
    }
  }

  hostDisconnected(): void {
    this.current?.actor.stop();
  }
}

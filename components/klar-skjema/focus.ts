// Focus and announcements for the whole widget, in one place (docs/design.md, issue 14): the only code that
// calls .focus(), and the owner of the widget's two live regions, one polite and one assertive (issue 19: one
// voice). Every part asks it through `Focus` (the late chunk's parts get it on their host object), so focus
// and what screen readers hear follow the same rules:
// - On a new view (step, review, receipt), focus goes to its heading (tabindex=-1) when the user moved
//   there, and the view is announced in the polite live region (GOV.UK pattern).
// - After a failed Continue, focus goes to the error summary, which lists every error.
// - The host page is never scrolled to the top: only the focused element is scrolled into view, and only if
//   it is not already visible, clear of the host's sticky or fixed bars (measured: host-bars.ts) and of
//   scroll-offset. The same holds when the user tabs, in both directions (WCAG 2.2, 2.4.11): the browser's
//   own scroll may leave the element under a sticky header, so it is checked once it has scrolled.
// - Nothing is focused on first load: the host page owns focus until the user acts.
// - What is said is short, said once, and in the language on screen: a text said in another language is
//   dropped when the language changes (issue 16, item 7), and a text asked for twice in one update is said once.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { directionOf } from '../../src/browser/i18n.ts';
import { lateParts } from './late-loader.ts';
import { afterPaint } from '../../src/browser/idle.ts';

/** What a user does to scroll or act on their own: a smooth scroll's end is theirs then, not the widget's. */
const USER_SCROLL = ['wheel', 'touchstart', 'pointerdown', 'keydown'];

/** Frames within which a smooth scroll has begun, if it begins at all. */
const CHECK_FRAMES = 5;

/** The view's heading, the error summary (the heading if there is none), or an element by id. */
export type FocusTarget = 'heading' | 'summary' | { id: string };

/** What the parts of the widget (fields, drafts, sending, help) may ask for. */
export interface Focus {
  /** Moves focus after the next render; `wait` keeps the request while the target is missing (a late part). */
  moveAfterRender(target: FocusTarget, options?: { wait?: () => boolean }): void;
  /** Moves focus now, to an element that is on screen; `stay`: without scrolling (where the user's focus already was). */
  move(target: FocusTarget, stay?: boolean): void;
  /** Focus is inside the widget (the user is working in it). */
  within(): boolean;
  /**
   * Says the text in the polite live region; `urgent` in the assertive one, for what the user must hear at once
   * (sending or saving failed, the form is locked or could not load). Everything else is polite.
   */
  announce(text: string, options?: { urgent?: boolean }): void;
  /** Says the text once the user pauses (a counter while typing): a newer text for the same key replaces it. */
  announceAfterPause(key: string, text: string): void;
}

/** Room left between a revealed element and a bar over it, in CSS px. */
const GAP = 16;

/** The pause before a text that changes while the user types is said, so it is not said on every key. */
export const ANNOUNCE_PAUSE_MS = 1200;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface FocusWiring {
  /** The view on screen: a key that changes with it, and what to say when it does (null while none). */
  view(): { key: string; title: () => string } | null;
  /** The language of what is said. */
  locale(): string;
}

export class FocusController implements ReactiveController, Focus {
  #pending: { target: FocusTarget; wait?: () => boolean } | null = null;
  /** What the polite region [0] and the assertive one [1] say, all in the language #said. */
  #texts = ['', ''];
  /** Set since the regions last rendered: a second text in the same update is added to the first. */
  #fresh = [false, false];
  #said = '';
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #view = '';
  /** Focused by #apply, which has scrolled it already: the focusin check leaves it alone. */
  #placed: Element | null = null;

  constructor(
    readonly host: Host,
    readonly wiring: FocusWiring,
  ) {
    host.addController(this);
  }

  moveAfterRender(target: FocusTarget, options: { wait?: () => boolean } = {}): void {
    this.#pending = { target, ...options };
    this.host.requestUpdate();
  }

  move(target: FocusTarget, stay = false): void {
    this.#apply(target, stay);
  }

  within(): boolean {
    return (this.host.shadowRoot?.activeElement ?? null) !== null;
  }

  announce(text: string, options: { urgent?: boolean } = {}): void {
    if (!text) return;
    this.#sameLanguage();
    const i = options.urgent ? 1 : 0;
    const adding = this.#fresh[i];
    // Never the same words twice in one breath (two parts reporting one event).
    if (adding && this.#texts[i]!.includes(text)) return;
    this.#texts[i] = adding ? `${this.#texts[i]} ${text}` : text;
    this.#fresh[i] = true;
    this.host.requestUpdate();
  }

  announceAfterPause(key: string, text: string): void {
    clearTimeout(this.#timers.get(key));
    const locale = this.wiring.locale();
    this.#timers.set(
      key,
      // A timer that has fired stays listed (clearing it again does nothing) until the view changes.
      setTimeout(() => {
        // Written in the language of the moment it was asked for: not said once the language has changed.
        if (this.wiring.locale() === locale) this.announce(text);
      }, ANNOUNCE_PAUSE_MS),
    );
  }

  /**
   * The widget's two live regions, outside every view, so they stay on the page between them: polite for what
   * happened (a new view, a switch, a count), assertive for what went wrong and needs the user now. Both atomic.
   * A text said in another language than the one on screen is not left behind (issue 16, item 7).
   */
  region(): TemplateResult {
    const locale = this.wiring.locale();
    const dir = directionOf(locale);
    return html`<div class="visually-hidden live-region" role="status" aria-live="polite" aria-atomic="true" lang=${locale} dir=${dir}>${this.#texts[0]}</div><div class="visually-hidden live-region" role="alert" aria-live="assertive" aria-atomic="true" lang=${locale} dir=${dir}>${this.#texts[1]}</div>`;
  }

  /** Before each render: a new view is announced (not the first one: the host page keeps the user's attention). */
  hostUpdate(): void {
    this.#sameLanguage();
    const view = this.wiring.view();
    if (!view || view.key === this.#view) return;
    // A count still waiting for the user's pause is about a field of the view before: not said over the new one.
    this.#dropPaused();
    if (this.#view) this.announce(view.title());
    this.#view = view.key;
  }

  hostUpdated(): void {
    this.#fresh = [false, false];
    const pending = this.#pending;
    // Once the new view is painted (a frame later): focusing and revealing it need layout and measuring, which
    // would otherwise hold back the paint after Continue (issue 20, item 4).
    if (pending)
      afterPaint(() => {
        if (this.#pending !== pending || !this.host.isConnected) return;
        if (!this.#apply(pending.target) && pending.wait?.()) return;
        this.#pending = null;
      });
  }

  // On the shadow root: a move between two of its elements does not reach the host (both retarget to it).
  hostConnected(): void {
    this.host.renderRoot.addEventListener('focusin', this.#focusIn);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('focusin', this.#focusIn);
    this.#dropPaused();
  }

  #dropPaused(): void {
    this.#timers.forEach((timer) => clearTimeout(timer));
    this.#timers.clear();
  }

  /** After a language switch, nothing said in the language before stays in a region. */
  #sameLanguage(): void {
    const locale = this.wiring.locale();
    if (locale !== this.#said) this.#texts = ['', ''];
    this.#said = locale;
  }

  /** Focus moved by the user (Tab, Shift+Tab, a click): after the browser's own scroll, clear it of the bars. */
  #focusIn = (): void => {
    const placed = this.#placed;
    this.#placed = null;
    const active = this.host.shadowRoot?.activeElement;
    if (!(active instanceof HTMLElement) || active === placed) return;
    requestAnimationFrame(() => {
      if (this.host.shadowRoot?.activeElement === active) this.#reveal(active, 'nearest');
    });
  };

  /** Focuses the target if it is on screen; false if it is not. */
  #apply(target: FocusTarget, stay = false): boolean {
    const root = this.host.renderRoot;
    const element =
      target === 'heading'
        ? root.querySelector<HTMLElement>('#ks-heading')
        : target === 'summary'
          ? (root.querySelector<HTMLElement>('.error-summary') ?? root.querySelector<HTMLElement>('#ks-heading'))
          : root.querySelector<HTMLElement>(`#${CSS.escape(target.id)}`);
    if (!element) return false;
    this.#placed = element;
    element.focus({ preventScroll: true });
    // A question as a whole, so its label is not left under the host's sticky header (GOV.UK does the same).
    if (!stay) this.#reveal(element.closest<HTMLElement>('.field') ?? element, 'start', element);
    return true;
  }

  /**
   * A smooth scroll goes to where the target was when it began: content that grows above it meanwhile (another
   * widget's help and draft panels arriving) leaves the target out of view. Once the scroll has ended, if focus is
   * still there and the user has not scrolled or pressed anything, it is brought into view again, at once. Where
   * the browser has no scrollend event, nothing is checked.
   */
  #revealAgain(target: HTMLElement, focused: HTMLElement): void {
    if (!('onscrollend' in window)) return;
    let scrolled = false;
    const moved = (): void => void (scrolled = true);
    const stop = (): void => {
      for (const type of USER_SCROLL) removeEventListener(type, stop, true);
      removeEventListener('scroll', moved, true);
      removeEventListener('scrollend', ended, true);
    };
    const ended = (): void => {
      stop();
      if (this.host.shadowRoot?.activeElement === focused) this.#reveal(target, 'start');
    };
    addEventListener('scrollend', ended, true);
    addEventListener('scroll', moved, { capture: true, passive: true });
    for (const type of USER_SCROLL) addEventListener(type, stop, { capture: true, passive: true });
    // A scroll that did not start (the page could not move further) ends with no event: a later one is not ours.
    let frames = 0;
    const check = (): void => {
      if (scrolled) return;
      if (++frames < CHECK_FRAMES) requestAnimationFrame(check);
      else stop();
    };
    requestAnimationFrame(check);
  }

  /**
   * Scrolls the target into view when it is not wholly between the host's bars (the larger of the measured
   * header and scroll-offset at the top). Its scroll margins keep it clear of them, in any scrolling box.
   */
  #reveal(target: HTMLElement, block: 'start' | 'nearest', smoothFor?: HTMLElement): void {
    // The measuring comes with the late chunk, which loads with the form: until then, scroll-offset only.
    const bars = lateParts()?.coveredByBars(this.host) ?? { top: 0, bottom: 0 };
    // .root's scroll-margin-block-start is --klar-scroll-offset (styles.ts): any CSS length, resolved to px.
    const root = this.host.renderRoot.querySelector('.root');
    const top = Math.max(bars.top, root ? parseFloat(getComputedStyle(root).scrollMarginTop) || 0 : 0);
    const rect = target.getBoundingClientRect();
    if (rect.top >= top && rect.bottom <= innerHeight - bars.bottom) return;
    // The gap shrinks where the room is tight (400 % zoom); taller than the room, its start is what must show.
    const spare = innerHeight - top - bars.bottom - rect.height;
    const gap = Math.max(0, Math.min(GAP, spare / 2));
    const smooth = smoothFor !== undefined && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.style.scrollMargin = `${top + gap}px 0 ${bars.bottom + gap}px`;
    target.scrollIntoView({ block: spare < 0 ? 'start' : block, behavior: smooth ? 'smooth' : 'instant' });
    target.style.removeProperty('scroll-margin');
    if (smooth) this.#revealAgain(target, smoothFor);
  }
}

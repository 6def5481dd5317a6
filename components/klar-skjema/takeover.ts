// The first step the host's server drew as declarative shadow DOM (packages/tools/src/first-step.ts, decision 0041): found
// before the widget's first render, and kept on screen, usable, until the widget's own view is ready and the code
// that swaps the two has arrived (takeover-late.ts, a chunk of its own, asked for only when such a step is here).
import type { LitElement, ReactiveController } from 'lit';
import type { Focus } from './focus.ts';
import type { Session } from './session.ts';

export interface TakeoverWiring {
  status(): 'loading' | 'ready' | 'failed';
  session(): Session | null;
  focus: Focus;
  /** Draws at once what an answer changed: the next control's handler reads the view it drew (ticked boxes). */
  flush(): void;
}

/** Removes the drawn nodes and keeps the page where the user had it (Takeover.hostUpdate says where). */
export type RemoveDrawn = () => void;
type TakeOver = (typeof import('./takeover-late.ts'))['takeOver'];

/** Without the late chunk (it failed to load), the widget's view replaces the drawn one at once. */
const replace: TakeOver = (_root, _drawn, _wiring, remove) => remove();

export class Takeover implements ReactiveController {
  /** The drawn nodes in the shadow root, until the widget's view replaces them. */
  #drawn: ChildNode[] = [];
  /** The swap that carries over what the user did there (takeover-late.ts), once asked for and here. */
  #takeOver: TakeOver | null = null;
  #asked = false;
  /** What the user looks at, and where it was on screen, before the swap: it is there after the swap too. */
  #anchor: { element: Element; top: number } | null = null;

  constructor(
    readonly host: LitElement,
    readonly wiring: TakeoverWiring,
  ) {
    host.addController(this);
  }

  /** The drawn step is what the user sees: the widget draws none of its views beside it yet. */
  get waiting(): boolean {
    return this.#drawn.length > 0 && (this.wiring.status() === 'loading' || (this.#needed() && !this.#takeOver));
  }

  /**
   * Whether the swap must keep what the user did (takeover-late.ts, a chunk of its own, asked for here): on a step the
   * server drew always (the loader did not watch it from the start); on the loader's once something was typed,
   * changed, focused or pressed there (the loader marks it). A step nobody touched is simply replaced, and a visitor
   * who only looks does not fetch the chunk.
   */
  #needed(): boolean {
    const root = this.host.shadowRoot!;
    if (
      !this.#asked &&
      (root.activeElement ||
        root.querySelector('style[data-klar-first-step], [data-klar-touched], [data-klar-continue]'))
    ) {
      this.#asked = true;
      import('./takeover-late.ts')
        .then(
          (late): TakeOver => late.takeOver,
          // Without it the widget's view replaces the drawn one at once (what was typed there is lost).
          (): TakeOver => replace,
        )
        .then((takeOver) => {
          this.#takeOver = takeOver;
          this.host.requestUpdate();
        });
    }
    return this.#asked;
  }

  /** Before the first render (Lit keeps a shadow root it finds): the drawn nodes, if any. */
  hostConnected(): void {
    const root = this.host.shadowRoot;
    // The mark packages/tools/src/first-step.ts writes (on the server's <style>, or on the box the loader draws,
    // decision 0044); gone once taken over, so a move in the page finds nothing.
    if (this.#drawn.length > 0 || !root?.querySelector('[data-klar-first-step]')) return;
    this.#drawn = [...root.childNodes];
    // Lit draws before the first node it finds; the widget's view goes after the drawn one instead, so that the
    // step on screen does not move down when the view is drawn beside it (the browser would keep it in place by
    // scrolling, and the page jumped once the drawn nodes went).
    this.host.renderOptions.renderBefore = null;
    this.#needed();
  }

  /**
   * Before the render that swaps: the element whose place on screen must not change. The focused one when it is outside
   * this widget (another widget below it, the host's page), else this widget. The view takes the drawn step's place
   * line for line, but while both are in the page the browser's scroll anchoring may scroll to keep its own anchor in
   * place, and the page would stay scrolled once the drawn nodes are gone.
   */
  hostUpdate(): void {
    if (this.#drawn.length === 0 || this.waiting) return;
    const active = document.activeElement;
    const element = active && active !== document.body && active !== this.host ? active : this.host;
    this.#anchor = { element, top: element.getBoundingClientRect().top };
  }

  /** Once the widget's view is drawn beside the drawn step, in the same task: the swap. */
  hostUpdated(): void {
    if (this.#drawn.length === 0 || this.waiting) return;
    const drawn = this.#drawn;
    this.#drawn = [];
    const anchor = this.#anchor;
    this.#anchor = null;
    const remove = (): void => {
      for (const node of drawn) node.remove();
      const moved = anchor ? anchor.element.getBoundingClientRect().top - anchor.top : 0;
      // At once: a host's smooth scrolling would show the page sliding back.
      if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
    };
    (this.#takeOver ?? replace)(this.host.shadowRoot!, drawn, this.wiring, remove);
  }
}

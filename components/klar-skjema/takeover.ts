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

type TakeOver = (typeof import('./takeover-late.ts'))['takeOver'];

export class Takeover implements ReactiveController {
  /** The server's nodes in the shadow root, until the widget's view replaces them. */
  #drawn: ChildNode[] = [];
  #takeOver: TakeOver | null = null;

  constructor(
    readonly host: LitElement,
    readonly wiring: TakeoverWiring,
  ) {
    host.addController(this);
  }

  /** The server's step is what the user sees: the widget draws none of its views beside it yet. */
  get waiting(): boolean {
    return this.#drawn.length > 0 && (this.wiring.status() === 'loading' || !this.#takeOver);
  }

  /** Before the first render (Lit keeps a declarative shadow root it finds): the server's nodes, if any. */
  hostConnected(): void {
    const root = this.host.shadowRoot;
    // The mark packages/tools/src/first-step.ts writes; gone once taken over, so a move in the page finds nothing.
    if (this.#takeOver || !root?.querySelector('style[data-klar-first-step]')) return;
    this.#drawn = [...root.childNodes];
    // Lit draws before the first node it finds; the widget's view goes after the server's instead, so that the
    // step on screen does not move down when the view is drawn beside it (the browser would keep it in place by
    // scrolling, and the page jumped once the server's nodes went).
    this.host.renderOptions.renderBefore = null;
    import('./takeover-late.ts')
      .then(
        (late): TakeOver => late.takeOver,
        // Without it the widget's view replaces the server's at once (what was typed there is lost).
        (): TakeOver => (_root, drawn) => drawn.forEach((node) => node.remove()),
      )
      .then((takeOver) => {
        this.#takeOver = takeOver;
        this.host.requestUpdate();
      });
  }

  /** Once the widget's view is drawn beside the server's, in the same task: the swap. */
  hostUpdated(): void {
    if (this.#drawn.length === 0 || this.waiting || !this.#takeOver) return;
    const drawn = this.#drawn;
    this.#drawn = [];
    this.#takeOver(this.host.shadowRoot!, drawn, this.wiring);
  }
}

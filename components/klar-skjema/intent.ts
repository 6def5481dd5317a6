// The user's first sign of intent inside the widget: a focus, a pointer pressed or a key pressed (the language
// menu's own focus or press too). What only a user who goes on needs loads then, not with the first step: a
// visitor who only looks, on metered data, pays for the first step alone (docs/decisions/0040).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** Composed events: heard on the host from inside its shadow root. */
const INTENT_EVENTS = ['focusin', 'pointerdown', 'keydown'] as const;

export class IntentController implements ReactiveController {
  #seen = false;

  constructor(
    readonly host: Host,
    /** Called once, at the first sign of intent. */
    readonly intent: () => void,
  ) {
    host.addController(this);
  }

  /** The user has shown intent (or the widget needed what intent loads itself). */
  get seen(): boolean {
    return this.#seen;
  }

  /** Intent, as if the user had shown it: the widget needs now what intent loads (a draft, prefill, a follow-up link). */
  readonly now = (): void => {
    if (this.#seen) return;
    this.#seen = true;
    this.#stopListening();
    this.intent();
  };

  hostConnected(): void {
    if (!this.#seen) for (const type of INTENT_EVENTS) this.host.addEventListener(type, this.now, { capture: true });
  }

  hostDisconnected(): void {
    this.#stopListening();
  }

  #stopListening(): void {
    for (const type of INTENT_EVENTS) this.host.removeEventListener(type, this.now, { capture: true });
  }
}

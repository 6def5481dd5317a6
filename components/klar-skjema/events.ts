// The events <klar-skjema> sends to its host page: one typed map, one helper that sends them.
// Every event is prefixed `klar-`, bubbles and is composed (it leaves the shadow root), so a host can
// listen on the element, on a wrapper or on document. Privacy (design principle 7, need N13): no event
// carries answers, except the submission, which the host needs in order to send it.
import type { KlarSubmitEvent } from '../submit/widget-send.ts';

export type { KlarSubmitEvent };

/** Sent once the form package has loaded and the first step can be shown. */
export interface KlarReadyDetail {
  /** The form's id from its definition, e.g. "stotte". */
  form: string;
}

/** Sent when the form package could not be loaded; the `load-error` slot is shown. */
export interface KlarLoadErrorDetail {
  /** The `form` attribute as the host gave it. */
  form: string;
}

/**
 * Every event the widget sends, by name. Declared in GlobalEventHandlersEventMap below, so
 * `widget.addEventListener('klar-ready', (event) => event.detail.form)` is typed on the element, on
 * document and on window.
 */
export interface KlarEventMap {
  /**
   * The user sends the application. Cancelable; detail is the submission (the only event that carries
   * answers). Call event.respondWith(promise of { reference }) to send it yourself; otherwise the widget
   * POSTs it to submit-url (components/submit/submitter.ts).
   */
  'klar-submit': KlarSubmitEvent;
  /** The form package has loaded and the first step is shown. detail: { form } (the form's id). */
  'klar-ready': CustomEvent<KlarReadyDetail>;
  /** The form package could not be loaded; the load-error slot is shown. detail: { form } (the form attribute). */
  'klar-load-error': CustomEvent<KlarLoadErrorDetail>;
}

export type KlarEventName = keyof KlarEventMap;
export type KlarEventDetail<K extends KlarEventName> = KlarEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Sends a widget event from `target`: bubbling and composed. Returns false if a listener cancelled it. */
export function emit<K extends KlarEventName>(
  target: EventTarget,
  type: K,
  detail: KlarEventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail }),
  );
}

declare global {
  // HTMLElementEventMap, DocumentEventMap and WindowEventMap all extend this one.
  interface GlobalEventHandlersEventMap extends KlarEventMap {}
}

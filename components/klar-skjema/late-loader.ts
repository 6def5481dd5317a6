// Loads late.ts (the review page, receipt, help, privacy and sending) with import(), once per page,
// so the first step needs less JavaScript (docs/decisions/0012-lazy-chunks.md). A failed load is tried
// again when the browser comes back online, and on the next render that needs it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
import type * as Late from './late.ts';

export type LateParts = typeof Late;

// Browsers keep a failed import() in their module map (whatwg/html#6768), so a retry of the same URL
// fails again without a request. scripts/build-widget.ts writes the built chunk's path here; a retry
// imports it with a new query. Served from source (tests), it stays as is and the retry imports late.ts.
const LATE_CHUNK = '__KLAR_LATE_CHUNK__';

let parts: LateParts | null = null;
let pending: Promise<LateParts> | null = null;
let attempts = 0;

function importLate(attempt: number): Promise<LateParts> {
  if (attempt === 0 || LATE_CHUNK.startsWith('__')) return import('./late.ts');
  return import(new URL(`${LATE_CHUNK}?retry=${attempt}`, import.meta.url).href) as Promise<LateParts>;
}

/** The late parts if they have arrived, else null (starts no load). */
export const lateParts = (): LateParts | null => parts;

/** The late parts: at once if they are here, else when they arrive. Rejects when the load fails. */
export function loadLate(): Promise<LateParts> {
  if (parts) return Promise.resolve(parts);
  pending ??= importLate(attempts++).then(
    (loaded) => (parts = loaded),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Renders again when the late parts arrive, with their styles; `parts` is null until then. */
export class LateController implements ReactiveController {
  #waiting = false;
  #adopted = false;
  /** Asked for (the user's intent, or a view that needs them): only then do renders and `online` try again. */
  #wanted = false;

  constructor(readonly host: Host) {
    host.addController(this);
  }

  /**
   * The late parts, or null. Once they have been asked for, asking again starts a load after a failed one;
   * before that it starts none: a visitor who only looks does not pay for them (docs/decisions/0040).
   */
  get parts(): LateParts | null {
    if (!parts && this.#wanted) this.load();
    return parts;
  }

  /** The late parts for a view that cannot do without them (the review page, the receipt): null while they load. */
  need(): LateParts | null {
    if (!parts) this.load();
    return parts;
  }

  /** Starts loading, without waiting: the widget keeps working, and renders again when the parts arrive. */
  load(): void {
    this.#wanted = true;
    if (parts || this.#waiting) return;
    this.#waiting = true;
    loadLate().then(
      () => {
        this.#waiting = false;
        this.host.requestUpdate();
      },
      () => {
        this.#waiting = false;
      },
    );
  }

  readonly #online = (): void => {
    if (this.#wanted) this.load();
  };

  /** Before each render: the late parts' styles join the shadow root's once (Lit adopted the static ones). */
  hostUpdate(): void {
    const root = this.host.renderRoot;
    if (!parts || this.#adopted || !(root instanceof ShadowRoot)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...parts.lateStyles.map((style) => style.styleSheet!)];
    // Read aloud renders again when the voices change, and stops when the widget leaves the page.
    new parts.ReadAloudController(this.host);
    this.#adopted = true;
  }

  hostConnected(): void {
    addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
  }
}

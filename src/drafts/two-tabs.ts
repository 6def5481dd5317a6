// Two tabs (or two widgets) with the same form on one device must not overwrite each other's draft.
// Over a BroadcastChannel per form: a tab that starts says hello; every tab that was already working
// saves what it has and becomes read-only until its user chooses to go on there, which makes the other
// tab read-only in turn. The newest tab wins because that is where the user just went. Messages carry
// no answers: any script on the same origin can listen to a BroadcastChannel.
//
// A tab that opens must also see the answers typed in another tab a moment ago, still waiting for the
// debounced save. So before it reads the stores it asks every tab already working on the form to save
// at once (`sync`), and waits for them. Which tabs those are it learns from the Web Locks API (each
// started guard holds a shared lock named after the form, released when the tab goes), so a tab alone
// with the form never waits. Without Web Locks the new tab catches up later, when the older one answers
// its hello (after saving, see `release`).

type Message = {
  type: 'hello' | 'here' | 'claim' | 'released' | 'exit' | 'sync' | 'synced';
  from: string;
  to?: string;
};

/** The part of the Web Locks API used here (navigator.locks). */
interface Locks {
  request(name: string, options: { mode: 'shared' }, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

const locks = (): Locks | null =>
  (typeof navigator !== 'undefined' && (navigator as Navigator & { locks?: Locks }).locks) || null;

export interface TabState {
  /** Another tab has the form; this one waits until its user chooses to go on here. */
  readOnly: boolean;
  /** Another tab with the form exists (or existed since this one started). */
  otherTab: boolean;
}

export interface TabGuardOptions {
  onChange: (state: TabState) => void;
  /** Called before this tab gives the form away: save what is pending. */
  release: () => Promise<void>;
  /** Another tab left with "Gå ut og slett": this one must leave too. */
  onExit: () => void;
  /** How long to wait for the other tab to save before going on (a frozen tab may never answer). */
  claimTimeoutMs?: number;
}

const newId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2);

export class TabGuard {
  readonly id = newId();
  #channel: BroadcastChannel | null = null;
  #state: TabState = { readOnly: false, otherTab: false };
  #released: (() => void) | null = null;
  /** Started (joined the form's tabs): releases the lock. */
  #unlock: (() => void) | null = null;
  #synced: ((from: string) => void) | null = null;

  constructor(
    readonly formId: string,
    readonly options: TabGuardOptions,
  ) {}

  get state(): TabState {
    return this.#state;
  }

  get #name(): string {
    return `klarskjema:${this.formId}`;
  }

  #open(): BroadcastChannel | null {
    if (!this.#channel && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.#name);
      this.#channel.onmessage = (event: MessageEvent<Message>) => void this.#receive(event.data);
    }
    return this.#channel;
  }

  /**
   * Before this tab reads the stores: every other tab working on the form saves what is pending, now.
   * Resolves once they all said so (at once when there is none), or after claimTimeoutMs at the latest.
   */
  async sync(): Promise<void> {
    const api = locks();
    if (!api || this.#unlock || !this.#open()) return;
    const others =
      (await api.query().catch(() => ({ held: [] }))).held?.filter((lock) => lock.name === this.#name).length ?? 0;
    if (others === 0) return;
    const answered = new Set<string>();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.claimTimeoutMs ?? 1500);
      this.#synced = (from) => {
        answered.add(from);
        if (answered.size >= others) {
          clearTimeout(timer);
          resolve();
        }
      };
      this.#post('sync');
    });
    this.#synced = null;
  }

  /** Joins the form's channel and tells other tabs that this one is now where the user works. */
  start(): void {
    if (this.#unlock || !this.#open()) return;
    // Held while this tab works on the form, so a tab that opens knows there is one to ask (see sync).
    const held = new Promise<void>((resolve) => {
      this.#unlock = resolve;
    });
    void locks()
      ?.request(this.#name, { mode: 'shared' }, () => held)
      .catch(() => {});
    this.#post('hello');
  }

  stop(): void {
    this.#unlock?.();
    this.#unlock = null;
    this.#channel?.close();
    this.#channel = null;
  }

  /** The user chose to go on in this tab: the others save and become read-only. */
  async claim(): Promise<void> {
    if (!this.#channel) return;
    const released = new Promise<void>((resolve) => {
      this.#released = resolve;
      setTimeout(resolve, this.options.claimTimeoutMs ?? 1500);
    });
    this.#post('claim');
    await released;
    this.#released = null;
    this.#set({ readOnly: false, otherTab: true });
  }

  /** Tells every other tab of this form to leave and forget. */
  exit(): void {
    this.#post('exit');
  }

  #post(type: Message['type'], to?: string): void {
    this.#channel?.postMessage({ type, from: this.id, ...(to ? { to } : {}) } satisfies Message);
  }

  #set(state: TabState): void {
    this.#state = state;
    this.options.onChange(state);
  }

  async #receive(message: Message): Promise<void> {
    if (!message || message.from === this.id) return;
    // Before start (while syncing) only the answers to this tab's sync count.
    if (!this.#unlock && message.type !== 'synced') return;
    switch (message.type) {
      case 'sync':
        if (!this.#state.readOnly) await this.options.release();
        this.#post('synced', message.from);
        break;
      case 'synced':
        if (message.to === this.id) this.#synced?.(message.from);
        break;
      case 'hello':
      case 'claim':
        if (!this.#state.readOnly) {
          await this.options.release();
          this.#set({ readOnly: true, otherTab: true });
        }
        this.#post(message.type === 'hello' ? 'here' : 'released');
        break;
      case 'here':
        if (!this.#state.otherTab) this.#set({ ...this.#state, otherTab: true });
        break;
      case 'released':
        this.#released?.();
        break;
      case 'exit':
        this.options.onExit();
        break;
    }
  }
}

// Two tabs (or two widgets) with the same form on one device must not overwrite each other's draft.
// Over a BroadcastChannel per form: a tab that starts says hello; every tab that was already working
// saves what it has and becomes read-only until its user chooses to go on there, which makes the other
// tab read-only in turn. The newest tab wins because that is where the user just went. Messages carry
// no answers: any script on the same origin can listen to a BroadcastChannel.

type Message = { type: 'hello' | 'here' | 'claim' | 'released' | 'exit'; from: string };

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
  /** How long to wait for the other tab to save before going on. */
  claimTimeoutMs?: number;
}

const newId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2));

export class TabGuard {
  readonly id = newId();
  #channel: BroadcastChannel | null = null;
  #state: TabState = { readOnly: false, otherTab: false };
  #released: (() => void) | null = null;

  constructor(readonly formId: string, readonly options: TabGuardOptions) {}

  get state(): TabState {
    return this.#state;
  }

  /** Joins the form's channel and tells other tabs that this one is now where the user works. */
  start(): void {
    if (this.#channel || typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(`klarskjema:${this.formId}`);
    this.#channel.onmessage = (event: MessageEvent<Message>) => void this.#receive(event.data);
    this.#post('hello');
  }

  stop(): void {
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

  #post(type: Message['type']): void {
    this.#channel?.postMessage({ type, from: this.id } satisfies Message);
  }

  #set(state: TabState): void {
    this.#state = state;
    this.options.onChange(state);
  }

  async #receive(message: Message): Promise<void> {
    if (!message || message.from === this.id) return;
    switch (message.type) {
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

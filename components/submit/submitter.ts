// Sending from the widget: the machine's sendSubmission actor (given with machine.provide()). The host
// hears a cancelable `klar-submit` whose detail is the submission; if no listener cancels it and the
// host gave `submit-url`, the widget sends it there itself (src/submit/send.ts), with the files.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { fromPromise, type Actor } from 'xstate';
import type { Texts } from '../../src/browser/i18n.ts';
import type { FormDefinition } from '../../src/definition/types.ts';
import type { Receipt, SubmitFailure, WizardMachine } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import type { SendStatus } from '../../src/submit/send.ts';
import { loadLate } from '../klar-skjema/late-loader.ts';
import { show } from '../fields/text.ts';

/**
 * `klar-submit`: bubbles, is composed and cancelable; `detail` is the submission record (a copy).
 * A host that sends the submission itself calls `respondWith(promise)`, which also cancels the
 * widget's own sending; the promise gives `{ reference }` for the receipt, or rejects to say it failed.
 * Sent again on each retry: with the same submission id while the submission is the same, with a new
 * one when it changed (`earlierIds` then names the ids tried before, which may also have arrived).
 */
export class KlarSubmitEvent extends CustomEvent<Submission> {
  #response: Promise<{ reference?: string | null }> | null = null;

  constructor(submission: Submission, readonly files: ReadonlyMap<string, readonly File[]>, readonly earlierIds: readonly string[] = []) {
    super('klar-submit', { detail: submission, bubbles: true, composed: true, cancelable: true });
  }

  respondWith(response: Promise<{ reference?: string | null }>): void {
    this.#response = response;
    this.preventDefault();
  }

  get response(): Promise<{ reference?: string | null }> | null {
    return this.#response;
  }
}

export interface SubmitWiring {
  actor(): Actor<WizardMachine> | null;
  definition(): FormDefinition;
  files(): ReadonlyMap<string, readonly File[]>;
}

/** What the machine's onError reads (see SubmitFailure in the machine). */
const failure = (details: SubmitFailure): Error => Object.assign(new Error(details.reason), details);

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class Submitter implements ReactiveController {
  /** What sending is waiting for, shown on the review page. */
  status: SendStatus | null = null;
  #phase = '';

  constructor(readonly host: Host, readonly wiring: SubmitWiring) {
    host.addController(this);
  }

  /** The machine's sendSubmission. */
  readonly actor = fromPromise<Receipt, Submission>(async ({ input, signal }) => {
    try {
      return await this.#send(input, signal);
    } finally {
      this.status = null;
      this.host.requestUpdate();
    }
  });

  async #send(submission: Submission, signal: AbortSignal): Promise<Receipt> {
    const earlierIds = this.wiring.actor()?.getSnapshot().context.earlierIds ?? [];
    const event = new KlarSubmitEvent(structuredClone(submission), this.wiring.files(), [...earlierIds]);
    if (!this.host.dispatchEvent(event)) {
      const response = await event.response?.catch(() => { throw failure({ reason: 'network' }); });
      return { reference: response?.reference ?? null };
    }
    const url = this.host.getAttribute('submit-url');
    if (!url) return { reference: null };
    // Sending's code is in the late chunk, loaded by now (the review page needs it); offline, it is a network failure.
    const { sendForReceipt } = await loadLate().catch(() => { throw failure({ reason: 'network' }); });
    return sendForReceipt({
      url: new URL(url, document.baseURI).href, submission, files: this.wiring.files(), signal, earlierIds,
      onStatus: (status) => { this.status = status; this.host.requestUpdate(); },
    }, this.wiring.definition());
  }

  /** The connection is back: a sending that failed on the network goes again by itself. */
  readonly #online = (): void => {
    const actor = this.wiring.actor();
    const snapshot = actor?.getSnapshot();
    if (snapshot?.value === 'failed' && snapshot.context.submitError === 'network') actor!.send({ type: 'RETRY' });
  };

  hostConnected(): void {
    addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
  }

  hostUpdated(): void {
    const snapshot = this.wiring.actor()?.getSnapshot();
    const phase = snapshot ? String(snapshot.value) : '';
    // Sending may take long: when it ends, focus goes where the user must look next.
    // Refused answers: back on their step, to the error summary. Sent: to the receipt's heading.
    if (this.#phase === 'submitting' && phase === 'filling' && snapshot!.context.errors.length > 0) {
      this.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    } else if (this.#phase === 'submitting' && phase === 'submitted') {
      this.host.renderRoot.querySelector<HTMLElement>('#ks-heading')?.focus();
    }
    this.#phase = phase;
  }

  /** On the review page: offline or trying again; a failure is also said here. A live region, so each change is heard. */
  renderStatus(texts: Texts): TemplateResult {
    const { status } = this;
    const failure = this.wiring.actor()?.getSnapshot().context.submitError;
    const text = status?.state === 'offline' ? show(texts, 'widget:submit.offline')
      : status?.state === 'retrying' ? show(texts, 'widget:submit.retrying', { count: Math.round(status.delayMs / 1000) }) : nothing;
    return html`<div role="status" class="send-status">${text === nothing ? nothing : html`<p class="panel">${text}</p>`}${failure
      ? html`<p class="visually-hidden">${texts.t(`widget:sendFailed.${failure}`)}</p>` : nothing}</div>`;
  }
}

// Sending from the widget: the machine's sendSubmission actor (given with machine.provide()). The host
// hears a cancelable `klar-submit` whose detail is the submission; if no listener cancels it and the
// host gave `submit-url`, the widget sends it there itself (src/submit/send.ts), with the files
// (widget-send.ts, in the late chunk).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fromPromise, type Actor } from 'xstate';
import type { FormDefinition } from '../../src/definition/types.ts';
import type { Receipt, WizardMachine } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import type { SendStatus } from '../../src/submit/send.ts';
import { lateParts, loadLate } from '../klar-skjema/late-loader.ts';

// The event class and the sending itself are in the late chunk (widget-send.ts).
export type { KlarSubmitEvent } from './widget-send.ts';

export interface SubmitWiring {
  actor(): Actor<WizardMachine> | null;
  definition(): FormDefinition;
  files(): ReadonlyMap<string, readonly File[]>;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class Submitter implements ReactiveController {
  /** What sending is waiting for, shown on the review page (components/review/review-page.ts). */
  status: SendStatus | null = null;
  #phase = '';

  constructor(
    readonly host: Host,
    readonly wiring: SubmitWiring,
  ) {
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
    // Send and Retry are on the review page, which waits for the late chunk: it is here by now, so the
    // host hears klar-submit at once. Were it not (offline), that is a network failure.
    const late =
      lateParts() ??
      (await loadLate().catch(() => {
        throw Object.assign(new Error('network'), { reason: 'network' });
      }));
    return late.sendFromWidget({
      host: this.host,
      submission,
      files: this.wiring.files(),
      earlierIds: this.wiring.actor()?.getSnapshot().context.earlierIds ?? [],
      definition: this.wiring.definition(),
      signal,
      onStatus: (status) => {
        this.status = status;
        this.host.requestUpdate();
      },
    });
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
}

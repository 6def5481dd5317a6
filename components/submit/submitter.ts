// Sending from the widget: the machine's sendSubmission actor (given with machine.provide()). The host
// hears a cancelable `klar-submit` whose detail is the submission; if no listener cancels it and the
// host gave `submit-url`, the widget sends it there itself (src/submit/send.ts), with the files
// (widget-send.ts, in the late chunk). What sending waits for and how it ended are said through the
// focus controller's live region, and focus moves through it too.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fromPromise } from 'xstate';
import type { Receipt } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import type { SendStatus } from '../../src/submit/send.ts';
import { lateParts, loadLate } from '../klar-skjema/late-loader.ts';
import type { Focus } from '../klar-skjema/focus.ts';
import type { Phase, Session } from '../klar-skjema/session.ts';

// The event class and the sending itself are in the late chunk (widget-send.ts).
export type { KlarSubmitEvent } from './widget-send.ts';

export interface SubmitWiring {
  session(): Session | null;
  files(): ReadonlyMap<string, readonly File[]>;
  focus: Focus;
}

type Host = ReactiveControllerHost & HTMLElement;

export class Submitter implements ReactiveController {
  /** What sending is waiting for, shown on the review page (components/review/review-page.ts). */
  status: SendStatus | null = null;
  #phase: Phase | '' = '';

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
    return late.sendForSubmitter(this, submission, signal);
  }

  /** The connection is back: a sending that failed on the network goes again by itself. */
  readonly #online = (): void => {
    const session = this.wiring.session();
    if (session?.phase === 'failed' && session.snapshot.context.submitError === 'network')
      session.send({ type: 'RETRY' });
  };

  hostConnected(): void {
    addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
  }

  hostUpdate(): void {
    const session = this.wiring.session();
    const phase = session?.phase ?? '';
    // Sending may take long: when it ends, focus goes where the user must look next, and the outcome is said.
    // Refused answers: back on their step, to the error summary. Sent: to the receipt's heading.
    if (session && this.#phase === 'submitting' && phase !== 'submitting') {
      const { errors, submitError } = session.snapshot.context;
      if (phase === 'filling' && errors.length > 0) this.wiring.focus.moveAfterRender('summary');
      else if (phase === 'submitted') this.wiring.focus.moveAfterRender('heading');
      else if (phase === 'failed' && submitError)
        this.wiring.focus.announce(session.texts.t(`widget:sendFailed.${submitError}`), { urgent: true });
    }
    this.#phase = phase;
  }
}

// What the Submitter (submitter.ts) does when the machine sends: the host's `klar-submit`, then, unless a
// listener cancelled it, the receiver at `submit-url` (src/submit/send.ts). In the late chunk
// (docs/decisions/0012-lazy-chunks.md): Send and Retry are on the review page, which waits for that chunk.
import type { FormDefinition } from '../../src/definition/types.ts';
import type { Receipt, SubmitFailure } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { sendForReceipt, type SendStatus } from '../../src/submit/send.ts';
import { sendStatusText } from '../review/review-page.ts';
import type { Submitter } from './submitter.ts';

/**
 * `klar-submit`: bubbles, is composed and cancelable; `detail` is the submission record (a copy).
 * A host that sends the submission itself calls `respondWith(promise)`, which also cancels the
 * widget's own sending; the promise gives `{ reference }` for the receipt, or rejects to say it failed.
 * Sent again on each retry: with the same submission id while the submission is the same, with a new
 * one when it changed (`earlierIds` then names the ids tried before, which may also have arrived).
 */
/** What a host that sends itself answers: the reference, and the receiver's link for documents sent later if any. */
type HostResponse = { reference?: string | null; followUp?: { link: string; expiresAt: string } };

export class KlarSubmitEvent extends CustomEvent<Submission> {
  #response: Promise<HostResponse> | null = null;

  constructor(
    submission: Submission,
    readonly files: ReadonlyMap<string, readonly File[]>,
    readonly earlierIds: readonly string[] = [],
  ) {
    super('klar-submit', { detail: submission, bubbles: true, composed: true, cancelable: true });
  }

  respondWith(response: Promise<HostResponse>): void {
    this.#response = response;
    this.preventDefault();
  }

  get response(): Promise<HostResponse> | null {
    return this.#response;
  }
}

/** What the machine's onError reads (see SubmitFailure in the machine). */
export const failure = (details: SubmitFailure): Error => Object.assign(new Error(details.reason), details);

interface WidgetSend {
  host: HTMLElement;
  submission: Submission;
  files: ReadonlyMap<string, readonly File[]>;
  earlierIds: readonly string[];
  definition: FormDefinition;
  signal: AbortSignal;
  onStatus(status: SendStatus): void;
}

/** The Submitter's sending (its actor waits for this chunk first): each change of status is shown and said. */
export function sendForSubmitter(submitter: Submitter, submission: Submission, signal: AbortSignal): Promise<Receipt> {
  const { host, wiring } = submitter;
  const session = wiring.session();
  if (!session) throw failure({ reason: 'network' });
  return sendFromWidget({
    host,
    submission,
    files: wiring.files(),
    earlierIds: session.snapshot.context.earlierIds,
    definition: session.definition,
    signal,
    onStatus: (status) => {
      submitter.status = status;
      // Each change is said: offline, or when the next try is.
      wiring.focus.announce(sendStatusText(session.texts, status));
      host.requestUpdate();
    },
  });
}

/** The host's listener answers, or the widget sends to `submit-url`; neither: a receipt without a reference. */
async function sendFromWidget({
  host,
  submission,
  files,
  earlierIds,
  definition,
  signal,
  onStatus,
}: WidgetSend): Promise<Receipt> {
  const event = new KlarSubmitEvent(structuredClone(submission), files, [...earlierIds]);
  if (!host.dispatchEvent(event)) {
    const response = await event.response?.catch(() => {
      throw failure({ reason: 'network' });
    });
    const followUp = response?.followUp;
    return {
      reference: response?.reference ?? null,
      ...(typeof followUp?.link === 'string' && typeof followUp.expiresAt === 'string'
        ? { followUp: { link: followUp.link, expiresAt: followUp.expiresAt } }
        : {}),
    };
  }
  const url = host.getAttribute('submit-url');
  if (!url) return { reference: null };
  return sendForReceipt(
    { url: new URL(url, document.baseURI).href, submission, files, signal, earlierIds, onStatus },
    definition,
  );
}

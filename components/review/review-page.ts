// The review page once the late chunk is here (docs/decisions/0012-lazy-chunks.md): the warnings, the
// answers with change links, the help request, the privacy notice, Send or Retry, and what sending waits
// for. <klar-skjema> renders the heading, the intro ("loading" until the chunk is here) and Back around
// these parts (klar-skjema.ts), so focus on them stays when the chunk arrives. What changes is said in the
// widget's one live region (components/klar-skjema/focus.ts), by the Submitter.
import { html, nothing, type TemplateResult } from 'lit';
import type { Texts } from '../../src/browser/i18n.ts';
import type { SendStatus } from '../../src/submit/send.ts';
import { helpRequestSummary, type HelpHost } from '../help/help-panel.ts';
import { privacySection, type PrivacyHost } from '../privacy/privacy.ts';
import { show } from '../fields/text.ts';
import { answerSummary, reviewWarnings, warningsTemplate, type ChangeAnswer, type SummaryHost } from './review.ts';

export interface ReviewPage {
  texts: Texts;
  model: SummaryHost;
  extras: HelpHost & PrivacyHost;
  /** A text for the screen, with the Norwegian original when asked for. */
  show(keys: string | string[], params?: Record<string, unknown>): TemplateResult;
  change: ChangeAnswer;
  /** 'submitting' or 'failed' (the machine's state), or 'review'. */
  phase: string;
  /** Why the last sending failed (an i18n key suffix), or null. */
  failure: string | null;
  /** What sending waits for (the Submitter's status). */
  status: SendStatus | null;
  submit(): void;
  retry(): void;
}

/** The i18n key and parameters of what sending waits for (offline, or when it tries again), or null. */
function sendStatusKey(status: SendStatus | null): [string, Record<string, unknown>] | null {
  if (status?.state === 'offline') return ['widget:submit.offline', {}];
  if (status?.state === 'retrying') return ['widget:submit.retrying', { count: Math.round(status.delayMs / 1000) }];
  return null;
}

/** What sending waits for, in words, for the widget's live region (submitter.ts); '' when it waits for nothing. */
export function sendStatusText(texts: Texts, status: SendStatus | null): string {
  const key = sendStatusKey(status);
  return key ? texts.t(...key) : '';
}

/** What sending waits for, seen on the page (said in the live region by the Submitter). */
function sendStatus(texts: Texts, status: SendStatus | null): TemplateResult {
  const key = sendStatusKey(status);
  return html`<div class="send-status">${key ? html`<p class="panel">${show(texts, ...key)}</p>` : nothing}</div>`;
}

/** Under the heading and the intro: the warnings, the answers, the help request, privacy, a failure and sending's status. */
export function reviewBody(page: ReviewPage): TemplateResult {
  const { texts, model, extras, failure } = page;
  return html`${warningsTemplate(texts, reviewWarnings(model, page.change))}
      ${answerSummary(model, page.change)}
      ${helpRequestSummary(extras)}
      ${privacySection(extras)}
      ${failure ? html`<div class="error-summary" part="error-summary"><p>${page.show(`widget:sendFailed.${failure}`)}</p></div>` : nothing}
      ${sendStatus(texts, page.status)}`;
}

/** Send, or Retry after a failure; before Back, which is always there. */
export function sendButton(page: ReviewPage): TemplateResult {
  const sending = page.phase === 'submitting';
  return page.phase === 'failed'
    ? html`<button type="button" class="button" part="button" @click=${() => page.retry()}>${page.show('widget:actions.retry')}</button>`
    : html`<button type="button" class="button" part="button" ?disabled=${sending} aria-disabled=${sending ? 'true' : 'false'} @click=${() => page.submit()}>${sending ? page.show('widget:sending') : page.show('widget:actions.submit')}</button>`;
}

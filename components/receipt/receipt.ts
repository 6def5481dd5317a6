// The receipt (docs/users.md N18): the reference, when it was sent, what the user asked for (contact,
// interpreter), documents still to send and how, what happens next, how to add more, and everything
// that was sent. In the user's language; "Show Norwegian text" in the toolbar works here too, and the
// print stylesheet (receipt.styles.ts) prints it all without buttons or toolbar.
import { html, nothing, type TemplateResult } from 'lit';
import type { Receipt } from '../../src/engine/machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { formatTime } from '../../src/i18n/format.ts';
import { contactList, helpRequestLines, type HelpHost } from '../help/help-panel.ts';
import { answerSummary, type SummaryHost } from '../review/review.ts';
import { documentsNotHad, documentsToSend, missingItems } from '../review/missing.ts';
import { keysFor } from '../../src/i18n/named-keys.ts';
import { documentText } from '../../src/i18n/document-text.ts';
import { followUpAddress } from '../follow-up/address.ts';

export interface ReceiptHost extends Pick<HelpHost, 'texts' | 'show' | 'locale' | 'contact'> {
  /** The answers that were sent. */
  readonly model: SummaryHost;
  readonly submission: Submission | null;
  readonly receipt: Receipt | null;
  /** The page the link for documents sent later opens (the host page, or the element's follow-up-page). */
  readonly followUpPage?: string;
}

/** When it was sent, in the user's language and Norwegian time (the office's). */
export function sentTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatTime(date, locale, { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * An earlier version of this application may also have arrived (its answer was lost, then the user changed
 * something and sent again): said plainly, with its reference, so nobody is surprised by two.
 */
function earlierVersions({ show, receipt, locale }: ReceiptHost): TemplateResult | typeof nothing {
  const earlier = receipt?.earlier;
  if (!earlier) return nothing;
  if (earlier.references.length > 0) {
    const lng = Intl.ListFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'nb';
    return html`<p class="receipt-earlier">${show('widget:receipt.earlier', { earlier: new Intl.ListFormat(lng, { type: 'conjunction' }).format(earlier.references) })}</p>`;
  }
  return earlier.unknown ? html`<p class="receipt-earlier">${show('widget:receipt.earlierUnknown')}</p>` : nothing;
}

/** The way back (decision 0035): a link to send documents later and see the status, what to do with it, until when. */
function followUpSection({ show, receipt, followUpPage, locale }: ReceiptHost): TemplateResult | typeof nothing {
  const followUp = receipt?.followUp;
  if (!followUp || !followUpPage) return nothing;
  const address = followUpAddress(followUpPage, followUp.link);
  const until = new Date(followUp.expiresAt);
  const date = Number.isNaN(until.getTime()) ? followUp.expiresAt : formatTime(until, locale, { dateStyle: 'long' });
  return html`<section class="receipt-follow-up" aria-labelledby="ks-receipt-follow-up">
    <h3 id="ks-receipt-follow-up">${show('widget:followUp.receiptTitle')}</h3>
    <p>${show('widget:followUp.receiptLink')}</p>
    <p class="receipt-link"><a href=${address}>${show('widget:followUp.receiptLinkText', { reference: receipt.reference ?? '' })}</a></p>
    <p class="receipt-link-address"><bdi dir="ltr">${address}</bdi></p>
    <p>${show('widget:followUp.receiptSave', { date })}</p>
    <p>${show('widget:followUp.receiptSecret')}</p>
  </section>`;
}

export function receiptView(host: ReceiptHost): TemplateResult {
  const { texts, show, model, submission, receipt } = host;
  const formId = model.definition.id;
  const items = missingItems({ ...model, unsure: submission?.unsure ?? model.unsure, hasText: () => false });
  const toSend = documentsToSend(items);
  const notHad = documentsNotHad(items);
  const asked = helpRequestLines(host, submission?.help);
  const documentName = (id: string) => {
    const { key, values } = documentText(model.definition, model.answers, id, 'label', texts.locale);
    return show(
      keysFor((k, v) => texts.t(k, v), key, values),
      values,
    );
  };
  const documentList = (ids: string[]) =>
    html`<ul class="receipt-list">${ids.map((id) => html`<li>${documentName(id)}</li>`)}</ul>`;
  return html`<div class="receipt">
    <h2 class="heading" id="ks-heading" tabindex="-1" part="heading">${show('widget:receipt.title')}</h2>
    <div class="panel" part="receipt-panel">
      <p class="receipt-reference">${
        receipt?.reference
          ? show('widget:receipt.reference', { reference: receipt.reference })
          : show('widget:receipt.noReference')
      }</p>
      ${earlierVersions(host)}
      ${submission ? html`<p>${show('widget:receipt.sentAt', { time: sentTime(submission.submittedAt, host.locale) })}</p>` : nothing}
    </div>
    ${
      asked.length > 0
        ? html`<h3>${show('widget:help.askedTitle')}</h3>
      <ul class="receipt-list">${asked.map((line) => html`<li>${line}</li>`)}</ul>`
        : nothing
    }
    ${
      toSend.length > 0
        ? html`<section class="receipt-documents" aria-labelledby="ks-receipt-later">
      <h3 id="ks-receipt-later">${show('widget:receipt.documentsLater')}</h3>
      ${documentList(toSend)}
      <p>${show([`${formId}:receipt.documentsHow`, 'widget:receipt.documentsHow'])}</p>
    </section>`
        : nothing
    }
    ${
      notHad.length > 0
        ? html`<section aria-labelledby="ks-receipt-not-had">
      <h3 id="ks-receipt-not-had">${show('widget:receipt.documentsNotHad')}</h3>
      ${documentList(notHad)}
      <p>${show('widget:receipt.documentsNotHadMeans')}</p>
    </section>`
        : nothing
    }
    ${followUpSection(host)}
    <h3>${show('widget:receipt.nextTitle')}</h3>
    <p>${show([`${formId}:receipt.next`, 'widget:receipt.next'])}</p>
    ${texts.has(`${formId}:receipt.when`) ? html`<p>${show(`${formId}:receipt.when`)}</p>` : nothing}
    <h3>${show('widget:receipt.moreTitle')}</h3>
    <p>${show('widget:receipt.more')}</p>
    ${contactList(host)}
    <h3>${show('widget:receipt.sent')}</h3>
    ${answerSummary(model, undefined, 4)}
    <div class="actions no-print" part="actions">
      <button type="button" class="button button--secondary" part="button" @click=${() => window.print()}>${show('widget:actions.print')}</button>
    </div>
  </div>`;
}

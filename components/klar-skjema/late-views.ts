// The element's views that come with the late chunk (docs/decisions/0012-lazy-chunks.md): the review page's body
// and Send, the receipt, and the help and privacy under a step, wired to the session and the focus controller
// that <klar-skjema> hands over in a LateHost. Types only from the element's modules, never the element itself.
import { html, nothing, type TemplateResult } from 'lit';
import type { SendStatus } from '../../src/submit/send.ts';
import type { HelpRequest } from '../../src/engine/help.ts';
import { parseContact, type ContactInput } from '../help/contact.ts';
import { helpPanel } from '../help/help-panel.ts';
import { privacyDisclosure } from '../privacy/privacy.ts';
import { receiptView } from '../receipt/receipt.ts';
import { FollowUpPage } from '../follow-up/follow-up.ts';
import type { SummaryHost } from '../review/review.ts';
import { reviewBody, sendButton, type ReviewPage } from '../review/review-page.ts';
import type { Focus } from './focus.ts';
import type { Session } from './session.ts';

export interface LateHost {
  session: Session;
  focus: Focus;
  contact: ContactInput | string | undefined;
  /** What sending waits for (the Submitter's status). */
  status: SendStatus | null;
  /** The element, for the attributes only the late parts read (follow-up-page, follow-up-url). */
  element: HTMLElement;
}

/** What the help panel, the privacy notice and the receipt need (components/help, privacy, receipt). */
function extras({ session, focus, contact: input }: LateHost) {
  const contact = parseContact(input);
  return {
    texts: session.texts,
    locale: session.locale,
    contact,
    help: session.snapshot.context.help,
    formId: session.definition.id,
    ...(contact.privacy ? { privacyUrl: contact.privacy.url } : {}),
    show: (keys: string | string[], params?: Record<string, unknown>) => session.show(keys, params),
    changeHelp: (change: Partial<HelpRequest>) =>
      session.send({ type: 'SET_HELP_REQUEST', help: { ...session.snapshot.context.help, ...change } }),
    focus,
  };
}

/** The answers for the review page, or as they were sent for the receipt. */
function summaryModel(session: Session): SummaryHost {
  const { relevance, unsure, submission } = session.snapshot.context;
  const sent = session.phase === 'submitted' ? submission : null;
  const { definition, texts, locale } = session;
  const answers = sent ? sent.answers : relevance.answers;
  return { definition, validators: session.formPackage.validators, texts, locale, relevance, answers, unsure };
}

function reviewPage(host: LateHost): ReviewPage {
  const { session, focus } = host;
  return {
    texts: session.texts,
    model: summaryModel(session),
    extras: extras(host),
    show: (keys, params) => session.show(keys, params),
    change: (stepId, targetId) => {
      session.send({ type: 'GO_TO', step: stepId });
      focus.moveAfterRender({ id: targetId });
    },
    phase: session.phase,
    failure: session.snapshot.context.submitError,
    status: host.status,
    submit: () => {
      session.send({ type: 'SUBMIT' });
      // Refused on the way (an answer no longer valid): back on its step, to the error summary.
      focus.moveAfterRender(session.phase === 'filling' ? 'summary' : 'heading');
    },
    retry: () => {
      session.send({ type: 'RETRY' });
      focus.moveAfterRender('heading');
    },
  };
}

/** Under the review page's heading and intro. */
export const reviewView = (host: LateHost): TemplateResult => reviewBody(reviewPage(host));

/** Send or Retry, before Back. */
export const sendView = (host: LateHost): TemplateResult => sendButton(reviewPage(host));

export const receipt = (host: LateHost): TemplateResult => {
  const { submission, receipt } = host.session.snapshot.context;
  const page = host.element.getAttribute('follow-up-page');
  return receiptView({
    ...extras(host),
    model: summaryModel(host.session),
    submission,
    receipt,
    followUpPage: new URL(page ?? location.href, location.href).href,
  });
};

/** "Trenger du hjelp?" under a step or the review page, and the privacy notice under a step. */
export function stepHelp(host: LateHost): TemplateResult | typeof nothing {
  const phase = host.session.phase;
  if (phase === 'submitted') return nothing;
  const help = extras(host);
  return html`${helpPanel(help)}${phase === 'filling' ? privacyDisclosure(help) : nothing}`;
}

/** The page the receipt's link opens (components/follow-up): made once per element, it renders itself. */
export function followUpPage(host: LateHost, link: string, update: () => void): FollowUpPage {
  const { element } = host;
  const submitUrl = element.getAttribute('submit-url');
  // The receiver's /api/follow-up beside its /api/forms/<form>/submissions, unless the element names another.
  const url = new URL(
    element.getAttribute('follow-up-url') ??
      (submitUrl ? new URL('../../follow-up', new URL(submitUrl, document.baseURI)).href : '/api/follow-up'),
    document.baseURI,
  ).href;
  return new FollowUpPage({ session: host.session, focus: host.focus, url, link, update });
}

// What the first step does not need, in a chunk of its own that loads while the form package loads
// (docs/decisions/0012-lazy-chunks.md): the review page, the receipt, the help panel, the privacy
// notice, sending, register values to confirm (prefill), the drafts' views and server store (the tab's own draft and the quick exit stay in
// the main chunk), the honest plain switch's counts and note (plain-switch.ts), and measuring the host's sticky bars (focus.ts keeps to scroll-offset until it is here). Import it only through late-loader.ts, never statically, or it lands in the entry.
import { lateMainStyles } from './late.styles.ts';
import { helpStyles } from '../help/help.styles.ts';
import { receiptStyles } from '../receipt/receipt.styles.ts';
import { readAloudStyles } from '../read-aloud/read-aloud.ts';
import { summaryStyles } from '../review/summary.styles.ts';
import { glossaryStyles } from '../glossary/glossary.ts';

/** Adopted into each widget's shadow root when the chunk arrives (late-loader.ts); receipt's print rules last. */
export const lateStyles = [glossaryStyles, lateMainStyles, helpStyles, summaryStyles, readAloudStyles, receiptStyles];

export { reviewView, sendView, receipt, stepHelp, followUpPage } from './late-views.ts';
export { sendForSubmitter } from '../submit/widget-send.ts';
export { submissionFingerprint } from '../../src/engine/submission-digest.ts';
export { sending } from '../../src/engine/sending.ts';
export { itemChanges } from '../../src/engine/item-changes.ts';
export { updateRelevance } from '../../src/engine/relevance-update.ts';
export { prepareRest, restWaits } from './rest.ts';
export { draftDate, draftWarnings, offerAnnouncement, offerView, savePanel } from '../drafts/drafts-views.ts';
export { ServerDraftStore } from '../../src/drafts/server-store.ts';
export { readDraft } from '../../src/drafts/parse-draft.ts';
export { restoreDraft } from '../../src/drafts/restore-draft.ts';
export { keepValid } from '../../src/drafts/keep-valid.ts';
export { attachments } from '../fields/attachments.ts';
export { fieldGlossary } from '../glossary/glossary.ts';
export { group } from '../fields/group.ts';
export { readAloudButton, ReadAloudController } from '../read-aloud/read-aloud.ts';
export { questionReadAloud } from '../fields/read-aloud-field.ts';
export { coveredByBars } from './host-bars.ts';
export { prefillableField } from '../prefill/prefill-field.ts';
export { plainNote, plainReport, plainSaid } from './plain-switch.ts';
export { prepareAhead } from './prepare-ahead.ts';

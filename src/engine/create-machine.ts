// The wizard machine with its own fingerprint (src/engine/submission-digest.ts), sending's bookkeeping
// (src/engine/sending.ts) and item changes (src/engine/item-changes.ts), for Node hosts and tests. The widget builds it with wizardMachine() and both from its
// late chunk, so they are not in the initial JavaScript (docs/decisions/0012-lazy-chunks.md); a module of its own
// because esbuild splits by file.
import { wizardMachine, type WizardOptions } from './machine.ts';
import type { FormPackage } from './form-package.ts';
import { submissionFingerprint } from './submission-digest.ts';
import { updateRelevance } from './relevance-update.ts';
import { sending } from './sending.ts';
import { itemChanges } from './item-changes.ts';

/** The wizard machine; a new submission id whenever the body differs from the one last tried. */
export function createWizardMachine(formPackage: FormPackage, options: WizardOptions = {}) {
  return wizardMachine(formPackage, {
    fingerprint: submissionFingerprint,
    updateRelevance: () => updateRelevance,
    sending: () => sending,
    items: () => itemChanges,
    ...options,
  });
}

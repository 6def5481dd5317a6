// What the first step waits for: not the whole-submission check (submission.js, the largest part of a form
// package), which only Send needs (docs/decisions/0029-first-step-loading.md).
import { equal } from '../browser/assert.ts';
import { until } from './driver.ts';

describe('the first step and the whole-submission check', () => {
  it('shows the first step before submission.js is asked for, and loads it afterwards', async () => {
    const requested = () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('/build/forms/kontakt/submission.js'));
    document.body.replaceChildren();
    const widget = document.createElement('klar-skjema');
    let askedBeforeReady: boolean | null = null;
    widget.addEventListener('klar-ready', () => (askedBeforeReady = requested()));
    widget.setAttribute('form', '/build/forms/kontakt/');
    document.body.append(widget);
    await until(() => askedBeforeReady !== null, 'the form to be ready');
    equal(askedBeforeReady, false, 'submission.js is not part of the first step');
    await until(requested, 'submission.js loaded after the first step');
    widget.remove();
  });
});

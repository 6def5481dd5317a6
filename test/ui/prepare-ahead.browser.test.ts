// What Continue will draw is prepared while the user reads (components/klar-skjema/prepare-ahead.ts): once the
// user has shown intent, the next step's questions are drawn at idle into an element that is never on the page.
// Nothing of it may show, be said, move focus or reach the machine; and a visitor who only looks pays nothing.
// Seen through the field host the widget hands its templates (FieldWiring.fieldHost): which texts were asked for.
import { equal } from '../browser/assert.ts';
import { activeId, headingText, liveText, mountWidget, root, until, type Widget } from './driver.ts';
import { FieldWiring } from '../../components/klar-skjema/field-wiring.ts';
import type { FieldHost } from '../../components/fields/field-host.ts';

/** The first question of sosialhjelp's second step. */
const SECOND_STEP_LABEL = 'sosialhjelp:fields.soker-om.label';
const SECOND_STEP_TEXT = 'Hva trenger du penger til?';

/** Every text key a field template asked for, in order. */
const asked: string[] = [];
const fieldHost = Object.getOwnPropertyDescriptor(FieldWiring.prototype, 'fieldHost')!
  .value as FieldWiring['fieldHost'];

before(() => {
  FieldWiring.prototype.fieldHost = function (this: FieldWiring, session): FieldHost {
    const host = fieldHost.call(this, session);
    const show = host.show;
    host.show = (keys, params) => {
      asked.push(String(keys));
      return show(keys, params);
    };
    return host;
  };
});

after(() => {
  FieldWiring.prototype.fieldHost = fieldHost;
});

/** Several idle periods: the preparation takes one per question, each scheduled by the one before. */
async function pastIdle(periods = 20): Promise<void> {
  for (let period = 0; period < periods; period++)
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
}

const askedForSecondStep = (): boolean => asked.some((keys) => keys.includes(SECOND_STEP_LABEL));

describe('prepare ahead', () => {
  it('prepares nothing while the visitor only looks', async () => {
    document.body.replaceChildren();
    sessionStorage.clear();
    localStorage.clear();
    asked.length = 0;
    const widget = document.createElement('klar-skjema') as Widget;
    widget.setAttribute('form', '/build/forms/sosialhjelp/');
    document.body.append(widget);
    await until(() => widget.status === 'ready' && root(widget).querySelector('#ks-heading') !== null, 'the form');
    await pastIdle();
    equal(askedForSecondStep(), false, "the second step's questions are not drawn before intent");
    widget.remove();
  });

  it("draws the next step's questions off the page after intent, and nothing of it shows", async () => {
    asked.length = 0;
    const widget = await mountWidget('sosialhjelp');
    const heading = headingText(widget);
    // The step itself (the save status under it may change meanwhile: the draft is written at idle too).
    const step = () => root(widget).querySelector('form.step')!.innerHTML;
    const html = step();
    const said = liveText(widget);
    const focused = activeId(widget);
    const snapshot = widget.snapshot;
    await until(askedForSecondStep, "the second step's questions drawn ahead");
    await pastIdle();
    equal(headingText(widget), heading, 'still on the first step');
    equal(step(), html, 'the step is as it was');
    equal(root(widget).textContent!.includes(SECOND_STEP_TEXT), false, "the second step's question is not on the page");
    equal(liveText(widget), said, 'nothing said');
    equal(activeId(widget), focused, 'focus not moved');
    equal(widget.snapshot, snapshot, 'the machine heard nothing');
    widget.remove();
  });
});

// What the user's next moves need, prepared while they read (issue 20; decisions 0037, 0040). In the late chunk,
// so it runs only once the user has shown intent (or the widget needed the chunk itself), and at idle.
// - Continue: the first time a step's check runs, V8 compiles its validators; the first time a field kind is
//   drawn, Lit parses its template and V8 compiles its code. Both happened on the click, between the press and
//   the next step's paint. Here the step is checked on its answers and the next step's questions are drawn into
//   an element that is never on the page; the results are dropped, the templates and compiled code stay, so
//   Continue only checks and clones. Nothing is shown, said, sent or kept: the view draws itself as before.
import { render } from 'lit';
import { validateStep } from '../../src/engine/field-errors.ts';
import { renderField } from '../fields/fields.ts';
import type { FieldWiring } from './field-wiring.ts';
import type { Session } from './session.ts';
import { whenIdle, type IdleTime } from './when-idle.ts';

/** The longest run of pieces in one idle callback, in ms (a piece: 1–5 ms at 4× CPU on sosialhjelp). */
const SLICE_MS = 4;

/** Per session, the step and the step after it last prepared. (The dependency graph is rest.ts's, in slices.) */
const prepared = new WeakMap<Session, string>();

/**
 * Called after each render of the widget (cheap until there is something to do). The next step's texts are part
 * of the rest of the package (decision 0038): nothing is prepared before it is here.
 */
export function prepareAhead(session: Session | null, fields: FieldWiring): void {
  if (!session) return;
  const { definition } = session;
  const key = nextKey(session);
  if (!key || prepared.get(session) === key || !session.laterReady()) return;
  prepared.set(session, key);
  const [current, next] = key.split(' ').map((id) => definition.steps.find((step) => step.id === id)!);
  const { validators } = session.formPackage;
  // In pieces, while the browser is idle and for at most SLICE_MS at a time: the idle deadline does not end when a
  // key or a click comes, so that is what one of them may wait.
  const pieces = [
    () => {
      const { answers, unsure, relevance } = session.snapshot.context;
      validateStep(current!, { definition, validators, answers, unsure, relevance });
    },
    // Every question of the next step, also those its own answers bring: their templates are ready too.
    ...next!.fields.map((field) => () => {
      const host = fields.fieldHost(session);
      const place = { path: `/${field.id}`, value: session.snapshot.context.answers[field.id] };
      render(renderField(host, field, place), document.createElement('div'));
    }),
  ];
  idle((deadline) => {
    // The user has moved on: the view they moved to is prepared after its own render.
    if (nextKey(session) !== key) return false;
    // At least one piece (an idle callback run by its timeout has no time left), none while input waits.
    const started = performance.now();
    let ran = false;
    while (pieces.length > 0 && !inputPending() && (!ran || deadline.timeRemaining() > 0)) {
      pieces.shift()!();
      ran = true;
      if (performance.now() - started >= SLICE_MS) break;
    }
    return pieces.length > 0;
  });
}

/** Runs `work` when the browser is idle (when-idle.ts), again while it returns true. */
function idle(work: (deadline: IdleTime) => boolean): void {
  whenIdle((deadline) => {
    if (work(deadline)) idle(work);
  });
}

type Scheduling = { scheduling?: { isInputPending?: () => boolean } };
/** A key or a press is waiting for the main thread (Chromium says so): it goes first. */
const inputPending = (): boolean => (navigator as Navigator & Scheduling).scheduling?.isInputPending?.() ?? false;

/** "step next" while a step is being filled in and another relevant step follows it. */
function nextKey(session: Session): string | undefined {
  if (session.phase !== 'filling') return undefined;
  const { step, relevance } = session.snapshot.context;
  const next = relevance.steps[relevance.steps.indexOf(step) + 1];
  return next && `${step} ${next}`;
}

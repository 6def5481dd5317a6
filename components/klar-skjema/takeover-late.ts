// Taking over the first step the host's server drew as declarative shadow DOM (packages/tools/src/first-step.ts, decision
// 0041). The server's nodes stay on screen, and stay usable, until the widget's own view is ready; then, in the
// one task of that render, what the user typed, ticked and chose there goes into the widget's inputs (through
// their own input and change events, so the machine hears it as typing), the server's nodes go, and focus and
// the caret come back to the same field. Nothing is painted in between, so nothing flashes.
// A chunk of its own, loaded only on a page with such a step (the widget's initial code stays within its budget):
// takeover.ts finds the server's nodes and holds the widget's view back until this is here.
import type { RemoveDrawn, TakeoverWiring } from './takeover.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the user left in one control of the server's step. */
interface Entered {
  id: string;
  value: string;
  checked: boolean;
}

const isControl = (element: Element | null): element is Control =>
  element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;

/** Text the user types: its value goes in with `input`; a choice with `change`, as the widget listens. */
const typedIn = (control: Control): boolean =>
  control instanceof HTMLTextAreaElement ||
  (control instanceof HTMLInputElement && !['checkbox', 'radio', 'file'].includes(control.type));

/** The user changed it: only that is carried over (the server's language, drawn for another page, is not a choice). */
const changed = (control: Control): boolean =>
  control instanceof HTMLSelectElement
    ? [...control.options].some((option) => option.selected !== option.defaultSelected)
    : control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')
      ? control.checked !== control.defaultChecked
      : control.value !== control.defaultValue;

/** Replaces the server's nodes with the view the widget has just drawn beside them, keeping what the user did. */
export function takeOver(root: ShadowRoot, drawn: ChildNode[], wiring: TakeoverWiring, remove: RemoveDrawn): void {
  const controls = drawn.flatMap((node) =>
    node instanceof Element ? [...node.querySelectorAll('input[id], select[id], textarea[id]')].filter(isControl) : [],
  );
  const entered: Entered[] = controls.filter(changed).map((control) => ({
    id: control.id,
    value: control.value,
    checked: control instanceof HTMLInputElement && control.checked,
  }));
  const active = root.activeElement;
  const caret =
    isControl(active) && !(active instanceof HTMLSelectElement) && controls.includes(active)
      ? { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection }
      : null;
  const focused = active && drawn.some((node) => node.contains(active)) ? active.id : '';
  // Continue pressed there before the widget ran (loader.ts marks the form): pressed again once all is carried over.
  const continued = drawn.some(
    (node) =>
      node instanceof Element && (node.matches('[data-klar-continue]') || node.querySelector('[data-klar-continue]')),
  );
  warnIfStale(drawn, wiring);
  // The widget's view, drawn after the server's (takeover.ts), takes its place line for line; the page stays put.
  remove();
  // Ids are the same in both views: each control the widget drew gets what the user left in its twin.
  for (const { id, value, checked } of entered) {
    const control = root.getElementById(id);
    if (!isControl(control)) continue;
    if (typedIn(control)) {
      if (control.value === value) continue;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      wiring.flush();
    } else if (control instanceof HTMLInputElement && control.type !== 'file') {
      if (control.checked === checked) continue;
      control.checked = checked;
      control.dispatchEvent(new Event('change', { bubbles: true }));
      wiring.flush();
    } else if (control instanceof HTMLSelectElement && control.value !== value) {
      control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
      wiring.flush();
    }
  }
  if (focused && root.getElementById(focused)) restoreFocus(root, focused, caret, wiring);
  if (continued) root.querySelector<HTMLButtonElement>('form.step button[type=submit]')?.click();
}

function restoreFocus(
  root: ShadowRoot,
  focused: string,
  caret: { start: number | null; end: number | null; direction: string | null } | null,
  wiring: TakeoverWiring,
): void {
  // Where the user left it, and the page stays where they scrolled it: their focus moves to its twin, nothing jumps.
  wiring.focus.move({ id: focused }, true);
  const control = root.getElementById(focused);
  if (caret && isControl(control) && !(control instanceof HTMLSelectElement) && caret.start !== null)
    try {
      control.setSelectionRange(
        caret.start,
        caret.end ?? caret.start,
        (caret.direction ?? 'none') as 'forward' | 'backward' | 'none',
      );
    } catch {
      // Inputs without a caret (such as email in some browsers) keep the one focus gave them.
    }
}

/**
 * A page drawn from another version or language of the form: the widget's own view shows, and the host is told. Not
 * a step the loader drew from the package (decision 0044): that is this package's, and the widget starting in another
 * language (a draft's, say) is no fault of the host's.
 */
function warnIfStale(drawn: ChildNode[], wiring: TakeoverWiring): void {
  const session = wiring.session();
  const style = drawn.find((node): node is HTMLStyleElement => node instanceof HTMLStyleElement);
  const mark = style?.getAttribute('data-klar-first-step') ?? '';
  if (!session || !style) return;
  const { definition, locale, variant } = session;
  const expected = `${definition.id}@${definition.version} ${locale} ${variant}`;
  if (mark !== expected)
    console.warn(
      `<klar-skjema>: the page's first step was drawn from "${mark}", the widget shows "${expected}": draw it again from this package (klarskjema first-step).`,
    );
}

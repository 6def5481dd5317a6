// Layout and presentation promises of docs/design.md principle 6, on every step of both example forms:
// - Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px, nor at 1280 px. 400 % zoom of a
//   1280 px wide window is a 320 CSS px viewport, so the 320 px runs are the 400 % zoom check too
//   (the browser then lays out exactly as here, only drawn four times larger).
// - Target size (WCAG 2.5.8): controls and buttons at least 24×24 CSS px.
// - Focus visible (2.4.7) in forced colours (Windows High Contrast), where box-shadows are dropped.
// - prefers-reduced-motion: focus still moves to the new step's heading, and it is on screen at once
//   (the widget must not rely on smooth scrolling to bring it into view).
// - 200 % text-only zoom (WCAG 1.4.4, the root font size doubled) at 1280 px: the same three checks.
// - Text spacing (WCAG 1.4.12) at 320 px, set as a user's style sheet on the page and inside the widget: no
//   clipped text, no control or label on top of another, no sideways scrolling, on every view; and the spacing
//   the page sets reaches the widget's text (no rule inside resets it).
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import {
  activeElement,
  activeId,
  byId,
  clickButton,
  definitionOf,
  fillStep,
  fillShown,
  formIds,
  fullAnswers,
  headingText,
  mountWidget,
  next,
  root,
  saveNow,
  settle,
  until,
  type Widget,
} from './driver.ts';
import { setPageTextSpacing, setTextSize, setTextSpacing } from './host-page.ts';

const FORMS = await formIds();
const WIDTHS = [320, 1280];
const DEFAULT_VIEWPORT = { width: 800, height: 600 };

/** Every view of a form: each step empty, with errors (where Continue fails), answered; review; receipt. */
async function walk(formId: string, visit: (widget: Widget, moment: string) => Promise<void>): Promise<string[]> {
  const definition = await definitionOf(formId);
  const widget = await mountWidget(formId);
  const seen: string[] = [];
  const see = async (moment: string) => {
    // The same layout on every run: the save status line is there (not only once the debounced save has landed).
    await saveNow(widget);
    seen.push(moment);
    await visit(widget, moment);
  };
  for (let guard = 0; guard < 20 && widget.snapshot!.value === 'filling'; guard++) {
    const step = widget.snapshot!.context.step;
    await see(`${step}, empty`);
    if (guard === 0) await seeHelpOpen(widget, `${step}, help open`, see);
    await next(widget);
    if (widget.snapshot!.context.errors.length > 0) await see(`${step}, with errors`);
    else await clickButton(widget, 'Tilbake');
    equal(widget.snapshot!.context.step, step);
    const written = fullAnswers[formId];
    if (written) await fillStep(widget, definition, written[step] ?? {});
    else await fillShown(widget, definition, generatedAnswers(definition)[step] ?? {});
    await see(`${step}, answered`);
    // A group item's "remove?" question adds a row of buttons: check it too.
    const remove = [...root(widget).querySelectorAll<HTMLButtonElement>('button[id$="-remove"]')][0];
    if (remove) {
      remove.click();
      await settle(widget);
      await see(`${step}, asking to remove an item`);
      await clickButton(widget, 'Nei, behold');
    }
    await next(widget);
    deepEqual(widget.snapshot!.context.errors, [], `no errors after answering ${step}`);
  }
  equal(widget.snapshot!.value, 'review');
  await see('review');
  await clickButton(widget, 'Send');
  await until(() => widget.snapshot!.value === 'submitted', 'the application to be sent');
  await settle(widget);
  await see('receipt');
  return seen;
}

/**
 * The help panel opened, with a contact and an interpreter asked for (so what each asks next shows too);
 * then both unticked and the panel closed, so the rest of the walk is as before.
 */
async function seeHelpOpen(widget: Widget, moment: string, see: (moment: string) => Promise<void>): Promise<void> {
  const panel = root(widget).querySelector<HTMLDetailsElement>('#ks-help')!;
  const requests = ['ks-help-contact', 'ks-help-interpreter'];
  panel.open = true;
  for (const id of requests) {
    byId(widget, id).click();
    await settle(widget);
  }
  assert(root(widget).querySelector('#ks-help-language') !== null, 'the interpreter request shows the language');
  await see(moment);
  for (const id of requests) {
    byId(widget, id).click();
    await settle(widget);
  }
  panel.open = false;
  await settle(widget);
}

const describeElement = (el: Element): string =>
  `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;

/** Elements that stick out to the right of the viewport, and page-level sideways scrolling. */
function overflow(widget: Widget): string[] {
  const width = window.innerWidth;
  const problems: string[] = [];
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) problems.push(`the page scrolls sideways: scrollWidth ${scrollWidth} > ${width}`);
  for (const el of root(widget).querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.right > width + 1)
      problems.push(
        `${describeElement(el)} ends at ${Math.round(rect.right)} px ("${(el.textContent ?? '').trim().slice(0, 40)}")`,
      );
  }
  return problems;
}

const TARGETS = 'button, input, select, textarea, a[href], summary';

/**
 * Drawn on screen. checkVisibility(): Chromium lays out the content of a closed <details> when asked (it is
 * content-visibility: hidden, in a box of no height), so that content has boxes that spill over what follows
 * the panel, yet nothing of it is drawn. The walk opens the help panel to measure its content where it is.
 */
const shown = (el: Element): boolean => {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && el.checkVisibility() && !el.closest('.visually-hidden, [hidden]');
};

/** Boxes that hide what does not fit (overflow other than visible) and have more than they show. */
function clipped(widget: Widget): string[] {
  const problems: string[] = [];
  for (const el of root(widget).querySelectorAll<HTMLElement>('*')) {
    if (!shown(el) || el.matches('input, select, textarea')) continue;
    const style = getComputedStyle(el);
    const hides = (value: string) => value !== 'visible';
    const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const high = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (wide || high || (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1))
      problems.push(
        `${describeElement(el)} shows ${el.clientWidth}×${el.clientHeight} of ${el.scrollWidth}×${el.scrollHeight} ("${(el.textContent ?? '').trim().slice(0, 30)}")`,
      );
  }
  return problems;
}

/** Controls, labels, hints and error messages whose boxes cross another's (one inside the other is fine). */
function overlaps(widget: Widget): string[] {
  const all = [
    ...root(widget).querySelectorAll<HTMLElement>(`${TARGETS}, label, legend, .hint, .error-message, .heading`),
  ].filter(shown);
  const problems: string[] = [];
  all.forEach((a, i) => {
    const ra = a.getBoundingClientRect();
    for (const b of all.slice(i + 1)) {
      if (a.contains(b) || b.contains(a)) continue;
      const rb = b.getBoundingClientRect();
      const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (x > 1 && y > 1)
        problems.push(`${describeElement(a)} and ${describeElement(b)} overlap by ${x.toFixed(0)}×${y.toFixed(0)} px`);
    }
  });
  return problems;
}

/**
 * Targets smaller than 24×24. Buttons and form controls must be at least 24×24 themselves. Links may
 * instead use WCAG 2.5.8's spacing exception (a 24 px circle on the link's centre touches no other
 * target); links inside running text (a <p>) are exempt as inline targets and are skipped.
 */
function smallTargets(widget: Widget): string[] {
  const all = [...root(widget).querySelectorAll<HTMLElement>(TARGETS)].filter((el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && !el.closest('.visually-hidden');
  });
  const problems: string[] = [];
  for (const el of all) {
    const rect = el.getBoundingClientRect();
    if (rect.width >= 24 && rect.height >= 24) continue;
    if (el.tagName === 'A') {
      if (el.closest('p')) continue;
      const cx = rect.left + rect.width / 2;
      const cy = rect.top + rect.height / 2;
      const crowded = all
        .filter((other) => other !== el && !other.contains(el) && !el.contains(other))
        .some((other) => {
          const r = other.getBoundingClientRect();
          const dx = Math.max(r.left - cx, 0, cx - r.right);
          const dy = Math.max(r.top - cy, 0, cy - r.bottom);
          return Math.hypot(dx, dy) < 12;
        });
      if (!crowded) continue;
    }
    problems.push(
      `${describeElement(el)} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 30)}" is ${rect.width.toFixed(1)}×${rect.height.toFixed(1)} px`,
    );
  }
  return problems;
}

describe('layout', () => {
  afterEach(async () => {
    await setViewport(DEFAULT_VIEWPORT);
    await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
  });

  for (const formId of FORMS) {
    for (const width of WIDTHS) {
      it(`${formId} at ${width} px: no horizontal overflow on any step, with errors, on review or on the receipt`, async () => {
        await setViewport({ width, height: 800 });
        equal(window.innerWidth, width);
        const problems: string[] = [];
        const seen = await walk(formId, async (widget, moment) => {
          for (const problem of overflow(widget)) problems.push(`${moment} (${headingText(widget)}): ${problem}`);
        });
        assert(
          seen.includes('review') && seen.includes('receipt') && seen.some((m) => m.endsWith('with errors')),
          `views checked: ${seen.join('; ')}`,
        );
        deepEqual(problems, [], `overflow at ${width} px`);
      });

      it(`${formId} at ${width} px: buttons and controls are at least 24×24 px`, async () => {
        await setViewport({ width, height: 800 });
        const problems: string[] = [];
        await walk(formId, async (widget, moment) => {
          for (const problem of smallTargets(widget)) problems.push(`${moment}: ${problem}`);
        });
        deepEqual(problems, [], `small targets at ${width} px`);
      });
    }
  }

  for (const formId of FORMS) {
    it(`${formId} at 320 px with WCAG text spacing: no clipped text, no overlap, no sideways scrolling`, async () => {
      await setViewport({ width: 320, height: 800 });
      const problems: string[] = [];
      const unset: Array<() => void> = [];
      try {
        const seen = await walk(formId, async (widget, moment) => {
          if (unset.length === 0) unset.push(setTextSpacing(widget));
          await settle(widget);
          const label = getComputedStyle(root(widget).querySelector('.label, .legend, .heading')!);
          const spacing = parseFloat(label.wordSpacing) / parseFloat(label.fontSize);
          assert(Math.abs(spacing - 0.16) < 0.005, `${moment}: text spacing is on (word-spacing ${label.wordSpacing})`);
          for (const problem of [...overflow(widget), ...clipped(widget), ...overlaps(widget)])
            problems.push(`${moment} (${headingText(widget)}): ${problem}`);
        });
        assert(seen.includes('receipt') && seen.some((m) => m.endsWith('with errors')), `views: ${seen.join('; ')}`);
      } finally {
        unset.forEach((undo) => undo());
      }
      deepEqual(problems, [], `${formId} with text spacing at 320 px`);
    });
  }

  for (const formId of FORMS) {
    it(`${formId} at 200 % text size (text-only zoom, 1280 px): no clipped text, no overlap, no sideways scrolling`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const unset = setTextSize(200);
      const problems: string[] = [];
      try {
        await walk(formId, async (widget, moment) => {
          // Measured once the view has settled (the late chunk's parts, such as the save panel, may still arrive).
          await settle(widget);
          equal(getComputedStyle(root(widget).querySelector('.root')!).fontSize, '36px', 'the text is twice its size');
          for (const problem of [...overflow(widget), ...clipped(widget), ...overlaps(widget)])
            problems.push(`${moment} (${headingText(widget)}): ${problem}`);
        });
      } finally {
        unset();
      }
      deepEqual(problems, [], `${formId} at 200 % text size`);
    });
  }

  it("takes the letter-, word- and line-spacing a user's style sheet sets on the page", async () => {
    const widget = await mountWidget('kontakt');
    const unset = setPageTextSpacing();
    try {
      const host = getComputedStyle(widget);
      for (const el of root(widget).querySelectorAll<HTMLElement>(
        '.label, .legend, .heading, .hint, .input, .button',
      )) {
        const style = getComputedStyle(el);
        const name = describeElement(el);
        // Letter and word spacing are lengths by then (0.12em of the host's font), inherited as they are.
        equal(style.letterSpacing, host.letterSpacing, `${name}: letter-spacing`);
        equal(style.wordSpacing, host.wordSpacing, `${name}: word-spacing`);
        assert(parseFloat(host.letterSpacing) > 0 && parseFloat(host.wordSpacing) > 0, 'the page set spacing');
        // Line height 1.5 is a number, so each element has 1.5 times its own font size.
        const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
        assert(
          Math.abs(ratio - 1.5) < 0.02,
          `${name}: line-height ${style.lineHeight} for font-size ${style.fontSize}`,
        );
      }
    } finally {
      unset();
    }
  });

  it('keeps a visible focus outline in forced colours on a text input, a link, a button and a radio', async () => {
    await emulateMedia({ forcedColors: 'active' });
    assert(window.matchMedia('(forced-colors: active)').matches, 'forced colours are on');
    const widget = await mountWidget('kontakt');
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await settle(widget);
    };
    const tabTo = async (matches: (el: HTMLElement) => boolean, what: string) => {
      for (let i = 0; i < 30; i++) {
        await press('Tab');
        const el = activeElement(widget);
        if (el && matches(el)) return el;
      }
      throw new Error(`Tab never reached ${what}; focus is on #${activeId(widget)}`);
    };
    const outlined = (el: HTMLElement, what: string) => {
      assert(el.matches(':focus-visible'), `${what} matches :focus-visible`);
      const style = getComputedStyle(el);
      assert(style.outlineStyle !== 'none', `${what}: outline-style is ${style.outlineStyle}`);
      assert(parseFloat(style.outlineWidth) >= 2, `${what}: outline-width is ${style.outlineWidth}`);
    };

    const input = await tabTo(
      (el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text',
      'a text input',
    );
    outlined(input, `text input #${input.id}`);
    // A failed Continue (Enter in the text field) puts links in the error summary.
    await press('Enter');
    const link = await tabTo((el) => el.tagName === 'A', 'an error summary link');
    outlined(link, `link ${link.getAttribute('href')}`);
    const button = await tabTo((el) => el.tagName === 'BUTTON', 'a button');
    outlined(button, `button "${button.textContent?.trim()}"`);

    const definition = await definitionOf('kontakt');
    await fillStep(widget, definition, fullAnswers.kontakt!['om-deg']!);
    await next(widget);
    const radio = await tabTo((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio', 'a radio');
    outlined(radio, `radio #${radio.id}`);
  });

  it('keeps checked, invalid and disabled states visible in forced colours', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const widget = await mountWidget('kontakt');
    const border = (el: Element) => {
      const style = getComputedStyle(el);
      return { style: style.borderTopStyle, width: parseFloat(style.borderTopWidth) };
    };
    const controls = '.input, .textarea, .select';
    const valid = border(root(widget).querySelector(controls)!);
    await next(widget);
    const invalid = border(root(widget).querySelector(`.field--error :is(${controls})`)!);
    // Invalid: a border of its own (forced colours give every border the same colour).
    assert(
      invalid.style !== valid.style || invalid.width > valid.width,
      `invalid ${JSON.stringify(invalid)}, valid ${JSON.stringify(valid)}`,
    );
    await fillStep(widget, await definitionOf('kontakt'), fullAnswers.kontakt!['om-deg']!);
    await next(widget);
    assert(root(widget).querySelectorAll('.choice-input').length > 0, 'a step with choices');
    // Checked: the browser's own radios and checkboxes, which forced colours draw with the state.
    for (const choice of root(widget).querySelectorAll<HTMLInputElement>('.choice-input'))
      assert(getComputedStyle(choice).appearance !== 'none', `#${choice.id} keeps the browser's own look`);
    // Disabled: GrayText, at full opacity (forced colours would otherwise show it as enabled).
    const button = root(widget).querySelector<HTMLButtonElement>('button[type=submit]')!;
    const enabled = getComputedStyle(button).color;
    button.disabled = true;
    const disabled = getComputedStyle(button);
    assert(
      disabled.color !== enabled,
      `a disabled button's text (${disabled.color}) differs from an enabled one's (${enabled})`,
    );
    equal(disabled.opacity, '1', 'a disabled button is not only faded');
    button.disabled = false;
  });

  it('moves focus to the new heading with prefers-reduced-motion, and shows it without waiting for a scroll', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    assert(window.matchMedia('(prefers-reduced-motion: reduce)').matches, 'reduced motion is on');
    await setViewport({ width: 320, height: 480 });
    const widget = await mountWidget('kontakt');
    // Host content above and below, so the new step's heading is far out of view when Continue is pressed.
    const above = document.createElement('div');
    above.style.blockSize = '1500px';
    const below = document.createElement('div');
    below.style.blockSize = '1500px';
    widget.before(above);
    widget.after(below);
    const definition = await definitionOf('kontakt');
    await fillStep(widget, definition, fullAnswers.kontakt!['om-deg']!);
    const button = root(widget).querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.scrollIntoView({ block: 'end' });
    button.focus();
    const scrolledTo = window.scrollY;
    await sendKeys({ press: 'Enter' });
    await settle(widget);
    equal(headingText(widget), 'Hva du trenger hjelp med', 'on the next step');
    equal(activeId(widget), 'ks-heading', 'focus is on the new heading');
    // Instant scroll: one frame later the heading is in view. A smooth scroll would still be travelling.
    const rect = root(widget).getElementById('ks-heading')!.getBoundingClientRect();
    assert(
      window.scrollY < scrolledTo,
      `the page scrolled up to the heading (scrollY ${window.scrollY}, was ${scrolledTo})`,
    );
    assert(
      rect.top >= 0 && rect.bottom <= window.innerHeight,
      `the heading is on screen at once (top ${Math.round(rect.top)}, bottom ${Math.round(rect.bottom)}, viewport ${window.innerHeight})`,
    );
    equal(
      getComputedStyle(document.documentElement).scrollBehavior,
      'auto',
      'the test page itself does not smooth-scroll',
    );
  });
});

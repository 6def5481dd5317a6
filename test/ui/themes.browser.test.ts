// The two example themes (demo/themes/), the default look and the dark one: text contrast 4.5:1 (WCAG 1.4.3),
// borders and focus indicators 3:1 (1.4.11), checked three ways: the theme's colour pairs, axe's color-contrast
// on every view of a whole application, and the focus indicator of every element Tab reaches. The dark look
// comes when the user prefers dark (prefers-color-scheme, emulated) or the host asks for it (color-scheme);
// a theme with light colours only stays light when the user prefers dark.
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import { contrast, focusIndicator, focusIndicatorIsVisible } from '../browser/contrast.ts';
import {
  activeElement,
  clickButton,
  definitionOf,
  fillStep,
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

interface Theme {
  /** The theme's style sheet. */
  href: string | null;
  /** The user prefers dark (prefers-color-scheme, emulated). */
  prefersDark?: boolean;
  /** The host page's own rule, as a host forcing the dark look writes it. */
  hostRule?: string;
  /** The widget is dark. */
  dark: boolean;
}

const THEMES: Record<string, Theme> = {
  default: { href: null, dark: false },
  nav: { href: '/demo/themes/nav.css', dark: false },
  neutral: { href: '/demo/themes/neutral.css', dark: false },
  'dark (the user prefers dark)': { href: null, prefersDark: true, dark: true },
  'dark (the host asks for it)': { href: null, hostRule: 'klar-skjema { color-scheme: dark; }', dark: true },
  'nav when the user prefers dark': { href: '/demo/themes/nav.css', prefersDark: true, dark: false },
};

const hostSheet = new CSSStyleSheet();

async function useTheme(theme: Theme | null): Promise<void> {
  hostSheet.replaceSync(theme?.hostRule ?? '');
  if (!document.adoptedStyleSheets.includes(hostSheet))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostSheet];
  await emulateMedia({ colorScheme: theme?.prefersDark ? 'dark' : 'light' });
  document.querySelectorAll('link[data-theme]').forEach((link) => link.remove());
  const href = theme?.href;
  if (!href) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.dataset.theme = '';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error(`could not load ${href}`));
  });
  document.head.append(link);
  await loaded;
}

/** A theme token as the widget resolves it, read through a probe element in its shadow root (removed at once). */
function token(widget: Widget, name: string): string {
  const probe = document.createElement('span');
  root(widget).append(probe);
  probe.style.color = `var(${name})`;
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const background = (widget: Widget): string => getComputedStyle(root(widget).querySelector('.root')!).backgroundColor;

/** Every element Tab reaches inside the widget, from the first, with its focus indicator checked. */
async function tabThrough(widget: Widget, theme: string, max = 40): Promise<string[]> {
  const first = root(widget).querySelector<HTMLElement>('select, button, input, a[href]')!;
  first.focus();
  const checked: string[] = [];
  const bg = background(widget);
  for (let i = 0; i < max; i++) {
    const active = activeElement(widget);
    if (!active) break;
    const bands = focusIndicator(active, bg);
    const name = `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${active.className ? `.${String(active.className).trim().split(/\s+/)[0]}` : ''}`;
    assert(
      focusIndicatorIsVisible(bands),
      `${theme}: the focus indicator of ${name} is not 2px at 3:1 against ${bg}: ${JSON.stringify(bands)}`,
    );
    checked.push(name);
    await sendKeys({ press: 'Tab' });
    await settle(widget);
  }
  return checked;
}

for (const [theme, look] of Object.entries(THEMES)) {
  describe(`theme: ${theme}`, () => {
    before(async () => {
      await useTheme(look);
    });
    after(async () => {
      await useTheme(null);
    });

    it('has text colours at 4.5:1 and borders at 3:1 on every background they are used on', async () => {
      const widget = await mountWidget('kontakt');
      const [text, muted, accent, accentText, error, errorText, border, bg, panel, notice] = [
        '--_text',
        '--_muted',
        '--_accent',
        '--_accent-text',
        '--_error',
        '--_error-text',
        '--_border',
        '--_background',
        '--_panel',
        '--_notice',
      ].map((name) => token(widget, name)) as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      equal(bg, background(widget), 'the probe reads the same background the widget shows');
      equal(
        contrast(bg, '#ffffff') > 10,
        look.dark,
        `${theme}: the background ${bg} is ${look.dark ? 'dark' : 'light'}`,
      );
      // The quick exit's text is the token it uses.
      equal(
        getComputedStyle(root(widget).querySelector('.button--warning')!).color,
        errorText,
        'the warning button uses --_error-text',
      );
      const failures: string[] = [];
      const need = (what: string, fg: string, on: string, ratio: number) => {
        const measured = contrast(fg, on);
        if (measured < ratio) failures.push(`${what}: ${fg} on ${on} is ${measured.toFixed(2)}:1, needs ${ratio}:1`);
      };
      for (const [name, fg] of [
        ['text', text],
        ['muted text', muted],
        ['links and secondary buttons', accent],
        ['errors', error],
      ] as const)
        need(name, fg, bg, 4.5);
      for (const [name, fg] of [
        ['text', text],
        ['muted text', muted],
        ['links', accent],
      ] as const) {
        need(`${name} on panels`, fg, panel, 4.5);
        need(`${name} on notices`, fg, notice, 4.5);
      }
      need('text on primary buttons', accentText, accent, 4.5);
      need('text on warning buttons', errorText, error, 4.5);
      need('input borders', border, bg, 3);
      need('error borders', error, bg, 3);
      deepEqual(failures, [], `${theme}: colour pairs below WCAG AA`);
    });

    it('passes axe (with color-contrast) on every view of a whole application', async () => {
      const formId = 'stotte';
      const definition = await definitionOf(formId);
      const widget = await mountWidget(formId);
      const check = async (moment: string) => {
        // The save status (muted text) is there on every view, not only when the debounced save has landed.
        await saveNow(widget);
        await checkA11y(document, { at: `${theme}, ${moment} (${headingText(widget)})` });
      };
      await next(widget);
      assert(widget.snapshot!.context.errors.length > 0, 'an empty first step shows errors');
      await check('first step with errors');
      for (let guard = 0; guard < 10 && widget.snapshot!.value === 'filling'; guard++) {
        const step = widget.snapshot!.context.step;
        await fillStep(widget, definition, fullAnswers[formId]![step] ?? {});
        await check(`${step}, answered`);
        await next(widget);
      }
      equal(String(widget.snapshot!.value), 'review');
      await check('review');
      await clickButton(widget, 'Send');
      await until(() => widget.snapshot!.value === 'submitted', 'the receipt');
      await settle(widget);
      await check('receipt');
    });

    it('shows a focus indicator at 3:1 on every element Tab reaches, on the heading and on the error summary', async () => {
      const widget = await mountWidget('kontakt');
      const bg = background(widget);
      // Continue with the keyboard on an empty step: focus goes to the error summary.
      root(widget).querySelector<HTMLButtonElement>('button[type=submit]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settle(widget);
      const summary = activeElement(widget);
      equal(summary?.className, 'error-summary', 'a failed Continue focuses the error summary');
      assert(
        focusIndicatorIsVisible(focusIndicator(summary!, bg)),
        `${theme}: the error summary's focus indicator: ${JSON.stringify(focusIndicator(summary!, bg))}`,
      );
      const reached = await tabThrough(widget, theme);
      for (const kind of ['select', 'button', 'input', 'a'])
        assert(
          reached.some((name) => name.startsWith(kind)),
          `${theme}: Tab reached a ${kind} (${reached.join(', ')})`,
        );

      // Answer the step, Continue with the keyboard: focus goes to the next step's heading.
      await fillStep(widget, await definitionOf('kontakt'), fullAnswers.kontakt!['om-deg']!);
      root(widget).querySelector<HTMLButtonElement>('button[type=submit]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settle(widget);
      const heading = activeElement(widget);
      equal(heading?.id, 'ks-heading', 'Continue focuses the next heading');
      assert(
        focusIndicatorIsVisible(focusIndicator(heading!, bg)),
        `${theme}: the heading's focus indicator: ${JSON.stringify(focusIndicator(heading!, bg))}`,
      );
    });
  });
}

describe('the color-scheme attribute', () => {
  afterEach(async () => {
    await useTheme(null);
  });

  it('forces the dark look on a light preference, and the light look on a dark one', async () => {
    await useTheme(THEMES.default!);
    const dark = await mountWidget('kontakt', { 'color-scheme': 'dark' });
    equal(background(dark), 'rgb(22, 24, 29)', 'color-scheme="dark" when the user prefers light');
    await useTheme(THEMES['dark (the user prefers dark)']!);
    const light = await mountWidget('kontakt', { 'color-scheme': 'light' });
    equal(background(light), 'rgb(255, 255, 255)', 'color-scheme="light" when the user prefers dark');
    light.removeAttribute('color-scheme');
    equal(background(light), 'rgb(22, 24, 29)', 'without the attribute, the user’s preference');
  });
});

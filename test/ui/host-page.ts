// A host page around a mounted widget, for tests of what the page does to it: a sticky header whose height
// follows the viewport and the text spacing (its links wrap), a link after the widget, and WCAG 1.4.12's text
// spacing as a user's style sheet would set it.
import { root, type Widget } from './driver.ts';

/** WCAG 1.4.12's values, as the usual bookmarklet and user style sheets set them. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }`;

function link(text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = '#';
  a.textContent = text;
  Object.assign(a.style, { display: 'inline-block', padding: '0.25rem 0', color: '#ffffff' });
  return a;
}

/**
 * Puts a sticky header above the widget and a footer with a link below it (and, if asked, a fixed banner at the
 * bottom). The header is about 50 px high at
 * 1280 px, about 95 px at 320 px, and about 150 px there with text spacing (over half of a 320×256 viewport).
 */
export function stickyHeaderPage(
  widget: Widget,
  { banner = false } = {},
): { header: HTMLElement; banner: HTMLElement | null; before: HTMLElement; after: HTMLElement } {
  const header = document.createElement('header');
  Object.assign(header.style, {
    position: 'sticky',
    insetBlockStart: '0',
    zIndex: '10',
    display: 'flex',
    flexWrap: 'wrap',
    gap: '0 1rem',
    alignItems: 'center',
    padding: '0 1rem',
    background: '#123f5a',
    color: '#ffffff',
    fontSize: '1.125rem',
  });
  const name = document.createElement('div');
  name.textContent = 'Eksempel kommune';
  Object.assign(name.style, { margin: '0.5rem 0', fontWeight: '700' });
  const links = [link('Søk om hjelp'), link('Kontakt NAV-kontoret'), link('Logg ut')];
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Hovedmeny');
  Object.assign(nav.style, { display: 'flex', flexWrap: 'wrap', gap: '0 1rem' });
  nav.append(...links);
  header.append(name, nav);
  const footer = document.createElement('footer');
  const after = link('Personvern');
  Object.assign(after.style, { color: '#123f5a' });
  footer.append(after);
  footer.style.padding = '1rem';
  document.body.prepend(header);
  document.body.append(footer);
  // A cookie banner fixed to the bottom of the viewport, as many host pages have one.
  const bottom = banner ? document.createElement('div') : null;
  if (bottom) {
    bottom.textContent = 'Vi bruker informasjonskapsler for å se hvordan nettstedet blir brukt.';
    Object.assign(bottom.style, {
      position: 'fixed',
      insetInline: '0',
      insetBlockEnd: '0',
      zIndex: '10',
      padding: '1rem',
      background: '#222222',
      color: '#ffffff',
    });
    footer.style.paddingBlockEnd = '6rem';
    document.body.append(bottom);
  }
  widget.scrollIntoView({ block: 'start' });
  return { header, banner: bottom, before: links.at(-1)!, after };
}

/** Sets WCAG 1.4.12's text spacing on the page and, as some tools do, inside the widget's shadow root. */
export function setTextSpacing(widget: Widget): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  const shadow = root(widget);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Only the page's text spacing: what reaches the widget through inheritance, as a user style sheet's does. */
export function setPageTextSpacing(): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Text-only zoom, as the browser's font size setting does it: the root font size times `percent` / 100. */
export function setTextSize(percent: number): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`html { font-size: ${percent}% !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

// The host page's sticky and fixed bars (a site header, a cookie banner, a bottom toolbar) that can cover what
// has focus in the widget (WCAG 2.2, 2.4.11 Focus not obscured). Measured when focus moves, where the widget is,
// so a header that grows with zoom, text spacing or a menu is measured as it is now.

/** How far bars reach into the viewport from its top and its bottom, in CSS px. */
export interface Covered {
  top: number;
  bottom: number;
}

/** A bar taller than this share of the viewport is a dialog or an overlay the user opened, not a bar. */
const MOST = 0.75;

/** The topmost element at a point, through open shadow roots (a header may be a web component). */
function hitAt(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  for (let i = 0; hit?.shadowRoot && i < 8; i++) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The sticky or fixed box at a point that is not the widget and holds no part of it, or null. */
function barAt(widget: Element, x: number, y: number): Element | null {
  for (let el = hitAt(x, y); el && el !== document.body && el !== document.documentElement;) {
    if (el === widget || el.contains(widget)) return null;
    if (/^(fixed|sticky)$/.test(getComputedStyle(el).position)) return el;
    el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
  }
  return null;
}

/** How far bars reach from one edge at x: a bar, then one just under it (a banner under a header). */
function reach(widget: Element, x: number, fromTop: boolean): number {
  const height = innerHeight;
  let edge = 0;
  for (let i = 0; i < 3; i++) {
    const bar = barAt(widget, x, fromTop ? edge + 1 : height - edge - 1);
    if (!bar) break;
    const box = bar.getBoundingClientRect();
    const next = fromTop ? box.bottom : height - box.top;
    if (next <= edge || next > height * MOST) break;
    edge = next;
  }
  return edge;
}

/** What the host's bars cover now, over the widget's width (its start, middle and end). */
export function coveredByBars(widget: HTMLElement): Covered {
  const box = widget.getBoundingClientRect();
  const xs = [box.left + 2, (box.left + box.right) / 2, box.right - 2].map((x) =>
    Math.min(Math.max(x, 1), innerWidth - 1),
  );
  return {
    top: Math.max(...xs.map((x) => reach(widget, x, true))),
    bottom: Math.max(...xs.map((x) => reach(widget, x, false))),
  };
}

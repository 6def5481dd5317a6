// Colour contrast for theme and focus checks (WCAG 2.2: 4.5:1 for text, 3:1 for UI components and focus
// indicators). Works on computed CSS colours: rgb(), rgba() and #hex. Pure functions, no DOM, except
// focusIndicator, which reads an element's computed style.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export function parseColor(text: string): Rgba {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    const [r, g, b] = digits.map((pair) => parseInt(pair, 16)) as [number, number, number];
    return { r, g, b, a: 1 };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return { r: parseFloat(rgb[1]!), g: parseFloat(rgb[2]!), b: parseFloat(rgb[3]!), a: alpha };
  }
  if (value === 'white') return { r: 255, g: 255, b: 255, a: 1 };
  if (value === 'black') return { r: 0, g: 0, b: 0, a: 1 };
  throw new Error(`cannot read the colour "${text}"`);
}

/** A translucent colour over an opaque one. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two colours (the first may be translucent over the second). */
export function contrast(foreground: string | Rgba, background: string | Rgba): number {
  const bg = typeof background === 'string' ? parseColor(background) : background;
  const fg = over(typeof foreground === 'string' ? parseColor(foreground) : foreground, bg);
  const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Splits a computed box-shadow list at commas outside parentheses. */
function shadows(boxShadow: string): string[] {
  if (!boxShadow || boxShadow === 'none') return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of boxShadow) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

export interface FocusRing {
  colour: string;
  thickness: number;
  contrast: number;
  from: 'outline' | 'box-shadow';
}

/**
 * The visible bands of an element's focus indicator, each with its contrast against `background`: the
 * outline, and the part of each outer box-shadow that the outline does not cover (both sit outside the
 * border, and the outline is painted on top).
 */
export function focusIndicator(element: Element, background: string): FocusRing[] {
  const style = getComputedStyle(element);
  const bands: FocusRing[] = [];
  const outlineWidth = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) || 0;
  const outlineOffset = parseFloat(style.outlineOffset) || 0;
  if (outlineWidth > 0)
    bands.push({
      from: 'outline',
      colour: style.outlineColor,
      thickness: outlineWidth,
      contrast: contrast(style.outlineColor, background),
    });
  for (const shadow of shadows(style.boxShadow)) {
    if (/\binset\b/.test(shadow)) continue;
    const colour = /rgba?\([^)]*\)|#[0-9a-f]{3,6}\b/i.exec(shadow)?.[0];
    const lengths = [...shadow.replace(/rgba?\([^)]*\)/gi, '').matchAll(/(-?[\d.]+)px/g)].map((m) => parseFloat(m[1]!));
    if (!colour || lengths.length < 2) continue;
    const [x = 0, y = 0, , spread = 0] = lengths;
    const reach = spread - Math.max(Math.abs(x), Math.abs(y));
    const covered = outlineWidth > 0 ? Math.max(0, outlineOffset + outlineWidth) : 0;
    const thickness = reach - covered;
    if (thickness > 0) bands.push({ from: 'box-shadow', colour, thickness, contrast: contrast(colour, background) });
  }
  return bands;
}

/** True when some band of the indicator is at least 2 CSS px thick and 3:1 against the background. */
export function focusIndicatorIsVisible(bands: FocusRing[]): boolean {
  return bands.some((band) => band.thickness >= 2 && band.contrast >= 3);
}

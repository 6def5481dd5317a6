// A text on screen. A text missing in the chosen language falls back to Norwegian and says so with
// lang="nb", so screen readers pronounce it as Norwegian (WCAG 3.1.2). With "Show Norwegian text"
// on, the Norwegian original follows each translated text, for helpers and interpreters (N10).
import { html, type TemplateResult } from 'lit';
import { SOURCE_LOCALE, directionOf, type Texts } from '../../src/browser/i18n.ts';

export interface ShowOptions {
  /** Add the Norwegian original under a translated text. */
  original?: boolean;
}

export function show(
  texts: Texts,
  keys: string | string[],
  params: Record<string, unknown> = {},
  options: ShowOptions = {},
): TemplateResult {
  const { text, lng } = texts.resolve(keys, params);
  const main = lng === texts.locale ? html`${text}` : html`<span lang=${lng} dir=${directionOf(lng)}>${text}</span>`;
  if (!options.original || texts.locale === SOURCE_LOCALE || lng === SOURCE_LOCALE) return main;
  return html`${main}<span class="original" lang=${SOURCE_LOCALE} dir="ltr">${texts.source(keys, params)}</span>`;
}

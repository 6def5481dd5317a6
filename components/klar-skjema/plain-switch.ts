// The honest plain switch (docs/decisions/0030-honest-plain-switch.md): which texts on the view change with
// the plain variant in this language, which have a plain text only in nb, what to say about it, and the note
// that offers nb's plain text. Late chunk: needed only once the user turns plain on.
import { html, nothing, type TemplateResult } from 'lit';
import { SOURCE_LOCALE } from '../../src/browser/i18n.ts';
import type { Session } from './session.ts';

export interface PlainReport {
  /** Texts on the view whose plain text differs from the standard one in this language. */
  changed: number;
  /** Texts with a plain text in nb and none in this language. */
  missing: number;
}

/** Counts the texts the view showed (its last render): what plain changes here, and what only nb has. */
export function plainReport(session: Session): PlainReport {
  const { i18n } = session;
  const report = { changed: 0, missing: 0 };
  for (const [keys, params] of session.shown.values()) {
    const differs = (options: Record<string, unknown>) =>
      i18n.t(keys, { ...options, context: 'plain' }) !== i18n.t(keys, options);
    if (differs(params)) report.changed++;
    else if (i18n.language !== SOURCE_LOCALE && differs({ ...params, lng: SOURCE_LOCALE })) report.missing++;
  }
  return report;
}

/** What the live region says after the switch: how many texts changed, or that none could, and why. */
export function plainSaid(session: Session, report: PlainReport): string {
  const { t } = session.texts;
  if (session.plainFrom && report.missing > 0)
    return t('widget:plainSwitch.showingNorwegian', { count: report.missing });
  if (report.missing === 0)
    return report.changed > 0
      ? t('widget:plainSwitch.changed', { count: report.changed })
      : t('widget:plainSwitch.unchanged');
  return report.changed > 0
    ? `${t('widget:plainSwitch.changed', { count: report.changed })} ${t('widget:plainSwitch.missingSome')}`
    : t('widget:plainSwitch.missingAll');
}

/** Under the toolbar while plain is on and some text here has a plain text only in nb: says so, and offers it. */
export function plainNote(session: Session, report: PlainReport, toggle: () => void): TemplateResult | typeof nothing {
  if (session.variant !== 'plain' || report.missing === 0) return nothing;
  const from = session.plainFrom !== null;
  return html`<div class="plain-note" part="plain-note">
    <p>${session.show(report.changed > 0 ? 'widget:plainSwitch.missingSome' : 'widget:plainSwitch.missingAll')}</p>
    <button type="button" class="button button--secondary button--small" part="button" aria-pressed=${from ? 'true' : 'false'}
      @click=${toggle}>${session.show('widget:plainSwitch.showNorwegian')}</button>
  </div>`;
}

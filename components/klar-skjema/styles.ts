import { css } from './css-text.ts';

// Two layers of variables: public --klar-* tokens a host may set, private --_* hooks used below.
// Logical properties (inline/block) throughout, so right-to-left needs no separate rules.
// Each default colour is light-dark(light, dark): the dark one when the user prefers dark (color-scheme
// follows prefers-color-scheme), or when the host sets color-scheme: dark on klar-skjema or the attribute
// color-scheme="dark" (docs/decisions/0026-focus-text-spacing-dark.md). Form controls follow color-scheme too.
// The user's own letter-, word- and line-spacing (WCAG 1.4.12) reach everything: no rule inside resets them; the
// line height is the host element's (1.5 below, unless a rule on klar-skjema, such as a user style sheet, says).
export const styles = css`
  :host {
    color-scheme: light dark;
    --_text: var(--klar-color-text, light-dark(#1b1b1b, #ececec));
    --_muted: var(--klar-color-muted, light-dark(#4a4a4a, #c0c4cc));
    --_background: var(--klar-color-background, light-dark(#ffffff, #16181d));
    --_accent: var(--klar-color-accent, light-dark(#0056b4, #8cc4ff));
    --_accent-text: var(--klar-color-accent-text, light-dark(#ffffff, #0b1626));
    --_error: var(--klar-color-error, light-dark(#c30000, #ff9b91));
    --_error-text: var(--klar-color-error-text, light-dark(#ffffff, #16181d));
    --_border: var(--klar-color-border, light-dark(#5c5c5c, #8b919c));
    --_focus: var(--klar-focus-color, #ffbd66);
    /* Outside the 3px outline, so 3px of it show: dark on light pages, and the outline on dark ones. */
    --_focus-ring: var(--klar-focus-ring, 0 0 0 6px var(--_text));
    --_notice: var(--klar-color-notice, light-dark(#fff3d6, #3b2f12));
    --_panel: var(--klar-color-panel, light-dark(#eef4fb, #1c2a3b));
    --_font: var(--klar-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--klar-space, 1rem);
    --_radius: var(--klar-radius, 4px);
    --_scroll-offset: var(--klar-scroll-offset, 0px);

    display: block;
    box-sizing: border-box;
    max-inline-size: 40rem;
    color: var(--_text);
    background: var(--_background);
    font-family: var(--_font);
    font-size: 1.125rem;
    line-height: 1.5;
    text-align: start;
  }
  :host([color-scheme='light']) { color-scheme: light; }
  :host([color-scheme='dark']) { color-scheme: dark; }

  *, *::before, *::after { box-sizing: inherit; }
  /* The browser gives form controls normal spacing of their own: the user's comes from the page instead. */
  button, input, select, textarea { letter-spacing: inherit; word-spacing: inherit; line-height: inherit; }

  [hidden] { display: none !important; }

  /* The host page's styles win over :host (a reset like "* { all: unset }" hits the host element), and
     inherited properties reach everything inside; so the widget sets its own type and box model here. */
  .root {
    box-sizing: border-box;
    padding-block: calc(var(--_space) / 2);
    color: var(--_text);
    background: var(--_background);
    font: 400 1.125rem var(--_font);
    line-height: inherit;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: break-word;
    visibility: visible;
    cursor: auto;
    /* Not for scrolling: focus.ts reads the offset here, resolved to px (it may use env(), calc(), rem). */
    scroll-margin-block-start: var(--_scroll-offset);
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: flex-end;
    margin-block-end: var(--_space);
    padding-block-end: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .toolbar-item { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .toolbar-label { font-weight: 700; font-size: 1rem; }
  .select--compact { min-inline-size: 0; inline-size: auto; font-size: 1rem; }
  .button--small { padding: 0.375rem 0.75rem; font-size: 1rem; }
  .draft-note { padding: calc(var(--_space) / 2) var(--_space); background: var(--_notice); font-size: 1rem; }
  /* The Norwegian original under a translated text (N10): same place, quieter, always left to right. */
  .original { display: block; margin-block-start: 0.125rem; color: var(--_muted); font-weight: 400; font-size: 0.9375rem; text-align: start; }

  .progress { margin: 0 0 calc(var(--_space) / 2); color: var(--_muted); font-size: 1rem; }

  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.75rem;
  }

  .heading:focus { outline: none; }
  .heading:focus-visible { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: var(--_focus-ring); }

  p { margin: 0 0 var(--_space); }

  .field { margin-block-end: calc(var(--_space) * 1.75); }
  .field--error { padding-inline-start: var(--_space); border-inline-start: 5px solid var(--_error); }

  .fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; }

  .label, .legend {
    display: block;
    margin-block-end: calc(var(--_space) / 4);
    padding: 0;
    font-weight: 700;
    font-size: 1.1875rem;
  }

  .label--part { font-weight: 400; font-size: 1.125rem; }

  .hint { margin-block-end: calc(var(--_space) / 2); color: var(--_muted); }

  .error-message { margin: 0 0 calc(var(--_space) / 2); color: var(--_error); font-weight: 700; }

  .input, .textarea, .select {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: 0;
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  .input--short { max-inline-size: 11em; }
  .input--date { max-inline-size: 9em; }
  .input--postcode { max-inline-size: 6em; }
  .input--medium { max-inline-size: 16em; }
  .textarea { min-block-size: 8rem; resize: vertical; }
  .select { max-inline-size: 100%; inline-size: auto; min-inline-size: 12em; }

  .field--error .input, .field--error .textarea, .field--error .select,
  [aria-invalid='true'].input, [aria-invalid='true'].textarea {
    border-color: var(--_error);
    border-width: 3px;
  }

  .input-with-unit { display: flex; align-items: center; gap: 0.5rem; }
  .unit { font-weight: 700; }

  .address-part { margin-block-end: calc(var(--_space) / 2); }

  .choices { display: flex; flex-direction: column; gap: calc(var(--_space) / 2); }
  .choices--inline { flex-flow: row wrap; gap: var(--_space) calc(var(--_space) * 1.5); }

  .choice { display: flex; align-items: flex-start; gap: 0.625rem; min-block-size: 2.75rem; }

  .choice-input {
    flex: none;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_accent);
  }

  .choice-label { padding-block: 0.125rem; cursor: pointer; }

  .unsure { margin-block-start: calc(var(--_space) / 2); }
  .unsure .choice-label { font-size: 1rem; }
  .unsure-note { margin: calc(var(--_space) / 4) 0 0; padding-inline-start: calc(1.75rem + 0.625rem); color: var(--_muted); font-size: 1rem; }

  .why { margin-block-end: calc(var(--_space) / 2); }
  .why > summary {
    display: inline-block;
    min-block-size: 1.5rem;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .why-text { margin-block-start: calc(var(--_space) / 4); padding-inline-start: var(--_space); border-inline-start: 4px solid var(--_border); }

  .count { margin: calc(var(--_space) / 4) 0 0; color: var(--_muted); font-size: 1rem; }
  .count--over { color: var(--_error); font-weight: 700; }

  .guidance { margin-block-end: calc(var(--_space) * 1.5); padding: var(--_space); background: var(--_panel); border-inline-start: 5px solid var(--_accent); }
  .guidance p:last-child { margin: 0; }

  .confirm { padding: var(--_space); background: var(--_notice); }

  .conditional { margin-block-start: var(--_space); padding-inline-start: var(--_space); border-inline-start: 4px solid var(--_border); }

  .actions { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: center; margin-block: calc(var(--_space) * 2) var(--_space); }

  .button {
    display: inline-block;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  .button--secondary { background: var(--_background); color: var(--_accent); }
  .button--warning { border-color: var(--_error); background: var(--_error); color: var(--_error-text); }
  .button:disabled { opacity: 0.6; cursor: not-allowed; }

  a { color: var(--_accent); }
  a:hover { text-decoration-thickness: 3px; }

  .error-summary {
    margin-block-end: calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 4px solid var(--_error);
  }
  .error-summary:focus { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: var(--_focus-ring); }
  .error-summary-title { margin: 0 0 calc(var(--_space) / 2); font-size: 1.375rem; }
  .error-summary-list { margin: 0; padding-inline-start: 1.25rem; }
  .error-summary-list li { margin-block-end: 0.375rem; }
  .error-summary-list a { color: var(--_error); font-weight: 700; }

  .panel { margin-block-end: var(--_space); padding: var(--_space); background: var(--_panel); border-inline-start: 5px solid var(--_accent); }
  .panel p:last-child { margin: 0; }

  /* The review's and receipt's summary list: components/review/summary.styles.ts (late chunk). Notices, lists
     of items, link buttons, the attachments question and the sub-headings (h3, h4: only the review, receipt,
     help and privacy have them): components/klar-skjema/late.styles.ts (late chunk). */

  /* Focus: a yellow outline with a dark ring reads on light and dark backgrounds (GOV.UK style). */
  .input:focus-visible, .textarea:focus-visible, .select:focus-visible, .file:focus-visible,
  .choice-input:focus-visible, .button:focus-visible, a:focus-visible, summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: var(--_focus-ring);
  }

  @media (min-width: 40em) {
    .heading { font-size: 2rem; }
  }

  /* Forced colours drop box-shadows and backgrounds, and give every border one colour: each state keeps a
     mark of its own in system colours. Focus: a real outline. Invalid: a thicker border, beside the error text.
     Disabled: GrayText, not opacity. Checked: the browser's own radios and checkboxes. */
  @media (forced-colors: active) {
    .input:focus-visible, .textarea:focus-visible, .select:focus-visible, .file:focus-visible,
    .choice-input:focus-visible, .button:focus-visible, a:focus-visible, summary:focus-visible,
    .heading:focus-visible, .error-summary:focus, .confirm-question:focus {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
    .field--error, .error-summary { border-color: CanvasText; }
    .field--error .input, .field--error .textarea, .field--error .select,
    [aria-invalid='true'].input, [aria-invalid='true'].textarea { border-width: 4px; border-style: double; }
    .button:disabled { opacity: 1; color: GrayText; border-color: GrayText; }
  }

  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
  }

  @media print {
    .actions, .no-print, .change-link, .summary-action { display: none !important; }
    :host { max-inline-size: none; color: #000000; color-scheme: light; }
  }
`;

import { css } from 'lit';

// The help panel and the privacy notice under each step: quiet until opened, then like the rest.
export const helpStyles = css`
  .step-help { margin-block-start: calc(var(--_space) * 2); border-block-start: 1px solid var(--_border); }
  .help, .privacy { margin-block: var(--_space); }
  .help-summary, .privacy-summary {
    min-block-size: 1.5rem;
    color: var(--_accent);
    font-weight: 700;
    text-decoration: underline;
    cursor: pointer;
  }
  .help-body, .privacy-body {
    margin-block-start: calc(var(--_space) / 2);
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_border);
  }
  .help-channels { margin: 0 0 var(--_space); padding: 0; list-style: none; }
  .help-channels li { display: flex; flex-direction: column; margin-block-end: calc(var(--_space) / 2); }
  .help-channels a { display: inline-block; min-block-size: 1.5rem; }
  .help-channel { font-weight: 700; }
  .help-hours { color: var(--_muted); }
  .help-title, .privacy-title { margin-block-start: var(--_space); font-size: 1.1875rem; }
  .help-request .choice { margin-block-end: calc(var(--_space) / 2); }
  .help-request .conditional { margin-block-end: var(--_space); }
  .help-note { margin-block-start: var(--_space); }
  .help-asked .button--link { min-block-size: 1.5rem; }
  .privacy--open { margin-block: calc(var(--_space) * 1.5); padding: var(--_space); background: var(--_panel); }
  .privacy--open .privacy-body { padding: 0; border: 0; }
  .privacy-heading { margin-block-start: 0; }
  .missing-list { padding-inline-start: 1.25rem; }
  .missing-list li { margin-block-end: calc(var(--_space) / 2); }
  .missing-what { font-weight: 700; }
  .prefill-value { margin-block-end: calc(var(--_space) / 2); padding: calc(var(--_space) / 2) var(--_space); background: var(--_panel); font-size: 1.1875rem; }
  .prefill-change { margin-block-start: var(--_space); }
  .prefill-change .field { margin-block-end: calc(var(--_space) / 2); }
`;

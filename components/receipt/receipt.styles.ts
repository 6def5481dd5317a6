import { css } from 'lit';

// The receipt on screen, and the print stylesheet (docs/users.md N16, N18): on paper the receipt shows
// everything, in black on white, and nothing the user cannot use on paper (buttons, the toolbar,
// the help panel's controls). Links print their address, since paper cannot be clicked.
export const receiptStyles = css`
  .receipt-reference { font-size: 1.1875rem; font-weight: 700; }
  .receipt-list { padding-inline-start: 1.25rem; }
  .receipt-link-address { overflow-wrap: anywhere; font-size: 0.9375rem; }

  @media print {
    .toolbar, .draft-note, .actions, .no-print, .step-help, .help-asked .button, .change-link, .summary-action,
    button, [role='status'] {
      display: none !important;
    }
    :host, .root { max-inline-size: none; color: #000000; background: #ffffff; font-size: 12pt; }
    .panel, .notice, .guidance, .privacy--open { background: none; border: 2px solid #000000; }
    a { color: #000000; }
    a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.9em; overflow-wrap: anywhere; }
    .receipt-link a::after { content: none; }
    details::details-content { content-visibility: visible; display: block; }
    h2, h3, h4 { break-after: avoid; }
    .summary-row, li { break-inside: avoid; }
  }
`;

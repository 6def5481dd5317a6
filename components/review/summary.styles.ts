import { css } from 'lit';

// The summary of answers on the review page and the receipt. Only they use it, so it comes with the late
// chunk and is adopted after the widget's own styles (docs/decisions/0012-lazy-chunks.md).
export const summaryStyles = css`
  .summary-section { margin-block-end: calc(var(--_space) * 1.5); }
  .summary-list { margin: 0; }
  .summary-row { display: flex; flex-direction: column; padding-block: calc(var(--_space) / 2); border-block-end: 1px solid var(--_border); }
  .summary-key { font-weight: 700; }
  .summary-value, .summary-action { margin: 0; }
  .summary-action a { display: inline-block; min-block-size: 1.5rem; }
  /* Question above answer, no colon added: a label that is a question would read «?:» (issue 19). */
  .item-summary div { margin-block-end: calc(var(--_space) / 2); }
  .item-summary dt { font-weight: 600; }
  .item-summary dd { margin: 0; }
  .tag { display: inline-block; padding: 0 0.5rem; background: var(--_notice); font-size: 1rem; }

  @media (min-width: 40em) {
    .summary-row { display: grid; grid-template-columns: 2fr 3fr auto; gap: var(--_space); }
  }
`;

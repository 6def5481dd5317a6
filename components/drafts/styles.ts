import { css } from 'lit';

// Drafts and sending: the quick exit, the save status under each step, the resume question.
export const draftStyles = css`
  .exit { display: flex; justify-content: flex-end; margin-block-end: calc(var(--_space) / 2); }
  .drafts { margin-block-start: calc(var(--_space) * 1.5); padding-block-start: var(--_space); border-block-start: 1px solid var(--_border); }
  .draft-status { color: var(--_muted); font-size: 1rem; }
  .draft-status:empty { display: none; }
  .draft-status--failed { color: var(--_error); font-weight: 700; }
  .draft-hint { padding-inline-start: calc(1.75rem + 0.625rem); font-size: 1rem; }
  [inert] { opacity: 0.6; }
  @media (forced-colors: active) { [inert] { opacity: 1; } }
`;

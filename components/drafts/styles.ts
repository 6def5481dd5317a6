import { css } from '../klar-skjema/css-text.ts';

// Drafts: the quick exit and the read-only form of another tab's draft. The save status under each step is
// styled in late.styles.ts (it comes with the late chunk).
export const draftStyles = css`
  .exit { display: flex; justify-content: flex-end; margin-block-end: calc(var(--_space) / 2); }
  [inert] { opacity: 0.6; }
  @media (forced-colors: active) { [inert] { opacity: 1; } }
`;

import { css } from 'lit';

// Rules of the main stylesheet (styles.ts) for what only the late chunk renders: the notices on the review
// page and of the drafts (drafts-views.ts), and the attachments question (fields/attachments.ts).
// Adopted with the late chunk, before its other styles (docs/decisions/0012-lazy-chunks.md).
export const lateMainStyles = css`
  .notice { margin-block-end: calc(var(--_space) * 1.5); padding: var(--_space); background: var(--_notice); border-inline-start: 5px solid #a86500; }
  .notice-title { margin-block-start: 0; }

  .document { padding-block-end: var(--_space); border-block-end: 1px solid var(--_border); }
  .file { display: block; max-inline-size: 100%; min-block-size: 2.75rem; font: inherit; }
  .files { padding-inline-start: 1.25rem; }
  .files li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
`;

import { css } from 'lit';

// Rules of the main stylesheet (styles.ts) for what only the late chunk renders: the notices on the review
// page and of the drafts (drafts-views.ts), lists of items (fields/group.ts), link buttons (help, read aloud,
// attachments), the answer lists of the review, the help request and the receipt, the attachments
// question (fields/attachments.ts), the drafts' save status (drafts-views.ts), and h3 and h4.
// Adopted with the late chunk, before its other styles (docs/decisions/0012-lazy-chunks.md).
export const lateMainStyles = css`
  /* Sub-headings: only the review, the receipt, the help panel and the privacy notice have them. */
  h3, h4 { margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2); }
  h3 { font-size: 1.375rem; }
  h4 { font-size: 1.125rem; }

  /* Plain is on and some texts here have a plain text only in nb (plain-switch.ts): said, and offered. */
  .plain-note { padding: calc(var(--_space) / 2) var(--_space); background: var(--_notice); font-size: 1rem; }
  .plain-note p { margin: 0 0 calc(var(--_space) / 2); }

  /* The save status and the "remember" choice under a step (drafts-views.ts). */
  .drafts { margin-block-start: calc(var(--_space) * 1.5); padding-block-start: var(--_space); border-block-start: 1px solid var(--_border); }
  .draft-status { color: var(--_muted); font-size: 1rem; }
  .draft-status:empty { display: none; }
  .draft-status--failed { color: var(--_error); font-weight: 700; }
  .draft-hint { padding-inline-start: calc(1.75rem + 0.625rem); font-size: 1rem; }

  .notice { margin-block-end: calc(var(--_space) * 1.5); padding: var(--_space); background: var(--_notice); border-inline-start: 5px solid #a86500; }
  .notice-title { margin-block-start: 0; }

  .document { padding-block-end: var(--_space); border-block-end: 1px solid var(--_border); }
  /* The native file input is hidden: the button in the page's language opens it (attachments.ts). */
  .file[hidden] { display: none; }
  .file-button { margin-block: calc(var(--_space) / 2); }
  .file-status { margin-block: 0; color: var(--_muted); }
  .files { padding-inline-start: 1.25rem; }
  .files li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }

  .item { margin: 0 0 var(--_space); padding: var(--_space); border: 2px solid var(--_border); border-radius: var(--_radius); min-inline-size: 0; }
  .item-title { padding: 0 0.25rem; font-weight: 700; font-size: 1.1875rem; }
  .group-empty { color: var(--_muted); }
  .group-full { margin: 0 0 0.5rem; }
  .button[aria-disabled='true'] { cursor: not-allowed; border-style: dashed; }
  .confirm-question { font-weight: 700; }
  .confirm-question:focus { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: var(--_focus-ring); }
  .actions--inline { margin-block: calc(var(--_space) / 2) 0; }

  /* After .button (styles.ts), so a link button loses the button's box. */
  .button--link {
    min-block-size: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 400;
    text-decoration: underline;
  }
  .button--link:hover { text-decoration-thickness: 3px; }

  .answer-list { margin: 0; padding-inline-start: 1.25rem; }
  .answer-text { white-space: pre-wrap; }
`;

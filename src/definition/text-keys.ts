// The keys of a form's texts (locales/<lng>/<form id>.json), declared once: docs/authoring.md's reference is
// written from here (scripts/authoring-reference.ts), and tests hold it to what `klarskjema check` requires
// and to the keys the widget's code reads (test/docs/authoring.test.ts), so the guide cannot drift.
import { FIELD_KINDS, type FieldKind } from './types.ts';

export interface TextKey {
  /** The key; for a field's texts, under fields.<id>. */
  key: string;
  /** The field kinds that read it (field texts only). */
  kinds?: readonly FieldKind[];
  /** `klarskjema check` requires it in nb. */
  required: boolean;
  /** What the widget fills in. */
  placeholders?: readonly string[];
  what: string;
}

const ANSWER_KINDS = FIELD_KINDS.filter((kind) => kind !== 'guidance');
const QUESTION_KINDS = ANSWER_KINDS.filter((kind) => kind !== 'attachments');

/** Texts of the form as a whole. */
export const FORM_TEXT_KEYS: readonly TextKey[] = [
  { key: 'title', required: true, what: 'The form’s title.' },
  { key: 'steps.<step>.title', required: true, what: 'The step’s heading.' },
  { key: 'attachments.<document>.label', required: true, what: 'A document the application may need.' },
  { key: 'attachments.<document>.why', required: true, what: 'Why the document is needed.' },
  { key: 'sources.<register>', required: true, what: 'A register’s name, for a field with `prefill`.' },
  { key: 'privacy.*', required: false, what: 'Replaces the widget’s privacy notice.' },
];

/** Texts of one field, under fields.<id>. */
export const FIELD_TEXT_KEYS: readonly TextKey[] = [
  { key: 'label', kinds: ANSWER_KINDS, required: true, what: 'The question (for attachments: above the documents).' },
  { key: 'text', kinds: ['guidance'], required: true, what: 'The text shown; guidance asks nothing.' },
  { key: 'hint', kinds: QUESTION_KINDS, required: false, what: 'Help under the question.' },
  { key: 'why', kinds: QUESTION_KINDS, required: false, what: 'The answer to «Hvorfor spør vi om dette?».' },
  {
    key: 'options.<value>',
    kinds: ['radio', 'select', 'checkboxes'],
    required: true,
    what: 'One option, for each value in the answer’s `enum`.',
  },
  {
    key: 'item',
    kinds: ['group'],
    required: true,
    placeholders: ['number'],
    what: 'The title of one item, such as «Barn {{number}}».',
  },
  { key: 'add', kinds: ['group'], required: false, what: 'The add button; without it, the widget’s «Legg til».' },
  {
    key: 'parts.<street|postcode|city>',
    kinds: ['address'],
    required: false,
    what: 'The label of a part; without it, the widget’s.',
  },
  {
    key: 'errors.<code>',
    kinds: QUESTION_KINDS,
    required: false,
    what: 'The field’s own error text for a code (`required`, `minLength`, `format.<format>`, `notBefore`, …), before the widget’s.',
  },
  {
    key: 'ifEmpty',
    kinds: QUESTION_KINDS,
    required: false,
    what: 'What an empty optional answer means, shown under «Dette mangler» before sending.',
  },
];

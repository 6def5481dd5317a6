// What a field template needs from the widget. Fields render into the widget's one shadow root
// (design principle 4): they are templates, not elements, so labels, hints and errors share ids.
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import type { FieldError } from '../../src/engine/field-errors.ts';
import type { FormValidators } from '../../src/engine/form-package.ts';
import type { TemplateResult } from 'lit';
import type { Texts } from '../../src/browser/i18n.ts';
import type { Focus } from '../klar-skjema/focus.ts';
import { keysFor, type TextValues } from '../../src/i18n/named-keys.ts';

export interface FieldHost {
  readonly definition: FormDefinition;
  readonly validators: FormValidators;
  readonly locale: string;
  readonly texts: Texts;
  /** A text for the screen: marked lang="nb" when it fell back, with the Norwegian original when asked for. */
  show(keys: string | string[], params?: Record<string, unknown>): TemplateResult;
  /** The same in the standard variant, whichever is on screen: a declaration shows what the user confirms. */
  showStandard(keys: string | string[], params?: Record<string, unknown>): TemplateResult;
  readonly answers: Record<string, unknown>;
  readonly unsure: readonly string[];
  readonly relevantAttachments: readonly string[];
  /** The form's computed values, for texts that name them (decision 0021). */
  readonly computed: Readonly<Record<string, number | null>>;
  /** Errors shown on this step, by answer path. */
  errorAt(path: string): FieldError | undefined;
  /** An error in words, naming its question. */
  errorText(error: FieldError): string;
  /** What the user typed into a text input, while it differs from the stored answer's form. */
  typed(path: string): string | undefined;
  answer(field: FieldDefinition, value: unknown, options?: { index?: number; typed?: string }): void;
  markUnsure(field: FieldDefinition, unsure: boolean): void;
  /** Adds or removes an item of a list (group.ts); typed text of the list's items is forgotten on removal. */
  changeItems(event: { type: 'ADD_ITEM'; group: string } | { type: 'REMOVE_ITEM'; group: string; index: number }): void;
  /** The item the user asked to remove and has not yet confirmed, if any (group.ts sets it). */
  removing: { group: string; index: number } | null;
  /** Files chosen for each document, by "field/document", kept in memory until they are sent (attachments.ts adds and removes them). */
  readonly files: Map<string, File[]>;
  /** Focus and the live region: the widget's one owner of both (components/klar-skjema/focus.ts). */
  readonly focus: Focus;
}

/** Element id of an answer path in the shadow root: /barn/0/barn-navn → ks-barn-0-barn-navn. */
export const domId = (path: string, part?: string): string =>
  `ks${path.replace(/[^a-zA-Z0-9-]+/g, '-')}${part ? `-${part}` : ''}`;

/** The id of a field's first control: an address is a fieldset, so its first part. */
export const controlId = (path: string, kind: FieldDefinition['kind']): string =>
  kind === 'address' ? domId(path, 'street') : domId(path);

/** Where an error summary link takes the user: the wrong part, or the field's first control. */
export const errorTarget = (error: FieldError): string =>
  error.part ? domId(error.path, error.part) : controlId(error.path, error.kind);

/**
 * The values a field's texts may name: the answers at top level, the computed values, and inside an item
 * (/barn/0/…) that item's answers and number (decision 0021).
 */
export const textValuesAt = (host: FieldHost, path: string): TextValues =>
  // Only a form whose texts name answers needs them: its package brings the code (decision 0021).
  host.validators.rules?.textValues(host.definition, host.answers, host.computed, path, host.locale) ?? {};

/**
 * textValuesAt, only when one of these texts names a value ({{…}}): formatting the answers and computed values
 * (Intl, slow the first time) is work nobody sees for a text that names none, and it ran for every field.
 */
export const textValuesFor = (host: FieldHost, path: string, keys: readonly string[]): TextValues =>
  keys.some((key) => host.texts.t(key).includes('{{')) ? textValuesAt(host, path) : {};

/** The keys of a text that may name answers: its "Empty" text first when one of them has none. */
export const namedKeys = (texts: Texts, key: string, values: TextValues): string[] =>
  keysFor((k, v) => texts.t(k, v), key, values);

export const fieldKeys = (formId: string, fieldId: string, text: string): string =>
  `${formId}:fields.${fieldId}.${text}`;

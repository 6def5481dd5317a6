// Prefill from public registers (docs/users.md N5, N19): the host gives values for fields whose definition
// names a register (`prefill: "folkeregisteret"`). The user sees each value with its source and says
// whether it is right; a correction becomes the answer. The submission keeps both the register's
// value and the user's, so the caseworker sees what the register said and what the user changed. That record is
// in prefill-record.ts: only sending and the receiver need it, so it is not in the widget's first chunk (0019).
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import type { Answers } from './answers.ts';

/** What the machine keeps per prefilled field. */
export interface PrefillState {
  /** The register (the field's `prefill` in the definition): its name is the text key sources.<source>. */
  source: string;
  /** The register's value, as the host gave it. */
  original: unknown;
  /** The user's word: true "it is right", false "it is wrong, I will change it"; absent until the user says. */
  confirmed?: boolean;
}

export type PrefillStatus = 'confirmed' | 'corrected' | 'unconfirmed';
export const PREFILL_STATUSES: readonly PrefillStatus[] = ['confirmed', 'corrected', 'unconfirmed'];

/** What the submission holds per relevant prefilled field. */
export interface PrefillEntry {
  source: string;
  original: unknown;
  /** confirmed: the user said it is right; corrected: the user said it is wrong (the answer is the correction); unconfirmed: the user said neither. */
  status: PrefillStatus;
  /** The user's value when corrected (the same as the answer); absent when the user emptied an optional answer. */
  correction?: unknown;
}

/** Fields that can be prefilled: top-level fields that name a register. Never a consent: that is the user's own act. */
export function prefillableFields(definition: FormDefinition): Map<string, FieldDefinition> {
  const fields = new Map<string, FieldDefinition>();
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.prefill !== undefined && !['consent', 'guidance', 'attachments'].includes(field.kind))
        fields.set(field.id, field);
    }
  }
  return fields;
}

/** The machine's prefill state from the host's values; values for other fields are left out. */
export function initialPrefill(definition: FormDefinition, values: Answers | undefined): Record<string, PrefillState> {
  const fields = prefillableFields(definition);
  const state: Record<string, PrefillState> = {};
  for (const [id, value] of Object.entries(values ?? {})) {
    const field = fields.get(id);
    if (field && value !== undefined && value !== null && value !== '')
      state[id] = { source: field.prefill!, original: value };
  }
  return state;
}

/** The answer a prefilled field starts with. */
export const prefilledAnswers = (state: Record<string, PrefillState>): Answers =>
  Object.fromEntries(Object.entries(state).map(([id, entry]) => [id, entry.original]));

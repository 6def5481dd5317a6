// Prefill from public registers (docs/users.md N5, N19): the host gives values for fields whose definition
// names a register (`prefill: "folkeregisteret"`). The user sees each value with its source and says
// whether it is right; a correction becomes the answer. The submission keeps both the register's
// value and the user's, so the caseworker sees what the register said and what the user changed.
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import { isRecord, type Answers } from './answers.ts';
import type { Relevance } from './relevance.ts';

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

/** Structural equality of JSON values, key order aside. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return (
      keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length &&
      keys.every((k) => sameValue(a[k], b[k]))
    );
  }
  return false;
}

/** The record for the submission: relevant prefilled fields only, in form order. */
export function prefillEntries(
  state: Record<string, PrefillState>,
  relevance: Relevance,
  answers: Answers,
): Record<string, PrefillEntry> {
  const entries: Record<string, PrefillEntry> = {};
  for (const id of relevance.fields) {
    const entry = state[id];
    if (!entry) continue;
    const answer = answers[id];
    // An answer changed some other way (a draft from before the prefill) counts as a correction too.
    const corrected = entry.confirmed === false || !sameValue(answer, entry.original);
    const status: PrefillStatus = corrected ? 'corrected' : entry.confirmed ? 'confirmed' : 'unconfirmed';
    entries[id] = {
      source: entry.source,
      original: entry.original,
      status,
      ...(corrected && answer !== undefined ? { correction: answer } : {}),
    };
  }
  return entries;
}

/** Why a submission's prefill record is wrong, as [JSON pointer below /prefill, code, message]. */
export function prefillRecordErrors(
  definition: FormDefinition,
  relevance: Relevance,
  answers: Answers,
  value: unknown,
): Array<[string, string, string]> {
  if (!isRecord(value)) return [['', 'type', 'prefill is an object, by field id.']];
  const fields = prefillableFields(definition);
  const errors: Array<[string, string, string]> = [];
  for (const [id, entry] of Object.entries(value)) {
    const at = `/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const field = fields.get(id);
    if (!field) {
      errors.push([at, 'unknown-key', 'The form prefills no such question.']);
      continue;
    }
    if (!relevance.fields.includes(id)) {
      errors.push([at, 'not-relevant', 'With the answers the form does not ask this question.']);
      continue;
    }
    if (!isRecord(entry)) {
      errors.push([at, 'type', 'Each entry is { source, original, status, correction? }.']);
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (!['source', 'original', 'status', 'correction'].includes(key))
        errors.push([`${at}/${key}`, 'unknown-key', `An entry has no field "${key}".`]);
    }
    if (entry.source !== field.prefill)
      errors.push([`${at}/source`, 'choice', `This question is prefilled from "${field.prefill}".`]);
    if (entry.original === undefined) errors.push([`${at}/original`, 'required', "The register's value is required."]);
    if (!PREFILL_STATUSES.includes(entry.status as PrefillStatus)) {
      errors.push([`${at}/status`, 'choice', 'status is confirmed, corrected or unconfirmed.']);
      continue;
    }
    if (entry.status === 'corrected') {
      if (!sameValue(entry.correction, answers[id]))
        errors.push([`${at}/correction`, 'mismatch', 'The correction is the answer the user gave.']);
    } else {
      if (entry.correction !== undefined)
        errors.push([`${at}/correction`, 'not-relevant', 'Only a corrected value has a correction.']);
      if (!sameValue(entry.original, answers[id]))
        errors.push([`${at}/original`, 'mismatch', 'A confirmed or unconfirmed value is the answer.']);
    }
  }
  return errors;
}

// The prefill record of a submission (prefill.ts says what prefill is): made when the widget sends (the late chunk,
// docs/decisions/0019-widget-weight.md) and checked by the receiver.
import { isRecord, type Answers } from './answers.ts';
import {
  PREFILL_STATUSES,
  prefillableFields,
  type PrefillEntry,
  type PrefillState,
  type PrefillStatus,
} from './prefill.ts';
import type { FormDefinition } from '../definition/types.ts';
import type { Relevance } from './relevance.ts';

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

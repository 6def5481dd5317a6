// `notBefore` on a date field names another date field whose answer it may not precede (an end date
// and its start date). JSON Schema cannot compare two answers, so the engine checks it
// (src/engine/field-errors.ts); here: the named field must be an earlier date field in the same place
// (top level, or the same group), and the form must say in its own words what is wrong.
import { at, finding, type Finding } from './findings.ts';
import type { Model } from './model.ts';
import { lookupText } from './texts.ts';

export function checkNotBefore(model: Model, nb: Record<string, unknown> | undefined, textFile: string): Finding[] {
  const findings: Finding[] = [];
  for (const place of model.places) {
    const target = place.field.notBefore;
    if (target === undefined) continue;
    const pointer = at(place.pointer, 'notBefore');
    const other = model.places.find((p) => p.field.id === target);
    const base = { id: place.field.id, target };
    if (!other) findings.push(finding('not-before-field', pointer, { ...base, context: 'unknown' }));
    else if (other.field.kind !== 'date')
      findings.push(finding('not-before-field', pointer, { ...base, kind: other.field.kind, context: 'kind' }));
    else if (other.group?.field.id !== place.group?.field.id)
      findings.push(finding('not-before-field', pointer, { ...base, context: 'place' }));
    else if (other.stepIndex > place.stepIndex || (other.stepIndex === place.stepIndex && other.index >= place.index)) {
      findings.push(finding('not-before-field', pointer, { ...base, context: 'later' }));
    }
    const key = `fields.${place.field.id}.errors.notBefore`;
    const text = nb === undefined ? '' : lookupText(nb, key);
    if (nb !== undefined && (typeof text !== 'string' || text.trim() === ''))
      findings.push(finding('text-missing', pointer, { key, file: textFile }));
  }
  return findings;
}

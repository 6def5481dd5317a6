// `klarskjema check`: is a form definition something the engine can run? First its shape against
// schemas/form.schema.json, then what a schema cannot say: unique ids, answers that match the fields,
// conditions that name earlier answers with possible values, and the nb texts.
// Pure: the caller reads the files (see file.ts).
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { checkAnswers, checkAttachmentsField, checkCompiles, checkIds, checkRefs } from './answers.ts';
import { checkConditions } from './conditions.ts';
import { checkNotBefore } from './not-before.ts';
import { checkExpressions, checkPlaceholders } from './expressions.ts';
import { checkPatterns } from './patterns.ts';
import type { Finding } from './findings.ts';
import { checkMetaSchema } from './meta-schema.ts';
import { buildModel } from './model.ts';
import { checkLocaleFiles, checkTexts } from './texts.ts';

export type { Finding, FileReport, FindingCode } from './findings.ts';
export { FINDING_CODES } from './findings.ts';

export interface CheckOptions {
  /** Locales that have a text file for the form. When left out, only a missing nb file is reported. */
  existingLocales?: readonly string[];
  /** How to name a locale's text file in findings; defaults to locales/<lng>/<form id>.json. */
  textFile?: (locale: string, formId: string) => string;
}

/**
 * Every finding for a definition. When the definition does not match the meta-schema, only those
 * findings: the other checks assume its shape.
 */
export function checkDefinition(
  definition: unknown,
  texts: { nb?: Record<string, unknown> },
  options: CheckOptions = {},
): Finding[] {
  const shape = checkMetaSchema(definition);
  if (shape.length > 0) return shape;
  const form = definition as FormDefinition;
  const model = buildModel(form);
  const structure = [...checkIds(model)];
  const refs = checkRefs(model);
  structure.push(...refs, ...checkAnswers(model, refs), ...checkAttachmentsField(model));
  // Only a definition that is otherwise sound is compiled, so every compile error is a real one.
  if (structure.length === 0) structure.push(...checkCompiles(model));
  const textFile = (locale: string) =>
    (options.textFile ?? ((lng, id) => `locales/${lng}/${id}.json`))(locale, form.id);
  const context = {
    nb: texts.nb,
    textFile,
    ...(options.existingLocales ? { existingLocales: options.existingLocales } : {}),
  };
  return [
    ...structure,
    // A pattern that can backtrack catastrophically would freeze the receiver on one answer (issue 12).
    ...checkPatterns(model),
    ...checkConditions(model),
    ...checkLocaleFiles(model, context),
    ...checkTexts(model, context),
    ...checkNotBefore(model, texts.nb, textFile('nb')),
    // Rules as data (decision 0021): typed expressions, and texts that name only what the form has.
    ...checkExpressions(model, texts.nb, textFile('nb')),
    ...checkPlaceholders(model, texts.nb, textFile('nb')),
  ];
}

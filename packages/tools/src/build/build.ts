// `klarskjema build`: a form package is the definition, its texts, and ES modules of precompiled
// validators. ajv generates the code here, at build time; the browser only runs it.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build as esbuild } from 'esbuild';
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFields, type FormDefinition, type JsonSchema } from '../../../../src/definition/types.ts';
import { conditionKey, GLOSSARY_NAMESPACE, PACKAGE_FILES, STATUS_KEY, WIDGET_NAMESPACE } from '../../../../src/engine/form-package.ts';
export { PACKAGE_FILES };
import { isExpression } from '../../../../src/engine/expression-kind.ts';
import { formatsModule, rulesModule } from '../assets.ts';
import { hasExpressions } from '../../../../src/engine/expression.ts';
import { createAjv, FORMATS_BINDING } from './ajv.ts';
import { submissionSchema } from './submission-schema.ts';
import { readFormTexts, textVersions } from './text-versions.ts';
import { withoutLintNotes } from '../../../../src/i18n/text-leaves.ts';
import { namespaceStatus, readKeyLists, readStatuses } from '../check/text-status.ts';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

interface Compiled { exportName: string; key: string; schema: JsonSchema }

/** Every schema the package needs, each with an export name and the key the engine looks it up by. */
export function packageSchemas(definition: FormDefinition): { fields: Compiled[]; conditions: Compiled[]; submission: Compiled } {
  const base = `https://klarskjema.dev/forms/${definition.id}/${definition.version}`;
  const $defs = definition.answers.$defs;
  const withDefs = (schema: JsonSchema, id: string): JsonSchema => ({ $id: id, ...($defs ? { $defs } : {}), allOf: [schema] });
  const fields: Compiled[] = [];
  const conditions: Compiled[] = [];
  for (const place of listFields(definition)) {
    const { field, group } = place;
    // An expression is no schema: the engine evaluates it from form.json (src/engine/expression.ts).
    if (field.when && !isExpression(field.when)) conditions.push({ exportName: `c${conditions.length}`, key: conditionKey('field', field.id), schema: { $id: `${base}/conditions/field/${field.id}`, ...field.when } });
    if (field.kind === 'guidance') continue;
    const container = group ? (definition.answers.properties[group.id] as { items?: { properties?: Record<string, JsonSchema> } }).items?.properties : definition.answers.properties;
    const own = container?.[field.id];
    if (own === undefined) continue;
    fields.push({ exportName: `f${fields.length}`, key: field.id, schema: withDefs(own, `${base}/fields/${field.id}`) });
  }
  for (const step of definition.steps) {
    if (step.when && !isExpression(step.when)) conditions.push({ exportName: `c${conditions.length}`, key: conditionKey('step', step.id), schema: { $id: `${base}/conditions/step/${step.id}`, ...step.when } });
  }
  for (const document of definition.attachments ?? []) {
    if (document.when && !isExpression(document.when)) conditions.push({ exportName: `c${conditions.length}`, key: conditionKey('attachment', document.id), schema: { $id: `${base}/conditions/attachment/${document.id}`, ...document.when } });
  }
  const submissionId = `${base}/submission`;
  return { fields, conditions, submission: { exportName: 'submission', key: 'submission', schema: submissionSchema(definition, submissionId) } };
}

/** Whether the form's texts name answers or computed values ({{barn-navn}}): the widget then needs the package's rules. */
function textsNameAnswers(definition: FormDefinition, texts: Record<string, unknown>): boolean {
  const names = new Set([...listFields(definition).map((p) => p.field.id), ...(definition.computed ?? []).map((c) => c.id)]);
  return [...JSON.stringify(texts).matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].some((m) => names.has(m[1]!));
}

/** Standalone ajv code for these schemas, each exported as `<exportName>_`. */
function standaloneSource(schemas: Compiled[]): string {
  const ajv = createAjv({ standalone: true });
  for (const item of schemas) ajv.addSchema(item.schema as object);
  const exports = Object.fromEntries(schemas.map((item) => [`${item.exportName}_`, (item.schema as { $id: string }).$id]));
  return [`import { formats as ${FORMATS_BINDING} } from ${JSON.stringify(formatsModule)};`, standaloneCode(ajv, exports)].join('\n');
}

/**
 * ES module source (before bundling) of validators.js: { fields, conditions }, what every step needs, and, when
 * the form needs them, its rules (expressions, computed values, item ids, answers in texts).
 */
export function validatorsSource(definition: FormDefinition, texts: Record<string, unknown> = {}): string {
  const { fields, conditions } = packageSchemas(definition);
  const table = (items: Compiled[]) => `{${items.map((i) => `${JSON.stringify(i.key)}: ${i.exportName}_`).join(', ')}}`;
  return [
    standaloneSource([...fields, ...conditions]),
    `export const fields = ${table(fields)};`,
    `export const conditions = ${table(conditions)};`,
    // Expressions are data in form.json; the one evaluator that reads them comes with the package, so the
    // widget and a receiver run the same code, and a form without them carries none (decision 0021).
    ...(hasExpressions(definition) || textsNameAnswers(definition, texts) ? [`export { rules } from ${JSON.stringify(rulesModule)};`] : []),
  ].join('\n');
}

/**
 * ES module source of submission.js: { submission }, the whole-submission check. Its own file because it is
 * most of a package's bytes (3–4 KB per field) and only Send needs it: the browser loads it late.
 */
export function submissionSource(definition: FormDefinition): string {
  return [standaloneSource([packageSchemas(definition).submission]), 'export const submission = submission_;'].join('\n');
}

/** One self-contained, minified ES module: ajv's small runtime helpers are bundled in, its compiler is not. */
export async function bundleValidators(source: string, sourcefile: string = PACKAGE_FILES.validators): Promise<string> {
  const result = await esbuild({
    stdin: { contents: source, resolveDir: dirname(formatsModule), sourcefile, loader: 'js' },
    bundle: true, format: 'esm', platform: 'neutral', minify: true, write: false, legalComments: 'none',
    mainFields: ['module', 'main'],
  });
  return result.outputFiles[0]!.text;
}

export interface BuildResult { dir: string; files: string[] }

/** Writes the package of one checked definition to outDir/<form id>/. */
export async function buildFormPackage(definition: FormDefinition, options: { outDir: string; localesDir: string }): Promise<BuildResult> {
  const dir = join(options.outDir, definition.id);
  await mkdir(join(dir, 'locales'), { recursive: true });
  const files: string[] = [];
  await writeFile(join(dir, PACKAGE_FILES.definition), `${JSON.stringify(definition, null, 2)}\n`);
  files.push(PACKAGE_FILES.definition);
  // The versions of the texts each answer is given to travel in the same module (decision 0010).
  const texts = await readFormTexts(definition, options.localesDir);
  const versions = `export const textVersions = ${JSON.stringify(textVersions(definition, texts))};`;
  await writeFile(join(dir, PACKAGE_FILES.validators), await bundleValidators(`${validatorsSource(definition, texts)}\n${versions}`));
  files.push(PACKAGE_FILES.validators);
  await writeFile(join(dir, PACKAGE_FILES.submission), await bundleValidators(submissionSource(definition), PACKAGE_FILES.submission));
  files.push(PACKAGE_FILES.submission);
  // validators.js is an ES module wherever the package lands: Node (a receiver, a backend) reads the nearest
  // package.json to decide, and the author's project may be CommonJS.
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ type: 'module', private: true })}\n`);
  files.push('package.json');
  // One file per locale holds both namespaces the widget needs, so a language switch is one request.
  for (const locale of definition.locales) {
    const formTexts = join(options.localesDir, locale, `${definition.id}.json`);
    if (!(await exists(formTexts))) continue;
    const widgetTexts = join(options.localesDir, locale, `${WIDGET_NAMESPACE}.json`);
    const status = join(options.localesDir, locale, 'status.json');
    const glossary = join(options.localesDir, locale, `${GLOSSARY_NAMESPACE}.json`);
    // Notes to the linter beside texts (hint_lint) are for authors and reviewers, not for the widget.
    const texts = async (file: string): Promise<unknown> => withoutLintNotes(JSON.parse(await readFile(file, 'utf8')));
    const resources = {
      [definition.id]: await texts(formTexts),
      [WIDGET_NAMESPACE]: (await exists(widgetTexts)) ? await texts(widgetTexts) : {},
      // Explanations of hard words the widget offers where they appear (docs/decisions/0007-glossary.md).
      ...((await exists(glossary)) ? { [GLOSSARY_NAMESPACE]: await texts(glossary) } : {}),
      // Whether a human has reviewed each namespace's translation; the widget tells users of drafts.
      [STATUS_KEY]: await reviewStatus(options.localesDir, locale, definition.id, status),
    };
    await writeFile(join(dir, 'locales', `${locale}.json`), JSON.stringify(resources));
    files.push(`locales/${locale}.json`);
  }
  return { dir, files };
}

/**
 * status.json as the widget reads it, except that a namespace stays a draft until every critical text in it
 * is reviewed by a native speaker against today's nb text (locales/nb/critical.json, decision 0027).
 */
async function reviewStatus(localesDir: string, locale: string, formId: string, statusFile: string): Promise<unknown> {
  if (!(await exists(statusFile))) return {};
  const declared = JSON.parse(await readFile(statusFile, 'utf8')) as unknown;
  if (locale === 'nb' || typeof declared !== 'object' || declared === null) return declared;
  const readIfThere = async (path: string): Promise<unknown> =>
    (await exists(path)) ? (JSON.parse(await readFile(path, 'utf8')) as unknown) : {};
  const critical = readKeyLists(await readIfThere(join(localesDir, 'nb', 'critical.json')));
  const statuses = readStatuses(await readIfThere(join(localesDir, locale, 'text-status.json')));
  const result: Record<string, unknown> = {};
  for (const [namespace, value] of Object.entries(declared)) {
    const keys = critical[namespace] ?? [];
    const file = namespace === formId || namespace === WIDGET_NAMESPACE ? `${namespace}.json` : undefined;
    if (keys.length === 0 || !file) {
      result[namespace] = value;
      continue;
    }
    const nb = await readIfThere(join(localesDir, 'nb', file));
    const texts = await readIfThere(join(localesDir, locale, file));
    result[namespace] = namespaceStatus({
      declared: value,
      critical: keys,
      nb: nb as Record<string, unknown>,
      texts: texts as Record<string, unknown>,
      statuses: statuses[namespace],
    });
  }
  return result;
}

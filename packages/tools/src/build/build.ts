// `klarskjema build`: a form package is the definition, its texts, and ES modules of precompiled
// validators. ajv generates the code here, at build time; the browser only runs it.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build as esbuild, type Plugin } from 'esbuild';
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFields, type FormDefinition, type JsonSchema } from '../../../../src/definition/types.ts';
import { conditionKey, GLOSSARY_NAMESPACE, PACKAGE_FILES, STATUS_KEY, TEXT_VERSIONS_KEY, WIDGET_NAMESPACE } from '../../../../src/engine/form-package.ts';
export { PACKAGE_FILES };
import { isExpression } from '../../../../src/engine/expression-kind.ts';
import { conditionCheckModule, formatsModule, rulesModule, submissionCheckModule } from '../assets.ts';
import { hasExpressions } from '../../../../src/engine/expression.ts';
import { createAjv, FORMATS_BINDING } from './ajv.ts';
import { checkable } from '../../../../src/engine/condition-check.ts';
import * as formatExports from '../../../../src/validation/formats.ts';
import { formats } from '../../../../src/validation/formats.ts';
import { submissionForm } from '../../../../src/engine/submission-check.ts';
import { readFormTexts, textVersions } from './text-versions.ts';
import { firstStepFields, LATER_VALIDATORS, LOCALE_PARTS, sliceLocale } from '../../../../src/engine/package-slices.ts';
import { withoutLintNotes } from '../../../../src/i18n/text-leaves.ts';
import { namespaceStatus, readKeyLists, readStatuses } from '../check/text-status.ts';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

interface Compiled { exportName: string; key: string; schema: JsonSchema }

/** Every schema the package compiles, each with an export name and the key the engine looks it up by. */
export function packageSchemas(definition: FormDefinition): { fields: Compiled[]; conditions: Compiled[]; answers: Compiled | null } {
  const base = `https://klarskjema.dev/forms/${definition.id}/${definition.version}`;
  const { $defs, type: _object, properties: _properties, ...rest } = definition.answers;
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
  // Keywords of the answers schema besides its properties apply to all answers at once (a checked form has none).
  const answers = Object.keys(rest).length > 0 ? { exportName: 'answers', key: 'answers', schema: { $id: `${base}/answers`, ...($defs ? { $defs } : {}), ...rest } } : null;
  return { fields, conditions, answers };
}

/** Whether the form's texts name answers or computed values ({{barn-navn}}): the widget then needs the package's rules. */
function textsNameAnswers(definition: FormDefinition, texts: Record<string, unknown>): boolean {
  const names = new Set([...listFields(definition).map((p) => p.field.id), ...(definition.computed ?? []).map((c) => c.id)]);
  return [...JSON.stringify(texts).matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].some((m) => names.has(m[1]!));
}

/** A schema's content without its $id: two fields with the same content share one compiled function. */
const contentOf = (schema: JsonSchema): string => {
  const { $id: _id, ...content } = schema as Record<string, unknown>;
  return JSON.stringify(content);
};

/**
 * The package's compiled validators: ajv's standalone code for each distinct schema once (a form repeats a few
 * kinds of answer many times: sosialhjelp's 63 fields have 27 schemas), and by key the function each one uses.
 */
export interface CompiledValidators {
  code: string;
  fields: Record<string, string>;
  conditions: Record<string, string>;
  answers: string | null;
}

/**
 * Which of the package's validators to compile: by default all of them. `conditions: 'checked'`: the conditions
 * as data for the small check of src/engine/condition-check.ts (ajv's code only for one it cannot check).
 */
export interface ValidatorSelection {
  field?: (id: string) => boolean;
  conditions?: boolean | 'checked';
}

export function compileValidators(definition: FormDefinition, select: ValidatorSelection = {}): CompiledValidators {
  const all = packageSchemas(definition);
  const fields = select.field ? all.fields.filter((item) => select.field!(item.key)) : all.fields;
  const withoutId = (schema: JsonSchema): JsonSchema => {
    const { $id: _id, ...rest } = schema as Record<string, unknown>;
    return rest as JsonSchema;
  };
  const checked = select.conditions === 'checked' ? all.conditions.filter((item) => checkable(withoutId(item.schema))) : [];
  const conditions = select.conditions === false ? [] : all.conditions.filter((item) => !checked.includes(item));
  const answers = select.conditions === false || select.field ? null : all.answers;
  const unique = new Map<string, { name: string; schema: JsonSchema }>();
  const nameOf = (item: Compiled): string => {
    const content = contentOf(item.schema);
    let found = unique.get(content);
    if (!found) unique.set(content, (found = { name: `v${unique.size}_`, schema: item.schema }));
    return found.name;
  };
  const byKey = (items: Compiled[]) => Object.fromEntries(items.map((item) => [item.key, nameOf(item)]));
  const result = {
    fields: byKey(fields),
    conditions: {
      ...byKey(conditions),
      ...Object.fromEntries(checked.map((item) => [item.key, `${CONDITION_CHECK}(${JSON.stringify(withoutId(item.schema))})`])),
    },
    answers: answers ? nameOf(answers) : null,
  };
  const code = standaloneChunks([...unique.values()]);
  const check = checked.length > 0 ? [`import { conditionCheck as ${CONDITION_CHECK} } from ${JSON.stringify(conditionCheckModule)};`] : [];
  return { code: [formatsImport(code.join('\n')), ...check, ...code].join('\n'), ...result };
}

/**
 * The import of the formats the code uses, each by its own export, so the bundle leaves out the others (NAV's
 * identity-number validator is 3 KB gzip that a step without one does not need).
 */
function formatsImport(code: string): string {
  const used = Object.keys(formats).filter(
    (name) => code.includes(`${FORMATS_BINDING}.${name}`) || code.includes(`${FORMATS_BINDING}[${JSON.stringify(name)}]`),
  );
  const exported = used.map((name) => [name, Object.entries(formatExports).find(([key, value]) => key !== 'formats' && value === formats[name as keyof typeof formats])?.[0]] as const);
  if (exported.some(([, key]) => key === undefined))
    return `import { formats as ${FORMATS_BINDING} } from ${JSON.stringify(formatsModule)};`;
  return [
    `import { ${exported.map(([, key]) => key).join(', ')} } from ${JSON.stringify(formatsModule)};`,
    `const ${FORMATS_BINDING} = {${exported.map(([name, key]) => `${JSON.stringify(name)}: ${key}`).join(', ')}};`,
  ].join('\n');
}

/** The name the conditions checked as data call their check by (src/engine/condition-check.ts). */
const CONDITION_CHECK = 'klarCondition';

/** How many schemas one ajv module holds (see standaloneChunks). */
const SCHEMAS_PER_CHUNK = 200;

/**
 * ajv's standalone code for these schemas, each exported by its name. ajv builds one module's code by copying
 * all that came before for every schema it adds, which is quadratic: 2,000 conditions took more CPU than
 * everything else in a build. So a form with more schemas is compiled in chunks, each in its own function
 * scope (each has its own ajv names), their validators handed out to the module.
 */
function standaloneChunks(schemas: Array<{ name: string; schema: JsonSchema }>): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < schemas.length || start === 0; start += SCHEMAS_PER_CHUNK) {
    const part = schemas.slice(start, start + SCHEMAS_PER_CHUNK);
    const ajv = createAjv({ standalone: true });
    for (const { schema } of part) ajv.addSchema(schema as object);
    const code = standaloneCode(ajv, Object.fromEntries(part.map(({ name, schema }) => [name, (schema as { $id: string }).$id])));
    // The validators are reached through the module's tables (fields, conditions), not exported one by one.
    const names = part.map(({ name }) => name);
    let scoped = code;
    for (const name of names) scoped = scoped.replace(`export const ${name} = `, `const ${name} = `);
    if (schemas.length <= SCHEMAS_PER_CHUNK) return [scoped];
    chunks.push(`const [${names.join(', ')}] = (() => {\n${scoped}\nreturn [${names.join(', ')}];\n})();`);
  }
  return chunks;
}

const table = (names: Record<string, string>): string => `{${Object.entries(names).map(([key, name]) => `${JSON.stringify(key)}: ${name}`).join(', ')}}`;

/**
 * ES module source (before bundling) of validators.js: { fields, conditions }, what every step needs, and, when
 * the form needs them, its rules (expressions, computed values, item ids, answers in texts).
 */
export function validatorsSource(definition: FormDefinition, texts: Record<string, unknown> = {}, compiled: CompiledValidators = compileValidators(definition), later = false): string {
  return [
    compiled.code,
    `export const fields = ${table(compiled.fields)};`,
    `export const conditions = ${table(compiled.conditions)};`,
    // Expressions are data in form.json; the one evaluator that reads them comes with the package, so the
    // widget and a receiver run the same code, and a form without them carries none (decision 0021).
    ...(hasExpressions(definition) || textsNameAnswers(definition, texts) ? [`export { rules } from ${JSON.stringify(rulesModule)};`] : []),
    // The other steps' field validators are in validators-later.js (decision 0038).
    ...(later ? ['export const later = true;'] : []),
  ].join('\n');
}

/** ES module source of validators-later.js: { fields }, the validators of the fields after the first steps. */
export function laterValidatorsSource(definition: FormDefinition): string {
  const first = firstStepFields(definition);
  const compiled = compileValidators(definition, { field: (id) => !first.has(id), conditions: false });
  return [compiled.code, `export const fields = ${table(compiled.fields)};`].join('\n');
}

/**
 * ES module source of submission.js: { submission }, the whole-submission check, loaded for Send (decision 0029).
 * It is the engine's own check (src/engine/submission-check.ts) over the form's steps and the same field and
 * condition validators as validators.js, carried again so that the module stands alone (decision 0036).
 */
export function submissionSource(definition: FormDefinition, compiled: CompiledValidators = compileValidators(definition)): string {
  const rules = hasExpressions(definition);
  return [
    compiled.code,
    `import { submissionCheck } from ${JSON.stringify(submissionCheckModule)};`,
    ...(rules ? [`import { rules } from ${JSON.stringify(rulesModule)};`] : []),
    `export const submission = submissionCheck(${JSON.stringify(submissionForm(definition))}, { fields: ${table(compiled.fields)}, conditions: ${table(compiled.conditions)}${rules ? ', rules' : ''}${compiled.answers ? `, answers: ${compiled.answers}` : ''} });`,
  ].join('\n');
}

/** One self-contained, minified ES module: ajv's small runtime helpers are bundled in, its compiler is not. */
const RESOLVING = Symbol('resolving');

/**
 * Our own modules that a package bundles (formats, rules, checks) run nothing when imported, so what a package does
 * not call can go. Without this esbuild keeps every module whole (the root's package.json says `sideEffects: true`
 * for the widget's element), and with identity-numbers.ts the CommonJS identity-number validator, 1 KB gzip, in
 * every validators.js, whether or not a step asks for one.
 */
const ownModulesPure: Plugin = {
  name: 'own-modules-pure',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === RESOLVING || args.kind === 'entry-point') return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: RESOLVING,
      });
      return errors.length > 0 || /[\\/]node_modules[\\/]/.test(path) ? undefined : { path, sideEffects: false };
    });
  },
};

export async function bundleValidators(source: string, sourcefile: string = PACKAGE_FILES.validators): Promise<string> {
  const result = await esbuild({
    stdin: { contents: source, resolveDir: dirname(formatsModule), sourcefile, loader: 'js' },
    bundle: true, format: 'esm', platform: 'neutral', minify: true, write: false, legalComments: 'none',
    mainFields: ['module', 'main'],
    plugins: [ownModulesPure],
  });
  return result.outputFiles[0]!.text;
}

export interface BuildResult { dir: string; files: string[] }

/** Writes the package of one checked definition to outDir/<form id>/. */
export async function buildFormPackage(definition: FormDefinition, options: { outDir: string; localesDir: string }): Promise<BuildResult> {
  const dir = join(options.outDir, definition.id);
  await mkdir(join(dir, 'locales'), { recursive: true });
  const files: string[] = [];
  // Without indentation: the first visit downloads it (690 B gzip of white space in sosialhjelp's).
  await writeFile(join(dir, PACKAGE_FILES.definition), `${JSON.stringify(definition)}\n`);
  files.push(PACKAGE_FILES.definition);
  // The versions of the texts each answer is given to (decision 0010) travel with their locale's texts: the
  // first step needs only its language's, and a language's texts load before anything is answered in it.
  const texts = await readFormTexts(definition, options.localesDir);
  const versions = textVersions(definition, texts);
  const compiled = compileValidators(definition);
  // The first step's field validators, every condition (relevance and the step count read them all) and the
  // rules in validators.js; the other steps' field validators in validators-later.js, which the browser loads
  // once the first step is drawn (decision 0038).
  const first = firstStepFields(definition);
  const startCompiled = compileValidators(definition, { field: (id) => first.has(id), conditions: 'checked' });
  await writeFile(join(dir, PACKAGE_FILES.validators), await bundleValidators(validatorsSource(definition, texts, startCompiled, true)));
  files.push(PACKAGE_FILES.validators);
  await writeFile(join(dir, LATER_VALIDATORS), await bundleValidators(laterValidatorsSource(definition), LATER_VALIDATORS));
  files.push(LATER_VALIDATORS);
  await writeFile(join(dir, PACKAGE_FILES.submission), await bundleValidators(submissionSource(definition, compiled), PACKAGE_FILES.submission));
  files.push(PACKAGE_FILES.submission);
  // validators.js is an ES module wherever the package lands: Node (a receiver, a backend) reads the nearest
  // package.json to decide, and the author's project may be CommonJS.
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ type: 'module', private: true })}\n`);
  files.push('package.json');
  // One file per locale holds both namespaces the widget needs, so a language switch is one request.
  const sliced: string[] = [];
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
      ...(versions[locale] ? { [TEXT_VERSIONS_KEY]: versions[locale] } : {}),
    };
    await writeFile(join(dir, 'locales', `${locale}.json`), JSON.stringify(resources));
    files.push(`locales/${locale}.json`);
    // The start slice and the rest, disjoint: the first visit loads only the slice (decision 0038).
    const slices = sliceLocale(definition, locale, resources);
    for (const part of LOCALE_PARTS) {
      await mkdir(join(dir, 'locales', part), { recursive: true });
      await writeFile(join(dir, 'locales', part, `${locale}.json`), JSON.stringify(slices[part]));
      sliced.push(`locales/${part}/${locale}.json`);
    }
  }
  return { dir, files: [...files, ...sliced] };
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

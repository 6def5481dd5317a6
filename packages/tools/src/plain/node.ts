// Node-only helpers: read a form's definition and texts, the widget's texts and the config from files.
// The rest of src/plain has no node: imports and runs in the browser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { resolveConfig, type PlainConfig, type PlainConfigInput } from './config.ts';
import { lintCollection, lintForm } from './lint.ts';
import { isRuleId, RULE_IDS } from './rules/index.ts';
import type { LintLang } from './messages.ts';
import type { TextResource } from './texts.ts';
import type { LintResult } from './types.ts';

export const CONFIG_FILE = 'plain-language.config.json';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export interface LoadedTexts {
  /** Each locale's resource, for every locales/<lng>/<namespace>.json that exists. */
  texts: Record<string, TextResource>;
  /** The file of each locale, relative to `relativeTo` (default: the working directory). */
  files: Record<string, string>;
}

/** The texts of a namespace (a form id, or widget) in every locale folder that has a file for it; nb first. */
export function loadTexts(localesDir: string, namespace: string, relativeTo: string = process.cwd()): LoadedTexts {
  const texts: Record<string, TextResource> = {};
  const files: Record<string, string> = {};
  if (!existsSync(localesDir)) return { texts, files };
  const locales = readdirSync(localesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a === 'nb' ? -1 : b === 'nb' ? 1 : a.localeCompare(b)));
  for (const locale of locales) {
    const file = join(localesDir, locale, `${namespace}.json`);
    if (!existsSync(file)) continue;
    texts[locale] = readJson<TextResource>(file);
    files[locale] = relative(relativeTo, file) || file;
  }
  return { texts, files };
}

/** The config from a file (default: plain-language.config.json in `dir`), over the defaults; the defaults when there is no file. */
export function loadConfig(file?: string, dir: string = process.cwd()): PlainConfig {
  const path = file ?? resolve(dir, CONFIG_FILE);
  if (!existsSync(path)) {
    if (file !== undefined) throw new Error(`${file}: no such file`);
    return resolveConfig();
  }
  const input = readJson<PlainConfigInput>(path);
  checkRuleOverrides(input.rules);
  checkWordLists(input.words);
  return resolveConfig(input);
}

/** The project's word lists are lists of words: anything else would waive nothing without a word. */
function checkWordLists(words: unknown): void {
  if (words === undefined) return;
  if (typeof words !== 'object' || words === null || Array.isArray(words)) throw new Error('words: not an object');
  const lists = ['abbreviations', 'terms', 'stiffWordExceptions'];
  for (const [name, list] of Object.entries(words)) {
    if (name.startsWith('$')) continue;
    if (!lists.includes(name)) throw new Error(`words: no list «${name}» (the lists are ${lists.join(', ')})`);
    if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && w.trim() !== ''))
      throw new Error(`words.${name}: not a list of words`);
  }
}

const SEVERITY_OVERRIDES: readonly string[] = ['error', 'warning', 'info', 'off'];

/** A misspelt rule id or severity in the file would be ignored without a word; the registry knows the ids. */
function checkRuleOverrides(rules: unknown): void {
  if (rules === undefined) return;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new Error('rules: not an object');
  for (const [id, severity] of Object.entries(rules)) {
    if (id.startsWith('$')) continue; // "$comment"
    if (!isRuleId(id)) throw new Error(`rules: no rule «${id}» (the rules are ${RULE_IDS.join(', ')})`);
    if (typeof severity !== 'string' || !SEVERITY_OVERRIDES.includes(severity))
      throw new Error(`rules.${id}: «${String(severity)}» is not ${SEVERITY_OVERRIDES.join(', ')}`);
  }
}

export interface LintFormFileOptions {
  /** The definition file (schemas/forms/<id>.json). */
  definitionFile: string;
  /** The locales folder with <lng>/<form id>.json. */
  localesDir: string;
  config?: PlainConfig | PlainConfigInput;
  lang?: LintLang;
  relativeTo?: string;
}

/** Lints a form from its files. */
export function lintFormFiles(options: LintFormFileOptions): LintResult {
  const relativeTo = options.relativeTo ?? process.cwd();
  const definition = readJson<FormDefinition>(options.definitionFile);
  const { texts, files } = loadTexts(options.localesDir, definition.id, relativeTo);
  return lintForm({
    definition,
    texts,
    files,
    source: relative(relativeTo, options.definitionFile) || options.definitionFile,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
}

/** Lints a text collection (a namespace without steps, such as widget) from its files. */
export function lintCollectionFiles(options: {
  localesDir: string;
  namespace: string;
  config?: PlainConfig | PlainConfigInput;
  lang?: LintLang;
  relativeTo?: string;
}): LintResult {
  const { texts, files } = loadTexts(options.localesDir, options.namespace, options.relativeTo);
  return lintCollection({
    name: options.namespace,
    texts,
    files,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
}

/** The form definitions in a folder (schemas/forms/*.json), sorted. */
export function formDefinitionFiles(formsDir: string): string[] {
  return readdirSync(formsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(formsDir, name));
}

// `klarskjema lint`: the plain-language engine (src/plain) on forms, on the widget's and glossary's texts
// beside them, or on any text file. Exit 1 when a finding is an error (a bar is broken), 0 otherwise,
// 2 when a file cannot be read (one line each, and the rest is still linted).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { displayPath, findLocalesDir, readJsonFile } from '../check/file.ts';
import { finding } from '../check/findings.ts';
import { isObject } from '../check/model.ts';
import { GLOSSARY_NAMESPACE, WIDGET_NAMESPACE } from '../../../../src/engine/form-package.ts';
import { lintCollection, lintForm, lintText } from '../plain/lint.ts';
import { lintTexts } from '../plain/messages.ts';
import { loadConfig, loadTexts, type LoadedTexts } from '../plain/node.ts';
import { renderHtmlReport, renderJson, renderText, summary } from '../plain/render.ts';
import { renderSarif, type RegionOf } from '../plain/sarif.ts';
import type { Finding, LintResult, Position } from '../plain/types.ts';
import { isDynamicPattern } from 'tinyglobby';
import tools from '../../package.json' with { type: 'json' };
import { stringRegions } from './json-regions.ts';
import { UsageError, type CliArgs } from './args.ts';
import { formFiles, matching } from './files.ts';
import type { CliIo } from './main.ts';
import type { CliTexts } from './texts.ts';

/** Text collections without steps that live beside the forms' texts and are linted with them. */
export const COLLECTIONS = [WIDGET_NAMESPACE, GLOSSARY_NAMESPACE] as const;

export async function lint(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  const lang = texts.lang;
  const config = readConfig(args, io.cwd);
  const results: LintResult[] = [];
  const problems: string[] = [];
  const unreadable = (file: string, params: Record<string, unknown>) =>
    problems.push(
      texts.t('report.unreadable', {
        file,
        problem: texts.explain(finding('unreadable', '', params as never)).message,
      }),
    );

  const localesDirs: string[] = [];
  for (const full of await formFiles(args.paths, io.cwd)) {
    const file = displayPath(full, io.cwd);
    const read = await readJsonFile(full);
    if (!read.ok) {
      unreadable(file, read.params);
      continue;
    }
    if (!isFormLike(read.value)) {
      problems.push(texts.t('lint.notForm', { file }));
      continue;
    }
    const definition = read.value;
    const localesDir =
      args.locales !== undefined ? resolve(io.cwd, args.locales) : (findLocalesDir(full) ?? resolve(io.cwd, 'locales'));
    const loaded = loadOrReport(localesDir, definition.id, io.cwd, problems, texts);
    if (!loaded) continue;
    if (Object.keys(loaded.texts).length === 0) {
      problems.push(texts.t('lint.noTexts', { file, dir: displayPath(localesDir, io.cwd), id: definition.id }));
      continue;
    }
    results.push(lintForm({ definition, texts: loaded.texts, files: loaded.files, source: file, config, lang }));
    if (!localesDirs.includes(localesDir)) localesDirs.push(localesDir);
  }
  // The widget's own texts and the glossary are what the user reads beside every form's texts; they are the
  // widget's (not the form author's), so only on request: --widget, --glossary.
  const collections = COLLECTIONS.filter((namespace) =>
    namespace === WIDGET_NAMESPACE ? args.widget === true : args.glossary === true,
  );
  for (const localesDir of localesDirs) {
    for (const namespace of collections) {
      const loaded = loadOrReport(localesDir, namespace, io.cwd, problems, texts);
      if (loaded && Object.keys(loaded.texts).length > 0)
        results.push(lintCollection({ name: namespace, texts: loaded.texts, files: loaded.files, config, lang }));
    }
  }

  for (const full of await textFiles(args.text, io.cwd)) {
    const file = full === STDIN ? STDIN_NAME : displayPath(full, io.cwd);
    const content = full === STDIN ? await (io.stdin?.() ?? Promise.resolve('')) : await readText(full);
    if (typeof content === 'string') {
      results.push(
        lintText(content, {
          locale: args.locale![0]!,
          file,
          config,
          lang,
          ...(args.variant ? { variant: args.variant } : {}),
        }),
      );
    } else {
      unreadable(file, content);
    }
  }

  const shown = results.map((result) => only(result, args));
  // A note beside a text that cannot be used (no reason, no rules) is a mistake like an unreadable file.
  for (const result of results)
    for (const note of result.problems ?? []) problems.push(`${note.file} ${note.pointer}: ${note.problem}`);
  for (const problem of problems) io.stderr(`klarskjema: ${problem}\n`);
  if (shown.length > 0) {
    const report =
      args.format === 'json'
        ? renderJson(shown)
        : args.format === 'html'
          ? renderHtmlReport(shown, lang, config)
          : args.format === 'sarif'
            ? renderSarif(shown, { lang, version: tools.version, regionOf: regionsIn(io.cwd) })
            : renderText(shown, lang, { color: args.out === undefined && io.color === true });
    if (args.out !== undefined) {
      const out = resolve(io.cwd, args.out);
      try {
        await writeFile(out, report);
      } catch (error) {
        io.stderr(
          `klarskjema: ${texts.t('lint.cannotWrite', { file: displayPath(out, io.cwd), reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`,
        );
        return 2;
      }
      const all = shown.flatMap((r) => r.findings);
      const messages = lintTexts(lang);
      io.stdout(`${texts.t('lint.wrote', { file: displayPath(out, io.cwd) })} ${summary(shown, messages)}\n`);
      // The errors also go to the terminal, so a failing gate says why without opening the report.
      for (const f of all.filter(failing)) {
        io.stdout(
          `${messages.t('severity.error')}: ${f.file} ${f.key} ${f.locale}/${messages.t(`variant.${f.variant}`)} [${f.rule}] ${f.message} → ${f.suggestion}\n`,
        );
      }
    } else {
      io.stdout(report);
    }
  }
  if (problems.length > 0) return 2;
  return shown.some((r) => r.findings.some(failing)) ? 1 : 0;
}

/** An error fails the lint unless the author waived it (a note beside the text, or the project's word lists). */
const failing = (f: Finding): boolean => f.severity === 'error' && f.waived === undefined;

const STDIN = '-';
const STDIN_NAME = '<stdin>';

/** --text: one file, the files a glob matches, or standard input (-). */
async function textFiles(text: string | undefined, cwd: string): Promise<string[]> {
  if (text === undefined) return [];
  if (text === STDIN) return [STDIN];
  const full = resolve(cwd, text);
  return existsSync(full) || !isDynamicPattern(text) ? [full] : matching(text, cwd);
}

/** Where a text of a locale file is in the file, read when SARIF asks (each file once). */
function regionsIn(cwd: string): RegionOf {
  const files = new Map<string, Map<string, Position> | undefined>();
  return (file, pointer) => {
    if (!files.has(file)) {
      try {
        files.set(file, stringRegions(readFileSync(resolve(cwd, file), 'utf8')));
      } catch {
        files.set(file, undefined);
      }
    }
    return files.get(file)?.get(pointer);
  };
}

/** The thresholds: --config FILE, else plain-language.config.json in the working directory, else the defaults. */
function readConfig(args: CliArgs, cwd: string) {
  const file = args.config !== undefined ? resolve(cwd, args.config) : undefined;
  if (file !== undefined && (!existsSync(file) || !statSync(file).isFile()))
    throw new UsageError('noConfig', { file: args.config! });
  try {
    return loadConfig(file, cwd);
  } catch (error) {
    const shown = displayPath(file ?? resolve(cwd, 'plain-language.config.json'), cwd);
    throw new UsageError('badConfig', { file: shown, reason: error instanceof Error ? error.message : String(error) });
  }
}

/** Enough of a definition to lint its texts: an id and steps with fields. `klarskjema check` says what else is wrong. */
function isFormLike(value: unknown): value is FormDefinition {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    /^[a-z][a-z0-9-]*$/.test(value.id) &&
    Array.isArray(value.steps) &&
    value.steps.every(
      (s) =>
        isObject(s) &&
        typeof s.id === 'string' &&
        Array.isArray(s.fields) &&
        s.fields.every((f) => isObject(f) && typeof f.id === 'string'),
    )
  );
}

function loadOrReport(
  localesDir: string,
  namespace: string,
  cwd: string,
  problems: string[],
  texts: CliTexts,
): LoadedTexts | undefined {
  try {
    return loadTexts(localesDir, namespace, cwd);
  } catch (error) {
    // A locale file that is not JSON: name the file, never a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(texts.t('lint.badTexts', { dir: displayPath(localesDir, cwd), namespace, reason }));
    return undefined;
  }
}

async function readText(path: string): Promise<string | Record<string, unknown>> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { context: 'missing' };
    if (code === 'EISDIR') return { context: 'directory' };
    return { context: 'io', reason: code ?? String(error) };
  }
}

/** The result restricted to --locale and --variant. Scores keep both variants: the plain bar compares with standard. */
function only(result: LintResult, args: CliArgs): LintResult {
  const locales = args.locale;
  const keepLocale = (locale: string) => locales === undefined || locales.includes(locale);
  const pick = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([l]) => keepLocale(l)));
  return {
    ...result,
    locales: result.locales.filter(keepLocale),
    findings: result.findings.filter(
      (f) => keepLocale(f.locale) && (args.variant === undefined || f.variant === args.variant),
    ),
    scores: Object.fromEntries(Object.entries(result.scores).map(([step, byLocale]) => [step, pick(byLocale)])),
    form: pick(result.form),
  };
}

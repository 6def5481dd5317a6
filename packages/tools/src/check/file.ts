// Checking a form file: read it and its texts (LOCALES/<lng>/<form id>.json), then checkDefinition.
// A file that cannot be read or is not JSON is one finding, code `unreadable`.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { checkDefinition } from './check.ts';
import { at, finding, type FileReport, type Finding, type FindingParams } from './findings.ts';
import { parseJson } from './json.ts';
import { checkParity, type LocaleTexts, type ParityInput } from './parity.ts';
import { isObject } from './model.ts';
import { checkTerms, readSourceTerms, readTermbase, type TermsInput } from './terms.ts';
import { checkTextStatus, readKeyLists, readStatuses, type TextStatusInput } from './text-status.ts';
import { checkLegalLock, readReviews, type LegalLockInput } from './legal.ts';
import { LOCALE_CODE } from '../../../../src/definition/vocabulary.ts';
import { loadConfig } from '../plain/node.ts';
import { checkPlainCoverage, type PlainCoverage } from './plain-coverage.ts';

export interface FileCheck extends FileReport {
  /** The definition, when the file was JSON. */
  definition?: FormDefinition;
  /** Where the texts were looked for. */
  localesDir: string;
  /** Each locale's share of nb's plain texts, per namespace (the form's, and the widget's). */
  plainCoverage?: PlainCoverage[];
}

export interface FileCheckOptions {
  /** The locales folder; defaults to the nearest `locales` folder above the form file. */
  localesDir?: string;
  /** Paths in findings are relative to this folder when inside it (default: the working directory). */
  cwd?: string;
}

/** The nearest folder named `locales` in the form's folder or above it. */
export function findLocalesDir(formFile: string): string | undefined {
  let dir = dirname(resolve(formFile));
  for (;;) {
    const candidate = join(dir, 'locales');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const full = resolve(cwd, path);
  const inside = relative(cwd, full);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : full;
}

type Read = { ok: true; value: unknown } | { ok: false; params: FindingParams };

/** Reads and parses a JSON file; on failure, the params of an `unreadable` finding. */
export async function readJsonFile(path: string): Promise<Read> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, params: { context: 'missing' } };
    if (code === 'EISDIR') return { ok: false, params: { context: 'directory' } };
    return {
      ok: false,
      params: { context: 'io', reason: code ?? (error instanceof Error ? error.message : String(error)) },
    };
  }
  const parsed = parseJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const { reason, line, column } = parsed;
  return {
    ok: false,
    params: {
      context: line === undefined ? 'json' : 'jsonAt',
      reason,
      ...(line === undefined ? {} : { line, column }),
    },
  };
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const LOCALE = LOCALE_CODE;

export async function checkFormFile(path: string, options: FileCheckOptions = {}): Promise<FileCheck> {
  const cwd = options.cwd ?? process.cwd();
  const full = resolve(cwd, path);
  const file = displayPath(full, cwd);
  const localesDir =
    options.localesDir !== undefined
      ? resolve(cwd, options.localesDir)
      : (findLocalesDir(full) ?? resolve(cwd, 'locales'));
  const read = await readJsonFile(full);
  if (!read.ok) return { file, localesDir, findings: [finding('unreadable', '', read.params)] };
  const definition = read.value;

  // The texts, when the id and locales are usable as file names (otherwise the meta-schema says why).
  const fileFindings: Finding[] = [];
  const texts: { nb?: Record<string, unknown> } = {};
  const translations = new Map<string, { index: number; texts: Record<string, unknown> }>();
  const existingLocales: string[] = [];
  const id = isObject(definition) ? definition.id : undefined;
  const locales = isObject(definition) && Array.isArray(definition.locales) ? definition.locales : [];
  const textPath = (locale: string) => join(localesDir, locale, `${String(id)}.json`);
  if (typeof id === 'string' && ID.test(id)) {
    for (const [i, locale] of locales.entries()) {
      if (typeof locale !== 'string' || !LOCALE.test(locale) || existingLocales.includes(locale)) continue;
      const localeRead = await readJsonFile(textPath(locale));
      if (!localeRead.ok && localeRead.params.context === 'missing') continue;
      existingLocales.push(locale);
      if (!localeRead.ok) {
        fileFindings.push(
          finding('texts-unreadable', at('/locales', i), {
            ...localeRead.params,
            file: displayPath(textPath(locale), cwd),
          }),
        );
      } else if (!isObject(localeRead.value)) {
        fileFindings.push(
          finding('texts-unreadable', at('/locales', i), {
            context: 'notObject',
            file: displayPath(textPath(locale), cwd),
          }),
        );
      } else if (locale === 'nb') {
        texts.nb = localeRead.value;
      } else {
        translations.set(locale, { index: i, texts: localeRead.value });
      }
    }
  }
  const findings = [
    ...fileFindings,
    ...checkDefinition(definition, texts, {
      existingLocales,
      textFile: (locale) => displayPath(textPath(locale), cwd),
    }),
  ];
  // Parity only for a sound definition with readable nb texts: otherwise those findings come first.
  let plainCoverage: PlainCoverage[] | undefined;
  if (
    typeof id === 'string' &&
    texts.nb &&
    !findings.some((f) => f.code.startsWith('schema-') || f.code === 'texts-unreadable')
  ) {
    const bar = (definition as FormDefinition).plainCoverage;
    const parity = await parityFindings(id, texts.nb, translations, localesDir, cwd, bar);
    findings.push(...parity.findings);
    plainCoverage = parity.plainCoverage;
    findings.push(...(await legalFindings(definition as FormDefinition, texts.nb, translations, localesDir, cwd)));
  }
  return {
    file,
    localesDir,
    findings,
    definition: definition as FormDefinition,
    ...(plainCoverage ? { plainCoverage } : {}),
  };
}

/** Legal texts in every locale, nb too: each plain variant shown beside its standard text or reviewed (decision 0031). */
async function legalFindings(
  definition: FormDefinition,
  nb: Record<string, unknown>,
  translations: Map<string, { index: number; texts: Record<string, unknown> }>,
  localesDir: string,
  cwd: string,
): Promise<Finding[]> {
  const readObject = async (locale: string, file: string): Promise<Record<string, unknown> | undefined> => {
    const read = await readJsonFile(join(localesDir, locale, file));
    return read.ok && isObject(read.value) ? read.value : undefined;
  };
  const all = [['nb', { index: 0, texts: nb }] as const, ...translations];
  const locales: LegalLockInput['locales'] = [];
  for (const [locale, { index, texts }] of all) {
    locales.push({
      locale,
      index,
      namespaces: { [definition.id]: texts, widget: await readObject(locale, 'widget.json') },
      reviews: readReviews(await readObject(locale, 'legal-review.json')),
      file: displayPath(join(localesDir, locale, 'legal-review.json'), cwd),
    });
  }
  return checkLegalLock({ definition, locales });
}

/** The widget's texts and the form's texts in every listed locale, against nb. */
async function parityFindings(
  formId: string,
  nb: Record<string, unknown>,
  translations: Map<string, { index: number; texts: Record<string, unknown> }>,
  localesDir: string,
  cwd: string,
  plainBar: FormDefinition['plainCoverage'],
): Promise<{ findings: Finding[]; plainCoverage: PlainCoverage[] }> {
  const named = (locale: string, file: string) => displayPath(join(localesDir, locale, file), cwd);
  const readObject = async (locale: string, file: string): Promise<Record<string, unknown> | undefined> => {
    const read = await readJsonFile(join(localesDir, locale, file));
    return read.ok && isObject(read.value) ? read.value : undefined;
  };
  const source: Record<string, LocaleTexts> = { [formId]: { texts: nb, file: named('nb', `${formId}.json`) } };
  const nbWidget = await readObject('nb', 'widget.json');
  if (nbWidget) source.widget = { texts: nbWidget, file: named('nb', 'widget.json') };
  const locales: ParityInput['locales'] = [];
  const missingFiles: Finding[] = [];
  // Terms and review status (decision 0027): only where the files exist, so a new form's locales start simple.
  const sourceTerms = readSourceTerms(await readObject('nb', 'termbase.json'));
  const termLocales: TermsInput['locales'] = [];
  const statusLocales: TextStatusInput['locales'] = [];
  for (const [locale, { index, texts }] of translations) {
    const widget = nbWidget ? await readObject(locale, 'widget.json') : undefined;
    if (nbWidget && !widget)
      missingFiles.push(
        finding('locale-file-missing', at('/locales', index), { locale, file: named(locale, 'widget.json') }),
      );
    // Keys a locale leaves to nb on purpose: locales/<lng>/fallback.json, { "<namespace>": ["key", …] }.
    const listed = await readObject(locale, 'fallback.json');
    const fallback = Object.fromEntries(
      Object.entries(listed ?? {}).map(([ns, keys]) => [
        ns,
        Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [],
      ]),
    );
    const namespaces = {
      [formId]: { texts, file: named(locale, `${formId}.json`) },
      ...(widget ? { widget: { texts: widget, file: named(locale, 'widget.json') } } : {}),
    };
    locales.push({ locale, index, fallback, namespaces });
    const termbaseFile = join(localesDir, locale, 'termbase.json');
    const termbaseRead = sourceTerms ? await readJsonFile(termbaseFile) : undefined;
    if (termbaseRead?.ok) {
      const termbase = readTermbase(termbaseRead.value);
      if (termbase) termLocales.push({ locale, index, termbase, namespaces });
      else
        missingFiles.push(
          finding('texts-unreadable', at('/locales', index), {
            context: 'termbase',
            file: named(locale, 'termbase.json'),
          }),
        );
    } else if (termbaseRead && termbaseRead.params.context !== 'missing') {
      missingFiles.push(
        finding('texts-unreadable', at('/locales', index), {
          ...termbaseRead.params,
          file: named(locale, 'termbase.json'),
        }),
      );
    }
    statusLocales.push({
      locale,
      index,
      namespaces,
      statuses: readStatuses(await readObject(locale, 'text-status.json')),
      declared: (await readObject(locale, 'status.json')) ?? {},
      file: named(locale, 'text-status.json'),
    });
  }
  const critical = readKeyLists(await readObject('nb', 'critical.json'));
  // The widget's bar is the project's: plain-language.config.json beside the locales folder.
  const widgetBar = loadConfig(undefined, dirname(localesDir)).plainCoverage.widget;
  const coverage = checkPlainCoverage({ source, locales, bars: { [formId]: plainBar, widget: widgetBar } });
  return {
    findings: [
      ...missingFiles,
      ...checkParity({ source, locales }),
      ...(sourceTerms ? checkTerms({ source: sourceTerms, nb: source, locales: termLocales }) : []),
      ...checkTextStatus({ critical, nb: source, locales: statusLocales }),
      ...coverage.findings,
    ],
    plainCoverage: coverage.coverage,
  };
}

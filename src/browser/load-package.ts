// Loads a form package over HTTP: the definition as JSON, the validators as an ES module (same
// origin, so a strict script-src 'self' allows it), and one locale's texts at a time.
import type { FormDefinition } from '../definition/types.ts';
import {
  PACKAGE_FILES,
  FIRST_STEP_KEY,
  STATUS_KEY,
  TEXT_VERSIONS_KEY,
  type FormPackage,
  type FormValidators,
  type TranslationStatus,
  type Validate,
} from '../engine/form-package.ts';
import type { TextVersions } from '../engine/text-version.ts';
import { LATER_VALIDATORS, type LocalePart } from '../engine/package-slices.ts';

export type LocaleResources = Record<string, Record<string, unknown>>;

/** The package folder as an absolute URL ending in a slash. */
export function packageBase(form: string, base: string = document.baseURI): string {
  const url = new URL(form, base);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export class PackageLoadError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | 'network',
  ) {
    super(`Could not load ${url} (${status})`);
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new PackageLoadError(url, 'network');
  }
  if (!response.ok) throw new PackageLoadError(url, response.status);
  return (await response.json()) as T;
}

/** An ES module of the package (same origin, so a strict script-src 'self' allows it). */
function importModule<T>(url: string): Promise<T> {
  return (import(/* @vite-ignore */ url) as Promise<T>).catch(() => {
    throw new PackageLoadError(url, 'network');
  });
}

/**
 * A package module loaded when asked, once; a failed load is tried again on the next ask. Browsers keep a failed
 * import() (whatwg/html#6768), so a new try asks with a new query.
 */
function lateModule<T>(url: string, arrived: (module: T) => void): { load(): Promise<void>; ready(): boolean } {
  let done = false;
  let pending: Promise<void> | null = null;
  let attempts = 0;
  return {
    load: () =>
      done
        ? Promise.resolve()
        : (pending ??= importModule<T>(attempts++ ? `${url}?retry=${attempts}` : url).then(
            (module) => {
              arrived(module);
              done = true;
            },
            (error: unknown) => {
              pending = null;
              throw error;
            },
          )),
    ready: () => done,
  };
}

/**
 * The whole-submission validator, loaded when asked (after the first step): until it is here it says no,
 * with a `loading` error, and the widget shows Send only once it is ready.
 */
function lateSubmission(base: string): { validate: Validate; loader: NonNullable<FormPackage['submissionLoader']> } {
  let loaded: Validate | null = null;
  const validate: Validate = (data) => {
    const ok = loaded ? loaded(data) : false;
    validate.errors = loaded ? loaded.errors : [{ instancePath: '', keyword: 'loading', params: {} }];
    return ok;
  };
  const loader = lateModule<Pick<FormValidators, 'submission'>>(
    `${base}${PACKAGE_FILES.submission}`,
    (module) => void (loaded = module.submission),
  );
  return { validate, loader };
}

/**
 * The text versions of the package at a base URL: one table, filled by each locale file as it loads (each carries
 * its own, decision 0036). The machine reads it when an answer is given, and a language's texts are always here
 * before anything is answered in it.
 */
const textVersionsByBase = new Map<string, TextVersions>();
const textVersionsAt = (base: string): TextVersions => {
  let versions = textVersionsByBase.get(base);
  if (!versions) textVersionsByBase.set(base, (versions = {}));
  return versions;
};

export async function loadFormPackage(base: string): Promise<FormPackage> {
  const [definition, validators] = await Promise.all([
    fetchJson<FormDefinition>(`${base}${PACKAGE_FILES.definition}`),
    importModule<Omit<FormValidators, 'submission'> & { textVersions?: TextVersions; later?: boolean }>(
      `${base}${PACKAGE_FILES.validators}`,
    ),
  ]);
  const submission = lateSubmission(base);
  // The other steps' field validators join the module's table when validators-later.js arrives (decision 0038):
  // the same package's, wherever it is read.
  const { fields } = validators;
  const later = validators.later
    ? lateModule<Pick<FormValidators, 'fields'>>(`${base}${LATER_VALIDATORS}`, (module) =>
        Object.assign(fields, module.fields),
      )
    : undefined;
  return {
    definition,
    validators: { fields, conditions: validators.conditions, submission: submission.validate, rules: validators.rules },
    // A package built before 0.2.0 exports them all from validators.js.
    textVersions: validators.textVersions ?? textVersionsAt(base),
    submissionLoader: submission.loader,
    ...(later ? { laterLoader: later } : {}),
  };
}

export interface LocaleFile {
  resources: LocaleResources;
  status: TranslationStatus;
}

/**
 * A locale's texts: the whole file, or its start slice or the rest (decision 0038). A package built before 0.2.0
 * has no slices (nor validators-later.js, so the widget asks for no rest): asked for the start slice, it gives
 * the whole file.
 */
/** A start slice the loader (components/klar-skjema/loader.ts) fetched to draw the first step: taken once. */
function fetchedByLoader(url: string): Promise<LocaleResources | null> | undefined {
  const starts = (globalThis as { [key: symbol]: Map<string, Promise<LocaleResources | null>> | undefined })[
    Symbol.for('klarskjema.starts')
  ];
  const file = starts?.get(url);
  starts?.delete(url);
  return file;
}

export async function loadLocale(
  base: string,
  locale: string,
  /** Without one, the whole file. */
  part?: LocalePart,
): Promise<LocaleFile> {
  let file: LocaleResources;
  const url = `${base}locales/${part ? `${part}/` : ''}${locale}.json`;
  try {
    file = (await fetchedByLoader(url)) ?? (await fetchJson<LocaleResources>(url));
  } catch (error) {
    // Without a start slice (a package built before 0.2.0, or a failed request), the whole file.
    if (part === 'start') return loadLocale(base, locale);
    throw error;
  }
  const { [STATUS_KEY]: status, [TEXT_VERSIONS_KEY]: versions, [FIRST_STEP_KEY]: _drawn, ...resources } = file;
  // The halves of a locale carry the versions of their own fields: merged by variant.
  const own = (textVersionsAt(base)[locale] ??= { standard: {} }) as Record<string, Record<string, string>>;
  for (const [variant, byField] of Object.entries(versions ?? {})) Object.assign((own[variant] ??= {}), byField);
  return { resources, status: (status ?? {}) as TranslationStatus };
}

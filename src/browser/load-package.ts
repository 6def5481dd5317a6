// Loads a form package over HTTP: the definition as JSON, the validators as an ES module (same
// origin, so a strict script-src 'self' allows it), and one locale's texts at a time.
import type { FormDefinition } from '../definition/types.ts';
import {
  PACKAGE_FILES,
  STATUS_KEY,
  TEXT_VERSIONS_KEY,
  type FormPackage,
  type FormValidators,
  type TranslationStatus,
  type Validate,
} from '../engine/form-package.ts';
import type { TextVersions } from '../engine/text-version.ts';

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
 * The whole-submission validator, loaded when asked (after the first step): until it is here it says no,
 * with a `loading` error, and the widget shows Send only once it is ready. Browsers keep a failed import()
 * (whatwg/html#6768), so a new try asks with a new query.
 */
function lateSubmission(base: string): { validate: Validate; loader: NonNullable<FormPackage['submissionLoader']> } {
  let loaded: Validate | null = null;
  let pending: Promise<void> | null = null;
  let attempts = 0;
  const validate: Validate = (data) => {
    const ok = loaded ? loaded(data) : false;
    validate.errors = loaded ? loaded.errors : [{ instancePath: '', keyword: 'loading', params: {} }];
    return ok;
  };
  const url = `${base}${PACKAGE_FILES.submission}`;
  const load = (): Promise<void> =>
    loaded
      ? Promise.resolve()
      : (pending ??= importModule<Pick<FormValidators, 'submission'>>(
          attempts++ ? `${url}?retry=${attempts}` : url,
        ).then(
          (module) => void (loaded = module.submission),
          (error: unknown) => {
            pending = null;
            throw error;
          },
        ));
  return { validate, loader: { load, ready: () => loaded !== null } };
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
    importModule<Omit<FormValidators, 'submission'> & { textVersions?: TextVersions }>(
      `${base}${PACKAGE_FILES.validators}`,
    ),
  ]);
  const submission = lateSubmission(base);
  return {
    definition,
    validators: {
      fields: validators.fields,
      conditions: validators.conditions,
      submission: submission.validate,
      rules: validators.rules,
    },
    // A package built before 0.2.0 exports them all from validators.js.
    textVersions: validators.textVersions ?? textVersionsAt(base),
    submissionLoader: submission.loader,
  };
}

export interface LocaleFile {
  resources: LocaleResources;
  status: TranslationStatus;
}

export async function loadLocale(base: string, locale: string): Promise<LocaleFile> {
  const {
    [STATUS_KEY]: status,
    [TEXT_VERSIONS_KEY]: versions,
    ...resources
  } = await fetchJson<LocaleResources>(`${base}locales/${locale}.json`);
  if (versions) textVersionsAt(base)[locale] = versions as unknown as TextVersions[string];
  return { resources, status: (status ?? {}) as TranslationStatus };
}

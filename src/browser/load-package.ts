// Loads a form package over HTTP: the definition as JSON, the validators as an ES module (same
// origin, so a strict script-src 'self' allows it), and one locale's texts at a time.
import type { FormDefinition } from '../definition/types.ts';
import { STATUS_KEY, type FormPackage, type FormValidators, type TranslationStatus } from '../engine/form-package.ts';
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

export async function loadFormPackage(base: string): Promise<FormPackage> {
  const [definition, validators] = await Promise.all([
    fetchJson<FormDefinition>(`${base}form.json`),
    import(/* @vite-ignore */ `${base}validators.js`).catch(() => {
      throw new PackageLoadError(`${base}validators.js`, 'network');
    }) as Promise<FormValidators & { textVersions?: TextVersions }>,
  ]);
  return {
    definition,
    validators: {
      fields: validators.fields,
      conditions: validators.conditions,
      submission: validators.submission,
      rules: validators.rules,
    },
    ...(validators.textVersions ? { textVersions: validators.textVersions } : {}),
  };
}

export interface LocaleFile {
  resources: LocaleResources;
  status: TranslationStatus;
}

export async function loadLocale(base: string, locale: string): Promise<LocaleFile> {
  const { [STATUS_KEY]: status, ...resources } = await fetchJson<LocaleResources>(`${base}locales/${locale}.json`);
  return { resources, status: (status ?? {}) as TranslationStatus };
}

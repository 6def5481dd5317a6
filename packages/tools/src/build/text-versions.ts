// The version of each field's texts, per locale and variant, as the widget shows them: a text missing
// in the locale falls back to nb, a plain text missing falls back to the standard one (the same order
// as i18next: key_plain, then key, in the locale, then in nb). Computed at build time; see
// src/engine/text-version.ts and docs/decisions/0010-sosialhjelp-aktivitet-text-versions.md.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFields, kindHoldsAnswer, type FieldDefinition, type FormDefinition } from '../../../../src/definition/types.ts';
import type { TextVersions } from '../../../../src/engine/text-version.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import type { TextVariant } from '../../../../src/definition/vocabulary.ts';

type Texts = Record<string, unknown>;
const SOURCE = 'nb';
const PLAIN = '_plain';

const isObject = (value: unknown): value is Texts => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every string under a node, by dotted key. */
const stringsOf = (node: unknown, root = ''): Map<string, string> => new Map(textLeaves(node, root ? root.split('.') : [])
  .filter((leaf): leaf is [string[], string] => typeof leaf[1] === 'string').map(([path, text]) => [path.join('.'), text]));

/** The text keys that belong to a field: all its own, its register's name, and for the documents field every document's texts. */
function keysOf(definition: FormDefinition, field: FieldDefinition, texts: Texts[]): string[] {
  const roots = [`fields.${field.id}`];
  if (field.prefill) roots.push(`sources.${field.prefill}`);
  if (field.kind === 'attachments') for (const document of definition.attachments ?? []) roots.push(`attachments.${document.id}`);
  const keys = new Set<string>();
  for (const tree of texts) {
    for (const root of roots) {
      const node = root.split('.').reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), tree);
      for (const key of stringsOf(node, root).keys()) keys.add(key.endsWith(PLAIN) ? key.slice(0, -PLAIN.length) : key);
    }
  }
  return [...keys].sort();
}

function versionOf(entries: Array<[string, string]>): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 8);
}

/** Versions for every locale the form has texts in. `texts` holds each locale's form texts (nb required). */
export function textVersions(definition: FormDefinition, texts: Record<string, Texts>): TextVersions {
  const source = texts[SOURCE] ?? {};
  const flat = Object.fromEntries(Object.entries(texts).map(([locale, tree]) => [locale, stringsOf(tree)]));
  // Legal guidance too (the duties above a declaration): the submission records which wording was confirmed (decision 0031).
  const fields = listFields(definition).map((place) => place.field)
    .filter((field) => (kindHoldsAnswer(field.kind) && field.kind !== 'group') || field.legal !== undefined);
  const versions: TextVersions = {};
  for (const locale of Object.keys(texts)) {
    const chain = locale === SOURCE ? [flat[SOURCE]!] : [flat[locale]!, flat[SOURCE] ?? new Map<string, string>()];
    const standard: Record<string, string> = {};
    const plain: Record<string, string> = {};
    for (const field of fields) {
      const keys = keysOf(definition, field, [source, texts[locale]!]);
      const shown = (variant: TextVariant): Array<[string, string]> => keys.flatMap((key): Array<[string, string]> => {
        for (const table of chain) {
          const text = (variant === 'plain' ? table.get(`${key}${PLAIN}`) : undefined) ?? table.get(key);
          if (text !== undefined) return [[key, text]];
        }
        return [];
      });
      standard[field.id] = versionOf(shown('standard'));
      const own = versionOf(shown('plain'));
      if (own !== standard[field.id]) plain[field.id] = own;
    }
    versions[locale] = { standard, ...(Object.keys(plain).length > 0 ? { plain } : {}) };
  }
  return versions;
}

/** The form's texts in each of its locales that has a file, by locale. */
export async function readFormTexts(definition: FormDefinition, localesDir: string): Promise<Record<string, Texts>> {
  const texts: Record<string, Texts> = {};
  for (const locale of definition.locales) {
    try {
      texts[locale] = JSON.parse(await readFile(join(localesDir, locale, `${definition.id}.json`), 'utf8')) as Texts;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return texts;
}

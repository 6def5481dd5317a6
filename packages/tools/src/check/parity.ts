// Translation parity: every nb text exists in every listed locale (or is a listed fallback), with the
// same placeholders and never empty. So no language silently drops a question or a value.
import { at, finding, type Finding } from './findings.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';

/** One namespace's texts in one locale. */
export interface LocaleTexts {
  texts: Record<string, unknown>;
  /** How the file is named in findings. */
  file: string;
}

export interface ParityInput {
  /** nb texts per namespace (the form's id, and widget). */
  source: Record<string, LocaleTexts>;
  /** Every other listed locale: its texts per namespace, and the keys it leaves to nb on purpose. */
  locales: Array<{
    locale: string;
    index: number;
    namespaces: Record<string, LocaleTexts | undefined>;
    fallback: Record<string, readonly string[]>;
  }>;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLAIN = /_plain$/;

/** A key without its plural suffix: languages have different plural forms of the same text. */
const baseKey = (key: string): string => key.replace(PLURAL, '');

/** Placeholder names in a text: {{name}}, {{count, number}}. */
export function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]!));
}

/** Texts by base key; plural forms share one entry, and their placeholders are pooled. */
function byBase(texts: Record<string, unknown>): Map<string, { values: unknown[]; names: Set<string> }> {
  const map = new Map<string, { values: unknown[]; names: Set<string> }>();
  for (const [path, value] of textLeaves(texts)) {
    const base = baseKey(path.join('.'));
    const entry = map.get(base) ?? { values: [], names: new Set<string>() };
    entry.values.push(value);
    if (typeof value === 'string') for (const name of placeholders(value)) entry.names.add(name);
    map.set(base, entry);
  }
  return map;
}

const difference = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();

export function checkParity(input: ParityInput): Finding[] {
  const findings: Finding[] = [];
  for (const { locale, index, namespaces, fallback } of input.locales) {
    const pointer = at('/locales', index);
    for (const [namespace, source] of Object.entries(input.source)) {
      const target = namespaces[namespace];
      if (!target) continue; // a missing file is reported as locale-file-missing
      const { file } = target;
      const allowed = new Set(fallback[namespace] ?? []);
      const sourceKeys = byBase(source.texts);
      const targetKeys = byBase(target.texts);
      for (const [key, entry] of sourceKeys) {
        const translated = targetKeys.get(key);
        // A plain variant may be left out: the same language's standard text is shown instead.
        if (!translated) {
          if (!PLAIN.test(key) && !allowed.has(key))
            findings.push(finding('translation-missing', pointer, { key, locale, file }));
          continue;
        }
        if (translated.values.some((v) => typeof v !== 'string' || v.trim() === '')) {
          findings.push(finding('translation-empty', pointer, { key, locale, file }));
          continue;
        }
        const missing = difference(entry.names, translated.names);
        const extra = difference(translated.names, entry.names);
        if (missing.length > 0 || extra.length > 0) {
          findings.push(
            finding('translation-placeholders', pointer, {
              key,
              locale,
              file,
              expected:
                [...entry.names]
                  .sort()
                  .map((n) => `{{${n}}}`)
                  .join(' ') || '–',
              found:
                [...translated.names]
                  .sort()
                  .map((n) => `{{${n}}}`)
                  .join(' ') || '–',
            }),
          );
        }
      }
      for (const key of targetKeys.keys()) {
        if (sourceKeys.has(key)) continue;
        // A plain variant of a text nb has is fine even when nb has no plain variant of its own.
        if (PLAIN.test(key) && sourceKeys.has(key.replace(PLAIN, ''))) continue;
        findings.push(finding('translation-extra', pointer, { key, locale, file }));
      }
      for (const key of allowed) {
        if (!sourceKeys.has(key))
          findings.push(finding('translation-extra', pointer, { key, locale, file, context: 'fallback' }));
      }
    }
  }
  return findings;
}

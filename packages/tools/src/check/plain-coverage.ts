// Plain coverage (issue 16, decision 0030): the share of nb's plain texts that a locale also has, per
// namespace (the form's, and the widget's). A form declares its bar (`plainCoverage` in the definition); the
// widget's bar is the project's (`plainCoverage.widget` in plain-language.config.json). Below the bar, `check`
// fails and names the missing keys, so the translator knows what to write.
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import type { PlainCoverageBar } from '../../../../src/definition/types.ts';
import { at, finding, type Finding } from './findings.ts';
import type { LocaleTexts } from './parity.ts';

/** One locale's plain coverage of one namespace. */
export interface PlainCoverage {
  namespace: string;
  locale: string;
  /** nb's plain texts this locale also has. */
  covered: number;
  /** nb's plain texts. */
  total: number;
  /** nb's plain texts this locale lacks, by key (without `_plain`). */
  missing: string[];
  /** The declared bar for this locale, when there is one. */
  bar?: number;
}

export interface PlainCoverageInput {
  /** nb texts per namespace (the form's id, and widget). */
  source: Record<string, LocaleTexts>;
  /** Every other listed locale with its texts per namespace. */
  locales: Array<{ locale: string; index: number; namespaces: Record<string, LocaleTexts | undefined> }>;
  /** The bar per namespace: the form's from its definition, the widget's from the project's config. */
  bars: Record<string, PlainCoverageBar | undefined>;
}

const PLAIN_KEY = /^(.*)_plain(?:_(?:zero|one|two|few|many|other))?$/;

/** The keys (without `_plain` and plural suffix) that have an own plain text in a resource. */
export function plainKeys(texts: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  for (const [path, value] of textLeaves(texts)) {
    const match = PLAIN_KEY.exec(path.join('.'));
    if (match && typeof value === 'string' && value.trim() !== '') keys.add(match[1]!);
  }
  return keys;
}

/** The bar a declaration sets for a locale: one number for every locale, or one per locale (none when unlisted). */
export function barFor(bar: PlainCoverageBar | undefined, locale: string): number | undefined {
  if (bar === undefined) return undefined;
  return typeof bar === 'number' ? bar : bar[locale];
}

/** Coverage of every locale and namespace, and a finding for each one below its bar. */
export function checkPlainCoverage(input: PlainCoverageInput): { coverage: PlainCoverage[]; findings: Finding[] } {
  const coverage: PlainCoverage[] = [];
  const findings: Finding[] = [];
  for (const [namespace, source] of Object.entries(input.source)) {
    const wanted = plainKeys(source.texts);
    for (const { locale, index, namespaces } of input.locales) {
      const target = namespaces[namespace];
      const has = target ? plainKeys(target.texts) : new Set<string>();
      const missing = [...wanted].filter((key) => !has.has(key));
      const bar = barFor(input.bars[namespace], locale);
      const entry: PlainCoverage = {
        namespace,
        locale,
        covered: wanted.size - missing.length,
        total: wanted.size,
        missing,
      };
      if (bar !== undefined) entry.bar = bar;
      coverage.push(entry);
      // Compared in whole texts: a bar of 0.9 of 74 texts asks for 67.
      if (bar !== undefined && entry.covered < Math.ceil(bar * entry.total - 1e-9))
        findings.push(
          finding('plain-coverage', namespace === 'widget' ? at('/locales', index) : '/plainCoverage', {
            locale,
            namespace,
            file: target?.file ?? source.file.replace('/nb/', `/${locale}/`),
            percent: Math.floor((100 * entry.covered) / entry.total),
            bar: Math.round(bar * 100),
            covered: entry.covered,
            total: entry.total,
            missing: missing.join(', '),
          }),
        );
    }
  }
  return { coverage, findings };
}

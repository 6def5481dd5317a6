// Lint results as SARIF 2.1.0 (OASIS), the format code-scanning views and editors read: one run, the rules with
// their names and docs, each finding a result at its file (with line and column where known, its text key and JSON
// pointer as a logical location), and waived findings as suppressions with the author's reason.
import { lintTexts, type LintLang } from './messages.ts';
import { RULES } from './rules/index.ts';
import type { Finding, LintResult, Position, Severity } from './types.ts';

/** Where a text from a locale file is in that file, when the caller has read it (lines and columns from 1). */
export type RegionOf = (file: string, pointer: string) => Position | undefined;

export interface SarifOptions {
  lang?: LintLang;
  /** The tool's version (the package's). */
  version: string;
  regionOf?: RegionOf;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative file name as a URI reference: forward slashes, and characters a URI cannot hold escaped. */
const uriOf = (file: string): string => encodeURI(file.replace(/\\/g, '/')).replace(/[?#]/g, encodeURIComponent);

const region = (p: Position) => ({
  startLine: p.line,
  startColumn: p.column,
  endLine: p.endLine,
  endColumn: p.endColumn,
});

export function renderSarif(results: LintResult | readonly LintResult[], options: SarifOptions): string {
  const list: readonly LintResult[] = Array.isArray(results) ? results : [results as LintResult];
  const { t } = lintTexts(options.lang ?? 'nb');
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const rules = RULES.map((rule) => ({
    id: rule.id,
    name: t(rule.meta.name) as string,
    shortDescription: { text: t(rule.meta.name) as string },
    fullDescription: { text: rule.meta.docs.description },
    help: {
      text: `${rule.meta.docs.description} ${rule.meta.docs.url}`,
      markdown: `${rule.meta.docs.description} See [${rule.meta.docs.url}](${rule.meta.docs.url}).`,
    },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: { docs: rule.meta.docs.url, scope: [...rule.meta.appliesTo.scope] },
  }));
  const result = (f: Finding) => {
    const where = f.position ?? (f.pointer === undefined ? undefined : options.regionOf?.(f.file, f.pointer));
    return {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule)!,
      level: LEVEL[f.severity],
      message: { text: `${f.message} → ${f.suggestion}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(f.file) },
            ...(where === undefined ? {} : { region: region(where) }),
          },
          logicalLocations: [{ fullyQualifiedName: f.key, kind: 'member' }],
        },
      ],
      ...(f.waived === undefined
        ? {}
        : {
            suppressions: [
              {
                kind: f.waived.by === 'text' ? 'inSource' : 'external',
                status: 'accepted',
                justification: `${f.waived.reason} (${f.waived.where})`,
              },
            ],
          }),
      properties: {
        key: f.key,
        locale: f.locale,
        variant: f.variant,
        words: f.words,
        ...(f.pointer === undefined ? {} : { pointer: f.pointer }),
        ...(f.step === undefined ? {} : { step: f.step }),
        ...(f.value === undefined ? {} : { value: f.value }),
        ...(f.limit === undefined ? {} : { limit: f.limit }),
      },
    };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'klarskjema lint',
            version: options.version,
            semanticVersion: options.version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: list.flatMap((r) => r.findings.map(result)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

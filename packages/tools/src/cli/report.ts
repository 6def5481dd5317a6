// How check results are written: text blocks for people, JSON for tools.
import { UNREADABLE_CODES, type FileReport } from '../check/findings.ts';
import type { PlainCoverage } from '../check/plain-coverage.ts';
import type { CliTexts } from './texts.ts';

export interface JsonReport {
  files: Array<{
    file: string;
    plainCoverage?: PlainCoverage[];
    findings: Array<{ code: string; pointer: string; message: string; fix: string; params: Record<string, unknown> }>;
  }>;
}

export const isUnreadable = (report: FileReport): boolean => report.findings.some((f) => UNREADABLE_CODES.has(f.code));

/** 0 clean, 1 with findings, 2 when a file cannot be read. */
export function exitCode(reports: readonly FileReport[]): 0 | 1 | 2 {
  if (reports.some(isUnreadable)) return 2;
  return reports.some((r) => r.findings.length > 0) ? 1 : 0;
}

export function toJson(
  reports: ReadonlyArray<FileReport & { plainCoverage?: PlainCoverage[] }>,
  texts: CliTexts,
): JsonReport {
  return {
    files: reports.map(({ file, findings, plainCoverage }) => ({
      file,
      ...(plainCoverage ? { plainCoverage } : {}),
      findings: findings.map((finding) => {
        const { message, fix } = texts.explain(finding);
        return { code: finding.code, pointer: finding.pointer, message, fix, params: finding.params };
      }),
    })),
  };
}

/**
 * One block per finding: the file and the pointer, what is wrong, and (after →) how to fix it. A file
 * that cannot be read is one line. A count line ends the report.
 */
export function toText(reports: readonly FileReport[], texts: CliTexts, options: { summary?: boolean } = {}): string {
  const { t } = texts;
  const blocks: string[] = [];
  for (const { file, findings } of reports) {
    for (const finding of findings) {
      const { message, fix } = texts.explain(finding);
      if (finding.code === 'unreadable') {
        blocks.push(t('report.unreadable', { file, problem: message }));
        continue;
      }
      blocks.push(`${file} ${finding.pointer === '' ? t('report.root') : finding.pointer}\n  ${message}\n  → ${fix}`);
    }
  }
  if (options.summary !== false) {
    const problems = reports.reduce((n, r) => n + r.findings.filter((f) => f.code !== 'unreadable').length, 0);
    const unreadable = reports.filter((r) => r.findings.some((f) => f.code === 'unreadable')).length;
    const summary = [
      t('report.checked', { count: reports.length - unreadable }),
      t('report.problems', { count: problems }),
    ];
    if (unreadable > 0) summary.push(t('report.unreadableFiles', { count: unreadable }));
    blocks.push(summary.join(' '));
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Plain coverage per form, namespace and locale: one line per namespace, locale by locale, with the bar where
 * one is declared (issue 16). Printed before the findings, so a translator sees how far each language is.
 */
export function coverageText(
  reports: ReadonlyArray<{ file: string; plainCoverage?: PlainCoverage[] }>,
  texts: CliTexts,
): string {
  const { t } = texts;
  const blocks: string[] = [];
  for (const { file, plainCoverage } of reports) {
    if (!plainCoverage || plainCoverage.length === 0) continue;
    const lines = [t('coverage.title', { file })];
    for (const namespace of [...new Set(plainCoverage.map((c) => c.namespace))]) {
      const rows = plainCoverage.filter((c) => c.namespace === namespace);
      const cells = rows.map((c) =>
        t(c.bar === undefined ? 'coverage.locale' : 'coverage.localeBar', {
          locale: c.locale,
          covered: c.covered,
          total: c.total,
          percent: c.total === 0 ? 100 : Math.floor((100 * c.covered) / c.total),
          bar: Math.round((c.bar ?? 0) * 100),
        }),
      );
      lines.push(`  ${namespace}: ${cells.join(', ')}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n\n`;
}

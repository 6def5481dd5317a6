// What `npm run bench` measures and writes (build/bench/results.json), the medians and ratios, the table it
// prints, and which figures a run left out (the CI stage fails on those, never on a time).
import type { Figure, Timed } from './growth.ts';
import type { Downloaded } from './server.ts';

/** klarskjema-dsd: the same widget on a page whose server drew the first step as declarative shadow DOM (decision 0041). */
export const PRODUCTS = ['surveyjs', 'klarskjema', 'klarskjema-dsd'] as const;
export type Product = (typeof PRODUCTS)[number];

export const CACHES = ['cold', 'warm'] as const;
export type Cache = (typeof CACHES)[number];

export const METRICS = {
  bytes: { label: 'gzip bytes of the visit (page, code, CSS, form data)', unit: 'B' },
  firstUsable: { label: 'first question usable', unit: 'ms' },
  next: { label: 'Next → step 2', unit: 'ms' },
  language: { label: 'nb → en', unit: 'ms' },
  blocking: { label: 'total blocking time while loading', unit: 'ms' },
  heap: { label: 'JS heap after loading (after GC)', unit: 'B' },
} as const;
export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

export const GROWTH_METRICS = {
  firstRender: 'first render (first question usable)',
  keystroke: 'keystroke to next paint',
  next: 'Next → step 2',
} as const;
export type GrowthMetricId = keyof typeof GROWTH_METRICS;
export const GROWTH_METRIC_IDS = Object.keys(GROWTH_METRICS) as GrowthMetricId[];

/** The samples of one figure and their median (of the measured ones; a failure when none was). */
export interface Stat {
  median: Figure;
  samples: Figure[];
}

export interface ComparisonRow {
  cache: Cache;
  throttle: number;
  metric: MetricId;
  unit: string;
  surveyjs: Stat;
  klarskjema: Stat;
  /** klarskjema's median over SurveyJS's. */
  ratio: Figure;
  /** klarskjema with the first step drawn on the server, and its median over SurveyJS's (runs before 0.2.0 lack it). */
  dsd?: Stat;
  dsdRatio?: Figure;
}

export interface GrowthRow {
  fields: number;
  steps: number;
  check: Timed;
  build: Timed;
  widget: Array<{ throttle: number } & Record<GrowthMetricId, Stat>>;
}

export interface BenchResults {
  meta: Record<string, unknown>;
  comparison: ComparisonRow[];
  /** What each product's first (cold) and later (warm) visit downloaded, by kind of file: the first sample's. */
  downloads: Partial<Record<Product, Record<Cache, Downloaded | undefined>>>;
  growth: GrowthRow[];
}

const measured = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isFigure = (value: unknown): value is Figure =>
  measured(value) || (typeof value === 'string' && value.startsWith('failed: '));

export function stat(samples: Figure[]): Stat {
  const measured = samples.filter((s): s is number => typeof s === 'number').sort((a, b) => a - b);
  if (measured.length === 0) return { median: samples[0] ?? 'failed: no sample', samples };
  const middle = Math.floor(measured.length / 2);
  const median = measured.length % 2 ? measured[middle]! : (measured[middle - 1]! + measured[middle]!) / 2;
  return { median, samples };
}

/** klarskjema over SurveyJS; 1 when both are 0 (a warm visit that downloads nothing). */
export function ratio(klarskjema: Figure, surveyjs: Figure): Figure {
  if (typeof klarskjema !== 'number' || typeof surveyjs !== 'number') return 'failed: no ratio without both figures';
  if (surveyjs === 0) return klarskjema === 0 ? 1 : 'failed: no ratio over 0';
  return klarskjema / surveyjs;
}

/**
 * Every figure a run of these settings must have and lacks. The comparison and the widget on a form that built
 * must be measured; `check` and `build` may have failed ("failed: …", as they do today at 11,000 fields), since
 * that is a finding, not a broken benchmark. Empty when the results are complete.
 */
export function missingFigures(results: BenchResults, throttles: number[], sizes: number[]): string[] {
  const missing: string[] = [];
  for (const cache of CACHES)
    for (const throttle of throttles)
      for (const metric of METRIC_IDS) {
        const row = results.comparison.find((r) => r.cache === cache && r.throttle === throttle && r.metric === metric);
        const where = `${cache} ${throttle}× ${metric}`;
        if (!row) missing.push(where);
        else
          for (const figure of [
            row.surveyjs?.median,
            row.klarskjema?.median,
            row.ratio,
            ...('dsd' in row ? [row.dsd?.median, row.dsdRatio] : []),
          ] as unknown[])
            if (!measured(figure)) missing.push(where);
      }
  for (const fields of sizes) {
    const row = results.growth.find((r) => r.fields === fields);
    if (!row) {
      missing.push(`growth ${fields}`);
      continue;
    }
    for (const part of ['check', 'build'] as const)
      for (const figure of [row[part]?.cpuMs, row[part]?.wallMs] as unknown[])
        if (!isFigure(figure)) missing.push(`growth ${fields} ${part}`);
    const built = measured(row.build?.wallMs);
    for (const throttle of throttles) {
      const widget = row.widget.find((w) => w.throttle === throttle);
      for (const metric of GROWTH_METRIC_IDS) {
        const figure = widget?.[metric]?.median;
        if (built ? !measured(figure) : !isFigure(figure)) missing.push(`growth ${fields} ${throttle}× ${metric}`);
      }
    }
  }
  return missing;
}

const number = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function show(figure: Figure, unit = 'ms'): string {
  if (typeof figure === 'string') return figure;
  if (unit === 'B') return `${number(figure)} B`;
  return `${number(figure, figure < 10 ? 1 : 0)} ${unit}`;
}

/** CPU and wall time, or the failure once. */
export const timing = (timed: Timed): string =>
  typeof timed.cpuMs === 'string' ? timed.cpuMs : `${show(timed.cpuMs)} CPU (${show(timed.wallMs)} wall)`;

/** The table `npm run bench` prints. */
export function table(results: BenchResults): string {
  const lines: string[] = [];
  const cell = (text: string, width: number) => text.padStart(width);
  const ratioText = (figure: Figure | undefined) => (typeof figure === 'number' ? figure.toFixed(2) : 'failed');
  lines.push(
    `${'SurveyJS vs klarskjema (and with the first step drawn on the server), medians'.padEnd(64)}${cell('SurveyJS', 14)}${cell('klarskjema', 14)}${cell('ratio', 8)}${cell('with DSD', 14)}${cell('ratio', 8)}`,
  );
  for (const row of results.comparison) {
    const name = `${row.cache} ${row.throttle}×  ${METRICS[row.metric].label}`;
    const dsd = row.dsd ? `${cell(show(row.dsd.median, row.unit), 14)}${cell(ratioText(row.dsdRatio), 8)}` : '';
    lines.push(
      `${name.padEnd(64)}${cell(show(row.surveyjs.median, row.unit), 14)}${cell(show(row.klarskjema.median, row.unit), 14)}${cell(ratioText(row.ratio), 8)}${dsd}`,
    );
  }
  for (const [product, visits] of Object.entries(results.downloads)) {
    const kinds = Object.entries(visits.cold?.byKind ?? {}).map(([kind, bytes]) => `${kind} ${show(bytes, 'B')}`);
    lines.push(`  ${product}'s first visit, gzip: ${kinds.join(', ')}`);
    if (product !== 'surveyjs')
      for (const [file, bytes] of Object.entries(visits.cold?.byFile ?? {}))
        lines.push(`    ${file.padEnd(58)}${cell(show(bytes, 'B'), 12)}`);
  }
  lines.push('', 'Growth (generated forms, 10 fields a step; klarskjema only), medians');
  for (const row of results.growth) {
    lines.push(
      `${number(row.fields)} fields, ${number(row.steps)} steps: check ${timing(row.check)}; build ${timing(row.build)}`,
    );
    for (const widget of row.widget) {
      const figures = GROWTH_METRIC_IDS.map((m) => widget[m].median);
      lines.push(
        figures.every((figure) => figure === figures[0] && typeof figure === 'string')
          ? `  ${widget.throttle}×  ${String(figures[0])}`
          : `  ${widget.throttle}×  ${GROWTH_METRIC_IDS.map((m) => `${GROWTH_METRICS[m]} ${show(widget[m].median)}`).join(', ')}`,
      );
    }
  }
  return lines.join('\n');
}

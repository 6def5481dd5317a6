// Lint results for people: plain text for a terminal, JSON for tools, and a self-contained HTML page
// (no scripts, one <style> element) that shows each step's LIX as bars, standard beside plain, locale by
// locale, with a table that says the same in numbers and the findings under each step.
import type { PlainConfig } from './config.ts';
import { defaultConfig } from './config.ts';
import { lintTexts, type LintLang, type LintTexts } from './messages.ts';
import { languageOf } from './rules/context.ts';
import { ruleById } from './rules/index.ts';
import type { Finding, LintResult, Measures, Severity, Variant } from './types.ts';
import { VARIANTS } from './types.ts';

const asList = (results: LintResult | readonly LintResult[]): readonly LintResult[] =>
  Array.isArray(results) ? results : [results as LintResult];

/** The results as JSON, as the engine returns them. */
export function renderJson(results: LintResult | readonly LintResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** Findings that count: waived ones (the author's word) are shown apart and fail nothing. */
const count = (findings: readonly Finding[], severity: Severity): number =>
  findings.filter((f) => f.severity === severity && f.waived === undefined).length;

/** The count line: errors, warnings and tips, and how many findings are waived when some are. */
export function summary(results: readonly LintResult[], texts: LintTexts): string {
  const all = results.flatMap((r) => r.findings);
  const line = texts.t('report.summary', {
    errors: count(all, 'error'),
    warnings: count(all, 'warning'),
    infos: count(all, 'info'),
  }) as string;
  const waived = all.filter((f) => f.waived !== undefined).length;
  return waived === 0 ? line : `${line} ${texts.t('report.summaryWaived', { count: waived }) as string}`;
}

function heading(result: LintResult, texts: LintTexts, locale: string): string {
  const title = result.title[locale] ?? result.name;
  const label = title === result.name ? title : `${title} (${result.name})`;
  return texts.t(`report.${result.kind === 'form' ? 'form' : result.kind === 'collection' ? 'collection' : 'text'}`, {
    title: label,
  }) as string;
}

const percent = (share: number | undefined, texts: LintTexts): string =>
  share === undefined ? texts.t('report.notApplicable') : `${texts.number(share * 100)} %`;
/** A ratio with two decimals (0,85): one decimal hides the differences that matter around 1. */
const ratio = (n: number, texts: LintTexts): string =>
  new Intl.NumberFormat(texts.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const value = (n: number | undefined, texts: LintTexts): string =>
  n === undefined ? (texts.t('report.notApplicable') as string) : texts.number(n);

interface Row {
  locale: string;
  variant: Variant;
  measures: Measures;
  fallback: boolean;
}

function rows(scores: Record<string, Record<Variant, Measures>> | undefined, locales: readonly string[]): Row[] {
  if (!scores) return [];
  return locales.flatMap((locale) =>
    VARIANTS.map((variant) => {
      const measures = scores[locale]?.[variant];
      return measures && measures.texts > 0
        ? { locale, variant, measures, fallback: variant === 'plain' && measures.ownPlainTexts === 0 }
        : undefined;
    }).filter((r): r is Row => r !== undefined),
  );
}

function textScoreLine(row: Row, texts: LintTexts): string {
  const { t } = texts;
  const m = row.measures;
  const parts: string[] = [];
  if (m.lix !== undefined) parts.push(`${t('report.lix')} ${texts.number(m.lix)}`);
  if (m.longWordShare !== undefined)
    parts.push(
      `${t('report.longWords')} ${percent(m.longWordShare, texts)} (${t('report.withoutGlossary', { value: percent(m.longWordShareWithoutGlossary, texts) })})`,
    );
  parts.push(
    `${t('report.wordsPerSentence')} ${t('report.wordsPerSentenceValue', { avg: texts.number(m.wordsPerSentence.avg), max: m.wordsPerSentence.max })}`,
  );
  parts.push(`${t('report.sentencesPerParagraph')} ${m.sentencesPerParagraph.max}`);
  if (m.ovix !== undefined) parts.push(`${t('report.ovix')} ${texts.number(m.ovix)}`);
  if (m.nominalRatio !== undefined) parts.push(`${t('report.nominalRatio')} ${ratio(m.nominalRatio, texts)}`);
  if (m.flesch !== undefined) parts.push(`${t('report.flesch')} ${texts.number(m.flesch)}`);
  const line = parts.join(' · ');
  const variant = t(`variant.${row.variant}`) as string;
  return `${row.locale.padEnd(3)} ${variant.padEnd(10)} ${row.fallback ? t('report.sameAsStandard') : line}`;
}

/** The file, with line and column where the finding has them (brev.txt:3:24, as editors read it). */
const fileAt = (f: Finding): string => (f.position ? `${f.file}:${f.position.line}:${f.position.column}` : f.file);

// Colour for a terminal only (the CLI decides: a TTY and no NO_COLOR): red errors, yellow warnings, blue tips.
const COLOURS: Record<Severity | 'waived', string> = { error: '31', warning: '33', info: '34', waived: '2' };
const paint = (text: string, colour: string, on: boolean): string => (on ? `\u001b[${colour}m${text}\u001b[0m` : text);

function textFinding(f: Finding, texts: LintTexts, color = false): string {
  const label = f.waived ? texts.t('report.waivedFinding') : texts.t(`severity.${f.severity}`);
  const head = `${paint((label as string).padEnd(9), COLOURS[f.waived ? 'waived' : f.severity], color)} ${fileAt(f)}  ${f.key}  ${f.locale}/${texts.t(`variant.${f.variant}`)}  [${f.rule}]\n            ${f.message}\n            `;
  return f.waived
    ? `${head}${texts.t('report.reason')}: ${f.waived.reason} (${f.waived.where})`
    : `${head}→ ${f.suggestion}`;
}

/** Findings as they are listed: the ones that count first, then the waived ones. */
const listed = (findings: readonly Finding[]): Finding[] => [
  ...findings.filter((f) => f.waived === undefined),
  ...findings.filter((f) => f.waived !== undefined),
];

/** A plain-text report: scores per step and locale, then the findings under each step. */
export function renderText(
  results: LintResult | readonly LintResult[],
  lang: LintLang = 'nb',
  options: { color?: boolean } = {},
): string {
  const color = options.color === true;
  const texts = lintTexts(lang);
  const { t } = texts;
  const list = asList(results);
  const out: string[] = [t('report.title') as string, ''];
  for (const result of list) {
    const first = result.locales[0] ?? 'nb';
    out.push(
      `${heading(result, texts, first)}${result.source && result.source !== result.name ? `  (${result.source})` : ''}`,
    );
    result.steps.forEach((step, i) => {
      const title = step.title[first] ?? step.id;
      out.push(
        `  ${result.kind === 'form' ? t('report.step', { number: i + 1, title: `${title} (${step.id})` }) : t('report.section', { title })}`,
      );
      for (const row of rows(result.scores[step.id], result.locales)) out.push(`    ${textScoreLine(row, texts)}`);
      for (const finding of listed(result.findings.filter((f) => f.step === step.id)))
        out.push(`    ${textFinding(finding, texts, color)}`);
    });
    const outside = result.findings.filter((f) => f.step === undefined);
    if (result.kind !== 'text') {
      out.push(`  ${t('report.whole', { context: result.kind })}`);
      for (const row of rows(result.form, result.locales)) out.push(`    ${textScoreLine(row, texts)}`);
    }
    if (outside.length > 0) {
      out.push(`  ${t('report.otherTexts')}`);
      for (const finding of listed(outside)) out.push(`    ${textFinding(finding, texts, color)}`);
    }
    out.push('');
  }
  out.push(summary(list, texts));
  return `${out.join('\n')}\n`;
}

// --- HTML -------------------------------------------------------------------------------------------

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);
const langAttributes = (locale: string): string =>
  `lang="${escapeHtml(locale)}"${RTL.has(languageOf(locale)) ? ' dir="rtl"' : ''}`;

const STYLE = `
:root { color-scheme: light; --error: #b3261e; --warning: #7a4f00; --info: #1d4f91; --standard: #2f5d8a; --plain: #2e7d4f; --over: #b3261e; --ink: #1b1b1b; --muted: #595959; }
* { box-sizing: border-box; }
body { font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid #ccc; } h3 { font-size: 1.15rem; margin-top: 2rem; } h4 { font-size: 1rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .bar-standard { fill: var(--standard); }
svg .bar-plain { fill: var(--plain); }
svg .bar-fallback { fill: #fff; stroke: var(--plain); stroke-width: 2; stroke-dasharray: 4 3; }
svg .bar-over { fill: var(--over); }
svg .limit { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 3 2; }
svg .axis { stroke: #999; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.findings { list-style: none; padding: 0; }
.findings li { border-left: 0.35rem solid var(--info); padding: 0.4rem 0.8rem; margin: 0.5rem 0; background: #f6f7f9; }
.findings li.error { border-color: var(--error); } .findings li.warning { border-color: var(--warning); } .findings li.waived { border-color: var(--muted); border-left-style: dashed; }
.severity { font-weight: 700; text-transform: uppercase; font-size: 0.85rem; }
.error .severity { color: var(--error); } .warning .severity { color: var(--warning); } .info .severity { color: var(--info); }
.where { color: var(--muted); font-size: 0.9rem; }
code { font-size: 0.9em; }
.legend { color: var(--muted); }
@media (forced-colors: active) { svg .bar-standard, svg .bar-plain, svg .bar-over { fill: CanvasText; } svg .bar-fallback { fill: Canvas; stroke: CanvasText; } svg text { fill: CanvasText; } svg .limit { stroke: CanvasText; } .findings li { border-color: CanvasText; } }
`;

let idCounter = 0;
const nextId = (prefix: string): string => `${prefix}-${++idCounter}`;

interface BarSpec {
  title: string;
  description: string;
  max: number;
  bars: Array<{
    label: string;
    value: number | undefined;
    className: string;
    limit: number | undefined;
    display: string;
  }>;
}

/** Two horizontal bars (standard, plain) with a dashed line at each bar's limit. */
function barChart(spec: BarSpec): string {
  const labelWidth = 110;
  const width = 260;
  const rowHeight = 30;
  const height = spec.bars.length * rowHeight + 6;
  const scale = (v: number) => Math.max(0, Math.min(v, spec.max)) * (width / spec.max);
  const titleId = nextId('chart-title');
  const descId = nextId('chart-desc');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + width + 60}" height="${height}" viewBox="0 0 ${labelWidth + width + 60} ${height}" role="img" aria-labelledby="${titleId} ${descId}">`,
    `<title id="${titleId}">${escapeHtml(spec.title)}</title><desc id="${descId}">${escapeHtml(spec.description)}</desc>`,
    `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"/>`,
  ];
  spec.bars.forEach((bar, i) => {
    const y = i * rowHeight + 4;
    parts.push(`<text x="0" y="${y + 15}">${escapeHtml(bar.label)}</text>`);
    if (bar.value !== undefined) {
      parts.push(
        `<rect class="${bar.className}" x="${labelWidth}" y="${y}" width="${scale(bar.value).toFixed(1)}" height="20"/>`,
      );
      parts.push(
        `<text x="${(labelWidth + scale(bar.value) + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(bar.display)}</text>`,
      );
    }
    if (bar.limit !== undefined) {
      const x = (labelWidth + scale(bar.limit)).toFixed(1);
      parts.push(`<line class="limit" x1="${x}" y1="${y - 3}" x2="${x}" y2="${y + 23}"/>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

function chartsFor(
  scores: Record<string, Record<Variant, Measures>> | undefined,
  locales: readonly string[],
  texts: LintTexts,
  config: PlainConfig,
): string {
  const { t } = texts;
  const out: string[] = [];
  const noLix: string[] = [];
  for (const locale of locales) {
    const m = scores?.[locale];
    if (!m || m.standard.texts === 0) continue;
    const language = languageOf(locale);
    const name = texts.languageName(locale);
    const fallback = m.plain.ownPlainTexts === 0;
    const plainClass = (over: boolean) => (fallback ? 'bar-fallback' : over ? 'bar-over' : 'bar-plain');
    const plainLabel = fallback
      ? (t('report.fallback', { value: t('variant.plain') }) as string)
      : (t('variant.plain') as string);
    if (config.lix.locales.includes(language) && m.standard.lix !== undefined) {
      const { standard, plain } = config.lix.stepMax;
      const s = m.standard.lix;
      const p = m.plain.lix;
      const chart = barChart({
        title: t('report.barsTitle', { locale: name }) as string,
        description: t('report.barsDescription', {
          standard: value(s, texts),
          plain: value(p, texts),
          standardLimit: standard,
          plainLimit: plain,
        }) as string,
        max: Math.max(60, Math.ceil(Math.max(s, p ?? 0) / 10) * 10),
        bars: [
          {
            label: t('report.atMost', { label: t('variant.standard'), value: standard }) as string,
            value: s,
            className: s > standard ? 'bar-over' : 'bar-standard',
            limit: standard,
            display: texts.number(s),
          },
          {
            label: t('report.atMost', { label: t('variant.plain'), value: plain }) as string,
            value: p,
            className: plainClass(p !== undefined && p > plain),
            limit: plain,
            display: p === undefined ? '' : fallback ? `${texts.number(p)} *` : texts.number(p),
          },
        ],
      });
      out.push(
        `<figure><figcaption>${escapeHtml(t('report.barsTitle', { locale: name }) as string)}</figcaption>${chart}${fallback ? `<p class="legend">* ${escapeHtml(plainLabel)}</p>` : ''}</figure>`,
      );
    } else if (config.flesch.locales.includes(language) && m.standard.flesch !== undefined) {
      const s = m.standard.flesch;
      const p = m.plain.flesch;
      const min = config.flesch.stepMin.plain;
      const chart = barChart({
        title: t('report.fleschTitle', { locale: name }) as string,
        description: t('report.fleschDescription', {
          standard: value(s, texts),
          plain: value(p, texts),
          plainLimit: min,
        }) as string,
        max: 100,
        bars: [
          {
            label: t('variant.standard') as string,
            value: s,
            className: 'bar-standard',
            limit: undefined,
            display: texts.number(s),
          },
          {
            label: t('report.atLeast', { label: t('variant.plain'), value: min }) as string,
            value: p,
            className: plainClass(p !== undefined && p < min),
            limit: min,
            display: p === undefined ? '' : fallback ? `${texts.number(p)} *` : texts.number(p),
          },
        ],
      });
      out.push(
        `<figure><figcaption>${escapeHtml(t('report.fleschTitle', { locale: name }) as string)}</figcaption>${chart}${fallback ? `<p class="legend">* ${escapeHtml(plainLabel)}</p>` : ''}</figure>`,
      );
    } else {
      noLix.push(name);
    }
  }
  const conjunction = new Intl.ListFormat(texts.lang, { type: 'conjunction' });
  const note =
    noLix.length === 0
      ? ''
      : `<p class="legend">${escapeHtml(t('report.noLixFor', { languages: conjunction.format(noLix) }) as string)}</p>`;
  return out.length === 0 && note === '' ? '' : `<div class="charts">${out.join('')}</div>${note}`;
}

function scoreTable(
  caption: string,
  scores: Record<string, Record<Variant, Measures>> | undefined,
  locales: readonly string[],
  texts: LintTexts,
): string {
  const { t } = texts;
  const list = rows(scores, locales);
  if (list.length === 0) return '';
  const head = [
    'locale',
    'variant',
    'lix',
    'longWords',
    'longWordsWithoutGlossary',
    'wordsPerSentence',
    'sentencesPerParagraph',
    'ovix',
    'nominalRatio',
    'flesch',
    'words',
  ]
    .map((k) => `<th scope="col">${escapeHtml(t(`report.${k}`) as string)}</th>`)
    .join('');
  const body = list
    .map((row) => {
      const m = row.measures;
      const variant = row.fallback
        ? (t('report.fallback', { value: t('variant.plain') }) as string)
        : (t(`variant.${row.variant}`) as string);
      const cells = [
        `<th scope="row">${escapeHtml(texts.languageName(row.locale))} (${escapeHtml(row.locale)})</th>`,
        `<td>${escapeHtml(variant)}</td>`,
        `<td class="number">${escapeHtml(value(m.lix, texts))}</td>`,
        `<td class="number">${escapeHtml(percent(m.longWordShare, texts) as string)}</td>`,
        `<td class="number">${escapeHtml(percent(m.longWordShareWithoutGlossary, texts) as string)}</td>`,
        `<td class="number">${escapeHtml(t('report.wordsPerSentenceValue', { avg: texts.number(m.wordsPerSentence.avg), max: m.wordsPerSentence.max }) as string)}</td>`,
        `<td class="number">${m.sentencesPerParagraph.max}</td>`,
        `<td class="number">${escapeHtml(value(m.ovix, texts))}</td>`,
        `<td class="number">${escapeHtml(m.nominalRatio === undefined ? (t('report.notApplicable') as string) : ratio(m.nominalRatio, texts))}</td>`,
        `<td class="number">${escapeHtml(value(m.flesch, texts))}</td>`,
        `<td class="number">${m.words}</td>`,
      ];
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function findingList(all: readonly Finding[], texts: LintTexts): string {
  const { t } = texts;
  const findings = all.filter((f) => f.waived === undefined);
  const waived = all.filter((f) => f.waived !== undefined);
  const list =
    findings.length === 0
      ? `<p>${escapeHtml(t('report.noFindings') as string)}</p>`
      : `<ul class="findings">${findingItems(findings, texts)}</ul>`;
  return waived.length === 0
    ? list
    : `${list}<h5>${escapeHtml(t('report.waived') as string)}</h5><ul class="findings waived">${findingItems(waived, texts)}</ul>`;
}

function findingItems(findings: readonly Finding[], texts: LintTexts): string {
  const { t } = texts;
  const items = findings.map((f) => {
    const words =
      f.words.length > 0 ? ` <span ${langAttributes(f.locale)}>(${escapeHtml(f.words.join(' '))})</span>` : '';
    const advice = f.waived
      ? `${escapeHtml(t('report.reason') as string)}: ${escapeHtml(f.waived.reason)} <span class="where">(<code>${escapeHtml(f.waived.where)}</code>)</span><br>`
      : `${escapeHtml(t('report.suggestion') as string)}: ${escapeHtml(f.suggestion)}<br>`;
    const label = f.waived ? t('report.waivedFinding') : t(`severity.${f.severity}`);
    return (
      `<li class="${f.waived ? 'waived' : f.severity}"><span class="severity">${escapeHtml(label as string)}</span> ` +
      `${escapeHtml(t(ruleById(f.rule).meta.name) as string)}: ${escapeHtml(f.message)}${words}<br>` +
      advice +
      `<span class="where"><code>${escapeHtml(fileAt(f))}</code> · <code>${escapeHtml(f.key)}</code> · ${escapeHtml(f.locale)} · ${escapeHtml(t(`variant.${f.variant}`) as string)}</span></li>`
    );
  });
  return items.join('');
}

/**
 * A self-contained HTML page a person can read: for each form and step, LIX bars (standard beside plain,
 * per locale, with lines at the bars), a table with the same numbers, and the findings under the step.
 */
export function renderHtmlReport(
  results: LintResult | readonly LintResult[],
  lang: LintLang = 'nb',
  config: PlainConfig = defaultConfig,
): string {
  idCounter = 0;
  const texts = lintTexts(lang);
  const { t } = texts;
  const list = asList(results);
  const sections = list.map((result, r) => {
    const first = result.locales[0] ?? 'nb';
    const id = `result-${r + 1}`;
    const steps = result.steps.map((step, i) => {
      const title = step.title[first] ?? step.id;
      const stepId = `${id}-step-${i + 1}`;
      const marker = '\u0001';
      const heading = (
        result.kind === 'form'
          ? t('report.step', { number: i + 1, title: marker })
          : t('report.section', { title: marker })
      ) as string;
      const headingHtml = escapeHtml(heading).replace(
        marker,
        `<span ${langAttributes(first)}>${escapeHtml(title)}</span>`,
      );
      return (
        `<section aria-labelledby="${stepId}"><h3 id="${stepId}">${headingHtml} <code>${escapeHtml(step.id)}</code></h3>` +
        chartsFor(result.scores[step.id], result.locales, texts, config) +
        scoreTable(t('report.scores') as string, result.scores[step.id], result.locales, texts) +
        `<h4>${escapeHtml(t('report.findings') as string)}</h4>${findingList(
          result.findings.filter((f) => f.step === step.id),
          texts,
        )}</section>`
      );
    });
    const outside = result.findings.filter((f) => f.step === undefined);
    const whole =
      `<section aria-labelledby="${id}-whole"><h3 id="${id}-whole">${escapeHtml(t('report.whole', { context: result.kind }) as string)}</h3>` +
      (result.kind === 'collection' ? chartsFor(result.form, result.locales, texts, config) : '') +
      scoreTable(t('report.scoresForm') as string, result.form, result.locales, texts) +
      (outside.length > 0
        ? `<h4>${escapeHtml(t('report.otherTexts') as string)}</h4>${findingList(outside, texts)}`
        : '') +
      '</section>';
    const source =
      result.source && result.source !== result.name
        ? `<p class="where"><code>${escapeHtml(result.source)}</code></p>`
        : '';
    return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading(result, texts, first))}</h2>${source}${steps.join('')}${result.kind === 'text' && outside.length === 0 ? '' : whole}</section>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t('report.title') as string)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(t('report.title') as string)}</h1>`,
    `<p>${escapeHtml(t('report.intro') as string)}</p>`,
    `<p><strong>${escapeHtml(summary(list, texts))}</strong></p>`,
    `<p class="legend">${escapeHtml(t('report.legend') as string)} ${escapeHtml(t('report.fleschLegend') as string)}</p>`,
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

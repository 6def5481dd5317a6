// The benchmark's parts that can rot without a browser: the generated growth forms stay valid, the SurveyJS
// survey still covers the sosialhjelp application, and a run with a figure missing is caught. No timings here:
// `npm run bench` prints those (docs/decisions/0020-benchmark.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../packages/tools/src/check/check.ts';
import { generateForm } from '../../scripts/bench/growth.ts';
import {
  CACHES,
  METRIC_IDS,
  missingFigures,
  ratio,
  stat,
  type BenchResults,
  type GrowthRow,
  type Stat,
} from '../../scripts/bench/results.ts';
import { expression, toSurveyJs } from '../../scripts/bench/surveyjs.ts';
import { listFields, type FormDefinition } from '../../src/definition/types.ts';
import { packageRoot } from '../../src/node/paths.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(packageRoot, path), 'utf8'));

describe('growth forms', () => {
  it('are valid definitions with their nb texts, ten fields to a step', () => {
    const { definition, texts } = generateForm(110);
    expect(checkDefinition(definition, { nb: texts }, { existingLocales: ['nb'] })).toEqual([]);
    expect(listFields(definition)).toHaveLength(110);
    expect(definition.steps).toHaveLength(11);
    expect(definition.steps.every((step) => step.fields.length === 10)).toBe(true);
  });

  it('ask follow-up questions, so relevance has work to do', () => {
    const { definition } = generateForm(20);
    expect(listFields(definition).filter(({ field }) => field.when)).toHaveLength(2);
  });
});

describe('the SurveyJS survey', () => {
  const definition = readJson('schemas/forms/sosialhjelp.json') as FormDefinition;
  const texts = Object.fromEntries(
    ['nb', 'en'].map((locale) => [
      locale,
      {
        ...(readJson(`locales/${locale}/sosialhjelp.json`) as object),
        widget: readJson(`locales/${locale}/widget.json`),
      },
    ]),
  );
  const survey = toSurveyJs(definition, texts) as {
    locale: string;
    pages: Array<{
      name: string;
      elements: Array<{ name: string; visibleIf?: string; title?: Record<string, string> }>;
    }>;
  };

  it('has a page for each step and a question for each field, with its condition', () => {
    expect(survey.pages.map((page) => page.name)).toEqual(definition.steps.map((step) => step.id));
    for (const [index, step] of definition.steps.entries()) {
      const elements = survey.pages[index]!.elements;
      expect(elements.map((element) => element.name)).toEqual(step.fields.map((field) => field.id));
      for (const [at, field] of step.fields.entries())
        expect(Boolean(elements[at]!.visibleIf)).toBe(Boolean(field.when));
    }
  });

  it('holds nb (SurveyJS «no») and English texts, English as the default', () => {
    expect(survey.locale).toBe('no');
    const first = survey.pages[0]!.elements[0]!;
    expect(first.title).toEqual({ no: 'Navnet ditt', default: 'Your name' });
  });

  it('turns the conditions the forms use into SurveyJS expressions', () => {
    expect(expression({ required: ['a'], properties: { a: { const: true } } })).toBe('{a} notempty and {a} = true');
    expect(expression({ properties: { a: { enum: ['x', 'y'] } } })).toBe("{a} anyof ['x', 'y']");
    expect(expression({ properties: { a: { not: { const: 'x' } } } })).toBe("{a} != 'x'");
    expect(expression({ properties: { a: { contains: { const: 'x' } } } })).toBe("{a} contains 'x'");
    expect(expression({ properties: { a: { const: 1 } } }, 'panel.')).toBe('{panel.a} = 1');
    expect(expression({ anyOf: [{ required: ['a'] }, { required: ['b'] }] })).toBe(
      '(({a} notempty) or ({b} notempty))',
    );
    expect(() => expression({ properties: { a: { minimum: 1 } } })).toThrow(/no expression/);
  });
});

describe('the results', () => {
  const widget = (figure: Stat): GrowthRow['widget'] => [
    { throttle: 4, firstRender: figure, keystroke: figure, next: figure },
  ];
  const complete = (): BenchResults => ({
    meta: {},
    downloads: {},
    comparison: CACHES.flatMap((cache) =>
      METRIC_IDS.map((metric) => ({
        cache,
        throttle: 4,
        metric,
        unit: 'ms',
        surveyjs: stat([2]),
        klarskjema: stat([1]),
        ratio: 0.5,
      })),
    ),
    growth: [
      {
        fields: 110,
        steps: 11,
        check: { cpuMs: 1, wallMs: 1 },
        build: { cpuMs: 1, wallMs: 1 },
        widget: widget(stat([1])),
      },
    ],
  });

  it('name no missing figure when complete', () => {
    expect(missingFigures(complete(), [4], [110])).toEqual([]);
  });

  it('name a comparison figure that failed or is missing', () => {
    const results = complete();
    results.comparison[0]!.surveyjs = stat(['failed: timed out']);
    results.comparison.pop();
    expect(missingFigures(results, [4], [110])).toEqual(['cold 4× bytes', 'warm 4× heap']);
    expect(missingFigures(complete(), [1, 4], [110, 1100])).toContain('growth 1100');
  });

  it('name a figure of the row with the first step drawn on the server that failed (decision 0041)', () => {
    const results = complete();
    for (const row of results.comparison) Object.assign(row, { dsd: stat([1]), dsdRatio: 0.5 });
    expect(missingFigures(results, [4], [110])).toEqual([]);
    results.comparison[1]!.dsd = stat(['failed: timed out']);
    results.comparison[2]!.dsdRatio = 'failed: no ratio without both figures';
    expect(missingFigures(results, [4], [110])).toEqual(['cold 4× firstUsable', 'cold 4× next']);
  });

  it('accept a failed check or build as a figure, and then no widget figures', () => {
    const results = complete();
    const failed = 'failed: RangeError: Maximum call stack size exceeded' as const;
    results.growth[0]!.build = { cpuMs: failed, wallMs: failed };
    results.growth[0]!.widget = widget(stat(['failed: the form did not build']));
    expect(missingFigures(results, [4], [110])).toEqual([]);
  });

  it('take the median of what was measured, and ratios of two figures', () => {
    expect(stat([3, 1, 'failed: x', 2]).median).toBe(2);
    expect(stat([4, 1, 2, 3]).median).toBe(2.5);
    expect(stat(['failed: x']).median).toBe('failed: x');
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(1, 'failed: x')).toMatch(/^failed: /);
  });
});

// `npm run bench`: klarskjema side by side with SurveyJS on the sosialhjelp application (and klarskjema on a page
// whose server drew the first step as declarative shadow DOM, decision 0041), and klarskjema on
// generated forms of growing size (docs/decisions/0020-benchmark.md). Not a test: it prints medians and ratios
// and writes build/bench/results.json; it fails only when a figure is missing (CI runs `--quick` so it cannot rot).
//   npm run bench                       7 samples, growth forms of 110, 1,100 and 11,000 fields (3 samples)
//   npm run bench -- --quick            1 sample, one growth form of 110 fields (CI)
//   npm run bench -- --samples 3 --growth-samples 1 --sizes 110,1100
// Builds the widget (standalone) and the form package into build/bench/site/ beside SurveyJS and the survey
// made from the same definition (scripts/bench/surveyjs.ts), serves them gzipped from one local server
// (scripts/bench/server.ts) and drives Debian's Chromium with playwright-core, one visit at a time, the two
// products interleaved, each cold (a new browser context) and then warm (the same context, HTTP cache kept).
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.js';
import { buildFormPackage } from '../../packages/tools/src/build/build.ts';
import { addFirstSteps, renderFirstStep } from '../../packages/tools/src/first-step.ts';
import type { FormDefinition } from '../../src/definition/types.ts';
import { localesDir, packageRoot } from '../../src/node/paths.ts';
import { buildWidget } from '../build-widget.ts';
import { checkAndBuild, FIELDS_PER_STEP, generateForm, type Figure } from './growth.ts';
import {
  CACHES,
  GROWTH_METRIC_IDS,
  METRIC_IDS,
  METRICS,
  missingFigures,
  PRODUCTS,
  ratio,
  stat,
  table,
  timing,
  type BenchResults,
  type Cache,
  type ComparisonRow,
  type GrowthMetricId,
  type GrowthRow,
  type MetricId,
  type Product,
} from './results.ts';
import { serveBench, type BenchServer, type Downloaded } from './server.ts';
import { STANDALONE_CONTENT_SECURITY_POLICY } from '../static-server.js';
import { surveyLocale, toSurveyJs } from './surveyjs.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FORM = 'sosialhjelp';
const THROTTLES = [1, 4];
/** What the first step's text inputs get before Continue: name, street, postcode, city, phone. */
const FIRST_STEP = ['Kari Nordmann', 'Storgata 1', '0155', 'Oslo', '91234567'];
const TEXT_INPUTS = ['hidden', 'checkbox', 'radio', 'file', 'button', 'submit'].reduce(
  (selector, type) => `${selector}:not([type=${type}])`,
  'input',
);

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    samples: { type: 'string' },
    'growth-samples': { type: 'string' },
    sizes: { type: 'string' },
    out: { type: 'string', default: resolve(packageRoot, 'build/bench/results.json') },
  },
});
const count = (value: string | undefined, fallback: number): number => {
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`bench: expected a whole number ≥ 1, got ${value}`);
  return parsed;
};
const SAMPLES = count(options.samples, options.quick ? 1 : 7);
const GROWTH_SAMPLES = count(options['growth-samples'], options.quick ? 1 : 3);
const SIZES = (options.sizes ?? (options.quick ? '110' : '110,1100,11000')).split(',').map((size) => count(size, 0));

const site = resolve(packageRoot, 'build/bench/site');
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;
const page = async (template: string, replacements: Record<string, string>, to: string): Promise<void> => {
  let text = await readFile(join(here, 'pages', template), 'utf8');
  for (const [from, value] of Object.entries(replacements)) text = text.replaceAll(from, value);
  await mkdir(dirname(to), { recursive: true });
  await writeFile(to, text);
};
const WIDGET_URL = '/klarskjema/widget/klarskjema.js';

/**
 * Both products on the sosialhjelp application, in build/bench/site/{klarskjema,klarskjema-dsd,surveyjs}/;
 * klarskjema-dsd is klarskjema's page with the first step drawn at build time (packages/tools/src/first-step.ts). Returns
 * the hash its policy allows the drawn step's style by.
 */
async function buildSite(definition: FormDefinition): Promise<string> {
  await rm(site, { recursive: true, force: true });
  await buildWidget(join(site, 'klarskjema/widget'), 'standalone');
  const built = await buildFormPackage(definition, { outDir: join(site, 'klarskjema/forms'), localesDir });
  await addFirstSteps(built.dir);
  await page(
    'klarskjema.html',
    { FORM: `/klarskjema/forms/${FORM}/`, WIDGET: WIDGET_URL },
    join(site, 'klarskjema/index.html'),
  );
  const drawn = await renderFirstStep(join(site, 'klarskjema/forms', FORM), {
    form: `/klarskjema/forms/${FORM}/`,
    lang: 'nb',
  });
  await page(
    'klarskjema.html',
    { '<klar-skjema form="FORM" lang="nb"></klar-skjema>': drawn.html, WIDGET: WIDGET_URL },
    join(site, 'klarskjema-dsd/index.html'),
  );

  const texts: Record<string, Record<string, unknown>> = {};
  for (const locale of definition.locales) {
    const form = (await readJson(join(localesDir, locale, `${FORM}.json`)).catch(() => undefined)) as
      Record<string, unknown> | undefined;
    if (form) texts[locale] = { ...form, widget: await readJson(join(localesDir, locale, 'widget.json')) };
  }
  const lib = join(site, 'surveyjs/lib');
  await mkdir(lib, { recursive: true });
  const modules = resolve(packageRoot, 'node_modules');
  for (const file of [
    'survey-core/survey.core.min.js',
    'survey-core/survey-core.fontless.min.css',
    'survey-core/i18n/norwegian.min.js',
    'survey-js-ui/survey-js-ui.min.js',
  ])
    await copyFile(join(modules, file), join(lib, file.split('/').at(-1)!));
  await writeFile(join(site, `surveyjs/${FORM}.json`), JSON.stringify(toSurveyJs(definition, texts)));
  await copyFile(join(here, 'pages/surveyjs.js'), join(site, 'surveyjs/page.js'));
  await page('surveyjs.html', {}, join(site, 'surveyjs/index.html'));
  return drawn.styleHash;
}

interface Visit {
  figures: Record<MetricId, Figure>;
  downloaded: Downloaded | undefined;
}

const failure = (error: unknown): Figure =>
  `failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 740 } });
  await context.addInitScript({ path: join(here, 'probe.js') });
  return context;
}

async function openPage(context: BrowserContext, throttle: number) {
  const tab = await context.newPage();
  tab.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { tab, cdp };
}

/** One visit: load, fill the first step, Continue, switch to English. */
async function visit(
  context: BrowserContext,
  server: BenchServer,
  product: Product,
  throttle: number,
  englishLabels: string[],
): Promise<Visit> {
  const figures = Object.fromEntries(METRIC_IDS.map((id): [MetricId, Figure] => [id, 'failed: not reached'])) as Record<
    MetricId,
    Figure
  >;
  const { tab, cdp } = await openPage(context, throttle);
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  let downloaded: Downloaded | undefined;
  try {
    server.reset();
    await tab.goto(`${server.origin}/${product}/`, { waitUntil: 'commit' });
    figures.firstUsable = (await tab.evaluate('__bench.usable()')) as number;
    await server.quiet();
    // A step the server drew is filled once the widget has taken it over: on a busy machine the network is quiet
    // before the widget's code has run, and filling during the swap raced the swap (the name went missing).
    await tab.evaluate('__bench.ready()');
    downloaded = server.downloaded();
    figures.bytes = downloaded.total;
    figures.blocking = (await tab.evaluate('__bench.blocking()')) as number;
    await cdp.send('HeapProfiler.collectGarbage');
    figures.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const host = product === 'surveyjs' ? tab.locator('.sd-body') : tab.locator('klar-skjema form.step');
    const inputs = host.locator(TEXT_INPUTS);
    // force: at 390 px SurveyJS draws the address parts' inputs 0 px wide beside their labels (a user taps the
    // label); this fills them all the same, as Playwright's actionability checks would refuse.
    for (const [index, value] of FIRST_STEP.entries()) await inputs.nth(index).fill(value, { force: true });
    figures.next = (await tab.evaluate('__bench.next()')) as number;
    figures.language = (await tab.evaluate(`__bench.language('en', ${JSON.stringify(englishLabels)})`)) as number;
  } catch (error) {
    const failed = failure(errors[0] ?? error);
    for (const id of METRIC_IDS) if (figures[id] === 'failed: not reached') figures[id] = failed;
    console.error(`bench: ${product} ${throttle}×: ${failed}`);
  } finally {
    await tab.close();
  }
  return { figures, downloaded };
}

async function compare(browser: Browser, server: BenchServer, englishLabels: string[]) {
  const samples = new Map<string, Figure[]>();
  const downloads: BenchResults['downloads'] = {};
  const add = (product: Product, cache: Cache, throttle: number, figures: Record<MetricId, Figure>) => {
    for (const metric of METRIC_IDS) {
      const key = `${product} ${cache} ${throttle} ${metric}`;
      samples.set(key, [...(samples.get(key) ?? []), figures[metric]]);
    }
  };
  // One visit of each, not counted: the first page of a browser also pays for starting it.
  for (const product of PRODUCTS) {
    const context = await newContext(browser);
    await visit(context, server, product, THROTTLES[0]!, englishLabels);
    await context.close();
  }
  for (let sample = 0; sample < SAMPLES; sample++)
    for (const throttle of THROTTLES) {
      // Interleaved, and each sample starts with the other product, so neither always goes first.
      const order = sample % 2 === 0 ? [...PRODUCTS] : [...PRODUCTS].reverse();
      for (const product of order) {
        const context = await newContext(browser);
        const cold = await visit(context, server, product, throttle, englishLabels);
        // Warm: the HTTP cache (and V8's code cache) kept, the drafts the first visit left removed.
        const origin = server.origin;
        const cdp = await context.newCDPSession(await context.newPage());
        await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage,indexeddb,cookies' });
        await cdp.detach();
        for (const open of context.pages()) await open.close();
        const warm = await visit(context, server, product, throttle, englishLabels);
        await context.close();
        add(product, 'cold', throttle, cold.figures);
        add(product, 'warm', throttle, warm.figures);
        if (sample === 0 && throttle === THROTTLES[0])
          downloads[product] = { cold: cold.downloaded, warm: warm.downloaded };
        console.log(
          `sample ${sample + 1}/${SAMPLES} ${throttle}× ${product}: usable ${String(cold.figures.firstUsable)} ms cold, ${String(warm.figures.firstUsable)} ms warm`,
        );
      }
    }
  const rows: ComparisonRow[] = [];
  for (const cache of CACHES)
    for (const throttle of THROTTLES)
      for (const metric of METRIC_IDS) {
        const of = (product: Product) => stat(samples.get(`${product} ${cache} ${throttle} ${metric}`) ?? []);
        const surveyjs = of('surveyjs');
        const klarskjema = of('klarskjema');
        const dsd = of('klarskjema-dsd');
        rows.push({
          cache,
          throttle,
          metric,
          unit: METRICS[metric].unit,
          surveyjs,
          klarskjema,
          ratio: ratio(klarskjema.median, surveyjs.median),
          dsd,
          dsdRatio: ratio(dsd.median, surveyjs.median),
        });
      }
  return { rows, downloads };
}

/** Generated forms: check and build, then the widget on each that built. */
async function growth(browser: Browser, server: BenchServer): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  const sources = await mkdtemp(join(tmpdir(), 'klarskjema-bench-'));
  try {
    for (const fields of SIZES) {
      const form = generateForm(fields);
      const { check, build, built } = await checkAndBuild(form, sources, join(site, 'growth/forms'));
      console.log(`growth ${fields}: check ${timing(check)}; build ${timing(build)}`);
      const row: GrowthRow = { fields, steps: form.definition.steps.length, check, build, widget: [] };
      if (built)
        await page(
          'klarskjema.html',
          { FORM: `/growth/forms/${form.definition.id}/`, WIDGET: WIDGET_URL },
          join(site, `growth/${fields}/index.html`),
        );
      for (const throttle of THROTTLES) {
        const samples = Object.fromEntries(GROWTH_METRIC_IDS.map((id) => [id, [] as Figure[]])) as Record<
          GrowthMetricId,
          Figure[]
        >;
        for (let sample = 0; sample < GROWTH_SAMPLES; sample++) {
          if (!built) {
            for (const id of GROWTH_METRIC_IDS) samples[id].push('failed: the form did not build');
            continue;
          }
          const context = await newContext(browser);
          const { tab } = await openPage(context, throttle);
          const figures: Record<GrowthMetricId, Figure> = {
            firstRender: 'failed: not reached',
            keystroke: 'failed: not reached',
            next: 'failed: not reached',
          };
          try {
            await tab.goto(`${server.origin}/growth/${fields}/`, { waitUntil: 'commit' });
            figures.firstRender = (await tab.evaluate('__bench.usable()')) as number;
            await server.quiet();
            // The focus is the user's first intent: what it loads (decision 0040) comes first, so that the key
            // press measures the keystroke's own cost, which is what grows with the form.
            await tab.evaluate('__bench.armKeystroke()');
            await server.quiet();
            await tab.keyboard.press('a');
            figures.keystroke = (await tab.evaluate('__bench.keystroke()')) as number;
            figures.next = (await tab.evaluate('__bench.next()')) as number;
          } catch (error) {
            for (const id of GROWTH_METRIC_IDS) if (figures[id] === 'failed: not reached') figures[id] = failure(error);
            console.error(`bench: growth ${fields} ${throttle}×: ${failure(error)}`);
          }
          await context.close();
          for (const id of GROWTH_METRIC_IDS) samples[id].push(figures[id]);
        }
        row.widget.push({
          throttle,
          ...(Object.fromEntries(GROWTH_METRIC_IDS.map((id) => [id, stat(samples[id])])) as Record<
            GrowthMetricId,
            ReturnType<typeof stat>
          >),
        });
      }
      rows.push(row);
    }
  } finally {
    await rm(sources, { recursive: true, force: true });
  }
  return rows;
}

function commit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const definition = (await readJson(resolve(packageRoot, `schemas/forms/${FORM}.json`))) as FormDefinition;
  const english = (await readJson(join(localesDir, 'en', `${FORM}.json`))) as {
    fields: Record<string, { label?: string; label_plain?: string }>;
  };
  // The first label of step 2, where the language is switched, in English (either variant).
  const second = english.fields[definition.steps[1]!.fields[0]!.id] ?? {};
  const englishLabels = [second.label, second.label_plain].filter((text): text is string => Boolean(text));
  const started = new Date();
  const loadBefore = loadavg();
  const styleHash = await buildSite(definition);
  // The drawn step's <style> is allowed by its hash, as a host's policy would (docs/embedding.md).
  const server = await serveBench(site, {
    surveyjs: undefined,
    'klarskjema-dsd': STANDALONE_CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${styleHash}`),
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    const { rows, downloads } = await compare(browser, server, englishLabels);
    const growthRows = await growth(browser, server);
    const versions = async (name: string) =>
      ((await readJson(resolve(packageRoot, 'node_modules', name, 'package.json'))) as { version: string }).version;
    const results: BenchResults = {
      meta: {
        started: started.toISOString(),
        finished: new Date().toISOString(),
        quick: options.quick,
        samples: SAMPLES,
        growthSamples: GROWTH_SAMPLES,
        growthSizes: SIZES,
        fieldsPerStep: FIELDS_PER_STEP,
        throttles: THROTTLES,
        form: FORM,
        klarskjema: ((await readJson(resolve(packageRoot, 'package.json'))) as { version: string }).version,
        commit: commit(),
        surveyCore: await versions('survey-core'),
        surveyJsUi: await versions('survey-js-ui'),
        chromium: browser.version(),
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg(),
        surveyLocale: surveyLocale('nb'),
      },
      comparison: rows,
      downloads,
      growth: growthRows,
    };
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${table(results)}\n\nWrote ${options.out}`);
    const missing = missingFigures(results, THROTTLES, SIZES);
    if (missing.length > 0) {
      console.error(`bench: ${missing.length} figure(s) missing: ${missing.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

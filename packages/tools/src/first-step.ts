// The first step of a form as declarative shadow DOM, for hosts that render HTML (issue 20, decision 0041): the
// widget's own element and templates, drawn in Node by Lit's SSR with a session made here, so the markup is the
// widget's. The widget takes it over when its script has run (components/klar-skjema/takeover.ts).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { fromPromise } from 'xstate';
import {
  FIRST_STEP_KEY,
  STATUS_KEY,
  TEXT_VERSIONS_KEY,
  type DrawnFirstStep,
  type DrawnNode,
  type TranslationStatus,
} from '../../../src/engine/form-package.ts';
import type { Receipt } from '../../../src/engine/machine.ts';
import type { Submission, TextVariant } from '../../../src/engine/submission.ts';
import type { LocaleResources } from '../../../src/browser/load-package.ts';
import { createTexts } from '../../../src/browser/i18n.ts';
import { loadFormPackage } from '../../../src/node/load-package.ts';
import tools from '../package.json' with { type: 'json' };

/** The attribute on the first step's <style> that says what it was drawn from; the widget compares it. */
export const FIRST_STEP_ATTRIBUTE = 'data-klar-first-step';

export interface FirstStepOptions {
  /** The element's form attribute: the package's URL as the page reaches it. */
  form: string;
  /** The language to draw (default nb; one the form does not have draws nb, as the widget does). */
  lang?: string;
  variant?: TextVariant;
  /** More attributes for the element, such as submit-url or contact; written as given, escaped. */
  attributes?: Record<string, string>;
  /** The element's own children, such as `<p slot="load-error">…</p>`: the host's HTML, written as given. */
  children?: string;
  /** For a policy with style nonces instead of the hash: the page's nonce, on the step's <style>. */
  nonce?: string;
}

export interface FirstStep {
  /** `<klar-skjema …>` with the first step in `<template shadowrootmode="open">`. */
  html: string;
  /** The inline style's hash, for the host's Content-Security-Policy: `style-src 'self' 'sha256-…'`. */
  styleHash: string;
}

/**
 * The widget's rule (components/drafts/drafts.ts): http(s) only, else the default. A relative address is kept as
 * written: the browser resolves the form's action against the page, as the widget resolves it.
 */
function exitAddress(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  try {
    const url = new URL(value, 'https://relative.invalid/');
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : fallback;
  } catch {
    return fallback;
  }
}

const escapeAttribute = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

async function localeFile(
  dir: string,
  locale: string,
): Promise<{ resources: LocaleResources; status: TranslationStatus }> {
  const {
    [STATUS_KEY]: status,
    [TEXT_VERSIONS_KEY]: _versions,
    ...resources
  } = JSON.parse(await readFile(join(dir, 'locales', `${locale}.json`), 'utf8')) as LocaleResources;
  return { resources, status: (status ?? {}) as TranslationStatus };
}

/**
 * Draws the first step of the built package in `dir` as `<klar-skjema>` with a declarative shadow root. Node
 * loads the whole package (every validator and text): the page gets only the markup.
 */
export async function renderFirstStep(dir: string, options: FirstStepOptions): Promise<FirstStep> {
  // Lit's DOM shim (HTMLElement, customElements) only when a step is drawn, not for every user of the tools; the
  // widget's modules after it.
  await import('@lit-labs/ssr/lib/install-global-dom-shim.js');
  const [{ render }, { collectResultSync }, { KlarSkjema }, { Session }, { DEFAULT_EXIT_URL }] = await Promise.all([
    import('@lit-labs/ssr'),
    import('@lit-labs/ssr/lib/render-result.js'),
    import('../../../components/klar-skjema/klar-skjema.ts'),
    import('../../../components/klar-skjema/session.ts'),
    import('../../../components/drafts/drafts.ts'),
  ]);
  const formPackage = await loadFormPackage(dir);
  const { definition } = formPackage;
  const lang = options.lang ?? 'nb';
  const locale = definition.locales.includes(lang) ? lang : 'nb';
  const variant: TextVariant = options.variant === 'plain' ? 'plain' : 'standard';
  const files = Object.fromEntries(
    await Promise.all([...new Set(['nb', locale])].map(async (lng) => [lng, await localeFile(dir, lng)] as const)),
  );
  const entries = Object.entries(files);
  const i18n = await createTexts(
    definition.id,
    locale,
    Object.fromEntries(entries.map(([lng, file]) => [lng, file.resources])),
  );
  const status = new Map(entries.map(([lng, file]) => [lng, file.status]));
  // Only what the first step's view asks of the wiring: nothing is sent, saved or said on the server.
  const session = new Session(
    formPackage,
    i18n,
    '',
    status,
    {
      now: () => new Date(),
      prefill: () => undefined,
      begin: () => Promise.resolve(null),
      started: () => undefined,
      fingerprint: () => null,
      updateRelevance: () => undefined,
      sending: () => undefined,
      items: () => undefined,
      redraw: () => undefined,
      sendSubmission: fromPromise<Receipt, Submission>(() => Promise.reject(new Error('not on the server'))),
      announce: () => undefined,
      original: () => false,
    },
    { input: { locale, variant }, review: false, reanswer: [], chooseFilesAgain: [] },
  );
  if (!customElements.get('klar-skjema')) customElements.define('klar-skjema', class extends KlarSkjema {});
  const element = new (customElements.get('klar-skjema') as typeof KlarSkjema)();
  const view = KlarSkjema.drawFirstStep(element, session);
  session.actor.stop();
  // Lit's hydration markers are left out: the widget draws its own view and swaps it in (no hydration).
  const body = collectResultSync(render(view))
    .replace(/<!--\/?lit-(?:part|node)[^>]*-->|<\?>/g, '')
    // Lit's SSR writes the widget's `.checked=${…}` as checked="false"; an attribute that is there checks the box.
    .replaceAll(' checked="false"', '')
    .replaceAll(' checked="true"', ' checked')
    // Without script, Continue or Enter would send the form to the page's own address and reload it, losing what
    // was typed: a dialog form outside a dialog sends nothing. The widget's own form replaces this one.
    .replace('<form class="step" ', '<form class="step" method="dialog" ')
    // The quick exit must work before the script is here too (someone may need to leave at once): it sends an
    // empty form of its own, which goes to the exit address. The widget's exit (which also replaces this page in
    // the history) takes its place with the rest.
    .replace(/<button type="button" ([^>]*part="button exit")/, `<button type="submit" form="ks-exit-before-script" $1`)
    // The templates' indentation: white space with a line break in it shows as one space, as a newline does.
    .replace(/\s*\n\s*/g, '\n');
  // Minified as the widget's build minifies its styles (scripts/minify-lit-css.ts): less for the page to parse.
  const source = KlarSkjema.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
  const css = (await transform(source, { loader: 'css', minify: true, logLevel: 'silent' })).code.trim();
  const styleHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const mark = `${definition.id}@${definition.version} ${locale} ${variant}`;
  const nonce = options.nonce ? ` nonce="${escapeAttribute(options.nonce)}"` : '';
  const attributes = { ...options.attributes, form: options.form, lang: locale, variant };
  const exitForm = `<form id="ks-exit-before-script" method="get" action="${escapeAttribute(exitAddress(options.attributes?.['exit-url'], DEFAULT_EXIT_URL))}" rel="noreferrer" hidden></form>`;
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return {
    html: `<klar-skjema${attributeText}><template shadowrootmode="open"><style ${FIRST_STEP_ATTRIBUTE}="${escapeAttribute(mark)}"${nonce}>${css}</style>${body}${exitForm}</template>${options.children ?? ''}</klar-skjema>`,
    styleHash,
  };
}

type Parse5Node = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
};

/**
 * The first step of the built package in `dir`, in `lang`'s standard texts, as data for the widget's loader
 * (decision 0044): the step `renderFirstStep` draws, its nodes as arrays (the loader makes them with createElement,
 * which no Trusted Types policy guards, where HTML would need one), and the element's whole CSS, which the widget of
 * the same version (`widget`) then uses too instead of its own copy. The language menu holds only the chosen
 * language until the widget's own view replaces it: nothing can be switched before that.
 */
export async function firstStepData(dir: string, lang: string): Promise<DrawnFirstStep> {
  const { html } = await renderFirstStep(dir, { form: '', lang });
  const { parseFragment } = await import('parse5');
  const fragment = parseFragment(html) as unknown as Parse5Node;
  const template = fragment.childNodes?.[0]?.childNodes?.find((node) => node.nodeName === 'template');
  const top = template?.content?.childNodes ?? [];
  const style = top.find((node) => node.nodeName === 'style');
  const toData = (node: Parse5Node): DrawnNode[] => {
    if (node.nodeName === '#text') return [node.value ?? ''];
    if (!node.tagName) return [];
    // What only the widget's own view needs: the live regions (nothing is said before it is here), and the inputs'
    // names and empty values (the form is never sent; the takeover finds controls by id).
    if (node.attrs?.some(({ name, value }) => name === 'class' && value.includes('live-region'))) return [];
    const attributes = Object.fromEntries(
      (node.attrs ?? [])
        .filter(({ name, value }) => !(node.tagName === 'input' && (name === 'name' || (name === 'value' && !value))))
        .map(({ name, value }) => [name, value]),
    );
    if (attributes.class !== undefined) attributes.class = attributes.class.trim().replace(/\s+/g, ' ');
    return [[node.tagName, attributes, ...(node.childNodes ?? []).flatMap(toData)]];
  };
  const nodes = top.filter((node) => node !== style).flatMap(toData);
  const css = (style?.childNodes ?? []).map((node) => node.value ?? '').join('');
  const mark = style?.attrs?.find((attribute) => attribute.name === FIRST_STEP_ATTRIBUTE)?.value ?? '';
  // The mark the widget's takeover looks for (components/klar-skjema/takeover.ts), on the step's outermost box.
  const outer = nodes.find((node) => typeof node !== 'string');
  if (outer) outer[1][FIRST_STEP_ATTRIBUTE] = mark;
  return { mark, widget: tools.version, css, nodes };
}

/**
 * Puts each locale's first step (`firstStepData`, standard texts) into the start slice of the built package in
 * `dir`, where the loader finds it (decision 0044). Apart from `buildFormPackage`, since it loads Lit's DOM shim
 * into this process's globals (`window`, `document`): the CLI and the repository's build call both.
 */
export async function addFirstSteps(dir: string): Promise<string[]> {
  const { definition } = await loadFormPackage(dir);
  const written: string[] = [];
  for (const locale of definition.locales) {
    const file = join(dir, 'locales', 'start', `${locale}.json`);
    const slice = (await readFile(file, 'utf8').then(JSON.parse, () => undefined)) as
      Record<string, unknown> | undefined;
    if (!slice) continue;
    slice[FIRST_STEP_KEY] = await firstStepData(dir, locale);
    await writeFile(file, JSON.stringify(slice));
    written.push(`locales/start/${locale}.json`);
  }
  return written;
}

// The first step as declarative shadow DOM (packages/tools/src/first-step.ts, decision 0041), for every example form in
// bokmål and in Arabic (right to left; a form without Arabic is drawn in bokmål, as the widget does): the heading,
// each question's label and input under the widget's ids, Continue and the language menu, from the form's own
// texts. test/ui/first-step.chromium.test.ts shows the widget taking such a step over. And the same step as data in the
// package's start slices, which the loader draws (decision 0044).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { addFirstSteps, renderFirstStep } from '../../packages/tools/src/first-step.ts';
import tools from '../../packages/tools/package.json' with { type: 'json' };
import { FIRST_STEP_KEY, type DrawnFirstStep, type DrawnNode } from '../../src/engine/form-package.ts';
import { examplePackageFolder, exampleFormIds, readExampleDefinition } from '../helpers/form-packages.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;

/** Every element under the node, the template's content included (the shadow root's nodes). */
function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (at: Node) => {
    if (isElement(at)) found.push(at);
    const children = 'childNodes' in at ? at.childNodes : [];
    for (const child of children) walk(child);
    if (isElement(at) && at.tagName === 'template') walk((at as DefaultTreeAdapterMap['template']).content);
  };
  walk(node);
  return found;
}

const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(text).join('')
      : '';
const words = (value: string) => value.replace(/\s+/g, ' ').trim();

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe.each(exampleFormIds)('the first step of %s as declarative shadow DOM', (id) => {
  it.each(['nb', 'ar'])('in %s has the heading, the labels and the inputs under the widget ids', async (asked) => {
    const definition = await readExampleDefinition(id);
    const dir = await examplePackageFolder(id);
    const locale = definition.locales.includes(asked) ? asked : 'nb';
    const { html, styleHash } = await renderFirstStep(dir, { form: `forms/${id}/`, lang: asked });
    const texts = (await readJson(join(dir, 'locales', `${locale}.json`))) as {
      [form: string]: { steps: Record<string, { title: string }>; fields: Record<string, { label: string }> };
    };
    const formTexts = texts[id]!;
    const widget = (texts as unknown as { widget: { actions: { next: string } } }).widget;
    const all = elements(parseFragment(html));
    const host = all[0]!;
    expect(host.tagName).toBe('klar-skjema');
    expect([attr(host, 'form'), attr(host, 'lang'), attr(host, 'variant')]).toEqual([
      `forms/${id}/`,
      locale,
      'standard',
    ]);
    const template = all.find((e) => e.tagName === 'template')!;
    expect(attr(template, 'shadowrootmode')).toBe('open');
    const style = all.find((e) => e.tagName === 'style')!;
    expect(attr(style, 'data-klar-first-step')).toBe(`${id}@${definition.version} ${locale} standard`);
    expect(styleHash).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    // No hydration markers, and no box drawn as ticked that is not (Lit's SSR writes checked="false").
    expect(html).not.toMatch(/lit-part|lit-node|<\?>|checked="false"/);

    const byId = new Map(all.flatMap((e) => (attr(e, 'id') ? [[attr(e, 'id')!, e] as const] : [])));
    const root = all.find((e) => attr(e, 'part') === 'root')!;
    expect([attr(root, 'lang'), attr(root, 'dir')]).toEqual([locale, locale === 'ar' ? 'rtl' : 'ltr']);
    const step = definition.steps[0]!;
    expect(words(text(byId.get('ks-heading')!))).toBe(words(formTexts.steps[step.id]!.title));
    const form = all.find((e) => e.tagName === 'form')!;
    // Continue or Enter before the script sends nothing (a dialog form outside a dialog).
    expect(attr(form, 'method')).toBe('dialog');
    const submit = elements(form).find((e) => e.tagName === 'button' && attr(e, 'type') === 'submit')!;
    expect(words(text(submit))).toBe(words(widget.actions.next));

    const captions = elements(form)
      .filter((e) => e.tagName === 'label' || e.tagName === 'legend')
      .map((e) => words(text(e)));
    const controls = elements(form).filter((e) => ['input', 'select', 'textarea'].includes(e.tagName));
    for (const field of step.fields.filter((f) => f.when === undefined)) {
      // The widget's id for a question (components/fields/field-frame.ts): ks-<id>, its parts ks-<id>-<part>.
      const own = controls.filter(
        (e) => attr(e, 'id') === `ks-${field.id}` || attr(e, 'id')?.startsWith(`ks-${field.id}-`),
      );
      expect(own.length, `${id} ${locale}: an input for ${field.id}`).toBeGreaterThan(0);
      const label = words(formTexts.fields[field.id]!.label);
      expect(
        captions.some((caption) => caption.startsWith(label)),
        `${id} ${locale}: the label of ${field.id}`,
      ).toBe(true);
    }
    const language = byId.get('ks-language');
    if (definition.locales.length > 1) {
      // The chosen language's name only: the widget that takes the step over draws the others.
      const options = elements(language!).filter((e) => e.tagName === 'option');
      expect(options.map((o) => attr(o, 'value'))).toEqual([locale]);
      expect(options.filter((o) => attr(o, 'selected') !== undefined).map((o) => attr(o, 'value'))).toEqual([locale]);
    }
  });
});

/** Every element of the loader's data, as [tag, attributes, text], depth first. */
function drawnElements(nodes: DrawnNode[]): Array<{ tag: string; attributes: Record<string, string>; text: string }> {
  const flat = (node: DrawnNode): string =>
    typeof node === 'string'
      ? node
      : node
          .slice(2)
          .map((n) => flat(n as DrawnNode))
          .join('');
  return nodes.flatMap((node) =>
    typeof node === 'string'
      ? []
      : [{ tag: node[0], attributes: node[1], text: flat(node) }, ...drawnElements(node.slice(2) as DrawnNode[])],
  );
}

describe.each(exampleFormIds)('the first step of %s in the start slices, for the loader', (id) => {
  it('is in every locale, with the heading, the inputs under the widget ids, and the CSS', async () => {
    const definition = await readExampleDefinition(id);
    const dir = await examplePackageFolder(id);
    const written = await addFirstSteps(dir);
    expect(written).toEqual(definition.locales.map((locale) => `locales/start/${locale}.json`));
    for (const locale of definition.locales) {
      const slice = await readJson(join(dir, 'locales', 'start', `${locale}.json`));
      const drawn = slice[FIRST_STEP_KEY] as DrawnFirstStep;
      expect(drawn.mark).toBe(`${id}@${definition.version} ${locale} standard`);
      // The CSS is the element's whole, which the widget of this version then uses: drawn by that version.
      expect(drawn.widget).toBe(tools.version);
      expect(drawn.css).toContain(':host{');
      const all = drawnElements(drawn.nodes);
      const byId = new Map(all.flatMap((e) => (e.attributes.id ? [[e.attributes.id, e] as const] : [])));
      const formTexts = slice[id] as { steps: Record<string, { title: string }> };
      expect(words(byId.get('ks-heading')!.text)).toBe(words(formTexts.steps[definition.steps[0]!.id]!.title));
      // The mark the takeover looks for, on the outermost box, which holds the step in the locale's direction.
      const outer = drawn.nodes.find((node): node is Exclude<DrawnNode, string> => typeof node !== 'string')!;
      expect(outer[1]).toMatchObject({
        'data-klar-first-step': drawn.mark,
        lang: locale,
        dir: ['ar', 'fa'].includes(locale) ? 'rtl' : 'ltr',
      });
      for (const field of definition.steps[0]!.fields.filter((f) => f.when === undefined && f.kind !== 'guidance'))
        expect(
          all.some((e) => e.attributes.id === `ks-${field.id}` || e.attributes.id?.startsWith(`ks-${field.id}-`)),
          `${id} ${locale}: ${field.id}`,
        ).toBe(true);
      // Nothing that runs or styles inline: the loader makes these with createElement under a strict policy.
      expect(all.filter((e) => ['script', 'style', 'iframe'].includes(e.tag))).toEqual([]);
      expect(all.flatMap((e) => Object.keys(e.attributes)).filter((name) => /^on|^style$/.test(name))).toEqual([]);
      // The menu holds the chosen language only; the live regions are the widget's.
      if (definition.locales.length > 1)
        expect(all.filter((e) => e.tag === 'option').map((e) => e.attributes.value)).toEqual([locale]);
      expect(all.filter((e) => (e.attributes.class ?? '').includes('live-region'))).toEqual([]);
    }
  });
});

describe('renderFirstStep options', () => {
  it('writes the host attributes escaped, its children after the shadow root, and a nonce on the style', async () => {
    const dir = await examplePackageFolder('kontakt');
    const { html } = await renderFirstStep(dir, {
      form: 'forms/kontakt/',
      lang: 'xx',
      variant: 'plain',
      attributes: { 'submit-url': '/api?a=1&b="2"' },
      children: '<p slot="load-error">Last siden på nytt.</p>',
      nonce: 'r4nd0m',
    });
    expect(html).toMatch(
      /^<klar-skjema submit-url="\/api\?a=1&amp;b=&quot;2&quot;" form="forms\/kontakt\/" lang="nb" variant="plain"><template shadowrootmode="open"><style data-klar-first-step="kontakt@[^"]+ nb plain" nonce="r4nd0m">/,
    );
    expect(html).toMatch(/<\/template><p slot="load-error">Last siden på nytt\.<\/p><\/klar-skjema>$/);
  });
});

describe('the quick exit before the script is here', () => {
  it.each([
    [undefined, 'https://www.yr.no/'],
    ['https://www.nav.no/', 'https://www.nav.no/'],
    ['javascript:alert(1)', 'https://www.yr.no/'],
    ['/ut', '/ut'],
  ])('with exit-url %s sends an empty form to %s', async (exitUrl, expected) => {
    const dir = await examplePackageFolder('sosialhjelp');
    const { html } = await renderFirstStep(dir, {
      form: 'forms/sosialhjelp/',
      ...(exitUrl ? { attributes: { 'exit-url': exitUrl } } : {}),
    });
    const all = elements(parseFragment(html));
    const exit = all.find((e) => attr(e, 'part') === 'button exit')!;
    expect([attr(exit, 'type'), attr(exit, 'form')]).toEqual(['submit', 'ks-exit-before-script']);
    const form = all.find((e) => attr(e, 'id') === 'ks-exit-before-script')!;
    expect([form.tagName, attr(form, 'method'), attr(form, 'action')]).toEqual(['form', 'get', expected]);
  });
});

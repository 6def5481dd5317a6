// The Custom Elements Manifest (scripts/custom-elements-manifest.ts) against the code: every ::part, every
// --klar-* property, every attribute the element reads and every klar-* event it sends is documented,
// nothing documented is missing from the code, and the embedding guide (docs/embedding.md) names each of them.
// A new part, property, attribute or event fails here until it has a JSDoc tag on the KlarSkjema class
// (events: a member of KlarEventMap in components/klar-skjema/events.ts) and a line in docs/embedding.md.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { customElementsManifest, type ElementDeclaration } from '../../scripts/custom-elements-manifest.ts';
import { packageRoot } from '../../src/node/paths.ts';

async function sources(dir: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: await readFile(path, 'utf8') };
    }));
}

const found = (files: Array<{ text: string }>, pattern: RegExp): string[] =>
  [...new Set(files.flatMap(({ text }) => [...text.matchAll(pattern)].map((match) => match[1]!)))].sort();

let element: ElementDeclaration;
let components: Array<{ path: string; text: string }>;
let readme: string;

beforeAll(async () => {
  element = (await customElementsManifest()).modules[0]!.declarations[0]!;
  components = await sources(resolve(packageRoot, 'components'));
  readme = await readFile(resolve(packageRoot, 'docs/embedding.md'), 'utf8');
});

describe('custom-elements.json', () => {
  it('describes <klar-skjema> with its class, attributes and properties', () => {
    expect(element).toMatchObject({ tagName: 'klar-skjema', name: 'KlarSkjema', customElement: true });
    expect(element.description.length).toBeGreaterThan(20);
    expect(element.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(['form', 'lang', 'variant', 'scroll-offset']));
    expect(element.attributes.find((a) => a.name === 'scroll-offset')).toMatchObject({ fieldName: 'scrollOffset', type: { text: 'number' }, default: '0' });
    expect(element.members.find((m) => m.name === 'prefill')).toMatchObject({ kind: 'field', description: expect.stringContaining('public registers') });
    expect(element.members.find((m) => m.name === 'snapshot')).toMatchObject({ readonly: true });
    for (const list of [element.attributes, element.events, element.slots, element.cssParts, element.cssProperties]) {
      const names = list.map((item) => item.name);
      expect(names.filter((name, index) => names.indexOf(name) !== index), 'documented twice').toEqual([]);
    }
    for (const item of [...element.attributes, ...element.events, ...element.slots, ...element.cssParts, ...element.cssProperties]) {
      expect(item.description, `${item.name} has a description`).not.toBe('');
    }
  });

  it('lists exactly the ::part names the components render', () => {
    const rendered = [...new Set(found(components, /\bpart="([a-z -]+)"/g).flatMap((names) => names.split(' ')).filter(Boolean))].sort();
    expect(element.cssParts.map((p) => p.name).sort()).toEqual(rendered);
  });

  it('lists exactly the --klar-* custom properties the styles read', () => {
    expect(element.cssProperties.map((p) => p.name).sort()).toEqual(found(components, /var\((--klar-[a-z-]+)/g));
    expect(element.cssProperties.find((p) => p.name === '--klar-color-text')).toMatchObject({ default: '#1b1b1b' });
  });

  it('lists every attribute the element reads', () => {
    const read = found(components, /(?:this|host)\.getAttribute\('([a-z-]+)'\)/g);
    expect(element.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(read));
  });

  it('lists every klar-* event the components send, each typed in KlarEventMap', () => {
    const sent = found(components, /(?:CustomEvent|emit\(this,|super)\(?\s*'(klar-[a-z-]+)'/g);
    expect(sent.length).toBeGreaterThan(1);
    expect(element.events.map((e) => e.name).sort()).toEqual(expect.arrayContaining(sent));
  });

  it('is what docs/embedding.md documents: every attribute, event, part and custom property', () => {
    const missing = [
      ...element.attributes.map((a) => a.name),
      ...element.events.map((e) => e.name),
      ...element.cssParts.map((p) => p.name),
      ...element.cssProperties.map((p) => p.name),
      ...element.slots.map((s) => s.name),
    ].filter((name) => !readme.includes(`\`${name}\``));
    expect(missing, 'names docs/embedding.md does not mention (in `backticks`)').toEqual([]);
  });
});

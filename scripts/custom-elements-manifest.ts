// Writes the Custom Elements Manifest (https://github.com/webcomponents/custom-elements-manifest, schema
// 2.1.0) for <klar-skjema> from its source: the class's JSDoc tags (@attr @slot @csspart @cssproperty),
// its static `properties`, the JSDoc of its public fields and getters, and the event map in events.ts.
// Editors and docs tools read it. A generator this small fits one element better than an analyzer that
// brings its own TypeScript compiler (docs/decisions/0009-embedding-and-package.md).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { packageRoot } from '../src/node/paths.ts';

export const ELEMENT_SOURCE = 'components/klar-skjema/klar-skjema.ts';
export const EVENTS_SOURCE = 'components/klar-skjema/events.ts';
/** The module consumers import: the published bundle. */
export const PUBLIC_MODULE = 'dist/klarskjema.js';

interface Named {
  name: string;
  description: string;
}
interface Typed extends Named {
  type?: { text: string };
}
export interface ManifestAttribute extends Typed {
  fieldName?: string;
  default?: string;
}
export interface ManifestMember extends Typed {
  kind: 'field';
  attribute?: string;
  readonly?: boolean;
  default?: string;
  privacy?: 'public';
}
export interface ManifestCssProperty extends Named {
  default?: string;
}

export interface ElementDeclaration {
  kind: 'class';
  customElement: true;
  name: string;
  tagName: string;
  description: string;
  superclass: { name: string; package: string };
  attributes: ManifestAttribute[];
  members: ManifestMember[];
  events: Typed[];
  slots: Named[];
  cssParts: Named[];
  cssProperties: ManifestCssProperty[];
}

export interface CustomElementsManifest {
  schemaVersion: '2.1.0';
  readme: string;
  modules: Array<{
    kind: 'javascript-module';
    path: string;
    declarations: ElementDeclaration[];
    exports: Array<{
      kind: 'js' | 'custom-element-definition';
      name: string;
      declaration: { name: string; module: string };
    }>;
  }>;
}

/** The text of a JSDoc comment without its stars, one string per line. */
function commentLines(comment: string): string[] {
  return comment
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
}

/** "@tag name - text" lines of a JSDoc block; a line without a tag continues the one before. */
function tags(lines: string[], tag: string): Named[] {
  const found: Named[] = [];
  let current: Named | null = null;
  for (const line of lines) {
    const tagged = /^@(\w+)\s*(.*)$/.exec(line.trim());
    if (tagged) {
      current = null;
      if (tagged[1] !== tag) continue;
      const match = /^(\S+)(?:\s+-\s+|\s+)?([\s\S]*)$/.exec(tagged[2]!)!;
      current = { name: match[1]!, description: match[2]!.trim() };
      found.push(current);
    } else if (current && line.trim()) {
      current.description += ` ${line.trim()}`;
    }
  }
  return found;
}

/** A CSS custom property's documented default: the text after "Default " to the end. */
function splitDefault(property: Named): ManifestCssProperty {
  const match = /^(.*?)\s*Default ([\s\S]+?)\.?$/.exec(property.description);
  return match ? { name: property.name, description: match[1]!, default: match[2]! } : property;
}

/** The JSDoc comment that ends right before `index` in `source`, if any (blank space between allowed). */
function docBefore(source: string, index: number): string {
  const before = source.slice(0, index).trimEnd();
  if (!before.endsWith('*/')) return '';
  const start = before.lastIndexOf('/**');
  return start === -1 ? '' : commentLines(before.slice(start)).filter(Boolean).join(' ').trim();
}

/** Lit's `static properties = { … }` entries: name → its options as written. */
function staticProperties(source: string): Map<string, string> {
  const block = /static (?:override )?properties = \{\n([\s\S]*?)\n {2}\};/.exec(source);
  if (!block) throw new Error(`${ELEMENT_SOURCE}: no "static properties = { … };" block found`);
  const properties = new Map<string, string>();
  for (const match of block[1]!.matchAll(/^\s*(\w+): (\{[^}]*\}),?$/gm)) properties.set(match[1]!, match[2]!);
  return properties;
}

export function elementDeclaration(elementSource: string, eventsSource: string): ElementDeclaration {
  const classMatch = /export class (\w+) extends (\w+) \{/.exec(elementSource);
  if (!classMatch) throw new Error(`${ELEMENT_SOURCE}: no exported class found`);
  const classDoc = elementSource.slice(0, classMatch.index).trimEnd();
  const docStart = classDoc.lastIndexOf('/**');
  if (docStart === -1 || !classDoc.endsWith('*/')) throw new Error(`${ELEMENT_SOURCE}: the class has no JSDoc comment`);
  const lines = commentLines(classDoc.slice(docStart));
  const firstTag = lines.findIndex((line) => line.trim().startsWith('@'));
  const description = lines
    .slice(0, firstTag === -1 ? undefined : firstTag)
    .filter(Boolean)
    .join(' ')
    .trim();
  const attributeDocs = new Map(tags(lines, 'attr').map((tag) => [tag.name, tag.description]));

  const defaults = new Map<string, string>();
  const constructor = /constructor\(\) \{([\s\S]*?)\n {2}\}/.exec(elementSource);
  for (const match of constructor?.[1]?.matchAll(/this\.(\w+) = (.+);/g) ?? []) defaults.set(match[1]!, match[2]!);

  const attributes: ManifestAttribute[] = [];
  const members: ManifestMember[] = [];
  for (const [name, options] of staticProperties(elementSource)) {
    if (/\bstate: true\b/.test(options)) continue; // internal reactive state, not API
    const declared = new RegExp(`\\n\\s*declare ${name}: ([^;]+);`).exec(elementSource);
    const type = declared ? { text: declared[1]!.trim() } : undefined;
    const explicit = /attribute: (?:'([^']+)'|(false))/.exec(options);
    const attribute = explicit?.[2] === 'false' ? undefined : (explicit?.[1] ?? name.toLowerCase());
    const fieldDoc = declared ? docBefore(elementSource, declared.index + 1) : '';
    const memberDescription = (attribute ? attributeDocs.get(attribute) : undefined) ?? fieldDoc;
    const value = defaults.get(name);
    members.push({
      kind: 'field',
      name,
      privacy: 'public',
      description: memberDescription,
      ...(type ? { type } : {}),
      ...(attribute ? { attribute } : {}),
      ...(value !== undefined ? { default: value } : {}),
    });
    if (attribute)
      attributes.push({
        name: attribute,
        fieldName: name,
        description: memberDescription,
        ...(type ? { type } : {}),
        ...(value !== undefined ? { default: value } : {}),
      });
  }
  // Attributes the element reads with getAttribute, without a property.
  for (const [name, description] of attributeDocs) {
    if (!attributes.some((attribute) => attribute.name === name))
      attributes.push({ name, description, type: { text: 'string' } });
  }
  // Public getters with a JSDoc comment are API too (snapshot, files).
  for (const match of elementSource.matchAll(/\n {2}get (\w+)\(\): ([^{]+)\{/g)) {
    members.push({
      kind: 'field',
      name: match[1]!,
      privacy: 'public',
      readonly: true,
      type: { text: match[2]!.trim() },
      description: docBefore(elementSource, match.index + 1),
    });
  }

  const eventMap = /export interface KlarEventMap \{([\s\S]*?)\n\}/.exec(eventsSource);
  if (!eventMap) throw new Error(`${EVENTS_SOURCE}: no "export interface KlarEventMap" found`);
  const events: Typed[] = [];
  for (const match of eventMap[1]!.matchAll(/'(klar-[a-z-]+)': ([^;]+);/g)) {
    events.push({
      name: match[1]!,
      type: { text: match[2]!.trim() },
      description: docBefore(eventMap[1]!, match.index),
    });
  }

  return {
    kind: 'class',
    customElement: true,
    name: classMatch[1]!,
    tagName: 'klar-skjema',
    description,
    superclass: { name: classMatch[2]!, package: 'lit' },
    attributes,
    members,
    events,
    slots: tags(lines, 'slot'),
    cssParts: tags(lines, 'csspart'),
    cssProperties: tags(lines, 'cssproperty').map(splitDefault),
  };
}

export async function customElementsManifest(root = packageRoot): Promise<CustomElementsManifest> {
  const [elementSource, eventsSource] = await Promise.all([
    readFile(resolve(root, ELEMENT_SOURCE), 'utf8'),
    readFile(resolve(root, EVENTS_SOURCE), 'utf8'),
  ]);
  const declaration = elementDeclaration(elementSource, eventsSource);
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: PUBLIC_MODULE,
        declarations: [declaration],
        exports: [
          { kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: PUBLIC_MODULE } },
          {
            kind: 'custom-element-definition',
            name: declaration.tagName,
            declaration: { name: declaration.name, module: PUBLIC_MODULE },
          },
        ],
      },
    ],
  };
}

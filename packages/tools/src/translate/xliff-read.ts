// Reads an XLIFF 2.0 file back with a real XML parser (@xmldom/xmldom: namespaces, mixed content, line numbers
// and a hard stop on malformed XML). It only reads: whether the units fit today's texts is import.ts's work.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { looksLikeCode } from './placeholders.ts';
import { XLIFF_NS } from './xliff-write.ts';

/** What is wrong with one text of the file, as a key of cli.json's translate.problem.*, and its values. */
export interface TextProblem {
  problem: 'codeAsText' | 'codeUnknown' | 'markup' | 'cpInvalid';
  params: Record<string, string>;
}

export interface ReadText {
  /** The text with every inline code back as the widget wrote it. */
  text: string;
  /** The ph ids it used, in order. */
  ids: string[];
  problems: TextProblem[];
}

export interface ReadUnit {
  file: string;
  /** The unit's key: its name, else its id. */
  key: string;
  line: number;
  state: string | undefined;
  source: ReadText | undefined;
  target: ReadText | undefined;
}

export interface ReadFile {
  id: string;
  line: number;
  units: ReadUnit[];
}

export type ReadResult =
  | { ok: true; srcLang: string | null; trgLang: string | null; version: string | null; files: ReadFile[] }
  | { ok: false; problem: 'notXml' | 'notXliff'; params: Record<string, string> };

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const children = (node: Node, name?: string): Element[] => {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT && (child as Element).namespaceURI === XLIFF_NS) {
      if (name === undefined || (child as Element).localName === name) out.push(child as Element);
    }
  }
  return out;
};

const lineOf = (node: Node): number => (node as Node & { lineNumber?: number }).lineNumber ?? 0;

/** A <source> or <target> as text: ph back to the code its data holds, cp to its character, mrk to its content. */
function readContent(element: Element, data: ReadonlyMap<string, string>): ReadText {
  const result: ReadText = { text: '', ids: [], problems: [] };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT || child.nodeType === CDATA) {
        const value = child.nodeValue ?? '';
        if (looksLikeCode(value)) result.problems.push({ problem: 'codeAsText', params: { text: value.trim() } });
        result.text += value;
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const el = child as Element;
      const name = (el.namespaceURI === XLIFF_NS ? el.localName : null) ?? el.nodeName;
      if (name === 'ph') {
        const id = el.getAttribute('id') ?? '';
        const code = data.get(el.getAttribute('dataRef') ?? '') ?? el.getAttribute('equiv') ?? el.getAttribute('disp');
        if (code === null) {
          result.problems.push({ problem: 'codeUnknown', params: { id } });
          continue;
        }
        result.ids.push(id);
        result.text += code;
      } else if (name === 'cp') {
        const hex = el.getAttribute('hex') ?? '';
        const point = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : NaN;
        if (Number.isNaN(point) || point > 0x10ffff) result.problems.push({ problem: 'cpInvalid', params: { hex } });
        else result.text += String.fromCodePoint(point);
      } else if (name === 'mrk') {
        // An annotation (a comment, a term mark) around words: the words are the text.
        walk(el);
      } else if (name === 'sm' || name === 'em') {
        // The start and end of an annotation that crosses tags: no text of its own.
      } else {
        result.problems.push({ problem: 'markup', params: { element: name } });
      }
    }
  };
  walk(element);
  return result;
}

const STATE_ORDER = ['initial', 'translated', 'reviewed', 'final'];

/** A unit split into segments is only as far as its least finished segment; an unknown state is kept, to be refused. */
const weakest = (states: string[]): string | undefined =>
  states.find((s) => !STATE_ORDER.includes(s)) ??
  states.sort((a, b) => STATE_ORDER.indexOf(a) - STATE_ORDER.indexOf(b))[0];

export function readXliff(xml: string): ReadResult {
  let document;
  let first: { message: string; line: number | undefined } | undefined;
  try {
    document = new DOMParser({
      onError: (level, message, context: { locator?: { lineNumber?: number } } | undefined) => {
        if (level === 'warning') return;
        first ??= { message, line: context?.locator?.lineNumber };
        throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    const reason = first?.message ?? (error instanceof Error ? error.message : String(error));
    return {
      ok: false,
      problem: 'notXml',
      params: { reason: reason.split('\n')[0]!, line: first?.line ? String(first.line) : '?' },
    };
  }
  const root = document.documentElement;
  if (!root || root.namespaceURI !== XLIFF_NS || root.localName !== 'xliff')
    return {
      ok: false,
      problem: 'notXliff',
      params: { found: root ? `${root.namespaceURI ?? ''} ${root.localName ?? root.nodeName}`.trim() : '–' },
    };
  const files = children(root, 'file').map((file): ReadFile => {
    const id = file.getAttribute('id') ?? '';
    const units: ReadUnit[] = [];
    // Units may sit in groups; a group adds nothing a text needs.
    const collect = (node: Element) => {
      for (const child of children(node)) {
        if (child.localName === 'group') collect(child);
        if (child.localName !== 'unit') continue;
        const data = new Map<string, string>();
        for (const original of children(child, 'originalData'))
          for (const item of children(original, 'data'))
            data.set(item.getAttribute('id') ?? '', readContent(item, new Map()).text);
        // A tool that splits sentences makes several segments, with the spaces between them as <ignorable>: the
        // unit's text is all of them in order (an ignorable's target, else its source).
        const parts = children(child).filter((c) => c.localName === 'segment' || c.localName === 'ignorable');
        const segments = parts.filter((c) => c.localName === 'segment');
        const hasTarget = segments.some((s) => children(s, 'target').length > 0);
        const joined = (part: 'source' | 'target'): ReadText | undefined => {
          const texts = parts.flatMap((p) => {
            const own = children(p, part)[0] ?? (p.localName === 'ignorable' ? children(p, 'source')[0] : undefined);
            return own ? [readContent(own, data)] : [];
          });
          if (texts.length === 0) return undefined;
          return {
            text: texts.map((t) => t.text).join(''),
            ids: texts.flatMap((t) => t.ids),
            problems: texts.flatMap((t) => t.problems),
          };
        };
        units.push({
          file: id,
          key: child.getAttribute('name') || (child.getAttribute('id') ?? ''),
          line: lineOf(child),
          state: weakest(segments.map((s) => s.getAttribute('state') || 'initial')),
          source: joined('source'),
          target: hasTarget ? joined('target') : undefined,
        });
      }
    };
    collect(file);
    return { id, line: lineOf(file), units };
  });
  return {
    ok: true,
    srcLang: root.getAttribute('srcLang'),
    trgLang: root.getAttribute('trgLang'),
    version: root.getAttribute('version'),
    files,
  };
}

// A few queries over a parsed HTML document (parse5), so the record's tests check its parts, not a snapshot.
import { parse } from 'parse5';

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  value?: string;
  content?: HtmlNode;
}

export const parseHtml = (html: string): HtmlNode => parse(html) as unknown as HtmlNode;

export function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** Every element below node (document order) that matches. */
export function findAll(node: HtmlNode, match: (element: HtmlNode) => boolean): HtmlNode[] {
  const found: HtmlNode[] = [];
  const walk = (current: HtmlNode) => {
    for (const child of current.childNodes ?? []) {
      if (child.tagName && match(child)) found.push(child);
      walk(child);
    }
    if (current.content) walk(current.content);
  };
  walk(node);
  return found;
}

export const byTag = (tag: string) => (element: HtmlNode) => element.tagName === tag;
export const byClass = (name: string) => (element: HtmlNode) =>
  (attr(element, 'class') ?? '').split(/\s+/).includes(name);
export const byAttr = (name: string, value?: string) => (element: HtmlNode) =>
  value === undefined ? attr(element, name) !== undefined : attr(element, name) === value;

export function findOne(node: HtmlNode, match: (element: HtmlNode) => boolean): HtmlNode | undefined {
  return findAll(node, match)[0];
}

/** The text in an element, as a reader gets it. */
export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** Direct children that are elements. */
export const childElements = (node: HtmlNode): HtmlNode[] => (node.childNodes ?? []).filter((c) => c.tagName);

// No file cites a document that is not in the repository (issue 14). Every text file git knows of (tracked,
// or new and not ignored) is scanned for:
// - names of Markdown documents (`docs/decisions/0008-drafts.md`, `docs/decisions/0010-*.md`): each must name
//   a file in the repository, found from the citing file's folder or the root (a comment in src/ writes the
//   path from the root, never a bare name that a reader would have to look for);
// - relative links in Markdown files (`[text](target)`): each must resolve from the
//   linking file's folder, as a Markdown viewer resolves it (the link's text is not a citation of its own);
// - ids of users' needs (`docs/users.md N12, N13`, `docs/users.md N9–N11`): each must be defined there;
// - design principles (`docs/design.md principle 2`, `design principles 2 and 9`): each must be defined there.
// A document outside the repository (a path that climbs above the root) never counts as found.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Repository-relative paths of every file git tracks or would track (untracked and not ignored), present on disk. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter(Boolean))].filter((path) => existsSync(resolve(root, path))).sort();
}

/** The file's text, or null for a binary file (a NUL byte in its first 8 KiB). */
function textOf(path: string): string | null {
  const bytes = readFileSync(resolve(root, path));
  if (bytes.subarray(0, 8192).includes(0)) return null;
  return bytes.toString('utf8');
}

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s)>'"`\]]+/gi;
/** A Markdown document's name: letters, digits, `_ . / * -`, ending in `.md`; not part of a longer word or a template (`${name}.md`). */
const DOCUMENT = /(?<![\w$}{.*/-])((?:\.{1,2}\/)*[\w*][\w./*-]*?\.md)(?![\w-])/g;
const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const NEED_IDS = /users\.md\b(?:\]\([^)\s]*\))?((?:[ \t]*(?:,|and|og|–|-)?[ \t]*[NCAO]\d+)+)/g;
const PRINCIPLES = /design(?:\.md)?(?:\]\([^)\s]*\))?,?\s+principles?\s+(\d+(?:\s*(?:,|and|og)\s*\d+)*)/g;

export interface Citation {
  file: string;
  line: number;
  cited: string;
}

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Where a cited document name may be, repository-relative; never a path above the root. */
function candidates(file: string, name: string): string[] {
  const dir = posix.dirname(file);
  const places = [posix.join(dir, name), posix.normalize(name)];
  return [...new Set(places)].filter((path) => path !== '..' && !path.startsWith('../') && !posix.isAbsolute(path));
}

function exists(path: string, files: ReadonlySet<string>, dirs: ReadonlySet<string>): boolean {
  if (!path.includes('*')) return files.has(path) || dirs.has(path.replace(/\/$/, ''));
  const pattern = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  return [...files].some((file) => pattern.test(file));
}

/** Cited documents in one file's text that are not in the repository. */
export function missingDocuments(
  file: string,
  text: string,
  files: ReadonlySet<string>,
  dirs: ReadonlySet<string>,
): Citation[] {
  const missing: Citation[] = [];
  const scanned = text.replace(URL_PATTERN, (url) => ' '.repeat(url.length));
  // A Markdown link's text names what its target is; the target is checked below.
  const names = file.endsWith('.md')
    ? scanned.replace(/\[([^\]\n]*)\]\(/g, (link, label: string) => `[${' '.repeat(label.length)}](`)
    : scanned;
  for (const match of names.matchAll(DOCUMENT)) {
    const name = match[1]!;
    if (!candidates(file, name).some((path) => exists(path, files, dirs))) {
      missing.push({ file, line: lineAt(text, match.index), cited: name });
    }
  }
  if (file.endsWith('.md')) {
    for (const match of scanned.matchAll(MARKDOWN_LINK)) {
      const target = decodeURIComponent(match[1]!.split('#')[0]!);
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const path = posix.normalize(posix.join(posix.dirname(file), target));
      if (path.startsWith('../') || !exists(path, files, dirs))
        missing.push({ file, line: lineAt(text, match.index), cited: target });
    }
  }
  return missing;
}

/** Ids a citation names: "N9–N11" is N9, N10 and N11. */
function idsOf(list: string): string[] {
  const ids: string[] = [];
  for (const match of list.matchAll(/([NCAO])(\d+)(?:\s*[–-]\s*[NCAO]?(\d+))?/g)) {
    const from = Number(match[2]);
    const to = match[3] === undefined ? from : Number(match[3]);
    for (let n = from; n <= to; n++) ids.push(`${match[1]}${n}`);
  }
  return ids;
}

/** The needs docs/users.md defines: list items that start with a bold id, `- **N12** …`. */
export const definedNeeds = (usersMd: string): Set<string> =>
  new Set([...usersMd.matchAll(/^\s*[-*]\s+\*\*([NCAO]\d+)\b/gm)].map((match) => match[1]!));

/** The principles docs/design.md defines: a numbered list item that starts in bold, `3. **One machine …**`. */
export const definedPrinciples = (designMd: string): Set<string> =>
  new Set([...designMd.matchAll(/^(\d+)\.\s+\*\*/gm)].map((match) => match[1]!));

export function missingIds(
  file: string,
  text: string,
  needs: ReadonlySet<string>,
  principles: ReadonlySet<string>,
): Citation[] {
  const missing: Citation[] = [];
  for (const match of text.matchAll(NEED_IDS)) {
    for (const id of idsOf(match[1]!))
      if (!needs.has(id)) missing.push({ file, line: lineAt(text, match.index), cited: `docs/users.md ${id}` });
  }
  for (const match of text.matchAll(PRINCIPLES)) {
    for (const n of match[1]!.match(/\d+/g)!)
      if (!principles.has(n))
        missing.push({ file, line: lineAt(text, match.index), cited: `docs/design.md principle ${n}` });
  }
  return missing;
}

const show = (citations: Citation[]): string[] => citations.map(({ file, line, cited }) => `${file}:${line}: ${cited}`);

describe('citations of documents', () => {
  const paths = repositoryFiles();
  const files = new Set(paths);
  const dirs = new Set(
    paths.flatMap((path) =>
      path
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const texts = paths
    .map((path) => ({ path, text: textOf(path) }))
    .filter((entry): entry is { path: string; text: string } => entry.text !== null);

  it('finds the design documents in the repository', () => {
    for (const doc of ['docs/design.md', 'docs/users.md', 'docs/plain-language.md', 'README.md', 'CONTRIBUTING.md'])
      expect(files, doc).toContain(doc);
    expect(texts.length).toBeGreaterThan(100);
  });

  it('every cited Markdown document and every relative Markdown link is in the repository', () => {
    expect(show(texts.flatMap(({ path, text }) => missingDocuments(path, text, files, dirs)))).toEqual([]);
  });

  it('every need cited as "docs/users.md N<k>" and every design principle cited by number exists', () => {
    const needs = definedNeeds(readFileSync(resolve(root, 'docs/users.md'), 'utf8'));
    const principles = definedPrinciples(readFileSync(resolve(root, 'docs/design.md'), 'utf8'));
    for (let n = 1; n <= 21; n++) expect(needs, `N${n}`).toContain(`N${n}`);
    expect(show(texts.flatMap(({ path, text }) => missingIds(path, text, needs, principles)))).toEqual([]);
  });

  it('every decision record has a status line', () => {
    const records = paths.filter((path) => /^docs\/decisions\/\d{4}-[^/]+\.md$/.test(path));
    expect(records.length).toBeGreaterThan(10);
    const without = records.filter(
      (path) => !/^Status: [a-z]+ \(\d{4}-\d{2}\)/m.test(readFileSync(resolve(root, path), 'utf8')),
    );
    expect(without).toEqual([]);
  });
});

describe('the citation scanner', () => {
  // Names built at run time, so that this file itself cites nothing that is missing.
  const md = (name: string) => `${name}.md`;
  const files = new Set(
    ['docs/design', 'docs/users', 'docs/decisions/0008-drafts', 'docs/decisions/0010-texts', 'README'].map(md),
  );
  const dirs = new Set(['docs', 'docs/decisions']);
  const cited = (file: string, text: string) => missingDocuments(file, text, files, dirs).map((c) => c.cited);

  it('finds a path from the root or from the file, and a glob', () => {
    expect(
      cited(
        'src/a.ts',
        `// ${md('docs/design')} principle 1; ${md('docs/decisions/0008-drafts')}; ${md('docs/decisions/0010-*')}`,
      ),
    ).toEqual([]);
    expect(cited(md('docs/users'), `see ${md('design')} and ${md('decisions/0008-drafts')}`)).toEqual([]);
    expect(
      cited(md('docs/embedding'), `[drafts](${md('decisions/0008-drafts')}) and [readme](../${md('README')})`),
    ).toEqual([]);
  });

  it('reports a bare name that is not beside the citing file', () => {
    expect(cited('src/a.ts', `// ${md('design')} principle 1; ${md('0008-drafts')}`)).toEqual([
      md('design'),
      md('0008-drafts'),
    ]);
  });

  it('reports a document outside the repository or missing from it', () => {
    expect(cited('src/a.ts', `// see ${md('../shared/docs/design')} and ${md('style')}`)).toEqual([
      md('../shared/docs/design'),
      md('style'),
    ]);
    expect(cited(md('docs/embedding'), `[x](${md('docs/design')})`)).toEqual([md('docs/design')]);
    expect(
      cited('src/a.ts', `fetch('https://example.org/${md('README')}'); const file = \`\${name}${md('')}\`;`),
    ).toEqual([]);
  });

  it('reads need ids as lists and ranges, and principles by number', () => {
    const needs = new Set(['N1', 'N9', 'N10', 'N11', 'C1']);
    const text = (s: string) => missingIds('a.ts', s, needs, new Set(['1', '2'])).map((c) => c.cited);
    expect(text(`${md('users')} N9–N11, N1 and C1; design principles 1 and 2`)).toEqual([]);
    expect(text(`${md('docs/users')} N1, N12; ${md('docs/design')} principle 3`)).toEqual([
      `${md('docs/users')} N12`,
      `${md('docs/design')} principle 3`,
    ]);
    expect(
      text(`[${md('users')}](../${md('users')}) N12 and [${md('design')}](../${md('design')}) principle 3`),
    ).toEqual([`${md('docs/users')} N12`, `${md('docs/design')} principle 3`]);
  });
});

// Terms and typography against each locale's termbase (locales/<lng>/termbase.json, decision 0027): a welfare
// term has one rendering per language, some keep the Norwegian word the user will meet in NAV's letters, and
// a language writes quotes, apostrophes and commas one way. A text that asks about "barnetrygd" with the word
// for "barnebidrag" asks another question; this is the check that catches it before a user answers it.
import { at, finding, type Finding } from './findings.ts';
import { isObject } from './model.ts';
import type { LocaleTexts } from './parity.ts';
import { nbSourceKey } from './text-status.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';

/** nb: each term, the forms that name it in a text (whole words or phrases), and what it means. */
export interface SourceTerm {
  definition: string;
  forms: string[];
}

/** A locale's one rendering of a term. */
export interface TargetTerm {
  /** The rendering, as a translator reads it. */
  translation: string;
  /** How the rendering appears in texts: stems a word starts with (or contains, for languages that attach affixes). */
  forms: string[];
  /** The Norwegian word shown beside the rendering, in parentheses, in every text that uses the term. */
  norwegian?: string;
  /** Renderings that mean something else (or are another word for the same); never used. */
  avoid?: string[];
}

export interface Typography {
  /** The one pair of quotation marks. */
  quotes: [string, string];
  /** The one apostrophe character. */
  apostrophe: string;
  /** The one comma. */
  comma: string;
}

export interface LocaleTermbase {
  /** How the texts address the user, for the translator; `avoid` holds forms of other addresses as patterns. */
  address: { form: string; avoid?: string[] };
  typography: Typography;
  /** 'attached': prefixes and suffixes are written onto the word (ar, ti), so stems may sit inside a word. */
  affixes?: 'attached' | 'separate';
  terms: Record<string, TargetTerm>;
}

export interface TermsInput {
  /** nb terms by id. */
  source: Record<string, SourceTerm>;
  /** nb texts per namespace. */
  nb: Record<string, LocaleTexts>;
  locales: Array<{
    locale: string;
    index: number;
    termbase: LocaleTermbase;
    namespaces: Record<string, LocaleTexts | undefined>;
  }>;
}

const QUOTES = ['"', '“', '”', '„', '«', '»', '‹', '›', '‚'];
const APOSTROPHES = ["'", '’', 'ʼ', '‘'];
const COMMAS = [',', '،', '፣', '፡'];
const LETTER = /[\p{L}\p{M}]/u;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** nb forms are whole words or phrases. */
export const sourcePattern = (forms: string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{M}-])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{M}])`, 'iu');

/** A target stem starts a word; where affixes are attached, it may sit anywhere in one. */
const targetPattern = (forms: string[], affixes: LocaleTermbase['affixes']): RegExp =>
  new RegExp(`${affixes === 'attached' ? '' : '(?<![\\p{L}\\p{M}])'}(?:${forms.map(escape).join('|')})`, 'iu');

/** The characters of a kind a text uses that its termbase does not allow. */
function strays(text: string, kind: readonly string[], allowed: readonly string[]): string[] {
  // Markup and placeholders carry their own quotes: <a href="…">, {{count, number}}.
  const prose = text.replace(/<[^>]*>/g, '').replace(/\{\{[^}]*\}\}/g, '');
  const found = new Set<string>();
  [...prose].forEach((char, i, chars) => {
    if (!kind.includes(char) || allowed.includes(char)) return;
    // A comma between digits is a decimal or thousands mark, not the sentence comma.
    if (COMMAS.includes(char) && /\d/.test(chars[i - 1] ?? '') && /\d/.test(chars[i + 1] ?? '')) return;
    // An apostrophe-like sign between letters (don't, su'aal) is an apostrophe; elsewhere it quotes.
    if (APOSTROPHES.includes(char) && LETTER.test(chars[i - 1] ?? '') && LETTER.test(chars[i + 1] ?? '')) return;
    found.add(char);
  });
  return [...found];
}

/** Apostrophe-like signs used inside words (between letters): the ones that are apostrophes, not quotes. */
function apostrophes(text: string): string[] {
  const found = new Set<string>();
  [...text].forEach((char, i, chars) => {
    if (APOSTROPHES.includes(char) && LETTER.test(chars[i - 1] ?? '') && LETTER.test(chars[i + 1] ?? ''))
      found.add(char);
  });
  return [...found];
}

/** The whole word around a match, so a finding names what the translator wrote. */
function wordAt(text: string, index: number, length: number): string {
  let start = index;
  let end = index + length;
  while (start > 0 && LETTER.test(text[start - 1]!)) start--;
  while (end < text.length && LETTER.test(text[end]!)) end++;
  return text.slice(start, end);
}

export function checkTerms(input: TermsInput): Finding[] {
  const findings: Finding[] = [];
  const sources = Object.entries(input.source).map(([id, term]) => ({ id, pattern: sourcePattern(term.forms) }));
  for (const { locale, index, termbase, namespaces } of input.locales) {
    const pointer = at('/locales', index);
    const { quotes, apostrophe, comma } = termbase.typography;
    const address = (termbase.address.avoid ?? []).map((p) => new RegExp(p, 'u'));
    const renderings = Object.fromEntries(
      Object.entries(termbase.terms).map(([id, term]) => [
        id,
        {
          term,
          pattern: targetPattern(term.forms, termbase.affixes),
          avoid: term.avoid?.length ? targetPattern(term.avoid, termbase.affixes) : undefined,
        },
      ]),
    );
    for (const [namespace, source] of Object.entries(input.nb)) {
      const target = namespaces[namespace];
      if (!target) continue;
      const { file } = target;
      const nbTexts = new Map(textLeaves(source.texts).map(([path, value]) => [path.join('.'), value]));
      for (const [path, value] of textLeaves(target.texts)) {
        if (typeof value !== 'string') continue;
        const key = path.join('.');
        // A plural form or plain variant nb lacks is held to the nb text it translates.
        const nb = nbTexts.get(nbSourceKey(key, nbTexts) ?? key);
        const where = { key, locale, file };
        if (typeof nb === 'string') {
          for (const { id, pattern } of sources) {
            const rendering = renderings[id];
            if (!rendering || !pattern.test(nb)) continue;
            if (!rendering.pattern.test(value))
              findings.push(
                finding('term-rendering', pointer, { ...where, term: id, expected: rendering.term.translation }),
              );
            const norwegian = rendering.term.norwegian;
            if (norwegian && !value.toLocaleLowerCase('nb').includes(norwegian.toLocaleLowerCase('nb')))
              findings.push(finding('term-norwegian-missing', pointer, { ...where, term: id, norwegian }));
          }
        }
        for (const [id, { term, avoid }] of Object.entries(renderings)) {
          const wrong = avoid?.exec(value);
          if (wrong)
            findings.push(
              finding('term-rendering', pointer, {
                ...where,
                term: id,
                expected: term.translation,
                found: wrong[0],
                context: 'avoid',
              }),
            );
        }
        for (const pattern of address) {
          const other = pattern.exec(value);
          if (other)
            findings.push(
              finding('address-form', pointer, {
                ...where,
                found: wordAt(value, other.index, other[0].length),
                address: termbase.address.form,
              }),
            );
        }
        const stray = [
          ...strays(value, [...QUOTES, ...APOSTROPHES], quotes).map((found) => ({
            found,
            expected: quotes.join(' '),
            context: 'quotes',
          })),
          ...apostrophes(value)
            .filter((c) => c !== apostrophe)
            .map((found) => ({ found, expected: apostrophe, context: 'apostrophe' })),
          ...strays(value, COMMAS, [comma]).map((found) => ({ found, expected: comma, context: 'comma' })),
        ];
        for (const params of stray) findings.push(finding('typography-mixed', pointer, { ...where, ...params }));
      }
    }
  }
  return findings;
}

/** The termbase file as written, or undefined when it lacks address, typography or terms. */
export function readTermbase(value: unknown): LocaleTermbase | undefined {
  if (!isObject(value) || !isObject(value.typography) || !isObject(value.terms) || !isObject(value.address))
    return undefined;
  return value as unknown as LocaleTermbase;
}

/** nb's termbase: { terms: { id: { definition, forms } } }. */
export function readSourceTerms(value: unknown): Record<string, SourceTerm> | undefined {
  return isObject(value) && isObject(value.terms) ? (value.terms as Record<string, SourceTerm>) : undefined;
}

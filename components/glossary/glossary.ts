// Hard words that remain (vedtak, stønad, fødselsnummer) explained where they appear (docs/users.md N8,
// docs/plain-language.md "In the product"). The words and explanations are the locale's `glossary` namespace
// (locales/<lng>/glossary.json, in the form package). Each word found in a question's own texts gets a
// native <details> disclosure beside the question: keyboard operable (Enter and Space on the summary),
// announced as expanded or collapsed, works without our script, and never hover-only. It sits after
// the label and hint, not inside them, so the explanation never becomes part of a label or description.
// See docs/decisions/0007-glossary.md.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../../src/i18n/translator.ts';
import type { Texts } from '../../src/browser/i18n.ts';
import { GLOSSARY_NAMESPACE } from '../../src/engine/form-package.ts';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { FieldHost } from '../fields/field-host.ts';

interface Matcher {
  /** Every form of every term, longest first, as whole words. */
  pattern: RegExp | undefined;
  termOf: ReadonlyMap<string, string>;
}

const EMPTY: Matcher = { pattern: undefined, termOf: new Map() };
/**
 * By the glossary's texts of a locale: adding texts to it makes a new object (the rest of a language's texts may
 * bring more of its glossary after its start slice, decision 0038), which gets its own matcher.
 */
const matchers = new WeakMap<object, Matcher>();
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The locale's own glossary only: a Polish text never gets Norwegian explanations. */
function matcherFor(i18n: Translator, locale: string): Matcher {
  const bundle = i18n.getResourceBundle(locale, GLOSSARY_NAMESPACE);
  if (!bundle) return EMPTY;
  const cached = matchers.get(bundle);
  if (cached) return cached;
  const resource = bundle as Record<string, { forms?: unknown }>;
  const termOf = new Map<string, string>();
  for (const [term, entry] of Object.entries(resource)) {
    if (!Array.isArray(entry?.forms)) continue;
    for (const form of entry.forms)
      if (typeof form === 'string' && form.trim()) termOf.set(form.toLocaleLowerCase(locale), term);
  }
  const forms = [...termOf.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Whole words, as the plain-language engine counts them: no letter, digit or hyphen on either side
  // (\b knows only ASCII letters; NAV-kontoret is one word).
  const pattern =
    forms.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  const matcher = forms.length === 0 ? EMPTY : { pattern, termOf };
  matchers.set(bundle, matcher);
  return matcher;
}

/** The glossary terms in the texts, each once, in the order they first appear. */
export function termsIn(texts: Texts, strings: readonly string[]): string[] {
  const { pattern, termOf } = matcherFor(texts.i18n, texts.locale);
  if (!pattern) return [];
  const found: string[] = [];
  for (const text of strings) {
    for (const match of text.matchAll(pattern)) {
      const term = termOf.get(match[0].toLocaleLowerCase(texts.locale));
      if (term !== undefined && !found.includes(term)) found.push(term);
    }
  }
  return found;
}

/** Every text under a key prefix (fields.<id>, attachments.<id>) as the user sees it now: this locale and variant. */
export function textsUnder(texts: Texts, namespace: string, prefix: string): string[] {
  const own = texts.i18n.getResource(texts.locale, namespace, prefix) as unknown;
  const keys = new Set<string>();
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      // label_plain and label are one text: t() picks the variant. Plural suffixes stay.
      keys.add([...path.slice(0, -1), path.at(-1)!.replace(/_plain(?=_|$)/, '')].join('.'));
      return;
    }
    if (node && typeof node === 'object')
      for (const [name, value] of Object.entries(node)) walk(value, [...path, name]);
  };
  walk(own, [prefix]);
  return [...keys].map((key) => texts.t(`${namespace}:${key}`, { number: 1 }));
}

/**
 * The Norwegian word for a term, which the user will meet in NAV's letters; none in Norwegian itself. Read from
 * the locale's own entry, never through the fallback chain (an nb entry has no `nb`).
 */
function norwegianOf(texts: Texts, term: string): string | undefined {
  if (/^(nb|nn|no)\b/.test(texts.locale)) return undefined;
  const word = texts.i18n.getResource(texts.locale, GLOSSARY_NAMESPACE, `${term}.nb`) as unknown;
  return typeof word === 'string' && word ? word : undefined;
}

/** A disclosure per glossary term found in the texts; nothing when there is none. */
export function glossaryTemplate(texts: Texts, strings: readonly string[]): TemplateResult | typeof nothing {
  const terms = termsIn(texts, strings);
  if (terms.length === 0) return nothing;
  return html`<div class="glossary" part="glossary">
    ${terms.map((term) => {
      const norwegian = norwegianOf(texts, term);
      // dir="ltr" isolates the Norwegian word inside a right-to-left explanation.
      return html`<details class="term" part="glossary-term" data-term=${term}>
        <summary>${texts.t('widget:glossary.what', { term })}</summary>
        <p class="term-explanation">${texts.t(`${GLOSSARY_NAMESPACE}:${term}.explanation`)}</p>
        ${
          norwegian
            ? html`<p class="term-norwegian">
              ${texts.t('widget:glossary.norwegian')} <span lang="nb" dir="ltr">${norwegian}</span>
            </p>`
            : nothing
        }
      </details>`;
    })}
  </div>`;
}

export const glossaryStyles = css`
  .glossary { margin-block-end: calc(var(--_space) / 2); }
  .term > summary {
    display: inline-block;
    min-block-size: 1.5rem;
    color: var(--_accent);
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .term > summary:hover { text-decoration-style: solid; }
  .term-explanation {
    margin: calc(var(--_space) / 4) 0 calc(var(--_space) / 2);
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_border);
  }
  .term-norwegian { margin: 0 0 calc(var(--_space) / 2); padding-inline-start: calc(var(--_space) + 4px); }
`;

/** Disclosures for the hard words in every text of a field (label, hint, why, options, guidance). */
export const fieldGlossary = (host: FieldHost, field: FieldDefinition): TemplateResult | typeof nothing =>
  glossaryTemplate(host.texts, textsUnder(host.texts, host.definition.id, `fields.${field.id}`));

// The glossary: hard words that remain (vedtak, stønad, arbeidsavklaringspenger), with a plain explanation
// per word for the UI. One list per locale, as data (src/plain/data/glossary.<locale>.json).
import nb from './data/glossary.nb.json' with { type: 'json' };
import nn from './data/glossary.nn.json' with { type: 'json' };
import { languageOf } from './rules/context.ts';

export interface GlossaryTerm {
  term: string;
  /** Forms to recognise in a text, lower case. */
  forms: string[];
  explanation: string;
}

const GLOSSARIES: Record<string, GlossaryTerm[]> = { nb: nb.terms, nn: nn.terms };
const FORMS = new Map<string, ReadonlySet<string>>();

/** The glossary of a locale (empty where we keep none). */
export const glossaryTerms = (locale: string): readonly GlossaryTerm[] => GLOSSARIES[languageOf(locale)] ?? [];

/** All glossary forms of a locale, lower case. */
export function glossaryForms(locale: string): ReadonlySet<string> {
  const language = languageOf(locale);
  let forms = FORMS.get(language);
  if (!forms) {
    forms = new Set(glossaryTerms(language).flatMap((t) => t.forms.map((f) => f.toLocaleLowerCase())));
    FORMS.set(language, forms);
  }
  return forms;
}

/** The glossary term a word is a form of, if any. */
export function glossaryTermFor(word: string, locale: string): GlossaryTerm | undefined {
  const lower = word.toLocaleLowerCase();
  return glossaryTerms(locale).find((t) => t.forms.includes(lower));
}

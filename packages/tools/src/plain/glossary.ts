// The glossary: hard words that remain (vedtak, stønad, arbeidsavklaringspenger), with a plain explanation
// per word. One i18next namespace per locale, locales/<lng>/glossary.json, shared with the widget, which
// offers the explanation where a word appears (docs/decisions/0007-glossary.md):
// { "<term as shown>": { "forms": [<forms to recognise, lower case>], "explanation": "…" } }.
import en from '../../../../locales/en/glossary.json' with { type: 'json' };
import nb from '../../../../locales/nb/glossary.json' with { type: 'json' };
import nn from '../../../../locales/nn/glossary.json' with { type: 'json' };
import { languageOf } from './rules/context.ts';

export interface GlossaryTerm {
  term: string;
  /** Forms to recognise in a text, lower case. */
  forms: string[];
  explanation: string;
}

/**
 * A locale's glossary namespace as stored in locales/<lng>/glossary.json. `nb`, in every locale but nb: the
 * Norwegian word the user meets in NAV's letters, shown beside the explanation outside nb and nn.
 */
export type GlossaryResource = Record<string, { forms: string[]; explanation: string; nb?: string }>;

/** Glossaries without their Norwegian words, which are not texts of the locale (the linter reads the rest). */
export const withoutNorwegianWords = <T>(texts: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.entries(texts).map(([locale, resource]) => [
      locale,
      Object.fromEntries(
        Object.entries(resource as Record<string, unknown>).map(([term, entry]) => {
          if (typeof entry !== 'object' || entry === null || !('nb' in entry)) return [term, entry];
          const { nb: _norwegian, ...rest } = entry as Record<string, unknown>;
          return [term, rest];
        }),
      ) as T,
    ]),
  );

const asTerms = (resource: GlossaryResource): GlossaryTerm[] =>
  Object.entries(resource).map(([term, { forms, explanation }]) => ({ term, forms, explanation }));

const GLOSSARIES: Record<string, GlossaryTerm[]> = { nb: asTerms(nb), nn: asTerms(nn), en: asTerms(en) };
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

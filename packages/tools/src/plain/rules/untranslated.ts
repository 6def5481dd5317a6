// Untranslated: a text identical to the source language's text of the same key, long enough to need a
// translation and not only names, numbers and placeholders. Not between bokmål and nynorsk, which share
// many texts word for word (Telefon, Før du sender).
import type { PlainConfig } from '../config.ts';
import type { Segmented } from '../segment.ts';
import { languageOf } from './context.ts';
import { plainRule } from './rule.ts';

/** Long enough to need a translation, and not only names, numbers and placeholders. */
function looksTranslatable(segmented: Segmented, config: PlainConfig): boolean {
  const words = segmented.words.filter((w) => w.letters > 0);
  if (words.length < config.untranslated.minWords) return false;
  return words.some((w) => !/^\p{Lu}/u.test(w.text));
}

export const untranslated = plainRule({
  id: 'untranslated',
  meta: {
    severity: 'warning',
    name: 'rules.untranslated.name',
    docs: {
      description: 'Warn about a translation identical to the source text (not between bokmål and nynorsk).',
      url: 'docs/plain-language.md#untranslated',
    },
    messages: { sameAsSource: 'rules.untranslated.message', translate: 'rules.untranslated.suggestion' },
    appliesTo: { scope: ['counterparts'], languages: 'translations', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'Hva velger du?', locale: 'en', source: 'Hva velger du?', found: [''] },
      { text: 'Du må sende skjemaet.', locale: 'pl', source: 'Du må sende skjemaet. ', found: [''] },
    ],
    pass: [
      { text: 'Hva velger du?', locale: 'nn', source: 'Hva velger du?', note: 'nynorsk shares texts with bokmål' },
      { text: 'Telefon', locale: 'en', source: 'Telefon', note: 'fewer than three words' },
      { text: 'Ola Nordmann Hansen', locale: 'en', source: 'Ola Nordmann Hansen', note: 'only names' },
      { text: 'What do you choose?', locale: 'en', source: 'Hva velger du?' },
    ],
  },
  check({ item, segmented, source, config, language }) {
    if (source === undefined) return [];
    const norwegian =
      config.norwegianLocales.includes(language) && config.norwegianLocales.includes(languageOf(source.locale));
    if (norwegian || item.text.trim() !== source.text.trim() || !looksTranslatable(segmented, config)) return [];
    return [
      {
        message: 'sameAsSource' as const,
        suggestion: 'translate' as const,
        severity: 'warning' as const,
        words: [],
        params: { source: { language: source.locale } },
      },
    ];
  },
});

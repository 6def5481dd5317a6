// Bokmål forms in a nynorsk text (ikke, jeg, hva, hvis …): a reader who chose nynorsk should get nynorsk,
// and a mixed text looks unfinished. The list holds only words that are wrong in nynorsk in every sense.
import data from '../data/bokmal-forms.json' with { type: 'json' };
import { plainRule } from './rule.ts';

const FORMS: Readonly<Record<string, readonly string[]>> = data.forms;

export const bokmalInNynorsk = plainRule({
  id: 'bokmal-in-nynorsk',
  meta: {
    severity: 'warning',
    name: 'rules.bokmal-in-nynorsk.name',
    docs: {
      description: 'Warn about bokmål forms in a nynorsk text (ikke, jeg, hva) and give the nynorsk form.',
      url: 'docs/plain-language.md#bokmal-in-nynorsk',
    },
    messages: { bokmal: 'rules.bokmal-in-nynorsk.message', useNynorsk: 'rules.bokmal-in-nynorsk.suggestion' },
    appliesTo: { scope: ['text'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'Du kan ikke søkje før du har fått svar.', locale: 'nn', found: ['ikke'] },
      { text: 'Hva er situasjonen din? Eg trenger hjelp.', locale: 'nn', found: ['Hva', 'trenger'] },
    ],
    pass: [
      { text: 'Du kan ikkje søkje før du har fått svar.', locale: 'nn' },
      { text: 'Du kan ikke søke før du har fått svar.', note: 'bokmål text' },
      { text: 'Legg ved inntekter og utgifter.', locale: 'nn', note: 'words that are nynorsk too' },
    ],
  },
  check({ segmented, norwegian }) {
    if (norwegian !== 'nn') return [];
    return segmented.words.flatMap((word) => {
      const nynorsk = word.placeholder ? undefined : FORMS[word.lower];
      if (nynorsk === undefined) return [];
      return [
        {
          message: 'bokmal' as const,
          suggestion: 'useNynorsk' as const,
          words: [word.text],
          span: { start: word.start, end: word.end },
          params: { alternatives: { alternatives: nynorsk } },
        },
      ];
    });
  },
});

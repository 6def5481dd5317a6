// Repeated words: the same word twice in a row («og og», «du du»), a slip the eye reads past.
import { plainRule, type RuleFinding } from './rule.ts';
import { wordsWithBreaks } from './context.ts';

export const repeatedWord = plainRule({
  id: 'repeated-word',
  meta: {
    severity: 'warning',
    name: 'rules.repeated-word.name',
    docs: {
      description: 'Warn about the same word twice in a row with nothing between (og og).',
      url: 'docs/plain-language.md#repeated-word',
    },
    messages: { repeated: 'rules.repeated-word.message', removeOne: 'rules.repeated-word.suggestion' },
    appliesTo: { scope: ['sentence'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'Send søknaden og og vedleggene.', found: ['og og'] },
      { text: 'Du må må sende den.', found: ['må må'] },
      { text: 'Please send the the form.', locale: 'en', found: ['the the'] },
    ],
    pass: [
      { text: 'Det det gjelder, er fristen.', note: 'a comma or not, «det det» is grammatical Norwegian' },
      { text: 'Skriv 10 10 ganger.', note: 'numbers' },
      { text: 'Ja, ja.', note: 'punctuation between' },
    ],
  },
  check({ segmented, sentence }) {
    const entries = wordsWithBreaks(segmented, sentence);
    const out: Array<RuleFinding<'repeated' | 'removeOne'>> = [];
    for (let i = 1; i < entries.length; i++) {
      const previous = entries[i - 1]!;
      const { word } = entries[i]!;
      if (previous.breakAfter || word.letters === 0 || word.placeholder) continue;
      if (word.lower !== previous.word.lower || ALLOWED_TWICE.has(word.lower)) continue;
      out.push({
        message: 'repeated' as const,
        suggestion: 'removeOne' as const,
        words: [previous.word.text, word.text],
        span: { start: previous.word.start, end: word.end },
      });
    }
    return out;
  },
});

/** Words that stand twice in a row in correct Norwegian: «Det det gjelder, er …», «det som som regel skjer». */
const ALLOWED_TWICE = new Set(['det', 'som', 'den', 'de', 'dei']);

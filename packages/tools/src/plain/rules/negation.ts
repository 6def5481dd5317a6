// Negations: two in one clause («ikke … ingen», «ikke ulik») or «ikke … uten» («Du kan ikke søke uten
// BankID»). The reader has to turn the sentence round twice; a positive sentence says the same («Du må ha
// BankID for å søke»). A clause ends at punctuation or at «og», «eller», «men» (two negated clauses side by
// side are not a double negation).
import { plainRule, type RuleFinding } from './rule.ts';
import { wordsWithBreaks } from './context.ts';

interface Lists {
  negations: Set<string>;
  without: Set<string>;
  negativeAdjectives: Set<string>;
  clauseBreaks: Set<string>;
  notNegatingAfter: Set<string>;
}

const LISTS: Record<'nb' | 'nn', Lists> = {
  nb: {
    negations: new Set(['ikke', 'ingen', 'intet', 'aldri', 'ingenting', 'verken', 'hverken']),
    without: new Set(['uten']),
    negativeAdjectives: new Set(
      'ulik ulikt umulig uvanlig usannsynlig uviktig uvesentlig ubetydelig urimelig uaktuell ukjent uenig ulovlig urealistisk'.split(
        ' ',
      ),
    ),
    clauseBreaks: new Set(['og', 'eller', 'men', 'fordi', 'hvis', 'når', 'at', 'som', 'selv']),
    notNegatingAfter: new Set(['bare', 'minst', 'lenger', 'før']),
  },
  nn: {
    negations: new Set(['ikkje', 'ingen', 'inga', 'inkje', 'aldri', 'ingenting', 'verken', 'korkje']),
    without: new Set(['utan']),
    negativeAdjectives: new Set(
      'ulik ulikt umogleg uvanleg usannsynleg uviktig uvesentleg ubetydeleg urimeleg uaktuell ukjend usamd ulovleg'.split(
        ' ',
      ),
    ),
    clauseBreaks: new Set(['og', 'eller', 'men', 'fordi', 'viss', 'dersom', 'når', 'at', 'som', 'sjølv']),
    notNegatingAfter: new Set(['berre', 'minst', 'lenger', 'før']),
  },
};

export const negation = plainRule({
  id: 'negation',
  meta: {
    severity: 'warning',
    name: 'rules.negation.name',
    docs: {
      description: 'Warn about two negations in one clause (ikke … ingen, ikke ulik) and «ikke … uten».',
      url: 'docs/plain-language.md#negation',
    },
    messages: { double: 'rules.negation.message', positive: 'rules.negation.suggestion' },
    appliesTo: { scope: ['sentence'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'Du kan ikke søke uten BankID.', found: ['ikke uten'] },
      { text: 'Det er ikke uvanlig at saken tar tid.', found: ['ikke uvanlig'] },
      { text: 'Du har ikke ingen rett til stønad.', found: ['ikke ingen'] },
      { text: 'Du kan ikkje søkje utan BankID.', locale: 'nn', found: ['ikkje utan'] },
    ],
    pass: [
      { text: 'Du kan ikke søke før du har BankID.' },
      { text: 'Hvis du ikke har inntekt og ingen formue, kan du få stønad.', note: 'two clauses side by side' },
      { text: 'Du kan søke uten BankID.', note: 'one negation' },
      { text: 'Det er ikke bare uten grunn.', note: '«ikke bare» is no negation of the next word' },
    ],
  },
  check({ segmented, sentence, norwegian }) {
    if (norwegian === undefined) return [];
    const l = LISTS[norwegian];
    const entries = wordsWithBreaks(segmented, sentence);
    const out: Array<RuleFinding<'double' | 'positive'>> = [];
    let open: number | undefined; // the first negation of the current clause
    for (let i = 0; i < entries.length; i++) {
      const { word, breakAfter } = entries[i]!;
      const w = word.lower;
      if (l.clauseBreaks.has(w)) open = undefined;
      if (open !== undefined && l.notNegatingAfter.has(w) && i === open + 1) open = undefined;
      const second =
        open !== undefined &&
        (l.negations.has(w) || l.without.has(w) || (i === open + 1 && l.negativeAdjectives.has(w)));
      if (second && open !== undefined) {
        const first = entries[open]!.word;
        out.push({
          message: 'double' as const,
          suggestion: 'positive' as const,
          words: [first.text, word.text],
          span: { start: first.start, end: word.end },
        });
        open = undefined;
      } else if (l.negations.has(w)) {
        open = i;
      }
      if (breakAfter) open = undefined;
    }
    return out;
  },
});

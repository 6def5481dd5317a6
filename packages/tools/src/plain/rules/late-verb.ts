// The main verb late: a sentence that opens with a long condition or phrase before the main clause
// («Dersom du i løpet av de siste tre månedene har mottatt …, må du …»). The reader holds it all in mind
// before learning what to do. Found where a sentence opens with a subordinating word or a preposition and
// the main clause starts after more than `MAX_OPENING` words (see mainClauseStart).
import { plainRule } from './rule.ts';
import { wordsWithBreaks } from './context.ts';

const MAX_OPENING = 8;
const OPENERS: Record<'nb' | 'nn', Set<string>> = {
  nb: new Set(
    'hvis dersom når fordi siden ettersom om selv etter før innen inntil mens da ved i på for med under gjennom som til fra uten hva hvor'.split(
      ' ',
    ),
  ),
  nn: new Set(
    'viss dersom når fordi sidan ettersom om sjølv etter før innan inntil medan då ved i på for med under gjennom som til frå utan kva kor'.split(
      ' ',
    ),
  ),
};

export const lateVerb = plainRule({
  id: 'late-verb',
  meta: {
    severity: 'info',
    name: 'rules.late-verb.name',
    docs: {
      description: 'Point out a sentence that opens with a long clause or phrase, so that its main verb comes late.',
      url: 'docs/plain-language.md#late-verb',
    },
    messages: { late: 'rules.late-verb.message', mainFirst: 'rules.late-verb.suggestion' },
    appliesTo: { scope: ['sentence'], languages: 'norwegian', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        text: 'Dersom du i løpet av de siste tre månedene har mottatt penger fra andre, må du si fra.',
        found: ['Dersom du i løpet av de siste tre månedene har mottatt penger fra andre'],
      },
      {
        text: 'Viss du har fått utbetalt pengar frå andre enn Nav dei siste månadene, må du seie frå.',
        locale: 'nn',
        found: ['Viss du har fått utbetalt pengar frå andre enn Nav dei siste månadene'],
      },
    ],
    pass: [
      { text: 'Hvis du har barn, må du si fra.', note: 'a short condition first is fine' },
      { text: 'Du må si fra hvis du i løpet av de siste tre månedene har fått penger fra andre.' },
      {
        text: 'Når du gir en annen person lov til å gjøre noe for deg, for eksempel å snakke med NAV.',
        note: 'no main clause at all (a glossary explanation)',
      },
    ],
  },
  check({ segmented, sentence, norwegian }) {
    if (norwegian === undefined) return [];
    const entries = wordsWithBreaks(segmented, sentence);
    if (entries.length === 0 || !OPENERS[norwegian].has(entries[0]!.word.lower)) return [];
    const mainAt = mainClauseStart(segmented.text, entries, norwegian);
    // A sentence that is all opening (a heading, a question) has no late verb.
    if (mainAt === undefined || mainAt <= MAX_OPENING) return [];
    const opening = entries.slice(0, mainAt).map((e) => e.word);
    const start = opening[0]!.start;
    const end = opening[opening.length - 1]!.end;
    return [
      {
        message: 'late' as const,
        suggestion: 'mainFirst' as const,
        words: [segmented.text.slice(start, end)],
        span: { start, end },
        params: { count: opening.length },
      },
    ];
  },
});

/**
 * Where the main clause starts, as a word index: after the first comma when a finite verb or its subject
 * follows, or (where the writer left the comma out) at a verb followed by its subject («… må du», «… kan
 * vi»), the inverted order of a main clause after a fronted clause. Undefined when there is none.
 */
function mainClauseStart(
  text: string,
  entries: ReturnType<typeof wordsWithBreaks>,
  locale: 'nb' | 'nn',
): number | undefined {
  for (let i = 1; i < entries.length - 1; i++) {
    const previous = entries[i - 1]!;
    const next = entries[i + 1]!.word.lower;
    // After a comma, a main clause opens with its finite verb («…, må du»); «…, for eksempel …» is no main clause.
    if (previous.breakAfter && text.slice(previous.word.end, entries[i]!.word.start).includes(','))
      return FINITE[locale].has(entries[i]!.word.lower) || SUBJECTS[locale].has(next) ? i : undefined;
    if (!previous.breakAfter && SUBJECTS[locale].has(next) && FINITE[locale].has(entries[i]!.word.lower)) return i;
  }
  return undefined;
}

const SUBJECTS: Record<'nb' | 'nn', Set<string>> = {
  nb: new Set('du vi jeg dere de det han hun den nav'.split(' ')),
  nn: new Set('du vi eg de dei det han ho den nav'.split(' ')),
};
/** Finite verbs that open an inverted main clause (må du, kan vi, får du). */
const FINITE: Record<'nb' | 'nn', Set<string>> = {
  nb: new Set('må kan skal vil bør får har er blir kommer gjelder trenger ønsker'.split(' ')),
  nn: new Set('må kan skal vil bør får har er blir kjem gjeld treng ønskjer'.split(' ')),
};

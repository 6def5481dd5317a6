// Leftovers from writing: XXX, TODO, FIXME, TBD, Lorem ipsum.
import { plainRule } from './rule.ts';

const LEFTOVER = /\b(?:XXX+|TODO|FIXME|TBD)\b|\blorem\b|\bipsum\b/giu;

export function findLeftovers(text: string): string[] {
  return [...text.matchAll(LEFTOVER)].map((m) => m[0]);
}

export const leftover = plainRule({
  id: 'leftover',
  meta: {
    severity: 'error',
    name: 'rules.leftover.name',
    docs: {
      description: 'Report placeholders left from writing (XXX, TODO, FIXME, TBD, Lorem ipsum).',
      url: 'docs/plain-language.md#leftover',
    },
    messages: { leftover: 'rules.leftover.message', finish: 'rules.leftover.suggestion' },
    appliesTo: { scope: ['text'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'TODO: skriv tekst. XXX Lorem ipsum', found: ['TODO', 'XXX', 'Lorem', 'ipsum'] },
      { text: 'Skriv XXX her.', found: ['XXX'], details: [{ severity: 'error' }] },
    ],
    pass: [{ text: 'Du må ta med legitimasjon.' }, { text: 'Skriv XX her, eller TODOS.', note: 'whole words only' }],
  },
  check({ item }) {
    return findLeftovers(item.text).map((found) => ({
      message: 'leftover' as const,
      suggestion: 'finish' as const,
      severity: 'error' as const,
      words: [found],
    }));
  },
});

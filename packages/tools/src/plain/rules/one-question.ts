// One question per field: a question or title with more than one question mark (Latin, Arabic, Ethiopic).
import { plainRule } from './rule.ts';

export const oneQuestion = plainRule({
  id: 'one-question',
  meta: {
    severity: 'warning',
    name: 'rules.one-question.name',
    docs: {
      description: 'Warn about a question or title that asks more than one thing (more than one question mark).',
      url: 'docs/plain-language.md#one-question',
    },
    messages: { manyQuestions: 'rules.one-question.message', split: 'rules.one-question.suggestion' },
    appliesTo: {
      scope: ['text'],
      languages: 'all',
      variants: ['standard', 'plain'],
      roles: ['question', 'title'],
    },
  },
  examples: {
    flag: [
      { text: 'Har du barn? Hvor gamle er de?', role: 'question', found: [''], details: [{ value: 2, limit: 1 }] },
      { text: 'هل لديك أطفال؟ كم أعمارهم؟', locale: 'ar', role: 'title', found: [''] },
    ],
    pass: [
      { text: 'Har du barn under 18 år?', role: 'question' },
      {
        text: 'Har du barn? Hvor gamle er de?',
        role: 'help',
        note: 'help texts may ask the reader more than one thing',
      },
    ],
  },
  check({ item }) {
    const count = (item.text.match(/[?\u061F\u1367]/g) ?? []).length;
    if (count <= 1) return [];
    return [
      {
        message: 'manyQuestions' as const,
        suggestion: 'split' as const,
        severity: 'warning' as const,
        words: [],
        params: { count },
        value: count,
        limit: 1,
      },
    ];
  },
});

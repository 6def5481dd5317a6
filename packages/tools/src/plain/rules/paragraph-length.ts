// Paragraph length: sentences per paragraph (paragraphs are separated by an empty line).
import { spanOf } from '../segment.ts';
import { plainRule } from './rule.ts';

export const paragraphLength = plainRule({
  id: 'paragraph-length',
  meta: {
    severity: 'warning',
    name: 'rules.paragraph-length.name',
    docs: {
      description: 'Warn about a paragraph with more sentences than its variant allows.',
      url: 'docs/plain-language.md#paragraph-length',
    },
    messages: { tooLong: 'rules.paragraph-length.message', split: 'rules.paragraph-length.suggestion' },
    appliesTo: { scope: ['text'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'En. To. Tre. Fire.', found: [''], details: [{ value: 4, limit: 3 }] },
      { text: 'En. To. Tre.', variant: 'plain', found: [''], details: [{ value: 3, limit: 2 }] },
    ],
    pass: [{ text: 'En. To. Tre.' }, { text: 'En. To. Tre.\n\nFire. Fem.', note: 'two paragraphs' }],
  },
  check({ item, segmented, config }) {
    const limit = config.paragraphSentences[item.variant].warn;
    if (limit === undefined) return [];
    return segmented.paragraphs
      .filter((paragraph) => paragraph.sentences.length > limit)
      .map((paragraph) => ({
        message: 'tooLong' as const,
        suggestion: 'split' as const,
        severity: 'warning' as const,
        words: [],
        params: { count: paragraph.sentences.length, limit },
        value: paragraph.sentences.length,
        limit,
        span: spanOf(paragraph.sentences.flatMap((sentence) => sentence.words)),
      }));
  },
});

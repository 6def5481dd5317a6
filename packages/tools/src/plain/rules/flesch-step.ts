// Flesch Reading Ease per step (English): the plain variant at least 60, once the step has an own plain text.
import { plainRule } from './rule.ts';

const round1 = (value: number): number => Math.round(value * 10) / 10;

export const fleschStep = plainRule({
  id: 'flesch-step',
  meta: {
    severity: 'error',
    name: 'rules.flesch-step.name',
    docs: {
      description: 'Fail a step whose plain English variant scores below the Flesch Reading Ease bar (60).',
      url: 'docs/plain-language.md#flesch-step',
    },
    messages: { tooLow: 'rules.flesch-step.message', simplify: 'rules.flesch-step.suggestion' },
    appliesTo: { scope: ['step'], languages: 'flesch', variants: ['plain'] },
  },
  examples: {
    flag: [
      {
        text: 'Applicants must substantiate their eligibility through comprehensive documentation.',
        locale: 'en',
        variant: 'plain',
        found: [''],
        details: [{ variant: 'plain', limit: 60 }],
      },
    ],
    pass: [
      { text: 'You can send the form now. We will call you.', locale: 'en', variant: 'plain' },
      {
        text: 'Applicants must substantiate their eligibility through comprehensive documentation.',
        locale: 'en',
        note: 'the bar is for the plain variant only',
      },
    ],
  },
  check({ measures, hasPlain, config }) {
    const { plain } = measures;
    if (!hasPlain || plain.flesch === undefined || plain.flesch >= config.flesch.stepMin.plain) return [];
    const value = round1(plain.flesch);
    const limit = config.flesch.stepMin.plain;
    return [
      {
        message: 'tooLow' as const,
        suggestion: 'simplify' as const,
        severity: 'error' as const,
        variant: 'plain' as const,
        words: [],
        params: { value, limit },
        value,
        limit,
      },
    ];
  },
});

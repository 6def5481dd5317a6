// LIX per step (bokmål, nynorsk): the standard variant at most 40; where the step has an own plain text in
// the locale, the plain variant at most 33 and below the standard variant (docs/plain-language.md, decision 0004).
import { plainRule, type RuleFinding } from './rule.ts';

const round1 = (value: number): number => Math.round(value * 10) / 10;

type LixMessage = 'tooHigh' | 'plainTooHigh' | 'plainNotLower' | 'shorten';

export const lixStep = plainRule({
  id: 'lix-step',
  meta: {
    severity: 'error',
    name: 'rules.lix-step.name',
    docs: {
      description:
        'Fail a step whose LIX breaks the bar: standard ≤ 40; plain ≤ 33 and below standard once it has a plain text.',
      url: 'docs/plain-language.md#lix-step',
    },
    messages: {
      tooHigh: 'rules.lix-step.message',
      plainTooHigh: 'rules.lix-step.message_plain',
      plainNotLower: 'rules.lix-step.message_notLower',
      shorten: 'rules.lix-step.suggestion',
    },
    appliesTo: { scope: ['step'], languages: 'lix', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      {
        // 3 words, 1 sentence, 3 long words: LIX 3 + 100 = 103
        text: 'Arbeidsavklaringspenger utbetales etterskuddsvis.',
        found: [''],
        details: [{ variant: 'standard', value: 103, limit: 40 }],
      },
      {
        text: 'Arbeidsavklaringspenger kommer etterpå.',
        variant: 'plain',
        standard: 'Arbeidsavklaringspenger utbetales etterskuddsvis.',
        found: ['', ''],
        details: [
          { variant: 'standard', value: 103, limit: 40 },
          { variant: 'plain', value: 69.7, limit: 33 },
        ],
      },
      {
        text: 'Du får svar i dag, og vi ringer deg.',
        variant: 'plain',
        standard: 'Du får svar i dag.',
        found: [''],
        details: [{ variant: 'plain', value: 9, limit: 5 }],
        note: 'the plain variant must score below the standard one',
      },
    ],
    pass: [
      { text: 'Du får svar i dag.' },
      { text: 'Du får svar snart.', variant: 'plain', standard: 'Du får svar fra oss innen fire uker.' },
      { text: 'Arbeidsavklaringspenger utbetales etterskuddsvis.', locale: 'en', note: 'LIX locales only' },
    ],
  },
  check({ measures, hasPlain, config }) {
    const out: Array<RuleFinding<LixMessage>> = [];
    const { standard, plain } = measures;
    if (standard.lix === undefined) return out;
    const max = config.lix.stepMax;
    const finding = (message: LixMessage, variant: 'standard' | 'plain', value: number, limit: number) =>
      out.push({
        message,
        suggestion: 'shorten',
        severity: 'error',
        variant,
        words: [],
        params: { value, limit },
        value,
        limit,
      });
    if (standard.lix > max.standard) finding('tooHigh', 'standard', round1(standard.lix), max.standard);
    if (hasPlain && plain.lix !== undefined) {
      if (plain.lix > max.plain) finding('plainTooHigh', 'plain', round1(plain.lix), max.plain);
      if (config.lix.plainBelowStandard && plain.lix >= standard.lix)
        finding('plainNotLower', 'plain', round1(plain.lix), round1(standard.lix));
    }
    return out;
  },
});

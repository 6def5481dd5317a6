// Placeholders: {{name}} in a translation must be those of the source language (a plural form may leave
// out {{count}}); an own plain text may not use a placeholder its standard text lacks; and braces must come
// in pairs ({{name} is broken).
import { placeholders } from '../segment.ts';
import { pluralOf } from '../texts.ts';
import { plainRule, type RuleFinding } from './rule.ts';

const VALID_PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const BRACES = /\{\{[^{}\s]*\}?|\{?[^{}\s]*\}\}/g; // double braces without their pair; single braces are left alone

/** Broken placeholders: {{name} or {name}} or {{ without an end. */
export function findBrokenPlaceholders(text: string): string[] {
  const rest = text.replace(VALID_PLACEHOLDER, (m) => ' '.repeat(m.length));
  return [...rest.matchAll(BRACES)].map((m) => m[0]);
}

export interface PlaceholderDifference {
  missing: string[];
  extra: string[];
}

/** Placeholders of a text compared with the source text of the same key. */
export function comparePlaceholders(
  text: string,
  source: string,
  options: { allowMissing?: readonly string[]; allowMissingAll?: boolean } = {},
): PlaceholderDifference {
  const own = placeholders(text);
  const theirs = placeholders(source);
  const missing = options.allowMissingAll
    ? []
    : theirs.filter((p) => !own.includes(p) && !(options.allowMissing ?? []).includes(p));
  return { missing, extra: own.filter((p) => !theirs.includes(p)) };
}

const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!);
const braced = (names: readonly string[]): string[] => names.map((n) => `{{${n}}}`);

export const placeholderMismatch = plainRule({
  id: 'placeholder-mismatch',
  meta: {
    severity: 'error',
    name: 'rules.placeholder-mismatch.name',
    docs: {
      description:
        'Report placeholders that differ from the source language, plain-text placeholders the standard text lacks, and broken braces.',
      url: 'docs/plain-language.md#placeholder-mismatch',
    },
    messages: {
      differs: 'rules.placeholder-mismatch.message',
      useSource: 'rules.placeholder-mismatch.suggestion',
      plainExtra: 'rules.placeholder-mismatch.message_plain',
      useStandard: 'rules.placeholder-mismatch.suggestion_plain',
      broken: 'rules.placeholder-mismatch.message_broken',
      useBraces: 'rules.placeholder-mismatch.suggestion_broken',
    },
    appliesTo: { scope: ['text', 'counterparts'], languages: 'all', variants: ['standard', 'plain'] },
  },
  examples: {
    flag: [
      { text: 'Hei {{name}, velkommen {{place}}.', found: ['{{name}'] },
      {
        text: 'It shows what you pay each month for {{wat}}.',
        locale: 'en',
        source: 'Den viser hva du betaler hver måned for {{what}}.',
        found: ['{{what}} {{wat}}'],
      },
      {
        text: 'Den viser {{sum}}.',
        variant: 'plain',
        standard: 'Den viser hva du betaler.',
        found: ['{{sum}}'],
        details: [{ variant: 'plain' }],
      },
    ],
    pass: [
      { text: 'Hei {{name}}, velkommen.' },
      { text: 'Hello {{ name }}.', locale: 'en', source: 'Hei {{name}}.' },
      { text: 'Den viser {{sum}}.', variant: 'plain', standard: 'Du betaler {{sum}} i måneden.' },
      {
        text: 'Den viser summen.',
        variant: 'plain',
        standard: 'Du betaler {{sum}} i måneden.',
        note: 'a plain text may leave a placeholder out',
      },
      {
        text: 'One left',
        key: 'left_one',
        locale: 'en',
        source: '{{count}} igjen',
        note: 'a plural form may leave out {{count}}',
      },
    ],
  },
  check(context) {
    const { item } = context;
    if (context.scope === 'text') {
      return findBrokenPlaceholders(item.text).map((broken) => ({
        message: 'broken' as const,
        suggestion: 'useBraces' as const,
        severity: 'error' as const,
        words: [broken],
        params: { example: '{{name}}' },
      }));
    }
    const out: Array<RuleFinding<'plainExtra' | 'useStandard' | 'differs' | 'useSource'>> = [];
    if (context.standard !== undefined) {
      const { extra } = comparePlaceholders(item.text, context.standard, { allowMissingAll: true });
      if (extra.length > 0)
        out.push({
          message: 'plainExtra' as const,
          suggestion: 'useStandard' as const,
          severity: 'error' as const,
          words: braced(extra),
          params: { extra: { list: extra } },
        });
    }
    if (context.source !== undefined) {
      const allowMissing = pluralOf(item.key) === undefined ? [] : ['count'];
      const { missing, extra } = comparePlaceholders(item.text, context.source.text, { allowMissing });
      if (missing.length > 0 || extra.length > 0)
        out.push({
          message: 'differs' as const,
          suggestion: 'useSource' as const,
          severity: 'error' as const,
          words: braced([...missing, ...extra]),
          params: {
            source: { language: context.source.locale },
            missing: { list: missing },
            extra: { list: extra },
            example: braced(placeholdersOf(context.source.text)).join(' ') || '{{name}}',
          },
        });
    }
    return out;
  },
});

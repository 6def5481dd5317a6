// Runs a rule's example through the public lint API, as a form's text would be linted: lintText for a text
// on its own, lintCollection where the example has a source text or a standard text to compare with.
import { lintCollection, lintText, type Finding, type LintResult, type TextResource } from '../../src/plain/index.ts';
import type { RuleId } from '../../src/plain/index.ts';
import type { RuleExample } from '../../src/plain/rules/rule.ts';

const SOURCE_LOCALE = 'nb';

/** The key of a text's own plain variant: text → text_plain, left_one → left_plain_one. */
const plainKey = (key: string): string => key.replace(/^(.*?)(_(?:zero|one|two|few|many|other))?$/, '$1_plain$2');

export function lintExample(example: RuleExample): LintResult {
  const locale = example.locale ?? SOURCE_LOCALE;
  const variant = example.variant ?? 'standard';
  const key = example.key ?? 'text';
  const config = example.config ?? {};
  if (example.source === undefined && example.standard === undefined && key === 'text')
    return lintText(example.text, { locale, variant, role: example.role ?? 'other', config, file: 'example' });
  if (example.role !== undefined) throw new Error(`${example.text}: a role needs a text on its own`);
  if (example.source !== undefined && locale === SOURCE_LOCALE)
    throw new Error(`${example.text}: a source text needs another locale than ${SOURCE_LOCALE}`);
  if (example.standard !== undefined && variant !== 'plain')
    throw new Error(`${example.text}: a standard text to compare with needs variant plain`);
  const own: TextResource =
    variant === 'plain'
      ? { ...(example.standard === undefined ? {} : { [key]: example.standard }), [plainKey(key)]: example.text }
      : { [key]: example.text };
  const texts: Record<string, TextResource> =
    example.source === undefined ? { [locale]: own } : { [SOURCE_LOCALE]: { [key]: example.source }, [locale]: own };
  return lintCollection({ name: 'example', texts, config });
}

/** The findings of one rule for an example's text (in its locale). */
export const exampleFindings = (rule: RuleId, example: RuleExample): Finding[] =>
  lintExample(example).findings.filter((f) => f.rule === rule && f.locale === (example.locale ?? SOURCE_LOCALE));

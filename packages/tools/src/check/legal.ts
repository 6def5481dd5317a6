// The lock on legal texts (decision 0031): a plain variant of a declaration, consent, privacy text or duty
// must say what the standard text says. A declaration's label or text is shown in both wordings at once, so
// it needs nothing more; every other legal text with a plain variant needs a review in
// locales/<lng>/legal-review.json whose fingerprints match both texts as they are now.
import type { FormDefinition } from '../../../../src/definition/types.ts';
import {
  legalFields,
  PRIVACY_KEYS,
  shownTogether,
  textFingerprint,
  type LegalReview,
  type LegalReviews,
} from '../../../../src/definition/legal.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import { at, finding, type Finding } from './findings.ts';
import { isObject } from './model.ts';

const PLAIN = '_plain';
/** The texts a declaration shows in both wordings: a consent's label, a guidance text. */
const TOGETHER = new Set(['label', 'text']);

export interface LegalLockInput {
  definition: FormDefinition;
  locales: Array<{
    locale: string;
    /** The pointer of the locale in the definition. */
    index: number;
    /** The form's texts and the widget's, when the locale has them. */
    namespaces: Record<string, Record<string, unknown> | undefined>;
    reviews: LegalReviews;
    /** legal-review.json of the locale, as named in findings. */
    file: string;
  }>;
}

const flat = (texts: Record<string, unknown> | undefined): Map<string, string> =>
  new Map(
    textLeaves(texts ?? {})
      .filter((leaf): leaf is [string[], string] => typeof leaf[1] === 'string')
      .map(([path, text]) => [path.join('.'), text]),
  );

/** Does a standard key of the form's namespace belong to a legal text that needs a review? */
function needsReview(definition: FormDefinition): (key: string) => boolean {
  const fields = new Map(legalFields(definition).map((field) => [field.id, field]));
  return (key) => {
    if (key.startsWith('privacy.')) return true;
    const [root, id, text] = key.split('.');
    const field = root === 'fields' && id !== undefined ? fields.get(id) : undefined;
    if (!field) return false;
    return !(shownTogether(field.legal) && text !== undefined && TOGETHER.has(text) && key.split('.').length === 3);
  };
}

const isReview = (value: unknown): value is LegalReview =>
  isObject(value) &&
  typeof value.by === 'string' &&
  value.by.trim() !== '' &&
  typeof value.at === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value.at) &&
  typeof value.standard === 'string' &&
  typeof value.plain === 'string';

/** Every legal text whose plain variant is neither shown beside the standard one nor reviewed against it as it is now. */
export function checkLegalLock(input: LegalLockInput): Finding[] {
  const findings: Finding[] = [];
  const formNeedsReview = needsReview(input.definition);
  const widgetKeys = new Set(PRIVACY_KEYS);
  for (const { locale, index, namespaces, reviews, file } of input.locales) {
    for (const [namespace, texts] of Object.entries(namespaces)) {
      const legal = namespace === 'widget' ? (key: string) => widgetKeys.has(key) : formNeedsReview;
      const strings = flat(texts);
      for (const [key, plain] of strings) {
        if (!key.endsWith(PLAIN)) continue;
        const standardKey = key.slice(0, -PLAIN.length);
        const standard = strings.get(standardKey);
        if (standard === undefined || standard === plain || !legal(standardKey)) continue;
        const review = reviews[namespace]?.[standardKey];
        const params = { key: standardKey, namespace, locale, file };
        if (!isReview(review)) findings.push(finding('legal-plain-unreviewed', at('/locales', index), params));
        else if (review.standard !== textFingerprint(standard) || review.plain !== textFingerprint(plain))
          findings.push(finding('legal-review-stale', at('/locales', index), params));
      }
    }
  }
  return findings;
}

/** legal-review.json as written; anything else counts as empty. */
export const readReviews = (value: unknown): LegalReviews =>
  isObject(value)
    ? Object.fromEntries(
        Object.entries(value).flatMap(([ns, entries]) =>
          isObject(entries) ? [[ns, entries as Record<string, LegalReview>]] : [],
        ),
      )
    : {};

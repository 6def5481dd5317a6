// The lock on legal texts (decision 0031): a plain variant of a legal text is shown beside the standard one (a
// declaration) or reviewed as saying the same; `check` fails otherwise, and when a text changed after its review.
import { describe, expect, it } from 'vitest';
import { checkLegalLock, type LegalLockInput } from '../../src/check/legal.ts';
import { textFingerprint, type LegalReviews } from '../../../../src/definition/legal.ts';
import type { FormDefinition } from '../../../../src/definition/types.ts';

const definition = {
  id: 'soknad',
  version: '1.0.0',
  locales: ['nb'],
  answers: { type: 'object' },
  steps: [
    {
      id: 'slutt',
      fields: [
        { id: 'samtykke', kind: 'yesno', legal: 'consent' },
        { id: 'plikter', kind: 'guidance', legal: 'declaration' },
        { id: 'bekreftelse', kind: 'consent', legal: 'declaration' },
        { id: 'navn', kind: 'text' },
      ],
    },
  ],
} as unknown as FormDefinition;

const consent = 'Kan vi hente opplysninger om inntekten din fra Skatteetaten?';
const consentPlain = 'Kan vi spørre Skatteetaten om inntekten din?';
const texts = {
  fields: {
    samtykke: { label: consent, label_plain: consentPlain },
    plikter: { text: 'Du må gi riktige opplysninger.', text_plain: 'Det du skriver, må være riktig.' },
    bekreftelse: {
      label: 'Jeg bekrefter at opplysningene jeg gir, er riktige.',
      label_plain: 'Jeg bekrefter at det jeg skriver, er riktig.',
    },
    navn: { label: 'Navn', label_plain: 'Hva heter du?' },
  },
};
const widget = {
  privacy: {
    who: 'NAV leser svarene. De har taushetsplikt.',
    who_plain: 'NAV leser svarene, og de sier det ikke videre.',
  },
};

const lock = (reviews: LegalReviews, form: Record<string, unknown> = texts): ReturnType<typeof checkLegalLock> =>
  checkLegalLock({
    definition,
    locales: [
      { locale: 'nb', index: 0, namespaces: { soknad: form, widget }, reviews, file: 'locales/nb/legal-review.json' },
    ],
  } satisfies LegalLockInput);

const review = (standard: string, plain: string) => ({
  by: 'Kari Jurist, NAV',
  at: '2026-12-03',
  standard: textFingerprint(standard),
  plain: textFingerprint(plain),
});
const reviewed: LegalReviews = {
  soknad: { 'fields.samtykke.label': review(consent, consentPlain) },
  widget: { 'privacy.who': review(widget.privacy.who, widget.privacy.who_plain) },
};

describe('the lock on legal texts', () => {
  it('fails a consent or privacy text whose plain variant nobody has reviewed, and passes a declaration shown with both', () => {
    const findings = lock({});
    expect(findings.map((f) => [f.code, f.params.namespace, f.params.key])).toEqual([
      ['legal-plain-unreviewed', 'soknad', 'fields.samtykke.label'],
      ['legal-plain-unreviewed', 'widget', 'privacy.who'],
    ]);
    expect(findings[0]!.params).toMatchObject({ locale: 'nb', file: 'locales/nb/legal-review.json' });
  });

  it('passes once both are reviewed against the texts as they are', () => {
    expect(lock(reviewed)).toEqual([]);
  });

  it('fails a review made before the standard or the plain text changed', () => {
    const changedStandard = {
      ...texts,
      fields: { ...texts.fields, samtykke: { label: `${consent} Du kan si nei.`, label_plain: consentPlain } },
    };
    expect(lock(reviewed, changedStandard).map((f) => [f.code, f.params.key])).toEqual([
      ['legal-review-stale', 'fields.samtykke.label'],
    ]);
    const changedPlain = {
      ...texts,
      fields: { ...texts.fields, samtykke: { label: consent, label_plain: 'Kan vi se på inntekten din?' } },
    };
    expect(lock(reviewed, changedPlain).map((f) => f.code)).toEqual(['legal-review-stale']);
  });

  it('holds a declaration’s other texts (a hint) to a review: only its label or text is shown in both wordings', () => {
    const withHint = {
      ...texts,
      fields: {
        ...texts.fields,
        bekreftelse: { ...texts.fields.bekreftelse, hint: 'Les før du krysser av.', hint_plain: 'Les først.' },
      },
    };
    expect(lock(reviewed, withHint).map((f) => [f.code, f.params.key])).toEqual([
      ['legal-plain-unreviewed', 'fields.bekreftelse.hint'],
    ]);
  });
});

// Plain means simpler (issue 16, decision 0030): a plain text harder than its standard text fails the gate,
// unless a note beside it says why; a plain text that is longer but simpler passes.
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { lintForm, type TextResource } from '../../src/plain/index.ts';

const definition: FormDefinition = {
  id: 'test',
  version: '1.0.0',
  locales: ['nb', 'en'],
  answers: { type: 'object', properties: { husleie: { type: 'number' } } },
  steps: [{ id: 'bolig', fields: [{ id: 'husleie', kind: 'amount' }] }],
};

const texts = (hint: string, hint_plain: string, more: Record<string, unknown> = {}): TextResource => ({
  title: 'Søknad',
  steps: { bolig: { title: 'Bolig', title_plain: 'Der du bor' } },
  fields: { husleie: { label: 'Husleie', hint, hint_plain, ...more } },
});

const failing = (nb: TextResource) =>
  lintForm({ definition, texts: { nb } })
    .findings.filter((f) => f.rule === 'plain-harder')
    .map((f) => [f.key, f.variant, f.severity, f.value, f.limit, f.waived?.reason]);

describe('plain-harder', () => {
  it('fails a plain text in longer sentences than its standard text', () => {
    const harder = texts(
      'I kroner. Ta med alle barna.',
      'Skriv hvor mange kroner du betaler for alle barna dine til sammen hver måned.',
    );
    expect(failing(harder)).toEqual([['fields.husleie.hint', 'plain', 'error', 14, 10, undefined]]);
    expect(
      lintForm({ definition, texts: { nb: harder } }).findings.find((f) => f.rule === 'plain-harder')?.message,
    ).toBe('Den enkle teksten har 14 ord per setning, den vanlige 3.');
  });

  it('fails a plain text with a higher LIX and more long words', () => {
    const harder = texts(
      'Vi leser søknaden din så fort vi kan, og vi svarer deg.',
      'Opplysningene i søknaden behandles fortløpende av saksbehandleren i kommunen.',
    );
    expect(failing(harder).map(([key, , severity]) => [key, severity])).toEqual([
      ['fields.husleie.hint', 'error'],
      ['fields.husleie.hint', 'error'],
    ]);
  });

  it('passes a plain text that is longer in short sentences', () => {
    expect(failing(texts('I kroner. Ta med alle barna.', 'Skriv hvor mange kroner. Ta med alle barna.'))).toEqual([]);
  });

  it('waives a harder plain text only with a reason written beside it', () => {
    const reason = 'Lovens ordlyd.';
    const waived = texts('Kort.', 'En lang setning som sier det samme med mange flere ord enn før.', {
      hint_plain_lint: { rules: ['plain-harder'], reason },
    });
    expect(failing(waived)).toEqual([['fields.husleie.hint', 'plain', 'error', 13, 10, reason]]);
  });
});

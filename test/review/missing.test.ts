// What the review page lists as missing before sending (docs/users.md N7), from the answers and the form's texts.
import { describe, expect, it } from 'vitest';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { documentsNotHad, documentsToSend, missingItems } from '../../components/review/missing.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const answers = {
  arbeid: ['deltid'],
  adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
  'har-barn': false,
  bosituasjon: 'leier',
  husleie: 8000,
  personer: 1,
  dokumenter: {
    husleiekontrakt: { status: 'uploaded', files: [{ name: 'a.pdf', size: 1, type: 'application/pdf' }] },
    lonnsslipp: { status: 'later' },
  },
};

describe('missing before sending', () => {
  it('lists, in form order, unsure answers, empty questions whose text says what that means, and documents not uploaded', async () => {
    const { definition, validators } = await examplePackage('stotte');
    const relevance = computeRelevance(definition, validators, answers);
    const hasText = (key: string) => key === 'stotte:fields.konto.ifEmpty';
    const items = missingItems({ definition, relevance, answers, unsure: ['inntekt'], hasText });
    expect(
      items.map((item) => [item.kind, item.kind === 'document' ? `${item.document}:${item.status}` : item.field.id]),
    ).toEqual([
      ['unsure', 'inntekt'],
      ['unanswered', 'konto'],
      ['document', 'lonnsslipp:later'],
      ['document', 'kontoutskrift:none'],
    ]);
    expect(documentsToSend(items)).toEqual(['lonnsslipp', 'kontoutskrift']);
    expect(documentsNotHad(items)).toEqual([]);
  });

  it('does not list an empty optional question without a text that says what it means, or an answered one', async () => {
    const { definition, validators } = await examplePackage('stotte');
    const withKonto = {
      ...answers,
      konto: '86011117947',
      dokumenter: { ...answers.dokumenter, kontoutskrift: { status: 'missing', reason: 'Banken har ikke sendt den.' } },
    };
    const relevance = computeRelevance(definition, validators, withKonto);
    const items = missingItems({ definition, relevance, answers: withKonto, unsure: [], hasText: () => true });
    expect(items.map((item) => (item.kind === 'document' ? `${item.document}:${item.status}` : item.field.id))).toEqual(
      ['lonnsslipp:later', 'kontoutskrift:missing'],
    );
    expect(documentsNotHad(items)).toEqual(['kontoutskrift']);
    const none = missingItems({
      definition,
      relevance: computeRelevance(definition, validators, answers),
      answers,
      unsure: [],
      hasText: () => false,
    });
    expect(none.some((item) => item.kind === 'unanswered')).toBe(false);
  });
});

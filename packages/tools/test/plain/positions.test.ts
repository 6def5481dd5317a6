// Where findings are: lines and columns for a text linted alone, JSON pointers for texts from locale files.
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { lintForm, lintText, locate } from '../../src/plain/lint.ts';

const letter = [
  'Søknaden behandles innen tre uker.',
  '',
  'Vi ber om at du sender tilstrekkelig dokumentasjon, f.eks. lønnsslipp.',
  'Du kan få KVP fra NAV. Du kan få KVP igjen.',
].join('\n');

describe('positions in a text linted alone', () => {
  const findings = lintText(letter, { locale: 'nb', file: 'brev.txt' }).findings;
  const at = (rule: string) =>
    findings.filter((f) => f.rule === rule).map((f) => [f.words.join(' '), f.position] as const);

  it('gives each finding its line and columns, from 1, the end just after the last character', () => {
    expect(at('passive')).toEqual([['behandles', { line: 1, column: 10, endLine: 1, endColumn: 19 }]]);
    expect(at('stiff-word')).toEqual([['tilstrekkelig', { line: 3, column: 24, endLine: 3, endColumn: 37 }]]);
    expect(at('abbreviation')).toEqual([
      ['KVP', { line: 4, column: 11, endLine: 4, endColumn: 14 }],
      ['KVP', { line: 4, column: 34, endLine: 4, endColumn: 37 }],
      ['f.eks.', { line: 3, column: 53, endLine: 3, endColumn: 59 }],
    ]);
  });

  it('puts a score over the whole text, and every finding has a place', () => {
    const long = lintText(`${'ord '.repeat(30)}slutt.\nTo.`, { locale: 'nb' }).findings;
    expect(long.find((f) => f.rule === 'sentence-length')?.position).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 126,
    });
    const scored = lintText('Arbeidsavklaringspengene utbetales etterskuddsvis.', { locale: 'nb' }).findings;
    expect(scored.find((f) => f.rule === 'lix-step')?.position).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 51,
    });
    for (const f of [...findings, ...long, ...scored]) expect(f.position).toBeDefined();
  });

  it('finds words in order, alone and not inside a longer word', () => {
    expect(locate('KVPX og KVP', ['KVP'], 0, 11)).toEqual({ start: 8, end: 11 });
    expect(locate('i henhold til loven', ['henhold', 'loven'], 0, 19)).toEqual({ start: 2, end: 19 });
    expect(locate('blir vurdert', ['vurdert', 'blir'], 0, 12)).toBeUndefined();
    expect(locate('KVP og KVP', ['KVP'], 0, 10, 1)).toEqual({ start: 7, end: 10 });
  });
});

describe('pointers for texts from locale files', () => {
  const definition = {
    id: 'test',
    version: '1',
    locales: ['nb'],
    steps: [{ id: 'a', fields: [{ id: 'x', kind: 'text' }] }],
  } as unknown as FormDefinition;

  it('names the JSON pointer of the standard or the own plain text, and no line or column', () => {
    const result = lintForm({
      definition,
      texts: {
        nb: {
          title: 'Test',
          steps: { a: { title: 'Steg' } },
          fields: {
            x: { label: 'Navn', hint: 'Skjemaet behandles.', hint_plain: 'Vi behandler/sjekker f.eks. skjemaet.' },
          },
        },
      },
    });
    const found = result.findings.filter((f) => f.key === 'fields.x.hint').map((f) => [f.variant, f.rule, f.pointer]);
    expect(found).toEqual([
      ['standard', 'passive', '/fields/x/hint'],
      ['plain', 'abbreviation', '/fields/x/hint_plain'],
    ]);
    expect(result.findings.every((f) => f.position === undefined)).toBe(true);
  });
});

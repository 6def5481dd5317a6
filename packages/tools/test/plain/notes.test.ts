// Notes to the linter beside a text (`label_lint`) are not texts: parity checks, text versions and the
// linter's text walk skip them, and only an object beside a string is a note.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { lintNotes, textLeaves, withoutLintNotes } from '../../../../src/i18n/text-leaves.ts';
import { packageRoot } from '../../../../src/node/paths.ts';
import { buildFormPackage } from '../../src/build/build.ts';
import { textVersions } from '../../src/build/text-versions.ts';
import { checkParity } from '../../src/check/parity.ts';
import { lintText } from '../../src/plain/lint.ts';

const note = { rules: ['stiff-word'], reason: 'Lovens ord.' };
const nb = { fields: { x: { label: 'Bistand', label_lint: note, hint: 'Hei' } } };
const nn = { fields: { x: { label: 'Hjelp', hint: 'Hei' } } };

describe('notes to the linter', () => {
  it('are left out of the texts, and found beside their text', () => {
    expect(textLeaves(nb).map(([path]) => path.join('.'))).toEqual(['fields.x.label', 'fields.x.hint']);
    expect(lintNotes(nb)).toEqual([[['fields', 'x', 'label'], note]]);
  });

  it('are texts when nothing stands beside them: a key that merely ends in _lint', () => {
    const texts = { fields: { size_lint: { label: 'Størrelse' } }, a_lint: 'tekst' };
    expect(textLeaves(texts).map(([path]) => path.join('.'))).toEqual(['fields.size_lint.label', 'a_lint']);
    // hint_plain_lint above has no hint_plain beside it: it is not a note, so its reason is a text.
    expect(textLeaves({ hint: 'Hei', hint_plain_lint: note }).map(([p]) => p.join('.'))).toContain(
      'hint_plain_lint.reason',
    );
  });

  it('do not break translation parity in the locales without them', () => {
    const findings = checkParity({
      source: { test: { texts: { fields: { x: { label: 'Bistand', label_lint: note } } }, file: 'nb/test.json' } },
      locales: [
        { locale: 'nn', index: 1, namespaces: { test: { texts: nn, file: 'nn/test.json' } }, fallback: {} },
        {
          locale: 'en',
          index: 2,
          namespaces: { test: { texts: { fields: { x: { label: 'Help', label_lint: note } } }, file: 'en.json' } },
          fallback: {},
        },
      ],
    });
    expect(findings.filter((f) => f.params.key !== 'fields.x.hint')).toEqual([]);
  });

  it('do not change the text versions of answers', () => {
    const definition = {
      id: 'test',
      version: '1',
      locales: ['nb'],
      steps: [{ id: 'a', fields: [{ id: 'x', kind: 'text' }] }],
    } as unknown as FormDefinition;
    const plain = { fields: { x: { label: 'Bistand' } } };
    const noted = { fields: { x: { label: 'Bistand', label_lint: note } } };
    expect(textVersions(definition, { nb: noted })).toEqual(textVersions(definition, { nb: plain }));
  });
});

describe("the project's word lists", () => {
  const text = 'Vi gir bistand til deg i samordningsavdelingen. Du kan få KVP.';
  const waived = (words: Record<string, string[]>) =>
    lintText(text, { locale: 'nb', config: { words } })
      .findings.filter((f) => f.waived)
      .map((f) => [f.rule, f.words.join(' '), f.waived!.where]);

  it('waive stiff words, abbreviations and terms, each list only for its own findings', () => {
    expect(waived({})).toEqual([]);
    expect(waived({ stiffWordExceptions: ['Bistand'], abbreviations: ['kvp'] })).toEqual([
      ['stiff-word', 'bistand', 'plain-language.config.json words.stiffWordExceptions'],
      ['abbreviation', 'KVP', 'plain-language.config.json words.abbreviations'],
    ]);
    // A stiff-word exception is not an allowed abbreviation.
    expect(waived({ stiffWordExceptions: ['KVP'] })).toEqual([]);
    expect(waived({ terms: ['KVP', 'bistand'] }).map(([rule]) => rule)).toEqual(['stiff-word', 'abbreviation']);
  });

  it('count terms like glossary words in the long-word share', () => {
    const share = (terms: string[]) =>
      lintText(text, { locale: 'nb', config: { words: { terms } } }).scores.text!.nb!.standard
        .longWordShareWithoutGlossary!;
    expect(share(['samordningsavdelingen'])).toBeLessThan(share([]));
  });
});

describe('the built form package', () => {
  it('leaves the notes out of the texts the widget loads, and keeps every text', async () => {
    expect(withoutLintNotes(nb)).toEqual({ fields: { x: { label: 'Bistand', hint: 'Hei' } } });
    const locales = await mkdtemp(join(tmpdir(), 'klarskjema-notes-'));
    await mkdir(join(locales, 'nb'));
    const texts = JSON.parse(readFileSync(resolve(packageRoot, 'locales/nb/kontakt.json'), 'utf8')) as {
      title: string;
      title_lint?: unknown;
    };
    texts.title_lint = note;
    await writeFile(join(locales, 'nb/kontakt.json'), JSON.stringify(texts));
    const definition = JSON.parse(
      readFileSync(resolve(packageRoot, 'schemas/forms/kontakt.json'), 'utf8'),
    ) as FormDefinition;
    const out = await mkdtemp(join(tmpdir(), 'klarskjema-notes-out-'));
    const { dir } = await buildFormPackage({ ...definition, locales: ['nb'] }, { outDir: out, localesDir: locales });
    const built = JSON.parse(readFileSync(join(dir, 'locales/nb.json'), 'utf8')) as {
      kontakt: Record<string, unknown>;
    };
    expect(built.kontakt.title).toBe(texts.title);
    expect(JSON.stringify(built)).not.toContain('_lint');
  });
});

// The version of the texts each answer was given to: it follows exactly what the widget shows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textVersions } from '../../src/build/text-versions.ts';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { textVersionOf } from '../../../../src/engine/text-version.ts';
import { examplePackage, examplePackageFolder } from '../../../../test/helpers/form-packages.ts';
import { TEXT_VERSIONS_KEY } from '../../../../src/engine/form-package.ts';

const definition: FormDefinition = {
  id: 'x', version: '1.0.0', locales: ['nb', 'en'],
  answers: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string', enum: ['ja', 'nei'] }, c: { type: 'string' } } },
  steps: [{ id: 's', fields: [{ id: 'a', kind: 'text', prefill: 'folkeregisteret' }, { id: 'b', kind: 'radio' }, { id: 'c', kind: 'text' }, { id: 'g', kind: 'guidance' }] }],
};
const nb = {
  sources: { folkeregisteret: 'Folkeregisteret' },
  fields: {
    a: { label: 'Navnet ditt', hint: 'Som i passet' },
    b: { label: 'Er det riktig?', label_plain: 'Stemmer det?', options: { ja: 'Ja', nei: 'Nei' } },
    c: { label: 'Annet' },
    g: { text: 'Les dette.' },
  },
};
const en = { fields: { a: { label: 'Your name', hint: 'As in your passport' }, b: { label: 'Is it right?', options: { ja: 'Yes', nei: 'No' } } } };

describe('text versions', () => {
  const versions = textVersions(definition, { nb, en });

  it('has a version per answering field and locale, and a plain one only where plain texts differ', () => {
    expect(Object.keys(versions.nb!.standard)).toEqual(['a', 'b', 'c']);
    expect(versions.nb!.plain).toEqual({ b: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(versions.nb!.plain!.b).not.toBe(versions.nb!.standard.b);
    expect(textVersionOf(versions, 'nb', 'plain', 'a')).toBe(versions.nb!.standard.a);
  });

  it('changes when a text the user sees changes, and only for that field', () => {
    const changed = textVersions(definition, { nb: { ...nb, fields: { ...nb.fields, a: { ...nb.fields.a, hint: 'Som i passet ditt' } } }, en });
    expect(changed.nb!.standard.a).not.toBe(versions.nb!.standard.a);
    expect(changed.nb!.standard.b).toBe(versions.nb!.standard.b);
    // The register's name is shown with a prefilled value, so it is part of that field's text.
    const source = textVersions(definition, { nb: { ...nb, sources: { folkeregisteret: 'Det sentrale folkeregisteret' } }, en });
    expect(source.nb!.standard.a).not.toBe(versions.nb!.standard.a);
  });

  it('follows the fallbacks: a missing translation is the Norwegian text, a missing plain text the standard one', () => {
    // en has no text for c: the user sees the nb text, so the version is nb's.
    expect(versions.en!.standard.c).toBe(versions.nb!.standard.c);
    expect(versions.en!.standard.a).not.toBe(versions.nb!.standard.a);
    // en has its own standard label for b, which wins over nb's plain label (i18next: the locale first).
    expect(versions.en!.plain).toBeUndefined();
  });

  it('travels with its locale: each locale file of a package carries its own, validators.js none', async () => {
    const dir = await examplePackageFolder('sosialhjelp');
    const { definition: built, textVersions: shipped } = await examplePackage('sosialhjelp');
    expect(await readFile(join(dir, 'validators.js'), 'utf8')).not.toContain('textVersions');
    for (const locale of built.locales) {
      const file = JSON.parse(await readFile(join(dir, 'locales', `${locale}.json`), 'utf8')) as Record<string, unknown>;
      expect(file[TEXT_VERSIONS_KEY], locale).toEqual(shipped![locale]);
    }
  });

  it('is in every built package, for every locale the form lists', async () => {
    for (const id of ['kontakt', 'stotte', 'sosialhjelp', 'aktivitet']) {
      const { definition: built, textVersions: shipped } = await examplePackage(id);
      expect(Object.keys(shipped ?? {}).sort(), id).toEqual([...built.locales].sort());
    }
  });
});

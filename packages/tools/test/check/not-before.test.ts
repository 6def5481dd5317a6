// `notBefore` in `klarskjema check`: it must name an earlier date field at the same level, only a date
// field may have it, and the form must word the error itself. Broken clones of schemas/forms/aktivitet.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../src/check/check.ts';
import type { Finding } from '../../src/check/findings.ts';
import { createCliTexts, CLI_LANGS } from '../../src/cli/texts.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;
const readJson = (path: string): Json => JSON.parse(readFileSync(resolve(packageRoot, path), 'utf8')) as Json;
const form = readJson('schemas/forms/aktivitet.json');
const nbTexts = readJson('locales/nb/aktivitet.json');
const texts = { nb: createCliTexts('nb'), en: createCliTexts('en') };

/** Findings for a changed clone; step 2 (tid-og-status) holds fra-dato (0) and til-dato (1, notBefore fra-dato). */
function check(mutate: (definition: Json, nb: Json) => void): Finding[] {
  const definition = structuredClone(form);
  const nb = structuredClone(nbTexts);
  mutate(definition, nb);
  return checkDefinition(definition, { nb }, { existingLocales: definition.locales as string[] });
}

function only(findings: Finding[]): Finding {
  expect(findings.map((f) => [f.code, f.pointer, f.params.context])).toHaveLength(1);
  const found = findings[0]!;
  for (const lang of CLI_LANGS) {
    const { message, fix } = texts[lang].explain(found);
    expect(`${message} ${fix}`).not.toMatch(/check\.|\{\{|undefined/);
  }
  return found;
}

const til = '/steps/2/fields/1';

describe('notBefore', () => {
  it('is clean on the example form', () => {
    expect(check(() => {})).toEqual([]);
  });

  it('must name a field that exists', () => {
    const found = only(
      check((d) => {
        d.steps[2].fields[1].notBefore = 'start-dato';
      }),
    );
    expect(found).toMatchObject({
      code: 'not-before-field',
      pointer: `${til}/notBefore`,
      params: { context: 'unknown', target: 'start-dato' },
    });
  });

  it('must name a date field', () => {
    const found = only(
      check((d) => {
        d.steps[2].fields[1].notBefore = 'tittel';
      }),
    );
    expect(found).toMatchObject({ code: 'not-before-field', params: { context: 'kind', kind: 'text' } });
  });

  it('must name an earlier field', () => {
    const found = only(
      check((d, nb) => {
        delete d.steps[2].fields[1].notBefore;
        d.steps[2].fields[0].notBefore = 'til-dato';
        nb.fields['fra-dato'].errors = { notBefore: 'Startdatoen kan ikke være etter sluttdatoen.' };
      }),
    );
    expect(found).toMatchObject({
      code: 'not-before-field',
      pointer: '/steps/2/fields/0/notBefore',
      params: { context: 'later' },
    });
  });

  it('is only for date fields', () => {
    const found = only(
      check((d) => {
        d.steps[0].fields[1].notBefore = 'fra-dato';
      }),
    );
    expect(found).toMatchObject({ code: 'schema-property-not-for-kind', pointer: '/steps/0/fields/1/notBefore' });
  });

  it("needs the form's own error text", () => {
    const found = only(
      check((_d, nb) => {
        delete nb.fields['til-dato'].errors;
      }),
    );
    expect(found).toMatchObject({
      code: 'text-missing',
      pointer: `${til}/notBefore`,
      params: { key: 'fields.til-dato.errors.notBefore' },
    });
  });
});

// `klarskjema check`: broken definitions are built by mutating a clone of schemas/forms/stotte.json
// (or kontakt.json), and each test asserts the finding's code and pointer and that its texts render.
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../src/check/check.ts';
import { checkFormFile } from '../../src/check/file.ts';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/check/findings.ts';
import { jsonErrorOffset, parseJson } from '../../src/check/json.ts';
import { createCliTexts, CLI_LANGS } from '../../src/cli/texts.ts';
import { submissionSource, validatorsSource } from '../../src/build/build.ts';
import { FIELD_KINDS, type FormDefinition } from '../../../../src/definition/types.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;

const readJson = (path: string): Json => JSON.parse(readFileSync(resolve(packageRoot, path), 'utf8')) as Json;
const forms = { stotte: readJson('schemas/forms/stotte.json'), kontakt: readJson('schemas/forms/kontakt.json') };
const nbTexts = { stotte: readJson('locales/nb/stotte.json'), kontakt: readJson('locales/nb/kontakt.json') };
const texts = { nb: createCliTexts('nb'), en: createCliTexts('en') };

/** The findings for a mutated clone of an example form (and, optionally, of its nb texts). */
function check(mutate: (definition: Json, nb: Json) => void, form: keyof typeof forms = 'stotte'): Finding[] {
  const definition = structuredClone(forms[form]);
  const nb = structuredClone(nbTexts[form]);
  mutate(definition, nb);
  return checkDefinition(definition, { nb }, { existingLocales: definition.locales as string[] });
}

/** Asserts one finding with this code at this pointer, whose texts render in nb and en. */
function expectFinding(findings: Finding[], code: FindingCode, pointer: string): Finding {
  const matching = findings.filter((f) => f.code === code && f.pointer === pointer);
  expect(
    matching,
    `${code} at ${pointer}; got ${JSON.stringify(findings.map((f) => [f.code, f.pointer]))}`,
  ).toHaveLength(1);
  const found = matching[0]!;
  for (const lang of CLI_LANGS) expectRendered(found, lang);
  return found;
}

function expectRendered(found: Finding, lang: 'nb' | 'en'): { message: string; fix: string } {
  const rendered = texts[lang].explain(found);
  for (const text of [rendered.message, rendered.fix]) {
    expect(text.trim().length).toBeGreaterThan(10);
    expect(text).not.toMatch(/check\.[a-z-]+\.(problem|fix)/); // a raw key leaking through
    expect(text).not.toMatch(/\{\{\s*[\w.-]+(,[^}]*)?\s*\}\}|\bundefined\b|\[object Object\]/); // a placeholder left unfilled
  }
  return rendered;
}

describe('the example forms', () => {
  it.each(['kontakt', 'stotte'])('schemas/forms/%s.json checks clean', async (id) => {
    const report = await checkFormFile(resolve(packageRoot, 'schemas/forms', `${id}.json`));
    expect(report.findings).toEqual([]);
    expect(report.localesDir).toBe(resolve(packageRoot, 'locales'));
  });

  it('the unmutated clones check clean', () => {
    expect(check(() => {})).toEqual([]);
    expect(check(() => {}, 'kontakt')).toEqual([]);
  });
});

describe('the shape (schemas/form.schema.json)', () => {
  it('reports a value of the wrong type, once', () => {
    const findings = check((d) => {
      d.steps[0].fields = 'arbeid';
    });
    const found = expectFinding(findings, 'schema-type', '/steps/0/fields');
    expect(found.params).toMatchObject({ expected: ['array'], actual: 'string' });
    expect(findings).toHaveLength(1);
    expect(texts.nb.explain(found).message).toContain('liste');
  });

  it('names an unknown field kind and lists the kinds', () => {
    const findings = check((d) => {
      d.steps[0].fields[0].kind = 'foo';
    });
    const found = expectFinding(findings, 'schema-unknown-kind', '/steps/0/fields/0/kind');
    const { message, fix } = texts.nb.explain(found);
    expect(message).toContain('ukjent felttype «foo»'.replace('u', 'U'));
    expect(fix).toContain('checkboxes');
    expect(fix).toContain('national-id');
    expect(findings).toHaveLength(1); // no if/then noise, and no semantic checks on a broken shape
  });

  it('names an unknown property and what is allowed there', () => {
    const found = expectFinding(
      check((d) => {
        d.steps[1].fields[0].requird = true;
      }),
      'schema-additional-property',
      '/steps/1/fields/0/requird',
    );
    expect(texts.nb.explain(found).fix).toMatch(/«requird».*required/);
  });

  it('names a missing property', () => {
    const found = expectFinding(
      check((d) => {
        delete d.steps[0].fields[2].kind;
      }),
      'schema-required',
      '/steps/0/fields/2',
    );
    expect(found.params.property).toBe('kind');
  });

  it('explains ids, versions, the first locale and properties a kind cannot have', () => {
    expectFinding(
      check((d) => {
        d.steps[1].fields[1].fields[0].id = 'Barn_navn';
      }),
      'schema-id-pattern',
      '/steps/1/fields/1/fields/0/id',
    );
    expectFinding(
      check((d) => {
        d.version = '1.0';
      }),
      'schema-version-pattern',
      '/version',
    );
    expectFinding(
      check((d) => {
        d.locales = ['en', 'nb'];
      }),
      'schema-first-locale',
      '/locales/0',
    );
    expectFinding(
      check((d) => {
        d.locales = ['nb', 'nb'];
      }),
      'schema-unique-items',
      '/locales/1',
    );
    expectFinding(
      check((d) => {
        d.steps[3].fields[0].required = true;
      }),
      'schema-property-not-for-kind',
      '/steps/3/fields/0/required',
    );
    expectFinding(
      check((d) => {
        d.steps[0].fields[0].fields = [{ id: 'x', kind: 'text' }];
      }),
      'schema-fields-only-group',
      '/steps/0/fields/0/fields',
    );
  });
});

describe('ids', () => {
  it('reports a duplicate step id at the second step', () => {
    const found = expectFinding(
      check((d) => {
        d.steps[2].id = 'situasjon';
      }),
      'duplicate-step-id',
      '/steps/2/id',
    );
    expect(found.params).toMatchObject({ id: 'situasjon', first: '/steps/0' });
  });

  it('reports a field id used again inside a group', () => {
    const found = expectFinding(
      check((d) => {
        d.steps[1].fields[1].fields[0].id = 'har-barn';
        d.answers.properties.barn.items.properties['har-barn'] = { type: 'string' };
        delete d.answers.properties.barn.items.properties['barn-navn'];
      }),
      'duplicate-field-id',
      '/steps/1/fields/1/fields/0/id',
    );
    expect(found.params).toMatchObject({ id: 'har-barn', first: '/steps/1/fields/0' });
  });

  it('reports a duplicate document id', () => {
    expectFinding(
      check((d) => {
        d.attachments[2].id = 'lonnsslipp';
      }),
      'duplicate-attachment-id',
      '/attachments/2/id',
    );
  });
});

describe('answers', () => {
  it('reports a field without an answer, naming where to add it', () => {
    const findings = check((d) => {
      delete d.answers.properties.konto;
    });
    const found = expectFinding(findings, 'answer-missing', '/steps/0/fields/3/id');
    expect(found.params.target).toBe('/answers/properties/konto');
    expect(texts.nb.explain(found).fix).toContain('/answers/properties/konto');
    expect(findings).toHaveLength(1);
  });

  it('reports a group item field without an answer in the group item schema', () => {
    const found = expectFinding(
      check((d) => {
        delete d.answers.properties.barn.items.properties['barn-fodt'];
      }),
      'answer-missing',
      '/steps/1/fields/1/fields/1/id',
    );
    expect(found.params.target).toBe('/answers/properties/barn/items/properties/barn-fodt');
  });

  it('reports an answer no field fills (a typo)', () => {
    const findings = check((d) => {
      d.answers.properties.kontonr = d.answers.properties.konto;
      delete d.answers.properties.konto;
    });
    expectFinding(findings, 'answer-unused', '/answers/properties/kontonr');
    expectFinding(findings, 'answer-missing', '/steps/0/fields/3/id');
  });

  it('reports an answer for guidance', () => {
    expectFinding(
      check((d) => {
        d.answers.properties['om-vedlegg'] = { type: 'string' };
      }),
      'guidance-has-answer',
      '/answers/properties/om-vedlegg',
    );
  });

  it('reports "required" at the top of answers and in a group item schema', () => {
    const found = expectFinding(
      check((d) => {
        d.answers.required = ['arbeid'];
      }),
      'answers-required',
      '/answers/required',
    );
    expect(texts.nb.explain(found).fix).toContain('"required": true');
    expectFinding(
      check((d) => {
        d.answers.properties.barn.items.required = ['barn-navn'];
      }),
      'answers-required',
      '/answers/properties/barn/items/required',
    );
  });

  it("allows $ref only to the form's own $defs and the shared schemas", () => {
    const unknown = expectFinding(
      check((d) => {
        d.answers.properties.husleie = { $ref: '#/$defs/krone' };
      }),
      'ref-unknown-def',
      '/answers/properties/husleie/$ref',
    );
    expect(unknown.params).toMatchObject({ name: 'krone' });
    expectFinding(
      check((d) => {
        d.answers.properties.adresse = { $ref: 'https://example.com/address.json' };
      }),
      'ref-not-allowed',
      '/answers/properties/adresse/$ref',
    );
  });

  it('reports an answer that does not fit its field kind, and says what fits', () => {
    const findings = check((d) => {
      d.answers.properties.konto = { type: 'string' };
    });
    const found = expectFinding(findings, 'kind-schema-mismatch', '/answers/properties/konto');
    expect(texts.nb.explain(found).fix).toContain('"format": "account-number"');
    expect(findings).toHaveLength(1);
    expectFinding(
      check((d) => {
        d.answers.properties['har-barn'] = { type: 'string' };
      }),
      'kind-schema-mismatch',
      '/answers/properties/har-barn',
    );
    expectFinding(
      check((d) => {
        d.answers.properties.barn.items = { $ref: '#/$defs/kroner' };
      }),
      'kind-schema-mismatch',
      '/answers/properties/barn',
    );
    expectFinding(
      check((d) => {
        d.answers.$defs.kroner = { type: 'string' };
      }),
      'kind-schema-mismatch',
      '/answers/properties/inntekt',
    );
    expectFinding(
      check((d) => {
        d.answers.properties.dokumenter.additionalProperties = { type: 'object' };
      }),
      'kind-schema-mismatch',
      '/answers/properties/dokumenter',
    );
  });

  it("reports a textarea whose maxLength differs from its answer's", () => {
    const found = expectFinding(
      check((d) => {
        d.steps[1].fields[2].maxLength = 2000;
      }, 'kontakt'),
      'maxlength-mismatch',
      '/steps/1/fields/2/maxLength',
    );
    expect(found.params).toMatchObject({ field: 2000, answer: 4000 });
  });

  it('reports a misspelt keyword in the answers schema (the build compiles in strict mode)', () => {
    const found = expectFinding(
      check((d) => {
        d.answers.properties.personer.minimun = 1;
      }),
      'answers-schema-invalid',
      '/answers/properties/personer/minimun',
    );
    expect(String(found.params.detail)).toContain('minimun');
    expectFinding(
      check((d) => {
        d.answers.properties.personer.minimum = 'en';
      }),
      'answers-schema-invalid',
      '/answers/properties/personer/minimum',
    );
  });
});

describe('conditions', () => {
  it('reports an answer name no field has, with a suggestion', () => {
    const findings = check((d) => {
      d.steps[2].when = { required: ['bosituasjonn'], properties: { bosituasjonn: { enum: ['leier'] } } };
    });
    const found = expectFinding(findings, 'condition-unknown-answer', '/steps/2/when/properties/bosituasjonn');
    expect(found.params.suggestion).toBe('bosituasjon');
    expect(findings).toHaveLength(1); // one finding per name, not one per use
  });

  it('reports a field condition that names a later field', () => {
    const found = expectFinding(
      check((d) => {
        d.steps[0].fields[1].when = { required: ['konto'] };
      }),
      'condition-later-answer',
      '/steps/0/fields/1/when/required/0',
    );
    expect(texts.nb.explain(found).message).toContain('tidligere felt');
  });

  it('reports a step condition that names a field of the same step', () => {
    const found = expectFinding(
      check((d) => {
        d.steps[2].when = { required: ['husleie'] };
      }),
      'condition-later-answer',
      '/steps/2/when/required/0',
    );
    expect(found.params).toMatchObject({ context: 'step', step: 'husleie' });
  });

  it('tests a group item field condition against the earlier fields of its item', () => {
    expectFinding(
      check((d) => {
        d.steps[1].fields[1].fields[1].when = { properties: { samvaer: { minimum: 1 } } };
      }),
      'condition-later-answer',
      '/steps/1/fields/1/fields/1/when/properties/samvaer',
    );
    expectFinding(
      check((d) => {
        d.steps[1].fields[1].fields[3].when = { required: ['har-barn'] };
      }),
      'condition-not-in-group',
      '/steps/1/fields/1/fields/3/when/required/0',
    );
    expectFinding(
      check((d) => {
        d.steps[2].when = { required: ['bor-fast'] };
      }),
      'condition-item-answer',
      '/steps/2/when/required/0',
    );
  });

  it('reports names of guidance and of the documents field', () => {
    expectFinding(
      check((d) => {
        d.attachments[2].when = { required: ['om-vedlegg'] };
      }),
      'condition-no-answer',
      '/attachments/2/when/required/0',
    );
    expectFinding(
      check((d) => {
        d.attachments[2].when = { required: ['dokumenter'] };
      }),
      'condition-attachments-answer',
      '/attachments/2/when/required/0',
    );
  });

  it('reports values a radio, checkboxes or yes/no answer can never have', () => {
    const radio = expectFinding(
      check((d) => {
        d.steps[2].when.properties.bosituasjon.enum = ['leier', 'hytte'];
      }),
      'condition-impossible-value',
      '/steps/2/when/properties/bosituasjon/enum/1',
    );
    expect(radio.params).toMatchObject({ name: 'bosituasjon', value: 'hytte' });
    expect(texts.nb.explain(radio).fix).toContain('leier, eier, kommunal, annet');
    expectFinding(
      check((d) => {
        d.attachments[1].when.properties.arbeid.contains.enum = ['fulltid', 'heltid'];
      }),
      'condition-impossible-value',
      '/attachments/1/when/properties/arbeid/contains/enum/1',
    );
    const yesno = expectFinding(
      check((d) => {
        d.steps[1].fields[1].when.properties['har-barn'].const = 'true';
      }),
      'condition-impossible-value',
      '/steps/1/fields/1/when/properties/har-barn/const',
    );
    expect(texts.nb.explain(yesno).message).toContain('"true"');
    expectFinding(
      check((d) => {
        d.steps[1].fields[1].fields[3].when.properties['bor-fast'] = { not: { const: 'nei' } };
      }),
      'condition-impossible-value',
      '/steps/1/fields/1/fields/3/when/properties/bor-fast/not/const',
    );
  });

  it('looks through not, allOf and anyOf but not into value conditions', () => {
    expectFinding(
      check((d) => {
        d.attachments[2].when = { anyOf: [{ required: ['arbeid'] }, { not: { required: ['arbeid2'] } }] };
      }),
      'condition-unknown-answer',
      '/attachments/2/when/anyOf/1/not/required/0',
    );
    expect(
      check((d) => {
        d.attachments[2].when = { properties: { adresse: { required: ['postcode'] } } };
      }),
    ).toEqual([]);
  });
});

describe('documents', () => {
  it('needs one attachments field when the form lists documents', () => {
    expectFinding(
      check((d) => {
        d.steps[3].fields.pop();
        delete d.answers.properties.dokumenter;
      }),
      'attachments-field-missing',
      '/attachments',
    );
    expectFinding(
      check((d) => {
        delete d.attachments;
      }),
      'attachments-list-missing',
      '/steps/3/fields/1/kind',
    );
  });
});

describe('texts', () => {
  it('reports a missing nb text at the part of the definition that needs it', () => {
    const findings = check((_, nb) => {
      delete nb.fields.konto.label;
    });
    const found = expectFinding(findings, 'text-missing', '/steps/0/fields/3');
    expect(found.params).toMatchObject({ key: 'fields.konto.label', file: 'locales/nb/stotte.json' });
    const { message, fix } = texts.nb.explain(found);
    expect(message).toContain('fields.konto.label');
    expect(message).toContain('locales/nb/stotte.json');
    expect(fix).toContain('locales/nb/stotte.json');
    expect(findings).toHaveLength(1);
  });

  it('reports empty texts, options, group items, documents, steps, sources and the title', () => {
    expectFinding(
      check((_, nb) => {
        nb.fields.inntekt.label = '';
      }),
      'text-missing',
      '/steps/0/fields/1',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.fields.bosituasjon.options.eier;
      }),
      'text-missing',
      '/answers/properties/bosituasjon/enum/1',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.fields.arbeid.options.student;
      }),
      'text-missing',
      '/answers/properties/arbeid/items/enum/2',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.fields.barn.item;
      }),
      'text-missing',
      '/steps/1/fields/1',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.fields['barn-fodt'];
      }),
      'text-missing',
      '/steps/1/fields/1/fields/1',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.fields['om-vedlegg'].text;
      }),
      'text-missing',
      '/steps/3/fields/0',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.attachments.lonnsslipp.why;
      }),
      'text-missing',
      '/attachments/1',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.steps.husleie;
      }),
      'text-missing',
      '/steps/2',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.sources.kontoregisteret;
      }),
      'text-missing',
      '/steps/0/fields/3/prefill',
    );
    expectFinding(
      check((_, nb) => {
        delete nb.title;
      }),
      'text-missing',
      '/id',
    );
  });

  it('reports a missing nb file once, and a missing file for another listed locale', () => {
    const definition = structuredClone(forms.stotte);
    const missing = checkDefinition(definition, {});
    expect(missing).toHaveLength(1);
    expectFinding(missing, 'locale-file-missing', '/locales/0');
    definition.locales = ['nb', 'en'];
    expectFinding(
      checkDefinition(definition, { nb: nbTexts.stotte }, { existingLocales: ['nb'] }),
      'locale-file-missing',
      '/locales/1',
    );
  });
});

describe('files', () => {
  const tempDir = () => mkdtemp(join(tmpdir(), 'klarskjema-check-'));

  it('reports a file that is not JSON with its line and column', async () => {
    const dir = await tempDir();
    const file = join(dir, 'x.json');
    await writeFile(file, '{\n  "id": "x",\n  "version": "1.0.0",\n}\n');
    const report = await checkFormFile(file);
    expect(report.findings).toHaveLength(1);
    const found = report.findings[0]!;
    expect(found).toMatchObject({ code: 'unreadable', pointer: '', params: { line: 4, column: 1 } });
    expect(texts.nb.explain(found).message).toMatch(/^kan ikke lese JSON: .+ \(linje 4, kolonne 1\)$/);
  });

  it('reports a file that does not exist', async () => {
    const report = await checkFormFile(join(await tempDir(), 'nope.json'));
    expect(report.findings).toMatchObject([{ code: 'unreadable', params: { context: 'missing' } }]);
    expect(texts.nb.explain(report.findings[0]!).message).toBe('filen finnes ikke');
  });

  it('finds the nearest locales folder, and reports a broken text file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'forms'));
    await mkdir(join(dir, 'locales/nb'), { recursive: true });
    await writeFile(join(dir, 'forms/stotte.json'), JSON.stringify({ ...forms.stotte, locales: ['nb'] }));
    await writeFile(join(dir, 'locales/nb/stotte.json'), '{ "title": "x", }');
    const report = await checkFormFile(join(dir, 'forms/stotte.json'), { cwd: dir });
    expect(report.localesDir).toBe(join(dir, 'locales'));
    expect(report.file).toBe(join('forms', 'stotte.json'));
    expect(report.findings).toHaveLength(1);
    expectFinding(report.findings, 'texts-unreadable', '/locales/0');
    expect(report.findings[0]!.params).toMatchObject({
      file: join('locales', 'nb', 'stotte.json'),
      line: 1,
      column: 17,
    });
  });
});

describe('JSON positions', () => {
  it.each([
    ['{"a": tru}', 9],
    ['[1,2,,]', 5],
    ['{"a":1}x', 7],
    ['{"a": 1', 7],
    ['{"a": "\\q"}', 8],
    ['', 0],
  ])('%j fails at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of [
      '{}',
      '[]',
      '0',
      '-1.5e+3',
      '"\\u00e5"',
      ' {"a": [true, false, null, {"b": "c"}]} ',
      JSON.stringify(forms.stotte, null, 2),
    ]) {
      expect(jsonErrorOffset(text)).toBeUndefined();
      expect(parseJson(text).ok).toBe(true);
    }
  });
});

describe('robustness', () => {
  /** Every JSON pointer into a document. */
  const pointers = (value: unknown, base = ''): string[] => {
    if (value === null || typeof value !== 'object') return [base];
    return [
      base,
      ...Object.entries(value).flatMap(([key, child]) =>
        pointers(child, `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
      ),
    ];
  };
  const places = [...pointers(forms.stotte), ...pointers(forms.kontakt).map((p) => `kontakt:${p}`)].filter(
    (p) => p !== '' && p !== 'kontakt:',
  );
  const replace = (document: Json, pointer: string, value: unknown, remove: boolean) => {
    const tokens = pointer
      .slice(1)
      .split('/')
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop()!;
    const parent = tokens.reduce<any>((node, token) => node[token], document);
    if (remove) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else parent[last] = structuredClone(value);
  };
  const ids = fc.constantFrom(
    'arbeid',
    'barn',
    'barn-navn',
    'bor-fast',
    'husleie',
    'om-vedlegg',
    'dokumenter',
    'tema',
    'x',
  );
  const values = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    ids,
    fc.constantFrom(...FIELD_KINDS),
    fc.constant({ $ref: '#/$defs/kroner' }),
    fc.constant({ required: ['arbeid'] }),
  );

  it('never throws, whatever is changed in a definition, and every finding renders', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...places), values, fc.boolean()), { minLength: 1, maxLength: 4 }),
        (changes) => {
          const form = changes[0]![0].startsWith('kontakt:') ? 'kontakt' : 'stotte';
          let changed: Json = {};
          const findings = check((definition) => {
            for (const [place, value, remove] of changes) {
              if (place.startsWith('kontakt:') !== (form === 'kontakt')) continue;
              try {
                replace(definition, place.replace(/^kontakt:/, ''), value, remove);
              } catch {
                /* an earlier change removed the parent */
              }
            }
            changed = definition;
          }, form);
          // What checks clean, the build can compile (`klarskjema build` checks first and trusts the result).
          if (findings.length === 0) {
            expect(() => validatorsSource(changed as FormDefinition)).not.toThrow();
            expect(() => submissionSource(changed as FormDefinition)).not.toThrow();
          }
          for (const found of findings) {
            codes.add(found.code);
            expect(FINDING_CODES).toContain(found.code);
            expectRendered(found, 'nb');
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(codes.size).toBeGreaterThan(10); // the changes reach far beyond the meta-schema
  });
});

describe('the CLI texts', () => {
  it.each(CLI_LANGS)('have a problem and a fix for every finding code in %s', (lang) => {
    const cli = readJson(`locales/${lang}/cli.json`);
    for (const code of FINDING_CODES) {
      expect(typeof cli.check[code]?.problem, `check.${code}.problem`).toBe('string');
      expect(typeof cli.check[code]?.fix, `check.${code}.fix`).toBe('string');
    }
    expect(Object.keys(cli.check).sort()).toEqual([...FINDING_CODES].sort());
  });
});

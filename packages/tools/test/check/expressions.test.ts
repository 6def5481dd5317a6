// `klarskjema check` on expressions (decision 0021): one test per kind of mistake, each with its finding's
// code and JSON pointer, on a mutated clone of schemas/forms/sosialhjelp.json, and texts that render.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../src/check/check.ts';
import { checkFormFile } from '../../src/check/file.ts';
import type { Finding, FindingCode } from '../../src/check/findings.ts';
import { createCliTexts, CLI_LANGS } from '../../src/cli/texts.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;
const readJson = (path: string): Json => JSON.parse(readFileSync(resolve(packageRoot, path), 'utf8')) as Json;
const form = readJson('schemas/forms/sosialhjelp.json');
const nbTexts = readJson('locales/nb/sosialhjelp.json');
const texts = { nb: createCliTexts('nb'), en: createCliTexts('en') };

function check(mutate: (definition: Json, nb: Json) => void): Finding[] {
  const definition = structuredClone(form);
  const nb = structuredClone(nbTexts);
  mutate(definition, nb);
  return checkDefinition(definition, { nb }, { existingLocales: definition.locales as string[] });
}

const stepOf = (d: Json, id: string): Json => d.steps.find((s: Json) => s.id === id);
const indexOf = (d: Json, step: string, field: string): [number, number] => {
  const s = d.steps.findIndex((x: Json) => x.id === step);
  return [s, d.steps[s].fields.findIndex((f: Json) => f.id === field)];
};

function expectFinding(findings: Finding[], code: FindingCode, pointer: string): Finding {
  const matching = findings.filter((f) => f.code === code && f.pointer === pointer);
  expect(
    matching,
    `${code} at ${pointer}; got ${JSON.stringify(findings.map((f) => [f.code, f.pointer]))}`,
  ).toHaveLength(1);
  for (const lang of CLI_LANGS) {
    const { message, fix } = texts[lang].explain(matching[0]!);
    for (const text of [message, fix]) {
      expect(text).not.toMatch(/check\.[a-z-]+\.(problem|fix)/);
      expect(text).not.toMatch(/\{\{\s*[\w.-]+\s*\}\}(?!»)|\bundefined\b|\[object Object\]/);
    }
  }
  return matching[0]!;
}

describe('expressions in sosialhjelp', () => {
  it('check clean: rules on dates, a document per child, a computed total and texts that name answers', async () => {
    const report = await checkFormFile(resolve(packageRoot, 'schemas/forms/sosialhjelp.json'));
    expect(report.findings).toEqual([]);
  });
});

describe('a wrong expression is found, with a pointer', () => {
  it('an unknown answer, with the nearest id as a suggestion', () => {
    const found = expectFinding(
      check((d) => {
        const [s, f] = indexOf(d, 'familie', 'partner-fodt');
        d.steps[s].fields[f].rules[0].test = { '<=': [{ answer: 'partner-fdt' }, { today: [] }] };
      }),
      'expression-unknown-answer',
      `/steps/${indexOf(form, 'familie', 'partner-fodt').join('/fields/')}/rules/0/test/<=/0/answer`,
    );
    expect(found.params.suggestion).toBe('partner-fodt');
  });

  it('a type mismatch: a date compared with a number', () => {
    const [s, f] = indexOf(form, 'familie', 'barn');
    expectFinding(
      check((d) => {
        d.steps[s].fields[f].fields[1].rules[1].test = { '<': [{ answer: 'barn-fodt' }, 18] };
      }),
      'expression-type',
      `/steps/${s}/fields/${f}/fields/1/rules/1/test/</1`,
    );
  });

  it('a type mismatch: a number where a date belongs', () => {
    const [s, f] = indexOf(form, 'familie', 'barn');
    const found = expectFinding(
      check((d) => {
        d.steps[s].fields[f].fields[1].rules[1].test = { '<': [{ age: { answer: 'samvaer' } }, 18] };
      }),
      'expression-type',
      `/steps/${s}/fields/${f}/fields/1/rules/1/test/</0/age`,
    );
    expect(found.params).toMatchObject({ operator: 'age', expected: ['date'], found: 'number' });
  });

  it('a rule that gives no yes or no, and a computed value that gives no number', () => {
    const [s, f] = indexOf(form, 'familie', 'partner-fodt');
    expectFinding(
      check((d) => {
        d.steps[s].fields[f].rules[0].test = { answer: 'partner-fodt' };
      }),
      'expression-type',
      `/steps/${s}/fields/${f}/rules/0/test`,
    );
    expectFinding(
      check((d) => {
        d.computed[0].value = { '<': [1, 2] };
      }),
      'expression-type',
      '/computed/0/value',
    );
  });

  it("a child's answer used outside the group, and an unknown operator", () => {
    expectFinding(
      check((d) => {
        d.computed[0].value = { sum: [{ answer: 'samvaer' }] };
      }),
      'expression-item-answer',
      '/computed/0/value/sum/0/answer',
    );
    const found = expectFinding(
      check((d) => {
        d.computed[0].value = { sum: [{ answr: 'husleie' }] };
      }),
      'expression-shape',
      '/computed/0/value/sum/0',
    );
    expect(found.params.suggestion).toBe('answer');
    // At the top, the meta-schema already names the operators.
    expect(
      check((d) => {
        d.computed[0].value = { summ: [{ answer: 'husleie' }] };
      }).map((f) => [f.code, f.pointer]),
    ).toContainEqual(['schema-enum', '/computed/0/value']);
  });

  it('a condition on a later answer, and a document per item of something that is no group', () => {
    const [s, f] = indexOf(form, 'familie', 'har-barn');
    expectFinding(
      check((d) => {
        d.steps[s].fields[f].when = { '==': [{ answer: 'barnebidrag' }, 'nei'] };
      }),
      'expression-later-answer',
      `/steps/${s}/fields/${f}/when/==/0/answer`,
    );
    const document = form.attachments.findIndex((a: Json) => a.id === 'samvaersavtale');
    expectFinding(
      check((d) => {
        d.attachments[document].forEach = 'har-barn';
      }),
      'expression-group',
      `/attachments/${document}/forEach`,
    );
  });

  it('the texts a rule and a computed value need', () => {
    const [s, f] = indexOf(form, 'familie', 'partner-fodt');
    const findings = check((_, nb) => {
      delete nb.fields['partner-fodt'].errors.future;
      delete nb.computed['utgifter-per-maned'];
    });
    expect(expectFinding(findings, 'text-missing', `/steps/${s}/fields/${f}/rules/0`).params.key).toBe(
      'fields.partner-fodt.errors.future',
    );
    expect(expectFinding(findings, 'text-missing', '/computed/0').params.key).toBe('computed.utgifter-per-maned.label');
  });
});

describe('placeholders in texts', () => {
  it('finds a placeholder that names nothing the form has where the text is shown', () => {
    const document = form.attachments.findIndex((a: Json) => a.id === 'samvaersavtale');
    const found = expectFinding(
      check((_, nb) => {
        nb.attachments.samvaersavtale.label = 'Avtale for {{barn-nvn}}';
      }),
      'placeholder-unknown',
      `/attachments/${document}`,
    );
    expect(found.params).toMatchObject({ name: 'barn-nvn', suggestion: 'barn-navn' });
    // A step's heading names top-level answers only.
    const step = form.steps.findIndex((s: Json) => s.id === 'familie');
    expectFinding(
      check((_, nb) => {
        nb.steps.familie.title = 'Familien til {{barn-navn}}';
      }),
      'placeholder-unknown',
      `/steps/${step}`,
    );
    // A child's name is no answer at top level: a step's own text cannot name it.
    const [s, f] = indexOf(form, 'familie', 'har-barn');
    expectFinding(
      check((_, nb) => {
        nb.fields['har-barn'].label = 'Har {{barn-navn}} barn?';
      }),
      'placeholder-unknown',
      `/steps/${s}/fields/${f}`,
    );
  });

  it('needs the Empty text of a text that names an answer', () => {
    const document = form.attachments.findIndex((a: Json) => a.id === 'samvaersavtale');
    const found = expectFinding(
      check((_, nb) => {
        delete nb.attachments.samvaersavtale.labelEmpty;
      }),
      'text-missing',
      `/attachments/${document}`,
    );
    expect(found.params.key).toBe('attachments.samvaersavtale.labelEmpty');
    expect(stepOf(form, 'familie')).toBeDefined();
  });
});

// The public API: lintForm over a definition and texts, variants, bars, messages and the renderers.
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import {
  lintCollection,
  lintForm,
  renderHtmlReport,
  renderJson,
  renderText,
  type TextResource,
} from '../../src/plain/index.ts';

const definition: FormDefinition = {
  id: 'test',
  version: '1.0.0',
  locales: ['nb', 'nn', 'en', 'pl'],
  answers: {
    type: 'object',
    properties: { x: { type: 'string' }, valg: { type: 'string', enum: ['a', 'b'] }, dokumenter: { type: 'object' } },
  },
  steps: [
    { id: 'a', fields: [{ id: 'x', kind: 'text' }] },
    {
      id: 'b',
      fields: [
        { id: 'valg', kind: 'radio' },
        { id: 'dokumenter', kind: 'attachments' },
      ],
    },
  ],
  attachments: [{ id: 'kontrakt' }],
};

// Step a, standard: «Arbeidsavklaringspenger» (1 word, 1 long, 1 sentence) + «Opplysninger om inntektsforholdene»
// (Opplysninger 12*, om, inntektsforholdene 18*: 3 words, 2 long, 1 sentence)
// → 4 words, 2 sentences, 3 long: LIX = 4 / 2 + 100 × 3 / 4 = 2 + 75 = 77 (over 40).
const nb: TextResource = {
  title: 'Testskjema',
  steps: { a: { title: 'Arbeidsavklaringspenger' }, b: { title: 'Valg' } },
  fields: {
    x: { label: 'Opplysninger om inntektsforholdene' },
    valg: { label: 'Hva velger du?', options: { a: 'Jeg velger A', b: 'Jeg velger B' } },
    dokumenter: { label: 'Dokumenter' },
  },
  attachments: { kontrakt: { label: 'Kontrakt', why: 'Den viser hva du betaler hver måned for {{what}}.' } },
};

const lint = (texts: Record<string, TextResource>) => lintForm({ definition, texts });
const errors = (texts: Record<string, TextResource>) =>
  lint(texts)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.key, f.locale, f.variant, f.value, f.limit]);

describe('lintForm', () => {
  it('scores each step per locale and variant; the plain variant falls back to the standard text', () => {
    const r = lint({ nb });
    expect(r.steps.map((s) => s.id)).toEqual(['a', 'b']);
    expect(r.scores.a?.nb?.standard).toMatchObject({
      words: 4,
      sentences: 2,
      longWords: 3,
      texts: 2,
      ownPlainTexts: 0,
    });
    expect(r.scores.a?.nb?.standard.lix).toBe(77);
    expect(r.scores.a?.nb?.plain.lix).toBe(77);
    expect(r.steps[0]!.hasPlain).toEqual({ nb: false });
  });

  it('puts the attachments’ texts on the step with the attachments field', () => {
    // Step b: title, valg label + 2 options, dokumenter label, kontrakt label + why = 7 texts
    expect(lint({ nb }).scores.b?.nb?.standard.texts).toBe(7);
  });

  it('fails the standard LIX bar, and applies the plain bar only where a step has its own plain text', () => {
    expect(errors({ nb })).toEqual([['lix-step', 'steps.a', 'nb', 'standard', 77, 40]]);
    expect(lint({ nb }).findings[0]?.message).toBe('LIX for steget «Arbeidsavklaringspenger» er 77. Grensen er 40.');
    // Plain: «Arbeidsavklaringspenger» (fallback: 1 word, 1 long) + «Hva tjener du?» (3 words, 0 long)
    // → 4 words, 2 sentences, 1 long: LIX = 2 + 25 = 27 (≤ 33 and below 77): no plain error.
    const good = {
      ...nb,
      fields: {
        ...(nb.fields as object),
        x: { label: 'Opplysninger om inntektsforholdene', label_plain: 'Hva tjener du?' },
      },
    };
    expect(errors({ nb: good })).toEqual([['lix-step', 'steps.a', 'nb', 'standard', 77, 40]]);
    expect(lint({ nb: good }).scores.a?.nb?.plain.lix).toBe(27);
    // Plain: «Opplysninger om inntekten» (Opplysninger 12*, om, inntekten 9*) + the title (1 long)
    // → 4 words, 2 sentences, 3 long: LIX 77: over 33, and not below the standard 77.
    const bad = {
      ...nb,
      fields: {
        ...(nb.fields as object),
        x: { label: 'Opplysninger om inntektsforholdene', label_plain: 'Opplysninger om inntekten' },
      },
    };
    expect(errors({ nb: bad })).toEqual([
      ['lix-step', 'steps.a', 'nb', 'standard', 77, 40],
      ['lix-step', 'steps.a', 'nb', 'plain', 77, 33],
      ['lix-step', 'steps.a', 'nb', 'plain', 77, 77],
    ]);
  });

  it('checks placeholders against nb, and untranslated texts, in other locales', () => {
    const en: TextResource = {
      title: 'Test form',
      attachments: { kontrakt: { label: 'Contract', why: 'It shows what you pay each month for {{wat}}.' } },
      fields: { valg: { label: 'Hva velger du?' } },
    };
    const r = lint({ nb, en });
    const mismatch = r.findings.find((f) => f.rule === 'placeholder-mismatch');
    expect(mismatch).toMatchObject({
      key: 'attachments.kontrakt.why',
      locale: 'en',
      severity: 'error',
      words: ['{{what}}', '{{wat}}'],
      file: 'locales/en/test.json',
    });
    expect(mismatch?.message).toBe('Plassholderne stemmer ikke med norsk bokmål. Mangler: what. Ekstra: wat.');
    expect(r.findings.filter((f) => f.rule === 'untranslated').map((f) => [f.key, f.locale])).toEqual([
      ['fields.valg.label', 'en'],
    ]);
    // No LIX for English; Flesch instead.
    expect(r.scores.b?.en?.standard.lix).toBeUndefined();
    expect(r.scores.b?.en?.standard.flesch).toBeTypeOf('number');
  });

  it('lints own plain texts with the plain bars, and plain placeholders against the standard text', () => {
    const texts = {
      nb: {
        ...nb,
        attachments: {
          kontrakt: { label: 'Kontrakt', why: 'Den viser hva du betaler.', why_plain: 'Den viser {{sum}}.' },
        },
      },
    };
    const f = lint(texts).findings.filter((x) => x.rule === 'placeholder-mismatch');
    expect(f.map((x) => [x.key, x.variant, x.words])).toEqual([['attachments.kontrakt.why', 'plain', ['{{sum}}']]]);
  });

  it('does not flag «Jeg» in answer options', () => {
    expect(lint({ nb }).findings.filter((f) => f.rule === 'reader-address')).toEqual([]);
  });

  it('gives findings with file, key, pointer, locale, variant, rule, severity, words, suggestion and message', () => {
    const texts = {
      nb: {
        ...nb,
        fields: { ...(nb.fields as object), x: { label: 'Oppgi inntekt', hint: 'Søknaden behandles av NAV.' } },
      },
    };
    const passive = lint(texts).findings.find((f) => f.rule === 'passive');
    expect(passive).toEqual({
      file: 'locales/nb/test.json',
      key: 'fields.x.hint',
      locale: 'nb',
      variant: 'standard',
      rule: 'passive',
      severity: 'warning',
      words: ['behandles'],
      message: '«behandles» er passiv. Leseren ser ikke hvem som gjør noe.',
      suggestion: 'Skriv hvem som gjør det, i aktiv form: «NAV behandler».',
      step: 'a',
      pointer: '/fields/x/hint',
    });
  });

  it('lets the config turn a rule off or change its severity', () => {
    const texts = {
      nb: { ...nb, fields: { ...(nb.fields as object), x: { label: 'Kort', hint: 'Søknaden behandles av NAV.' } } },
    };
    const off = lintForm({ definition, texts, config: { rules: { passive: 'off' } } });
    expect(off.findings.filter((f) => f.rule === 'passive')).toEqual([]);
    const strict = lintForm({ definition, texts, config: { rules: { passive: 'error' } } });
    expect(strict.findings.find((f) => f.rule === 'passive')?.severity).toBe('error');
  });
});

describe('lintCollection', () => {
  it("reads a glossary's explanations, not the Norwegian word beside them (not a text of that locale)", () => {
    const entry = { forms: ['decision'], explanation: 'A decision is the answer to your application.' };
    const measured = (glossary: TextResource) =>
      lintCollection({ name: 'glossary', texts: { en: glossary } }).form.en?.standard.words;
    expect(measured({ decision: { ...entry, nb: 'vedtak' } })).toBe(measured({ decision: entry }));
    expect(measured({ decision: { ...entry, nb: 'vedtak' } })).toBe(8);
  });

  it('scores top-level sections and judges the whole collection against the bar', () => {
    const widget: TextResource = {
      yes: 'Ja',
      no: 'Nei',
      address: { street: 'Gateadresse', postcode: 'Postnummer', city: 'Poststed' },
    };
    const r = lintCollection({ name: 'widget', texts: { nb: widget } });
    expect(r.steps.map((s) => s.id)).toEqual(['_top', 'address']);
    // address: 3 one-word sentences, 3 long → LIX 1 + 100 = 101: not judged on its own.
    expect(r.scores.address?.nb?.standard.lix).toBe(101);
    // whole: Ja, Nei, Gateadresse*, Postnummer*, Poststed* = 5 words, 5 sentences, 3 long → LIX 1 + 60 = 61
    expect(r.form.nb?.standard.lix).toBe(61);
    expect(r.findings.map((f) => [f.rule, f.key, f.value])).toEqual([['lix-step', 'widget', 61]]);
    const sections = lintCollection({
      name: 'widget',
      texts: { nb: widget },
      config: { collections: { bars: 'sections' } },
    });
    expect(sections.findings.map((f) => [f.rule, f.key, f.value])).toEqual([['lix-step', 'address', 101]]);
  });
});

describe('renderers', () => {
  const result = lintForm({
    definition,
    texts: {
      nb,
      en: { title: 'Test form', steps: { a: { title: 'Work assessment allowance' } } },
      pl: { steps: { a: { title: 'Świadczenie rehabilitacyjne' } } },
    },
  });

  it('renders JSON that parses back to the result', () => {
    expect(JSON.parse(renderJson(result))).toEqual(result);
  });

  it('renders text in Norwegian or English', () => {
    const nbText = renderText(result);
    expect(nbText).toContain('Klarspråkrapport');
    expect(nbText).toContain('Steg 1: Arbeidsavklaringspenger (a)');
    expect(nbText).toContain('LIX 77');
    expect(renderText(result, 'en')).toContain('Plain-language report');
  });

  it('renders a self-contained, accessible HTML page: lang, headings, bars with limit lines and a table, no scripts', () => {
    const html = renderHtmlReport([result, lintCollection({ name: 'widget', texts: { nb: { yes: 'Ja' } } })]);
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).not.toMatch(/<script|<link |src=|href="http/);
    expect(html).toContain('<style>');
    expect(html).toContain('<h1>Klarspråkrapport</h1>');
    expect(html).toContain(
      '<h3 id="result-1-step-1">Steg 1: <span lang="nb">Arbeidsavklaringspenger</span> <code>a</code></h3>',
    );
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-title-\d+ chart-desc-\d+"/);
    expect(html).toContain('class="limit"');
    expect(html).toContain('<table><caption>Tall for steget</caption>');
    expect(html).toContain('Flesch for steget, engelsk');
    expect(html).toContain('LIX brukes ikke for polsk. Se tallene i tabellen.');
    expect((html.match(/<h2 /g) ?? []).length).toBe(2);
    expect(renderHtmlReport(result, 'en')).toMatch(/<html lang="en">/);
  });
});

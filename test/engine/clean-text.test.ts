// The shared text rule and the date bounds on the widget's side: the machine turns every answer into
// NFC as it stores it, step validation refuses what the receiver refuses (same codes, same rule), and
// every new error has a text in all nine locales that names the question or the file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { validateStep, type FieldError } from '../../src/engine/field-errors.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { buildSubmission } from '../../src/engine/submission.ts';
import { packageRoot } from '../../src/node/paths.ts';
import { toAnswerValue } from '../../src/validation/parse.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const LOCALES = ['nb', 'nn', 'en', 'pl', 'uk', 'ar', 'so', 'ti', 'se', 'fa', 'lt'] as const;

async function start(formId: string) {
  const formPackage = await examplePackage(formId);
  const machine = createWizardMachine(formPackage, {
    createId: () => 'submission-1',
    now: () => new Date('2026-03-03T10:00:00Z'),
  });
  return createActor(machine, { input: {} }).start();
}

/** The errors of one step for these answers, as the widget finds them. */
async function stepErrors(
  formId: string,
  stepId: string,
  answers: Record<string, unknown>,
  unsure: string[] = [],
): Promise<FieldError[]> {
  const { definition, validators } = await examplePackage(formId);
  const step = definition.steps.find((s) => s.id === stepId)!;
  const relevance = computeRelevance(definition, validators, answers);
  return validateStep(step, { definition, validators, answers, unsure, relevance });
}

const codes = (errors: FieldError[]) => errors.map((e) => [e.path, e.code, e.part]);

describe('the widget normalises answers to NFC as it stores them', () => {
  it('in toAnswerValue: text, long text, address parts and file names', () => {
    expect(toAnswerValue('text', ' A\u030Asa ')).toBe('\u00C5sa');
    expect(toAnswerValue('textarea', 'Ka\u030Are\n')).toBe('K\u00E5re\n');
    expect(toAnswerValue('address', { street: 'Go\u0308teborggata 1', postcode: '0566', city: 'Oslo' })).toEqual({
      street: 'G\u00F6teborggata 1',
      postcode: '0566',
      city: 'Oslo',
    });
    const documents = {
      husleiekontrakt: {
        status: 'uploaded',
        files: [{ name: 'Leiea\u030Avtale.pdf', size: 10, type: 'application/pdf' }],
      },
    };
    expect(toAnswerValue('attachments', documents)).toEqual({
      husleiekontrakt: {
        status: 'uploaded',
        files: [{ name: 'Leie\u00E5vtale.pdf', size: 10, type: 'application/pdf' }],
      },
    });
    expect(documents.husleiekontrakt.files[0]!.name).toBe('Leiea\u030Avtale.pdf'); // the UI's value is not changed in place
  });

  it('in the machine: an answer typed decomposed is stored composed, and the step goes on', async () => {
    const actor = await start('kontakt');
    actor.send({ type: 'ANSWER', field: 'navn', value: 'A\u030Ase Lo\u0308nn' });
    expect(actor.getSnapshot().context.answers.navn).toBe('\u00C5se L\u00F6nn');
    actor.send({ type: 'ANSWER', field: 'fodselsnummer', value: '01010000110' });
    actor.send({ type: 'ANSWER', field: 'telefon', value: '91234567' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe('henvendelse');
  });
});

describe('step validation refuses what the receiver refuses', () => {
  it('a control character, a bidi override or a lone surrogate in a text answer, and keeps the user on the step', async () => {
    const actor = await start('kontakt');
    actor.send({ type: 'ANSWER', field: 'navn', value: 'Kari\u202E' });
    actor.send({ type: 'ANSWER', field: 'fodselsnummer', value: '01010000110' });
    actor.send({ type: 'ANSWER', field: 'telefon', value: '91234567' });
    actor.send({ type: 'ANSWER', field: 'epost', value: 'kari\u0000@example.no' });
    actor.send({ type: 'NEXT' });
    const { context } = actor.getSnapshot();
    expect(context.step).toBe('om-deg');
    expect(context.errors.map((e) => [e.field, e.code])).toEqual([
      ['navn', 'text.bidi'],
      ['epost', 'text.control'],
    ]);
    expect(context.errors[0]!.keys).toEqual([
      'kontakt:fields.navn.errors.text.bidi',
      'widget:errors.text.text.bidi',
      'widget:errors.text.bidi',
    ]);
    expect(
      codes(
        await stepErrors('kontakt', 'om-deg', {
          navn: 'Kari\uDFFF',
          fodselsnummer: '01010000110',
          telefon: '91234567',
        }),
      ),
    ).toEqual([['/navn', 'text.surrogate', undefined]]);
  });

  it('lets a long text have newlines and tabs, and nothing else of the kind', async () => {
    const base = { tema: 'bolig', kanal: 'telefon', tolk: false };
    expect(await stepErrors('kontakt', 'henvendelse', { ...base, beskrivelse: 'Linje 1\n\tLinje 2' })).toEqual([]);
    expect(codes(await stepErrors('kontakt', 'henvendelse', { ...base, beskrivelse: 'Linje 1\r\nLinje 2' }))).toEqual([
      ['/beskrivelse', 'text.control', undefined],
    ]);
  });

  it("a blank answer, whatever the UI gave (a restored draft, a host's prefill)", async () => {
    expect(
      codes(
        await stepErrors('kontakt', 'om-deg', { navn: ' \u200B ', fodselsnummer: '01010000110', telefon: '91234567' }),
      ),
    ).toEqual([['/navn', 'required', undefined]]);
  });

  it("names the part of a compound answer: an address's street, a group item, a file", async () => {
    const situasjon = { arbeid: ['deltid'], inntekt: 12000 };
    const address = await stepErrors('stotte', 'situasjon', {
      ...situasjon,
      adresse: { street: 'Storgata\u0000 1', postcode: '0155', city: 'Oslo' },
    });
    expect(codes(address)).toEqual([['/adresse', 'street.text.control', 'street']]);
    // No text of its own for a street: the general text of the code, last in the keys.
    expect(address[0]!.keys.at(-1)).toBe('widget:errors.text.control');

    const child = await stepErrors('stotte', 'husstand', {
      'har-barn': true,
      bosituasjon: 'leier',
      barn: [
        { 'barn-navn': 'Ola', 'barn-fodt': '2015-05-17', 'bor-fast': true },
        { 'barn-navn': 'Kari\u2067', 'barn-fodt': '2017-01-02', 'bor-fast': true },
      ],
    });
    expect(codes(child)).toEqual([['/barn/1/barn-navn', 'text.bidi', undefined]]);
    expect(child[0]!.params).toMatchObject({ item: 2 });

    const files = await stepErrors('stotte', 'vedlegg', {
      arbeid: ['deltid'],
      bosituasjon: 'leier',
      dokumenter: {
        husleiekontrakt: {
          status: 'uploaded',
          files: [
            { name: 'kontrakt.pdf', size: 9, type: 'application/pdf' },
            { name: 'faktura\u202Efdp.exe', size: 9, type: 'application/pdf' },
          ],
        },
        kontoutskrift: { status: 'missing', reason: 'Banken\u0007' },
        lonnsslipp: { status: 'uploaded', files: [{ name: '../../lonn.pdf', size: 9, type: 'application/pdf' }] },
      },
    });
    expect(codes(files)).toEqual([
      ['/dokumenter/husleiekontrakt', 'files.text.bidi', 'files'],
      ['/dokumenter/lonnsslipp', 'files.text.filename', 'files'],
      ['/dokumenter/kontoutskrift', 'reason.text.control', 'reason'],
    ]);
    const bidi = files.find((e) => e.code === 'files.text.bidi')!;
    // The name is quoted in the message with the override made harmless.
    expect(bidi.params).toMatchObject({ document: 'husleiekontrakt', name: 'faktura\uFFFDfdp.exe', file: 2 });
  });

  it('a date outside 1900–2100 (a typing slip such as 0990), before any order between dates', async () => {
    const { definition, validators } = await examplePackage('aktivitet');
    const step = definition.steps.find((s) => s.id === 'tid-og-status')!;
    const check = (answers: Record<string, unknown>) => {
      const all = { type: 'kurs', ...answers };
      return validateStep(step, {
        definition,
        validators,
        answers: all,
        unsure: [],
        relevance: { ...computeRelevance(definition, validators, all), fields: step.fields.map((f) => f.id) },
      });
    };
    const errors = check({ 'fra-dato': '0990-01-01', 'til-dato': '2026-01-01', status: 'planlagt' });
    expect(errors.map((e) => [e.path, e.code])).toContainEqual(['/fra-dato', 'date.range']);
    expect(errors.find((e) => e.code === 'date.range')!.params).toMatchObject({ min: 1900, max: 2100 });
    expect(check({ 'fra-dato': '2026-01-01', 'til-dato': '2101-01-01' }).map((e) => [e.path, e.code])).toContainEqual([
      '/til-dato',
      'date.range',
    ]);
    expect(
      check({ 'fra-dato': '1900-01-01', 'til-dato': '2100-12-31' }).filter((e) => e.code === 'date.range'),
    ).toEqual([]);
  });
});

describe('an answer marked "I don\'t know"', () => {
  it('goes along only when it is clean (else the receiver would refuse the application)', async () => {
    const { definition, validators } = await examplePackage('kontakt');
    const answers = {
      navn: 'Kari',
      fodselsnummer: '01010000110',
      telefon: '91234567',
      tema: 'bolig',
      kanal: 'telefon',
      tolk: false,
      samtykke: true,
    };
    const submissionWith = (beskrivelse: string) =>
      buildSubmission({
        id: 'submission-1',
        definition,
        validators,
        relevance: computeRelevance(definition, validators, { ...answers, beskrivelse }),
        unsure: ['beskrivelse'],
        answeredIn: {},
        locale: 'nb',
        variant: 'standard',
        now: new Date('2026-03-03T10:00:00Z'),
      });
    expect(submissionWith('Vet ikke helt').answers.beskrivelse).toBe('Vet ikke helt');
    expect(submissionWith('Vet ikke\u0000').answers.beskrivelse).toBeUndefined();
  });
});

describe('the texts of the new errors', () => {
  const widget = Object.fromEntries(
    LOCALES.map((lng) => [
      lng,
      JSON.parse(readFileSync(resolve(packageRoot, `locales/${lng}/widget.json`), 'utf8')) as unknown,
    ]),
  );
  const KEYS = [
    'errors.text.control',
    'errors.text.bidi',
    'errors.text.surrogate',
    'errors.date.range',
    'errors.attachments.files.text.control',
    'errors.attachments.files.text.bidi',
    'errors.attachments.files.text.surrogate',
    'errors.attachments.files.text.filename',
  ];

  it.each(LOCALES)('are in %s, with every placeholder filled', async (lng) => {
    const texts = i18next.createInstance();
    await texts.init({
      lng,
      resources: { [lng]: { widget: widget[lng] as Record<string, unknown> } },
      ns: ['widget'],
      defaultNS: 'widget',
      interpolation: { escapeValue: false },
    });
    const params = { label: 'Navn', name: 'faktura\uFFFDfdp.exe', min: 1900, max: 2100 };
    for (const key of KEYS) {
      expect(texts.exists(`widget:${key}`), `${lng} ${key}`).toBe(true);
      const text = texts.t(`widget:${key}`, params);
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toMatch(
        key.startsWith('errors.attachments')
          ? /faktura/
          : key === 'errors.date.range'
            ? /1900.*2100|2100.*1900/
            : /Navn/,
      );
    }
  });

  it('are what every error of the rule resolves to, in nb', async () => {
    const errors = [
      ...(await stepErrors('kontakt', 'om-deg', {
        navn: 'a\u0000',
        fodselsnummer: '01010000110',
        telefon: '91234567',
        epost: 'x\u202E@y.no',
      })),
      ...(await stepErrors('stotte', 'situasjon', {
        arbeid: ['deltid'],
        inntekt: 1,
        adresse: { street: 'S\uD800', postcode: '0155', city: 'Oslo' },
      })),
      ...(await stepErrors('stotte', 'vedlegg', {
        bosituasjon: 'leier',
        dokumenter: {
          husleiekontrakt: { status: 'uploaded', files: [{ name: '..', size: 9, type: 'application/pdf' }] },
        },
      })),
    ];
    expect(errors.length).toBe(4);
    const texts = i18next.createInstance();
    await texts.init({
      lng: 'nb',
      resources: { nb: { widget: widget.nb as Record<string, unknown> } },
      interpolation: { escapeValue: false },
    });
    for (const error of errors)
      expect(
        error.keys.some((key) => texts.exists(key)),
        `${error.code}: ${error.keys.join(' | ')}`,
      ).toBe(true);
  });
});

// validateSubmission with the built example packages: what it accepts, what it refuses and where,
// and that no input whatsoever makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createWizardMachine } from '../../../src/engine/create-machine.ts';
import { MAX_ARRAY_ITEMS, MAX_BODY_BYTES, MAX_DEPTH, MAX_STRING_LENGTH } from '../src/limits.ts';
import { validateSubmission, type SubmissionValidation } from '../src/validate-submission.ts';
import { guidedEvent, guidedRollsFor } from '../../../test/helpers/answer-samples.ts';
import { exampleFormIds, examplePackage } from '../../../test/helpers/form-packages.ts';
import { adresse, kontaktSubmission, stotteSubmission } from './helpers.ts';

const kontakt = () => examplePackage('kontakt');
const stotte = () => examplePackage('stotte');

function errorsOf(result: SubmissionValidation): Array<[string, string]> {
  if (result.ok) throw new Error('expected the submission to be refused');
  return result.errors.map((e) => [e.pointer, e.code]);
}

/** A submission as text with the raw member text spliced in at the top level (what JSON.stringify cannot make). */
const withRawMember = (value: object, member: string): string => JSON.stringify(value).replace(/^\{/, `{${member},`);

describe('validateSubmission accepts', () => {
  it('a valid submission of each example form, as text, as bytes and as a parsed value', async () => {
    for (const [formPackage, submission] of [
      [await kontakt(), kontaktSubmission()],
      [await stotte(), stotteSubmission()],
    ] as const) {
      const text = JSON.stringify(submission);
      for (const body of [text, Buffer.from(text), new TextEncoder().encode(text), JSON.parse(text) as unknown]) {
        const result = validateSubmission(formPackage, body);
        expect(result).toEqual({ ok: true, submission });
      }
    }
  });

  it('hands back a plain copy: changing the input afterwards changes nothing', async () => {
    const input = kontaktSubmission();
    const result = validateSubmission(await kontakt(), input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    (input.answers as Record<string, unknown>).navn = 'Someone else';
    expect(result.submission.answers.navn).toBe('Kari Nordmann');
    expect(Object.getPrototypeOf(result.submission.answers)).toBe(Object.prototype);
  });

  it('takes plainFrom "nb" on a plain answer (nb plain text shown, decision 0030), and nothing else there', async () => {
    const base = kontaktSubmission();
    const at = (plainFrom: unknown, variant = 'plain') => ({
      ...base,
      answeredIn: { navn: { locale: 'pl', variant, plainFrom } },
    });
    expect(validateSubmission(await kontakt(), at('nb')).ok).toBe(true);
    expect(errorsOf(validateSubmission(await kontakt(), at('nb', 'standard')))).toEqual([['/answeredIn/navn', 'type']]);
    expect(errorsOf(validateSubmission(await kontakt(), at('pl')))).toEqual([['/answeredIn/navn', 'type']]);
  });

  it('accepts an answer marked "I don\'t know" left out, and a required one left out when flagged', async () => {
    const base = kontaktSubmission();
    const { beskrivelse: _, ...answers } = base.answers;
    const answeredIn = { navn: { locale: 'nb', variant: 'standard' as const } };
    expect(validateSubmission(await kontakt(), { ...base, answers, answeredIn, unsure: ['beskrivelse'] }).ok).toBe(
      true,
    );
    expect(errorsOf(validateSubmission(await kontakt(), { ...base, answers, answeredIn }))).toEqual([
      ['/answers/beskrivelse', 'required'],
    ]);
    // The answer it describes is gone, so is the record of which text it was given to.
    expect(errorsOf(validateSubmission(await kontakt(), { ...base, answers, unsure: ['beskrivelse'] }))).toEqual([
      ['/answeredIn/beskrivelse', 'not-relevant'],
    ]);
  });

  describe.each(exampleFormIds)('every submission the wizard makes for "%s"', (formId) => {
    it('passes, sent through JSON', async () => {
      const formPackage = await examplePackage(formId);
      const machine = createWizardMachine(formPackage);
      let checked = 0;
      fc.assert(
        fc.property(guidedRollsFor(formPackage.definition), (rolls) => {
          const actor = createActor(machine, { input: {} }).start();
          for (const roll of rolls) {
            const event = guidedEvent(formPackage.definition, actor.getSnapshot(), roll);
            actor.send(event);
            const { submission } = actor.getSnapshot().context;
            if (event.type === 'SUBMIT' && submission) {
              checked++;
              const result = validateSubmission(formPackage, JSON.stringify(submission));
              if (!result.ok)
                throw new Error(`refused: ${JSON.stringify(result.errors)} for ${JSON.stringify(submission)}`);
            }
          }
          actor.stop();
        }),
        { numRuns: 300 },
      );
      expect(checked).toBeGreaterThan(5);
    });
  });
});

describe('validateSubmission refuses, with a JSON pointer to the fault', () => {
  it('unknown keys, at the top level, in form, in the answers and in a group item', async () => {
    const base = stotteSubmission();
    const barn = [{ ...(base.answers.barn as object[])[0], kjaeledyr: 'katt' }];
    expect(
      errorsOf(
        validateSubmission(await stotte(), {
          ...base,
          extra: 1,
          form: { ...base.form, hash: 'x' },
          answers: { ...base.answers, ukjent: 1, barn },
        }),
      ),
    ).toEqual([
      ['/extra', 'unknown-key'],
      ['/form/hash', 'unknown-key'],
      ['/answers/barn/0/kjaeledyr', 'unknown-key'],
      ['/answers/ukjent', 'unknown-key'],
    ]);
  });

  it('a missing Submission field', async () => {
    const { submittedAt: _, ...rest } = kontaktSubmission();
    expect(errorsOf(validateSubmission(await kontakt(), rest))).toEqual([['/submittedAt', 'required']]);
  });

  it('__proto__ (an own key, as JSON.parse makes it), constructor and prototype at any depth', async () => {
    const formPackage = await kontakt();
    const base = kontaktSubmission();
    expect(errorsOf(validateSubmission(formPackage, withRawMember(base, '"__proto__": { "isAdmin": true }')))).toEqual([
      ['/__proto__', 'forbidden-key'],
    ]);
    const nested = JSON.stringify(base).replace('"navn":', '"constructor": { "prototype": { "x": 1 } }, "navn":');
    expect(errorsOf(validateSubmission(formPackage, nested))).toEqual([['/answers/constructor', 'forbidden-key']]);
    const deep = JSON.parse(JSON.stringify(stotteSubmission())) as Record<string, any>;
    deep.answers.dokumenter.husleiekontrakt.files[0].prototype = {};
    expect(errorsOf(validateSubmission(await stotte(), deep))).toEqual([
      ['/answers/dokumenter/husleiekontrakt/files/0/prototype', 'forbidden-key'],
    ]);
    const parsed = JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as unknown;
    expect(errorsOf(validateSubmission(formPackage, parsed))).toEqual([['/a/__proto__', 'forbidden-key']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      errorsOf(
        validateSubmission(formPackage, {
          ...base,
          answeredIn: JSON.parse('{"__proto__": {"locale": "nb", "variant": "plain"}}'),
        }),
      ),
    ).toEqual([['/answeredIn/__proto__', 'forbidden-key']]);
  });

  it('strings, arrays, nesting and bodies past the limits', async () => {
    const formPackage = await kontakt();
    const base = kontaktSubmission();
    expect(
      errorsOf(
        validateSubmission(formPackage, {
          ...base,
          answers: { ...base.answers, beskrivelse: 'x'.repeat(MAX_STRING_LENGTH + 1) },
        }),
      ),
    ).toEqual([['/answers/beskrivelse', 'too-long']]);
    expect(
      errorsOf(
        validateSubmission(formPackage, { ...base, unsure: Array.from({ length: MAX_ARRAY_ITEMS + 1 }, () => 'tolk') }),
      ),
    ).toEqual([['/unsure', 'too-many-items']]);
    let deep: unknown = 'bunn';
    for (let i = 0; i < MAX_DEPTH; i++) deep = { d: deep };
    expect(errorsOf(validateSubmission(formPackage, { ...base, answers: { ...base.answers, navn: deep } }))).toEqual([
      [`/answers/navn${'/d'.repeat(MAX_DEPTH - 2)}`, 'too-deep'],
    ]);
    const big = JSON.stringify({ ...base, answers: { ...base.answers, beskrivelse: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(errorsOf(validateSubmission(formPackage, big))).toEqual([['', 'too-large']]);
    const wide = {
      ...base,
      answeredIn: Object.fromEntries(
        Array.from({ length: 900 }, (_, i) => [`k${i}`, 'y'.repeat(MAX_STRING_LENGTH / 10)]),
      ),
    };
    expect(errorsOf(validateSubmission(formPackage, wide))).toEqual([['', 'too-large']]);
  });

  it('a submission of another form, or of another version', async () => {
    const formPackage = await kontakt();
    expect(errorsOf(validateSubmission(formPackage, stotteSubmission()))).toEqual([['/form/id', 'wrong-form']]);
    expect(
      errorsOf(validateSubmission(formPackage, kontaktSubmission({ form: { id: 'kontakt', version: '0.9.0' } }))),
    ).toEqual([['/form/version', 'wrong-version']]);
  });

  it('answers, documents and flags the form does not ask for with the other answers', async () => {
    const base = stotteSubmission();
    const answers = {
      ...base.answers,
      arbeid: ['student'],
      bosituasjon: 'eier',
      husleie: 9000,
      barn: [{ 'barn-navn': 'Ola', 'barn-fodt': '2015-05-17', 'bor-fast': true, samvaer: 40 }],
    };
    expect(errorsOf(validateSubmission(await stotte(), { ...base, answers, unsure: ['personer'] }))).toEqual([
      ['/attachments/0', 'not-relevant'],
      ['/attachments/1', 'not-relevant'],
      ['/answers/inntekt', 'not-relevant'],
      ['/answers/barn/0/samvaer', 'not-relevant'],
      ['/answers/husleie', 'not-relevant'],
      ['/answers/personer', 'not-relevant'],
      ['/answers/dokumenter/husleiekontrakt', 'not-relevant'],
      ['/answers/dokumenter/lonnsslipp', 'not-relevant'],
      ['/unsure/0', 'not-relevant'],
    ]);
  });

  it('a document list that does not match the answers, and answeredIn entries without an answer', async () => {
    const base = stotteSubmission();
    expect(
      errorsOf(
        validateSubmission(await stotte(), { ...base, attachments: ['kontoutskrift', 'kontoutskrift', 'pass'] }),
      ),
    ).toEqual([
      ['/attachments/1', 'duplicate'],
      ['/attachments/2', 'unknown-key'],
      ['/attachments', 'required'],
    ]);
    expect(
      errorsOf(
        validateSubmission(await stotte(), {
          ...base,
          answeredIn: { 'tema/x': { locale: 'nb', variant: 'plain' }, konto: { locale: 'nb' } } as never,
        }),
      ),
    ).toEqual([
      ['/answeredIn/tema~1x', 'not-relevant'],
      ['/answeredIn/konto', 'type'],
    ]);
  });

  it('wrong values: types, formats, choices, required parts, and the envelope fields', async () => {
    const base = stotteSubmission();
    const answers = {
      ...base.answers,
      inntekt: '12000',
      konto: '123',
      adresse: { ...(base.answers.adresse as object), postcode: '155' },
      dokumenter: { ...(base.answers.dokumenter as object), kontoutskrift: { status: 'missing' } },
    };
    expect(errorsOf(validateSubmission(await stotte(), { ...base, answers }))).toEqual([
      ['/answers/inntekt', 'type'],
      ['/answers/adresse/postcode', 'pattern'],
      ['/answers/konto', 'format.account-number'],
      ['/answers/dokumenter/kontoutskrift/reason', 'required'],
    ]);
    expect(
      errorsOf(
        validateSubmission(
          await kontakt(),
          kontaktSubmission({ id: 'kort', locale: 'Norsk', variant: 'enkel' as never, submittedAt: 'i går' }),
        ),
      ),
    ).toEqual([
      ['/id', 'pattern'],
      ['/locale', 'pattern'],
      ['/variant', 'choice'],
      ['/submittedAt', 'format'],
    ]);
  });

  it('national identity numbers that pass the control digits but hold no real date (the shared formats)', async () => {
    // 00000000000 passes both control digits; 31 February and month 13 are made-up numbers with correct ones.
    const base = kontaktSubmission();
    for (const fodselsnummer of ['00000000000', '31029010059', '15139010091']) {
      const answers = { ...base.answers, fodselsnummer };
      expect(errorsOf(validateSubmission(await kontakt(), { ...base, answers }))).toEqual([
        ['/answers/fodselsnummer', 'format.national-id'],
      ]);
    }
  });

  it('escapes pointers as RFC 6901 says (~ as ~0, / as ~1)', async () => {
    const base = kontaktSubmission();
    expect(
      errorsOf(validateSubmission(await kontakt(), { ...base, answers: { ...base.answers, 'a/b~c': 1 } })),
    ).toEqual([['/answers/a~1b~0c', 'unknown-key']]);
  });
});

describe('validateSubmission and clean text (issue 12: the shared rule, src/validation/clean-text.ts)', () => {
  const withAnswers = (base: ReturnType<typeof kontaktSubmission>, answers: Record<string, unknown>) => ({
    ...base,
    answers: { ...base.answers, ...answers },
  });
  const dokumenter = (changes: Record<string, unknown>) => ({
    ...(stotteSubmission().answers.dokumenter as object),
    ...changes,
  });

  it("refuses control characters, bidi overrides and lone surrogates in text answers, with the answer's pointer", async () => {
    const base = kontaktSubmission();
    expect(errorsOf(validateSubmission(await kontakt(), withAnswers(base, { navn: 'Kari\u0000Nordmann' })))).toEqual([
      ['/answers/navn', 'text.control'],
    ]);
    expect(errorsOf(validateSubmission(await kontakt(), withAnswers(base, { navn: 'Kari \u202Enamdron' })))).toEqual([
      ['/answers/navn', 'text.bidi'],
    ]);
    expect(errorsOf(validateSubmission(await kontakt(), withAnswers(base, { navn: 'Kari \u2066x\u2069' })))).toEqual([
      ['/answers/navn', 'text.bidi'],
    ]);
    // A lone surrogate can only come as a JSON escape: as UTF-8 bytes it is not text at all.
    const lone = JSON.stringify(withAnswers(base, { navn: 'Kari' })).replace('"Kari"', '"Kari\\ud800"');
    expect(errorsOf(validateSubmission(await kontakt(), lone))).toEqual([['/answers/navn', 'text.surrogate']]);
    // The e-mail format lets a NUL through; the rule does not.
    expect(
      errorsOf(validateSubmission(await kontakt(), withAnswers(base, { epost: 'kari\u0000@example.no' }))),
    ).toEqual([['/answers/epost', 'text.control']]);
  });

  it('lets newline and tab into long texts (a textarea) only', async () => {
    const base = kontaktSubmission();
    expect(
      validateSubmission(await kontakt(), withAnswers(base, { beskrivelse: 'Første linje.\n\tAndre linje.' })).ok,
    ).toBe(true);
    expect(errorsOf(validateSubmission(await kontakt(), withAnswers(base, { beskrivelse: 'Linje\u0007' })))).toEqual([
      ['/answers/beskrivelse', 'text.control'],
    ]);
    expect(errorsOf(validateSubmission(await kontakt(), withAnswers(base, { navn: 'Kari\nNordmann' })))).toEqual([
      ['/answers/navn', 'text.control'],
    ]);
  });

  it('calls a blank answer no answer: whitespace only is "required"', async () => {
    const base = kontaktSubmission();
    expect(errorsOf(validateSubmission(await kontakt(), withAnswers(base, { navn: '   ' })))).toEqual([
      ['/answers/navn', 'required'],
    ]);
    expect(
      errorsOf(validateSubmission(await kontakt(), withAnswers(base, { beskrivelse: '\n\u00A0\u200B\n' }))),
    ).toEqual([['/answers/beskrivelse', 'required']]);
    const stotteBase = stotteSubmission();
    expect(
      errorsOf(
        validateSubmission(await stotte(), withAnswers(stotteBase, { adresse: { ...adresse, street: ' \u00A0 ' } })),
      ),
    ).toEqual([['/answers/adresse/street', 'required']]);
  });

  it("checks the parts of compound answers: an address, a group item, a document's reason", async () => {
    const base = stotteSubmission();
    expect(
      errorsOf(validateSubmission(await stotte(), withAnswers(base, { adresse: { ...adresse, city: 'Oslo\u202E' } }))),
    ).toEqual([['/answers/adresse/city', 'text.bidi']]);
    expect(
      errorsOf(
        validateSubmission(
          await stotte(),
          withAnswers(base, {
            barn: [{ 'barn-navn': 'Ola\u001B[31m', 'barn-fodt': '2015-05-17', 'bor-fast': false, samvaer: 40 }],
          }),
        ),
      ),
    ).toEqual([['/answers/barn/0/barn-navn', 'text.control']]);
    expect(
      errorsOf(
        validateSubmission(
          await stotte(),
          withAnswers(base, {
            dokumenter: dokumenter({ kontoutskrift: { status: 'missing', reason: 'Banken\u0000' } }),
          }),
        ),
      ),
    ).toEqual([['/answers/dokumenter/kontoutskrift/reason', 'text.control']]);
  });

  it("refuses file names with a path, only dots, or what the text rule refuses, at the name's pointer", async () => {
    const base = stotteSubmission();
    const file = { size: 2048, type: 'application/pdf' };
    const withFiles = (...names: string[]) =>
      withAnswers(base, {
        dokumenter: dokumenter({
          husleiekontrakt: { status: 'uploaded', files: names.map((name) => ({ ...file, name })) },
        }),
      });
    for (const name of ['../../etc/passwd', '..\\..\\boot.ini', '..', ' . ', 'a/b.pdf']) {
      expect(errorsOf(validateSubmission(await stotte(), withFiles(name))), name).toEqual([
        ['/answers/dokumenter/husleiekontrakt/files/0/name', 'text.filename'],
      ]);
    }
    expect(errorsOf(validateSubmission(await stotte(), withFiles('kontrakt.pdf', 'faktura\u202Efdp.exe')))).toEqual([
      ['/answers/dokumenter/husleiekontrakt/files/1/name', 'text.bidi'],
    ]);
    expect(errorsOf(validateSubmission(await stotte(), withFiles('kontrakt\u0000.pdf')))).toEqual([
      ['/answers/dokumenter/husleiekontrakt/files/0/name', 'text.control'],
    ]);
    expect(validateSubmission(await stotte(), withFiles('.kontrakt', 'kontrakt..pdf', 'Leiekontrakt (2).pdf')).ok).toBe(
      true,
    );
  });

  it('checks an answer marked "I don\'t know" too', async () => {
    const base = kontaktSubmission();
    expect(
      errorsOf(
        validateSubmission(await kontakt(), {
          ...withAnswers(base, { beskrivelse: 'Vet ikke\u0000' }),
          unsure: ['beskrivelse'],
        }),
      ),
    ).toEqual([['/answers/beskrivelse', 'text.control']]);
  });

  it('normalises every string to NFC rather than refusing it, and reports the rule among other faults', async () => {
    const base = stotteSubmission();
    const decomposed = withAnswers(base, {
      adresse: { ...adresse, city: 'A\u030As' },
      dokumenter: dokumenter({
        husleiekontrakt: {
          status: 'uploaded',
          files: [{ name: 'Ka\u030Arsrapport.pdf', size: 10, type: 'application/pdf' }],
        },
      }),
    });
    const result = validateSubmission(await stotte(), JSON.stringify(decomposed));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect((result.submission.answers.adresse as { city: string }).city).toBe('\u00C5s');
    expect(JSON.stringify(result.submission)).toBe(JSON.stringify(decomposed).normalize('NFC'));
    // A schema fault elsewhere does not hide the text fault.
    expect(
      errorsOf(
        validateSubmission(
          await stotte(),
          withAnswers(base, { inntekt: 'mye', adresse: { ...adresse, street: 'Gata\u0000' } }),
        ),
      ),
    ).toEqual([
      ['/answers/inntekt', 'type'],
      ['/answers/adresse/street', 'text.control'],
    ]);
  });

  it('keeps date answers between 1900-01-01 and 2100-12-31', async () => {
    const base = stotteSubmission();
    const child = (born: string) =>
      withAnswers(base, { barn: [{ 'barn-navn': 'Ola', 'barn-fodt': born, 'bor-fast': false, samvaer: 40 }] });
    for (const born of ['1900-01-01', '2100-12-31'])
      expect(validateSubmission(await stotte(), child(born)).ok, born).toBe(true);
    for (const born of ['1899-12-31', '0990-05-17', '2101-01-01', '9999-12-31']) {
      expect(errorsOf(validateSubmission(await stotte(), child(born))), born).toEqual([
        ['/answers/barn/0/barn-fodt', 'date.range'],
      ]);
    }
  });
});

describe('validateSubmission and the times of a submission', () => {
  const now = () => new Date('2026-03-03T10:00:00.000Z');
  const times = async (submittedAt: string, startedAt?: string) =>
    validateSubmission(await kontakt(), kontaktSubmission({ submittedAt, ...(startedAt ? { startedAt } : {}) }), {
      now,
    });

  it("accepts times from 2020-01-01 to 24 hours after the receiver's clock", async () => {
    expect((await times('2020-01-01T00:00:00.000Z')).ok).toBe(true);
    expect((await times('2026-03-04T10:00:00.000Z', '2026-03-04T09:00:00.000Z')).ok).toBe(true);
    expect((await times('2026-03-04T11:00:00+01:00')).ok).toBe(true);
  });

  it('refuses a submittedAt or startedAt before 2020 or more than 24 hours ahead', async () => {
    expect(errorsOf(await times('2019-12-31T23:59:59.999Z'))).toEqual([['/submittedAt', 'minimum']]);
    expect(errorsOf(await times('9999-12-31T23:59:59.000Z'))).toEqual([['/submittedAt', 'maximum']]);
    expect(errorsOf(await times('2026-03-04T10:00:00.001Z'))).toEqual([['/submittedAt', 'maximum']]);
    expect(errorsOf(await times('2026-03-03T10:00:00.000Z', '1970-01-01T00:00:00.000Z'))).toEqual([
      ['/startedAt', 'minimum'],
    ]);
    expect(errorsOf(await times('2026-03-03T10:00:00.000Z', '2030-01-01T00:00:00.000Z'))).toEqual([
      ['/startedAt', 'maximum'],
    ]);
    // Started after it was sent, both within bounds: still one fault.
    expect(errorsOf(await times('2026-03-03T10:00:00.000Z', '2026-03-03T10:00:01.000Z'))).toEqual([
      ['/startedAt', 'maximum'],
    ]);
  });

  it('uses the system clock when none is given', async () => {
    const ahead = new Date(Date.now() + 48 * 3600_000).toISOString();
    expect(errorsOf(validateSubmission(await kontakt(), kontaktSubmission({ submittedAt: ahead })))).toEqual([
      ['/submittedAt', 'maximum'],
    ]);
    expect(validateSubmission(await kontakt(), kontaktSubmission({ submittedAt: new Date().toISOString() })).ok).toBe(
      true,
    );
  });
});

describe('validateSubmission never throws', () => {
  it('on values that are not JSON', async () => {
    const formPackage = await kontakt();
    const cyclic: Record<string, unknown> = { ...kontaktSubmission() };
    cyclic.self = cyclic;
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const getter = { ...kontaktSubmission() };
    Object.defineProperty(getter, 'locale', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const inputs: unknown[] = [
      undefined,
      null,
      0,
      NaN,
      Infinity,
      'null',
      '',
      '{',
      '[]',
      '"x"',
      Buffer.from([0xff, 0xfe, 0x00]),
      Symbol('x'),
      10n,
      () => 1,
      new Date(),
      new Map(),
      [kontaktSubmission()],
      cyclic,
      hostile,
      getter,
      Object.create(null) as unknown,
      { [Symbol('k')]: 1 },
      // eslint-disable-next-line no-sparse-arrays
      { ...kontaktSubmission(), unsure: [, 'tolk'] },
    ];
    for (const input of inputs) {
      const result = validateSubmission(formPackage, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('on any JSON value or any value at all (property test)', async () => {
    const formPackage = await stotte();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({
            withObjectString: true,
            withNullPrototype: true,
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
          }),
          fc.jsonValue(),
        ),
        (value) => {
          const result = validateSubmission(formPackage, value);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on a valid submission with any single answer replaced by any JSON value (property test)', async () => {
    const formPackage = await stotte();
    const base = stotteSubmission();
    const keys = Object.keys(base.answers);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 4 }), (key, value) => {
        const result = validateSubmission(
          formPackage,
          JSON.stringify({ ...base, answers: { ...base.answers, [key]: value } }),
        );
        if (!result.ok) for (const error of result.errors) expect(error.pointer).toMatch(/^(\/([^~/]|~[01])*)*$/);
      }),
      { numRuns: 1000 },
    );
  });
});

// Terms and typography in `klarskjema check` (decision 0027): a copy of the repository's forms and locales in a
// temp folder, one text changed at a time, and the finding that names it.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFormFile } from '../../src/check/file.ts';
import { checkTerms } from '../../src/check/terms.ts';
import { createCliTexts } from '../../src/cli/texts.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;
const FORMS = ['sosialhjelp', 'kontakt', 'stotte', 'aktivitet'];

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarskjema-terms-'));
  for (const form of FORMS)
    await cp(resolve(packageRoot, `schemas/forms/${form}.json`), join(dir, `forms/${form}.json`));
  await cp(resolve(packageRoot, 'locales'), join(dir, 'locales'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, change: (texts: Json) => void): Promise<void> {
  const path = join(dir, 'locales', file);
  const texts = JSON.parse(await readFile(path, 'utf8')) as Json;
  change(texts);
  await writeFile(path, JSON.stringify(texts));
}

const findings = async (form = 'sosialhjelp') =>
  (await checkFormFile(join(dir, `forms/${form}.json`), { cwd: dir })).findings;

describe('terms and typography against the termbases', () => {
  it.each(FORMS)('the shipped texts of %s and the widget follow every termbase', async (form) => {
    expect(await findings(form)).toEqual([]);
  });

  it('fails on a term rendered another way, and says which word the termbase gives', async () => {
    // se once used one word for barnetrygd and barnebidrag: parents with barnetrygd answered yes to child support.
    await edit('se/sosialhjelp.json', (t) => {
      t.fields['ytelser-hvilke'].options.barnetrygd = 'Mánnádoarjja (barnetrygd)';
    });
    const found = await findings();
    expect(found.map((f) => [f.code, f.params.key, f.params.term, f.params.found])).toEqual([
      ['term-rendering', 'fields.ytelser-hvilke.options.barnetrygd', 'barnetrygd', undefined],
      ['term-rendering', 'fields.ytelser-hvilke.options.barnetrygd', 'barnetrygd', 'Mánnádoarj'],
      ['term-rendering', 'fields.ytelser-hvilke.options.barnetrygd', 'barnebidrag', 'Mánnádoarj'],
    ]);
    expect(found[0]).toMatchObject({
      params: { locale: 'se', file: 'locales/se/sosialhjelp.json', expected: 'mánáidoadju (barnetrygd)' },
    });
    const { message, fix } = createCliTexts('nb').explain(found[1]!);
    expect(message).toContain('Mánnádoarj');
    expect(fix).toContain('locales/se/termbase.json');
  });

  it('fails on a missing «(vedtak)» where the termbase keeps the Norwegian word', async () => {
    await edit('uk/sosialhjelp.json', (t) => {
      t.attachments.barnebidrag.label = 'Угода або рішення про аліменти';
    });
    const found = await findings();
    expect(found).toEqual([
      expect.objectContaining({
        code: 'term-norwegian-missing',
        params: expect.objectContaining({
          key: 'attachments.barnebidrag.label',
          locale: 'uk',
          term: 'vedtak',
          norwegian: 'vedtak',
        }),
      }),
    ]);
    expect(createCliTexts('en').explain(found[0]!).fix).toContain('(vedtak)');
  });

  it("fails on mixed apostrophes: Ukrainian writes ’, Somali writes '", async () => {
    await edit('uk/sosialhjelp.json', (t) => {
      t.steps.familie.title = "Ваша сім'я";
    });
    await edit('so/sosialhjelp.json', (t) => {
      t.fields.telefon.hint = 'Waan ku soo wacaynaa haddii aan su’aalo qabno.';
    });
    const found = await findings();
    expect(
      found.map((f) => [f.code, f.params.locale, f.params.key, f.params.context, f.params.found, f.params.expected]),
    ).toEqual([
      ['typography-mixed', 'uk', 'steps.familie.title', 'apostrophe', "'", '’'],
      ['typography-mixed', 'so', 'fields.telefon.hint', 'apostrophe', '’', "'"],
    ]);
  });

  it('fails on other quotation marks and commas, and leaves markup and decimals alone', async () => {
    await edit('pl/widget.json', (t) => {
      t.errors.required = 'Odpowiedz na pytanie «{{label}}».';
    });
    await edit('ti/sosialhjelp.json', (t) => {
      t.fields.jobb.options.fulltid = 'እወ፡ ምሉእ ግዜ እሰርሕ እየ';
    });
    await edit('ar/sosialhjelp.json', (t) => {
      t.fields.husleie.hint = 'بالكرونة، مثلًا 8,5 ألف. <b class="x">مهم</b>';
    });
    const found = await findings();
    expect(found.map((f) => [f.params.locale, f.params.context, f.params.found])).toEqual([
      ['pl', 'quotes', '«'],
      ['pl', 'quotes', '»'],
      ['ti', 'comma', '፡'],
    ]);
  });

  it('fails on another form of address: Tigrinya texts use the polite plural, Polish pronouns are lower case', async () => {
    await edit('ti/widget.json', (t) => {
      t.help.intro = 'ካብ ሰብ ኣብ NAV ሓገዝ ክትረክብ ትኽእል ኢኻ።';
    });
    await edit('pl/sosialhjelp.json', (t) => {
      t.fields.kontonummer.label = 'Numer Twojego konta bankowego';
    });
    const found = await findings();
    expect(found.map((f) => [f.code, f.params.locale, f.params.key, f.params.found])).toEqual([
      ['address-form', 'pl', 'fields.kontonummer.label', 'Twojego'],
      ['address-form', 'ti', 'help.intro', 'ኢኻ'],
      ['address-form', 'ti', 'help.intro', 'ትኽእል'],
    ]);
  });

  it('checks only locales that have a termbase, and reports one it cannot use', async () => {
    await rm(join(dir, 'locales/se/termbase.json'));
    await edit('se/sosialhjelp.json', (t) => {
      t.fields['ytelser-hvilke'].options.barnetrygd = 'Mánnádoarjja';
    });
    await writeFile(join(dir, 'locales/so/termbase.json'), JSON.stringify({ terms: {} }));
    const found = await findings();
    expect(found.map((f) => [f.code, f.params.context, f.params.file])).toEqual([
      ['texts-unreadable', 'termbase', 'locales/so/termbase.json'],
    ]);
  });
});

describe('checkTerms', () => {
  const nb = {
    sosialhjelp: { file: 'nb.json', texts: { a: 'Avtale eller vedtak om barnebidrag', b: 'Vedtaksbrevet' } },
  };
  const locale = (texts: Record<string, string>, affixes?: 'attached') => ({
    locale: 'ar',
    index: 0,
    namespaces: { sosialhjelp: { file: 'ar.json', texts } },
    termbase: {
      address: { form: 'أنت' },
      typography: { quotes: ['«', '»'] as [string, string], apostrophe: "'", comma: '،' },
      ...(affixes ? { affixes } : {}),
      terms: { vedtak: { translation: 'قرار (vedtak)', forms: ['قرار'], norwegian: 'vedtak' } },
    },
  });
  const source = { vedtak: { definition: 'Avgjørelsen', forms: ['vedtak', 'vedtaket'] } };

  it('matches nb terms as whole words, and stems inside words where the language attaches affixes', () => {
    // «Vedtaksbrevet» is another word: no term. «والقرار» carries the article and a conjunction.
    expect(
      checkTerms({ source, nb, locales: [locale({ a: 'اتفاق أو القرار (vedtak)', b: 'رسالة' }, 'attached')] }),
    ).toEqual([]);
    expect(
      checkTerms({ source, nb, locales: [locale({ a: 'اتفاق أو القرار (vedtak)', b: 'رسالة' })] }).map((f) => f.code),
    ).toEqual(['term-rendering']);
  });
});

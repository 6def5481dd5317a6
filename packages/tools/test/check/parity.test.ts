// Translation parity in `klarskjema check`: a copy of the repository's forms and locales in a temp
// folder, with one locale file broken at a time. Each finding names the key and the locale.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFormFile } from '../../src/check/file.ts';
import { checkParity, placeholders } from '../../src/check/parity.ts';
import { createCliTexts } from '../../src/cli/texts.ts';
import { main } from '../../src/cli/main.ts';
import { packageRoot } from '../../../../src/node/paths.ts';

type Json = Record<string, any>;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarskjema-parity-'));
  await cp(resolve(packageRoot, 'schemas/forms/kontakt.json'), join(dir, 'forms/kontakt.json'), { recursive: true });
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

async function findings() {
  const report = await checkFormFile(join(dir, 'forms/kontakt.json'), { cwd: dir });
  return report.findings;
}

describe('translation parity', () => {
  it('the shipped locales of the example form are complete', async () => {
    expect(await findings()).toEqual([]);
  });

  it('fails on a missing key and names the key, locale and file', async () => {
    await edit('ar/kontakt.json', (t) => {
      delete t.fields.navn.label;
    });
    const [found, ...rest] = await findings();
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      code: 'translation-missing',
      params: { key: 'fields.navn.label', locale: 'ar', file: 'locales/ar/kontakt.json' },
    });
    expect(found!.pointer).toBe(`/locales/${['nb', 'nn', 'en', 'se', 'pl', 'uk', 'ar', 'so', 'ti'].indexOf('ar')}`);
    const { message, fix } = createCliTexts('nb').explain(found!);
    expect(message).toContain('fields.navn.label');
    expect(message).toContain('ar');
    expect(fix).toContain('locales/ar/fallback.json');
  });

  it('accepts a key listed as a deliberate fallback, and rejects a listed key nb does not have', async () => {
    await edit('se/kontakt.json', (t) => {
      delete t.fields.navn.label;
    });
    await writeFile(join(dir, 'locales/se/fallback.json'), JSON.stringify({ kontakt: ['fields.navn.label'] }));
    expect(await findings()).toEqual([]);
    await writeFile(
      join(dir, 'locales/se/fallback.json'),
      JSON.stringify({ kontakt: ['fields.navn.label', 'fields.finnes-ikke.label'] }),
    );
    expect(await findings()).toMatchObject([
      { code: 'translation-extra', params: { key: 'fields.finnes-ikke.label', locale: 'se', context: 'fallback' } },
    ]);
  });

  it('fails on a renamed and on an extra placeholder, and shows both sets', async () => {
    await edit('widget.json'.replace(/^/, 'pl/'), (t) => {
      t.progress = String(t.progress).replace('{{total}}', '{{totalt}}');
    });
    const [found] = await findings();
    expect(found).toMatchObject({
      code: 'translation-placeholders',
      params: { key: 'progress', locale: 'pl', file: 'locales/pl/widget.json' },
    });
    const { message } = createCliTexts('en').explain(found!);
    expect(message).toContain('{{total}}');
    expect(message).toContain('{{totalt}}');
  });

  it('fails on an empty string', async () => {
    await edit('uk/kontakt.json', (t) => {
      t.fields.navn.label = '  ';
    });
    expect(await findings()).toMatchObject([
      { code: 'translation-empty', params: { key: 'fields.navn.label', locale: 'uk' } },
    ]);
  });

  it('fails on a key nb does not have (a renamed key)', async () => {
    await edit('nn/kontakt.json', (t) => {
      t.fields.navn.lable = t.fields.navn.label;
      delete t.fields.navn.label;
    });
    const codes = (await findings()).map((f) => [f.code, f.params.key]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['translation-missing', 'fields.navn.label'],
        ['translation-extra', 'fields.navn.lable'],
      ]),
    );
  });

  it('fails when a listed locale has no widget texts', async () => {
    await rm(join(dir, 'locales/so/widget.json'));
    expect(await findings()).toMatchObject([
      { code: 'locale-file-missing', params: { locale: 'so', file: 'locales/so/widget.json' } },
      // The widget's plain bar is 1 in every locale, so a locale without the file has none of its plain texts.
      { code: 'plain-coverage', params: { locale: 'so', namespace: 'widget', covered: 0 } },
    ]);
  });

  it('exits 1 from the command line', async () => {
    await edit('ti/kontakt.json', (t) => {
      delete t.title;
    });
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await main(['check', join(dir, 'forms/kontakt.json'), '--locales', join(dir, 'locales')])).toBe(1);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toMatch(/title.*ti|ti.*title/);
  });
});

describe('parity rules', () => {
  it('pools plural forms and allows a missing plain variant', () => {
    const findings = checkParity({
      source: {
        f: {
          file: 'nb',
          texts: { items_one: 'Ett barn', items_other: '{{count}} barn', label: 'Navn', label_plain: 'Hva heter du?' },
        },
      },
      locales: [
        {
          locale: 'ar',
          index: 1,
          fallback: {},
          namespaces: {
            f: {
              file: 'ar',
              texts: {
                items_zero: 'x',
                items_one: 'y',
                items_two: 'z',
                items_few: '{{count}} a',
                items_many: '{{count}} b',
                items_other: '{{count}} c',
                label: 'الاسم',
              },
            },
          },
        },
      ],
    });
    expect(findings).toEqual([]);
  });

  it('reads placeholder names with formats', () => {
    expect([...placeholders('{{count, number}} av {{ total }}')]).toEqual(['count', 'total']);
  });
});

// Critical texts and how each translation was checked (decision 0027): every locale lists, for each text that
// decides urgent help, family, money or the declaration, its status; none is without one; and the widget's
// draft notice stays on until a native speaker has reviewed all of them.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFormPackage } from '../../src/build/build.ts';
import { checkFormFile } from '../../src/check/file.ts';
import {
  isTextStatus,
  namespaceStatus,
  nbFingerprint,
  readKeyLists,
  readStatuses,
  type TextStatus,
} from '../../src/check/text-status.ts';
import { createCliTexts } from '../../src/cli/texts.ts';
import { textLeaves } from '../../../../src/i18n/text-leaves.ts';
import { packageRoot } from '../../../../src/node/paths.ts';
import { readExampleDefinition } from '../../../../test/helpers/form-packages.ts';

type Json = Record<string, any>;
const LOCALES = ['nn', 'en', 'pl', 'uk', 'ar', 'so', 'ti', 'se', 'fa', 'lt'];
const locales = resolve(packageRoot, 'locales');
const readJson = async (path: string): Promise<Json> => JSON.parse(await readFile(path, 'utf8')) as Json;
const keysOf = (texts: unknown) => new Map(textLeaves(texts).map(([path, value]) => [path.join('.'), value]));

describe('critical texts and their review status, per locale', () => {
  it('marks at least 40 sosialhjelp texts in every locale as critical, all of them real nb texts', async () => {
    const critical = readKeyLists(await readJson(join(locales, 'nb/critical.json')));
    const nb = keysOf(await readJson(join(locales, 'nb/sosialhjelp.json')));
    expect(critical.sosialhjelp!.filter((key) => typeof nb.get(key) !== 'string')).toEqual([]);
    for (const locale of LOCALES) {
      const own = keysOf(await readJson(join(locales, locale, 'sosialhjelp.json')));
      expect(critical.sosialhjelp!.filter((key) => own.has(key)).length, locale).toBeGreaterThanOrEqual(40);
    }
  });

  it('lists each locale’s critical texts with their status, and none is without one', async () => {
    const critical = readKeyLists(await readJson(join(locales, 'nb/critical.json'))).sosialhjelp!;
    const nb = keysOf(await readJson(join(locales, 'nb/sosialhjelp.json')));
    const listing: Record<string, Record<string, string>> = {};
    for (const locale of LOCALES) {
      const own = keysOf(await readJson(join(locales, locale, 'sosialhjelp.json')));
      const statuses = readStatuses(await readJson(join(locales, locale, 'text-status.json'))).sosialhjelp ?? {};
      listing[locale] = Object.fromEntries(
        critical
          .filter((key) => own.has(key))
          .map((key) => {
            const status: unknown = statuses[key];
            if (!isTextStatus(status)) return [key, 'NO STATUS'];
            const stale =
              status.nb === nbFingerprint(nb.get(key) as string) ? '' : ', checked against an older nb text';
            return [key, `${status.state}, ${status.method}, ${status.by}, ${status.at}${stale}`];
          }),
      );
    }
    const missing = Object.entries(listing).flatMap(([locale, keys]) =>
      Object.entries(keys).flatMap(([key, line]) =>
        line.startsWith('draft, ') || line.startsWith('reviewed, ') ? [] : [`${locale} ${key}`],
      ),
    );
    expect(missing).toEqual([]);
    // The critical texts each locale has, plain variants included (legal ones with a legal review, decision 0031).
    expect(
      Object.fromEntries(Object.entries(listing).map(([locale, keys]) => [locale, Object.keys(keys).length])),
    ).toEqual({
      nn: 79,
      en: 77,
      pl: 79,
      uk: 79,
      ar: 79,
      so: 79,
      ti: 79,
      se: 79,
      fa: 79,
      lt: 79,
    });
    // A reviewed text is one a native speaker reviewed; a language model's check stays a draft.
    for (const [locale, keys] of Object.entries(listing)) {
      for (const [key, line] of Object.entries(keys))
        expect(line, `${locale} ${key}`).toMatch(
          /^(draft, (none|machine-assisted translation|back-translation|back-translation \(machine-assisted\)|native-review)|reviewed, native-review), /,
        );
    }
  });
});

describe('klarskjema check on review status', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarskjema-status-'));
    await cp(resolve(packageRoot, 'schemas/forms/sosialhjelp.json'), join(dir, 'forms/sosialhjelp.json'));
    await cp(locales, join(dir, 'locales'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const edit = async (file: string, change: (json: Json) => void) => {
    const path = join(dir, 'locales', file);
    const json = await readJson(path);
    change(json);
    await writeFile(path, JSON.stringify(json));
  };
  const findings = async () => (await checkFormFile(join(dir, 'forms/sosialhjelp.json'), { cwd: dir })).findings;

  it('fails when a critical text has no status, and names it', async () => {
    await edit('so/text-status.json', (s) => {
      delete s.sosialhjelp['fields.om-bekreftelse.text'];
    });
    const found = await findings();
    expect(found).toEqual([
      expect.objectContaining({
        code: 'text-status-missing',
        params: { key: 'fields.om-bekreftelse.text', locale: 'so', file: 'locales/so/text-status.json' },
      }),
    ]);
    expect(createCliTexts('nb').explain(found[0]!).message).toContain('fields.om-bekreftelse.text');
  });

  it('refuses a machine-assisted check recorded as reviewed, and a namespace declared reviewed too early', async () => {
    await edit('ar/text-status.json', (s) => {
      s.sosialhjelp['fields.lonn.label'].state = 'reviewed';
    });
    await edit('pl/status.json', (s) => {
      s.sosialhjelp = 'reviewed';
    });
    // At least one critical Polish text without a native review, whatever reviews the repository holds by then.
    await edit('pl/text-status.json', (s) => {
      s.sosialhjelp['fields.bekreftelse.label'].state = 'draft';
      s.sosialhjelp['fields.bekreftelse.label'].method = 'back-translation (machine-assisted)';
    });
    const found = await findings();
    expect(found.map((f) => [f.code, f.params.locale, f.params.key ?? f.params.namespace])).toEqual([
      ['translation-reviewed-early', 'pl', 'sosialhjelp'],
      ['text-status-invalid', 'ar', 'fields.lonn.label'],
    ]);
    expect(createCliTexts('en').explain(found[0]!).message).toContain('not reviewed by a native speaker');
  });
});

describe('the draft-translation notice', () => {
  const review = (nb: string): TextStatus => ({
    state: 'reviewed',
    method: 'native-review',
    by: 'A. Translator, authorised',
    at: '2026-12-10',
    nb: nbFingerprint(nb),
  });
  const nb = { q: 'Trenger du hjelp i dag?', other: 'Navnet ditt' };
  const texts = { q: 'Czy potrzebujesz pomocy dzisiaj?', other: 'Twoje imię i nazwisko' };

  it('stays on until every critical text is reviewed by a native speaker against today’s nb text', () => {
    const status = (statuses: Record<string, unknown> | undefined, declared = 'reviewed', source = nb) =>
      namespaceStatus({ declared, critical: ['q'], nb: source, texts, statuses });
    expect(status(undefined)).toBe('draft');
    expect(status({ q: { ...review(nb.q), method: 'back-translation (machine-assisted)' } })).toBe('draft');
    expect(status({ q: review(nb.q) })).toBe('reviewed');
    expect(status({ q: review(nb.q) }, 'draft')).toBe('draft');
    // nb changed after the review: the review no longer holds.
    expect(status({ q: review(nb.q) }, 'reviewed', { ...nb, q: 'Trenger du hjelp i dag eller i natt?' })).toBe('draft');
  });

  it('is on in the built package until every critical text of that language is natively reviewed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-status-build-'));
    try {
      await cp(locales, join(dir, 'locales'), { recursive: true });
      const critical = readKeyLists(await readJson(join(locales, 'nb/critical.json'))).sosialhjelp!;
      const nb = keysOf(await readJson(join(locales, 'nb/sosialhjelp.json')));
      // uk: every critical text natively reviewed; pl: all but one; the others: none.
      const reviewed = async (locale: string, keys: string[]) => {
        const own = keysOf(await readJson(join(locales, locale, 'sosialhjelp.json')));
        const entries = keys.filter((key) => own.has(key)).map((key) => [key, review(nb.get(key) as string)]);
        await writeFile(
          join(dir, 'locales', locale, 'text-status.json'),
          JSON.stringify({ sosialhjelp: Object.fromEntries(entries) }),
        );
      };
      for (const locale of LOCALES) {
        const path = join(dir, 'locales', locale, 'status.json');
        await writeFile(
          path,
          JSON.stringify({
            ...(await readJson(path)),
            sosialhjelp: 'reviewed',
            widget: 'reviewed',
            glossary: 'reviewed',
          }),
        );
        await reviewed(locale, locale === 'uk' ? critical : locale === 'pl' ? critical.slice(1) : []);
      }
      const definition = await readExampleDefinition('sosialhjelp');
      const { dir: out } = await buildFormPackage(definition, {
        outDir: join(dir, 'out'),
        localesDir: join(dir, 'locales'),
      });
      for (const locale of LOCALES) {
        const built = await readJson(join(out, 'locales', `${locale}.json`));
        // The glossary has no critical texts: what status.json says holds for it. The widget's privacy texts are
        // critical since 0031, and none of them is natively reviewed here.
        expect(built._status, locale).toMatchObject({
          sosialhjelp: locale === 'uk' ? 'reviewed' : 'draft',
          widget: 'draft',
          glossary: 'reviewed',
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

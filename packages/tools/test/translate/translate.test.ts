// The translator's round trip as a translator and a reviewer do it (issue 16 item 5, decision 0032): export a
// locale as XLIFF 2.0, change it in a tool (here: the DOM, as a tool would), import it back. Each test works in a
// project of its own (a temporary folder with the example forms and a copy of the texts).
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../src/node/paths.ts';
import { main } from '../../src/cli/main.ts';
import { nbFingerprint } from '../../src/check/text-status.ts';
import { REFUSALS, withTexts } from '../../src/translate/translate.ts';
import { XLIFF_NS } from '../../src/translate/xliff-write.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    // A clock that is not today: import records this day when --at is not given.
    now: () => new Date('2031-05-06T22:30:00Z'),
  });
  return { code, stdout, stderr };
}

/** A project with the example forms and every locale's texts, as a translator's checkout has them. */
async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'klarskjema-translate-'));
  await mkdir(join(dir, 'schemas'), { recursive: true });
  await cp(resolve(packageRoot, 'schemas/forms'), join(dir, 'schemas/forms'), { recursive: true });
  await cp(resolve(packageRoot, 'locales'), join(dir, 'locales'), { recursive: true });
  return dir;
}

const readJson = async (path: string): Promise<any> => JSON.parse(await readFile(path, 'utf8'));

/** The project as it was before a locale was added: no folder, and no form lists it. */
async function forget(dir: string, locale: string): Promise<void> {
  await rm(join(dir, 'locales', locale), { recursive: true, force: true });
  for (const name of await readdir(join(dir, 'schemas/forms'))) {
    const file = join(dir, 'schemas/forms', name);
    const form = await readJson(file);
    form.locales = form.locales.filter((l: string) => l !== locale);
    await writeFile(file, JSON.stringify(form, null, 2));
  }
}
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml');
const elements = (node: Document | Element, name: string): Element[] =>
  Array.from(node.getElementsByTagNameNS(XLIFF_NS, name));
const childElements = (node: Element): Element[] =>
  Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);
const unit = (doc: Document, file: string, id: string): Element => {
  const found = elements(doc, 'file')
    .filter((f) => f.getAttribute('id') === file)
    .flatMap((f) => elements(f, 'unit'))
    .find((u) => u.getAttribute('id') === id);
  if (!found) throw new Error(`no unit ${file} ${id}`);
  return found;
};
const target = (u: Element): Element => elements(u, 'target')[0]!;
const notes = (u: Element): Record<string, string> =>
  Object.fromEntries(elements(u, 'note').map((n) => [n.getAttribute('category'), n.textContent ?? '']));

/**
 * The XLIFF 2.0 core rules a file must keep (structural: the schema itself is not vendored, decision 0032): the
 * root and its languages, unique file and unit ids (NMTOKEN), the order of a unit's children, states, and inline
 * codes that point at their original data and, in a target, at a code of the source.
 */
function expectXliff20(doc: Document, trgLang: string): void {
  const root = doc.documentElement!;
  expect([root.namespaceURI, root.localName]).toEqual([XLIFF_NS, 'xliff']);
  expect(root.getAttribute('version')).toBe('2.0');
  expect(root.getAttribute('srcLang')).toBe('nb');
  expect(root.getAttribute('trgLang')).toBe(trgLang);
  const files = childElements(root);
  expect(files.length).toBeGreaterThan(0);
  expect(new Set(files.map((f) => f.getAttribute('id'))).size).toBe(files.length);
  const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;
  for (const file of files) {
    expect(file.localName).toBe('file');
    const children = childElements(file);
    const units = children.filter((c) => c.localName === 'unit');
    expect(units.length).toBeGreaterThan(0);
    expect(children.map((c) => c.localName)).toEqual([
      ...(children[0]!.localName === 'notes' ? ['notes'] : []),
      ...units.map(() => 'unit'),
    ]);
    expect(new Set(units.map((u) => u.getAttribute('id'))).size).toBe(units.length);
    for (const u of units) {
      const id = u.getAttribute('id')!;
      expect(id).toMatch(NMTOKEN);
      const order = childElements(u).map((c) => c.localName);
      expect(order.join(' ')).toMatch(/^(notes )?(originalData )?segment$/);
      for (const note of elements(u, 'note')) expect(note.parentNode!.nodeName).toBe('notes');
      const data = new Set(elements(u, 'data').map((d) => d.getAttribute('id')));
      const segment = elements(u, 'segment')[0]!;
      const state = segment.getAttribute('state') ?? 'initial';
      expect(['initial', 'translated', 'reviewed', 'final']).toContain(state);
      const [source, ...rest] = childElements(segment);
      expect(source!.localName).toBe('source');
      expect(rest.map((r) => r.localName)).toEqual(rest.length ? ['target'] : []);
      if (state !== 'initial') expect(rest).toHaveLength(1);
      const sourceIds = elements(source!, 'ph').map((p) => p.getAttribute('id'));
      expect(new Set(sourceIds).size).toBe(sourceIds.length);
      for (const ph of [...elements(source!, 'ph'), ...rest.flatMap((t) => elements(t, 'ph'))]) {
        expect(data.has(ph.getAttribute('dataRef'))).toBe(true);
        expect(ph.childNodes.length).toBe(0);
      }
      for (const ph of rest.flatMap((t) => elements(t, 'ph'))) expect(sourceIds).toContain(ph.getAttribute('id'));
      // A placeholder is an inline code, never text the translator could break.
      expect(source!.textContent ?? '').not.toMatch(/\{\{|\}\}/);
    }
  }
}

describe('klarskjema translate export', () => {
  it('writes XLIFF 2.0 with one file per namespace and the context a translator needs on each unit', async () => {
    const dir = await project();
    const result = await run(['translate', 'export', '--locale', 'pl', '--out', 'pl.xlf'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Lagret pl\.xlf: \d+ tekster på pl fra aktivitet, kontakt, sosialhjelp, stotte, widget\./,
    );
    const doc = parse(await readFile(join(dir, 'pl.xlf'), 'utf8'));
    expectXliff20(doc, 'pl');

    // Critical texts first (decision 0027), with the lock as the first note.
    const sosialhjelp = elements(doc, 'file').find((f) => f.getAttribute('id') === 'sosialhjelp')!;
    const critical = (await readJson(join(dir, 'locales/nb/critical.json'))).sosialhjelp as string[];
    const ids = elements(sosialhjelp, 'unit').map((u) => u.getAttribute('id')!);
    const firstPlain = ids.findIndex((id) => !critical.includes(id));
    expect(ids.slice(firstPlain).some((id) => critical.includes(id))).toBe(false);
    expect(firstPlain).toBeGreaterThan(50);
    const declaration = notes(unit(doc, 'sosialhjelp', 'fields.hjelp-i-dag.label'));
    expect(Object.keys(declaration)[0]).toBe('critical');

    // A label: its nb text as source, its role, step and field, the termbase's words, and how it was checked.
    const konto = unit(doc, 'kontakt', 'fields.fodselsnummer.label');
    expect(elements(konto, 'source')[0]!.textContent).toBe('Fødselsnummeret ditt');
    const context = notes(konto);
    expect(context.role).toBe('Spørsmålet eller navnet på feltet.');
    expect(context.location).toBe('Står i steg 1 (om-deg), ved feltet fodselsnummer (national-id).');
    expect(context.term).toContain('«fødselsnummer» i parentes');
    expect(context.status).toMatch(/^Utkast: back-translation \(machine-assisted\), Claude/);
    expect(elements(konto, 'segment')[0]!.getAttribute('state')).toBe('translated');

    // The plain variant beside the standard text, both ways; the field's maximum length.
    expect(notes(unit(doc, 'kontakt', 'fields.telefon.label'))['nb-plain']).toBe(
      'Klarspråkvarianten på norsk er: Hvilket nummer kan vi ringe deg på?',
    );
    expect(notes(unit(doc, 'kontakt', 'fields.telefon.label_plain'))['nb-standard']).toBe(
      'Dette er klarspråkvarianten. Standardteksten på norsk er: Telefonnummeret ditt',
    );
    expect(notes(unit(doc, 'kontakt', 'fields.beskrivelse.hint'))['max-length']).toBe(
      'Svaret i feltet kan ha høyst 4000 tegn.',
    );

    // Placeholders as inline codes with their original data; Polish plural forms of its own.
    const few = unit(doc, 'widget', 'characters.left_few');
    expect(elements(few, 'data')[0]!.textContent).toBe('{{count}}');
    expect(elements(elements(few, 'source')[0]!, 'ph')[0]!.getAttribute('disp')).toBe('{{count}}');
    expect(notes(few).plural).toContain('«few» på pl');
  });

  it('exports a locale with no folder yet: every text initial, no targets, Lithuanian plural forms', async () => {
    const dir = await project();
    await forget(dir, 'lt');
    const result = await run(['translate', 'export', '--locale', 'lt', '--lang', 'en'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('No form has lt in its list of languages yet');
    const doc = parse(result.stdout);
    expectXliff20(doc, 'lt');
    expect(elements(doc, 'target')).toHaveLength(0);
    expect(elements(doc, 'segment').every((s) => s.getAttribute('state') === 'initial')).toBe(true);
    for (const form of ['one', 'few', 'many', 'other']) unit(doc, 'widget', `characters.left_${form}`);
    expect(notes(unit(doc, 'sosialhjelp', 'fields.kontonummer.label')).term).toContain('lt has no termbase yet');
  });

  it('locks the texts of a field the form marks legal, names the kind, and puts them first', async () => {
    const dir = await project();
    const formFile = join(dir, 'schemas/forms/kontakt.json');
    const form = await readJson(formFile);
    const consent = form.steps
      .flatMap((s: { fields: Array<{ id: string }> }) => s.fields)
      .find((f: { id: string }) => f.id === 'samtykke');
    consent.legal = 'declaration';
    await writeFile(formFile, JSON.stringify(form, null, 2));
    const doc = parse((await run(['translate', 'export', '--locale', 'uk', '--form', 'kontakt'], dir)).stdout);
    const ids = elements(doc, 'unit').map((u) => u.getAttribute('id')!);
    const locked = ids.filter((id) => notes(unit(doc, 'kontakt', id)).legal !== undefined);
    expect(locked).toContain('fields.samtykke.label');
    expect(ids.slice(0, locked.length)).toEqual(locked);
    const lock = elements(unit(doc, 'kontakt', 'fields.samtykke.label'), 'note')[0]!;
    expect([lock.getAttribute('category'), lock.getAttribute('priority')]).toEqual(['legal', '1']);
    expect(lock.textContent).toMatch(
      /^Juridisk tekst \(erklæring brukeren bekrefter\): den binder brukeren eller NAV\./,
    );
    expect(notes(unit(doc, 'kontakt', 'fields.navn.label')).legal).toBeUndefined();
  });

  it('exports one form, or the widget, with --form', async () => {
    const dir = await project();
    const result = await run(['translate', 'export', '--locale', 'uk', '--form', 'widget'], dir);
    expect(result.code).toBe(0);
    expect(elements(parse(result.stdout), 'file').map((f) => f.getAttribute('id'))).toEqual(['widget']);
    const wrong = await run(['translate', 'export', '--locale', 'uk', '--form', 'nope'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Det finnes ingen tekster som heter «nope»');
  });
});

/** Exports stotte and the widget in pl, lets `edit` change the document, and writes it back as a file. */
async function translated(dir: string, edit: (doc: Document) => void, locale = 'pl'): Promise<string> {
  const exported = await run(['translate', 'export', '--locale', locale, '--form', 'stotte'], dir);
  expect(exported.code).toBe(0);
  const doc = parse(exported.stdout);
  edit(doc);
  const file = join(dir, `${locale}-done.xlf`);
  await writeFile(file, new XMLSerializer().serializeToString(doc));
  return file;
}

const setText = (u: Element, text: string): void => {
  const t = target(u);
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(t.ownerDocument!.createTextNode(text));
};

describe('klarskjema translate import', () => {
  it('round trip: a changed text and a reviewed one are written in nb key order, with who, when and the nb fingerprint', async () => {
    const dir = await project();
    const before = await readJson(join(dir, 'locales/pl/text-status.json'));
    const file = await translated(dir, (doc) => {
      // The translator rewrites a hint; a native reviewer marks a label reviewed without changing it.
      setText(unit(doc, 'stotte', 'fields.arbeid.hint'), 'Zaznacz wszystko, co do ciebie pasuje.');
      elements(unit(doc, 'stotte', 'fields.inntekt.label'), 'segment')[0]!.setAttribute('state', 'reviewed');
    });
    const result = await run(['translate', 'import', file, '--by', 'Anna Nowak, tłumacz przysięgły'], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('pl: lagret 1 tekst i stotte.json.');
    expect(result.stdout).toContain('1 utkast, 1 gått gjennom');
    expect(result.code).toBe(0);

    const texts = await readJson(join(dir, 'locales/pl/stotte.json'));
    expect(texts.fields.arbeid.hint).toBe('Zaznacz wszystko, co do ciebie pasuje.');
    const original = await readJson(resolve(packageRoot, 'locales/pl/stotte.json'));
    expect(JSON.stringify(Object.keys(texts.fields.arbeid))).toBe(JSON.stringify(Object.keys(original.fields.arbeid)));
    expect(JSON.stringify(texts, null, 2)).toBe(
      JSON.stringify(
        {
          ...original,
          fields: { ...original.fields, arbeid: { ...original.fields.arbeid, hint: texts.fields.arbeid.hint } },
        },
        null,
        2,
      ),
    );

    const nb = await readJson(join(dir, 'locales/nb/stotte.json'));
    const statuses = (await readJson(join(dir, 'locales/pl/text-status.json'))).stotte;
    // The clock said 22:30 UTC on 6 May, which is 7 May in Norway.
    expect(statuses['fields.arbeid.hint']).toEqual({
      state: 'draft',
      method: 'none',
      by: 'Anna Nowak, tłumacz przysięgły',
      at: '2031-05-07',
      nb: nbFingerprint(nb.fields.arbeid.hint),
    });
    expect(statuses['fields.inntekt.label']).toEqual({
      state: 'reviewed',
      method: 'native-review',
      by: 'Anna Nowak, tłumacz przysięgły',
      at: '2031-05-07',
      nb: nbFingerprint(nb.fields.inntekt.label),
    });
    // Texts nobody touched keep the status they had.
    expect(statuses['fields.inntekt.hint']).toEqual(before.stotte['fields.inntekt.hint']);

    // Exported again, the reviewed text says so.
    const again = parse((await run(['translate', 'export', '--locale', 'pl', '--form', 'stotte'], dir)).stdout);
    expect(elements(unit(again, 'stotte', 'fields.inntekt.label'), 'segment')[0]!.getAttribute('state')).toBe(
      'reviewed',
    );
  });

  it('a native review of every critical text, imported, is what lets check and build call a namespace reviewed', async () => {
    const dir = await project();
    const declared = join(dir, 'locales/pl/status.json');
    await writeFile(declared, JSON.stringify({ ...(await readJson(declared)), sosialhjelp: 'reviewed' }, null, 2));
    const codes = async () =>
      JSON.parse(
        (await run(['check', 'schemas/forms/sosialhjelp.json', '--format', 'json'], dir)).stdout,
      ).files.flatMap((f: { findings: Array<{ code: string }> }) => f.findings.map((x) => x.code)) as string[];
    expect(await codes()).toContain('translation-reviewed-early');

    const critical = (await readJson(join(dir, 'locales/nb/critical.json'))).sosialhjelp as string[];
    const exported = parse((await run(['translate', 'export', '--locale', 'pl', '--form', 'sosialhjelp'], dir)).stdout);
    // The critical texts pl has (a plain variant it lacks is shown as its standard text, which is reviewed).
    const translatedCritical = critical.filter((id) => elements(unit(exported, 'sosialhjelp', id), 'target').length);
    for (const id of translatedCritical)
      elements(unit(exported, 'sosialhjelp', id), 'segment')[0]!.setAttribute('state', 'reviewed');
    const file = join(dir, 'reviewed.xlf');
    await writeFile(file, new XMLSerializer().serializeToString(exported));
    const result = await run(['translate', 'import', file, '--by', 'Anna Nowak, native reviewer'], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${translatedCritical.length} gått gjennom`);
    expect(await codes()).not.toContain('translation-reviewed-early');
  });

  it('records --at when given, and an nb text changed since the export as out of date', async () => {
    const dir = await project();
    const file = await translated(dir, (doc) => {
      setText(unit(doc, 'stotte', 'fields.arbeid.label'), 'Czym się teraz zajmujesz?');
    });
    const nbFile = join(dir, 'locales/nb/stotte.json');
    const nb = await readJson(nbFile);
    const old = nb.fields.arbeid.label;
    nb.fields.arbeid.label = 'Hva gjør du i dag?';
    await writeFile(nbFile, `${JSON.stringify(nb, null, 2)}\n`);
    const result = await run(['translate', 'import', file, '--by', 'Anna', '--at', '2027-01-02'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Den norske teksten er endret etter at du laget filen, for 1 tekst.');
    expect(result.stdout).toContain('  stotte  fields.arbeid.label');
    const status = (await readJson(join(dir, 'locales/pl/text-status.json'))).stotte['fields.arbeid.label'];
    expect(status).toMatchObject({ at: '2027-01-02', nb: nbFingerprint(old) });
    expect(status.nb).not.toBe(nbFingerprint('Hva gjør du i dag?'));
  });

  it('refuses a broken placeholder, and writes nothing', async () => {
    const dir = await project();
    const textsBefore = await readFile(join(dir, 'locales/pl/widget.json'), 'utf8');
    const statusBefore = await readFile(join(dir, 'locales/pl/text-status.json'), 'utf8');
    const exported = parse((await run(['translate', 'export', '--locale', 'pl', '--form', 'widget'], dir)).stdout);
    // The tag replaced by a typed {{count}} in one text, deleted in another, one too many in a third.
    setText(unit(exported, 'widget', 'characters.left_few'), 'Zostały ci {{count}} znaki');
    setText(unit(exported, 'widget', 'group.added'), 'Dodano.');
    const extra = unit(exported, 'widget', 'actions.next');
    target(extra).appendChild(elements(unit(exported, 'widget', 'characters.left_few'), 'ph')[0]!.cloneNode(true));
    const data = elements(unit(exported, 'widget', 'characters.left_few'), 'originalData')[0]!.cloneNode(true);
    extra.insertBefore(data, elements(extra, 'segment')[0]!);
    const file = join(dir, 'broken.xlf');
    await writeFile(file, new XMLSerializer().serializeToString(exported));

    const result = await run(['translate', 'import', file, '--by', 'Anna'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Leste ikke inn broken.xlf. Du må rette 3 ting først. Ingenting er lagret.');
    expect(result.stderr).toMatch(
      /widget {2}characters\.left_few \(linje \d+\)\n {2}Oversettelsen har en plassholder skrevet som tekst: «Zostały ci \{\{count\}\} znaki»\.\n {2}→ Slett den og sett inn merket fra kildeteksten\./,
    );
    const groupAdded = (await readJson(join(dir, 'locales/nb/widget.json'))).group.added as string;
    const [name] = /\{\{(\w+)\}\}/.exec(groupAdded)!.slice(1);
    expect(result.stderr).toContain(`widget  group.added`);
    expect(result.stderr).toContain(`Plassholderen {{${name}}} mangler i oversettelsen.`);
    expect(result.stderr).toContain('Oversettelsen har plassholderen {{count}}, som den norske teksten ikke har.');
    expect(await readFile(join(dir, 'locales/pl/widget.json'), 'utf8')).toBe(textsBefore);
    expect(await readFile(join(dir, 'locales/pl/text-status.json'), 'utf8')).toBe(statusBefore);
  });

  it.each([
    [
      'malformed XML',
      (xml: string) => xml.replace('</xliff>', ''),
      'Filen er ikke gyldig XML: unclosed xml tag(s): xliff (linje ',
    ],
    ['another kind of file', () => '<?xml version="1.0"?><html/>', 'Filen er ikke en XLIFF 2.0-fil'],
    ['the wrong target language', (xml: string) => xml.replace('trgLang="pl"', 'trgLang="nb"'), 'trgLang er nb'],
    [
      'an unknown unit',
      (xml: string) => xml.replace('<unit id="fields.arbeid.label">', '<unit id="fields.arbeid.tittel">'),
      'Teksten «fields.arbeid.tittel» finnes ikke på norsk',
    ],
    [
      'a state with no translation',
      (xml: string) => {
        const doc = parse(xml);
        const title = unit(doc, 'stotte', 'title');
        const segment = elements(title, 'segment')[0]!;
        segment.removeChild(target(title));
        segment.setAttribute('state', 'reviewed');
        return new XMLSerializer().serializeToString(doc);
      },
      'Teksten har status reviewed, men ingen oversettelse.',
    ],
  ])('refuses %s with a plain message', async (_, change, message) => {
    const dir = await project();
    const exported = await run(['translate', 'export', '--locale', 'pl', '--form', 'stotte'], dir);
    const file = join(dir, 'changed.xlf');
    await writeFile(file, change(exported.stdout));
    const result = await run(['translate', 'import', file, '--by', 'Anna'], dir);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\bat \w+ \(|Error:/);
    expect(result.code).toBe(2);
  });

  it('reads a unit a tool split into sentences, with the space between them and an annotation', async () => {
    const dir = await project();
    const exported = await run(['translate', 'export', '--locale', 'pl', '--form', 'stotte'], dir);
    const id = 'fields.inntekt.why';
    const split = exported.stdout.replace(
      new RegExp(`(<unit id="${id.replace(/\./g, '\\.')}">[\\s\\S]*?)<segment state="translated">[\\s\\S]*?</segment>`),
      `$1<segment state="reviewed"><source>Vi trenger å vite det.</source><target>Musimy to wiedzieć.</target></segment>` +
        `<ignorable><source> </source></ignorable>` +
        `<segment state="translated"><source>Mer.</source><target><mrk id="m1" type="comment" value="sjekk">Więcej</mrk>.</target></segment>`,
    );
    const file = join(dir, 'split.xlf');
    await writeFile(file, split);
    const result = await run(['translate', 'import', file, '--by', 'Anna', '--at', '2027-01-02'], dir);
    expect(result.stderr).toBe('');
    expect((await readJson(join(dir, 'locales/pl/stotte.json'))).fields.inntekt.why).toBe(
      'Musimy to wiedzieć. Więcej.',
    );
    // One segment only translated: the unit is a draft, not reviewed.
    expect((await readJson(join(dir, 'locales/pl/text-status.json'))).stotte[id].state).toBe('draft');
  });

  it('refuses a file for another language than --locale', async () => {
    const dir = await project();
    const file = await translated(dir, () => undefined);
    const result = await run(['translate', 'import', file, '--by', 'Anna', '--locale', 'uk'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Filen er oversatt til pl, men du skrev --locale uk.');
  });

  it('a new locale: writes its folder, reports the text still missing, and marks the namespace a draft', async () => {
    const dir = await project();
    await forget(dir, 'lt');
    let left = '';
    const file = await translated(
      dir,
      (doc) => {
        const units = elements(doc, 'unit').filter((u) => !u.getAttribute('id')!.endsWith('_plain'));
        left = units[3]!.getAttribute('id')!;
        for (const u of units.filter((x) => x !== units[3])) {
          const segment = elements(u, 'segment')[0]!;
          const t = doc.createElementNS(XLIFF_NS, 'target');
          // Words and the source's inline codes, as a tool copies them.
          for (const child of Array.from(elements(segment, 'source')[0]!.childNodes))
            t.appendChild(child.nodeType === 3 ? doc.createTextNode(`lt ${child.nodeValue}`) : child.cloneNode(true));
          segment.appendChild(t);
          segment.setAttribute('state', 'translated');
        }
      },
      'lt',
    );
    expect(existsSync(join(dir, 'locales/lt'))).toBe(false);
    const result = await run(['translate', 'import', file, '--by', 'Jonas'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `1 tekst mangler fortsatt på lt. check melder den til den er oversatt:\n  stotte  ${left}\n`,
    );
    const texts = await readJson(join(dir, 'locales/lt/stotte.json'));
    expect(texts.title).toBe('lt Søk om økonomisk støtte');
    expect(await readJson(join(dir, 'locales/lt/status.json'))).toEqual({ stotte: 'draft' });
    const statuses = (await readJson(join(dir, 'locales/lt/text-status.json'))).stotte;
    expect(statuses.title).toMatchObject({ state: 'draft', method: 'none', by: 'Jonas' });
    // Keys in nb's order, plain variants left out.
    const nb = await readJson(join(dir, 'locales/nb/stotte.json'));
    expect(Object.keys(texts.fields)).toEqual(Object.keys(nb.fields).filter((k) => k in texts.fields));
  });

  it('says what is missing on the command line', async () => {
    const dir = await project();
    const noBy = await run(['translate', 'import', 'x.xlf'], dir);
    expect(noBy.code).toBe(2);
    expect(noBy.stderr).toContain('Skriv hvem som oversatte eller gikk gjennom tekstene, med --by');
    const noLocale = await run(['translate', 'export'], dir);
    expect(noLocale.stderr).toContain('Skriv hvilket språk det skal oversettes til, med --locale');
    const nb = await run(['translate', 'export', '--locale', 'nb'], dir);
    expect(nb.stderr).toContain('«nb» kan ikke være språket det oversettes til.');
    const noAction = await run(['translate', '--lang', 'en'], dir);
    expect(noAction.stderr).toContain('Write export or import after translate.');
    const badDay = await run(['translate', 'import', 'x.xlf', '--by', 'A', '--at', '3.12.2026'], dir);
    expect(badDay.stderr).toContain('«3.12.2026» er ikke en dato.');
  });
});

describe('the texts import writes', () => {
  it('keep every shipped locale file exactly as it is when nothing changes', async () => {
    const locales = (await readdir(resolve(packageRoot, 'locales'))).filter((l) => l !== 'nb');
    expect(locales.length).toBeGreaterThanOrEqual(8);
    for (const locale of locales) {
      for (const ns of ['widget', 'sosialhjelp', 'stotte', 'kontakt', 'aktivitet']) {
        const path = resolve(packageRoot, `locales/${locale}/${ns}.json`);
        if (!existsSync(path)) continue;
        const nb = await readJson(resolve(packageRoot, `locales/nb/${ns}.json`));
        const text = await readFile(path, 'utf8');
        expect(`${JSON.stringify(withTexts(nb, JSON.parse(text), new Map()), null, 2)}\n`).toBe(text);
      }
    }
  });

  it('add a text after the last key that comes before it in nb, and leave the keys a file had where they are', () => {
    const nb = { a: 'A', left_one: '1', left_other: 'n', left_plain_one: 'p1', left_plain_other: 'pn', b: 'B' };
    // A file that puts each plain form right after its standard form keeps that order.
    const own = { a: 'a', left_one: '1', left_plain_one: 'p1', left_other: 'n', left_plain_other: 'pn' };
    expect(
      Object.keys(
        withTexts(
          nb,
          own,
          new Map([
            ['b', 'b'],
            ['left_few', 'f'],
            ['a_plain', 'ap'],
          ]),
        ),
      ),
    ).toEqual(['a', 'a_plain', 'left_one', 'left_few', 'left_plain_one', 'left_other', 'left_plain_other', 'b']);
  });

  it('put plural forms nb lacks beside nb’s, and a plain variant right after its text', () => {
    const nb = { a: 'A', left_one: '1', left_other: 'n', left_plain_one: 'p1', left_plain_other: 'pn', b: 'B' };
    const texts = new Map([
      ['b', 'b'],
      ['left_many', 'm'],
      ['left_other', 'o'],
      ['a_plain', 'ap'],
      ['left_plain_few', 'pf'],
      ['left_few', 'f'],
      ['a', 'a'],
      ['left_one', '1'],
    ]);
    expect(Object.keys(withTexts(nb, {}, texts))).toEqual([
      'a',
      'a_plain',
      'left_one',
      'left_few',
      'left_many',
      'left_other',
      'left_plain_few',
      'b',
    ]);
  });
});

describe('the messages of translate', () => {
  it('have a problem and a fix for everything import refuses, in nb and en, and the same keys in both', async () => {
    const nb = (await readJson(resolve(packageRoot, 'locales/nb/cli.json'))).translate;
    const en = (await readJson(resolve(packageRoot, 'locales/en/cli.json'))).translate;
    for (const texts of [nb, en]) {
      expect(Object.keys(texts.problem).sort()).toEqual([...REFUSALS].sort());
      for (const id of REFUSALS) expect(Object.keys(texts.problem[id])).toEqual(['problem', 'fix']);
    }
    const keys = (tree: unknown, path = ''): string[] =>
      typeof tree === 'object' && tree !== null
        ? Object.entries(tree).flatMap(([k, v]) => keys(v, `${path}.${k}`))
        : [path];
    expect(keys(en)).toEqual(keys(nb));
  });
});

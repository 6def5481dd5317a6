// `klarskjema new ID [FORMS_FOLDER]`: a small form to start from, with its texts in nb, nn and en. What it
// writes passes check and the plain-language gate as it is, so an author starts from green and sees each
// change they make in check, lint and preview.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { schemasDir } from '../assets.ts';
import { displayPath, findLocalesDir } from '../check/file.ts';
import { UsageError, type CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import type { CliTexts } from './texts.ts';

const FORM_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const LOCALES = ['nb', 'nn', 'en'] as const;

/** The definition: three short steps, one question of a few kinds, every answer with its schema. */
export function scaffoldDefinition(id: string, schemaPath?: string): FormDefinition {
  return {
    ...(schemaPath ? { $schema: schemaPath } : {}),
    id,
    version: '1.0.0',
    locales: [...LOCALES],
    answers: {
      type: 'object',
      properties: {
        navn: { type: 'string', minLength: 1, maxLength: 200 },
        telefon: { type: 'string', format: 'phone' },
        melding: { type: 'string', minLength: 1, maxLength: 2000 },
        bekreftelse: { const: true },
      },
    },
    steps: [
      {
        id: 'om-deg',
        fields: [
          { id: 'navn', kind: 'text', required: true, autocomplete: 'name' },
          { id: 'telefon', kind: 'phone', required: true, autocomplete: 'tel' },
        ],
      },
      { id: 'saken', fields: [{ id: 'melding', kind: 'textarea', required: true, maxLength: 2000 }] },
      { id: 'bekreft', fields: [{ id: 'bekreftelse', kind: 'consent', required: true }] },
    ],
  };
}

type Texts = Record<string, unknown>;
const textsFor = (t: {
  title: string;
  steps: [string, string, string];
  navn: string;
  telefon: [string, string];
  melding: [string, string];
  bekreftelse: string;
}): Texts => ({
  title: t.title,
  steps: { 'om-deg': { title: t.steps[0] }, saken: { title: t.steps[1] }, bekreft: { title: t.steps[2] } },
  fields: {
    navn: { label: t.navn },
    telefon: { label: t.telefon[0], hint: t.telefon[1] },
    melding: { label: t.melding[0], hint: t.melding[1] },
    bekreftelse: { label: t.bekreftelse },
  },
});

/** The texts, nb first. Plain already, so they need no _plain variants; write those where a text gets hard. */
export const SCAFFOLD_TEXTS: Record<(typeof LOCALES)[number], Texts> = {
  nb: textsFor({
    title: 'Send en melding til NAV',
    steps: ['Om deg', 'Hva saken gjelder', 'Før du sender'],
    navn: 'Hva heter du?',
    telefon: ['Hvilket nummer kan vi ringe deg på?', 'Vi ringer bare om saken din.'],
    melding: ['Hva vil du si til oss?', 'Skriv med dine egne ord.'],
    bekreftelse: 'Jeg bekrefter at det jeg har skrevet, er riktig',
  }),
  nn: textsFor({
    title: 'Send ei melding til NAV',
    steps: ['Om deg', 'Kva saka gjeld', 'Før du sender'],
    navn: 'Kva heiter du?',
    telefon: ['Kva nummer kan vi ringje deg på?', 'Vi ringjer berre om saka di.'],
    melding: ['Kva vil du seie til oss?', 'Skriv med dine eigne ord.'],
    bekreftelse: 'Eg stadfestar at det eg har skrive, er rett',
  }),
  en: textsFor({
    title: 'Send a message to NAV',
    steps: ['About you', 'What it is about', 'Before you send'],
    navn: 'What is your name?',
    telefon: ['What number can we call you on?', 'We only call about your case.'],
    melding: ['What do you want to tell us?', 'Write in your own words.'],
    bekreftelse: 'I confirm that what I have written is correct',
  }),
};

/** Where the forms go: the folder given, else schemas/forms or forms in the working folder. */
function formsFolder(args: CliArgs, cwd: string): string {
  if (args.paths[1] !== undefined) return resolve(cwd, args.paths[1]);
  const repository = resolve(cwd, 'schemas/forms');
  return existsSync(repository) && statSync(repository).isDirectory() ? repository : resolve(cwd, 'forms');
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function newForm(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  const id = args.paths[0]!;
  if (!FORM_ID.test(id)) throw new UsageError('badFormId', { id });
  const folder = formsFolder(args, io.cwd);
  const formFile = join(folder, `${id}.json`);
  // The nearest locales folder above the forms (as check finds it), or a new one beside them.
  const localesDir =
    args.locales !== undefined
      ? resolve(io.cwd, args.locales)
      : (findLocalesDir(formFile) ?? join(dirname(folder), 'locales'));
  const textFiles = LOCALES.map((locale) => join(localesDir, locale, `${id}.json`));
  for (const file of [formFile, ...textFiles])
    if (existsSync(file)) throw new UsageError('formExists', { file: displayPath(file, io.cwd) });

  // $schema lets an editor complete and check the definition as it is typed: the meta-schema of the tools
  // in this project (the repository's, or node_modules/@klarskjema/tools), never a path out of the project.
  const schemaFile = join(schemasDir, 'form.schema.json');
  const inProject = existsSync(schemaFile) && schemaFile.startsWith(resolve(io.cwd) + sep);
  const schemaPath = inProject ? relative(folder, schemaFile).split(sep).join('/') : undefined;
  await mkdir(folder, { recursive: true });
  await writeFile(formFile, json(scaffoldDefinition(id, schemaPath)));
  const written = [formFile];
  for (const [i, locale] of LOCALES.entries()) {
    await mkdir(join(localesDir, locale), { recursive: true });
    await writeFile(textFiles[i]!, json(SCAFFOLD_TEXTS[locale]));
    written.push(textFiles[i]!);
    // A translation is a draft until a person has read it (the widget says so to users).
    const status = join(localesDir, locale, 'status.json');
    if (locale !== 'nb' && existsSync(status)) {
      const current = JSON.parse(await readFile(status, 'utf8')) as Record<string, unknown>;
      await writeFile(status, json({ ...current, [id]: 'draft' }));
      written.push(status);
    }
  }
  for (const file of written) io.stdout(`${texts.t('new.wrote', { file: displayPath(file, io.cwd) })}\n`);
  const form = displayPath(formFile, io.cwd);
  io.stdout(`\n${texts.t('new.next', { form, folder: displayPath(folder, io.cwd) })}\n`);
  return 0;
}

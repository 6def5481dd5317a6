// `klarskjema translate export|import`: the translator's round trip (decision 0032). Export writes XLIFF 2.0 to a
// file or standard output; import refuses the whole file on any broken unit (exit 2, one block per unit: which
// unit, what is wrong, what to do), else writes the texts and statuses and lists what is still missing (exit 1).
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath } from '../check/file.ts';
import {
  chooseNamespaces,
  countStates,
  importXliff,
  loadNamespaces,
  readForms,
  type Places,
  type Refusal,
} from '../translate/translate.ts';
import { WIDGET } from '../translate/units.ts';
import { writeXliff } from '../translate/xliff-write.ts';
import { UsageError, type CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import type { CliTexts } from './texts.ts';

/** Where the forms and texts are: the folders given, else schemas/forms (or forms) and locales in the working folder. */
function places(args: CliArgs, io: CliIo): Places {
  const folder = (path: string) => existsSync(path) && statSync(path).isDirectory();
  const given = args.translate?.forms;
  const formsDir = given
    ? resolve(io.cwd, given)
    : folder(resolve(io.cwd, 'schemas/forms'))
      ? resolve(io.cwd, 'schemas/forms')
      : resolve(io.cwd, 'forms');
  if (given && !folder(formsDir)) throw new UsageError('noFormsDir', { dir: given });
  const localesDir = resolve(io.cwd, args.locales ?? 'locales');
  if (!folder(resolve(localesDir, 'nb'))) throw new UsageError('noLocalesDir', { dir: args.locales ?? 'locales' });
  return { formsDir, localesDir };
}

/** Today in Norway, the day a status is recorded on. */
const osloDay = (date: Date): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);

export async function translate(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  const options = args.translate!;
  const where = places(args, io);
  return options.action === 'export' ? exportTexts(args, where, texts, io) : importTexts(args, where, texts, io);
}

async function exportTexts(args: CliArgs, where: Places, texts: CliTexts, io: CliIo): Promise<number> {
  const { locale, only } = args.translate!;
  const forms = await readForms(where.formsDir);
  if (only !== undefined && only !== WIDGET && !forms.has(only))
    throw new UsageError('unknownNamespace', { value: only, known: [...forms.keys(), WIDGET].join(', ') });
  const chosen = chooseNamespaces(forms, locale!, only);
  if (chosen.unlisted) io.stderr(`${texts.t('translate.unlisted', { locale })}\n`);
  const namespaces = await loadNamespaces(where, locale!, chosen.names);
  const xml = writeXliff(
    namespaces.filter((ns) => ns.units.length > 0),
    { locale: locale!, t: texts.t },
  );
  if (args.out === undefined) {
    io.stdout(xml);
    return 0;
  }
  const out = resolve(io.cwd, args.out);
  await writeFile(out, xml);
  const states = countStates(namespaces);
  const units = namespaces.reduce((sum, ns) => sum + ns.units.length, 0);
  io.stdout(
    `${texts.t('translate.exported', {
      file: displayPath(out, io.cwd),
      locale,
      namespaces: namespaces.map((ns) => ns.name).join(', '),
      count: units,
      initial: states.initial,
      translated: states.translated,
      reviewed: states.reviewed,
      locked: namespaces.reduce((sum, ns) => sum + ns.units.filter((u) => u.lock).length, 0),
    })}\n`,
  );
  return 0;
}

function refusalBlock(refusal: Refusal, texts: CliTexts): string {
  const head = [refusal.file, refusal.key].filter(Boolean).join('  ');
  const line = refusal.line ? ` (${texts.t('translate.line', { line: refusal.line })})` : '';
  const options = { ...refusal.params, file: refusal.file ?? '', key: refusal.key ?? '' };
  return [
    ...(head || line ? [`${head}${line}`] : []),
    `  ${texts.t(`translate.problem.${refusal.problem}.problem`, options)}`,
    `  → ${texts.t(`translate.problem.${refusal.problem}.fix`, options)}`,
  ].join('\n');
}

async function importTexts(args: CliArgs, where: Places, texts: CliTexts, io: CliIo): Promise<number> {
  const options = args.translate!;
  const path = resolve(io.cwd, options.file!);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError('noXliffFile', { file: options.file! });
  const xml = await readFile(path, 'utf8');
  const result = await importXliff(xml, where, {
    by: options.by!,
    at: options.at ?? osloDay((io.now ?? (() => new Date()))()),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
  });
  const file = displayPath(path, io.cwd);
  if (result.refusals.length > 0) {
    io.stderr(
      `${texts.t('translate.refused', { file, count: result.refusals.length })}\n\n${result.refusals
        .map((r) => refusalBlock(r, texts))
        .join('\n\n')}\n`,
    );
    return 2;
  }
  const locale = result.locale!;
  const written = Object.entries(result.written);
  const lines = [
    written.length > 0
      ? texts.t('translate.imported', {
          locale,
          count: written.reduce((sum, [, n]) => sum + n, 0),
          files: written.map(([ns]) => `${ns}.json`).join(', '),
        })
      : texts.t('translate.nothingChanged', { locale }),
  ];
  const { draft, reviewed } = result.statuses;
  if (draft + reviewed > 0)
    lines.push(texts.t('translate.statuses', { count: draft + reviewed, draft, reviewed, locale }));
  const changed = result.notices.filter((n) => n.notice === 'sourceChanged');
  if (changed.length > 0)
    lines.push(
      texts.t('translate.sourceChanged', { count: changed.length }),
      ...changed.map((n) => `  ${n.file}  ${n.key}`),
    );
  const missing = result.notices.filter((n) => n.notice === 'missing');
  if (missing.length > 0)
    lines.push(
      texts.t('translate.missing', { count: missing.length, locale }),
      ...missing.map((n) => `  ${n.file}  ${n.key}`),
    );
  if (result.plainMissing > 0) lines.push(texts.t('translate.plainMissing', { count: result.plainMissing, locale }));
  io.stdout(`${lines.join('\n')}\n`);
  return missing.length > 0 ? 1 : 0;
}

// `klarskjema`: check, lint and build form definitions, start a new one and preview it, render a submission as the caseworker's record, draw a form's first step for a page, and take a locale's texts to a translator and back. No stack traces for user mistakes: every error ends
// as one line (and the usage, for a wrong command line) and exit code 2.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildFormPackage } from '../build/build.ts';
import { checkFormFile, displayPath, type FileCheck } from '../check/file.ts';
import { langOf, parseArgs, UsageError, type CliArgs } from './args.ts';
import { formFiles } from './files.ts';
import { lint } from './lint.ts';
import { newForm } from './new-form.ts';
import { preview } from './preview.ts';
import { render } from './render.ts';
import { firstStep } from './first-step.ts';
import { addFirstSteps } from '../first-step.ts';
import { translate } from './translate.ts';
import { coverageText, exitCode, toJson, toText } from './report.ts';
import { createCliTexts, type CliTexts } from './texts.ts';
import tools from '../../package.json' with { type: 'json' };

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Standard input, for `lint --text -`. */
  stdin?: () => Promise<string>;
  /** Whether the text report may use colour: a terminal, and NO_COLOR not set (https://no-color.org). */
  color?: boolean;
  /** The clock: the day translate import records a status on when --at is not given. */
  now?: () => Date;
}

const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  color: colorWanted(process.stdout.isTTY === true, process.env),
});

/** Colour only on a terminal, and never when NO_COLOR is set to anything but empty (https://no-color.org). */
export const colorWanted = (terminal: boolean, env: Readonly<Record<string, string | undefined>>): boolean =>
  terminal && (env.NO_COLOR ?? '') === '';

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let texts: CliTexts | undefined;
  try {
    texts = createCliTexts(langOf(argv));
    const args = parseArgs(argv);
    texts = createCliTexts(args.lang);
    switch (args.command) {
      case 'help':
        io.stdout(`${texts.t('usage')}\n`);
        return 0;
      case 'version':
        io.stdout(`klarskjema ${tools.version}\n`);
        return 0;
      case 'check':
        return await check(args, texts, io);
      case 'build':
        return await build(args, texts, io);
      case 'lint':
        return await lint(args, texts, io);
      case 'render':
        return await render(args, texts, io);
      case 'first-step':
        return await firstStep(args, texts, io);
      case 'new':
        return await newForm(args, texts, io);
      case 'preview':
        return await preview(args, texts, io, main);
      case 'translate':
        return await translate(args, texts, io);
    }
  } catch (error) {
    if (error instanceof UsageError && texts) {
      io.stderr(`klarskjema: ${texts.t(`errors.${error.key}`, error.params)}\n\n${texts.t('usage')}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`klarskjema: ${texts ? texts.t('errors.unexpected', { message }) : message}\n`);
    if (process.env.KLARSKJEMA_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return 2;
  }
}

async function checkAll(args: CliArgs, io: CliIo): Promise<FileCheck[]> {
  let localesDir: string | undefined;
  if (args.locales !== undefined) {
    localesDir = resolve(io.cwd, args.locales);
    if (!existsSync(localesDir) || !statSync(localesDir).isDirectory())
      throw new UsageError('noLocalesDir', { dir: args.locales });
  }
  const files = await formFiles(args.paths, io.cwd);
  const reports: FileCheck[] = [];
  for (const file of files)
    reports.push(await checkFormFile(file, { cwd: io.cwd, ...(localesDir ? { localesDir } : {}) }));
  return reports;
}

async function check(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  const reports = await checkAll(args, io);
  const plain = reports.map(({ file, findings, plainCoverage }) => ({
    file,
    findings,
    ...(plainCoverage ? { plainCoverage } : {}),
  }));
  io.stdout(
    args.format === 'json'
      ? `${JSON.stringify(toJson(plain, texts), null, 2)}\n`
      : coverageText(plain, texts) + toText(plain, texts),
  );
  return exitCode(plain);
}

/** Checks every form first; writes packages only when all of them are clean. */
async function build(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  const reports = await checkAll(args, io);
  const code = exitCode(reports);
  if (code !== 0) {
    io.stdout(
      toText(
        reports.filter((r) => r.findings.length > 0),
        texts,
        { summary: false },
      ),
    );
    io.stdout(`\n${texts.t('build.notBuilt')}\n`);
    return code;
  }
  const outDir = resolve(io.cwd, args.out!);
  for (const report of reports) {
    const result = await buildFormPackage(report.definition!, { outDir, localesDir: report.localesDir });
    // The first step in each start slice, for the widget's loader to draw before its code has run (decision 0044).
    await addFirstSteps(result.dir);
    io.stdout(
      `${texts.t('build.wrote', { dir: `${displayPath(result.dir, io.cwd)}/`, files: result.files.join(', ') })}\n`,
    );
  }
  return 0;
}

// `klarskjema first-step PACKAGE`: the form's first step as declarative shadow DOM for a page rendered on the
// server (decision 0041). The drawing is ../first-step.ts; this file reads and reports.
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PACKAGE_FILES } from '../../../../src/engine/form-package.ts';
import { renderFirstStep } from '../first-step.ts';
import { displayPath } from '../check/file.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import type { CliTexts } from './texts.ts';

export async function firstStep(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  const given = args.paths[0]!;
  const dir = resolve(io.cwd, given);
  if (
    !existsSync(dir) ||
    !statSync(dir).isDirectory() ||
    !existsSync(join(dir, PACKAGE_FILES.definition)) ||
    !existsSync(join(dir, PACKAGE_FILES.validators))
  ) {
    io.stderr(`klarskjema: ${texts.t('firstStep.notPackage', { dir: given })}\n`);
    return 2;
  }
  const { html, styleHash } = await renderFirstStep(dir, {
    form: args.form ?? given,
    ...(args.locale?.[0] ? { lang: args.locale[0] } : {}),
    ...(args.variant ? { variant: args.variant } : {}),
  });
  const policy = `${texts.t('firstStep.policy', { hash: styleHash })}\n`;
  // The HTML alone on standard output, so it can be piped into a page; the policy line beside it on stderr.
  if (args.out === undefined) {
    io.stdout(`${html}\n`);
    io.stderr(policy);
    return 0;
  }
  const out = resolve(io.cwd, args.out);
  await writeFile(out, `${html}\n`);
  io.stdout(`${texts.t('firstStep.wrote', { file: displayPath(out, io.cwd) })}\n${policy}`);
  return 0;
}

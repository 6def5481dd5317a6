// `klarskjema render SUBMISSION.json --form PACKAGE`: the caseworker's record of one submission
// (docs/decisions/0018-record-and-pdf.md) as HTML, JSON or PDF. The record itself is the root's
// src/record/ (pure) and src/node/record-pdf.ts; this file reads the files and reports in the CLI's words.
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isRecord } from '../../../../src/engine/answers.ts';
import { PACKAGE_FILES } from '../../../../src/engine/form-package.ts';
import { submissionErrors, type Submission } from '../../../../src/engine/submission.ts';
import { loadRecordSources } from '../../../../src/node/record-sources.ts';
import { renderRecordPdf } from '../../../../src/node/record-pdf.ts';
import { renderRecordHtml } from '../../../../src/record/html.ts';
import { buildRecord } from '../../../../src/record/model.ts';
import { displayPath } from '../check/file.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import type { CliTexts } from './texts.ts';

/** A failure the user can fix, said in the CLI's words; exit code 2. */
class RenderError extends Error {}

async function readSubmission(file: string, shown: string, texts: CliTexts): Promise<Submission> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RenderError(texts.t('render.unreadable', { file: shown, reason }));
  }
  const missing = !isRecord(value)
    ? 'id'
    : (
        ['id', 'form', 'answers', 'unsure', 'attachments', 'answeredIn', 'locale', 'variant', 'submittedAt'] as const
      ).find((key) => value[key] === undefined);
  if (missing || !isRecord(value) || !isRecord(value.form) || typeof value.form.id !== 'string')
    throw new RenderError(texts.t('render.notSubmission', { file: shown, what: missing ?? 'form.id' }));
  return value as unknown as Submission;
}

export async function render(args: CliArgs, texts: CliTexts, io: CliIo): Promise<number> {
  try {
    const dir = resolve(io.cwd, args.form!);
    if (
      !existsSync(dir) ||
      !statSync(dir).isDirectory() ||
      !existsSync(join(dir, PACKAGE_FILES.definition)) ||
      !existsSync(join(dir, PACKAGE_FILES.validators))
    )
      throw new RenderError(texts.t('render.notPackage', { dir: args.form! }));
    const file = resolve(io.cwd, args.paths[0]!);
    const submission = await readSubmission(file, args.paths[0]!, texts);
    const sources = await loadRecordSources(dir);
    if (submission.form.id !== sources.definition.id)
      throw new RenderError(
        texts.t('render.wrongForm', { submission: submission.form.id, form: sources.definition.id }),
      );
    const errors = submissionErrors(submission, sources.validators);
    if (errors.length > 0) {
      const first = `${errors[0]!.instancePath || '/'} ${errors[0]!.keyword}`;
      throw new RenderError(
        texts.t('render.invalid', { count: String(errors.length), first, version: submission.form.version }),
      );
    }
    const record = buildRecord(sources, submission);
    const output =
      args.format === 'pdf'
        ? await renderRecordPdf(record)
        : args.format === 'json'
          ? `${JSON.stringify(record, null, 2)}\n`
          : renderRecordHtml(record);
    // A PDF always goes to a file (parseArgs asks for --out); HTML and JSON may go to standard output.
    if (args.out === undefined && typeof output === 'string') {
      io.stdout(output);
      return 0;
    }
    const out = resolve(io.cwd, args.out!);
    await writeFile(out, output);
    io.stdout(`${texts.t('render.wrote', { file: displayPath(out, io.cwd) })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    io.stderr(`klarskjema: ${error.message}\n`);
    return 2;
  }
}

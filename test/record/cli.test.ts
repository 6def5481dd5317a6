// `klarskjema render` as a caseworker or a script runs it: HTML, JSON and PDF to a file, HTML and JSON to
// standard output, and the mistakes one can make said in one line with exit code 2.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers/cli.ts';
import { RECORD_FORMAT, type CaseRecord } from '../../src/record/model.ts';
import { attr, byTag, findOne, parseHtml } from './html-query.ts';
import { makeSubmission } from './submissions.ts';

describe('klarskjema render', () => {
  let work: string;
  let form: string;
  beforeAll(async () => {
    const made = await makeSubmission('stotte', { locale: 'pl', variant: 'standard' });
    work = await mkdtemp(join(tmpdir(), 'klarskjema-render-'));
    form = made.dir;
    await writeFile(join(work, 'soknad.json'), JSON.stringify(made.submission));
    await writeFile(
      join(work, 'other.json'),
      JSON.stringify({ ...made.submission, form: { id: 'kontakt', version: '1.0.0' } }),
    );
    await writeFile(join(work, 'broken.json'), '{ "id": ');
  });

  it('writes the record as HTML, JSON and PDF with --out', async () => {
    for (const format of ['html', 'json', 'pdf']) {
      const result = await run(
        ['render', 'soknad.json', '--form', form, '--format', format, '--out', `record.${format}`],
        work,
      );
      expect(result, format).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toBe(`Lagde record.${format}.\n`);
    }
    const html = await readFile(join(work, 'record.html'), 'utf8');
    expect(attr(findOne(parseHtml(html), byTag('html'))!, 'lang')).toBe('nb');
    const record = JSON.parse(await readFile(join(work, 'record.json'), 'utf8')) as CaseRecord;
    expect(record).toMatchObject({ format: RECORD_FORMAT, locale: 'pl', language: 'polsk' });
    expect(record.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['contact', 'interpreter', 'document']));
    const pdf = await readFile(join(work, 'record.pdf'));
    expect(pdf.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.7/);
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  }, 60_000);

  it('writes HTML (the default) and JSON to standard output', async () => {
    const html = await run(['render', 'soknad.json', '--form', form], work);
    expect(html.code).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    const json = await run(['render', 'soknad.json', '--form', form, '--format', 'json'], work);
    expect((JSON.parse(json.stdout) as CaseRecord).format).toBe(RECORD_FORMAT);
  }, 60_000);

  it.each([
    [['render', 'soknad.json'], 'Skriv hvilken skjemapakke søknaden hører til'],
    [['render', '--form', 'x'], 'Skriv hvilken søknad du vil lage utskrift av'],
    [['render', 'soknad.json', '--form', 'x', '--format', 'pdf'], 'Skriv hvilken fil PDF-en skal lagres i'],
    [['render', 'soknad.json', '--form', 'x', '--format', 'text'], '«text» er ikke et format for render'],
    [['render', 'soknad.json', '--form', 'nowhere'], 'nowhere er ikke en skjemapakke'],
  ])(
    'says what is wrong: %j',
    async (args, message) => {
      const result = await run(args, work);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );

  it('refuses a submission for another form, and one that is not JSON', async () => {
    const other = await run(['render', 'other.json', '--form', form], work);
    expect(other).toMatchObject({ code: 2, stdout: '' });
    expect(other.stderr).toContain('Søknaden er for skjemaet «kontakt», men pakken er «stotte».');
    const broken = await run(['render', 'broken.json', '--form', form, '--lang', 'en'], work);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('Cannot read the submission broken.json');
  }, 60_000);
});

// The record's model in the cases the example journeys do not reach: a text changed since the user answered,
// help asked for without a channel or a language, a document coming later without a reason, and every text
// the record can ask for existing in locales/nb/record.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTACT_CHANNELS } from '../../src/engine/help.ts';
import { PREFILL_STATUSES } from '../../src/engine/prefill.ts';
import { packageRoot } from '../../src/node/paths.ts';
import { renderRecordHtml } from '../../src/record/html.ts';
import { buildRecord, formDescription } from '../../src/record/model.ts';
import { recordText } from '../../src/record/texts.ts';
import { attr, byClass, findAll, findOne, parseHtml, textOf } from './html-query.ts';
import { makeSubmission } from './submissions.ts';

describe('the record model', () => {
  it('says when the text the user answered has changed since, and when help has no channel or language', async () => {
    const made = await makeSubmission('stotte', { locale: 'pl', variant: 'standard' });
    const submission = structuredClone(made.submission);
    submission.answeredIn['husleie'] = { ...submission.answeredIn['husleie']!, text: 'deadbeef' };
    submission.help = { contact: true, interpreter: true };
    submission.answers['dokumenter'] = {
      ...(submission.answers['dokumenter'] as object),
      lonnsslipp: { status: 'later' },
    };
    const record = buildRecord(made.sources, submission);
    const husleie = record.sections.flatMap((s) => s.entries).find((e) => e.field === 'husleie')!;
    expect(husleie.seen).toMatchObject({ version: 'deadbeef', sameVersion: false, locale: 'pl' });
    const personer = record.sections.flatMap((s) => s.entries).find((e) => e.field === 'personer');
    expect(personer?.seen?.sameVersion ?? true).toBe(true);

    const root = parseHtml(renderRecordHtml(record));
    const seen = findOne(
      findOne(root, (e) => attr(e, 'data-path') === 'husleie')!,
      byClass('seen'),
    )!;
    expect(findAll(seen, byClass('seen-note')).map(textOf)).toContain(recordText('seen.changed'));
    expect(findAll(seen, byClass('seen-note')).map(textOf)).not.toContain(recordText('seen.plainFromNb'));
    const actions = findOne(root, (e) => attr(e, 'id') === 'actions')!;
    const action = (kind: string) => textOf(findOne(actions, (e) => attr(e, 'data-action') === kind)!);
    expect(action('contact')).toContain(recordText('actions.contactAnyway'));
    expect(action('interpreter')).toContain(recordText('actions.interpreterNoLanguage'));
    const later = findOne(actions, (e) => attr(e, 'data-document') === 'lonnsslipp')!;
    expect(attr(later, 'data-status')).toBe('later');
    expect(textOf(later)).toContain(recordText('actions.documentNoReason'));
  });

  it('says when the user asked for the plain text in nb where the language had none (decision 0030)', async () => {
    const made = await makeSubmission('stotte', { locale: 'pl', variant: 'plain' });
    const submission = structuredClone(made.submission);
    submission.answeredIn['husleie'] = { ...submission.answeredIn['husleie']!, variant: 'plain', plainFrom: 'nb' };
    const record = buildRecord(made.sources, submission);
    const husleie = record.sections.flatMap((s) => s.entries).find((e) => e.field === 'husleie')!;
    expect(husleie.seen).toMatchObject({ locale: 'pl', variant: 'plain', plainFrom: 'nb' });
    const root = parseHtml(renderRecordHtml(record));
    const seen = findOne(
      findOne(root, (e) => attr(e, 'data-path') === 'husleie')!,
      byClass('seen'),
    )!;
    expect(findAll(seen, byClass('seen-note')).map(textOf)).toContain(recordText('seen.plainFromNb'));
  });

  it('follows a user who changed language on the way: each answer in the language it was given in', async () => {
    const made = await makeSubmission('sosialhjelp', { locale: 'ar', variant: 'standard' });
    const submission = structuredClone(made.submission);
    // The story written after switching to Norwegian; the documents answered in Polish.
    submission.answeredIn['hva-skjedde'] = { locale: 'nb', variant: 'standard' };
    submission.answeredIn['dokumenter'] = { ...submission.answeredIn['dokumenter']!, locale: 'pl' };
    const root = parseHtml(renderRecordHtml(buildRecord(made.sources, submission)));
    const story = findOne(root, (e) => attr(e, 'data-path') === 'hva-skjedde')!;
    expect(findOne(story, byClass('seen'))).toBeUndefined();
    expect(attr(findOne(story, byClass('user-text'))!, 'lang')).toBe('nb');
    expect(findOne(story, byClass('lang'))).toBeUndefined();
    const reason = findOne(
      findOne(root, (e) => attr(e, 'data-document') === 'lonnsslipp')!,
      byClass('user-text'),
    )!;
    expect(attr(reason, 'lang')).toBe('pl');
    const other = findOne(root, (e) => attr(e, 'data-path') === 'hva-trenger')!;
    expect(attr(findOne(other, byClass('seen'))!, 'data-locale')).toBe('ar');
  });

  it('says when its wording comes from another version of the form than the one the user had', async () => {
    const made = await makeSubmission('kontakt', { locale: 'nb', variant: 'standard' });
    const same = buildRecord(made.sources, made.submission);
    expect(formDescription(same)).not.toContain('versjon');
    const older = buildRecord(made.sources, { ...made.submission, form: { id: 'kontakt', version: '0.9.0' } });
    const facts = textOf(findOne(parseHtml(renderRecordHtml(older)), byClass('facts'))!);
    expect(facts).toContain(
      `Søknaden ble sendt med versjon 0.9.0. Spørsmålene her har ordlyden i versjon ${made.sources.definition.version}.`,
    );
  });

  it('has a text for every key it asks for, and says which one is missing', () => {
    const code = ['src/record/model.ts', 'src/record/html.ts', 'src/record/format.ts', 'src/node/record-pdf.ts']
      .map((file) => readFileSync(resolve(packageRoot, file), 'utf8'))
      .join('\n');
    const literal = [...code.matchAll(/recordText\(\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(literal.length).toBeGreaterThan(30);
    const built = [
      ...CONTACT_CHANNELS.map((channel) => `channels.${channel}`),
      ...['standard', 'plain'].map((variant) => `variants.${variant}`),
      ...['uploaded', 'later', 'missing', 'none'].map((status) => `answers.documentStatus.${status}`),
      ...PREFILL_STATUSES.map((status) => `prefill.${status}`),
      ...['documentLater', 'documentMissing', 'documentNone'].map((key) => `actions.${key}`),
      'facts.translation',
      'facts.draftTranslation',
    ];
    for (const key of [...literal, ...built]) expect(() => recordText(key), key).not.toThrow();
    expect(() => recordText('no.such.key')).toThrow(/record\.json has no text "no\.such\.key"/);
  });
});

// The caseworker's record shows which wording of each legal text the user confirmed (decision 0031): NAV's
// Norwegian wording, then each wording the user saw with its text version, and a note when it changed since.
import { describe, expect, it } from 'vitest';
import { renderRecordHtml } from '../../src/record/html.ts';
import { buildRecord } from '../../src/record/model.ts';
import { formText, recordText } from '../../src/record/texts.ts';
import { attr, byClass, findAll, findOne, parseHtml, textOf } from './html-query.ts';
import { makeSubmission } from './submissions.ts';

describe('the record of what the user confirmed', () => {
  it('shows a declaration confirmed in plain Norwegian in both wordings, with their versions', async () => {
    const { submission, sources } = await makeSubmission('sosialhjelp', { locale: 'nb', variant: 'plain' });
    const seen = submission.confirmed?.bekreftelse;
    expect(seen?.map((s) => s.variant)).toEqual(['standard', 'plain']);
    const record = buildRecord(sources, submission);
    const nb = sources.locales.nb;
    const declaration = record.confirmed?.find((c) => c.field === 'bekreftelse');
    expect(declaration).toMatchObject({
      legal: 'declaration',
      text: formText(nb, 'sosialhjelp', 'fields.bekreftelse.label'),
    });
    expect(declaration?.wordings.map((w) => [w.variant, w.version, w.sameVersion, w.text])).toEqual([
      ['standard', seen![0]!.text, true, formText(nb, 'sosialhjelp', 'fields.bekreftelse.label')],
      ['plain', seen![1]!.text, true, formText(nb, 'sosialhjelp', 'fields.bekreftelse.label', 'plain')],
    ]);
    // The duties above it and the consents are there too, in form order.
    expect(record.confirmed?.map((c) => c.field)).toEqual(
      expect.arrayContaining(['samtykke-skatt', 'om-bekreftelse', 'bekreftelse']),
    );

    const root = parseHtml(renderRecordHtml(record));
    const section = findOne(root, (e) => attr(e, 'id') === 'confirmed')!;
    expect(textOf(findOne(section, (e) => e.tagName === 'h2')!)).toBe(recordText('confirmed.title'));
    const entry = findOne(section, (e) => attr(e, 'data-field') === 'bekreftelse')!;
    const wordings = findAll(entry, byClass('wording'));
    expect(wordings.map((w) => [attr(w, 'data-variant'), attr(w, 'data-version')])).toEqual([
      ['standard', seen![0]!.text],
      ['plain', seen![1]!.text],
    ]);
    expect(textOf(wordings[1]!)).toContain(formText(nb, 'sosialhjelp', 'fields.bekreftelse.label', 'plain')!);
  });

  it('shows the wording in the user’s language, and says when the text has changed since', async () => {
    const made = await makeSubmission('sosialhjelp', { locale: 'ar', variant: 'standard' });
    const submission = structuredClone(made.submission);
    submission.confirmed!['bekreftelse'] = [{ locale: 'ar', variant: 'standard', text: 'deadbeef' }];
    const record = buildRecord(made.sources, submission);
    const declaration = record.confirmed?.find((c) => c.field === 'bekreftelse');
    expect(declaration?.wordings).toEqual([
      expect.objectContaining({
        locale: 'ar',
        version: 'deadbeef',
        sameVersion: false,
        text: formText(made.sources.locales.ar, 'sosialhjelp', 'fields.bekreftelse.label'),
      }),
    ]);
    const section = findOne(parseHtml(renderRecordHtml(record)), (e) => attr(e, 'id') === 'confirmed')!;
    const entry = findOne(section, (e) => attr(e, 'data-field') === 'bekreftelse')!;
    const wording = findOne(entry, byClass('wording'))!;
    expect(
      attr(
        findOne(wording, (e) => attr(e, 'lang') === 'ar')!,
        'dir',
      ),
    ).toBe('rtl');
    expect(textOf(wording)).toContain(recordText('confirmed.changed'));
  });

  it('has no such section for a form without legal texts', async () => {
    const { submission, sources } = await makeSubmission('aktivitet', { locale: 'nb', variant: 'plain' });
    expect(submission.confirmed).toBeUndefined();
    const record = buildRecord(sources, submission);
    expect(record.confirmed).toBeUndefined();
    expect(findOne(parseHtml(renderRecordHtml(record)), (e) => attr(e, 'id') === 'confirmed')).toBeUndefined();
  });
});

// Answers are the user's, and the caseworker opens the record in a browser: every value is escaped, markup
// in an answer stays text, and bidi controls in an answer stay inside the element that isolates it.
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderRecordHtml } from '../../src/record/html.ts';
import { buildRecord } from '../../src/record/model.ts';
import { attr, byClass, byTag, findAll, findOne, parseHtml, textOf } from './html-query.ts';
import { makeSubmission } from './submissions.ts';

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '"><img src=x onerror=alert(1)>\'';
/** RIGHT-TO-LEFT OVERRIDE, and an override left open: text after it must not turn round. */
const BIDI = '\u202Egnp.exe\u202C and \u202Eopen';

describe('hostile answers in the record', () => {
  it('escapes every character HTML gives meaning to', () => {
    expect(escapeHtml(`${SCRIPT}${ATTRIBUTE}&`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;',
    );
  });

  it('keeps markup and bidi controls from answers, names and reasons as text, each in its own isolated element', async () => {
    const made = await makeSubmission(
      'sosialhjelp',
      { locale: 'ar', variant: 'standard' },
      {
        name: `${SCRIPT}${ATTRIBUTE}`,
        text: `${SCRIPT}\n${ATTRIBUTE}`,
      },
    );
    // The widget refuses bidi controls in text (text.bidi); the record must hold up when one arrives anyway.
    const submission = structuredClone(made.submission);
    submission.answers['noe-mer'] = BIDI;
    submission.answers['dokumenter'] = {
      ...(submission.answers['dokumenter'] as Record<string, unknown>),
      husleiekontrakt: { status: 'uploaded', files: [{ name: `${SCRIPT}.pdf`, size: 10, type: 'application/pdf' }] },
    };
    const html = renderRecordHtml(buildRecord(made.sources, submission));
    const root = parseHtml(html);

    expect(findAll(root, byTag('script'))).toEqual([]);
    expect(findAll(root, byTag('img'))).toEqual([]);
    expect(findAll(root, (e) => (e.attrs ?? []).some((a) => a.name.startsWith('on')))).toEqual([]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');

    const written = (path: string) =>
      findOne(
        findOne(root, (e) => attr(e, 'data-path') === path)!,
        byClass('user-text'),
      )!;
    expect(textOf(written('navn'))).toBe(submission.answers['navn']);
    expect(String(submission.answers['navn'])).toContain('<script>');
    expect(textOf(written('hva-skjedde'))).toBe(submission.answers['hva-skjedde']);
    const bidi = written('noe-mer');
    expect(textOf(bidi)).toBe(BIDI);
    // dir="auto" isolates the text (unicode-bidi: isolate), so an override left open ends with the element.
    expect(attr(bidi, 'dir')).toBe('auto');
    const files = findAll(root, (e) => byClass('files')(e));
    expect(files.map(textOf).join(' ')).toContain(`${SCRIPT}.pdf`);
    expect(findAll(files[0]!, byTag('bdi')).length).toBeGreaterThan(0);
    // A reason is the user's text too.
    for (const reason of findAll(
      findOne(root, (e) => attr(e, 'id') === 'actions')!,
      byClass('user-text'),
    ))
      expect(textOf(reason)).toBe(submission.answers['hva-skjedde']);
  });
});

// The record's PDF, for the archive: its text, extracted as a reader (or an archive's indexer) gets it with
// pdf.js, holds the Sámi and the Arabic strings intact; its fonts are embedded; nothing is left to a viewer's
// fonts. pdf.js gives right-to-left runs in logical order; the full stop that ends an Arabic sentence stands at
// the line's left end in a right-to-left line, so the Arabic sentence is compared without it.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderRecordPdf } from '../../src/node/record-pdf.ts';
import { buildRecord } from '../../src/record/model.ts';
import { ARABIC_TEXT, makeSubmission, SAMI_LETTERS, SAMI_NAME, SAMI_TEXT } from './submissions.ts';

async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    lines.push(line);
  }
  await document.destroy();
  return { text: lines.join('\n').normalize('NFC'), pages: document.numPages };
}

const latin1 = (pdf: Uint8Array): string => Buffer.from(pdf).toString('latin1');

describe('the record as PDF', () => {
  it('holds the Sámi name and the Arabic answers and questions intact, with every font embedded', async () => {
    const made = await makeSubmission('sosialhjelp', { locale: 'ar', variant: 'standard' }, { name: SAMI_NAME });
    const pdf = await renderRecordPdf(buildRecord(made.sources, made.submission), {
      now: new Date('2026-03-03T12:00:00Z'),
    });
    expect(latin1(pdf.subarray(0, 8))).toMatch(/^%PDF-1\.7/);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Side ${pages} av ${pages} · søknad ${made.submission.id}`);
    expect(text).toContain(SAMI_NAME);
    expect(text).toContain(`Barn 1: ${SAMI_NAME}`);
    // The user's Arabic answer, and the Arabic questions the user saw (lam-alef and other ligatures included).
    expect(text).toContain(ARABIC_TEXT.slice(0, -1));
    expect(text).toContain('ماذا حدث؟');
    expect(text).toContain('ما الذي تحتاج المال من أجله؟');
    // The Norwegian parts and the flags.
    for (const words of [
      'Dette må du følge opp',
      'Trenger hjelp i dag',
      'Trenger tolk',
      'Språk: arabisk',
      'Kari Nordman',
    ])
      expect(text).toContain(words);
    // Embedded TrueType subsets only: no font left to the viewer (no standard 14 font such as Helvetica).
    const raw = latin1(pdf);
    const fonts = raw.match(/\/Subtype \/CIDFontType2/g) ?? [];
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect((raw.match(/\/FontFile2 /g) ?? []).length).toBe(fonts.length);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSansArabic/);
    expect(raw).toMatch(/\/Lang \(nb\)/);
  }, 30_000);

  it('holds Northern Sámi free text and the Sámi questions the user saw intact', async () => {
    const made = await makeSubmission(
      'sosialhjelp',
      { locale: 'se', variant: 'standard' },
      { name: SAMI_NAME, text: SAMI_TEXT },
    );
    const { text } = await pdfText(await renderRecordPdf(buildRecord(made.sources, made.submission)));
    expect(text).toContain(SAMI_TEXT);
    expect(text).toContain(SAMI_LETTERS);
    expect(text).toContain('Mii lea dáhpáhuvvan?');
    expect(text).toContain('Språk: nordsamisk');
  }, 30_000);

  it.each([
    ['uk', 'Чого це стосується?', 'Мені потрібна допомога з рахунком за світло.'],
    ['ti', 'ብዛዕባ እንታይ እዩ?', 'ሓገዝ የድልየኒ እዩ።'],
  ])(
    'holds the texts of a user in %s intact (Cyrillic, Ethiopic)',
    async (locale, question, written) => {
      const made = await makeSubmission('kontakt', { locale, variant: 'standard' }, { text: written });
      const { text } = await pdfText(await renderRecordPdf(buildRecord(made.sources, made.submission)));
      expect(text).toContain(question);
      expect(text).toContain('Strømregningen');
    },
    30_000,
  );

  // Persian writes a zero-width non-joiner inside words (می‌کنید). No font has a glyph for it; it stays in the
  // Arabic font's run, which shapes it, so the word is not cut in two runs shown in the wrong order (decision 0034).
  it('holds Persian questions with their zero-width non-joiners in one word, in reading order', async () => {
    const made = await makeSubmission('sosialhjelp', { locale: 'fa', variant: 'standard' });
    const { text } = await pdfText(await renderRecordPdf(buildRecord(made.sources, made.submission)));
    expect(text).toContain('Språk: persisk');
    expect(text).toMatch(/نشانی جایی که اکنون زندگی می\W?کنید/u);
    expect(text).toContain('برای چه به پول نیاز دارید؟');
  }, 30_000);
});

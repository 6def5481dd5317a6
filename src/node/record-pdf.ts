// The caseworker's record as a PDF for the archive (docs/decisions/0018-record-and-pdf.md): pdfkit writes it
// and embeds subsets of the fonts; fontkit (inside pdfkit) shapes Arabic. pdfkit has no bidirectional
// layout and no font fallback, so this module does both: each line is broken here, each character gets the
// first font that has it, and bidi-js orders a line's runs the way the Unicode algorithm says.
import bidiFactory from 'bidi-js';
import { openSync } from 'fontkit';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  formDescription,
  type CaseRecord,
  type RecordAction,
  type RecordEntry,
  type RecordValue,
  type SeenText,
} from '../record/model.ts';
import { directionOf, languageName, recordText } from '../record/texts.ts';

const require = createRequire(import.meta.url);
const bidi = bidiFactory();

type Weight = 'regular' | 'bold';
/** In the order tried for each character: Latin, Sámi and Polish; Cyrillic; Greek; Arabic; Ethiopic (Tigrinya). */
const FONT_FILES: Array<[string, string]> = [
  ['@fontsource/noto-sans', 'noto-sans-latin'],
  ['@fontsource/noto-sans', 'noto-sans-latin-ext'],
  ['@fontsource/noto-sans', 'noto-sans-cyrillic'],
  ['@fontsource/noto-sans', 'noto-sans-cyrillic-ext'],
  ['@fontsource/noto-sans', 'noto-sans-greek'],
  ['@fontsource/ibm-plex-sans-arabic', 'ibm-plex-sans-arabic-arabic'],
  ['@fontsource/noto-sans-ethiopic', 'noto-sans-ethiopic-ethiopic'],
];

interface FontFace {
  name: string;
  path: string;
  has: (codePoint: number) => boolean;
}

let faces: Record<Weight, FontFace[]> | undefined;
function fontFaces(): Record<Weight, FontFace[]> {
  faces ??= Object.fromEntries(
    (['regular', 'bold'] as const).map((weight) => [
      weight,
      FONT_FILES.map(([pkg, file]) => {
        const path = require.resolve(`${pkg}/files/${file}-${weight === 'bold' ? 700 : 400}-normal.woff`);
        const font = openSync(path);
        // A .woff holds one font; only .ttc/.dfont files are collections.
        if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection, not a font.`);
        return { name: `${file}-${weight}`, path, has: (codePoint: number) => font.hasGlyphForCodePoint(codePoint) };
      }),
    ]),
  ) as Record<Weight, FontFace[]>;
  return faces;
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Spaces, digits, punctuation and marks: they stay in the font of the text around them when it has them. */
const SHARED = /[\s\p{N}\p{P}\p{S}\p{M}]/u;
/**
 * Zero-width (non-)joiners, which Persian writes inside words (می‌کنید): no font has a glyph for them, but the
 * shaper of the text around them reads them, so they stay in that text's font (else a box stood in the word).
 */
const JOINER = /[\u200c\u200d]/;

interface Span {
  text: string;
  weight?: Weight;
  color?: string;
}
/** A piece of one font, in logical order. */
interface Piece {
  text: string;
  face: FontFace;
  span: Span;
  start: number;
}

interface Options {
  size?: number;
  indent?: number;
  /** The paragraph's base direction; by default from its first strong character. */
  direction?: 'ltr' | 'rtl';
  gapAfter?: number;
}

class RecordWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly #left = 56;
  readonly #top = 56;
  #y = 56;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    for (const weight of ['regular', 'bold'] as const)
      for (const face of fontFaces()[weight]) doc.registerFont(face.name, face.path);
  }

  get width(): number {
    return this.doc.page.width - 2 * this.#left;
  }

  #bottom(): number {
    return this.doc.page.height - 64;
  }

  space(points: number): void {
    this.#y += points;
  }

  /** Splits text into pieces by font: each character in the first font that has it. */
  #pieces(span: Span, offset: number): Piece[] {
    const list = fontFaces()[span.weight ?? 'regular'];
    const pieces: Piece[] = [];
    let index = offset;
    for (const char of span.text) {
      const codePoint = char.codePointAt(0)!;
      const last = pieces.at(-1);
      const face =
        last && ((SHARED.test(char) && last.face.has(codePoint)) || JOINER.test(char))
          ? last.face
          : (list.find((f) => f.has(codePoint)) ?? list[0]!);
      if (last && last.face === face) last.text += char;
      else pieces.push({ text: char, face, span, start: index });
      index += char.length;
    }
    return pieces;
  }

  #measure(piece: Piece, size: number): number {
    return this.doc.font(piece.face.name).fontSize(size).widthOfString(piece.text);
  }

  /** One paragraph: broken into lines that fit, each line in the order a reader sees it. */
  paragraph(spans: Span[], options: Options = {}): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const width = this.width - indent;
    const text = spans.map((s) => s.text).join('');
    for (const hard of splitKeeping(spans, '\n')) {
      // Words (with the spaces after them) as units of line breaking.
      const words: Piece[][] = [];
      let offset = 0;
      for (const span of hard) {
        for (const part of span.text.split(/(?<=\s)/)) {
          const pieces = this.#pieces({ ...span, text: part }, offset);
          if (/^\s/.test(part) || words.length === 0 || /\s$/.test(words.at(-1)!.at(-1)!.text)) words.push(pieces);
          else words.at(-1)!.push(...pieces);
          offset += part.length;
        }
      }
      const lines: Piece[][] = [];
      let line: Piece[] = [];
      let used = 0;
      for (const word of words) {
        const wordWidth = word.reduce((sum, p) => sum + this.#measure(p, size), 0);
        const trimmed = word.reduce((sum, p) => sum + this.#measure({ ...p, text: p.text.trimEnd() }, size), 0);
        if (line.length > 0 && used + trimmed > width) {
          lines.push(line);
          line = [];
          used = 0;
        }
        line.push(...word);
        used += wordWidth;
      }
      lines.push(line);
      const direction = options.direction ?? (firstStrongIsRtl(text) ? 'rtl' : 'ltr');
      for (const pieces of lines) this.#line(pieces, size, indent, direction);
    }
    this.#y += options.gapAfter ?? size * 0.4;
  }

  #line(pieces: Piece[], size: number, indent: number, direction: 'ltr' | 'rtl'): void {
    const height = size * 1.45;
    if (this.#y + height > this.#bottom()) {
      this.doc.addPage();
      this.#y = this.#top;
    }
    // Trailing spaces take no room at the line's end.
    const last = pieces.at(-1);
    if (last) pieces[pieces.length - 1] = { ...last, text: last.text.trimEnd() };
    const runs = visualRuns(
      pieces.filter((p) => p.text !== ''),
      direction,
    );
    const widths = runs.map((run) => this.#measure(run, size));
    const total = widths.reduce((a, b) => a + b, 0);
    let x = direction === 'rtl' ? this.#left + this.width - total : this.#left + indent;
    runs.forEach((run, i) => {
      this.doc
        .font(run.face.name)
        .fontSize(size)
        .fillColor(run.span.color ?? '#1a1a1a')
        .text(run.text, x, this.#y, { lineBreak: false });
      x += widths[i]!;
    });
    this.#y += height;
  }

  heading(text: string, level: 1 | 2 | 3 | 4): void {
    const size = { 1: 18, 2: 14, 3: 12, 4: 10.5 }[level];
    if (this.#y + size * 4 > this.#bottom()) {
      this.doc.addPage();
      this.#y = this.#top;
    }
    this.#y += level <= 2 ? size * 0.8 : size * 0.5;
    this.paragraph([{ text, weight: 'bold' }], { size, direction: 'ltr', gapAfter: size * 0.3 });
  }
}

/** The spans cut at each hard line break (the user's own new lines). */
function splitKeeping(spans: Span[], separator: string): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    span.text.split(separator).forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ ...span, text: part });
    });
  }
  return lines;
}

function firstStrongIsRtl(text: string): boolean {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return false;
    if (type === 'R' || type === 'AL') return true;
  }
  return false;
}

/**
 * A line's pieces in visual order (left to right). Pieces are cut where the embedding level changes; runs at
 * an odd (right-to-left) level are mirrored and, when fontkit will not reverse them itself (it does so for
 * Arabic script), reversed here; then the Unicode algorithm's rule L2 reverses runs from the highest level down.
 */
function visualRuns(pieces: Piece[], direction: 'ltr' | 'rtl'): Piece[] {
  const text = pieces.map((p) => p.text).join('');
  if (direction === 'ltr' && !RTL_CHAR.test(text)) return pieces;
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const runs: Array<Piece & { level: number }> = [];
  let index = 0;
  for (const piece of pieces) {
    for (const char of piece.text) {
      const level = levels[index]!;
      const shown = mirrored.get(index) ?? char;
      const last = runs.at(-1);
      if (last && last.level === level && last.face === piece.face && last.span === piece.span) last.text += shown;
      else runs.push({ ...piece, text: shown, level });
      index += char.length;
    }
  }
  for (const run of runs) {
    if (run.level % 2 === 1 && !RTL_CHAR.test(run.text)) run.text = [...run.text].reverse().join('');
  }
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1]!.level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs;
}

const GREY = '#555555';
const FLAG = '#8a1c00';

function valueSpans(value: RecordValue): Span[] {
  switch (value.kind) {
    case 'list':
      return [{ text: value.items.map((item) => `• ${item}`).join('\n') }];
    case 'user':
      return [
        { text: value.lines.join('\n') },
        ...(value.lang === 'nb'
          ? []
          : [{ text: ` (${recordText('answers.answeredIn', { language: languageName(value.lang) })})`, color: GREY }]),
      ];
    case 'formatted':
      return [{ text: value.lines.join(', ') }];
  }
}

function writeSeen(writer: RecordWriter, seen: SeenText, indent: number): void {
  const meta = [
    recordText('seen.language', { language: seen.language }),
    recordText('seen.variant', { variant: recordText(`variants.${seen.variant}`) }),
    ...(seen.version ? [recordText('seen.version', { version: seen.version })] : []),
  ].join(' · ');
  writer.paragraph([{ text: `${recordText('seen.title')} – ${meta}`, color: GREY }], {
    size: 8.5,
    indent,
    gapAfter: 1,
  });
  const direction = directionOf(seen.locale);
  writer.paragraph([{ text: seen.question }], { size: 10, indent, direction, gapAfter: 1 });
  if (seen.answer) writer.paragraph([{ text: seen.answer.join(', ') }], { size: 10, indent, direction, gapAfter: 1 });
  if (!seen.sameVersion) writer.paragraph([{ text: recordText('seen.changed'), color: GREY }], { size: 8.5, indent });
  if (seen.plainFrom) writer.paragraph([{ text: recordText('seen.plainFromNb'), color: GREY }], { size: 8.5, indent });
}

function writeEntry(writer: RecordWriter, entry: RecordEntry, indent: number, level: 3 | 4): void {
  if (entry.documents) {
    for (const document of entry.documents) {
      writer.paragraph([{ text: document.name, weight: 'bold' }], { indent, gapAfter: 1 });
      const files = document.files.length ? ` (${document.files.join(', ')})` : '';
      writer.paragraph([{ text: `${recordText(`answers.documentStatus.${document.status}`)}${files}` }], {
        indent: indent + 12,
        gapAfter: document.reason ? 1 : 6,
      });
      if (document.reason)
        writer.paragraph(
          [
            { text: `${recordText('answers.reason')}: `, color: GREY },
            ...valueSpans({ kind: 'user', lines: [document.reason.text], lang: document.reason.lang }),
          ],
          { indent: indent + 12, gapAfter: 6 },
        );
    }
    return;
  }
  writer.paragraph([{ text: entry.question, weight: 'bold' }], { indent, gapAfter: 1 });
  const inner = indent + 12;
  if (entry.items) {
    if (entry.items.length === 0) writer.paragraph([{ text: recordText('answers.noItems') }], { indent: inner });
    for (const item of entry.items) {
      writer.paragraph([{ text: item.title, weight: 'bold' }], { indent: inner, size: level === 3 ? 10.5 : 10 });
      for (const child of item.entries) writeEntry(writer, child, inner + 12, 4);
    }
  } else {
    const spans = entry.value ? valueSpans(entry.value) : [{ text: recordText('answers.notAnswered'), color: GREY }];
    if (entry.unsure) spans.push({ text: `  ${recordText('answers.unsure')}`, weight: 'bold', color: FLAG });
    writer.paragraph(spans, { indent: inner, gapAfter: 2 });
  }
  if (entry.prefill) {
    const register =
      entry.prefill.status === 'corrected'
        ? ` ${recordText('prefill.register')}: ${valueSpans(entry.prefill.register)
            .map((s) => s.text)
            .join('')}`
        : '';
    writer.paragraph(
      [
        {
          text: `${recordText('prefill.title')}: ${recordText('prefill.source', { source: entry.prefill.sourceName })}. ${recordText(`prefill.${entry.prefill.status}`)}${register}`,
          color: GREY,
        },
      ],
      { indent: inner, size: 8.5, gapAfter: 2 },
    );
  }
  if (entry.seen) writeSeen(writer, entry.seen, inner);
  writer.space(4);
}

function actionSpans(action: RecordAction): Span[] {
  const title = (key: string): Span => ({ text: `${recordText(key)}. `, weight: 'bold', color: FLAG });
  switch (action.kind) {
    case 'urgent':
      return [title('actions.urgent'), { text: recordText('actions.urgentWhat', { question: action.question }) }];
    case 'contact':
      return [
        title('actions.contact'),
        {
          text: `${action.channelName ? recordText('actions.contactHow', { channel: action.channelName }) : recordText('actions.contactAnyway')} ${recordText('actions.contactWhen')}`,
        },
      ];
    case 'interpreter':
      return [
        title('actions.interpreter'),
        {
          text: action.languageName
            ? recordText('actions.interpreterLanguage', { language: action.languageName })
            : recordText('actions.interpreterNoLanguage'),
        },
      ];
    case 'unsure':
      return [
        title('actions.unsure'),
        {
          text: `${recordText('actions.unsureWhat', { question: action.question })} ${action.answer ? recordText('actions.unsureAnswer', { answer: action.answer }) : recordText('actions.unsureNoAnswer')}`,
        },
      ];
    case 'corrected':
      return [
        title('actions.corrected'),
        {
          text: `${recordText('actions.correctedWhat', { question: action.question })}\n${recordText('prefill.register')} (${action.sourceName}): ${action.register}\n${recordText('prefill.user')}: ${action.user ?? recordText('prefill.emptied')}`,
        },
      ];
    case 'document': {
      const key = { later: 'documentLater', missing: 'documentMissing', none: 'documentNone' }[action.status];
      return [
        title(`actions.${key}`),
        { text: `«${action.name}».` },
        ...(action.reason
          ? [
              { text: `\n${recordText('actions.documentReason')} ` },
              ...valueSpans({ kind: 'user', lines: [action.reason.text], lang: action.reason.lang }),
            ]
          : action.status === 'none'
            ? []
            : [{ text: ` ${recordText('actions.documentNoReason')}` }]),
      ];
    }
  }
}

/** What pdfkit keeps per embedded font until it writes the font's ToUnicode map at doc.end(). */
interface EmbeddedFontState {
  unicode?: Array<number[] | undefined>;
}

const isRtlCodePoint = (codePoint: number): boolean => RTL_CHAR.test(String.fromCodePoint(codePoint));

/**
 * One glyph for several Arabic letters (lam-alef, and ligatures such as fa-yeh) maps back to them in logical
 * order; but a reader that copies or extracts the text reverses a right-to-left line character by character,
 * and would turn «لا» into «ال». So their text is stored reversed, which the reversal puts right. pdfkit has
 * no option for this: its per-font table is set here, before doc.end() writes it (test/record/pdf.test.ts
 * checks the extracted text, so a pdfkit that changes this shows).
 */
function reverseRightToLeftLigatures(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontState> })._fontFamilies ?? {};
  // pdfkit may keep one font under two keys (its name and its cache key): each once.
  for (const font of new Set(Object.values(families))) {
    font.unicode?.forEach((codePoints, glyph) => {
      if (codePoints && codePoints.length > 1 && codePoints.some(isRtlCodePoint))
        font.unicode![glyph] = [...codePoints].reverse();
    });
  }
}

export interface RecordPdfOptions {
  /** When the PDF is made (its creation date); now by default. */
  now?: Date;
}

/** The record as a PDF with its fonts embedded. */
export function renderRecordPdf(record: CaseRecord, options: RecordPdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'nb',
    displayTitle: true,
    bufferPages: true,
    pdfVersion: '1.7',
    info: {
      Title: recordText('documentTitle', { form: record.form.title, id: record.id }),
      Subject: record.form.id,
      Creator: 'klarskjema',
      CreationDate: options.now ?? new Date(),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new RecordWriter(doc);

  writer.heading(recordText('title', { form: record.form.title }), 1);
  writer.paragraph([{ text: recordText('intro') }]);
  writer.heading(recordText('facts.title'), 2);
  const submitted = record.timeline.find((t) => t.kind === 'submitted')?.when ?? record.submittedAt;
  for (const [term, text] of [
    [recordText('facts.id'), record.id],
    [recordText('facts.form'), formDescription(record)],
    [recordText('facts.language'), `${record.language} (${record.locale})`],
    [recordText('facts.variant'), recordText(`variants.${record.variant}`)],
    [recordText('facts.submittedAt'), submitted],
    ...record.translations.map(
      (t) =>
        [
          recordText('facts.translations'),
          `${recordText(t.draft ? 'facts.draftTranslation' : 'facts.translation', { language: t.language })}, ${recordText(`variants.${t.variant}`).toLowerCase()}`,
        ] as const,
    ),
  ] as const)
    writer.paragraph([{ text: `${term}: `, weight: 'bold' }, { text }], { direction: 'ltr', gapAfter: 2 });

  writer.heading(recordText('actions.title'), 2);
  if (record.actions.length === 0) writer.paragraph([{ text: recordText('actions.none') }]);
  for (const action of record.actions) writer.paragraph(actionSpans(action), { direction: 'ltr', gapAfter: 6 });

  writer.heading(recordText('answers.title'), 2);
  for (const section of record.sections) {
    writer.heading(section.title, 3);
    for (const entry of section.entries) writeEntry(writer, entry, 0, 3);
    if (section.total)
      writer.paragraph(
        [
          { text: `${section.total.label ?? recordText('answers.total')}: `, weight: 'bold' },
          { text: section.total.text },
          { text: ` ${recordText('answers.totalWhat', { count: section.total.count })}`, color: GREY },
        ],
        { direction: 'ltr' },
      );
  }

  writer.heading(recordText('timeline.title'), 2);
  for (const moment of record.timeline)
    writer.paragraph(
      [
        { text: `${moment.when}: `, weight: 'bold' },
        { text: moment.text },
        ...(moment.reason
          ? [{ text: ' ' }, ...valueSpans({ kind: 'user', lines: [moment.reason.text], lang: moment.reason.lang })]
          : []),
      ],
      { direction: 'ltr', gapAfter: 2 },
    );
  writer.space(8);
  writer.paragraph(
    [{ text: recordText('footer', { form: record.form.id, version: record.form.version }), color: GREY }],
    {
      size: 8.5,
      direction: 'ltr',
    },
  );

  // Each page says which application it belongs to and where it stands: an archive keeps pages, not files.
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    // Text below the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const footer = recordText('page', { page: page - start + 1, pages: count, id: record.id });
    doc
      .font(fontFaces().regular[0]!.name)
      .fontSize(8)
      .fillColor(GREY)
      .text(footer, 56, doc.page.height - 40, { lineBreak: false, width: doc.page.width - 112, align: 'center' });
  }
  reverseRightToLeftLigatures(doc);
  doc.end();
  return done;
}

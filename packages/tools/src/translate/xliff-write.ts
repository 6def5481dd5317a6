// Writes a locale's units as XLIFF 2.0 (OASIS, core only): one <file> per namespace, one <unit> per text, one
// segment each. Codes the widget fills in are <ph> inline codes with their original text in <originalData>, so a
// translation tool shows them as tags the translator can move but not break. Context goes in <notes>, each with
// a category a tool can filter on; the critical and legal notes have priority 1.
import type { TFunction } from 'i18next';
import { pieces } from './placeholders.ts';
import { splitKey, type Namespace, type Unit } from './units.ts';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** XML 1.0 allows these characters; XLIFF writes any other as <cp hex="…"/>. */
const XML_CHAR = /[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const escapeText = (text: string): string => {
  let out = '';
  for (const char of text) {
    if (!XML_CHAR.test(char)) out += `<cp hex="${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}"/>`;
    else if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '\r') out += '&#13;';
    else out += char;
  }
  return out;
};

const escapeAttribute = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');

/** A key as a unit id (NMTOKEN): form and widget keys are already; anything else is spelled out. */
export const unitId = (key: string): string =>
  key.replace(/[^\p{L}\p{N}._:-]/gu, (char) => `_x${char.codePointAt(0)!.toString(16)}_`);

interface Codes {
  /** data id by the code's text. */
  data: Map<string, string>;
  /** ph ids of the source, in order, with their code. */
  source: Array<{ id: string; code: string }>;
}

function collectCodes(source: string, target: string | undefined): Codes {
  const data = new Map<string, string>();
  const dataId = (code: string) => {
    if (!data.has(code)) data.set(code, `d${data.size + 1}`);
    return data.get(code)!;
  };
  const sourceCodes: Codes['source'] = [];
  for (const piece of pieces(source)) {
    if ('code' in piece) {
      dataId(piece.code);
      sourceCodes.push({ id: String(sourceCodes.length + 1), code: piece.code });
    }
  }
  for (const piece of pieces(target ?? '')) if ('code' in piece) dataId(piece.code);
  return { data, source: sourceCodes };
}

/** A code as an inline tag; the translator may not delete it, except a plural form's count ("one file"). */
const ph = (id: string, code: string, data: Map<string, string>, deletable: boolean): string =>
  `<ph id="${id}" dataRef="${data.get(code)!}" disp="${escapeAttribute(code)}"${deletable ? '' : ' canDelete="no"'}/>`;

function sourceContent(text: string, codes: Codes, plural: boolean): string {
  let next = 0;
  return pieces(text)
    .map((piece) =>
      'code' in piece ? ph(codes.source[next++]!.id, piece.code, codes.data, plural) : escapeText(piece.text),
    )
    .join('');
}

/** A target's codes take the id of the source code with the same text; a code the source lacks gets its own. */
function targetContent(text: string, codes: Codes, plural: boolean): string {
  const used = new Set<string>();
  let extra = 0;
  return pieces(text)
    .map((piece) => {
      if (!('code' in piece)) return escapeText(piece.text);
      const match =
        codes.source.find((c) => c.code === piece.code && !used.has(c.id)) ??
        codes.source.find((c) => c.code === piece.code);
      const id = match?.id ?? `x${++extra}`;
      used.add(id);
      return ph(id, piece.code, codes.data, plural);
    })
    .join('');
}

export interface ExportOptions {
  locale: string;
  /** The texts of the notes, in the language of the command (--lang). */
  t: TFunction;
}

function notes(unit: Unit, t: TFunction, locale: string): string[] {
  const note = (category: string, text: string, priority?: number) =>
    `<note category="${category}"${priority ? ` priority="${priority}"` : ''}>${escapeText(text)}</note>`;
  const out: string[] = [];
  if (unit.lock)
    out.push(
      note(
        unit.lock,
        t(`translate.note.${unit.lock}`, {
          kind: unit.legal ? t(`translate.legal.${unit.legal}`, { defaultValue: unit.legal }) : '',
        }),
        1,
      ),
    );
  if (unit.counterpart)
    out.push(
      note(
        unit.plain ? 'nb-standard' : 'nb-plain',
        t(unit.plain ? 'translate.note.nbStandard' : 'translate.note.nbPlain', { text: unit.counterpart.text }),
      ),
    );
  if (unit.plain && unit.sourceKey === unit.key.slice(0, -'_plain'.length))
    out.push(note('plain', t('translate.note.plainWithoutNb')));
  const { plural } = splitKey(unit.key);
  if (plural) out.push(note('plural', t('translate.note.plural', { form: plural, key: unit.sourceKey, locale })));
  out.push(note('role', t(`translate.role.${unit.role}`)));
  if (unit.step !== undefined || unit.field !== undefined)
    out.push(
      note(
        'location',
        unit.field !== undefined
          ? t(unit.step !== undefined ? 'translate.note.field' : 'translate.note.fieldNoStep', {
              step: unit.step,
              number: unit.stepNumber,
              field: unit.field,
              kind: unit.kind ?? '–',
            })
          : t('translate.note.step', { step: unit.step, number: unit.stepNumber ?? '–' }),
      ),
    );
  if (unit.answerMaxLength !== undefined)
    out.push(note('max-length', t('translate.note.maxLength', { count: unit.answerMaxLength })));
  for (const term of unit.terms) {
    const target = term.target;
    out.push(
      note(
        'term',
        target
          ? t(target.norwegian ? 'translate.note.termNorwegian' : 'translate.note.term', {
              term: term.term,
              definition: term.definition,
              translation: target.translation,
              norwegian: target.norwegian ?? '',
              avoid: target.avoid?.length ? t('translate.note.avoid', { words: target.avoid.join(', ') }) : '',
            })
          : t('translate.note.termNoTermbase', { term: term.term, definition: term.definition, locale }),
      ),
    );
  }
  const status = unit.status;
  out.push(
    note(
      'status',
      !status
        ? t(
            unit.target !== undefined
              ? 'translate.note.noStatus'
              : unit.plain
                ? 'translate.note.untranslatedPlain'
                : 'translate.note.untranslated',
            { locale },
          )
        : t(unit.stale ? 'translate.note.statusStale' : 'translate.note.status', {
            state: t(`translate.state.${status.state}`),
            method: status.method,
            by: status.by,
            at: status.at,
            note: status.note ? ` ${status.note}` : '',
          }),
    ),
  );
  return out;
}

function unitXml(unit: Unit, options: ExportOptions): string {
  const codes = collectCodes(unit.source, unit.target);
  const id = unitId(unit.key);
  const lines = [`    <unit id="${id}"${id === unit.key ? '' : ` name="${escapeAttribute(unit.key)}"`}>`];
  lines.push('      <notes>', ...notes(unit, options.t, options.locale).map((n) => `        ${n}`), '      </notes>');
  if (codes.data.size > 0) {
    lines.push('      <originalData>');
    for (const [code, dataId] of codes.data) lines.push(`        <data id="${dataId}">${escapeText(code)}</data>`);
    lines.push('      </originalData>');
  }
  lines.push(`      <segment state="${unit.state}">`);
  const plural = splitKey(unit.key).plural !== undefined;
  lines.push(`        <source>${sourceContent(unit.source, codes, plural)}</source>`);
  if (unit.target !== undefined) lines.push(`        <target>${targetContent(unit.target, codes, plural)}</target>`);
  lines.push('      </segment>', '    </unit>');
  return lines.join('\n');
}

/** The whole document. */
export function writeXliff(namespaces: readonly Namespace[], options: ExportOptions): string {
  const files = namespaces.map((ns) =>
    [
      `  <file id="${unitId(ns.name)}" original="locales/nb/${escapeAttribute(ns.name)}.json" xml:space="preserve">`,
      '    <notes>',
      `      <note category="instructions">${escapeText(options.t('translate.note.file', { namespace: ns.name, locale: options.locale }))}</note>`,
      '    </notes>',
      ...ns.units.map((unit) => unitXml(unit, options)),
      '  </file>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="nb" trgLang="${escapeAttribute(options.locale)}">`,
    ...files,
    '</xliff>',
    '',
  ].join('\n');
}

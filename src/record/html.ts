// The record as one printable HTML document: no script, no outside resources (a CSP that forbids them),
// headings and description lists, every value escaped, the user's words and the texts the user saw
// marked with their language and direction.
import {
  formDescription,
  type CaseRecord,
  type RecordAction,
  type RecordConfirmed,
  type RecordDocument,
  type RecordEntry,
  type RecordValue,
  type SeenText,
} from './model.ts';
import { directionOf, languageName, recordText } from './texts.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values: every character HTML gives meaning to, escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const e = escapeHtml;

/** The user's own words: exactly as written, isolated (dir="auto") so that no bidi control leaks out. */
function userText(text: string, lang: string, tag = 'span'): string {
  const note =
    lang === 'nb'
      ? ''
      : ` <span class="lang">(${e(recordText('answers.answeredIn', { language: languageName(lang) }))})</span>`;
  return `<${tag} class="user-text" lang="${e(lang)}" dir="auto">${e(text)}</${tag}>${note}`;
}

function value(value: RecordValue): string {
  switch (value.kind) {
    case 'list':
      return `<ul class="list">${value.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
    case 'user':
      return userText(value.lines.join('\n'), value.lang);
    case 'formatted':
      return value.ltr ? `<bdi dir="ltr">${e(value.lines.join(', '))}</bdi>` : e(value.lines.join(', '));
  }
}

function seen(seen: SeenText): string {
  const meta = [
    recordText('seen.language', { language: seen.language }),
    recordText('seen.variant', { variant: recordText(`variants.${seen.variant}`) }),
    ...(seen.version ? [recordText('seen.version', { version: seen.version })] : []),
  ];
  const dir = directionOf(seen.locale);
  const notes = [
    ...(seen.sameVersion ? [] : [recordText('seen.changed')]),
    ...(seen.plainFrom ? [recordText('seen.plainFromNb')] : []),
  ];
  return `<dd class="seen" data-locale="${e(seen.locale)}" data-variant="${e(seen.variant)}"${seen.version ? ` data-version="${e(seen.version)}"` : ''}>
<p class="seen-meta"><span class="seen-title">${e(recordText('seen.title'))}</span> – ${meta.map(e).join(' · ')}</p>
<p class="seen-question" lang="${e(seen.locale)}" dir="${dir}">${e(seen.question)}</p>${
    seen.answer
      ? `\n<p class="seen-answer"><span class="seen-title">${e(recordText('seen.answer'))}:</span> <span lang="${e(seen.locale)}" dir="${dir}">${seen.answer.map(e).join(', ')}</span></p>`
      : ''
  }${notes.map((note) => `\n<p class="seen-note">${e(note)}</p>`).join('')}
</dd>`;
}

/** A legal text the user confirmed (decision 0031): NAV's wording, then each wording the user saw, with its version. */
function confirmedRow(confirmed: RecordConfirmed): string {
  const wordings = confirmed.wordings
    .map((w) => {
      const meta = [
        recordText('confirmed.wording', {
          language: w.language,
          variant: recordText(`variants.${w.variant}`).toLowerCase(),
        }),
        ...(w.version ? [recordText('confirmed.version', { version: w.version })] : []),
      ];
      return `<dd class="wording" data-locale="${e(w.locale)}" data-variant="${e(w.variant)}"${w.version ? ` data-version="${e(w.version)}"` : ''}>
<p class="wording-meta">${meta.map(e).join(' · ')}</p>
<p lang="${e(w.locale)}" dir="${directionOf(w.locale)}">${e(w.text)}</p>${w.sameVersion ? '' : `\n<p class="wording-note">${e(recordText('confirmed.changed'))}</p>`}
</dd>`;
    })
    .join('\n');
  return `<div class="entry confirmed" data-field="${e(confirmed.field)}" data-legal="${e(confirmed.legal)}">
<dt>${e(recordText(`confirmed.kinds.${confirmed.legal}`))}: ${e(confirmed.text)}</dt>
${wordings}
</div>`;
}

function documentRow(document: RecordDocument): string {
  const files = document.files.length
    ? `<ul class="files" aria-label="${e(recordText('answers.files'))}">${document.files.map((f) => `<li><bdi>${e(f)}</bdi></li>`).join('')}</ul>`
    : '';
  const reason = document.reason
    ? `<p class="reason"><span class="label">${e(recordText('answers.reason'))}:</span> ${userText(document.reason.text, document.reason.lang)}</p>`
    : '';
  return `<div class="entry document" data-document="${e(document.id)}" data-status="${e(document.status)}">
<dt>${e(document.name)}</dt>
<dd class="answer">${e(recordText(`answers.documentStatus.${document.status}`))}${files}${reason}</dd>
</div>`;
}

function entryRow(entry: RecordEntry, level: number): string {
  if (entry.documents) return entry.documents.map(documentRow).join('\n');
  const flags = entry.unsure ? ` <strong class="flag unsure">${e(recordText('answers.unsure'))}</strong>` : '';
  let answer: string;
  if (entry.items) {
    answer = entry.items.length
      ? entry.items
          .map(
            (item) => `<section class="item" data-index="${item.index}">
<h${level} class="item-title">${e(item.title)}</h${level}>
<dl class="answers">
${item.entries.map((child) => entryRow(child, level + 1)).join('\n')}
</dl>
</section>`,
          )
          .join('\n')
      : e(recordText('answers.noItems'));
  } else {
    answer = entry.value
      ? value(entry.value)
      : `<span class="not-answered">${e(recordText('answers.notAnswered'))}</span>`;
  }
  const prefill = entry.prefill
    ? `\n<dd class="prefill" data-status="${e(entry.prefill.status)}"><span class="label">${e(recordText('prefill.title'))}:</span> ${e(
        recordText('prefill.source', { source: entry.prefill.sourceName }),
      )}. ${e(recordText(`prefill.${entry.prefill.status}`))}${
        entry.prefill.status === 'corrected'
          ? ` <span class="label">${e(recordText('prefill.register'))}:</span> <span class="register">${value(entry.prefill.register)}</span>`
          : ''
      }</dd>`
    : '';
  return `<div class="entry" data-field="${e(entry.field)}" data-path="${e(entry.path)}" data-kind="${e(entry.kind)}"${entry.unsure ? ' data-unsure="true"' : ''}>
<dt>${e(entry.question)}</dt>
<dd class="answer">${answer}${flags}</dd>${prefill}${entry.seen ? `\n${seen(entry.seen)}` : ''}
</div>`;
}

function action(action: RecordAction): string {
  const item = (title: string, body: string, data = '') =>
    `<li class="action" data-action="${e(action.kind)}"${data}><strong class="action-title">${e(title)}</strong> ${body}</li>`;
  switch (action.kind) {
    case 'urgent':
      return item(
        recordText('actions.urgent'),
        e(recordText('actions.urgentWhat', { question: action.question })),
        ` data-field="${e(action.field)}"`,
      );
    case 'contact':
      return item(
        recordText('actions.contact'),
        `${e(action.channelName ? recordText('actions.contactHow', { channel: action.channelName }) : recordText('actions.contactAnyway'))} ${e(recordText('actions.contactWhen'))}`,
        action.channel ? ` data-channel="${e(action.channel)}"` : '',
      );
    case 'interpreter':
      return item(
        recordText('actions.interpreter'),
        e(
          action.languageName
            ? recordText('actions.interpreterLanguage', { language: action.languageName })
            : recordText('actions.interpreterNoLanguage'),
        ),
        action.language ? ` data-language="${e(action.language)}"` : '',
      );
    case 'unsure':
      return item(
        recordText('actions.unsure'),
        `${e(recordText('actions.unsureWhat', { question: action.question }))} ${e(
          action.answer
            ? recordText('actions.unsureAnswer', { answer: action.answer })
            : recordText('actions.unsureNoAnswer'),
        )}`,
        ` data-field="${e(action.field)}"`,
      );
    case 'corrected':
      return item(
        recordText('actions.corrected'),
        `${e(recordText('actions.correctedWhat', { question: action.question }))}
<table class="corrected"><thead><tr><th scope="col">${e(recordText('prefill.register'))} (${e(action.sourceName)})</th><th scope="col">${e(recordText('prefill.user'))}</th></tr></thead>
<tbody><tr><td class="register">${e(action.register)}</td><td class="user">${action.user === undefined ? e(recordText('prefill.emptied')) : `<bdi>${e(action.user)}</bdi>`}</td></tr></tbody></table>`,
        ` data-field="${e(action.field)}"`,
      );
    case 'document': {
      const title = { later: 'documentLater', missing: 'documentMissing', none: 'documentNone' }[action.status];
      const reason = action.reason
        ? `${e(recordText('actions.documentReason'))} ${userText(action.reason.text, action.reason.lang)}`
        : action.status === 'none'
          ? ''
          : e(recordText('actions.documentNoReason'));
      return item(
        recordText(`actions.${title}`),
        `«${e(action.name)}». ${reason}`,
        ` data-document="${e(action.document)}" data-status="${e(action.status)}"`,
      );
    }
  }
}

/** The record's styles; the inbox serves them as a stylesheet of its own (its CSP has no inline styles). */
export const RECORD_STYLE = `
body{font-family:"Noto Sans",Arial,sans-serif;line-height:1.45;margin:2rem auto;max-width:48rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem;margin-top:1.5rem}h4,h5{font-size:1rem}
dl.answers{margin:0}.entry{border-top:1px solid #ccc;padding:.4rem 0;break-inside:avoid}dt{font-weight:600}dd{margin:0 0 0 1rem}
.user-text{white-space:pre-wrap;unicode-bidi:isolate}.lang,.seen-meta,.wording-meta{color:#555;font-size:.9em}.seen,.wording{border-left:3px solid #888;padding-left:.5rem;margin-top:.3rem}
.seen p,.wording p{margin:.1rem 0}.flag,.action-title{color:#8a1c00}.actions li{margin-bottom:.5rem}.not-answered{font-style:italic}
table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:start;vertical-align:top}
.total{font-weight:600}@media print{body{margin:0;max-width:none}a{color:inherit}}`;

/** The record's content: with landmarks (header, main, footer) for a page of its own, without them to sit
 *  inside another page (the inbox), whose own landmarks hold it. */
export function renderRecordContent(record: CaseRecord, options: { landmarks: boolean } = { landmarks: true }): string {
  const [header, main, footer] = options.landmarks
    ? ['header', 'main', 'footer']
    : ['div class="record-header"', 'div class="record-main"', 'div class="record-footer"'];
  const end = (tag: string) => (options.landmarks ? tag : 'div');
  const facts: Array<[string, string]> = [
    [recordText('facts.id'), `<bdi dir="ltr">${e(record.id)}</bdi>`],
    [recordText('facts.form'), e(formDescription(record))],
    [recordText('facts.language'), `${e(record.language)} (${e(record.locale)})`],
    [recordText('facts.variant'), e(recordText(`variants.${record.variant}`))],
    ...(record.translations.length
      ? ([
          [
            recordText('facts.translations'),
            record.translations
              .map((t) =>
                e(
                  `${recordText(t.draft ? 'facts.draftTranslation' : 'facts.translation', { language: t.language })}, ${recordText(`variants.${t.variant}`).toLowerCase()}`,
                ),
              )
              .join('<br>'),
          ],
        ] as Array<[string, string]>)
      : []),
    [
      recordText('facts.submittedAt'),
      `<time datetime="${e(record.submittedAt)}">${e(record.timeline.find((t) => t.kind === 'submitted')?.when ?? record.submittedAt)}</time>`,
    ],
  ];
  const sections = record.sections
    .map(
      (section) => `<section class="step" data-step="${e(section.step)}" aria-labelledby="step-${e(section.step)}">
<h3 id="step-${e(section.step)}">${e(section.title)}</h3>
<dl class="answers">
${section.entries.map((item) => entryRow(item, 4)).join('\n')}${
        section.total
          ? `\n<div class="entry total" data-total="${section.total.value}"><dt>${e(section.total.label ?? recordText('answers.total'))}</dt><dd class="answer"><bdi dir="ltr">${e(section.total.text)}</bdi> <span class="lang">${e(recordText('answers.totalWhat', { count: section.total.count }))}</span></dd></div>`
          : ''
      }
</dl>
</section>`,
    )
    .join('\n');
  const timeline = record.timeline
    .map(
      (moment) =>
        `<tr data-event="${e(moment.kind)}"><td><time datetime="${e(moment.at)}">${e(moment.when)}</time></td><td>${e(moment.text)}${moment.reason ? ` ${userText(moment.reason.text, moment.reason.lang)}` : ''}</td></tr>`,
    )
    .join('\n');
  return `<${header}>
<h1>${e(recordText('title', { form: record.form.title }))}</h1>
<p>${e(recordText('intro'))}</p>
<section aria-labelledby="facts-title">
<h2 id="facts-title">${e(recordText('facts.title'))}</h2>
<dl class="facts">
${facts.map(([term, text]) => `<div><dt>${e(term)}</dt><dd>${text}</dd></div>`).join('\n')}
</dl>
</section>
</${end('header')}>
<${main}>
<section id="actions" aria-labelledby="actions-title">
<h2 id="actions-title">${e(recordText('actions.title'))}</h2>
${record.actions.length ? `<ul class="actions">\n${record.actions.map(action).join('\n')}\n</ul>` : `<p>${e(recordText('actions.none'))}</p>`}
</section>
<section id="answers" aria-labelledby="answers-title">
<h2 id="answers-title">${e(recordText('answers.title'))}</h2>
${sections}
</section>${
    record.confirmed
      ? `\n<section id="confirmed" aria-labelledby="confirmed-title">
<h2 id="confirmed-title">${e(recordText('confirmed.title'))}</h2>
<p>${e(recordText('confirmed.intro'))}</p>
<dl class="answers">
${record.confirmed.map(confirmedRow).join('\n')}
</dl>
</section>`
      : ''
  }
<section id="timeline" aria-labelledby="timeline-title">
<h2 id="timeline-title">${e(recordText('timeline.title'))}</h2>
<table>
<thead><tr><th scope="col">${e(recordText('timeline.when'))}</th><th scope="col">${e(recordText('timeline.what'))}</th></tr></thead>
<tbody>
${timeline}
</tbody>
</table>
</section>
</${end('main')}>
<${footer}><p>${e(recordText('footer', { form: record.form.id, version: record.form.version }))}</p></${end('footer')}>`;
}

/** The record as a complete HTML document (lang="nb"). */
export function renderRecordHtml(record: CaseRecord): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(recordText('documentTitle', { form: record.form.title, id: record.id }))}</title>
<style>${RECORD_STYLE}</style>
</head>
<body>
${renderRecordContent(record)}
</body>
</html>
`;
}

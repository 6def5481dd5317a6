// The inbox's pages: server-rendered HTML without script (forms and links do everything, so it works with
// a keyboard, a screen reader and any browser), every value escaped, styles from one stylesheet.
import { escapeHtml as e, RECORD_STYLE } from '../../../../src/record/html.ts';
import { formatMoment } from '../../../../src/record/format.ts';
import { CASE_STATUSES, type CaseAttachment, type CaseStatus } from '../case-store.ts';
import { inboxText as t } from './texts.ts';

export const INBOX_PATH = '/saksbehandling/';
export const LOGIN_PATH = '/saksbehandling/logg-inn';
export const STYLESHEET_PATH = '/saksbehandling/stil.css';

/** What needs action, in the record's order (src/record/model.ts RecordAction kinds, documents together). */
export const NEEDS = ['urgent', 'interpreter', 'contact', 'documents', 'unsure'] as const;
export type Need = (typeof NEEDS)[number];
export type Flag = Need | 'corrected';

export interface CaseSummary {
  reference: string;
  form: { id: string; version: string; title: string };
  receivedAt: string;
  status: CaseStatus;
  statusChangedAt?: string;
  statusChangedBy?: string;
  flags: Flag[];
}

export interface PageCaseworker {
  name: string;
  officeName: string;
  csrfToken: string;
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Noto Sans",Arial,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}
.skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.site{background:#23262a;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
.site a,.site .who{color:#fff}.site .service{font-weight:700;margin:0}.site form{display:inline}
.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
main{max-width:64rem;margin:0 auto;padding:1rem}
a{color:#0b5ea8}a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid #c05600;outline-offset:2px}
button{font:inherit;padding:.4rem 1rem;border:2px solid #0b5ea8;background:#0b5ea8;color:#fff;border-radius:4px;cursor:pointer}
.site button{background:transparent;border-color:#fff}
input[type=text],input[type=password],select{font:inherit;padding:.35rem;border:2px solid #555;border-radius:4px}
label{display:block;font-weight:600;margin-top:.75rem}fieldset{border:1px solid #888;margin:0 0 1rem;padding:.5rem 1rem}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.25rem 0}legend{font-weight:600}
.message{border-left:5px solid #0b5ea8;padding:.5rem 1rem;background:#eef4fa}.message.error{border-color:#ba3a26;background:#fbeeec}
table.cases{border-collapse:collapse;width:100%}table.cases th,table.cases td{border-bottom:1px solid #999;padding:.4rem;text-align:start;vertical-align:top}
.flags{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
.flag-tag{display:inline-block;border:1px solid #8a1c00;color:#8a1c00;border-radius:3px;padding:0 .3rem;font-size:.9em}
.files li{margin:.3rem 0}.paging ul{display:flex;flex-wrap:wrap;gap:1.5rem;list-style:none;padding:0}.case-tools{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));margin-bottom:1rem}
.case-tools section{border:1px solid #999;padding:.5rem 1rem}.record{border-top:3px solid #23262a;margin-top:1rem}
${RECORD_STYLE.replace(/body\{[^}]*\}/, '')}`;

export const stylesheet = (): string => STYLE;

function layout(title: string, content: string, caseworker?: PageCaseworker): string {
  const signedIn = caseworker
    ? `<nav aria-label="${e(t('service'))}"><ul>
<li><a href="${INBOX_PATH}">${e(t('inboxLink'))}</a></li>
<li class="who">${e(t('signedInAs', { name: caseworker.name, office: caseworker.officeName }))}</li>
<li><form method="post" action="/saksbehandling/logg-ut"><input type="hidden" name="csrf" value="${e(caseworker.csrfToken)}"><button type="submit">${e(t('signOut'))}</button></form></li>
</ul></nav>`
    : '';
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} – ${e(t('service'))}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#innhold">${e(t('skip'))}</a>
<header class="site"><p class="service">${e(t('service'))}</p>${signedIn}</header>
<main id="innhold" tabindex="-1">
${content}
</main>
</body>
</html>
`;
}

export type LoginNotice = 'failed' | 'oidcFailed' | 'locked' | 'expired' | 'busy' | 'signedOut' | 'sessionEnded';

export function loginPage(options: {
  csrfToken: string;
  notice?: LoginNotice;
  minutes?: number;
  username?: string;
  next?: string;
  oidc: boolean;
  password: boolean;
}): string {
  const error = options.notice && options.notice !== 'signedOut';
  const notice = options.notice
    ? `<div class="message${error ? ' error' : ''}" role="${error ? 'alert' : 'status'}"><p>${e(
        t(`login.${options.notice}`, { minutes: options.minutes ?? 15 }),
      )}</p></div>`
    : '';
  const form = options.password
    ? `<form method="post" action="${LOGIN_PATH}">
<input type="hidden" name="csrf" value="${e(options.csrfToken)}">
${options.next ? `<input type="hidden" name="next" value="${e(options.next)}">` : ''}
<label for="brukernavn">${e(t('login.username'))}</label>
<input type="text" id="brukernavn" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${e(options.username ?? '')}">
<label for="passord">${e(t('login.password'))}</label>
<input type="password" id="passord" name="password" autocomplete="current-password" required>
<p><button type="submit">${e(t('login.submit'))}</button></p>
</form>`
    : '';
  const oidc = options.oidc ? `<p><a href="/saksbehandling/oidc/start">${e(t('login.oidc'))}</a></p>` : '';
  return layout(
    t('login.title'),
    `<h1>${e(t('login.title'))}</h1>\n${notice}\n<p>${e(t('login.intro'))}</p>\n${form}${oidc}`,
  );
}

const flagList = (flags: readonly Flag[]): string =>
  flags.length
    ? `<ul class="flags">${flags.map((f) => `<li class="flag-tag" data-flag="${f}">${e(t(`flags.${f}`))}</li>`).join('')}</ul>`
    : e(t('list.nothing'));

export function listPage(options: {
  caseworker: PageCaseworker;
  cases: CaseSummary[];
  needs: readonly Need[];
  status: CaseStatus | null;
  /** The cursor this page was asked with (not the first page), and the next page's; null: none. */
  cursor?: string | null;
  nextCursor?: string | null;
}): string {
  // The same filters on every page; only the cursor changes.
  const pageLink = (cursor: string | null): string => {
    const query = new URLSearchParams();
    for (const need of options.needs) query.append('needs', need);
    if (options.status) query.set('status', options.status);
    if (cursor) query.set('cursor', cursor);
    const text = query.toString();
    return `${INBOX_PATH}${text ? `?${text}` : ''}`;
  };
  const paging =
    options.cursor || options.nextCursor
      ? `<nav class="paging" aria-label="${e(t('list.pages'))}"><ul>${
          options.cursor ? `<li><a href="${e(pageLink(null))}">${e(t('list.firstPage'))}</a></li>` : ''
        }${options.nextCursor ? `<li><a href="${e(pageLink(options.nextCursor))}" rel="next">${e(t('list.nextPage'))}</a></li>` : ''}</ul></nav>`
      : '';
  const checkboxes = NEEDS.map(
    (need) =>
      `<label><input type="checkbox" name="needs" value="${need}"${options.needs.includes(need) ? ' checked' : ''}> ${e(t(`list.needs.${need}`))}</label>`,
  ).join('\n');
  const statusOptions = [
    `<option value=""${options.status === null ? ' selected' : ''}>${e(t('list.allStatuses'))}</option>`,
    ...CASE_STATUSES.map(
      (s) => `<option value="${s}"${options.status === s ? ' selected' : ''}>${e(t(`statuses.${s}`))}</option>`,
    ),
  ].join('');
  const rows = options.cases
    .map(
      (c) => `<tr data-reference="${e(c.reference)}">
<td><time datetime="${e(c.receivedAt)}">${e(formatMoment(c.receivedAt))}</time></td>
<th scope="row"><a href="${INBOX_PATH}saker/${encodeURIComponent(c.reference)}">${e(c.reference)}</a></th>
<td>${e(c.form.title)}</td>
<td>${flagList(c.flags)}</td>
<td data-status="${c.status}">${e(t(`statuses.${c.status}`))}</td>
</tr>`,
    )
    .join('\n');
  const table = options.cases.length
    ? `<table class="cases">
<caption>${e(t('list.caption'))}</caption>
<thead><tr><th scope="col">${e(t('list.received'))}</th><th scope="col">${e(t('list.reference'))}</th><th scope="col">${e(t('list.form'))}</th><th scope="col">${e(t('list.actions'))}</th><th scope="col">${e(t('list.status'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p>${e(t('list.empty'))}</p>`;
  return layout(
    t('list.title'),
    `<h1>${e(t('list.title'))}</h1>
<form method="get" action="${INBOX_PATH}" class="filters">
<fieldset><legend>${e(t('list.filters'))}</legend>
${checkboxes}
</fieldset>
<label for="status">${e(t('list.status'))}</label>
<select id="status" name="status">${statusOptions}</select>
<p><button type="submit">${e(t('list.show'))}</button></p>
</form>
<p id="antall" role="status">${e(t(options.cursor || options.nextCursor ? 'list.countPage' : 'list.count', { count: options.cases.length }))}</p>
${table}
${paging}`,
    options.caseworker,
  );
}

const sizeText = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`
    : `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

export function casePage(options: {
  caseworker: PageCaseworker;
  summary: CaseSummary;
  attachments: Array<CaseAttachment & { documentName: string }>;
  /** The record's content without landmarks (renderRecordContent), its headings one level down (h2 to h6). */
  record: string;
  saved: boolean;
}): string {
  const { summary } = options;
  const base = `${INBOX_PATH}saker/${encodeURIComponent(summary.reference)}`;
  const changed =
    summary.statusChangedAt && summary.statusChangedBy
      ? ` ${e(t('case.statusChanged', { when: formatMoment(summary.statusChangedAt), who: summary.statusChangedBy }))}`
      : '';
  const files = options.attachments.length
    ? `<ul class="files">${options.attachments
        .map((a) => {
          const name = a.fileName ?? t('case.unnamed');
          return `<li data-attachment="${e(a.ref)}"><a href="${base}/vedlegg/${encodeURIComponent(a.ref)}" download><bdi>${e(
            t('case.download', { file: name }),
          )}</bdi></a> (${e(t('case.fileFacts', { document: a.documentName, type: t(`fileTypes.${a.type}`), size: sizeText(a.size) }))})</li>`;
        })
        .join('\n')}</ul>`
    : `<p>${e(t('case.noAttachments'))}</p>`;
  const statusOptions = CASE_STATUSES.map(
    (s) => `<option value="${s}"${summary.status === s ? ' selected' : ''}>${e(t(`statuses.${s}`))}</option>`,
  ).join('');
  return layout(
    t('case.title', { reference: summary.reference }),
    `<p><a href="${INBOX_PATH}">${e(t('case.back'))}</a></p>
<h1>${e(t('case.title', { reference: summary.reference }))}</h1>
${options.saved ? `<div class="message" role="status"><p>${e(t('case.statusSaved'))}</p></div>` : ''}
<div class="case-tools">
<section aria-labelledby="status-title">
<h2 id="status-title">${e(t('case.status'))}</h2>
<p id="status-now" data-status="${summary.status}">${e(t('case.statusNow', { status: t(`statuses.${summary.status}`) }))}${changed}</p>
<form method="post" action="${base}/status">
<input type="hidden" name="csrf" value="${e(options.caseworker.csrfToken)}">
<label for="ny-status">${e(t('case.setStatus'))}</label>
<select id="ny-status" name="status">${statusOptions}</select>
<p><button type="submit">${e(t('case.saveStatus'))}</button></p>
</form>
</section>
<section aria-labelledby="files-title">
<h2 id="files-title">${e(t('case.attachments'))}</h2>
${files}
</section>
</div>
<section class="record" aria-label="${e(t('case.record'))}">
${options.record}
</section>`,
    options.caseworker,
  );
}

/** After a sign-in that came back from the identity provider's site: the browser then goes on from this
 *  origin, so that it sends the SameSite=Strict session cookie (a redirect would still count as cross-site). */
export function signedInPage(next: string): string {
  return layout(
    t('login.signedIn'),
    `<h1>${e(t('login.signedIn'))}</h1>\n<p><a href="${e(next)}">${e(t('login.continue'))}</a></p>`,
  ).replace('<head>\n', `<head>\n<meta http-equiv="refresh" content="0;url=${e(next)}">\n`);
}

export function errorPage(
  key: 'notFound' | 'forbidden' | 'unavailable' | 'failed',
  caseworker?: PageCaseworker,
): string {
  return layout(
    t(`errors.${key}`),
    `<h1>${e(t(`errors.${key}`))}</h1>\n<p><a href="${INBOX_PATH}">${e(t('case.back'))}</a></p>`,
    caseworker,
  );
}

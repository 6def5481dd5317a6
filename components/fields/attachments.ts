// The attachments question: for each document the form asks for, "upload now", "later" or "I do not have
// it", with the files or a reason. In the late chunk (docs/decisions/0012-lazy-chunks.md): documents are
// asked for late in a form, never where the first step needs them; fields.ts renders it through late.ts.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '../../src/definition/types.ts';
import { errorMessage } from './field-frame.ts';
import { glossaryTemplate, textsUnder } from '../glossary/glossary.ts';
import { domId, fieldKeys, namedKeys, type FieldHost } from './field-host.ts';
import type { FieldPlace } from './fields.ts';
import { documentText } from '../../src/i18n/document-text.ts';
import { documentIdOf } from '../../src/engine/items.ts';

type FileEntry = { name: string; size: number; type: string };
type DocumentAnswers = Record<string, { status?: string; files?: FileEntry[] }>;

const HEIC = /\.hei[cf]$/i;

/** The files join the document's answer (name, size and type) and the widget's files in memory. */
function chooseFiles(host: FieldHost, field: FieldDefinition, document: string, files: FileList): void {
  const documents = { ...((host.answers[field.id] ?? {}) as DocumentAnswers) };
  const entry = { ...documents[document] };
  const chosen = Array.from(files);
  // Phones often give HEIC photos no type; the file name says what it is.
  const described = chosen.map((file) => ({
    name: file.name,
    size: file.size,
    type: file.type || (HEIC.test(file.name) ? 'image/heic' : 'application/octet-stream'),
  }));
  entry.files = [...(entry.files ?? []), ...described];
  const key = `${field.id}/${document}`;
  host.files.set(key, [...(host.files.get(key) ?? []), ...chosen]);
  host.answer(field, { ...documents, [document]: entry });
}

function removeFile(host: FieldHost, field: FieldDefinition, document: string, index: number): void {
  const documents = { ...((host.answers[field.id] ?? {}) as DocumentAnswers) };
  const entry = { ...documents[document] };
  const files = (entry.files ?? []).filter((_, i) => i !== index);
  // No files left means no answer, so the error is "upload a file", not a list that is too short.
  if (files.length > 0) entry.files = files;
  else delete entry.files;
  host.files.set(
    `${field.id}/${document}`,
    (host.files.get(`${field.id}/${document}`) ?? []).filter((_, i) => i !== index),
  );
  host.answer(field, { ...documents, [document]: entry });
  host.focus.moveAfterRender({ id: `${domId(`/${field.id}/${document}`)}-files` });
}

const DOCUMENT_CHOICES = ['uploaded', 'later', 'missing'] as const;
const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png,image/heic,.pdf,.jpg,.jpeg,.png,.heic';

/**
 * The file choice in the user's language, as GOV.UK Frontend's file upload (5.9) and Aksel's FileUpload do it:
 * the real <input type=file> stays for the browser's picker but is hidden, and a button in the page's language
 * opens it, so no «Choose Files / No file chosen» in the browser's language is seen or heard. The button carries
 * the control's id (the error summary and "remove" focus it), is named by its text and the document, and is
 * described by the hint, the chosen files' names (or "no files chosen") and the error. Checked against
 * Chromium's accessibility tree (test/ui/accessibility-tree.browser.test.ts), not yet with a screen reader.
 */
function fileChoice(
  host: FieldHost,
  field: FieldDefinition,
  document: string,
  id: string,
  context: TemplateResult,
  files: Array<{ name: string }>,
  error: { id: string; invalid: boolean; described: boolean },
): TemplateResult {
  const statusIds = files.length > 0 ? files.map((_, index) => `${id}-file-${index}`) : [`${id}-files-status`];
  const describedBy = [`${id}-files-hint`, ...statusIds, error.described ? error.id : ''].filter(Boolean).join(' ');
  return html`<div class="conditional file-upload">
    <div class="hint" id="${id}-files-hint">${host.show('widget:attachments.filesHint')}</div>
    <input class="file" type="file" id="${id}-files-input" hidden tabindex="-1" multiple accept=${ACCEPTED_FILES}
      @change=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        if (input.files) chooseFiles(host, field, document, input.files);
        input.value = '';
      }}>
    <button type="button" class="button button--secondary file-button" part="button" id="${id}-files"
      aria-invalid=${error.invalid ? 'true' : 'false'} aria-describedby=${describedBy}
      @click=${(event: Event) =>
        (event.currentTarget as HTMLElement).parentElement
          ?.querySelector<HTMLInputElement>('input[type=file]')
          ?.click()}
      @dragover=${(event: DragEvent) => event.preventDefault()}
      @drop=${(event: DragEvent) => {
        // Files dropped on the button, as they could be on the browser's own input.
        event.preventDefault();
        if (event.dataTransfer?.files.length) chooseFiles(host, field, document, event.dataTransfer.files);
      }}
      >${host.show('widget:attachments.files')}<span class="visually-hidden"> (${context})</span></button>
    ${
      files.length > 0
        ? html`<ul class="files">${files.map(
            (file, index) => html`<li>
          <span class="file-name" id="${id}-file-${index}">${file.name}</span>
          <button type="button" class="button button--link" @click=${() => removeFile(host, field, document, index)}>${host.show('widget:attachments.removeFile', { name: file.name })}</button>
        </li>`,
          )}</ul>`
        : html`<p class="file-status" id="${id}-files-status">${host.show('widget:attachments.noFiles')}</p>`
    }
  </div>`;
}

/**
 * Each document is a fieldset whose legend names it; what a choice opens (the files, or the reason) sits inside
 * it, after the choice (GOV.UK's conditional reveal), and names the document too, so that two documents never
 * give two controls of the same name (issue 19).
 */
export function attachments(host: FieldHost, field: FieldDefinition, place: FieldPlace): TemplateResult {
  const formId = host.definition.id;
  const answers = (place.value ?? {}) as Record<
    string,
    { status?: string; reason?: string; files?: Array<{ name: string }> }
  >;
  const documents = host.relevantAttachments;
  if (documents.length === 0) return html`<p class="hint">${host.show('widget:attachments.none')}</p>`;
  return html`<div class="documents" part="field">
    <p class="label">${host.show(fieldKeys(formId, field.id, 'label'))}</p>
    ${documents.map((document) => {
      const path = `${place.path}/${document}`;
      const id = domId(path);
      const entry = answers[document] ?? {};
      const error = host.errorAt(path);
      const message = errorMessage(host, error);
      const whyId = `${id}-why`;
      const errorId = `${id}-error`;
      // A document per item is named by its item's answers: «Samværsavtale for Ola».
      const named = (part: 'label' | 'why') => {
        const { key, values } = documentText(host.definition, host.answers, document, part, host.texts.locale);
        return host.show(namedKeys(host.texts, key, values), values);
      };
      const name = named('label');
      const set = (next: Record<string, unknown>) => host.answer(field, { ...answers, [document]: next });
      const opened = (status: string) =>
        status === 'uploaded'
          ? fileChoice(host, field, document, id, name, entry.files ?? [], {
              id: errorId,
              invalid: error?.part === 'files' || (error !== undefined && error.part === undefined),
              described: error?.part === 'files',
            })
          : html`<div class="conditional">
          <label class="label" for="${id}-reason">${host.show('widget:attachments.reason')}<span class="visually-hidden"> (${name})</span></label>
          <textarea class="textarea" part="input" id="${id}-reason" rows="3" aria-invalid=${error?.part === 'reason' ? 'true' : 'false'}
            aria-describedby=${error?.part === 'reason' ? errorId : nothing} .value=${live(entry.reason ?? '')}
            @input=${(event: Event) => {
              // An emptied box is no reason at all: drop it, so the error asks for one instead of a length.
              const { reason: _old, ...rest } = entry;
              const reason = (event.target as HTMLTextAreaElement).value;
              set(reason.trim() === '' ? rest : { ...rest, reason });
            }}></textarea>
        </div>`;
      return html`<div class="field document ${message ? 'field--error' : ''}">
        <fieldset class="fieldset" aria-describedby=${[whyId, message ? errorId : ''].filter(Boolean).join(' ')}>
          <legend class="legend">${name}</legend>
          <div class="hint" id=${whyId}>${named('why')}</div>
          ${message ? html`<p class="error-message" id=${errorId}><span class="visually-hidden">${host.texts.t('widget:errorSummary.prefix')} </span>${message}</p>` : nothing}
          <div class="choices">
            ${DOCUMENT_CHOICES.map((status, i) => {
              const choiceId = i === 0 ? id : `${id}-${status}`;
              return html`<div class="choice">
                <input class="choice-input" part="choice" type="radio" id=${choiceId} name=${id} value=${status} .checked=${live(entry.status === status)}
                  @change=${() => set({ ...entry, status })}>
                <label class="choice-label" for=${choiceId}>${host.show(`widget:attachments.${status}`)}</label>
              </div>
              ${entry.status === status && status !== 'later' ? opened(status) : nothing}`;
            })}
          </div>
          ${glossaryTemplate(host.texts, textsUnder(host.texts, formId, `attachments.${documentIdOf(document)}`))}
        </fieldset>
      </div>`;
    })}
  </div>`;
}

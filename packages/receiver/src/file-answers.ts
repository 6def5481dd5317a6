// A file answer names an upload by its `ref`; the receiver accepts only refs of uploads stored for this
// very submission id and that document. Else a submission could claim someone else's file (a ref seen in
// a log or a shared screen), or a file that was never sent, and a caseworker would look for it in vain.
import { isRecord, pointer } from '../../../src/engine/answers.ts';
import type { FormDefinition } from '../../../src/definition/types.ts';
import type { Submission } from '../../../src/engine/submission.ts';
import type { SubmissionError } from './safe-json.ts';
import type { StoredUpload } from './store.ts';

/** One `unknown-upload` error per file answer whose ref is not among `uploads` for its document. */
export function unknownUploadErrors(
  definition: FormDefinition,
  submission: Submission,
  uploads: readonly StoredUpload[],
): SubmissionError[] {
  const known = new Set(uploads.map((u) => `${u.documentId}\n${u.ref}`));
  const errors: SubmissionError[] = [];
  for (const field of definition.steps.flatMap((step) => step.fields)) {
    if (field.kind !== 'attachments') continue;
    const answer = submission.answers[field.id];
    if (!isRecord(answer)) continue;
    for (const [document, entry] of Object.entries(answer)) {
      if (!isRecord(entry) || !Array.isArray(entry.files)) continue;
      entry.files.forEach((file, index) => {
        // A file without a ref was described but not sent (a widget without an upload URL): nothing to check.
        if (!isRecord(file) || typeof file.ref !== 'string') return;
        if (!known.has(`${document}\n${file.ref}`)) {
          errors.push({
            pointer: pointer('answers', field.id, document, 'files', index, 'ref'),
            code: 'unknown-upload',
            message: 'No upload with this ref was received for this submission id and document.',
          });
        }
      });
    }
  }
  return errors;
}

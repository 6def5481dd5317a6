// The receiver's errors (JSON pointers into the submission, docs/decisions/0005-receiver.md) as the
// widget's own field errors, so a refused answer is shown on its question like any other error.
import type { FieldDefinition, FormDefinition } from '../definition/types.ts';
import type { FieldError } from '../engine/field-errors.ts';
import { WIDGET_NAMESPACE } from '../engine/form-package.ts';
import type { ReceiverError } from './send.ts';

const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Errors that point at an answer of this form; the rest (the form's version, the id) are not the user's to fix. */
export function fieldErrorsFromReceiver(definition: FormDefinition, errors: readonly ReceiverError[]): FieldError[] {
  const fields = new Map(definition.steps.flatMap((step) => step.fields).map((field) => [field.id, field]));
  const result: FieldError[] = [];
  for (const error of errors) {
    const [root, fieldId = '', ...rest] = error.pointer.split('/').slice(1).map(unescape);
    const top = fields.get(fieldId);
    if (root !== 'answers' || !top || top.kind === 'guidance') continue;
    let field: FieldDefinition = top;
    let path = `/${fieldId}`;
    let part: string | undefined;
    const params: Record<string, unknown> = { ...error.params };
    if (top.kind === 'group' && /^\d+$/.test(rest[0] ?? '')) {
      const child = top.fields?.find((f) => f.id === rest[1]);
      if (child) {
        field = child;
        path = `/${fieldId}/${rest[0]}/${child.id}`;
        params.item = Number(rest[0]) + 1;
        part = rest[2];
      }
    } else if (top.kind === 'attachments' && rest[0]) {
      path = `/${fieldId}/${rest[0]}`;
      params.document = rest[0];
      part = rest[1];
    } else if (top.kind === 'address') {
      part = rest[0];
    }
    const code = part && !error.code.startsWith(`${part}.`) ? `${part}.${error.code}` : error.code;
    if (result.some((e) => e.path === path && e.part === part)) continue;
    result.push({
      field: field.id,
      kind: field.kind,
      path,
      code,
      params,
      ...(part ? { part } : {}),
      keys: [
        `${definition.id}:fields.${field.id}.errors.${code}`,
        `${WIDGET_NAMESPACE}:errors.${field.kind}.${code}`,
        `${WIDGET_NAMESPACE}:errors.${code}`,
        `${WIDGET_NAMESPACE}:errors.invalid`,
      ],
    });
  }
  return result;
}

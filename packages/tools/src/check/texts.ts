// The texts a form needs in its source language (nb): keys follow the definition, and each missing
// text is reported at the part of the definition that needs it.
import { optionValues } from './answers.ts';
import { at, finding, type Finding } from './findings.ts';
import { isObject, type Model } from './model.ts';

/** A text as i18next finds it: nested by dots, or a flat key that itself contains dots. */
export function lookupText(texts: unknown, key: string): unknown {
  const find = (node: unknown, parts: string[]): unknown => {
    if (parts.length === 0) return node;
    if (!isObject(node)) return undefined;
    for (let j = 1; j <= parts.length; j++) {
      const name = parts.slice(0, j).join('.');
      if (!Object.hasOwn(node, name)) continue;
      const found = find(node[name], parts.slice(j));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return find(texts, key.split('.'));
}

export interface TextsContext {
  /** The form's nb texts, or undefined when the file does not exist. */
  nb: Record<string, unknown> | undefined;
  /** Locales that have a text file for the form; when undefined, nb exists when its texts are given and the others are not checked. */
  existingLocales?: readonly string[];
  /** The text file of a locale, as shown to the user. */
  textFile: (locale: string) => string;
}

/** One finding per listed locale without its file. */
export function checkLocaleFiles(model: Model, context: TextsContext): Finding[] {
  const findings: Finding[] = [];
  model.definition.locales.forEach((locale, i) => {
    const exists =
      context.existingLocales !== undefined
        ? context.existingLocales.includes(locale)
        : locale !== 'nb' || context.nb !== undefined;
    if (!exists)
      findings.push(
        finding('locale-file-missing', at('/locales', i), {
          locale,
          file: context.textFile(locale),
          ...(locale === 'nb' ? { context: 'nb' } : {}),
        }),
      );
  });
  return findings;
}

/** Every text the widget shows for this form, in nb. */
export function checkTexts(model: Model, context: TextsContext): Finding[] {
  const texts = context.nb;
  if (texts === undefined) return []; // a missing or unreadable file is reported once, not once per text
  const file = context.textFile('nb');
  const findings: Finding[] = [];
  const need = (key: string, pointer: string) => {
    const text = lookupText(texts, key);
    if (typeof text === 'string' && text.trim() !== '') return;
    const empty = text !== undefined;
    findings.push(
      finding('text-missing', pointer, {
        key,
        file,
        ...(empty ? { context: typeof text === 'string' ? 'empty' : 'notText' } : {}),
      }),
    );
  };
  const { definition } = model;
  need('title', '/id');
  const sources = new Set<string>();
  definition.steps.forEach((step, stepIndex) => {
    need(`steps.${step.id}.title`, at('/steps', stepIndex));
    for (const place of model.byStep[stepIndex]!) {
      const { field } = place;
      need(`fields.${field.id}.${field.kind === 'guidance' ? 'text' : 'label'}`, place.pointer);
      if (field.kind === 'group') need(`fields.${field.id}.item`, place.pointer);
      if (field.kind === 'radio' || field.kind === 'select' || field.kind === 'checkboxes') {
        const options = optionValues(model, place);
        options?.values.forEach((value, i) => need(`fields.${field.id}.options.${value}`, at(options.pointer, i)));
      }
      if (field.prefill !== undefined && !sources.has(field.prefill)) {
        sources.add(field.prefill);
        need(`sources.${field.prefill}`, at(place.pointer, 'prefill'));
      }
    }
  });
  (definition.attachments ?? []).forEach((document, i) => {
    need(`attachments.${document.id}.label`, at('/attachments', i));
    need(`attachments.${document.id}.why`, at('/attachments', i));
  });
  return findings;
}

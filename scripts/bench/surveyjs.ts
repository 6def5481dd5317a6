// The SurveyJS survey the benchmark compares against: the same form written as SurveyJS JSON, made from our
// definition and its texts so that the two cannot drift apart. One page per step, one question per field,
// the same conditions (as SurveyJS expressions), required fields, lengths, ranges and patterns, and the texts
// of every locale inline, the way SurveyJS localizes a survey. What SurveyJS has no equivalent for (the plain
// variant, "why" texts, "I don't know", register prefill, drafts) is left out, which favours SurveyJS.
import type { Condition, FieldDefinition, FormDefinition, JsonSchema } from '../../src/definition/types.ts';

type Texts = Record<string, unknown>;
/** A SurveyJS localizable string: `default` is English, the others by SurveyJS locale code. */
type Localized = Record<string, string>;
type Question = Record<string, unknown>;

/** SurveyJS names Norwegian Bokmål `no` (survey-core/i18n/norwegian.js); the other codes are ours. */
export const surveyLocale = (locale: string): string => (locale === 'nb' ? 'no' : locale);

const get = (texts: Texts | undefined, path: string[]): string | undefined => {
  let node: unknown = texts;
  for (const key of path) node = node && typeof node === 'object' ? (node as Texts)[key] : undefined;
  return typeof node === 'string' ? node : undefined;
};

const literal = (value: unknown): string =>
  typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value);
const list = (values: unknown[]): string => `[${values.map(literal).join(', ')}]`;

/** A JSON Schema condition as a SurveyJS expression; `prefix` is `panel.` inside a list of items. */
export function expression(condition: Condition, prefix = ''): string {
  const parts: string[] = [];
  const name = (id: string) => `{${prefix}${id}}`;
  for (const id of (condition.required as string[] | undefined) ?? []) parts.push(`${name(id)} notempty`);
  for (const [id, schema] of Object.entries((condition.properties as Record<string, Condition> | undefined) ?? {}))
    parts.push(valueTest(name(id), schema));
  if (Array.isArray(condition.anyOf))
    parts.push(`(${(condition.anyOf as Condition[]).map((c) => `(${expression(c, prefix)})`).join(' or ')})`);
  const known = new Set(['required', 'properties', 'anyOf']);
  const unknown = Object.keys(condition).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`surveyjs: no expression for the keyword(s) ${unknown.join(', ')}`);
  return parts.join(' and ');
}

function valueTest(name: string, schema: Condition): string {
  if ('const' in schema) return `${name} = ${literal(schema.const)}`;
  if (Array.isArray(schema.enum)) return `${name} anyof ${list(schema.enum)}`;
  if (schema.not && typeof schema.not === 'object') {
    const not = schema.not as Condition;
    if ('const' in not) return `${name} != ${literal(not.const)}`;
    if (Array.isArray(not.enum)) return `${name} noneof ${list(not.enum)}`;
  }
  if (schema.contains && typeof schema.contains === 'object') {
    const contains = schema.contains as Condition;
    if ('const' in contains) return `${name} contains ${literal(contains.const)}`;
    if (Array.isArray(contains.enum)) return `${name} anyof ${list(contains.enum)}`;
  }
  throw new Error(`surveyjs: no expression for ${JSON.stringify(schema)}`);
}

/** Resolves a local $ref into the answers' $defs (the only kind the example forms use besides shared schemas). */
function resolved(definition: FormDefinition, schema: JsonSchema | undefined): Record<string, unknown> {
  if (!schema || typeof schema !== 'object') return {};
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/'))
    return resolved(definition, definition.answers.$defs?.[ref.slice('#/$defs/'.length)]);
  return schema;
}

export function toSurveyJs(definition: FormDefinition, textsByLocale: Record<string, Texts>): Record<string, unknown> {
  const locales = definition.locales.filter((locale) => textsByLocale[locale]);
  /** One text in every locale that has it; English is SurveyJS's default. */
  const text = (path: string[], shape: (value: string) => string = (value) => value): Localized | undefined => {
    const result: Localized = {};
    for (const locale of locales) {
      const value = get(textsByLocale[locale], path);
      if (value === undefined) continue;
      result[locale === 'en' ? 'default' : surveyLocale(locale)] = shape(value);
    }
    return Object.keys(result).length > 0 ? result : undefined;
  };
  const widgetText = (key: string): Localized | undefined => text(['widget', key]);

  function question(field: FieldDefinition, schema: Record<string, unknown>, prefix: string): Question {
    const path = ['fields', field.id];
    const q: Question = { name: field.id, title: text([...path, 'label']) };
    const hint = text([...path, 'hint']);
    if (hint) q.description = hint;
    if (field.required) q.isRequired = true;
    if (field.when) q.visibleIf = expression(field.when, prefix);
    if (field.autocomplete) q.autocomplete = field.autocomplete;
    const values = (
      Array.isArray(schema.enum) ? schema.enum : resolved(definition, schema.items as JsonSchema).enum
    ) as unknown[] | undefined;
    const choices = () =>
      (values ?? []).map((value) => ({ value, text: text([...path, 'options', String(value)]) ?? String(value) }));
    const maxLength = field.maxLength ?? (typeof schema.maxLength === 'number' ? schema.maxLength : undefined);
    const range = () => ({
      ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}),
      ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}),
    });
    const pattern = (regex: string) => [{ type: 'regex', regex }];
    switch (field.kind) {
      case 'text':
      case 'email':
      case 'national-id':
      case 'organisation-number':
        return {
          ...q,
          type: 'text',
          ...(field.kind === 'email' ? { inputType: 'email' } : {}),
          ...(maxLength ? { maxLength } : {}),
        };
      case 'phone':
        return { ...q, type: 'text', inputType: 'tel', validators: pattern('^\\+?[0-9 ]{8,15}$') };
      case 'account-number':
        return { ...q, type: 'text', validators: pattern('^[0-9]{4}[ .]?[0-9]{2}[ .]?[0-9]{5}$') };
      case 'textarea':
        return { ...q, type: 'comment', ...(maxLength ? { maxLength } : {}) };
      case 'integer':
      case 'amount':
        return {
          ...q,
          type: 'text',
          inputType: 'number',
          ...range(),
          ...(field.kind === 'amount' ? { step: 0.01 } : {}),
        };
      case 'date':
        return { ...q, type: 'text', inputType: 'date' };
      case 'radio':
        return { ...q, type: 'radiogroup', choices: choices() };
      case 'select':
        return { ...q, type: 'dropdown', choices: choices() };
      case 'checkboxes':
        return { ...q, type: 'checkbox', choices: choices() };
      case 'yesno':
        return { ...q, type: 'boolean', renderAs: 'radio', labelTrue: widgetText('yes'), labelFalse: widgetText('no') };
      case 'consent':
        return {
          ...q,
          type: 'boolean',
          renderAs: 'checkbox',
          validators: [{ type: 'expression', expression: `{${prefix}${field.id}} = true` }],
        };
      case 'address':
        return {
          ...q,
          type: 'multipletext',
          colCount: 1,
          items: ['street', 'postcode', 'city'].map((part) => ({
            name: part,
            title: text([...path, 'parts', part]),
            isRequired: Boolean(field.required),
            ...(part === 'postcode' ? { validators: pattern('^[0-9]{4}$') } : { maxLength: 200 }),
          })),
        };
      case 'guidance':
        return {
          name: field.id,
          type: 'html',
          html: text([...path, 'text'], (value) => `<p>${value}</p>`),
          ...(q.visibleIf ? { visibleIf: q.visibleIf } : {}),
        };
      case 'attachments':
        return { ...q, type: 'file', allowMultiple: true, storeDataAsText: false, waitForUpload: true };
      case 'group': {
        const items = resolved(definition, schema.items as JsonSchema).properties as Record<string, JsonSchema>;
        return {
          ...q,
          type: 'paneldynamic',
          templateTitle: text([...path, 'item'], (value) => value.replace('{{number}}', '{panelIndex}')),
          panelAddText: text([...path, 'add']),
          minPanelCount: field.required ? 1 : 0,
          maxPanelCount: typeof schema.maxItems === 'number' ? schema.maxItems : undefined,
          templateElements: (field.fields ?? []).map((item) =>
            question(item, resolved(definition, items[item.id]), 'panel.'),
          ),
        };
      }
    }
  }

  return {
    title: text(['title']),
    locale: surveyLocale('nb'),
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onNextPage',
    showProgressBar: 'top',
    pages: definition.steps.map((step) => ({
      name: step.id,
      title: text(['steps', step.id, 'title']),
      ...(step.when ? { visibleIf: expression(step.when) } : {}),
      elements: step.fields.map((field) =>
        question(field, resolved(definition, definition.answers.properties[field.id]), ''),
      ),
    })),
  };
}

// Types of a form definition. schemas/form.schema.json is the source of truth; keep the two in step.

/** A JSON Schema document or subschema, treated as data. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/**
 * A condition: a JSON Schema over the answers (or over a group item), or an expression
 * (src/engine/expression.ts) such as { "<": [{ "age": { "answer": "barn-fodt" } }, 18] }.
 */
export type Condition = { [keyword: string]: unknown };

/** An expression (src/engine/expression.ts): a literal or { operator: argument(s) }. */
export type ExpressionDefinition = number | string | boolean | null | { [operator: string]: unknown };

/** A rule an answer must keep, beyond its schema; broken, it shows fields.<field>.errors.<id>. */
export interface RuleDefinition {
  id: string;
  test: ExpressionDefinition;
}

/** A value computed from the answers, never asked: shown on the review page and sent with the answers. */
export interface ComputedDefinition {
  id: string;
  value: ExpressionDefinition;
  format: 'amount' | 'number';
  /** The step whose answers it sums up: the review page and the caseworker's record show it there. */
  step?: string;
}

export const FIELD_KINDS = [
  'text',
  'textarea',
  'integer',
  'amount',
  'date',
  'radio',
  'checkboxes',
  'select',
  'yesno',
  'phone',
  'email',
  'account-number',
  'national-id',
  'organisation-number',
  'address',
  'consent',
  'group',
  'attachments',
  'guidance',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** What a legal text is. A declaration the user confirms is shown in standard wording, with the plain one beneath. */
export const LEGAL_KINDS = ['declaration', 'consent', 'privacy', 'duties'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

export interface FieldDefinition {
  id: string;
  kind: FieldKind;
  required?: boolean;
  unsure?: boolean;
  /** For yesno: a yes means the user needs help today (the caseworker's record puts it first). */
  urgent?: boolean;
  when?: Condition;
  autocomplete?: string;
  prefill?: string;
  maxLength?: number;
  /** For date: the id of an earlier date field whose answer this one may not be before. */
  notBefore?: string;
  /** A legal text (declaration, consent, privacy, rights and duties): its plain variant is locked to its meaning (decision 0031). */
  legal?: LegalKind;
  /** Rules the answer must keep (expressions); an item field's rules see its own item. */
  rules?: RuleDefinition[];
  fields?: FieldDefinition[];
}

export interface StepDefinition {
  id: string;
  when?: Condition;
  fields: FieldDefinition[];
  /** The step's amounts add up (monthly expenses): the caseworker's record shows their sum. */
  total?: boolean;
}

export interface AttachmentDefinition {
  id: string;
  /** The document is asked for once for each item of this group that meets `when` (judged on the item). */
  forEach?: string;
  when?: Condition;
}

export interface AnswersSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
}

/** A share of nb's plain texts from 0 to 1, for every locale or per locale (none for a locale left out). */
export type PlainCoverageBar = number | Record<string, number>;

export interface FormDefinition {
  $schema?: string;
  id: string;
  version: string;
  locales: string[];
  /** The plain coverage `klarskjema check` requires of each locale (decision 0030). */
  plainCoverage?: PlainCoverageBar;
  answers: AnswersSchema;
  steps: StepDefinition[];
  attachments?: AttachmentDefinition[];
  computed?: ComputedDefinition[];
}

/** Kinds that hold no answer. */
export const kindHoldsAnswer = (kind: FieldKind): boolean => kind !== 'guidance';

/** Where a field sits: its step, and its group when it is a group's item field. */
export interface FieldPlace {
  field: FieldDefinition;
  step: StepDefinition;
  stepIndex: number;
  /** Index in the step's fields (or in the group's fields). */
  index: number;
  group?: FieldDefinition;
  /** JSON pointer to the field in the definition. */
  pointer: string;
}

/** Every field of a definition in order, groups' item fields right after their group. */
export function listFields(definition: FormDefinition): FieldPlace[] {
  const places: FieldPlace[] = [];
  definition.steps.forEach((step, stepIndex) => {
    step.fields.forEach((field, index) => {
      const pointer = `/steps/${stepIndex}/fields/${index}`;
      places.push({ field, step, stepIndex, index, pointer });
      field.fields?.forEach((child, childIndex) => {
        places.push({
          field: child,
          step,
          stepIndex,
          index: childIndex,
          group: field,
          pointer: `${pointer}/fields/${childIndex}`,
        });
      });
    });
  });
  return places;
}

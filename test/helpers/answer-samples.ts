// What a user might type into each kind of field: good answers, and some that are wrong.
import fc from 'fast-check';
import type { FieldDefinition, FormDefinition, JsonSchema } from '../../src/definition/types.ts';
import type { WizardEvent } from '../../src/engine/machine.ts';

function enumOf(definition: FormDefinition, field: FieldDefinition, group?: FieldDefinition): string[] {
  const container = group
    ? (definition.answers.properties[group.id] as { items: { properties: Record<string, JsonSchema> } }).items
        .properties
    : definition.answers.properties;
  const schema = container[field.id] as { enum?: string[]; items?: { enum?: string[] } };
  return schema.enum ?? schema.items?.enum ?? [];
}

/** A few typical inputs per kind; the first ones are valid, the last one is not (where a wrong input exists). */
export function sampleInputs(definition: FormDefinition, field: FieldDefinition, group?: FieldDefinition): unknown[] {
  const options = enumOf(definition, field, group);
  switch (field.kind) {
    case 'text':
      return ['Kari Nordmann', '  Ås  ', ''];
    case 'textarea':
      return ['Jeg mistet jobben i mars.\nNå har jeg ikke penger til husleie.', ''];
    case 'integer':
      return ['3', '40', '-1', 'tre'];
    case 'amount':
      return ['1 234,50', 'kr 9000', '0', '12,345', 'mye'];
    // An earlier date too, so an end date can come before its start date (notBefore).
    case 'date':
      return ['17.05.2015', '2015-05-17', '01.02.2014', '31.06.2015', 'i fjor'];
    case 'radio':
    case 'select':
      return [...options, 'ukjent'];
    // Each option alone (options decide conditions), two together, none, and one the form does not have.
    case 'checkboxes':
      return [...options.map((option) => [option]), options.slice(1, 3), [], ['ukjent']];
    case 'yesno':
      return [true, false];
    case 'phone':
      return ['912 34 567', '+47 912 34 567', '123'];
    case 'email':
      return ['kari@example.no', 'kari@'];
    case 'account-number':
      return ['8601 11 17947', '86011117948'];
    case 'national-id':
      return ['010100 00110', '01010000111', '00000000000'];
    case 'organisation-number':
      return ['974 760 673', '974760674'];
    case 'address':
      return [
        { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
        { street: 'Storgata 1', postcode: '155', city: 'Oslo' },
        {},
      ];
    case 'consent':
      return [true, false];
    case 'attachments': {
      const [first, second] = (definition.attachments ?? []).map((a) => a.id);
      return [
        { [first ?? 'x']: { status: 'later' } },
        {
          [first ?? 'x']: { status: 'missing', reason: 'Jeg har ikke fått den ennå.' },
          ...(second
            ? { [second]: { status: 'uploaded', files: [{ name: 'slipp.pdf', size: 2048, type: 'application/pdf' }] } }
            : {}),
        },
        { [first ?? 'x']: { status: 'missing' } },
      ];
    }
    default:
      return [];
  }
}

export interface FieldRef {
  field: FieldDefinition;
  group?: FieldDefinition;
  stepId: string;
}

export function answerableFields(definition: FormDefinition): FieldRef[] {
  return definition.steps.flatMap((step) =>
    step.fields.flatMap((field) => [
      ...(field.kind === 'guidance' || field.kind === 'group' ? [] : [{ field, stepId: step.id }]),
      ...(field.fields ?? [])
        .filter((c) => c.kind !== 'guidance')
        .map((child) => ({ field: child, group: field, stepId: step.id })),
    ]),
  );
}

/** Any event a user (or the host) can cause, with inputs drawn from sampleInputs. */
export function wizardEventArbitrary(definition: FormDefinition): fc.Arbitrary<WizardEvent> {
  const fields = answerableFields(definition);
  const groups = definition.steps
    .flatMap((s) => s.fields)
    .filter((f) => f.kind === 'group')
    .map((f) => f.id);
  const unsureFields = fields.filter((r) => r.field.unsure && !r.group).map((r) => r.field.id);
  const stepIds = definition.steps.map((s) => s.id);
  const answer = fc.oneof(
    ...fields.map(({ field, group }) =>
      fc.record({
        type: fc.constant('ANSWER' as const),
        field: fc.constant(field.id),
        value: fc.constantFrom(...sampleInputs(definition, field, group)),
        ...(group ? { index: fc.nat({ max: 2 }) } : {}),
      }),
    ),
  );
  const arbitraries: Array<fc.Arbitrary<WizardEvent>> = [
    answer,
    answer,
    answer,
    answer,
    fc.constant({ type: 'NEXT' as const }),
    fc.constant({ type: 'NEXT' as const }),
    fc.constant({ type: 'BACK' as const }),
    fc.constant({ type: 'REVIEW' as const }),
    fc.constant({ type: 'SUBMIT' as const }),
    fc.constantFrom(...stepIds).map((step) => ({ type: 'GO_TO' as const, step })),
    fc.constantFrom('nb', 'ar', 'se', 'uk').map((locale) => ({ type: 'SET_LOCALE' as const, locale })),
    fc
      .constantFrom('standard' as const, 'plain' as const)
      .map((variant) => ({ type: 'SET_VARIANT' as const, variant })),
  ];
  if (unsureFields.length > 0) {
    arbitraries.push(
      fc.record({
        type: fc.constant('MARK_UNSURE' as const),
        field: fc.constantFrom(...unsureFields),
        unsure: fc.boolean(),
      }),
    );
  }
  if (groups.length > 0) {
    arbitraries.push(fc.constantFrom(...groups).map((group) => ({ type: 'ADD_ITEM' as const, group })));
    arbitraries.push(
      fc.record({
        type: fc.constant('REMOVE_ITEM' as const),
        group: fc.constantFrom(...groups),
        index: fc.nat({ max: 2 }),
      }),
    );
  }
  return fc.oneof(...arbitraries);
}

/** One roll of the dice for guidedEvent: what kind of thing to do, and which one. */
const rolls = (maxLength: number) =>
  fc.array(fc.tuple(fc.nat(99), fc.nat(10_000)), { minLength: 30, maxLength, size: 'max' });
export const guidedRolls = rolls(150);
/** Enough rolls to reach the end of a long form too: about eight per question. */
export const guidedRollsFor = (definition: FormDefinition) =>
  rolls(Math.max(150, 8 * answerableFields(definition).length));

/**
 * An event a user in this state might cause: mostly answering the questions on the current step (valid
 * answers more often than not) and going on, sometimes going back, changing language or text, or doubting.
 */
export function guidedEvent(
  definition: FormDefinition,
  snapshot: { value: unknown; context: WizardContextLike },
  [roll, pick]: [number, number],
): WizardEvent {
  const { context } = snapshot;
  const choose = <T>(items: readonly T[]): T => items[pick % items.length]!;
  if (snapshot.value === 'review') {
    if (roll < 60) return { type: 'SUBMIT' };
    if (roll < 80 && context.visited.length > 0) return { type: 'GO_TO', step: choose(context.visited) };
  } else if (snapshot.value === 'filling') {
    const step = definition.steps.find((s) => s.id === context.step)!;
    const relevant = step.fields.filter((f) => context.relevance.fields.includes(f.id) && f.kind !== 'guidance');
    if (roll < 50 && relevant.length > 0) {
      // Mostly a question not answered yet, as a user goes down the page; sometimes one answered before.
      const itemsOf = (group: FieldDefinition) =>
        Array.isArray(context.answers[group.id]) ? (context.answers[group.id] as Array<Record<string, unknown>>) : [];
      const unansweredIn = (group: FieldDefinition, item: Record<string, unknown> | undefined) =>
        group.fields!.filter((c) => c.kind !== 'guidance' && item?.[c.id] === undefined);
      // A question with an error on screen counts as open: the user corrects it.
      const faulty = (f: FieldDefinition) =>
        (context.errors ?? []).some((e) => e.path === `/${f.id}` || e.path.startsWith(`/${f.id}/`));
      const open = relevant.filter(
        (f) =>
          faulty(f) ||
          (f.kind === 'group'
            ? itemsOf(f).length === 0 || itemsOf(f).some((item) => unansweredIn(f, item).length > 0)
            : context.answers[f.id] === undefined),
      );
      const field = open.length > 0 && pick % 4 !== 0 ? open[Math.floor(pick / 4) % open.length]! : choose(relevant);
      if (field.kind === 'group') {
        const list = itemsOf(field);
        if (list.length === 0 || pick % 23 === 0) return { type: 'ADD_ITEM', group: field.id };
        // Mostly the first item with a question left, as a user fills one item before the next.
        const first = list.findIndex((item) => unansweredIn(field, item).length > 0);
        const index = first >= 0 && pick % 3 !== 0 ? first : Math.floor(pick / 13) % list.length;
        const unanswered = unansweredIn(field, list[index]);
        const child =
          unanswered.length > 0 && pick % 3 !== 0
            ? unanswered[Math.floor(pick / 7) % unanswered.length]!
            : field.fields![Math.floor(pick / 7) % field.fields!.length]!;
        const samples = sampleInputs(definition, child, field);
        return { type: 'ANSWER', field: child.id, index, value: mostlyValid(samples, pick) };
      }
      return { type: 'ANSWER', field: field.id, value: mostlyValid(sampleInputs(definition, field), pick) };
    }
    if (roll < 72) return { type: 'NEXT' };
    if (roll < 76) return { type: 'BACK' };
    if (roll < 85) {
      const unsure = relevant.filter((f) => f.unsure);
      if (unsure.length > 0) return { type: 'MARK_UNSURE', field: choose(unsure).id, unsure: pick % 3 !== 0 };
    }
    if (roll < 87) {
      const groups = relevant.filter((f) => f.kind === 'group');
      if (groups.length > 0) return { type: 'REMOVE_ITEM', group: choose(groups).id, index: pick % 2 };
    }
    if (roll < 89 && context.visited.length > 0) return { type: 'GO_TO', step: choose(context.visited) };
    if (roll < 91) return { type: 'REVIEW' };
  }
  return roll % 2 === 0
    ? { type: 'SET_LOCALE', locale: choose(['nb', 'ar', 'se', 'uk']) }
    : { type: 'SET_VARIANT', variant: pick % 2 === 0 ? 'plain' : 'standard' };
}

/** Three times in four the first (valid) sample; otherwise any. */
const mostlyValid = (samples: unknown[], pick: number): unknown =>
  pick % 4 !== 0 ? samples[0] : samples[pick % samples.length];

interface WizardContextLike {
  step: string;
  errors?: Array<{ path: string }>;
  visited: string[];
  answers: Record<string, unknown>;
  relevance: { fields: string[] };
}

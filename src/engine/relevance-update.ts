// Relevance after one answer, without the whole pass (issue 20 item 4): an answer re-evaluates only the
// conditions that name it. Which ones that is comes from the form's dependency graph, read once per
// definition from the `when`s and computed values (`answer` references, condition property names).
// Whatever the graph cannot vouch for takes the whole pass (computeRelevance), so the result is always the
// same as the whole pass's, key order included (test/engine/properties.test.ts holds it to that).
import type { FormDefinition } from '../definition/types.ts';
import type { Answers } from './answers.ts';
import { isExpression } from './expression-kind.ts';
import type { ConditionOwner, FormValidators } from './form-package.ts';
import { computeRelevance, holds, type Relevance } from './relevance.ts';

interface Dependent {
  owner: ConditionOwner;
  id: string;
  when: unknown;
  /** For a field: its step, which must be relevant for the field to be. */
  step?: string;
}

/** What a change of each top-level answer can touch. */
interface Graph {
  /** The steps' and fields' conditions that name an answer, by its id. */
  conditions: Map<string, Dependent[]>;
  /** Answers computed values name: their change computes the values again. */
  computed: Set<string>;
  /** Answers that documents or a group's item questions name: their change takes the whole pass. */
  whole: Set<string>;
  /** Top-level answers stored as given (not a group's items, not documents). */
  plain: Set<string>;
  /** Fields whose answers about documents come last in the relevant answers (as computeRelevance puts them). */
  documentFields: Set<string>;
  /** Each top-level field's place in form order. */
  position: Map<string, number>;
  /** A condition names answers in a way not read here, or a later field: every change takes the whole pass. */
  opaque: boolean;
}

/** Adds the answer ids an expression names (`answer`, and the groups of each/some/all); false when one is not a literal. */
function expressionRefs(expression: unknown, into: string[]): boolean {
  if (Array.isArray(expression)) return expression.every((item) => expressionRefs(item, into));
  if (expression === null || typeof expression !== 'object') return true;
  const keys = Object.keys(expression);
  const args = (expression as Record<string, unknown>)[keys[0]!];
  const list = Array.isArray(args) ? args : [args];
  if (keys.length === 1 && keys[0] === 'answer') {
    if (typeof list[0] !== 'string') return false;
    into.push(list[0]);
    return true;
  }
  if (keys.length === 1 && /^(each|some|all)$/.test(keys[0]!) && typeof list[0] === 'string') into.push(list[0]);
  return Object.values(expression).every((value) => expressionRefs(value, into));
}

/** Adds the answer ids a restricted JSON Schema condition names (schemas/form.schema.json, $defs/condition); false for another keyword. */
function conditionRefs(condition: unknown, into: string[]): boolean {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return false;
  return Object.entries(condition).every(([keyword, value]) => {
    if (keyword === 'properties' && value !== null && typeof value === 'object') into.push(...Object.keys(value));
    else if (keyword === 'required' && Array.isArray(value)) into.push(...value.map(String));
    else if (keyword === 'not') return conditionRefs(value, into);
    else if ((keyword === 'allOf' || keyword === 'anyOf') && Array.isArray(value))
      return value.every((item) => conditionRefs(item, into));
    else return false;
    return true;
  });
}

/** The ids a `when` names, or null when it cannot be read that way. */
function refsOf(when: unknown): string[] | null {
  const refs: string[] = [];
  return (isExpression(when) ? expressionRefs(when, refs) : conditionRefs(when, refs)) ? refs : null;
}

const graphs = new WeakMap<FormDefinition, Graph>();
/** Graphs being made in slices (the widget, decision 0037): until one is whole, an answer takes the whole pass. */
const making = new WeakSet<FormDefinition>();

/** How long one slice of the graph may run before it lets the browser handle input (ms). */
const SLICE_MS = 4;

/**
 * Makes the form's dependency graph ahead of the first answer. The widget makes it in slices of a few
 * milliseconds, each followed by `pause` (a yield to the browser), so a key pressed meanwhile waits for one
 * slice, not the whole graph (tens of milliseconds on 11,000 fields at 4× CPU); an answer given before it is
 * whole takes the whole pass, which has the same result. Without `pause`, at once.
 */
export async function prepareRelevance(definition: FormDefinition, pause?: () => Promise<unknown>): Promise<void> {
  if (graphs.has(definition) || making.has(definition)) return;
  making.add(definition);
  try {
    const slices = graphSlices(definition);
    let started = performance.now();
    for (let slice = slices.next(); !slice.done; slice = slices.next())
      if (pause && performance.now() - started > SLICE_MS) {
        await pause();
        started = performance.now();
      }
  } finally {
    making.delete(definition);
  }
}

/** The graph, made at once unless it is being made in slices (then null). */
function graphOf(definition: FormDefinition): Graph | null {
  const graph = graphs.get(definition);
  if (graph || making.has(definition)) return graph ?? null;
  const slices = graphSlices(definition);
  while (!slices.next().done);
  return graphs.get(definition)!;
}

/** Reads the graph one step at a time (a yield after each); it is kept once it is whole. */
function* graphSlices(definition: FormDefinition): Generator<void, void> {
  const graph: Graph = {
    conditions: new Map(),
    computed: new Set(),
    whole: new Set(),
    plain: new Set(),
    documentFields: new Set(),
    position: new Map(),
    opaque: false,
  };
  const position = graph.position;
  let fieldsBefore = 0;
  // A condition may name only earlier fields (klarskjema check); one that names a later one is left to the whole pass.
  const depend = (dependent: Dependent, before: number) => {
    const refs = refsOf(dependent.when);
    if (!refs || refs.some((ref) => (position.get(ref) ?? -1) >= before)) graph.opaque = true;
    for (const ref of refs ?? []) graph.conditions.set(ref, [...(graph.conditions.get(ref) ?? []), dependent]);
  };
  const all = (when: unknown, into: Set<string>) => {
    const refs = refsOf(when);
    if (!refs) graph.opaque = true;
    for (const ref of refs ?? []) into.add(ref);
  };
  for (const step of definition.steps) {
    for (const field of step.fields) position.set(field.id, position.size);
    yield;
  }
  for (const step of definition.steps) {
    if (step.when) depend({ owner: 'step', id: step.id, when: step.when }, fieldsBefore);
    for (const field of step.fields) {
      if (field.when) depend({ owner: 'field', id: field.id, when: field.when, step: step.id }, fieldsBefore);
      fieldsBefore++;
      if (field.kind === 'attachments') graph.documentFields.add(field.id);
      else if (field.kind !== 'group') graph.plain.add(field.id);
      for (const child of field.fields ?? []) if (child.when) all(child.when, graph.whole);
    }
    yield;
  }
  for (const document of definition.attachments ?? []) {
    if (document.when) all(document.when, graph.whole);
    if (document.forEach) graph.whole.add(document.forEach);
  }
  for (const value of definition.computed ?? []) {
    const refs: string[] = [];
    if (!expressionRefs(value.value, refs)) graph.opaque = true;
    for (const ref of refs) graph.computed.add(ref);
  }
  graphs.set(definition, graph);
}

/** The relevant answers with one (plain) answer changed, in the order computeRelevance gives them. */
function withAnswer(graph: Graph, previous: Relevance, changed: string, value: unknown): Answers {
  if (value !== undefined && Object.hasOwn(previous.answers, changed)) return { ...previous.answers, [changed]: value };
  // An answer comes or goes: it takes its place in form order, before the answers about documents (which come last).
  const answers: Answers = {};
  const at = graph.position.get(changed)!;
  let placed = value === undefined;
  for (const [id, kept] of Object.entries(previous.answers)) {
    if (id === changed) continue;
    if (!placed && (graph.documentFields.has(id) || graph.position.get(id)! > at)) {
      answers[changed] = value;
      placed = true;
    }
    answers[id] = kept;
  }
  if (!placed) answers[changed] = value;
  return answers;
}

/**
 * The relevance after the answer `changed` (a top-level field id) became `answers[changed]`, from the relevance
 * before. Equal to computeRelevance(definition, validators, answers, today).
 */
export type UpdateRelevance = typeof updateRelevance;

export function updateRelevance(
  definition: FormDefinition,
  validators: FormValidators,
  previous: Relevance,
  answers: Answers,
  changed: string,
  today: string,
): Relevance {
  const graph = graphOf(definition);
  if (!graph || graph.opaque || today !== previous.today || !graph.plain.has(changed) || graph.whole.has(changed))
    return computeRelevance(definition, validators, answers, today);
  // An answer to a question that is not asked changes nothing: conditions see only relevant answers.
  if (!previous.fields.includes(changed)) return previous;
  const relevantAnswers = withAnswer(graph, previous, changed, answers[changed]);
  const scope = { answers: relevantAnswers, today };
  for (const { owner, id, when, step } of graph.conditions.get(changed) ?? []) {
    const was = owner === 'step' ? previous.steps.includes(id) : previous.fields.includes(id);
    // A field of a step that is not asked stays out, whatever its own condition says.
    if (!was && step !== undefined && !previous.steps.includes(step)) continue;
    // A question comes or goes: what follows from it is the whole pass's, in form order.
    if (holds(validators, owner, id, when, relevantAnswers, scope) !== was)
      return computeRelevance(definition, validators, answers, today);
  }
  const computed = graph.computed.has(changed)
    ? (validators.rules?.compute(definition, relevantAnswers, today) ?? {})
    : previous.computed;
  return { ...previous, answers: relevantAnswers, computed };
}

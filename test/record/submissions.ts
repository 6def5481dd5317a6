// Submissions for the record's tests, made the way the widget makes them: the machine is driven through
// every step of an example form with the answers that make its conditional questions appear
// (test/helpers/full-answers.ts), in a chosen language and variant, with a help request, a register value
// the user corrected, an answer marked "I don't know", documents for later and missing ones.
import { createActor, waitFor } from 'xstate';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { TextVariant } from '../../src/definition/vocabulary.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import type { Submission } from '../../src/engine/submission.ts';
import { loadRecordSources } from '../../src/node/record-sources.ts';
import type { RecordSources } from '../../src/record/model.ts';
import { fullAnswers } from '../helpers/full-answers.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import { examplePackageFolder } from '../helpers/form-packages.ts';

export const SAMI_NAME = 'Čáhppes Áhkká';
export const SAMI_LETTERS = 'ŋ ŧ đ š ž č á';
export const ARABIC_TEXT = 'فقدت عملي في مارس ولا أملك المال للإيجار.';
export const POLISH_TEXT = 'Straciłam pracę w marcu. Nie mam pieniędzy na czynsz, żłobek ani światło.';
export const SAMI_TEXT = `Mun in dieđe maid galggan dahkat. ${SAMI_NAME}: ${SAMI_LETTERS}`;
export const PLAIN_TEXT = 'Jeg mistet jobben i mars.\nNå har jeg ikke penger til husleie.';

/** What the register says before the user corrects it. */
export const REGISTER_VALUES: Record<string, unknown> = {
  text: 'Kari Nordman',
  address: { street: 'Gamleveien 2', postcode: '0150', city: 'Oslo' },
};

/** Free text the user writes in each scenario's language. */
const writes: Record<string, string> = { ar: ARABIC_TEXT, pl: POLISH_TEXT, nb: PLAIN_TEXT };

export interface Scenario {
  locale: string;
  variant: TextVariant;
}
export const SCENARIOS: Scenario[] = [
  { locale: 'ar', variant: 'standard' },
  { locale: 'pl', variant: 'standard' },
  { locale: 'nb', variant: 'plain' },
];

/** The example form, built once per test run (test/helpers/form-packages.ts), read as the record reads it. */
export async function examplePackageDir(formId: string): Promise<{ dir: string; sources: RecordSources }> {
  const dir = await examplePackageFolder(formId);
  return { dir, sources: await loadRecordSources(dir) };
}

function fieldsOf(sources: RecordSources): Map<string, FieldDefinition> {
  const fields = new Map<string, FieldDefinition>();
  for (const step of sources.definition.steps)
    for (const field of step.fields) {
      fields.set(field.id, field);
      for (const child of field.fields ?? []) fields.set(child.id, child);
    }
  return fields;
}

/** What the user typed, with yes/no as the widget sends them and free text in the scenario's language. */
function input(field: FieldDefinition | undefined, value: unknown, text: string, name: string): unknown {
  if (field?.kind === 'yesno' && typeof value === 'string') return value === 'true';
  if (field?.kind === 'textarea') return text;
  if (field && ['navn', 'barn-navn', 'tittel'].includes(field.id)) return name;
  return value;
}

function documents(value: Record<string, string>, text: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([id, status]) => [
      id,
      status === 'uploaded'
        ? { status, files: [{ name: `${id}.pdf`, size: 2048, type: 'application/pdf' }] }
        : { status, reason: text },
    ]),
  );
}

export interface MadeSubmission {
  submission: Submission;
  sources: RecordSources;
  dir: string;
  /** The field marked "I don't know" and left empty, the register value the user corrected. */
  unsureField?: string;
  correctedField?: string;
}

/** One application through the machine, as a user in the scenario's language and variant fills it in. */
export async function makeSubmission(
  formId: string,
  scenario: Scenario,
  options: { name?: string; text?: string } = {},
): Promise<MadeSubmission> {
  const { dir, sources } = await examplePackageDir(formId);
  const fields = fieldsOf(sources);
  const text = options.text ?? writes[scenario.locale] ?? PLAIN_TEXT;
  const name = options.name ?? (scenario.locale === 'ar' ? SAMI_NAME : 'Kari Nordmann');
  // A form without hand-written answers is answered from its definition, as the generic tests answer it.
  const answersByStep = fullAnswers[formId] ?? generatedAnswers(sources.definition);
  const typed = Object.fromEntries(Object.values(answersByStep).flatMap((step) => Object.entries(step)));
  // The register says something else about the first prefilled name or address: the user corrects it.
  const corrected = [...fields.values()].find(
    (f) => f.prefill && (f.kind === 'text' || f.kind === 'address') && typed[f.id] !== undefined,
  );
  const prefill = corrected ? { [corrected.id]: REGISTER_VALUES[corrected.kind] } : undefined;
  // The first question that offers "I don't know", left unanswered.
  const unsure = [...fields.values()].find(
    (f) =>
      f.unsure &&
      typed[f.id] !== undefined &&
      !sources.definition.steps.some((s) => s.fields.some((c) => c.fields?.includes(f))),
  );
  let second = 0;
  const machine = createWizardMachine(
    {
      definition: sources.definition,
      validators: sources.validators,
      ...(sources.textVersions ? { textVersions: sources.textVersions } : {}),
    },
    {
      createId: () => `soknad-${formId}-${scenario.locale}-${scenario.variant}`,
      // A tenth of a second per reading: the machine reads the clock at every answer (the date of the form's rules).
      now: () => new Date(Date.UTC(2026, 2, 3, 10, 15, 0, 100 * second++)),
    },
  );
  const actor = createActor(machine, {
    input: {
      locale: scenario.locale,
      variant: scenario.variant,
      startedAt: '2026-03-03T09:02:00.000Z',
      ...(prefill ? { prefill } : {}),
    },
  }).start();
  actor.send({
    type: 'SET_HELP_REQUEST',
    help: {
      contact: true,
      channel: 'phone',
      interpreter: true,
      interpreterLanguage: scenario.locale === 'nb' ? 'se' : scenario.locale,
    },
  });
  for (let guard = 0; actor.getSnapshot().value !== 'review'; guard++) {
    if (guard > 30) throw new Error(`${formId}: never reached the review`);
    const step = actor.getSnapshot().context.step;
    for (const [id, value] of Object.entries(answersByStep[step] ?? {})) {
      const field = fields.get(id);
      if (id === unsure?.id) {
        actor.send({ type: 'MARK_UNSURE', field: id, unsure: true });
        continue;
      }
      if (field?.kind === 'attachments') {
        actor.send({ type: 'ANSWER', field: id, value: documents(value as Record<string, string>, text) });
      } else if (field?.kind === 'group' && Array.isArray(value)) {
        value.forEach((item, index) => {
          actor.send({ type: 'ADD_ITEM', group: id });
          for (const [child, childValue] of Object.entries(item as Record<string, unknown>))
            actor.send({
              type: 'ANSWER',
              field: child,
              index,
              value: input(fields.get(child), childValue, text, name),
            });
        });
      } else {
        actor.send({ type: 'ANSWER', field: id, value: input(field, value, text, name) });
      }
      if (field?.prefill && id !== corrected?.id) actor.send({ type: 'CONFIRM_PREFILL', field: id, confirmed: true });
      if (id === corrected?.id) actor.send({ type: 'CONFIRM_PREFILL', field: id, confirmed: false });
    }
    actor.send({ type: 'NEXT' });
    const after = actor.getSnapshot();
    if (after.value === 'filling' && after.context.step === step)
      throw new Error(`${formId} ${step}: ${after.context.errors.map((e) => `${e.path} ${e.code}`).join(', ')}`);
  }
  actor.send({ type: 'SUBMIT' });
  await waitFor(actor, (s) => s.value === 'submitted');
  return {
    submission: actor.getSnapshot().context.submission!,
    sources,
    dir,
    ...(unsure ? { unsureField: unsure.id } : {}),
    ...(corrected ? { correctedField: corrected.id } : {}),
  };
}

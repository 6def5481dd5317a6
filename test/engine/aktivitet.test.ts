// An activity in the activity plan: a second real form, to show the engine is not built for one form.
// Its questions follow the type of activity, and an end date may not come before the start date
// (`notBefore`, the one rule JSON Schema cannot say), in the widget and on the server alike.
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { Answers } from '../../src/engine/answers.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { computeRelevance } from '../../src/engine/relevance.ts';
import { validateSubmission } from '../../packages/receiver/src/validate-submission.ts';
import { examplePackage } from '../helpers/form-packages.ts';

async function start() {
  const formPackage = await examplePackage('aktivitet');
  return createActor(createWizardMachine(formPackage, { createId: () => 'aktivitet-0001' }), { input: {} }).start();
}
type Actor = Awaited<ReturnType<typeof start>>;
const answer = (actor: Actor, answers: Answers) => {
  for (const [field, value] of Object.entries(answers)) actor.send({ type: 'ANSWER', field, value });
};

describe('aktivitet', () => {
  it.each([
    ['jobbsoking', ['arbeidsgiver', 'stilling', 'soknadsfrist']],
    ['kurs', ['laerested']],
    ['behandling', ['behandlingssted']],
    ['mote', ['moteform', 'klokkeslett']],
    ['egenaktivitet', []],
  ])('asks for the details of the type "%s" only', async (type, fields) => {
    const { definition, validators } = await examplePackage('aktivitet');
    const relevance = computeRelevance(definition, validators, { type });
    const details = definition.steps.find((s) => s.id === 'detaljer')!.fields.map((f) => f.id);
    expect(relevance.fields.filter((id) => details.includes(id))).toEqual(fields);
    expect(relevance.steps.includes('detaljer')).toBe(fields.length > 0);
  });

  it('asks where a meeting is only when it is not on the phone or on video', async () => {
    const { definition, validators } = await examplePackage('aktivitet');
    expect(computeRelevance(definition, validators, { type: 'mote', moteform: 'kontoret' }).fields).toContain(
      'motested',
    );
    expect(computeRelevance(definition, validators, { type: 'mote', moteform: 'video' }).fields).not.toContain(
      'motested',
    );
  });

  it("refuses an end date before the start date, with the form's own words, and accepts the same day", async () => {
    const actor = await start();
    answer(actor, { type: 'egenaktivitet', tittel: 'Gå tur hver dag' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe('tid-og-status');
    answer(actor, { 'fra-dato': '10.03.2026', 'til-dato': '09.03.2026', status: 'planlagt' });
    actor.send({ type: 'NEXT' });
    const [error, ...others] = actor.getSnapshot().context.errors;
    expect(others).toEqual([]);
    expect(error).toMatchObject({
      field: 'til-dato',
      path: '/til-dato',
      code: 'notBefore',
      params: { field: 'fra-dato' },
    });
    expect(error!.keys[0]).toBe('aktivitet:fields.til-dato.errors.notBefore');
    answer(actor, { 'til-dato': '10.03.2026' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.value === 'submitted');
    const submission = actor.getSnapshot().context.submission!;
    expect(submission.answers).toEqual({
      type: 'egenaktivitet',
      tittel: 'Gå tur hver dag',
      'fra-dato': '2026-03-10',
      'til-dato': '2026-03-10',
      status: 'planlagt',
    });
  });

  it('compares only two valid dates: a wrong start date is its own error, not an order error', async () => {
    const actor = await start();
    answer(actor, { type: 'egenaktivitet', tittel: 'Gå tur' });
    actor.send({ type: 'NEXT' });
    answer(actor, { 'fra-dato': '31.02.2026', 'til-dato': '01.01.2026', status: 'planlagt' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['/fra-dato format.date']);
  });

  it('is refused by the receiver when the dates are in the wrong order, though JSON Schema alone lets it through', async () => {
    const formPackage = await examplePackage('aktivitet');
    const answers = {
      type: 'kurs',
      tittel: 'Norskkurs',
      laerested: 'Oslo voksenopplæring',
      'fra-dato': '2026-04-01',
      'til-dato': '2026-03-01',
      status: 'planlagt',
    };
    const submission = {
      id: 'aktivitet-0002',
      form: { id: 'aktivitet', version: '1.0.0' },
      answers,
      unsure: [],
      attachments: [],
      answeredIn: {},
      locale: 'nb',
      variant: 'standard',
      submittedAt: '2026-03-03T10:00:00.000Z',
    };
    expect(formPackage.validators.submission({ answers, unsure: [] })).toBe(true);
    const result = validateSubmission(formPackage, submission);
    expect(result.ok ? [] : result.errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/answers/til-dato notBefore',
    ]);
    expect(
      validateSubmission(formPackage, { ...submission, answers: { ...answers, 'til-dato': '2026-06-30' } }),
    ).toMatchObject({ ok: true });
  });
});

// The wordings of legal texts a user confirmed (decision 0031): the receiver takes them in their shape, for the
// form's legal fields only, and keeps them with the submission for the caseworker's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSubmission, type SubmissionValidation } from '../src/validate-submission.ts';
import { examplePackage } from '../../../test/helpers/form-packages.ts';
import { kontaktSubmission, postJson, startTestReceiver, type TestReceiver } from './helpers.ts';

const confirmed = {
  samtykke: [
    { locale: 'nb', variant: 'standard' as const, text: '0a1b2c3d' },
    { locale: 'nb', variant: 'plain' as const, text: '4e5f6a7b' },
  ],
  personvern: [{ locale: 'nb', variant: 'plain' as const }],
};

function errorsOf(result: SubmissionValidation): Array<[string, string]> {
  if (result.ok) throw new Error('expected the submission to be refused');
  return result.errors.map((e) => [e.pointer, e.code]);
}

describe('the legal texts a submission says were confirmed', () => {
  it('are accepted and handed back as sent', async () => {
    const submission = kontaktSubmission({ confirmed });
    expect(validateSubmission(await examplePackage('kontakt'), submission)).toEqual({ ok: true, submission });
  });

  it('are refused for a field that is no legal text of the form, or in another shape', async () => {
    const kontakt = await examplePackage('kontakt');
    const refused = (value: unknown) =>
      errorsOf(validateSubmission(kontakt, { ...kontaktSubmission(), confirmed: value }));
    expect(refused([])).toEqual([['/confirmed', 'type']]);
    expect(refused({ navn: [{ locale: 'nb', variant: 'standard' }] })).toEqual([['/confirmed/navn', 'unknown-key']]);
    expect(refused({ samtykke: [] })).toEqual([['/confirmed/samtykke', 'type']]);
    expect(refused({ samtykke: [...confirmed.samtykke, ...confirmed.samtykke] })).toEqual([
      ['/confirmed/samtykke', 'type'],
    ]);
    expect(refused({ samtykke: [{ locale: 'nb', variant: 'simple' }] })).toEqual([['/confirmed/samtykke', 'type']]);
    expect(refused({ samtykke: [{ locale: 'nb', variant: 'plain', text: 'not-hex!' }] })).toEqual([
      ['/confirmed/samtykke', 'type'],
    ]);
    expect(refused({ samtykke: [{ locale: 'nb', variant: 'plain', seen: true }] })).toEqual([
      ['/confirmed/samtykke', 'type'],
    ]);
  });
});

describe('the receiver', () => {
  let receiver: TestReceiver;
  beforeAll(async () => {
    receiver = await startTestReceiver();
  });
  afterAll(() => receiver.close());

  it('keeps the confirmed wordings with the stored submission', async () => {
    const submission = kontaktSubmission({ confirmed });
    const response = await postJson(`${receiver.url}/api/forms/kontakt/submissions`, submission);
    expect(response.status).toBe(201);
    const row = receiver.rows('submissions').find((r) => r.idempotency_key === submission.id)!;
    expect((JSON.parse(row.submission as string) as { confirmed?: unknown }).confirmed).toEqual(confirmed);
  });
});

// More bodies the receiver must refuse with a clear 4xx, storing nothing: empty, not an object,
// prototype keys at any depth, too deep, too many items, and each of them once more under one key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  kontaktSubmission,
  postJson,
  send,
  startTestReceiver,
  type RawResponse,
  type TestReceiver,
} from './helpers.ts';

let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startTestReceiver();
});
afterAll(async () => {
  await receiver?.stop();
});

const url = () => `${receiver.url}/api/forms/kontakt/submissions`;
const codes = (response: RawResponse) =>
  (response.json as { errors: Array<{ pointer: string; code: string; message: string }> }).errors;

describe('the receiver refuses', () => {
  it('bodies that are not a submission at all', async () => {
    const cases: Array<[string, number, string]> = [
      ['', 400, 'invalid-json'],
      ['null', 422, 'type'],
      ['[]', 422, 'type'],
      ['42', 422, 'type'],
      ['"søknad"', 422, 'type'],
      // A submission encoded twice is a string, not a submission.
      [JSON.stringify(JSON.stringify(kontaktSubmission())), 422, 'type'],
      ['{}', 422, 'required'],
      ['{"id": 1,}', 400, 'invalid-json'],
    ];
    for (const [body, status, code] of cases) {
      const response = await postJson(url(), body);
      expect([body, response.status]).toEqual([body, status]);
      expect(codes(response)[0]!.code).toBe(code);
      for (const error of codes(response)) expect(error.message.length).toBeGreaterThan(10);
    }
    expect(receiver.count('submissions')).toBe(0);
  });

  it('prototype keys anywhere, structures too deep or too long, and leaves Object.prototype alone', async () => {
    const valid = JSON.stringify(kontaktSubmission());
    const bodies = [
      valid.replace('"navn":', '"prototype":{"x":1},"navn":'),
      valid.replace('"answeredIn":{', '"answeredIn":{"__proto__":{"locale":"nb","variant":"standard"},'),
      valid.replace('"unsure":[]', '"unsure":[{"constructor":{"prototype":{"polluted":true}}}]'),
      JSON.stringify({
        ...kontaktSubmission(),
        answers: {
          ...kontaktSubmission().answers,
          navn: JSON.parse(`${'{"a":'.repeat(12)}1${'}'.repeat(12)}`) as unknown,
        },
      }),
      JSON.stringify({ ...kontaktSubmission(), unsure: Array.from({ length: 201 }, () => 'beskrivelse') }),
    ];
    const expected = ['forbidden-key', 'forbidden-key', 'forbidden-key', 'too-deep', 'too-many-items'];
    for (const [index, body] of bodies.entries()) {
      const response = await postJson(url(), body);
      expect(response.status).toBe(422);
      expect(codes(response).map((e) => e.code)).toContain(expected[index]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(receiver.count('submissions')).toBe(0);
  });

  it('a submission without a body type, or sent as a form post, even when the body is valid', async () => {
    const body = JSON.stringify(kontaktSubmission());
    for (const type of ['multipart/form-data; boundary=x', 'application/json-patch+json', 'text/json']) {
      const response = await send(url(), { headers: { 'Content-Type': type }, body });
      expect(response.status).toBe(415);
    }
    expect(receiver.count('submissions')).toBe(0);
  });
});

// The canonical body digest that tells a retry (same body) from a changed application (another body).
import { describe, expect, it } from 'vitest';
import { canonicalJson, submissionDigest } from '../src/digest.ts';
import { kontaktSubmission } from './helpers.ts';

describe('submissionDigest', () => {
  it('ignores key order at every depth and the top-level submittedAt', () => {
    const submission = kontaktSubmission();
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(submission).reverse())),
    ) as typeof submission;
    reordered.answers = Object.fromEntries(Object.entries(submission.answers).reverse());
    reordered.form = { version: submission.form.version, id: submission.form.id };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(submission));
    expect(submissionDigest(reordered)).toBe(submissionDigest(submission));
    expect(submissionDigest({ ...submission, submittedAt: '2026-03-04T08:00:00.000Z' })).toBe(
      submissionDigest(submission),
    );
    expect(submissionDigest(submission)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any answer, the help request, the order of an array, or a nested submittedAt', () => {
    const submission = kontaktSubmission();
    const digest = submissionDigest(submission);
    expect(submissionDigest({ ...submission, answers: { ...submission.answers, telefon: '91234568' } })).not.toBe(
      digest,
    );
    expect(
      submissionDigest({ ...submission, help: { contact: false, interpreter: true, interpreterLanguage: 'uk' } }),
    ).not.toBe(digest);
    expect(submissionDigest({ ...submission, unsure: ['navn', 'epost'] })).not.toBe(
      submissionDigest({ ...submission, unsure: ['epost', 'navn'] }),
    );
    expect(submissionDigest({ ...submission, answers: { ...submission.answers, submittedAt: 'x' } })).not.toBe(digest);
  });

  it('is SHA-256 of JSON with sorted keys (what another backend can compute)', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__": {"x": 1}, "a": 2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

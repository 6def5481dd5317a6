// The canonical digest of a submission's body, for idempotency: the same key with the same digest is a
// retry (200, the first reference); the same key with another digest is a changed application (409,
// nothing stored). Canonical means JSON with object keys sorted recursively (arrays keep their order)
// and without the top-level `submittedAt`, because every retry carries a new one.
import { createHash } from 'node:crypto';
import type { Submission } from '../../../src/engine/submission.ts';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON text of value with every object's keys in code-unit order; what JSON.stringify drops, it drops. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (!isPlainObject(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    // defineProperty, not assignment: a key "__proto__" stays a key and never becomes a prototype.
    for (const key of Object.keys(inner).sort()) {
      Object.defineProperty(sorted, key, { value: inner[key], enumerable: true, writable: true, configurable: true });
    }
    return sorted;
  });
}

/** SHA-256 (hex) of the canonical body: the validated submission without its top-level submittedAt. */
export function submissionDigest(submission: Submission): string {
  const { submittedAt: _retriesDiffer, ...body } = submission;
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

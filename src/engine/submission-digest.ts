// Is this the submission that was tried last? The machine keeps a submission's id (its idempotency key)
// only while the body is the same, so a retry is recognised and a changed answer is never hidden behind
// the first one (issue 12). Everything counts except the id and `submittedAt` (a retry has a new time).
// A fast 53-bit string hash is enough here: it only decides whether to take a new id, and the receiver
// checks the body again with SHA-256 (packages/receiver/src/digest.ts; a 409 changed-body would take a new id too).
import type { Submission } from './submission.ts';

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53 (public domain): a 53-bit hash of a string, as 14 hex digits. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The body's fingerprint: everything but the id and submittedAt. */
export function submissionFingerprint(submission: Submission): string {
  const { id: _id, submittedAt: _at, ...body } = submission;
  return hash53(canonicalJson(body));
}

// Upload tokens: an upload is accepted only with a token this receiver issued for the same form and
// submission id, not yet expired. Tokens are stateless (HMAC-SHA256 over form id, submission id and
// expiry), so any receiver process sharing the secret can check them and nothing is stored per token.
//
//   token = "v1." + <expiry, Unix seconds> + "." + base64url(HMAC-SHA256(secret, "klarskjema-upload-v1\n" + form + "\n" + id + "\n" + expiry))
//
// The secret comes from KLARSKJEMA_UPLOAD_SECRET, else from <data folder>/upload-secret (32 random
// bytes, created once with mode 0600, exclusively, so that several processes on one data folder agree).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The request header that carries the token on an upload. */
export const UPLOAD_TOKEN_HEADER = 'Upload-Token';
/** The file in the data folder that holds the secret when the environment gives none. */
export const UPLOAD_SECRET_FILE = 'upload-secret';
/** The environment variable that gives the secret (at least 32 characters), e.g. from a secret store. */
export const UPLOAD_SECRET_ENV = 'KLARSKJEMA_UPLOAD_SECRET';
const SECRET_BYTES = 32;
const MIN_ENV_SECRET_LENGTH = 32;
const VERSION = 'v1';
const TOKEN = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const mac = (secret: Buffer, formId: string, submissionId: string, expiresAtSeconds: number): Buffer =>
  createHmac('sha256', secret)
    .update(`klarskjema-upload-${VERSION}\n${formId}\n${submissionId}\n${expiresAtSeconds}`)
    .digest();

/** The secret from the environment, else from <dataDir>/upload-secret, which is created when missing. */
export async function loadUploadSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const fromEnv = env[UPLOAD_SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_ENV_SECRET_LENGTH)
      throw new Error(`${UPLOAD_SECRET_ENV} must have at least ${MIN_ENV_SECRET_LENGTH} characters.`);
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = join(dataDir, UPLOAD_SECRET_FILE);
  // A temporary file renamed into place would be atomic, but two processes would each win their own
  // rename; 'wx' makes exactly one creator, and the others read what it wrote (retried while it is short).
  const fresh = randomBytes(SECRET_BYTES);
  try {
    await writeFile(file, fresh, { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const secret = await readFile(file);
    if (secret.length >= SECRET_BYTES) return secret;
    await new Promise((resolvePromise) => setImmediate(resolvePromise));
  }
  throw new Error(`${file} holds fewer than ${SECRET_BYTES} bytes; delete it to make a new secret.`);
}

export interface UploadToken {
  token: string;
  expiresAt: Date;
}

/** A token for uploads to one submission of one form, valid until expiresAt (rounded down to a second). */
export function issueUploadToken(secret: Buffer, formId: string, submissionId: string, expiresAt: Date): UploadToken {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return {
    token: `${VERSION}.${seconds}.${mac(secret, formId, submissionId, seconds).toString('base64url')}`,
    expiresAt: new Date(seconds * 1000),
  };
}

export type TokenVerdict = 'ok' | 'missing' | 'malformed' | 'forged' | 'expired';

/** Whether `token` was issued with this secret for this form and submission and is still valid at `now`. */
export function verifyUploadToken(
  secret: Buffer,
  token: string | undefined,
  formId: string,
  submissionId: string,
  now: Date,
): TokenVerdict {
  if (token === undefined || token === '') return 'missing';
  const match = TOKEN.exec(token);
  if (!match) return 'malformed';
  const seconds = Number(match[1]);
  // The MAC's text is compared, not its decoded bytes: base64url's last character carries unused bits,
  // so several texts decode to the same bytes, and only the one we issue is a token.
  const given = Buffer.from(match[2]!, 'utf8');
  const expected = Buffer.from(mac(secret, formId, submissionId, seconds).toString('base64url'), 'utf8');
  // Compared in constant time, before the expiry, so timing tells nothing about the MAC.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return seconds * 1000 > now.getTime() ? 'ok' : 'expired';
}

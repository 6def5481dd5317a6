// Caseworkers' passwords, hashed with scrypt from node:crypto: memory-hard, in Node itself (no native
// package to build or trust), and its parameters travel in the hash so that they can be raised later.
// N = 2^17, r = 8, p = 1 is OWASP's recommendation for scrypt: 128 MiB and a few hundred ms per hash.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  /** log2 of N. */
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** scrypt needs 128·N·r·p bytes; node refuses more than maxmem. Hashes that would need more are refused. */
const MAX_MEMORY = 512 * 1024 * 1024;
const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

const derive = (password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: MAX_MEMORY };
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** "scrypt$ln=17,r=8,p=1$<salt>$<key>" (base64). */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export const isPasswordHash = (text: string): boolean => parseHash(text) !== null;

function parseHash(text: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const match = FORMAT.exec(text);
  if (!match) return null;
  const cost = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (cost.logN < 10 || cost.logN > 22 || cost.r < 1 || cost.p < 1) return null;
  if (128 * 2 ** cost.logN * cost.r * cost.p > MAX_MEMORY) return null;
  return { cost, salt: Buffer.from(match[4]!, 'base64'), key: Buffer.from(match[5]!, 'base64') };
}

/** Hashes of a password nobody has, by cost, so that an unknown account costs as much time as a known one. */
const decoys = new Map<string, Promise<string>>();
const decoyFor = (cost: ScryptCost): Promise<string> => {
  const key = `${cost.logN},${cost.r},${cost.p}`;
  let decoy = decoys.get(key);
  if (!decoy) {
    decoy = hashPassword(randomBytes(16).toString('hex'), cost);
    decoys.set(key, decoy);
  }
  return decoy;
};

/** Whether password matches hash. With hash null (no such account): false, after the same work as for a hash
 *  like `like` (another account's, so that both take as long). */
export async function verifyPassword(password: string, hash: string | null, like?: string): Promise<boolean> {
  const parsed = parseHash(hash ?? (await decoyFor(parseHash(like ?? '')?.cost ?? DEFAULT_COST)));
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return hash !== null && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

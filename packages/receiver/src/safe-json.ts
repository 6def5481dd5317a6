// Turns untrusted input into plain JSON data, or says exactly where it is not: forbidden keys
// (prototype pollution), values JSON cannot hold, and sizes past the limits in limits.ts. The result
// is a fresh copy made of plain objects and arrays, so nothing the caller passed (getters, proxies,
// odd prototypes) can change after it was checked.
import { pointerToken } from '../../../src/engine/answers.ts';
import {
  FORBIDDEN_KEYS,
  MAX_ARRAY_ITEMS,
  MAX_BODY_BYTES,
  MAX_DEPTH,
  MAX_ERRORS,
  MAX_KEY_LENGTH,
  MAX_OBJECT_KEYS,
  MAX_STRING_LENGTH,
} from './limits.ts';

export interface SubmissionError {
  /** JSON pointer (RFC 6901) into the submission; "" is the whole body. */
  pointer: string;
  /** What is wrong, for programs: too-long, forbidden-key, required, not-relevant, … */
  code: string;
  /** What is wrong, for the developer reading the response. Never shown to the user as is. */
  message?: string;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type SafeJsonResult = { ok: true; value: JsonValue } | { ok: false; errors: SubmissionError[] };

class TooManyErrors extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a raw body (text or bytes) of at most MAX_BODY_BYTES and checks it like checkJson. */
export function parseJson(body: string | Uint8Array): SafeJsonResult {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
  if (bytes > MAX_BODY_BYTES) {
    return {
      ok: false,
      errors: [
        {
          pointer: '',
          code: 'too-large',
          message: `The body is ${bytes} bytes; at most ${MAX_BODY_BYTES} are accepted.`,
        },
      ],
    };
  }
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    return { ok: false, errors: [{ pointer: '', code: 'invalid-json', message: 'The body is not valid UTF-8.' }] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          pointer: '',
          code: 'invalid-json',
          message: `The body is not JSON: ${error instanceof SyntaxError ? error.message : 'unreadable'}.`,
        },
      ],
    };
  }
  return checkJson(parsed);
}

/** Checks an already parsed value; never throws. */
export function checkJson(input: unknown): SafeJsonResult {
  const errors: SubmissionError[] = [];
  let size = 0;
  const fail = (at: string, code: string, message: string): void => {
    errors.push({ pointer: at, code, message });
    if (errors.length >= MAX_ERRORS) throw new TooManyErrors();
  };
  const grow = (bytes: number): void => {
    size += bytes;
    if (size > MAX_BODY_BYTES) {
      errors.push({
        pointer: '',
        code: 'too-large',
        message: `The submission is larger than ${MAX_BODY_BYTES} bytes as JSON.`,
      });
      throw new TooManyErrors();
    }
  };

  const copy = (value: unknown, at: string, depth: number): JsonValue | undefined => {
    switch (typeof value) {
      case 'string':
        if (value.length > MAX_STRING_LENGTH) {
          fail(
            at,
            'too-long',
            `A string may have at most ${MAX_STRING_LENGTH} characters; this one has ${value.length}.`,
          );
          return undefined;
        }
        grow(Buffer.byteLength(value, 'utf8') + 2);
        return value;
      case 'number':
        if (!Number.isFinite(value)) {
          fail(at, 'not-json', 'Numbers must be finite.');
          return undefined;
        }
        grow(24);
        return value;
      case 'boolean':
        grow(5);
        return value;
      case 'object':
        break;
      default:
        fail(at, 'not-json', `A ${typeof value} is not a JSON value.`);
        return undefined;
    }
    if (value === null) {
      grow(4);
      return null;
    }
    if (depth > MAX_DEPTH) {
      fail(at, 'too-deep', `Objects and arrays may be nested at most ${MAX_DEPTH} levels deep.`);
      return undefined;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_ITEMS) {
        fail(at, 'too-many-items', `An array may have at most ${MAX_ARRAY_ITEMS} items; this one has ${value.length}.`);
        return undefined;
      }
      grow(2);
      const items: JsonValue[] = [];
      for (let index = 0; index < value.length; index++) {
        const item = Object.getOwnPropertyDescriptor(value, index);
        if (!item || !('value' in item)) {
          fail(`${at}/${index}`, 'not-json', 'An array item is missing or computed.');
          continue;
        }
        grow(1);
        const copied = copy(item.value, `${at}/${index}`, depth + 1);
        if (copied !== undefined) items.push(copied);
      }
      return items;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      fail(at, 'not-json', 'Only plain objects are JSON objects.');
      return undefined;
    }
    const keys = Reflect.ownKeys(value);
    if (keys.length > MAX_OBJECT_KEYS) {
      fail(at, 'too-many-keys', `An object may have at most ${MAX_OBJECT_KEYS} keys; this one has ${keys.length}.`);
      return undefined;
    }
    grow(2);
    const object: { [key: string]: JsonValue } = {};
    for (const key of keys) {
      if (typeof key !== 'string') {
        fail(at, 'not-json', 'Symbol keys are not JSON.');
        continue;
      }
      const here = `${at}/${pointerToken(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        fail(here, 'forbidden-key', `The key "${key}" is not accepted anywhere in a submission.`);
        continue;
      }
      if (key.length > MAX_KEY_LENGTH) {
        fail(at, 'too-long', `A key may have at most ${MAX_KEY_LENGTH} characters; one has ${key.length}.`);
        continue;
      }
      const property = Object.getOwnPropertyDescriptor(value, key);
      if (!property || !('value' in property)) {
        fail(here, 'not-json', 'A property is computed (a getter), not a value.');
        continue;
      }
      if (property.value === undefined) continue; // as JSON.stringify does
      grow(Buffer.byteLength(key, 'utf8') + 4);
      const copied = copy(property.value, here, depth + 1);
      if (copied !== undefined) object[key] = copied;
    }
    return object;
  };

  try {
    const value = copy(input, '', 1);
    if (errors.length > 0 || value === undefined) {
      return {
        ok: false,
        errors:
          errors.length > 0 ? errors : [{ pointer: '', code: 'not-json', message: 'The body is not a JSON value.' }],
      };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof TooManyErrors) return { ok: false, errors };
    // A proxy or exotic object threw while being read.
    return {
      ok: false,
      errors: [...errors, { pointer: '', code: 'not-json', message: 'The value could not be read as JSON.' }],
    };
  }
}

// A few assertions for browser tests, so they need no assertion library. Messages show both values.
const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(value: unknown, message = `expected a truthy value, got ${show(value)}`): asserts value {
  if (!value) throw new AssertionError(message);
}

/** Same value (Object.is). */
export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected))
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Same structure: plain objects and arrays compared key by key. */
export function deepEqual<T>(actual: T, expected: T, message?: string): void {
  if (!same(actual, expected))
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual))
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(actual)} to match ${pattern}`);
}

export function notMatch(actual: string, pattern: RegExp, message?: string): void {
  if (pattern.test(actual))
    throw new AssertionError(
      `${message ? `${message}: ` : ''}expected no match for ${pattern}, found ${show(pattern.exec(actual)?.[0])}`,
    );
}

/** Runs fn (sync or async) and returns what it threw; fails if it did not throw or the message does not match. */
export async function rejects(fn: () => unknown, pattern?: RegExp): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    if (pattern && !pattern.test(err.message))
      throw new AssertionError(`expected an error matching ${pattern}, got ${show(err.message)}`);
    return err;
  }
  throw new AssertionError(`expected an error${pattern ? ` matching ${pattern}` : ''}, but nothing was thrown`);
}

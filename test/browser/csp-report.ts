// Loaded by the test page (web-test-runner.config.mjs) before the tests: every Content-Security-Policy
// or Trusted Types violation is written to the console, which @web/test-runner prints with the results.
// State lives on window so a second copy of this module (imported by a test under another URL) shares it.
interface CspState {
  violations: string[];
  unexpected: string[];
  quiet: number;
}
const global = globalThis as typeof globalThis & { __klarCsp?: CspState };

if (!global.__klarCsp) {
  const state: CspState = (global.__klarCsp = { violations: [], unexpected: [], quiet: 0 });
  document.addEventListener('securitypolicyviolation', (event) => {
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
    const sample = event.sample ? ` (${event.sample.replace(/\s+/g, ' ')})` : '';
    const message = `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${where}${sample}`;
    state.violations.push(message);
    if (state.quiet > 0) return;
    state.unexpected.push(message);
    console.error(message);
  });
}
const state = global.__klarCsp!;

/** Violations on this page so far, except those caused inside expectCspViolations. */
export const cspViolations = (): readonly string[] => state.unexpected;

/** Runs fn, which is meant to be blocked, and returns the violations it caused (without logging them). */
export async function expectCspViolations(fn: () => unknown): Promise<string[]> {
  const before = state.violations.length;
  state.quiet += 1;
  try {
    try {
      await fn();
    } catch {
      // Being blocked usually throws; the caller asserts on the violations instead.
    }
    // Violation events arrive as a separate task: wait for the first one. The limit only guards against a
    // hang when fn was not blocked after all (the caller's assertion then fails); nothing relies on it.
    const started = performance.now();
    while (state.violations.length === before && performance.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return state.violations.slice(before);
  } finally {
    state.quiet -= 1;
  }
}

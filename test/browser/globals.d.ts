// Mocha's globals, as @web/test-runner sets them up before it imports a browser test (*.browser.test.ts).
// They exist only in the browser; Node tests import describe/it from 'vitest'. Browser tests may use the
// globals directly or import them from ./mocha.ts.
interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}

type MochaBody = (this: MochaContext) => void | Promise<unknown>;

interface MochaTestFunction {
  (title: string, body: MochaBody): void;
  only(title: string, body: MochaBody): void;
  skip(title: string, body?: MochaBody): void;
}

interface MochaSuiteFunction {
  (title: string, body: () => void): void;
  only(title: string, body: () => void): void;
  skip(title: string, body: () => void): void;
}

type MochaHookFunction = (body: MochaBody) => void;

declare const describe: MochaSuiteFunction;
declare const it: MochaTestFunction;
declare const before: MochaHookFunction;
declare const after: MochaHookFunction;
declare const beforeEach: MochaHookFunction;
declare const afterEach: MochaHookFunction;

// Mocha's globals (typed in ./globals.d.ts) as explicit imports, like vitest's:
// `import { describe, it } from './mocha.ts'`. Fails clearly outside @web/test-runner.
interface MochaGlobals {
  describe: MochaSuiteFunction;
  it: MochaTestFunction;
  before: MochaHookFunction;
  after: MochaHookFunction;
  beforeEach: MochaHookFunction;
  afterEach: MochaHookFunction;
}

const globals = globalThis as unknown as Partial<MochaGlobals>;
if (typeof globals.describe !== 'function') {
  throw new Error(
    'mocha globals are missing: browser tests (*.browser.test.ts) run with `npm run test:browser`, not vitest.',
  );
}

const mocha = globals as MochaGlobals;
export const describe = mocha.describe;
export const it = mocha.it;
export const before = mocha.before;
export const afterEach = mocha.afterEach;

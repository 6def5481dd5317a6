// Node tests that drive Debian's Chromium themselves (playwright-core): the caseworker's inbox, whose pages
// are server-rendered, so the test navigates, signs in and downloads as a browser does; and a page whose first
// step Node drew (test/ui/first-step.chromium.test.ts), whose script the test holds back. After
// `node scripts/ensure-chromium.js` (npm test's «chromium» stage): `npx vitest run --config vitest.chromium.config.ts`.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.chromium.test.ts'],
    exclude: [...configDefaults.exclude, '**/node_modules/**', 'build/**', 'dist/**', '.tmp/**'],
    environment: 'node',
    // Guards against a hang only (a loaded 2-core machine); every wait is for an event.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

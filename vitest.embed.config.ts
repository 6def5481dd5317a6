// Embedding and package tests: the three packages packed and installed into empty projects
// (test/embed/global-setup.ts), then host pages with the installed widget in Chromium. `npm test` runs them
// after `npm run build` (scripts/test.js); alone: `npm run build && npx vitest run --config vitest.embed.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/embed/**/*.test.ts'],
    globalSetup: ['test/embed/global-setup.ts'],
    environment: 'node',
    // Guards against a hang only, generous for a loaded 2-core machine: each file starts Chromium and
    // servers; the install test runs npm in empty projects.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Each file drives its own Chromium; two at a time on two cores.
    maxWorkers: 2,
  },
});

// Node-side tests. Browser tests (*.browser.test.ts) run in Chromium with @web/test-runner instead.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/embed/ needs dist/ and Chromium: its own stage and config (vitest.embed.config.ts). *.pg.test.ts need a
    // PostgreSQL server: vitest.postgres.config.ts, which also runs the receiver's suite again on PostgreSQL.
    exclude: [
      ...configDefaults.exclude,
      '**/*.browser.test.ts',
      'test/embed/**',
      '**/*.pg.test.ts',
      // Chromium driven from Node (vitest.chromium.config.ts), after npm test's «chromium» stage.
      '**/*.chromium.test.ts',
      '**/node_modules/**',
      'build/**',
      'dist/**',
      '.tmp/**',
    ],
    environment: 'node',
    // One limit for every test and hook, generous for a loaded 2-core machine: some build forms, spawn
    // processes (the CLI, a receiver killed mid-write) or run property tests for tens of seconds. A limit
    // only guards against a hang: no test relies on finishing within a time (fake timers, injected clocks
    // and events instead). No test sets a lower one of its own.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

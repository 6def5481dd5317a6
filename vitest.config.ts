// Node-side tests. Browser tests (*.browser.test.ts) run in Chromium with @web/test-runner instead.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/embed/ needs dist/ and Chromium: its own stage and config (vitest.embed.config.ts).
    exclude: [...configDefaults.exclude, '**/*.browser.test.ts', 'test/embed/**', '**/node_modules/**', 'build/**', 'dist/**', '.tmp/**'],
    environment: 'node',
  },
});

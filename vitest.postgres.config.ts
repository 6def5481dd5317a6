// The receiver's suite against a real PostgreSQL server: the store-independent receiver tests again, with
// every test store a PostgreSQL database (KLARSKJEMA_TEST_STORE=postgres, packages/receiver/test/helpers.ts),
// and the PostgreSQL-only tests (*.pg.test.ts: the store itself, two receiver processes on one database).
// `node scripts/ensure-postgres.js && npx vitest run --config vitest.postgres.config.ts`.
// SQLite-only tests (sqlite-store.test.ts, faults.test.ts) run in the default config only.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/receiver/test/receiver.test.ts',
      'packages/receiver/test/receiver-refusals.test.ts',
      'packages/receiver/test/uploads.test.ts',
      'packages/receiver/test/hostile.test.ts',
      'packages/receiver/test/storage.test.ts',
      'packages/receiver/test/validation-budget.test.ts',
      'packages/receiver/test/inbox.test.ts',
      'packages/receiver/test/follow-up.test.ts',
      'packages/receiver/test/**/*.pg.test.ts',
    ],
    exclude: [...configDefaults.exclude],
    environment: 'node',
    env: { KLARSKJEMA_TEST_STORE: 'postgres' },
    globalSetup: ['packages/receiver/test/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

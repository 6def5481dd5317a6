// vitest globalSetup of the PostgreSQL run (vitest.postgres.config.ts): one throwaway PostgreSQL server for
// the whole run (test/helpers/postgres-server.ts: Debian's server, initdb and pg_ctl on a free loopback port),
// its URL handed to the tests with provide/inject; each test store gets a database of its own on it.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../test/helpers/postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://postgres@127.0.0.1:<port>/postgres of the run's server; '' in the SQLite run. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

// Which store openReceiver opens: SQLite in the data folder (one machine, the default) or PostgreSQL
// (several receivers on one database). docs/decisions/0013-postgresql.md lists the environment.
import { join } from 'node:path';
import { describeDatabase, PostgresSubmissionStore, postgresConfigFromEnv } from './pg-store.ts';
import { SQLITE_FILE_NAME, SqliteSubmissionStore } from './sqlite-store.ts';
import { openWhenAvailable, storageFault, type SubmissionStore } from './store.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreChoice {
  /** Default: $KLARSKJEMA_STORE; else postgres when a database URL is given; else sqlite. */
  kind?: StoreKind;
  /** Default: $KLARSKJEMA_DATABASE_URL. */
  databaseUrl?: string;
  dataDir: string;
  sqliteMaxPages?: number;
}

export function storeKind(
  choice: Pick<StoreChoice, 'kind' | 'databaseUrl'>,
  env: NodeJS.ProcessEnv = process.env,
): StoreKind {
  if (choice.kind) return choice.kind;
  const named = env.KLARSKJEMA_STORE?.trim().toLowerCase();
  if (named === 'sqlite') return 'sqlite';
  if (named === 'postgres' || named === 'postgresql') return 'postgres';
  if (named) throw new Error(`KLARSKJEMA_STORE is "sqlite" or "postgres", not "${env.KLARSKJEMA_STORE}".`);
  return choice.databaseUrl || env.KLARSKJEMA_DATABASE_URL ? 'postgres' : 'sqlite';
}

/**
 * Opens the chosen store. Neither a read-only data folder nor an unreachable database stops the start:
 * every write is a 503 and /api/health says not ready until the storage works. Anything else (a schema
 * newer than this receiver, a server that would not fsync) fails at once.
 */
export async function openStore(
  choice: StoreChoice,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ store: SubmissionStore; where: string }> {
  if (storeKind(choice, env) === 'sqlite') {
    const file = join(choice.dataDir, SQLITE_FILE_NAME);
    const options = choice.sqliteMaxPages === undefined ? {} : { maxPageCount: choice.sqliteMaxPages };
    return { store: openWhenAvailable('sqlite', () => new SqliteSubmissionStore(file, options)), where: file };
  }
  const config = postgresConfigFromEnv({
    ...env,
    ...(choice.databaseUrl ? { KLARSKJEMA_DATABASE_URL: choice.databaseUrl } : {}),
  });
  const store = new PostgresSubmissionStore(config);
  try {
    await store.migrate();
  } catch (error) {
    if (!storageFault(error)) {
      await store.close();
      throw error;
    }
  }
  return { store, where: describeDatabase(config.connectionString) };
}

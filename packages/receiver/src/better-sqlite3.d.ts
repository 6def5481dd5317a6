// The part of better-sqlite3's API that src/server uses. The package ships no types of its own
// (@types/better-sqlite3 would replace this file if it becomes a devDependency).
declare module 'better-sqlite3' {
  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }
  export interface Statement<Row = unknown> {
    run(...params: unknown[]): RunResult;
    get(...params: unknown[]): Row | undefined;
    all(...params: unknown[]): Row[];
  }
  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    /** Milliseconds to wait for a lock (busy timeout). */
    timeout?: number;
  }
  export type Transaction<F> = F & { deferred: F; immediate: F; exclusive: F };
  export interface Database {
    readonly open: boolean;
    prepare<Row = unknown>(sql: string): Statement<Row>;
    exec(sql: string): this;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    /** Wraps fn in BEGIN … COMMIT (ROLLBACK when it throws); a failed COMMIT throws. */
    transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
    close(): this;
  }
  export interface SqliteError extends Error {
    code: string;
  }
  interface DatabaseConstructor {
    new (filename: string, options?: Options): Database;
  }
  const Database: DatabaseConstructor;
  export default Database;
}

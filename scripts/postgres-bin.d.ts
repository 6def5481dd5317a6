/** The folder with PostgreSQL's initdb, pg_ctl and postgres: $PG_BIN, else Debian's newest, else null. */
export declare function findPostgresBin(): string | null;

// Where PostgreSQL's server programs (initdb, pg_ctl, postgres) are: $PG_BIN, else the newest
// /usr/lib/postgresql/<major>/bin (Debian's layout), else null.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {string | null} */
export function findPostgresBin() {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) && existsSync(join(fromEnv, 'pg_ctl')) ? fromEnv : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = join(base, major, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'postgres')))
      return bin;
  }
  return null;
}

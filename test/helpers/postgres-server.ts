// A throwaway PostgreSQL server for tests: Debian's real server, never a mock. initdb in a temporary
// folder, pg_ctl on a free loopback port with its socket in that folder, trust for 127.0.0.1 only.
// As root the programs run as the `postgres` user (PostgreSQL refuses to run as root).
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from '../../scripts/postgres-bin.js';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A URL for another database on this server (created by createDatabase). */
  urlOf(database: string): string;
  createDatabase(name: string): void;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function runAs(bin: string, program: string, args: string[]): void {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [command, commandArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
    : [join(bin, program), args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(
      `${program} ${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
}

/** Starts a server; call stop() in afterAll. Throws with the reason when PostgreSQL is missing. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: run `node scripts/ensure-postgres.js` (npm test does).');
  const folder = mkdtempSync(join(tmpdir(), 'klarskjema-pg-'));
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(folder, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const data = join(folder, 'data');
  runAs(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // fsync stays on: the durability promises are tested against a real server's behaviour.
  runAs(bin, 'pg_ctl', [
    '-D',
    data,
    '-l',
    join(folder, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=100`,
    'start',
  ]);
  const urlOf = (database: string): string => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url: urlOf('postgres'),
    port,
    urlOf,
    createDatabase: (name) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      runAs(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        runAs(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

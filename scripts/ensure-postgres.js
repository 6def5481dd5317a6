#!/usr/bin/env node
// Makes sure Debian's PostgreSQL server programs are there for the receiver's PostgreSQL tests (the tests
// start their own throwaway server with initdb and pg_ctl; nothing here starts one). As root it installs
// the `postgresql` package with apt-get; otherwise it says how and fails.
import { spawnSync } from 'node:child_process';
import { findPostgresBin } from './postgres-bin.js';

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`ensure-postgres: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

let bin = findPostgresBin();
if (bin) {
  console.log(`PostgreSQL: ${bin}`);
} else if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log("PostgreSQL's server programs are missing; installing Debian's postgresql package.");
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql']);
  bin = findPostgresBin();
  if (!bin) {
    console.error('ensure-postgres: apt-get installed postgresql, but initdb and pg_ctl are still not found.');
    process.exit(1);
  }
  console.log(`PostgreSQL: ${bin}`);
} else {
  console.error(
    'ensure-postgres: PostgreSQL is missing. Install it with `sudo apt-get install postgresql` ' +
      '(or set PG_BIN to the folder with initdb and pg_ctl), then run the tests again.',
  );
  process.exit(1);
}

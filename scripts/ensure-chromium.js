#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests. We never download a browser: as root it
// is installed with apt-get; otherwise this says how and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { CHROMIUM_PATH as CHROMIUM } from './chromium.js';

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`ensure-chromium: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (existsSync(CHROMIUM)) {
  console.log(`Chromium: ${CHROMIUM}`);
} else if (CHROMIUM !== '/usr/bin/chromium') {
  console.error(`ensure-chromium: CHROMIUM_PATH is ${CHROMIUM}, but there is no such file.`);
  process.exit(1);
} else if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`${CHROMIUM} is missing; installing Debian's chromium package.`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  if (!existsSync(CHROMIUM)) {
    console.error(`ensure-chromium: apt-get installed chromium but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
} else {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing. Install it with \`sudo apt-get install chromium\` (never \`npx playwright install\`), then run the tests again.`,
  );
  process.exit(1);
}

#!/usr/bin/env node
// `npm run version:set -- 0.3.0`: the three packages are released together, with one version
// (docs/decisions/0016-packages.md). npm itself sets it in the root and both workspaces (and the lock file);
// this adds the widget's VERSION constants (its loader tells a second copy on a page which version it is)
// and refuses a version the CHANGELOG does not describe yet.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
  console.error('Usage: npm run version:set -- <version>, for example 0.3.0');
  process.exit(2);
}
if (!readFileSync(join(root, 'CHANGELOG.md'), 'utf8').includes(`## ${version}`)) {
  console.error(`CHANGELOG.md has no section "## ${version}": write what changed first.`);
  process.exit(1);
}
const npm = spawnSync(
  'npm',
  ['version', version, '--workspaces', '--include-workspace-root', '--no-git-tag-version', '--allow-same-version'],
  { cwd: root, stdio: 'inherit' },
);
if (npm.status !== 0) process.exit(npm.status ?? 1);
for (const file of ['components/klar-skjema/define.ts', 'components/klar-skjema/loader.ts']) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(/const VERSION = '[^']+';/, `const VERSION = '${version}';`);
  if (next === text && !text.includes(`const VERSION = '${version}';`)) {
    console.error(`${file} has no VERSION constant.`);
    process.exit(1);
  }
  writeFileSync(path, next);
}
console.log(`klarskjema, @klarskjema/tools and @klarskjema/receiver are now ${version}.`);

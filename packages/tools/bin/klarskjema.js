#!/usr/bin/env node
// The klarskjema command. Installed from npm it runs the bundle in dist/; in the repository, where
// src/ is beside it, it runs the TypeScript source through tsx, so a change needs no build step.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli.js'));
}
process.exitCode = await main(process.argv.slice(2));

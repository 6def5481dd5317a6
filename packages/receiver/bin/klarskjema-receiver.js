#!/usr/bin/env node
// The klarskjema-receiver command. Installed from npm it runs the bundle in dist/; in the repository,
// where src/ is beside it, it runs the TypeScript source through tsx.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/main.js');
}

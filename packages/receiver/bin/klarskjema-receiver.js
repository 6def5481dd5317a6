#!/usr/bin/env node
// The klarskjema-receiver command. Installed from npm it runs the bundle in dist/; in the repository,
// where src/ is beside it, it runs the TypeScript source through tsx.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source)) {
  // tsx's full loader (as `node --import tsx`), not only its ESM hooks: with those alone, Node 20 cannot
  // load a form package's validators.js from a folder without a package.json ("type": "module").
  await import('tsx');
  await import(source.href);
} else {
  await import('../dist/main.js');
}

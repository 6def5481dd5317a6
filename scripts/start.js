#!/usr/bin/env node
// `npm start`: builds the form packages, then serves this folder read-only with the widget's CSP.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './static-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';

const tsx = join(root, 'node_modules/tsx', JSON.parse(readFileSync(join(root, 'node_modules/tsx/package.json'), 'utf8')).bin);
for (const [script, what] of [['scripts/build-forms.ts', 'the form packages'], ['scripts/build-widget.ts', 'the widget']]) {
  const build = spawnSync(process.execPath, [tsx, script], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`npm start: building ${what} failed; see above.`);
    process.exit(build.status ?? 1);
  }
}

try {
  const server = await serve({ root, port, host });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`\nklarskjema: serving ${root} read-only at http://${shown}:${actualPort}/demo/ (Ctrl+C to stop)`);
  console.log(`form packages: http://${shown}:${actualPort}/build/forms/`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  console.error(code === 'EADDRINUSE'
    ? `npm start: port ${port} is in use. Try PORT=8081 npm start.`
    : `npm start: could not start the server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

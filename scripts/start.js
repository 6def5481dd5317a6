#!/usr/bin/env node
// `npm start`: builds the form packages and the widget, then serves demo/ and build/ read-only with the
// widget's CSP, and the reference receiver (packages/receiver/src/receiver.ts) on the same origin under /api/.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_FOLDERS, serve, STANDALONE_CONTENT_SECURITY_POLICY } from './static-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';

const tsx = join(
  root,
  'node_modules/tsx',
  JSON.parse(readFileSync(join(root, 'node_modules/tsx/package.json'), 'utf8')).bin,
);
for (const [script, what] of [
  ['scripts/build-forms.ts', 'the form packages'],
  ['scripts/build-widget.ts', 'the widget'],
]) {
  const build = spawnSync(process.execPath, [tsx, script], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`npm start: building ${what} failed; see above.`);
    process.exit(build.status ?? 1);
  }
}

// The receiver is TypeScript; tsx loads it in this process. Without it the demo still runs.
let receiver = null;
try {
  const { tsImport } = await import('tsx/esm/api');
  const { openReceiver } = await tsImport('../packages/receiver/src/receiver.ts', import.meta.url);
  // Explicit folders: the receiver's own defaults (./data, ./forms) are for an installed package.
  receiver = await openReceiver({
    formsDir: join(root, 'build/forms'),
    dataDir: resolve(process.env.KLARSKJEMA_DATA_DIR ?? join(root, 'data')),
  });
} catch (error) {
  console.error(`npm start: the receiver (/api/) is off: ${error instanceof Error ? error.message : String(error)}`);
}

try {
  // Only what the demo needs (demo/ and the built widget and forms under build/), by real path, so a
  // symlink cannot reach the sources, package.json or the data folder (submissions, uploaded files).
  const dataDir = receiver?.dataDir ?? resolve(process.env.KLARSKJEMA_DATA_DIR ?? join(root, 'data'));
  // build/widget/ is the standalone build, whose Lit's Trusted Types policy is "klarskjema".
  const server = await serve({
    root,
    port,
    host,
    allow: DEMO_FOLDERS,
    deny: [dataDir],
    policy: STANDALONE_CONTENT_SECURITY_POLICY,
  });
  // Hand /api/ to the receiver; everything else stays with the static server's own handler.
  const [serveStatic] = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (request, response) => {
    const url = request.url ?? '/';
    if (receiver && url.startsWith('/api/')) void receiver.handle(request, response);
    else serveStatic.call(server, request, response);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(
    `\nklarskjema: serving demo/ and build/ read-only at http://${shown}:${actualPort}/demo/ (Ctrl+C to stop)`,
  );
  console.log(`form packages: http://${shown}:${actualPort}/build/forms/`);
  if (receiver)
    console.log(`receiver: http://${shown}:${actualPort}/api/ (health: /api/health; data: ${receiver.databaseFile})`);
  const stop = () =>
    server.close(() => (receiver ? receiver.close() : Promise.resolve()).finally(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  console.error(
    code === 'EADDRINUSE'
      ? `npm start: port ${port} is in use. Try PORT=8081 npm start.`
      : `npm start: could not start the server: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

// Before the embedding tests: pack the three packages as `npm publish` would, and install the tarballs into
// empty projects, the way their users do (docs/decisions/0016-packages.md). Nothing links the checkout:
// every test below reads what `npm install` put in node_modules.
//   widget-only/  npm install klarskjema.tgz                   (what installing the widget pulls in)
//   host-app/     klarskjema.tgz, react 19, vue 3, typescript 5 (the README's host examples)
//   operator/     @klarskjema/tools.tgz, @klarskjema/receiver.tgz (form authors and operators)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packageRoot } from '../../src/node/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder with klarskjema-<v>.tgz, klarskjema-tools-<v>.tgz and klarskjema-receiver-<v>.tgz. */
    tarballs: string;
    widgetOnly: string;
    hostApp: string;
    operator: string;
  }
}

const NPM = process.env.npm_execpath && existsSync(process.env.npm_execpath) ? process.env.npm_execpath : null;

/** Runs npm (the one running `npm test` if any, else the one on PATH); rejects with its output when it fails. */
function npm(args: string[], cwd: string): Promise<string> {
  const [command, commandArgs] = NPM ? [process.execPath, [NPM, ...args]] : ['npm', args];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(new Error(`npm ${args.join(' ')} (in ${cwd}) exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

async function project(folder: string, packages: string[]): Promise<string> {
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, 'package.json'),
    `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  // --prefer-offline: what npm ci already fetched for this checkout comes from the cache.
  await npm(['install', '--prefer-offline', '--no-package-lock', ...packages], folder);
  return folder;
}

export default async function setup(project_: TestProject): Promise<() => Promise<void>> {
  for (const built of ['dist/klarskjema.js', 'packages/tools/dist/cli.js', 'packages/receiver/dist/main.js']) {
    if (!existsSync(resolve(packageRoot, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const work = await mkdtemp(join(tmpdir(), 'klarskjema-packages-'));
  const tarballs = join(work, 'tarballs');
  await mkdir(tarballs);
  // The published workspaces only (packages/eslint-config is private).
  await npm(
    [
      'pack',
      '--include-workspace-root',
      '--workspace',
      'packages/tools',
      '--workspace',
      'packages/receiver',
      '--pack-destination',
      tarballs,
    ],
    packageRoot,
  );
  const files = await readdir(tarballs);
  const tarball = (name: RegExp): string => {
    const file = files.find((f) => name.test(f));
    if (!file) throw new Error(`npm pack wrote no tarball matching ${name} (wrote ${files.join(', ')})`);
    return join(tarballs, file);
  };
  const widget = tarball(/^klarskjema-\d/);
  const tools = tarball(/^klarskjema-tools-\d/);
  const receiver = tarball(/^klarskjema-receiver-\d/);
  const [widgetOnly, hostApp, operator] = await Promise.all([
    project(join(work, 'widget-only'), [widget]),
    project(join(work, 'host-app'), [widget, 'react@^19', 'react-dom@^19', 'vue@^3', 'typescript@^5']),
    project(join(work, 'operator'), [tools, receiver]),
  ]);
  project_.provide('tarballs', tarballs);
  project_.provide('widgetOnly', widgetOnly);
  project_.provide('hostApp', hostApp);
  project_.provide('operator', operator);
  return async () => {
    await rm(work, { recursive: true, force: true });
  };
}

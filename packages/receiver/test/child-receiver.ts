// The REAL receiver (packages/receiver/src/main.ts) as a child process on 127.0.0.1, for the suites that
// need real faults (SIGKILL, a full or read-only folder) or several processes. Test-time only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../../src/node/paths.ts';
import { buildForms } from '../../../scripts/build-forms.ts';

export interface ChildReceiver {
  name: string;
  url: string;
  /** What it opened, from its JSON start line. */
  storage: 'sqlite' | 'postgresql';
  process: ChildProcess;
  exited: Promise<void>;
}

export interface ChildOptions {
  name?: string;
  dataDir: string;
  formsDir: string;
  env?: Record<string, string>;
  /** Run as another user (the read-only folder scenario). */
  ids?: { uid?: number; gid?: number };
  /** The environment variable that, when set, shows the child's output (FAULTS_DEBUG, CLUSTER_DEBUG). */
  debug?: string;
}

/** Every child started here, so a suite's afterAll can kill what a failed test left running. */
const started = new Set<ChildProcess>();

/**
 * The built kontakt and stotte packages: build/forms when there, else a folder of our own (build-forms
 * empties its target first, and other tests may read build/forms). The folder goes into `temporary`.
 */
export async function builtForms(temporary: string[], prefix: string): Promise<string> {
  const shared = join(packageRoot, 'build/forms');
  const built = await Promise.all(
    ['kontakt', 'stotte'].map((id) =>
      stat(join(shared, id, 'form.json')).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!built.includes(false)) return shared;
  const own = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(own);
  await buildForms(own);
  return own;
}

/** Starts the receiver on a free port; resolves once its first line (the URL) and its start line are out. */
export function startChildReceiver(options: ChildOptions): Promise<ChildReceiver> {
  const name = options.name ?? 'receiver';
  const debug = options.debug !== undefined && Boolean(process.env[options.debug]);
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'packages/receiver/src/main.ts')], {
    cwd: packageRoot,
    env: {
      ...process.env,
      RECEIVER_PORT: '0',
      RECEIVER_HOST: '127.0.0.1',
      KLARSKJEMA_DATA_DIR: options.dataDir,
      KLARSKJEMA_FORMS_DIR: options.formsDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.ids,
  });
  started.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (debug) process.stderr.write(chunk);
    });
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match =
        /klarskjema receiver: (http:\/\/127\.0\.0\.1:\d+)\/api\/\n[^\n]*"storage":"(sqlite|postgresql)"/.exec(out);
      if (!match) return;
      // Keep reading (one log line per request) so the child never blocks on a full pipe.
      child.stdout!.off('data', onData);
      if (debug) child.stdout!.on('data', (c: Buffer) => process.stderr.write(c));
      child.stdout!.resume();
      resolve({ name, url: match[1]!, storage: match[2] as ChildReceiver['storage'], process: child, exited });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${name} exited (${String(code)}) before it listened: ${out}${err}`)),
    );
  });
}

/** Stops a child (SIGTERM, or SIGKILL for the fault scenarios) and waits until it is gone. */
export async function stopChildReceiver(child: ChildReceiver, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  await child.exited;
}

/** Kills every child still running and removes the temporary folders. */
export async function cleanUpChildren(temporary: string[]): Promise<void> {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
}

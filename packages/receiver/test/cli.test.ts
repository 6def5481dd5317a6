// klarskjema-receiver as an operator runs it: flags and environment (flags win; defaults in the working
// directory), --help and --version, one line and exit code 2 for a wrong flag, and a stop by SIGTERM that
// finishes the request in flight. The command runs as a child process (bin/klarskjema-receiver.js) on
// 127.0.0.1; no step waits for time, only for what the child says or answers.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/node/paths.ts';
import { buildForms } from '../../../scripts/build-forms.ts';
import { helpText, OPTIONS, parseCommandLine, UsageError } from '../src/config.ts';
import { disposition, FILES, uploadToken } from './helpers.ts';

const bin = join(packageRoot, 'packages/receiver/bin/klarskjema-receiver.js');
const version = (
  JSON.parse(await readFile(join(packageRoot, 'packages/receiver/package.json'), 'utf8')) as { version: string }
).version;

const usage = (argv: string[], env: Record<string, string> = {}): string => {
  try {
    parseCommandLine(argv, env, '/srv/klarskjema');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('settings', () => {
  it('defaults to ./data and ./forms in the working directory, port 8081 on 127.0.0.1', () => {
    expect(parseCommandLine([], {}, '/srv/klarskjema')).toEqual({
      action: 'run',
      config: {
        port: 8081,
        host: '127.0.0.1',
        dataDir: '/srv/klarskjema/data',
        formsDir: '/srv/klarskjema/forms',
        uploadTtlHours: 24,
        logLevel: 'info',
      },
    });
  });

  it('reads every setting from the environment, and a flag wins over it', () => {
    const env = {
      RECEIVER_PORT: '9000',
      RECEIVER_HOST: '0.0.0.0',
      KLARSKJEMA_DATA_DIR: '/var/lib/klarskjema',
      KLARSKJEMA_FORMS_DIR: 'skjema',
      KLARSKJEMA_DATABASE_URL: 'postgres://klarskjema@db:5432/klarskjema',
      KLARSKJEMA_UPLOAD_TTL_HOURS: '12',
      KLARSKJEMA_SQLITE_MAX_PAGES: '1000',
      KLARSKJEMA_LOG_LEVEL: 'warn',
      KLARSKJEMA_METRICS_PORT: '9100',
    };
    expect(parseCommandLine([], env, '/srv')).toEqual({
      action: 'run',
      config: {
        port: 9000,
        host: '0.0.0.0',
        dataDir: '/var/lib/klarskjema',
        formsDir: '/srv/skjema',
        databaseUrl: 'postgres://klarskjema@db:5432/klarskjema',
        uploadTtlHours: 12,
        sqliteMaxPages: 1000,
        logLevel: 'warn',
        metricsPort: 9100,
      },
    });
    const flags = [
      '--port',
      '0',
      '--host',
      '::1',
      '--data-dir',
      'd',
      '--forms-dir',
      '/f',
      '--database-url',
      'postgresql://x@y/z',
      '--upload-ttl-hours',
      '0.5',
      '--sqlite-max-pages',
      '64',
      '--log-level',
      'debug',
      '--metrics-port',
      '0',
    ];
    expect(parseCommandLine(flags, env, '/srv')).toEqual({
      action: 'run',
      config: {
        port: 0,
        host: '::1',
        dataDir: '/srv/d',
        formsDir: '/f',
        databaseUrl: 'postgresql://x@y/z',
        uploadTtlHours: 0.5,
        sqliteMaxPages: 64,
        logLevel: 'debug',
        metricsPort: 0,
      },
    });
    // An empty variable is no setting (a unit file's "Environment=X=").
    expect(parseCommandLine([], { RECEIVER_PORT: '', KLARSKJEMA_LOG_LEVEL: ' ' }, '/srv')).toMatchObject({
      config: { port: 8081, logLevel: 'info' },
    });
  });

  it('refuses wrong values with one sentence that names the flag or variable', () => {
    expect(usage(['--prot', '80'])).toMatch(/Unknown option '--prot'/);
    expect(usage(['serve'])).toMatch(/Unexpected argument 'serve'/);
    expect(usage(['--port'])).toMatch(/--port/);
    expect(usage(['--port', '65536'])).toBe('--port must be a whole number from 0 to 65535, not "65536".');
    expect(usage([], { RECEIVER_PORT: '80a' })).toBe(
      'RECEIVER_PORT must be a whole number from 0 to 65535, not "80a".',
    );
    expect(usage(['--upload-ttl-hours', '0'])).toMatch(/--upload-ttl-hours must be a positive number/);
    expect(usage([], { KLARSKJEMA_SQLITE_MAX_PAGES: '-1' })).toMatch(/KLARSKJEMA_SQLITE_MAX_PAGES/);
    expect(usage(['--log-level', 'loud'])).toBe(
      '--log-level must be one of debug, info, warn, error, silent, not "loud".',
    );
    expect(usage(['--data-dir', ' '])).toBe('--data-dir is empty.');
    expect(usage(['--follow-up-weeks', '-1'])).toMatch(/--follow-up-weeks/);
    expect(usage([], { KLARSKJEMA_FOLLOW_UP_WEEKS: 'ever' })).toMatch(/KLARSKJEMA_FOLLOW_UP_WEEKS/);
    const weeks = parseCommandLine(['--follow-up-weeks', '0'], { KLARSKJEMA_FOLLOW_UP_WEEKS: '52' }, '/srv');
    expect(weeks.action === 'run' && weeks.config.followUpWeeks).toBe(0);
    expect(usage(['--port', '9000', '--metrics-port', '9000'])).toMatch(/differ/);
    expect(usage([], { KLARSKJEMA_UPLOAD_SECRET: 'too short' })).toMatch(/at least 32 characters/);
    // A database URL may hold a password: the message never repeats it.
    expect(usage(['--database-url', 'mysql://root:hunter2@db/x'])).not.toContain('hunter2');
  });

  it('--help lists every flag and environment variable with its default', () => {
    const text = helpText();
    for (const env of [
      'RECEIVER_PORT',
      'RECEIVER_HOST',
      'KLARSKJEMA_DATA_DIR',
      'KLARSKJEMA_FORMS_DIR',
      'KLARSKJEMA_DATABASE_URL',
      'KLARSKJEMA_UPLOAD_SECRET',
      'KLARSKJEMA_UPLOAD_TTL_HOURS',
      'KLARSKJEMA_FOLLOW_UP_WEEKS',
      'KLARSKJEMA_SQLITE_MAX_PAGES',
      'KLARSKJEMA_LOG_LEVEL',
      'KLARSKJEMA_METRICS_PORT',
    ])
      expect(text).toContain(env);
    for (const option of OPTIONS) {
      if (option.flag) expect(text).toContain(`--${option.flag} `);
      expect(text).toContain(`Default: ${option.default}.`);
    }
    expect(parseCommandLine(['--help', '--port', 'x'], {})).toEqual({ action: 'help' });
  });
});

const run = (
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolvePromise({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });

describe('the command', () => {
  it('--help and --version', async () => {
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toBe(helpText());
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  }, 30_000);

  it('a wrong flag or variable: one line on standard error, exit code 2, no stack trace', async () => {
    for (const [args, env] of [
      [['--bogus'], {}],
      [[], { RECEIVER_PORT: 'http' }],
    ] as const) {
      const result = await run([...args], env);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^klarskjema-receiver: .+\. See klarskjema-receiver --help\.\n$/);
    }
  }, 30_000);

  it('no form packages: one line, exit code 1, and nothing made inside the package', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'klarskjema-cli-'));
    try {
      const result = await run(['--forms-dir', join(empty, 'none'), '--data-dir', join(empty, 'data'), '--port', '0']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^klarskjema-receiver: could not start: No form packages in .*none\. Build them there first .*\n$/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('start and stop', () => {
  let work: string;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'klarskjema-cli-'));
    await buildForms(join(work, 'forms'));
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('prints its URL first and JSON after; on SIGTERM it refuses new connections, finishes the request in flight, and exits 0', async () => {
    // Run from the work folder with no folder flags: ./forms and ./data there.
    child = spawn(process.execPath, [bin, '--port', '0'], {
      cwd: work,
      env: { ...process.env, KLARSKJEMA_DATA_DIR: '', KLARSKJEMA_FORMS_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolvePromise) => child!.once('exit', (code) => resolvePromise(code)));
    const lines: string[] = [];
    const waiters: Array<{ test: (line: string) => boolean; resolve: (line: string) => void }> = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    });
    const lineThat = (test: (line: string) => boolean): Promise<string> =>
      new Promise((resolvePromise, reject) => {
        const seen = lines.find(test);
        if (seen) {
          resolvePromise(seen);
          return;
        }
        waiters.push({ test, resolve: resolvePromise });
        void exited.then(() => reject(new Error(`The receiver exited; it said:\n${lines.join('\n')}`)));
      });
    const event = (name: string): Promise<Record<string, unknown>> =>
      lineThat((l) => l.startsWith('{') && (JSON.parse(l) as { event: string }).event === name).then(
        (l) => JSON.parse(l) as Record<string, unknown>,
      );

    const started = await event('start');
    expect(lines[0]).toMatch(/^klarskjema receiver: http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const base = /^klarskjema receiver: (http:\/\/127\.0\.0\.1:\d+)\/api\/$/.exec(lines[0]!)![1]!;
    expect(started).toMatchObject({
      level: 'info',
      storage: 'sqlite',
      data_dir: resolve(work, 'data'),
      url: `${base}/api/`,
    });
    expect((await stat(join(work, 'data'))).mode & 0o777).toBe(0o700);

    // An upload on a connection of its own: the server has read its headers when it says 100 Continue.
    const id = 'cli-stop-0001';
    const token = await uploadToken(base, 'stotte', id);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const half = FILES.pdf.length >> 1;
    let continued!: () => void;
    const continuing = new Promise<void>((r) => {
      continued = r;
    });
    const answer = new Promise<{ status: number; body: string; connection: string | undefined }>(
      (resolvePromise, reject) => {
        const upload = httpRequest(
          `${base}/api/forms/stotte/submissions/${id}/attachments?document=kontoutskrift`,
          {
            method: 'POST',
            agent,
            headers: {
              'Content-Type': 'application/pdf',
              'Content-Length': String(FILES.pdf.length),
              'Upload-Token': token,
              'Content-Disposition': disposition('k.pdf'),
              Expect: '100-continue',
            },
          },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              body += chunk;
            });
            response.on('end', () =>
              resolvePromise({ status: response.statusCode ?? 0, body, connection: response.headers.connection }),
            );
          },
        );
        upload.on('error', reject);
        upload.on('continue', () => {
          upload.write(FILES.pdf.subarray(0, half));
          continued();
        });
        void (async () => {
          await continuing;
          child!.kill('SIGTERM');
          await event('stopping');
          // Stopped listening: a new connection is refused (or reset, when it reached the backlog as the listener closed).
          const refused = await new Promise((ok, fail) =>
            httpRequest(`${base}/api/live`, { agent: false }, ok).on('error', fail).end(),
          ).then(
            () => 'answered',
            (error: NodeJS.ErrnoException) => error.code,
          );
          expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);
          upload.end(FILES.pdf.subarray(half));
        })().catch(reject);
      },
    );
    const finished = await answer;
    expect(finished.status).toBe(201);
    expect(JSON.parse(finished.body)).toMatchObject({
      document: 'kontoutskrift',
      type: 'application/pdf',
      size: FILES.pdf.length,
    });
    expect(finished.connection).toBe('close');
    expect(await exited).toBe(0);
    agent.destroy();
    const events = lines.slice(1).map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events.at(-1)).toBe('stopped');
    expect(events.indexOf('stopping')).toBeLessThan(events.lastIndexOf('request'));
  }, 60_000);
});

// The command line and environment of `klarskjema-receiver`: one table (OPTIONS) drives the parser, the
// checks and --help, so the help cannot forget a setting. Flags beat the environment, the environment
// beats the defaults; defaults are relative to the working directory, never inside the installed package
// (docs/decisions/0014-receiver-operations.md).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULT_FOLLOW_UP_WEEKS, DEFAULT_UPLOAD_TTL_HOURS } from './limits.ts';
import { DEFAULT_LOG_LEVEL, isLogLevel, LOG_LEVELS, type LogLevel } from './log.ts';
import { UPLOAD_SECRET_ENV } from './upload-token.ts';

export interface ReceiverConfig {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  /** Absolute. */
  formsDir: string;
  databaseUrl?: string;
  uploadTtlHours: number;
  /** How long a receipt's link for documents sent later works; only when set (default DEFAULT_FOLLOW_UP_WEEKS). */
  followUpWeeks?: number;
  sqliteMaxPages?: number;
  logLevel: LogLevel;
  metricsPort?: number;
  /** Absolute: the inbox's configuration file (offices, caseworkers, OpenID Connect); none: no inbox. */
  inboxConfig?: string;
  /** The origin caseworkers' browsers use, for the inbox's Origin check. */
  publicOrigin?: string;
}

export type CommandLine = { action: 'help' } | { action: 'version' } | { action: 'run'; config: ReceiverConfig };

/** A mistake in the flags or the environment: one line for the person, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Option {
  flag?: string;
  env?: string;
  value: string;
  default: string;
  help: string;
}

/** Every setting, in the order --help lists them. */
export const OPTIONS: readonly Option[] = [
  {
    flag: 'port',
    env: 'RECEIVER_PORT',
    value: '<port>',
    default: '8081',
    help: 'TCP port of the API (0: any free port).',
  },
  {
    flag: 'host',
    env: 'RECEIVER_HOST',
    value: '<address>',
    default: '127.0.0.1',
    help: 'Address to listen on. Use 0.0.0.0 (or ::) in a container.',
  },
  {
    flag: 'data-dir',
    env: 'KLARSKJEMA_DATA_DIR',
    value: '<folder>',
    default: './data',
    help: 'Submissions (SQLite), uploaded files and the upload secret. Created 0700.',
  },
  {
    flag: 'forms-dir',
    env: 'KLARSKJEMA_FORMS_DIR',
    value: '<folder>',
    default: './forms',
    help: 'Built form packages, one folder each (klarskjema build <form.json> --out <folder>).',
  },
  {
    flag: 'database-url',
    env: 'KLARSKJEMA_DATABASE_URL',
    value: '<url>',
    default: 'none: SQLite in the data folder',
    help: 'PostgreSQL, postgres://user@host:5432/db. Put the password in PGPASSWORD, not in the URL.',
  },
  {
    flag: 'upload-ttl-hours',
    env: 'KLARSKJEMA_UPLOAD_TTL_HOURS',
    value: '<hours>',
    default: String(DEFAULT_UPLOAD_TTL_HOURS),
    help: 'Uploads whose submission never came are deleted after this.',
  },
  {
    flag: 'follow-up-weeks',
    env: 'KLARSKJEMA_FOLLOW_UP_WEEKS',
    value: '<weeks>',
    default: String(DEFAULT_FOLLOW_UP_WEEKS),
    help: "How long the receipt's link for documents sent later works; 0: no links.",
  },
  {
    flag: 'sqlite-max-pages',
    env: 'KLARSKJEMA_SQLITE_MAX_PAGES',
    value: '<pages>',
    default: 'none',
    help: 'A hard cap on the SQLite file, in 4 KiB pages; past it writes get 503.',
  },
  {
    flag: 'log-level',
    env: 'KLARSKJEMA_LOG_LEVEL',
    value: `<${LOG_LEVELS.join('|')}>`,
    default: DEFAULT_LOG_LEVEL,
    help: 'JSON log lines on standard output; debug adds health checks and scrapes.',
  },
  {
    flag: 'metrics-port',
    env: 'KLARSKJEMA_METRICS_PORT',
    value: '<port>',
    default: 'none: /metrics on the API port',
    help: 'Serve /metrics on this port (same address) and not on the API port.',
  },
  {
    flag: 'inbox-config',
    env: 'KLARSKJEMA_INBOX_CONFIG',
    value: '<file>',
    default: 'none: no inbox',
    help: "The caseworkers' inbox at /saksbehandling/: offices, accounts and OpenID Connect (JSON, 0600).",
  },
  {
    flag: 'public-origin',
    env: 'KLARSKJEMA_PUBLIC_ORIGIN',
    value: '<origin>',
    default: 'the Host header',
    help: "The inbox's address as browsers see it (https://saksbehandling.example.no), for its Origin check.",
  },
  {
    env: UPLOAD_SECRET_ENV,
    value: '<text>',
    default: 'random, kept in <data>/upload-secret',
    help: 'Key of upload tokens, 32 characters or more; the same for every receiver on one store. Environment only (a flag shows in ps).',
  },
];

export function helpText(): string {
  return [
    'klarskjema-receiver: receives, checks and stores applications sent by the klarskjema widget.',
    '',
    'Usage: klarskjema-receiver [options]',
    '',
    'Each option can also be set by its environment variable; a flag wins over the environment.',
    'Folders are relative to the working directory.',
    '',
    ...OPTIONS.flatMap((o) => [
      `  ${o.flag ? `--${o.flag} ${o.value}` : '(environment only)'}${o.env ? `  ${o.env}` : ''}`,
      `      ${o.help} Default: ${o.default}.`,
    ]),
    '  --help       Show this text.',
    '  --version    Show the version.',
    '',
    'klarskjema-receiver add-caseworker --config <file> --username <name> --name <full name> --office <id>',
    '      Adds (or replaces) a caseworker account of the inbox; asks for the password (or reads it from',
    '      standard input) and stores only its scrypt hash. --office-name names a new office.',
    '',
    'The first line on standard output is "klarskjema receiver: <url>/api/"; every line after it is a',
    'JSON log line. Routes: /api/health (ready), /api/live (alive), /api/openapi.json, and /metrics,',
    'which must not be reachable from the internet.',
    'SIGTERM or SIGINT: stop accepting, finish requests in flight, close the store, exit 0.',
    'Exit codes: 0 stopped, 1 could not start, 2 wrong flags or environment.',
    'Guide for operators: docs/receiver.md in the klarskjema repository.',
    '',
  ].join('\n');
}

const wholeNumber = (name: string, text: string, min: number, max: number): number => {
  const trimmed = text.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  return n;
};

/** argv without node and the script; env as process.env. Throws UsageError. */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): CommandLine {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options: Record<string, { type: 'string' | 'boolean' }> = {
      help: { type: 'boolean' },
      version: { type: 'boolean' },
    };
    for (const o of OPTIONS) if (o.flag) options[o.flag] = { type: 'string' };
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    // node's words name the flag ("Unknown option '--prot'"); its error code is for programs.
    throw new UsageError(
      error instanceof Error
        ? error.message.replace(/\. To specify a positional argument.*$/s, '')
        : 'The flags are not valid.',
    );
  }
  if (values.help) return { action: 'help' };
  if (values.version) return { action: 'version' };

  /** The flag's value, else the environment's (empty means unset), else undefined; and what to call it in an error. */
  const setting = (flag: string): { text: string; name: string } | undefined => {
    const option = OPTIONS.find((o) => o.flag === flag)!;
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return { text: fromFlag, name: `--${flag}` };
    const fromEnv = option.env ? env[option.env] : undefined;
    return fromEnv !== undefined && fromEnv.trim() !== '' ? { text: fromEnv, name: option.env! } : undefined;
  };
  const text = (flag: string): string | undefined => {
    const found = setting(flag);
    if (found && found.text.trim() === '') throw new UsageError(`${found.name} is empty.`);
    return found?.text;
  };

  const port = setting('port');
  const metricsPort = setting('metrics-port');
  const ttl = setting('upload-ttl-hours');
  const maxPages = setting('sqlite-max-pages');
  const followUpWeeks = setting('follow-up-weeks');
  const logLevel = setting('log-level');
  const host = text('host') ?? '127.0.0.1';
  const databaseUrl = text('database-url');
  const inboxConfig = text('inbox-config');
  const publicOrigin = text('public-origin');
  if (publicOrigin !== undefined && !/^https?:\/\/[^/]+$/.test(publicOrigin))
    throw new UsageError(
      `${setting('public-origin')!.name} is an origin like https://saksbehandling.example.no, without a path.`,
    );

  let uploadTtlHours = DEFAULT_UPLOAD_TTL_HOURS;
  if (ttl) {
    uploadTtlHours = Number(ttl.text.trim());
    if (ttl.text.trim() === '' || !Number.isFinite(uploadTtlHours) || uploadTtlHours <= 0)
      throw new UsageError(`${ttl.name} must be a positive number of hours, not "${ttl.text}".`);
  }
  if (logLevel && !isLogLevel(logLevel.text.trim()))
    throw new UsageError(`${logLevel.name} must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel.text}".`);
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    // The value itself is not repeated: it may hold a password.
    throw new UsageError(`${setting('database-url')!.name} must start with postgres:// or postgresql://.`);
  }
  const secret = env[UPLOAD_SECRET_ENV];
  if (secret !== undefined && secret !== '' && secret.length < 32)
    throw new UsageError(`${UPLOAD_SECRET_ENV} must have at least 32 characters (it has ${secret.length}).`);

  const config: ReceiverConfig = {
    port: port ? wholeNumber(port.name, port.text, 0, 65535) : 8081,
    host,
    dataDir: resolve(cwd, text('data-dir') ?? 'data'),
    formsDir: resolve(cwd, text('forms-dir') ?? 'forms'),
    uploadTtlHours,
    logLevel: logLevel ? (logLevel.text.trim() as LogLevel) : DEFAULT_LOG_LEVEL,
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(followUpWeeks ? { followUpWeeks: wholeNumber(followUpWeeks.name, followUpWeeks.text, 0, 520) } : {}),
    ...(maxPages ? { sqliteMaxPages: wholeNumber(maxPages.name, maxPages.text, 1, 2 ** 31 - 2) } : {}),
    ...(metricsPort ? { metricsPort: wholeNumber(metricsPort.name, metricsPort.text, 0, 65535) } : {}),
    ...(inboxConfig !== undefined ? { inboxConfig: resolve(cwd, inboxConfig) } : {}),
    ...(publicOrigin !== undefined ? { publicOrigin } : {}),
  };
  if (config.metricsPort !== undefined && config.metricsPort !== 0 && config.metricsPort === config.port) {
    throw new UsageError('--metrics-port must differ from --port.');
  }
  return { action: 'run', config };
}

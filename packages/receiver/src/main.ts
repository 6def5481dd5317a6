// `klarskjema-receiver` (bin/klarskjema-receiver.js; in the repository also `npx tsx packages/receiver/src/main.ts`).
// Settings by flags and environment (config.ts, `--help`). The first line on standard output starts with
// "klarskjema receiver: <url>/api/", so a supervisor (or a test) can read the port; every line after it
// is a JSON log line (log.ts). Exit codes: 0 stopped by SIGTERM/SIGINT, 1 could not start, 2 wrong
// flags or environment. No stack traces: each failure is one line on standard error.
import { parseCommandLine, helpText, UsageError, type ReceiverConfig } from './config.ts';
import { addCaseworker } from './inbox/add-caseworker.ts';
import { readInboxConfig, type OidcSettings } from './inbox/config.ts';
import { createOidcLogin, type OidcLogin } from './inbox/oidc.ts';
import { createLogger } from './log.ts';
import { openReceiver, startReceiver, type StartedReceiver } from './receiver.ts';
import { RECEIVER_VERSION } from './version.ts';

const COMMAND = 'klarskjema-receiver';

/** The identity provider's sign-in; its client secret from the environment variable the configuration names. */
async function openIdConnect(settings: OidcSettings): Promise<OidcLogin> {
  const clientSecret = process.env[settings.clientSecretEnv];
  if (!clientSecret) throw new Error(`${settings.clientSecretEnv} (the OpenID Connect client secret) is not set.`);
  return createOidcLogin({ settings, clientSecret });
}

async function run(config: ReceiverConfig): Promise<void> {
  // A reader of the logs that went away (a closed pipe) must not stop the receiver.
  process.stdout.on('error', () => {});
  const sink = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const logger = createLogger({ level: config.logLevel, sink });
  let started: StartedReceiver;
  try {
    const inbox = config.inboxConfig ? await readInboxConfig(config.inboxConfig) : undefined;
    const oidc = inbox?.oidc ? await openIdConnect(inbox.oidc) : undefined;
    const receiver = await openReceiver({
      ...(inbox
        ? {
            inbox: {
              config: inbox,
              ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
              ...(oidc ? { oidc } : {}),
            },
          }
        : {}),
      dataDir: config.dataDir,
      formsDir: config.formsDir,
      uploadTtlMs: config.uploadTtlHours * 3_600_000,
      ...(config.followUpWeeks !== undefined ? { followUpTtlMs: config.followUpWeeks * 7 * 86_400_000 } : {}),
      log: sink,
      logLevel: config.logLevel,
      ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
      ...(config.sqliteMaxPages !== undefined ? { sqliteMaxPages: config.sqliteMaxPages } : {}),
    });
    try {
      started = await startReceiver(receiver, {
        port: config.port,
        host: config.host,
        ...(config.metricsPort !== undefined ? { metricsPort: config.metricsPort } : {}),
      });
    } catch (error) {
      await receiver.close();
      throw error;
    }
  } catch (error) {
    const { code } = error as { code?: unknown };
    const why =
      code === 'EADDRINUSE'
        ? `the port is in use (${config.host}:${config.port}, or the metrics port)`
        : code === 'EACCES'
          ? `no permission to listen on ${config.host}:${config.port}`
          : error instanceof Error
            ? error.message
            : String(error);
    process.stderr.write(`${COMMAND}: could not start: ${why}\n`);
    process.exit(1);
  }
  process.stdout.write(`klarskjema receiver: ${started.url}/api/\n`);
  logger.write('info', 'start', {
    msg: 'klarskjema receiver started',
    version: RECEIVER_VERSION,
    node: process.version,
    url: `${started.url}/api/`,
    metrics: started.metricsUrl ?? `${started.url}/metrics`,
    forms: started.receiver.forms.map((f) => `${f.id}@${f.version}`),
    storage: config.databaseUrl !== undefined ? 'postgresql' : 'sqlite',
    data_dir: config.dataDir,
    inbox: config.inboxConfig !== undefined,
    log_level: config.logLevel,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second signal: the operator does not want to wait.
      logger.write('warn', 'stop-forced', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.write('info', 'stopping', { msg: 'no new connections; finishing requests in flight', signal });
    started.close().then(
      () => {
        logger.write('info', 'stopped', { signal });
        process.exit(0);
      },
      (error: unknown) => {
        logger.write('error', 'stop-failed', { error: error instanceof Error ? error.name : 'unknown' });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  if (process.argv[2] === 'add-caseworker') process.exit(await addCaseworker(process.argv.slice(3)));
  const command = parseCommandLine(process.argv.slice(2), process.env);
  if (command.action === 'help') process.stdout.write(helpText());
  else if (command.action === 'version') process.stdout.write(`${RECEIVER_VERSION}\n`);
  else await run(command.config);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${COMMAND}: ${error.message.replace(/\.$/, '')}. See ${COMMAND} --help.\n`);
    process.exit(2);
  }
  process.stderr.write(`${COMMAND}: failed: ${error instanceof Error ? error.name : 'unknown error'}\n`);
  process.exit(1);
}

// `klarskjema-receiver add-caseworker --config <file> --username <name> --name <full name> --office <id>`: adds
// or replaces one account of the inbox. The password is asked for without echo on a terminal, or read as the
// first line of standard input (a script); never a flag, which would show in `ps` and the shell's history.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseInboxConfig, readInboxConfig, writeInboxConfig, InboxConfigError, type InboxConfig } from './config.ts';
import { hashPassword } from './password.ts';

const COMMAND = 'klarskjema-receiver add-caseworker';
/** NSM and NIST (SP 800-63B) ask for length, not for character classes. */
const MIN_PASSWORD_LENGTH = 12;

function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolvePromise, reject) => {
      let text = '';
      input.setEncoding('utf8');
      input.on('data', (chunk: string) => (text += chunk));
      input.on('end', () => resolvePromise(text.split(/\r?\n/)[0] ?? ''));
      input.on('error', reject);
    });
  }
  process.stderr.write('Passord: ');
  return new Promise((resolvePromise) => {
    let text = '';
    input.setRawMode(true);
    input.setEncoding('utf8');
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode(false);
          input.off('data', onData);
          input.pause();
          process.stderr.write('\n');
          resolvePromise(text);
          return;
        }
        if (char === '\u0003') process.exit(130);
        text = char === '\u007f' ? text.slice(0, -1) : text + char;
      }
    };
    input.on('data', onData);
  });
}

/** Exit code: 0 done, 2 a wrong flag or password, 1 the file could not be read or written. */
export async function addCaseworker(argv: readonly string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        office: { type: 'string' },
        'office-name': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    process.stderr.write(`${COMMAND}: ${error instanceof Error ? error.message : 'wrong flags'}\n`);
    return 2;
  }
  const missing = ['config', 'username', 'name', 'office'].filter((flag) => !values[flag]);
  if (missing.length) {
    process.stderr.write(`${COMMAND}: give ${missing.map((f) => `--${f}`).join(', ')}.\n`);
    return 2;
  }
  const file = resolve(values.config!);
  const username = values.username!.trim().toLowerCase();
  const office = values.office!;
  try {
    const current: InboxConfig = existsSync(file)
      ? await readInboxConfig(file)
      : { office, offices: {}, formOffices: {}, caseworkers: [] };
    const offices = { ...current.offices };
    if (values['office-name']) offices[office] = values['office-name'];
    else if (!offices[office]) offices[office] = office;
    const password = await readPassword();
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      process.stderr.write(`${COMMAND}: the password needs at least ${MIN_PASSWORD_LENGTH} characters.\n`);
      return 2;
    }
    const account = { username, name: values.name!.trim(), office, password: await hashPassword(password) };
    // Checked as the receiver will read it, before it is written.
    const next = parseInboxConfig({
      ...current,
      offices,
      caseworkers: [...current.caseworkers.filter((c) => c.username !== username), account],
    });
    await writeInboxConfig(file, next);
    process.stdout.write(`${COMMAND}: ${username} (${office}) is in ${file}. Restart the receiver to use it.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${COMMAND}: ${error instanceof Error ? error.message : 'failed'}\n`);
    return error instanceof InboxConfigError ? 2 : 1;
  }
}

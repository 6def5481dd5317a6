// The inbox's accounts: scrypt hashes with OWASP's parameters, the configuration file's checks, and
// `klarskjema-receiver add-caseworker`, which hashes the password it reads from standard input.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/node/paths.ts';
import { InboxConfigError, parseInboxConfig, readInboxConfig } from '../src/inbox/config.ts';
import { DEFAULT_COST, hashPassword, verifyPassword } from '../src/inbox/password.ts';
import {
  LOGIN_WINDOW_MS,
  LoginLimits,
  MAX_FAILURES_PER_ACCOUNT,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  Sessions,
} from '../src/inbox/sessions.ts';
import { builtForms, cleanUpChildren, startChildReceiver, stopChildReceiver } from './child-receiver.ts';
import { send } from './helpers.ts';
import { inboxConfig } from './inbox-helpers.ts';

const folders: string[] = [];
afterAll(async () => {
  await cleanUpChildren(folders);
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('passwords', () => {
  it('are hashed with scrypt N=2^17, r=8, p=1 and a random salt, and verified in constant time', async () => {
    expect(DEFAULT_COST).toEqual({ logN: 17, r: 8, p: 1 });
    const hash = await hashPassword('riktig hest batteri stift');
    expect(hash).toMatch(/^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await hashPassword('riktig hest batteri stift')).not.toBe(hash);
    expect(await verifyPassword('riktig hest batteri stift', hash)).toBe(true);
    expect(await verifyPassword('riktig hest batteri stifT', hash)).toBe(false);
    // No account: false, after the same work.
    expect(await verifyPassword('riktig hest batteri stift', null, hash)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$ln=30,r=8,p=1$AAAA$AAAA')).toBe(false);
  });
});

describe('the inbox configuration', () => {
  const valid = {
    office: 'oslo',
    offices: { oslo: 'NAV Oslo' },
    caseworkers: [{ username: 'kari', name: 'Kari', office: 'oslo', password: 'scrypt$ln=12,r=8,p=1$AAAA$AAAA' }],
  };

  it('names each mistake, and never a password', () => {
    expect(parseInboxConfig(valid)).toEqual({ ...valid, formOffices: {} });
    const mistakes: Array<[unknown, RegExp]> = [
      [{ ...valid, office: 'bergen' }, /"office" names no office/],
      [{ ...valid, offices: { 'Oslo Sentrum': 'x' } }, /office id "Oslo Sentrum"/],
      [{ ...valid, formOffices: { stotte: 'bergen' } }, /formOffices\["stotte"\]/],
      [{ ...valid, caseworkers: [{ ...valid.caseworkers[0], password: 'hemmelig123' }] }, /password is not a hash/],
      [{ ...valid, caseworkers: [valid.caseworkers[0], valid.caseworkers[0]] }, /"kari" is there twice/],
      [{ ...valid, caseworkers: [{ ...valid.caseworkers[0], office: 'bergen' }] }, /caseworkers\[0\]\.office/],
      [{ ...valid, oidc: { issuer: 'https://id.example' } }, /oidc\.clientId is missing/],
    ];
    for (const [value, message] of mistakes) {
      const error = (() => {
        try {
          parseInboxConfig(value);
          return null;
        } catch (caught) {
          return caught as Error;
        }
      })();
      expect(error, String(message)).toBeInstanceOf(InboxConfigError);
      expect(error!.message).toMatch(message);
      expect(error!.message).not.toContain('hemmelig123');
    }
  });
});

describe('klarskjema-receiver add-caseworker', () => {
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, ['packages/receiver/bin/klarskjema-receiver.js', 'add-caseworker', ...args], {
      cwd: packageRoot,
      input,
      encoding: 'utf8',
    });

  it('creates the file (0600) with a hashed password, adds and replaces accounts, and refuses a short password', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'klarskjema-accounts-'));
    folders.push(folder);
    const file = join(folder, 'inbox.json');
    const first = run(
      [
        '--config',
        file,
        '--username',
        'Kari',
        '--name',
        'Kari Saksbehandler',
        '--office',
        'oslo',
        '--office-name',
        'NAV Oslo',
      ],
      'en lang nok passfrase\n',
    );
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('en lang nok passfrase');
    const config = await readInboxConfig(file);
    expect(config.office).toBe('oslo');
    expect(config.offices).toEqual({ oslo: 'NAV Oslo' });
    expect(config.caseworkers.map((c) => c.username)).toEqual(['kari']);
    expect(await verifyPassword('en lang nok passfrase', config.caseworkers[0]!.password)).toBe(true);

    expect(run(['--config', file, '--username', 'per', '--name', 'Per', '--office', 'bergen'], 'kort\n').status).toBe(
      2,
    );
    expect(
      run(['--config', file, '--username', 'per', '--name', 'Per', '--office', 'bergen'], 'en annen lang passfrase\n')
        .status,
    ).toBe(0);
    expect(
      run(['--config', file, '--username', 'kari', '--name', 'Kari', '--office', 'oslo'], 'et nytt langt passord\n')
        .status,
    ).toBe(0);
    const after = await readInboxConfig(file);
    expect(after.caseworkers.map((c) => `${c.username}@${c.office}`)).toEqual(['per@bergen', 'kari@oslo']);
    expect(await verifyPassword('et nytt langt passord', after.caseworkers[1]!.password)).toBe(true);
    const missing = run(['--config', file, '--username', 'ola'], 'et nytt langt passord\n');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--name, --office');
    await writeFile(file, '{"offices": 3}');
    expect(
      run(['--config', file, '--username', 'ola', '--name', 'Ola', '--office', 'oslo'], 'x'.repeat(20)).status,
    ).toBe(2);
  });
});

describe('klarskjema-receiver --inbox-config', () => {
  it('serves the inbox from the file; a broken file stops the start with one line and exit code 1', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'klarskjema-inbox-cli-'));
    folders.push(folder);
    const formsDir = await builtForms(folders, 'klarskjema-inbox-cli-forms-');
    const file = join(folder, 'inbox.json');
    await writeFile(file, JSON.stringify(await inboxConfig()), { mode: 0o600 });
    const child = await startChildReceiver({
      dataDir: join(folder, 'data'),
      formsDir,
      env: { KLARSKJEMA_INBOX_CONFIG: file },
    });
    try {
      const page = await send(`${child.url}/saksbehandling/`, { method: 'GET' });
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe('/saksbehandling/logg-inn');
      expect((await send(`${child.url}/api/cases`, { method: 'GET' })).status).toBe(401);
    } finally {
      await stopChildReceiver(child);
    }
    const broken = join(folder, 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({
        office: 'oslo',
        offices: { oslo: 'NAV Oslo' },
        caseworkers: [{ username: 'kari', name: 'Kari', office: 'oslo', password: 'hemmelig-passord' }],
      }),
    );
    const refused = spawnSync(
      process.execPath,
      ['packages/receiver/bin/klarskjema-receiver.js', '--inbox-config', broken, '--port', '0'],
      {
        cwd: packageRoot,
        encoding: 'utf8',
        env: { ...process.env, KLARSKJEMA_DATA_DIR: join(folder, 'data'), KLARSKJEMA_FORMS_DIR: formsDir },
      },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'klarskjema-receiver: could not start: The inbox configuration: caseworkers[0].password is not a hash made by klarskjema-receiver add-caseworker.\n',
    );
  });
});

describe('sign-in limits and sessions, on an injected clock', () => {
  it('counts failures in a sliding 15-minute window per account and per address', () => {
    let at = Date.parse('2026-12-07T08:00:00Z');
    const limits = new LoginLimits(() => new Date(at));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(limits.retryAfterSeconds('kari', '10.0.0.1')).toBe(0);
      limits.failed('kari', '10.0.0.1');
      at += 60_000;
    }
    // The oldest of the five was 5 minutes ago: 10 minutes to wait.
    expect(limits.retryAfterSeconds('kari', '10.0.0.2')).toBe(10 * 60);
    expect(limits.retryAfterSeconds('per', '10.0.0.1')).toBe(0);
    at += 10 * 60_000;
    expect(limits.retryAfterSeconds('kari', '10.0.0.1')).toBe(0);
    limits.failed('kari', '10.0.0.1');
    limits.succeeded('kari');
    expect(limits.retryAfterSeconds('kari', '10.0.0.1')).toBe(0);
    expect(LOGIN_WINDOW_MS).toBe(15 * 60_000);
  });

  it('gives each sign-in a new random id, and ends a session idle for 30 minutes or 10 hours old', () => {
    let at = Date.parse('2026-12-07T08:00:00Z');
    const sessions = new Sessions(() => new Date(at));
    const kari = { id: 'kari', name: 'Kari', office: 'oslo' };
    const first = sessions.start(kari);
    const second = sessions.start(kari);
    expect(first.id).not.toBe(second.id);
    expect(first.session.csrfToken).not.toBe(second.session.csrfToken);
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.get('not-a-session')).toBeNull();
    at += SESSION_IDLE_MS;
    expect(sessions.get(first.id)?.caseworker).toEqual(kari);
    at += SESSION_IDLE_MS + 1;
    expect(sessions.get(first.id)).toBeNull();
    const third = sessions.start(kari);
    // Used every 20 minutes for 10 hours: alive; 20 minutes later it is past 10 hours in all.
    for (let step = 0; step < 30; step++) {
      at += 20 * 60_000;
      expect(sessions.get(third.id), `after ${(step + 1) * 20} minutes`).not.toBeNull();
    }
    at += 20 * 60_000;
    expect(sessions.get(third.id)).toBeNull();
    expect(SESSION_MAX_MS).toBe(10 * 60 * 60_000);
  });
});

// A catastrophic `pattern` must not freeze the receiver: validation runs in worker threads under a time
// budget; past it the worker is replaced and the sender gets 503 validation-timeout, while every other
// request is answered meanwhile. The test asserts the order of events, never a duration.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFormPackage } from '../../../src/node/load-package.ts';
import { packageRoot } from '../../../src/node/paths.ts';
import { createReceiver, openReceiver, startReceiver, type StartedReceiver } from '../src/receiver.ts';
import { createValidationPool } from '../src/validation-pool.ts';
import { buildMonsterForms, kontaktSubmission, openTestStore, postJson, send, testStoreOptions } from './helpers.ts';

let formsDir: string;
let dataDir: string;
let started: StartedReceiver;
const events: string[] = [];
let validating: () => void = () => {};

beforeAll(async () => {
  // Inside the checkout: its package.json makes the built validators ES modules for the workers too.
  await mkdir(join(packageRoot, '.tmp'), { recursive: true });
  formsDir = await mkdtemp(join(packageRoot, '.tmp', 'forms-'));
  dataDir = await mkdtemp(join(tmpdir(), 'klarskjema-receiver-'));
  await buildMonsterForms(formsDir);
  const packages = await Promise.all(
    ['kontakt', 'monster'].map(async (id) => ({
      formPackage: await loadFormPackage(join(formsDir, id)),
      dir: join(formsDir, id),
    })),
  );
  const pool = createValidationPool({ packages, onTimeout: () => events.push('worker replaced') });
  const receiver = createReceiver({
    forms: packages.map((p) => p.formPackage),
    store: (await openTestStore(dataDir)).store,
    dataDir,
    log: () => {},
    validator: {
      validate: (formPackage, value) => {
        events.push('validating');
        validating();
        return pool.validate(formPackage, value);
      },
      close: () => pool.close(),
    },
  });
  started = await startReceiver(receiver);
});
afterAll(async () => {
  await started?.close();
  await rm(formsDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('validation under a time budget', () => {
  it('answers other requests while a catastrophic pattern runs, then 503 validation-timeout; the next submission works', async () => {
    const monster = kontaktSubmission({ form: { id: 'monster', version: '1.0.0' } });
    monster.answers = { ...monster.answers, navn: `${'a'.repeat(29)}!` };
    const isValidating = new Promise<void>((resolvePromise) => {
      validating = resolvePromise;
    });
    const stuck = postJson(`${started.url}/api/forms/monster/submissions`, monster).then((response) => {
      events.push(`monster ${response.status}`);
      return response;
    });
    await isValidating;
    const health = await send(`${started.url}/api/health`, { method: 'GET' });
    events.push(`health ${health.status}`);
    const response = await stuck;
    expect(events).toEqual(['validating', 'health 200', 'worker replaced', 'monster 503']);
    expect(response.headers['retry-after']).toBe('30');
    expect((response.json as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('validation-timeout');

    // The replaced worker validates the next submissions, valid and invalid.
    const valid = await postJson(`${started.url}/api/forms/kontakt/submissions`, kontaktSubmission());
    expect(valid.status).toBe(201);
    const invalid = await postJson(`${started.url}/api/forms/kontakt/submissions`, kontaktSubmission({ locale: '??' }));
    expect(invalid.status).toBe(422);
    const short = kontaktSubmission({ form: { id: 'monster', version: '1.0.0' } });
    short.answers = { ...short.answers, navn: 'aaaa' };
    expect((await postJson(`${started.url}/api/forms/monster/submissions`, short)).status).toBe(201);
  });

  it('openReceiver validates in workers by default: its forms come from their folders', async () => {
    // The default budget (2 s): a 300 ms one could cut the ordinary kontakt validation on a loaded machine,
    // while the monster's pattern runs for many seconds (2^29 backtracking steps) on any machine.
    const opened = await openReceiver({
      ...(await testStoreOptions()),
      formsDir,
      dataDir: await mkdtemp(join(tmpdir(), 'klarskjema-receiver-')),
      log: () => {},
    });
    const server = await startReceiver(opened);
    try {
      const monster = kontaktSubmission({ form: { id: 'monster', version: '1.0.0' } });
      monster.answers = { ...monster.answers, navn: `${'a'.repeat(29)}!` };
      const response = await postJson(`${server.url}/api/forms/monster/submissions`, monster);
      expect(response.status).toBe(503);
      expect((await postJson(`${server.url}/api/forms/kontakt/submissions`, kontaktSubmission())).status).toBe(201);
    } finally {
      await server.close();
      await rm(opened.dataDir, { recursive: true, force: true });
    }
  });
});

// Logs and metrics, as an operator reads them: after a run through every route (tour.ts, with
// personal-looking data in bodies, paths, queries and file names), every log line is one JSON object
// with the documented fields and none of that data, and /metrics counts what happened in valid
// Prometheus text with closed label sets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { ROUTES } from '../src/receiver.ts';
import type { SubmissionStore } from '../src/store.ts';
import { kontaktSubmission, postJson, send, startTestReceiver, type TestReceiver } from './helpers.ts';
import { PERSONAL, tour, type TourStep } from './tour.ts';

const LOG_FIELDS = new Set([
  'time',
  'level',
  'event',
  'method',
  'route',
  'status',
  'duration_ms',
  'outcome',
  'codes',
  'store_error',
  'error',
  'form',
]);
const TEMPLATES = new Set<string>([...Object.keys(ROUTES), 'unmatched']);

/** Samples of the exposition text, checked line by line against the format (version 0.0.4). */
function parseExposition(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  expect(text.endsWith('\n')).toBe(true);
  const typed = new Map<string, string>();
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)$/.exec(line);
    if (type) {
      expect(typed.has(type[1]!), `TYPE ${type[1]} twice`).toBe(false);
      typed.set(type[1]!, type[2]!);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* \S.*$/.test(line)) continue;
    const sample =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*",?)*)\})? (-?[0-9.e+-]+|\+Inf|NaN)$/.exec(
        line,
      );
    expect(sample, `not a valid line: ${line}`).not.toBeNull();
    const [, name, labelText = '', value] = sample!;
    const family = name!.replace(/_(bucket|sum|count)$/, '');
    expect(typed.has(name!) || typed.get(family) === 'histogram', `${name} before its TYPE`).toBe(true);
    const labels = Object.fromEntries(
      [...labelText.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    samples.push({ name: name!, labels, value: value === '+Inf' ? Infinity : Number(value) });
  }
  return samples;
}

const sum = (samples: ReturnType<typeof parseExposition>, name: string, where: Record<string, string> = {}): number =>
  samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((n, s) => n + s.value, 0);

describe('logs and metrics after a run through every route', () => {
  let receiver: TestReceiver;
  let steps: TourStep[];
  beforeAll(async () => {
    receiver = await startTestReceiver({ receiver: { logLevel: 'debug' } });
    steps = await tour(receiver.url);
  }, 60_000);
  afterAll(async () => {
    await receiver?.stop();
  });

  it('logs one JSON object per request, with the route template and none of the data sent', () => {
    const requests = receiver.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.event === 'request');
    expect(requests).toHaveLength(steps.length);
    for (const line of receiver.logs) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(line.includes('\n')).toBe(false);
      if (entry.event !== 'request') continue;
      for (const key of Object.keys(entry)) expect(LOG_FIELDS, `unexpected field ${key} in ${line}`).toContain(key);
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
      expect(TEMPLATES, line).toContain(entry.route);
      expect(typeof entry.status).toBe('number');
      expect(typeof entry.duration_ms).toBe('number');
      expect(typeof entry.outcome).toBe('string');
      for (const secret of PERSONAL)
        expect(line.toLowerCase(), `${secret} in ${line}`).not.toContain(secret.toLowerCase());
      expect(line).not.toMatch(/\?|%20|\.pdf/);
    }
    // The outcomes an operator looks for.
    const outcomes = requests.map((e) => `${String(e.status)} ${String(e.outcome)}`);
    for (const expected of [
      '201 created',
      '200 replayed',
      '409 changed-body',
      '409 id-in-use',
      '415 unsupported-media-type',
      '413 too-large',
      '400 invalid-json',
      '404 unknown-form',
      '405 method-not-allowed',
      '201 issued',
      '403 upload-token',
      '400 name-in-url',
      '404 not-found',
    ]) {
      expect(outcomes, expected).toContain(expected);
    }
    const refused = requests.find((e) => e.outcome === 'unknown-key' || e.status === 422);
    expect(refused?.level).toBe('info');
  });

  it('counts requests, submissions, refusals and uploads in valid Prometheus text', async () => {
    const scraped = await send(`${receiver.url}/metrics`, { method: 'GET' });
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(scraped.headers['x-content-type-options']).toBe('nosniff');
    const samples = parseExposition(scraped.text);
    // Every request of the tour, this scrape not yet.
    expect(sum(samples, 'klarskjema_http_requests_total')).toBe(steps.length);
    expect(sum(samples, 'klarskjema_http_request_duration_seconds_count')).toBe(steps.length);
    expect(
      sum(samples, 'klarskjema_http_requests_total', {
        route: '/api/forms/{form}/submissions',
        method: 'POST',
        status: '201',
      }),
    ).toBe(2); // kontakt, and stotte with documents later (for the follow-up routes)
    expect(sum(samples, 'klarskjema_submissions_total', { form: 'kontakt', outcome: 'created' })).toBe(1);
    expect(sum(samples, 'klarskjema_submissions_total', { form: 'stotte', outcome: 'created' })).toBe(1);
    expect(sum(samples, 'klarskjema_submissions_total', { form: 'kontakt', outcome: 'replayed' })).toBe(1);
    expect(sum(samples, 'klarskjema_refusals_total', { reason: 'changed-body' })).toBe(1);
    expect(
      sum(samples, 'klarskjema_refusals_total', {
        reason: 'upload-token',
        route: '/api/forms/{form}/submissions/{id}/attachments',
      }),
    ).toBe(1);
    expect(sum(samples, 'klarskjema_uploads_total', { form: 'stotte', outcome: 'created' })).toBe(1);
    expect(sum(samples, 'klarskjema_uploads_total', { form: 'stotte', outcome: 'duplicate' })).toBe(1);
    expect(sum(samples, 'klarskjema_receiver_info')).toBe(1);
    // A histogram's buckets only grow, and +Inf holds every observation.
    const live = samples.filter(
      (s) =>
        s.name === 'klarskjema_http_request_duration_seconds_bucket' &&
        s.labels.route === '/api/live' &&
        s.labels.method === 'GET',
    );
    expect(live.map((s) => s.value)).toEqual([...live.map((s) => s.value)].sort((a, b) => a - b));
    expect(live.at(-1)).toMatchObject({ labels: { le: '+Inf' }, value: 1 });
    // Closed label sets: routes are templates, forms are loaded forms, nothing a sender wrote.
    for (const sample of samples) {
      if (sample.labels.route) expect(TEMPLATES).toContain(sample.labels.route);
      if (sample.labels.form) expect(receiver.receiver.forms.map((f) => f.id)).toContain(sample.labels.form);
    }
    for (const secret of PERSONAL) expect(scraped.text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('counts what the sweep deletes', async () => {
    await receiver.receiver.sweep(new Date(Date.now() + 7 * 24 * 3_600_000));
    const samples = parseExposition((await send(`${receiver.url}/metrics`, { method: 'GET' })).text);
    expect(sum(samples, 'klarskjema_sweep_deletions_total', { kind: 'uploads' })).toBe(1);
    expect(
      receiver.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === 'sweep'),
    ).toMatchObject({ level: 'info', deleted_uploads: 1 });
  });
});

describe('store errors', () => {
  it('are counted by code and logged as warnings with the code, never the message', async () => {
    const failing = await startTestReceiver({
      store: (): SubmissionStore => ({
        kind: 'broken',
        saveSubmission: () =>
          Promise.reject(Object.assign(new Error('disk full at /srv/Kari Nordmann'), { code: 'ENOSPC' })),
        saveAttachment: () => Promise.reject(new Error('nope')),
        findSubmission: () => Promise.reject(new Error('nope')),
        uploadsOf: () => Promise.resolve([]),
        deleteUnsubmittedUploads: () => Promise.resolve([]),
        ping: () => Promise.resolve(),
        probeWrite: () => Promise.reject(Object.assign(new Error('nope'), { code: 'SQLITE_FULL' })),
        close: () => Promise.resolve(),
      }),
    });
    try {
      expect((await postJson(`${failing.url}/api/forms/kontakt/submissions`, kontaktSubmission())).status).toBe(503);
      expect((await send(`${failing.url}/api/health`, { method: 'GET' })).status).toBe(503);
      const line = JSON.parse(
        failing.logs.find((l) => l.includes('"status":503') && l.includes('submissions'))!,
      ) as Record<string, unknown>;
      expect(line).toMatchObject({ level: 'warn', outcome: 'storage-unavailable', store_error: 'ENOSPC' });
      expect(JSON.stringify(failing.logs)).not.toMatch(/disk full|Kari/);
      const samples = parseExposition((await send(`${failing.url}/metrics`, { method: 'GET' })).text);
      expect(sum(samples, 'klarskjema_store_errors_total', { code: 'ENOSPC' })).toBe(1);
      expect(sum(samples, 'klarskjema_store_errors_total', { code: 'SQLITE_FULL' })).toBe(1);
      expect(sum(samples, 'klarskjema_submissions_total')).toBe(0);
    } finally {
      await failing.close();
    }
  });
});

describe('metrics on a port of their own', () => {
  it('serves /metrics there and not beside the API', async () => {
    const separate = await startTestReceiver({ server: { metricsPort: 0 } });
    try {
      expect(separate.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect((await send(`${separate.url}/metrics`, { method: 'GET' })).status).toBe(404);
      const scraped = await send(separate.metricsUrl!, { method: 'GET' });
      expect(scraped.status).toBe(200);
      expect(
        sum(parseExposition(scraped.text), 'klarskjema_http_requests_total', { route: 'unmatched', status: '404' }),
      ).toBe(1);
      expect((await send(separate.metricsUrl!.replace('/metrics', '/api/live'), { method: 'GET' })).status).toBe(404);
    } finally {
      await separate.stop();
    }
  });
});

describe('log levels', () => {
  it('writes a line at or above the level, and nothing when silent', () => {
    const lines: string[] = [];
    const at = (level: 'debug' | 'info' | 'warn' | 'error' | 'silent'): number => {
      lines.length = 0;
      const logger = createLogger({ level, sink: (l) => lines.push(l), now: () => new Date('2026-12-01T12:00:00Z') });
      for (const severity of ['debug', 'info', 'warn', 'error'] as const) logger.write(severity, 'x');
      return lines.length;
    };
    expect([at('debug'), at('info'), at('warn'), at('error'), at('silent')]).toEqual([4, 3, 2, 1, 0]);
    at('debug');
    expect(JSON.parse(lines[0]!)).toEqual({ time: '2026-12-01T12:00:00.000Z', level: 'debug', event: 'x' });
  });

  it('keeps successful probes and scrapes at debug, so info is traffic', async () => {
    const quiet = await startTestReceiver({ receiver: { logLevel: 'info' } });
    try {
      await send(`${quiet.url}/api/live`, { method: 'GET' });
      await send(`${quiet.url}/api/health`, { method: 'GET' });
      await send(`${quiet.url}/metrics`, { method: 'GET' });
      await send(`${quiet.url}/api/forms/kontakt/submissions/none-such-1`, { method: 'GET' });
      expect(quiet.logs.map((l) => (JSON.parse(l) as { route: string }).route)).toEqual([
        '/api/forms/{form}/submissions/{id}',
      ]);
    } finally {
      await quiet.stop();
    }
  });
});

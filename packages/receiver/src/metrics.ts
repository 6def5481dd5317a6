// Metrics in the Prometheus text exposition format (version 0.0.4), written by hand: a few counters and
// one histogram need no library, and the receiver keeps its dependencies to what it must have
// (docs/decisions/0014-receiver-operations.md). Every label value comes from a closed set (route
// templates, methods, status codes, error codes, store error codes, form ids the receiver loaded), so
// no request can grow the number of series, and no label ever holds a path, a name or an answer.

/** Latency buckets in seconds: a submission takes milliseconds, validation may take up to its 2 s
 *  budget, and an upload on a slow line up to the 120 s request timeout. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120,
];

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Readonly<Record<string, string>>;

/** One request as handle() saw it: the route's template, never its path. */
export interface RequestObservation {
  method: string;
  /** "/api/forms/{form}/submissions", …, or "unmatched". */
  route: string;
  status: number;
  durationSeconds: number;
  /** created, replayed, found, issued, duplicate, ok, live, … for answers that are not refusals. */
  outcome: string;
  /** The first error code of a refusal (4xx, or a 503 the request itself caused). */
  refusal?: string;
  /** The code of a storage failure (SQLITE_FULL, ENOSPC, …). */
  storeError?: string;
  /** The form of a stored submission or upload (only forms the receiver loaded). */
  form?: string;
}

export interface SweepObservation {
  /** Uploads whose submission never came (row and file). */
  uploads?: number;
  /** .part files of receivers that are no longer running. */
  parts?: number;
  /** Attachment files without a row. */
  orphans?: number;
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels): string => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
};
const number = (value: number): string =>
  Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';

class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  add(labels: Labels, by = 1): void {
    const key = labelText(labels);
    const current = this.#values.get(key);
    if (current) current.value += by;
    else this.#values.set(key, { labels, value: by });
  }
  value(labels: Labels): number {
    return this.#values.get(labelText(labels))?.value ?? 0;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.#values.values())
      lines.push(`${this.name}${labelText(labels)} ${number(value)}`);
    return lines;
  }
}

class Histogram {
  readonly #series = new Map<string, { labels: Labels; buckets: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let series = this.#series.get(key);
    if (!series) {
      series = { labels, buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    for (let i = 0; i < this.bounds.length; i += 1) if (value <= this.bounds[i]!) series.buckets[i]! += 1;
    series.sum += value;
    series.count += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, buckets, sum, count } of this.#series.values()) {
      this.bounds.forEach((bound, i) =>
        lines.push(`${this.name}_bucket${labelText({ ...labels, le: number(bound) })} ${buckets[i]!}`),
      );
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${number(sum)}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

/** The metrics of one receiver (no global registry: two receivers in one process count apart). */
export class ReceiverMetrics {
  readonly requests = new Counter(
    'klarskjema_http_requests_total',
    'HTTP requests answered, by method, route template and status.',
  );
  readonly latency = new Histogram(
    'klarskjema_http_request_duration_seconds',
    'Time from a request to its answer, by method and route template.',
    LATENCY_BUCKETS_SECONDS,
  );
  readonly submissions = new Counter(
    'klarskjema_submissions_total',
    'Submissions acknowledged: created (stored now) or replayed (stored before, same body).',
  );
  readonly refusals = new Counter(
    'klarskjema_refusals_total',
    'Requests refused, by route template and reason (the first error code of the answer).',
  );
  readonly storeErrors = new Counter(
    'klarskjema_store_errors_total',
    'Storage failures (answered 503 storage-unavailable, or a failed readiness probe), by code.',
  );
  readonly uploads = new Counter(
    'klarskjema_uploads_total',
    'Uploaded files acknowledged: created (stored now) or duplicate (same bytes stored before).',
  );
  readonly sweepDeletions = new Counter(
    'klarskjema_sweep_deletions_total',
    'Files deleted by the sweep: uploads whose submission never came, .part files and orphan files after a crash.',
  );
  readonly #startedAt: number;
  readonly #version: string;

  constructor(options: { version?: string; startedAt?: Date } = {}) {
    this.#startedAt = (options.startedAt ?? new Date()).getTime() / 1000;
    this.#version = options.version ?? 'unknown';
  }

  observeRequest(o: RequestObservation): void {
    this.requests.add({ method: o.method, route: o.route, status: String(o.status) });
    this.latency.observe({ method: o.method, route: o.route }, o.durationSeconds);
    if (o.refusal) this.refusals.add({ route: o.route, reason: o.refusal });
    if (o.storeError) this.storeErrors.add({ code: o.storeError });
    if (o.route === '/api/forms/{form}/submissions' && (o.outcome === 'created' || o.outcome === 'replayed')) {
      this.submissions.add({ form: o.form ?? '', outcome: o.outcome });
    }
    if (
      o.route === '/api/forms/{form}/submissions/{id}/attachments' &&
      (o.outcome === 'created' || o.outcome === 'duplicate')
    ) {
      this.uploads.add({ form: o.form ?? '', outcome: o.outcome });
    }
  }

  observeStoreError(code: string): void {
    this.storeErrors.add({ code });
  }

  observeSweep(report: SweepObservation): void {
    for (const kind of ['uploads', 'parts', 'orphans'] as const) {
      const n = report[kind] ?? 0;
      if (n > 0) this.sweepDeletions.add({ kind }, n);
    }
  }

  /** The exposition text. */
  render(): string {
    const lines = [
      "# HELP klarskjema_receiver_info The receiver's version (always 1).",
      '# TYPE klarskjema_receiver_info gauge',
      `klarskjema_receiver_info${labelText({ version: this.#version })} 1`,
      '# HELP klarskjema_receiver_start_time_seconds When the receiver started, in Unix seconds.',
      '# TYPE klarskjema_receiver_start_time_seconds gauge',
      `klarskjema_receiver_start_time_seconds ${number(this.#startedAt)}`,
      ...this.requests.render(),
      ...this.latency.render(),
      ...this.submissions.render(),
      ...this.refusals.render(),
      ...this.storeErrors.render(),
      ...this.uploads.render(),
      ...this.sweepDeletions.render(),
    ];
    return `${lines.join('\n')}\n`;
  }
}

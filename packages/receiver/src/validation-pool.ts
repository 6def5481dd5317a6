// Validation under a time budget. A form's `pattern` runs as a JavaScript regular expression, and one with
// catastrophic backtracking (`^(a+)+$`) can take seconds or hours on a short answer; run on the event
// loop, it stops every other request. So the receiver validates in worker threads: each loads the same
// form packages from their folders; a job past its budget has its worker terminated (the only way to
// stop a running regular expression) and replaced, and the request gets ValidationTimeout (503).
//
// The inline validator keeps the old behaviour, for callers that pass in-memory form packages (tests,
// the browser tests' receiver) and accept having no budget.
import { Worker } from 'node:worker_threads';
import type { FormPackage } from '../../../src/engine/form-package.ts';
import { MAX_QUEUED_VALIDATIONS, VALIDATION_BUDGET_MS, VALIDATION_WORKERS } from './limits.ts';
import type { JsonValue } from './safe-json.ts';
import { validateSubmission, type SubmissionValidation } from './validate-submission.ts';
import type { ValidationJob, WorkerMessage } from './validation-worker.ts';

export interface SubmissionValidator {
  /** Rejects with ValidationTimeout past the budget, ValidationBusy when too many wait. */
  validate(formPackage: FormPackage, value: JsonValue, now?: Date): Promise<SubmissionValidation>;
  close(): Promise<void>;
}

/** A validation took longer than its budget; its worker was replaced. */
export class ValidationTimeout extends Error {}
/** Too many validations wait for a worker. */
export class ValidationBusy extends Error {}

/** Validates on the calling thread, with no budget. */
export function inlineValidator(): SubmissionValidator {
  return {
    validate: async (formPackage, value, now) => validateSubmission(formPackage, value, now ? { now: () => now } : {}),
    close: async () => {},
  };
}

export interface ValidationPoolOptions {
  /** The form packages with the folders they were loaded from. */
  packages: ReadonlyArray<{ formPackage: FormPackage; dir: string }>;
  /** Default VALIDATION_WORKERS. */
  workers?: number;
  /** Default VALIDATION_BUDGET_MS. */
  budgetMs?: number;
  /** Default MAX_QUEUED_VALIDATIONS. */
  maxQueued?: number;
  /** Told when a worker is terminated for running past the budget (for tests and logs). */
  onTimeout?: () => void;
}

interface Pending {
  job: number;
  dir: string;
  value: JsonValue;
  now: number | undefined;
  resolve: (result: SubmissionValidation) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: (Pending & { timer: NodeJS.Timeout }) | null;
}

const WORKER_URL = new URL('./validation-worker.mjs', import.meta.url);
const MAX_START_FAILURES = 3;

export function createValidationPool(options: ValidationPoolOptions): SubmissionValidator {
  const budgetMs = options.budgetMs ?? VALIDATION_BUDGET_MS;
  const maxQueued = options.maxQueued ?? MAX_QUEUED_VALIDATIONS;
  const dirOf = new Map(options.packages.map((p) => [p.formPackage, p.dir]));
  const dirs = [...new Set(dirOf.values())];
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let nextJob = 1;
  let closed = false;
  /** Workers in a row that died before they were ready: past MAX_START_FAILURES the pool gives up. */
  let startFailures = 0;

  const spawn = (): void => {
    const slot: Slot = { worker: new Worker(WORKER_URL, { workerData: { dirs } }), ready: false, current: null };
    // A pool waiting for work must not keep the process alive.
    slot.worker.unref();
    slots.add(slot);
    slot.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        startFailures = 0;
      } else if (slot.current && slot.current.job === message.job) {
        clearTimeout(slot.current.timer);
        slot.current.resolve(message.result);
        slot.current = null;
      }
      dispatch();
    });
    slot.worker.on('error', (error) => retire(slot, error));
    slot.worker.on('exit', () => retire(slot, new Error('A validation worker stopped.')));
  };

  /** Takes a worker out of the pool, fails its job, and starts another in its place. */
  const retire = (slot: Slot, error: Error): void => {
    if (!slots.delete(slot)) return;
    if (slot.current) {
      clearTimeout(slot.current.timer);
      slot.current.reject(error);
      slot.current = null;
    }
    void slot.worker.terminate();
    if (!slot.ready) startFailures += 1;
    if (closed) return;
    if (startFailures < MAX_START_FAILURES) spawn();
    // Workers that cannot even start must not leave requests waiting for ever.
    if (!slot.ready) for (const waiting of queue.splice(0)) waiting.reject(error);
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      if (!slot.ready || slot.current) continue;
      const next = queue.shift();
      if (!next) return;
      // The budget starts when a worker takes the job, not while it waits in the queue.
      const timer = setTimeout(() => {
        options.onTimeout?.();
        retire(slot, new ValidationTimeout('The validation ran past its budget.'));
      }, budgetMs);
      slot.current = { ...next, timer };
      slot.worker.postMessage({
        job: next.job,
        dir: next.dir,
        value: next.value,
        now: next.now,
      } satisfies ValidationJob);
    }
  };

  for (let i = 0; i < (options.workers ?? VALIDATION_WORKERS); i++) spawn();

  return {
    validate(formPackage, value, now) {
      const dir = dirOf.get(formPackage);
      // A package the pool was not given (none today) is checked here, as before.
      if (dir === undefined)
        return Promise.resolve(validateSubmission(formPackage, value, now ? { now: () => now } : {}));
      if (closed || slots.size === 0)
        return Promise.reject(new Error('The validation pool is closed or its workers cannot start.'));
      if (queue.length >= maxQueued) return Promise.reject(new ValidationBusy('Too many validations wait.'));
      return new Promise((resolve, reject) => {
        queue.push({ job: nextJob++, dir, value, now: now?.getTime(), resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new Error('The validation pool is closed.'));
      const all = [...slots];
      slots.clear();
      for (const slot of all) {
        if (slot.current) {
          clearTimeout(slot.current.timer);
          slot.current.reject(new Error('The validation pool is closed.'));
        }
      }
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}

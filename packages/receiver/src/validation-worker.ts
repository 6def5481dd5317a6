// A validation worker (validation-pool.ts): loads the form packages it is given once, says it is ready,
// then validates one parsed body at a time. The pool terminates it when one takes past the budget.
import { parentPort, workerData } from 'node:worker_threads';
import type { FormPackage } from '../../../src/engine/form-package.ts';
import { loadFormPackage } from '../../../src/node/load-package.ts';
import type { JsonValue } from './safe-json.ts';
import { validateSubmission, type SubmissionValidation } from './validate-submission.ts';

/** `now`: the receiver's clock (ms), for the bounds of submittedAt and startedAt. */
export interface ValidationJob {
  job: number;
  dir: string;
  value: JsonValue;
  now: number | undefined;
}
export type WorkerMessage = { ready: true } | { job: number; result: SubmissionValidation };

const port = parentPort!;
const packages = new Map<string, FormPackage>();
for (const dir of (workerData as { dirs: string[] }).dirs) packages.set(dir, await loadFormPackage(dir));
port.on('message', ({ job, dir, value, now }: ValidationJob) => {
  const formPackage = packages.get(dir);
  const result: SubmissionValidation = formPackage
    ? validateSubmission(formPackage, value, now === undefined ? {} : { now: () => new Date(now) })
    : { ok: false, errors: [{ pointer: '', code: 'internal', message: 'The worker has no such form package.' }] };
  port.postMessage({ job, result } satisfies WorkerMessage);
});
port.postMessage({ ready: true } satisfies WorkerMessage);

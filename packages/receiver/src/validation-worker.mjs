// Starts validation-worker.ts in a worker thread: the receiver is TypeScript run through tsx, and a
// worker does not inherit the loader of the thread that made it (under vitest or tsImport).
import { register } from 'tsx/esm/api';

register();
await import('./validation-worker.ts');

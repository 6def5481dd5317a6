// The receiver on its own: `npx tsx packages/receiver/src/main.ts`. Environment: RECEIVER_PORT (default 8081; 0
// for any free port), RECEIVER_HOST (default 127.0.0.1), KLARSKJEMA_DATA_DIR (default data/),
// KLARSKJEMA_FORMS_DIR (default build/forms/), KLARSKJEMA_SQLITE_MAX_PAGES (SQLite's max_page_count,
// pages of 4 KiB: a test and ops knob that makes the store fill up like a small disk; default none).
// The first line printed starts with "klarskjema receiver: <url>/api/", so a supervisor (or a test)
// can read the port. `npm start` instead serves it beside the demo, on the demo's origin.
import { openReceiver, startReceiver } from './receiver.ts';

try {
  const receiver = await openReceiver({ ...(process.env.KLARSKJEMA_FORMS_DIR ? { formsDir: process.env.KLARSKJEMA_FORMS_DIR } : {}) });
  const started = await startReceiver(receiver, { port: Number(process.env.RECEIVER_PORT ?? 8081), host: process.env.RECEIVER_HOST ?? '127.0.0.1' });
  console.log(`klarskjema receiver: ${started.url}/api/ (forms: ${receiver.forms.map((f) => `${f.id}@${f.version}`).join(', ')}; data: ${receiver.databaseFile})`);
  const stop = (): void => { void started.close().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`klarskjema receiver: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// The receiver on its own: `npx tsx src/server/main.ts`. Environment: RECEIVER_PORT (default 8081),
// RECEIVER_HOST (default 127.0.0.1), KLARSKJEMA_DATA_DIR (default data/), KLARSKJEMA_FORMS_DIR
// (default build/forms/). `npm start` instead serves it beside the demo, on the demo's origin.
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

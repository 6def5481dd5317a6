// Browser tests talk to a real receiver (packages/receiver/src/receiver.ts, SQLite) on the test server's own origin,
// at /api/, with its data under .tmp/. A test can stop and start it, or make it lose one answer, with the
// server command `klar-receiver` (executeServerCommand from @web/test-runner-commands), and count what it
// stored. /test-drafts/<key> is a host's draft endpoint for the server draft store (GET, PUT, DELETE),
// in memory. Test-only: nothing under src/ or components/ imports this.
import Database from 'better-sqlite3';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = `${root}.tmp/wtr-receiver-${process.pid}`;

export function receiverForTests() {
  /** @type {Promise<any> | null} */
  let opening = null;
  /** 'up', 'down' (every request's connection is cut, as when the receiver is stopped) or 'lose' (the next
   *  submission is stored but its answer never arrives). */
  let mode = 'up';
  let refusedWhileDown = 0;
  /** A canned answer for the next submission, in the receiver's format: for refusals no valid widget provokes. */
  let nextAnswer = null;
  const drafts = new Map();
  let draftsFail = false;

  const open = () => {
    opening ??= (async () => {
      const { tsImport } = await import('tsx/esm/api');
      const { createReceiver } = await tsImport('../../packages/receiver/src/receiver.ts', import.meta.url);
      const { loadFormPackage } = await tsImport('../../src/node/load-package.ts', import.meta.url);
      const { SqliteSubmissionStore, SQLITE_FILE_NAME } = await tsImport(
        '../../packages/receiver/src/sqlite-store.ts',
        import.meta.url,
      );
      // The example forms the tests send; not every built form, so one half-built package cannot stop the tests.
      const forms = await Promise.all(['kontakt', 'stotte'].map((id) => loadFormPackage(`${root}build/forms/${id}`)));
      await mkdir(dataDir, { recursive: true });
      const databaseFile = `${dataDir}/${SQLITE_FILE_NAME}`;
      const receiver = createReceiver({
        forms,
        store: new SqliteSubmissionStore(databaseFile),
        dataDir,
        log: () => {},
      });
      return { ...receiver, databaseFile };
    })();
    return opening;
  };
  const close = async () => {
    const receiver = await opening?.catch(() => null);
    opening = null;
    await receiver?.close();
  };

  const readBody = (req) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  /** @type {import('koa').Middleware} */
  const middleware = async (ctx, next) => {
    if (ctx.path.startsWith('/test-drafts/')) {
      ctx.set('Cache-Control', 'no-store');
      if (draftsFail) {
        ctx.status = 503;
        return;
      }
      const key = ctx.path;
      if (ctx.method === 'GET') {
        if (drafts.has(key)) {
          ctx.type = 'application/json';
          ctx.body = drafts.get(key);
        } else ctx.status = 204;
      } else if (ctx.method === 'PUT') {
        drafts.set(key, await readBody(ctx.req));
        ctx.status = 204;
      } else if (ctx.method === 'DELETE') {
        drafts.delete(key);
        ctx.status = 204;
      } else ctx.status = 405;
      return;
    }
    if (!ctx.path.startsWith('/api/')) return next();
    // Answered raw by the receiver below; the status is only for the test runner's log of 404s.
    ctx.status = 200;
    ctx.respond = false;
    if (mode === 'down') {
      refusedWhileDown += 1;
      ctx.req.socket.destroy();
      return;
    }
    if (nextAnswer && ctx.method === 'POST' && ctx.path.endsWith('/submissions')) {
      const { status, body } = nextAnswer;
      nextAnswer = null;
      await readBody(ctx.req);
      ctx.res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      return;
    }
    const receiver = await open();
    if (mode === 'lose' && ctx.method === 'POST' && ctx.path.endsWith('/submissions')) {
      mode = 'up';
      // Stored, but the answer is lost on the way: the widget must send again and get the same reference.
      ctx.res.end = () => ctx.res.socket?.destroy();
    }
    await receiver.handle(ctx.req, ctx.res);
  };

  /** @type {import('@web/test-runner').TestRunnerPlugin} */
  const plugin = {
    name: 'klar-receiver',
    async serverStart() {
      await rm(dataDir, { recursive: true, force: true });
    },
    async serverStop() {
      await close();
      await rm(dataDir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command === 'klar-drafts') {
        if (payload?.action === 'fail') draftsFail = true;
        if (payload?.action === 'ok') draftsFail = false;
        if (payload?.action === 'clear') drafts.clear();
        return { keys: [...drafts.keys()] };
      }
      if (command === 'klar-validate') {
        // The receiver's verdict on one body, by the form package the tests built (for rules the widget also runs).
        const { tsImport } = await import('tsx/esm/api');
        const { validateSubmission } = await tsImport(
          '../../packages/receiver/src/validate-submission.ts',
          import.meta.url,
        );
        const { loadFormPackage } = await tsImport('../../src/node/load-package.ts', import.meta.url);
        const formPackage = await loadFormPackage(`${root}build/forms/${payload.form}`);
        return validateSubmission(formPackage, payload.body, { now: () => new Date(payload.now) });
      }
      if (command !== 'klar-receiver') return undefined;
      switch (payload?.action) {
        case 'stop':
          mode = 'down';
          refusedWhileDown = 0;
          await close();
          return { mode };
        case 'start':
          mode = 'up';
          await open();
          return { mode, refusedWhileDown };
        case 'lose-next-answer':
          mode = 'lose';
          return { mode };
        case 'answer-next':
          nextAnswer = { status: payload.status, body: payload.body };
          return { mode };
        case 'submissions': {
          const receiver = await open();
          const db = new Database(receiver.databaseFile, { readonly: true, fileMustExist: true });
          try {
            const rows = db.prepare('SELECT reference FROM submissions WHERE idempotency_key = ?').all(payload.id);
            const files = db
              .prepare('SELECT document_id AS document, media_type AS type FROM attachments WHERE submission_id = ?')
              .all(payload.id);
            return { references: rows.map((r) => r.reference), files };
          } finally {
            db.close();
          }
        }
        default:
          throw new Error(`klar-receiver: unknown action ${payload?.action}`);
      }
    },
  };

  return { middleware, plugin };
}

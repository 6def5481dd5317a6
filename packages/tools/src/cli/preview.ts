// `klarskjema preview FORM`: the form in the widget on a small local server (127.0.0.1 only), with what
// `check` and `lint` say about it beside it. When the definition or one of its text files changes, it checks,
// lints and builds again and the page reloads itself (server-sent events; no script of the author's runs).
import { createReadStream, existsSync, watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFormPackage } from '../build/build.ts';
import { checkFormFile, displayPath, findLocalesDir } from '../check/file.ts';
import { UsageError, type CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import type { CliTexts } from './texts.ts';

/** The widget's own policy for its standalone build (docs/decisions/0015-builds.md). */
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types klarskjema";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const DEFAULT_PORT = 5170;

/** Reloads the page when the server says the form changed; no other script runs on the page. */
const PAGE_SCRIPT = `new EventSource('/events').addEventListener('change', () => location.reload());\n`;
const PAGE_STYLE = `body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a}
.preview{display:grid;grid-template-columns:minmax(0,2fr) minmax(18rem,1fr);gap:2rem;padding:1.5rem}
@media (max-width:60rem){.preview{grid-template-columns:1fr}}
.findings pre{white-space:pre-wrap;font-size:.875rem;background:#f3f3f3;padding:.75rem;border-radius:4px}
h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
`;

/** The standalone widget build to show the form in: the repository's build, or the installed klarskjema package. */
function findWidget(cwd: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates: string[] = [];
  for (const start of [cwd, here]) {
    let dir = start;
    for (;;) {
      candidates.push(join(dir, 'build/widget'), join(dir, 'cdn'), join(dir, 'node_modules/klarskjema/cdn'));
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return candidates.find((dir) => existsSync(join(dir, 'klarskjema.js')));
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A file inside folder, or undefined for anything that would leave it or names a dot file. */
function inside(folder: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter(Boolean);
  if (path.includes('\0') || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return undefined;
  const file = resolve(folder, ...segments);
  return file.startsWith(folder + sep) ? file : undefined;
}

interface State {
  /** Bumped on every rebuild; the page's events say it. */
  round: number;
  check: string;
  lint: string;
  built: boolean;
}

export interface Preview {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the preview of one form file and resolves once it listens. `run` is the CLI itself, so the
 * findings are exactly what `klarskjema check FORM` and `klarskjema lint FORM` print.
 */
export async function startPreview(
  args: CliArgs,
  texts: CliTexts,
  io: CliIo,
  run: (argv: string[], io: CliIo) => Promise<number>,
): Promise<Preview> {
  const formFile = resolve(io.cwd, args.paths[0]!);
  if (!existsSync(formFile) || !(await stat(formFile)).isFile())
    throw new UsageError('noFormFile', { file: args.paths[0]! });
  const localesDir =
    args.locales !== undefined
      ? resolve(io.cwd, args.locales)
      : (findLocalesDir(formFile) ?? resolve(io.cwd, 'locales'));
  const outDir = await mkdtemp(join(tmpdir(), 'klarskjema-preview-'));
  const widget = findWidget(io.cwd);
  const state: State = { round: 0, check: '', lint: '', built: false };
  let formId = basename(formFile, '.json');
  const listeners = new Set<ServerResponse>();

  const capture = async (argv: string[]): Promise<string> => {
    let out = '';
    await run([...argv, '--lang', args.lang], { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: io.cwd });
    return out.trim();
  };
  // Each round is built into a folder of its own and shown only when whole: a page asked for while a round
  // runs shows the last one, never half of each.
  /** What a round reads: the form file and the form's texts in every locale. */
  const sources = async (): Promise<string> => {
    const locales = existsSync(localesDir) ? await readdir(localesDir) : [];
    const files = [formFile, ...locales.map((locale) => join(localesDir, locale, `${formId}.json`))];
    return (await Promise.all(files.map((file) => readFile(file, 'utf8').catch(() => '')))).join('\0');
  };
  const refresh = async (): Promise<void> => {
    const round = state.round + 1;
    const before = await sources();
    const locales = ['--locales', localesDir];
    const check = await capture(['check', formFile, ...locales]);
    const lint = await capture(['lint', formFile, ...locales]);
    const report = await checkFormFile(formFile, { cwd: io.cwd, localesDir });
    const built = report.definition !== undefined && report.findings.length === 0;
    if (built) await buildFormPackage(report.definition!, { outDir: join(outDir, String(round)), localesDir });
    // Saved again while this round ran: check, lint and build may each have read another version. The watcher
    // has queued a round for that save, which shows it whole.
    if ((await sources()) !== before)
      return void (await rm(join(outDir, String(round)), { recursive: true, force: true }));
    const previous = state.round;
    if (built) formId = report.definition!.id;
    Object.assign(state, { round, check, lint, built });
    await rm(join(outDir, String(previous)), { recursive: true, force: true });
    for (const response of listeners) response.write(`event: change\ndata: ${round}\n\n`);
  };
  // The first round is shown even if a save came during it (no watcher yet would queue the next).
  for (let tries = 0; tries < 3 && state.round === 0; tries++) await refresh();

  const page = (): string => {
    const { t } = texts;
    const form = state.built
      ? widget
        ? `<klar-skjema form="/form/${escapeHtml(formId)}/" lang="nb"></klar-skjema>`
        : `<p>${escapeHtml(t('preview.noWidget'))}</p>`
      : `<p>${escapeHtml(t('preview.notBuilt'))}</p>`;
    return `<!doctype html>
<html lang="nb">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(t('preview.title', { form: formId }))}</title>
  <link rel="stylesheet" href="/preview.css">
  ${widget ? '<script type="module" src="/widget/klarskjema.js"></script>' : ''}
  <script type="module" src="/preview.js"></script>
</head>
<body>
  <div class="preview" data-round="${state.round}">
    <main>
      <h1>${escapeHtml(t('preview.title', { form: formId }))}</h1>
      ${form}
    </main>
    <aside class="findings" aria-label="${escapeHtml(t('preview.findings'))}">
      <h2 id="check">klarskjema check</h2>
      <pre aria-labelledby="check">${escapeHtml(state.check)}</pre>
      <h2 id="lint">klarskjema lint</h2>
      <pre aria-labelledby="lint">${escapeHtml(state.lint)}</pre>
    </aside>
  </div>
</body>
</html>
`;
  };

  const sendFile = async (response: ServerResponse, file: string | undefined): Promise<void> => {
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    response.setHeader('Content-Security-Policy', POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'GET') {
      response.writeHead(405, { Allow: 'GET' }).end();
      return;
    }
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(page());
    } else if (path === '/preview.js') {
      response.writeHead(200, { 'Content-Type': TYPES['.js'] }).end(PAGE_SCRIPT);
    } else if (path === '/preview.css') {
      response.writeHead(200, { 'Content-Type': TYPES['.css'] }).end(PAGE_STYLE);
    } else if (path === '/favicon.ico') {
      response.writeHead(204).end(); // the browser asks; nothing to show
    } else if (path === '/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      response.write(`event: ready\ndata: ${state.round}\n\n`);
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
    } else if (path.startsWith('/form/')) {
      await sendFile(response, inside(join(outDir, String(state.round)), path.slice('/form/'.length)));
    } else if (path.startsWith('/widget/') && widget) {
      await sendFile(response, inside(widget, path.slice('/widget/'.length)));
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  };

  // Editors save by writing a new file and renaming it, so the folders are watched, not the files.
  let pending: Promise<void> = Promise.resolve();
  let queued = false;
  const changed = () => {
    if (queued) return;
    queued = true;
    pending = pending.then(async () => {
      queued = false;
      await refresh().catch((error: unknown) => {
        io.stderr(`klarskjema: ${texts.t('errors.unexpected', { message: String(error) })}\n`);
      });
    });
  };
  const watchers: FSWatcher[] = [];
  const formName = basename(formFile);
  watchers.push(watch(dirname(formFile), (_, name) => (name === formName ? changed() : undefined)));
  if (existsSync(localesDir)) {
    watchers.push(
      watch(localesDir, { recursive: true }, (_, name) =>
        name && basename(name) === `${formId}.json` ? changed() : undefined,
      ),
    );
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE' ? new UsageError('portInUse', { port: String(args.port ?? DEFAULT_PORT) }) : error,
      ),
    );
    server.listen(args.port ?? DEFAULT_PORT, '127.0.0.1', () => done());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : DEFAULT_PORT}/`;
  return {
    server,
    url,
    async close() {
      for (const watcher of watchers) watcher.close();
      for (const response of listeners) response.end();
      await new Promise<void>((done) => server.close(() => done()));
      await pending;
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** The command: starts the preview, says where, and runs until Ctrl+C. */
export async function preview(
  args: CliArgs,
  texts: CliTexts,
  io: CliIo,
  run: (argv: string[], io: CliIo) => Promise<number>,
): Promise<number> {
  const started = await startPreview(args, texts, io, run);
  io.stdout(
    `${texts.t('preview.serving', { url: started.url, form: displayPath(resolve(io.cwd, args.paths[0]!), io.cwd) })}\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => void started.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

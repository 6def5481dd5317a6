// A tiny read-only static file server (node:http only) for the demo and for tests. It sends the
// widget's production Content-Security-Policy, so whatever it serves must work under that policy.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
/** The same for the standalone build (cdn/, build/widget/), whose Lit names its policy "klarskjema" (docs/decisions/0015-builds.md). */
export const STANDALONE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types klarskjema";

/** What the demo needs from the repository: the page and the builds of the widget and the forms. */
export const DEMO_FOLDERS = Object.freeze(['demo', 'build']);

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

function send(response, status, body, headers = {}) {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/**
 * The file a URL path names inside root, or null when it must not be served: outside root (traversal),
 * malformed, or any segment starting with "." (.git, .env, .ci …).
 */
export function resolveInside(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const file = resolve(root, ...segments);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * Whether a file may be served: its real path (symlinks resolved) lies inside one of the allowed real
 * folders. A lexical check alone is not enough: a symlink under demo/ could point at the data folder.
 * @param {string} file
 * @param {string[]} allowedReal real paths of the folders that may be served
 * @param {string[]} deniedReal real paths of folders never served, even inside an allowed one
 */
async function isAllowed(file, allowedReal, deniedReal) {
  const real = await realpath(file).catch(() => null);
  const inside = (folder) => real === folder || real.startsWith(folder + sep);
  return real !== null && allowedReal.some(inside) && !deniedReal.some(inside);
}

/**
 * Serves root read-only: GET and HEAD, files only (a folder serves its index.html, no listings),
 * "/" redirects to redirectRoot. `allow` names the top-level folders that may be served (default: the
 * whole root); a file is served only when its real path is inside one of them and outside every
 * folder in `deny` (absolute paths, such as the receiver's data folder). `policy` replaces the
 * Content-Security-Policy header (default CONTENT_SECURITY_POLICY). Resolves with the listening server once it listens.
 * @param {{ root: string, port?: number, host?: string, redirectRoot?: string, allow?: string[], deny?: string[], policy?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export async function serve({
  root,
  port = 8080,
  host = 'localhost',
  redirectRoot = '/demo/',
  allow,
  deny = [],
  policy = CONTENT_SECURITY_POLICY,
}) {
  const policyHeader = { 'Content-Security-Policy': policy };
  const reply = (response, status, text, headers = {}) => send(response, status, text, { ...policyHeader, ...headers });
  const base = resolve(root);
  const realBase = await realpath(base);
  const allowedReal = allow
    ? (await Promise.all(allow.map((folder) => realpath(resolve(base, folder)).catch(() => null)))).filter(
        (f) => f !== null,
      )
    : [realBase];
  // A denied folder that does not exist yet is denied by its resolved path.
  const deniedReal = await Promise.all(deny.map((folder) => realpath(resolve(folder)).catch(() => resolve(folder))));
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        reply(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/' && redirectRoot && redirectRoot !== '/') {
        // The query goes along: /?form=kontakt opens the demo on that form.
        reply(response, 302, `See ${redirectRoot}\n`, { Location: `${redirectRoot}${url.search}` });
        return;
      }
      let file = resolveInside(base, url.pathname);
      if (!file || !(await isAllowed(file, allowedReal, deniedReal))) {
        reply(response, 404, 'Not found\n');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          reply(response, 301, 'Moved\n', { Location: `${url.pathname}/${url.search}` });
          return;
        }
        file = resolve(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile() || !(await isAllowed(file, allowedReal, deniedReal))) {
        reply(response, 404, 'Not found\n');
        return;
      }
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      response.writeHead(200, { ...BASE_HEADERS, ...policyHeader, 'Content-Type': type, 'Content-Length': info.size });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      const stream = createReadStream(file);
      stream.on('error', () => response.destroy());
      stream.pipe(response);
    } catch {
      if (!response.headersSent) reply(response, 500, 'Internal server error\n');
      else response.destroy();
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(server);
    });
  });
}

// The benchmark's one local server: serves build/bench/site/ read-only and gzips every response with node:zlib,
// so the bytes it counts are what a user downloads. Both products are served by it alike: HTML revalidates
// (no-cache with an ETag), everything else may be cached for ten minutes, which is what a warm visit reuses.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MIME_TYPES, resolveInside, STANDALONE_CONTENT_SECURITY_POLICY } from '../static-server.js';

/** What one visit downloaded: gzip body bytes, by kind of file. */
export interface Downloaded {
  total: number;
  requests: number;
  byKind: Record<string, number>;
  /** Gzip bytes by path (query left off), in the order they were asked for. */
  byFile: Record<string, number>;
}

export interface BenchServer {
  origin: string;
  /** Starts counting anew (one visit at a time: the samples run one after another). */
  reset(): void;
  downloaded(): Downloaded;
  /** Resolves when no request is open and none has started for quietMs. */
  quiet(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Compressed {
  body: Buffer;
  etag: string;
}

const KINDS: Record<string, string> = { '.html': 'html', '.js': 'js', '.css': 'css', '.json': 'json' };

/**
 * `policies` gives the Content-Security-Policy per top-level folder: klarskjema runs under its production
 * policy; SurveyJS sets inline styles, so its folder is served without one (a policy costs no measurable time).
 */
export async function serveBench(root: string, policies: Record<string, string | undefined>): Promise<BenchServer> {
  const cache = new Map<string, Compressed>();
  let counted: Downloaded = { total: 0, requests: 0, byKind: {}, byFile: {} };
  let open = 0;
  let lastStart = Date.now();

  async function compressed(file: string): Promise<Compressed | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const key = `${file}:${info.mtimeMs}:${info.size}`;
    let entry = cache.get(key);
    if (!entry) {
      // Level 9, as scripts/size.ts measures the budget.
      const body = gzipSync(await readFile(file), { level: 9 });
      entry = { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` };
      cache.set(key, entry);
    }
    return entry;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveInside(root, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
    const entry = file ? await compressed(file) : undefined;
    const top = url.pathname.split('/')[1] ?? '';
    const policy = top in policies ? policies[top] : STANDALONE_CONTENT_SECURITY_POLICY;
    const headers: Record<string, string> = {
      'X-Content-Type-Options': 'nosniff',
      ...(policy ? { 'Content-Security-Policy': policy } : {}),
    };
    if (!file || !entry) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const extension = extname(file).toLowerCase();
    headers['Cache-Control'] = extension === '.html' ? 'no-cache' : 'max-age=600';
    headers.ETag = entry.etag;
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    counted.total += entry.body.byteLength;
    counted.requests += 1;
    const kind = KINDS[extension] ?? 'other';
    counted.byKind[kind] = (counted.byKind[kind] ?? 0) + entry.body.byteLength;
    counted.byFile[url.pathname] = (counted.byFile[url.pathname] ?? 0) + entry.body.byteLength;
    response
      .writeHead(200, {
        ...headers,
        'Content-Type': MIME_TYPES[extension] ?? 'application/octet-stream',
        'Content-Encoding': 'gzip',
        'Content-Length': String(entry.body.byteLength),
        Vary: 'Accept-Encoding',
      })
      .end(entry.body);
  }

  const server = createServer((request, response) => {
    open += 1;
    lastStart = Date.now();
    response.on('close', () => (open -= 1));
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    reset: () => (counted = { total: 0, requests: 0, byKind: {}, byFile: {} }),
    downloaded: () => ({ ...counted, byKind: { ...counted.byKind }, byFile: { ...counted.byFile } }),
    async quiet(quietMs = 300) {
      while (open > 0 || Date.now() - lastStart < quietMs) await new Promise((r) => setTimeout(r, 25));
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

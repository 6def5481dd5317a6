// The demo/test static server: read-only, right MIME types and CSP, nothing outside its root.
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveInside, serve, STANDALONE_CONTENT_SECURITY_POLICY } from './static-server.js';

let server: Server;
let base: string;
let root: string;

/** A raw GET, so paths like /../x reach the server unnormalised (fetch would clean them up). */
function rawGet(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { method, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'klarskjema-serve-'));
  root = join(parent, 'site');
  await mkdir(join(root, 'demo'), { recursive: true });
  await mkdir(join(root, '.git'), { recursive: true });
  await writeFile(join(root, 'demo/index.html'), '<!doctype html><title>demo</title>');
  await writeFile(join(root, 'app.js'), 'export {};');
  await writeFile(join(root, 'app.mjs'), 'export {};');
  await writeFile(join(root, 'form.json'), '{}');
  await writeFile(join(root, 'style.css'), 'p{}');
  await writeFile(join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, '.git/config'), 'secret');
  await writeFile(join(parent, 'outside.txt'), 'outside');
  server = await serve({ root, port: 0, host: '127.0.0.1' });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('static server', () => {
  it('redirects / to /demo/ and serves the folder index', async () => {
    const top = await rawGet('/');
    expect(top.status).toBe(302);
    expect(top.headers.location).toBe('/demo/');
    const demo = await fetch(`${base}/demo/`);
    expect(demo.status).toBe(200);
    expect(demo.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await rawGet('/demo')).headers.location).toBe('/demo/');
  });

  it('keeps the query through the redirects: /?form=kontakt opens the demo on that form', async () => {
    expect((await rawGet('/?form=kontakt')).headers.location).toBe('/demo/?form=kontakt');
    expect((await rawGet('/?form=kontakt&theme=nav')).headers.location).toBe('/demo/?form=kontakt&theme=nav');
    expect((await rawGet('/demo?form=kontakt')).headers.location).toBe('/demo/?form=kontakt');
  });

  it.each([
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/app.mjs', 'text/javascript; charset=utf-8'],
    ['/form.json', 'application/json; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s with the widget CSP', async (path, type) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
    );
    expect(STANDALONE_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types klarskjema",
    );
  });

  it('sends another policy when asked, on files and on errors alike', async () => {
    const other = await serve({
      root,
      port: 0,
      host: '127.0.0.1',
      redirectRoot: '',
      policy: STANDALONE_CONTENT_SECURITY_POLICY,
    });
    try {
      const { port } = other.address() as AddressInfo;
      for (const path of ['/app.js', '/missing.js']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(response.headers.get('content-security-policy'), path).toBe(STANDALONE_CONTENT_SECURITY_POLICY);
      }
    } finally {
      await new Promise((done) => other.close(done));
    }
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/demo/..%2f..%2foutside.txt',
    '/..%5coutside.txt',
    '/.git/config',
    '/missing.js',
    '/bad%E0%A4%A',
    '/app.js%00.css',
  ])('answers 404 for %s', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside');
    expect(response.body).not.toContain('secret');
  });

  it('is read-only', async () => {
    const response = await rawGet('/app.js', 'PUT');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('resolves only inside the root', () => {
    expect(resolveInside('/srv/site', '/a/b.js')).toBe('/srv/site/a/b.js');
    expect(resolveInside('/srv/site', '/../site-evil/x')).toBeNull();
    expect(resolveInside('/srv/site', '/%2e%2e/x')).toBeNull();
  });
});

describe('static server with an allow list (npm start)', () => {
  let narrow: Server;
  let narrowBase: string;
  let site: string;

  beforeAll(async () => {
    const parent = await mkdtemp(join(tmpdir(), 'klarskjema-allow-'));
    site = join(parent, 'site');
    await mkdir(join(site, 'demo'), { recursive: true });
    await mkdir(join(site, 'build/forms'), { recursive: true });
    await mkdir(join(site, 'src'), { recursive: true });
    await mkdir(join(site, 'data'), { recursive: true });
    await mkdir(join(site, 'build/data'), { recursive: true });
    await writeFile(join(site, 'demo/index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(site, 'build/forms/form.json'), '{}');
    await writeFile(join(site, 'build/data/inside-denied.json'), '{"denied":true}');
    await writeFile(join(site, 'src/secret.ts'), 'export const secret = 1;');
    await writeFile(join(site, 'package.json'), '{"name":"secret"}');
    await writeFile(join(site, 'data/klarskjema.sqlite'), 'SQLite secret');
    // A symlink inside an allowed folder that points at the data folder and at a file outside the root.
    await symlink(join(site, 'data'), join(site, 'demo/data-link'));
    await symlink(join(site, 'data/klarskjema.sqlite'), join(site, 'demo/db.sqlite'));
    await symlink(join(site, 'src'), join(site, 'build/src-link'));
    narrow = await serve({
      root: site,
      port: 0,
      host: '127.0.0.1',
      allow: ['demo', 'build'],
      deny: [join(site, 'build/data')],
    });
    const address = narrow.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    narrowBase = `http://127.0.0.1:${address.port}`;
  });

  afterAll(() => new Promise<void>((resolve) => narrow.close(() => resolve())));

  it('serves the allowed folders', async () => {
    expect((await fetch(`${narrowBase}/demo/`)).status).toBe(200);
    expect((await fetch(`${narrowBase}/build/forms/form.json`)).status).toBe(200);
  });

  it.each([
    '/src/secret.ts',
    '/package.json',
    '/data/klarskjema.sqlite',
    '/demo/data-link/klarskjema.sqlite',
    '/demo/db.sqlite',
    '/build/src-link/secret.ts',
    '/build/data/inside-denied.json',
    '/src/',
    '/src',
  ])('answers 404 for %s', async (path) => {
    const response = await fetch(`${narrowBase}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('denied');
  });
});

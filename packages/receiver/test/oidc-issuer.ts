// A tiny OpenID Connect issuer on 127.0.0.1 for tests: discovery, a key set made here (ES256, node:crypto), an
// authorization endpoint that signs in whoever the test says at once, and a token endpoint that checks the
// client secret and the PKCE verifier and signs an ID token. A test can make it misbehave (another key, another
// audience, an old token, a wrong nonce) to see the receiver refuse.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IssuedUser {
  sub: string;
  name: string;
  office?: string;
}

export type Tampering = 'none' | 'other-key' | 'other-audience' | 'expired' | 'wrong-nonce' | 'other-issuer';

export interface TestIssuer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in at the authorization endpoint is. */
  user: IssuedUser;
  tampering: Tampering;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

function keyPair(): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid: base64url(randomBytes(8)), alg: 'ES256', use: 'sig' },
  };
}

function jwt(claims: Record<string, unknown>, key: { privateKey: KeyObject; jwk: Record<string, unknown> }): string {
  const header = base64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: key.jwk.kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${base64url(signature)}`;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const published = keyPair();
  const other = keyPair();
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string; user: IssuedUser }>();
  const clientId = 'klarskjema-inbox';
  const clientSecret = base64url(randomBytes(24));
  let url = '';
  const issuer: TestIssuer = {
    url: '',
    clientId,
    clientSecret,
    user: { sub: 'ansatt-1', name: 'Kari Saksbehandler', office: 'oslo' },
    tampering: 'none',
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const target = new URL(request.url ?? '/', url);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (target.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    if (target.pathname === '/jwks') return json(200, { keys: [published.jwk] });
    if (target.pathname === '/authorize') {
      const q = target.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256')
        return json(400, { error: 'invalid_request' });
      const code = base64url(randomBytes(16));
      codes.set(code, {
        nonce: q.get('nonce') ?? '',
        challenge: q.get('code_challenge') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
        user: { ...issuer.user },
      });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      back.searchParams.set('iss', url);
      response.writeHead(302, { Location: back.href });
      response.end();
      return;
    }
    if (target.pathname === '/token' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        const [id, secret] = basic.split(':').map((part) => decodeURIComponent(part));
        if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (
          !grant ||
          grant.redirectUri !== form.get('redirect_uri') ||
          base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge
        )
          return json(400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        const t = issuer.tampering;
        const claims = {
          iss: t === 'other-issuer' ? 'https://another.example' : url,
          aud: t === 'other-audience' ? 'another-client' : clientId,
          sub: grant.user.sub,
          name: grant.user.name,
          ...(grant.user.office ? { office: grant.user.office } : {}),
          iat: t === 'expired' ? now - 7200 : now,
          exp: t === 'expired' ? now - 3600 : now + 300,
          nonce: t === 'wrong-nonce' ? 'another-nonce' : grant.nonce,
        };
        json(200, {
          access_token: base64url(randomBytes(16)),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: jwt(
            claims,
            t === 'other-key' ? { ...other, jwk: { ...other.jwk, kid: published.jwk.kid } } : published,
          ),
        });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.url = url;
  return issuer;
}

// Sign-in through the employer's identity provider: OpenID Connect's authorization code flow with PKCE, state
// and nonce, through openid-client (panva; certified, maintained, with jose underneath), which reads the issuer's
// discovery document and key set and checks the ID token (signature against the key set, issuer, audience,
// expiry, nonce).
// The state lives in this process for 10 minutes and is bound to the browser by a cookie.
import * as client from 'openid-client';
import type { OidcSettings } from './config.ts';
import type { Caseworker } from './sessions.ts';

export interface OidcLogin {
  /** Where to send the browser, and the cookie that binds the state to it until it is back. */
  start(): Promise<{ location: string; cookie: string }>;
  /** The caseworker of a callback whose state, nonce and ID token check out; null otherwise. */
  callback(url: URL, cookieHeader: string | undefined): Promise<Caseworker | null>;
}

/** Lax, not Strict: the browser comes back from the identity provider's site, a cross-site navigation. */
export const OIDC_COOKIE = '__Host-klarskjema-oidc';
const STATE_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;

export interface OidcOptions {
  settings: OidcSettings;
  clientSecret: string;
  now?: () => Date;
  /** http:// issuers: only for a test's local issuer. */
  allowHttp?: boolean;
}

interface Pending {
  nonce: string;
  verifier: string;
  at: number;
}

const cookieValue = (header: string | undefined, name: string): string | undefined =>
  (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** Reads the issuer's discovery document (at start: a wrong issuer stops the receiver, not a caseworker). */
export async function createOidcLogin(options: OidcOptions): Promise<OidcLogin> {
  const { settings } = options;
  const now = options.now ?? (() => new Date());
  const config = await client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    undefined,
    client.ClientSecretBasic(options.clientSecret),
    // The ID token's signature is checked against the issuer's key set too (openid-client trusts the token
    // endpoint's TLS by default, as OpenID Connect Core allows): a token is valid only when the issuer signed it.
    {
      execute: [client.enableNonRepudiationChecks, ...(options.allowHttp ? [client.allowInsecureRequests] : [])],
    },
  );
  const pending = new Map<string, Pending>();
  const redirect = new URL(settings.redirectUri);
  return {
    async start() {
      const at = now().getTime();
      for (const [state, entry] of pending) if (at - entry.at > STATE_TTL_MS) pending.delete(state);
      if (pending.size >= MAX_PENDING) throw new Error('Too many sign-ins under way.');
      const state = client.randomState();
      const entry: Pending = { nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), at };
      pending.set(state, entry);
      const location = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid profile',
        state,
        nonce: entry.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(entry.verifier),
        code_challenge_method: 'S256',
      });
      return {
        location: location.href,
        cookie: `${OIDC_COOKIE}=${state}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${STATE_TTL_MS / 1000}`,
      };
    },
    async callback(url, cookieHeader) {
      const state = url.searchParams.get('state') ?? '';
      const bound = cookieValue(cookieHeader, OIDC_COOKIE);
      const entry = pending.get(state);
      // Used once, by the browser that started it, within 10 minutes.
      pending.delete(state);
      if (!entry || bound !== state || now().getTime() - entry.at > STATE_TTL_MS) return null;
      // The callback as the identity provider addressed it (the receiver may sit behind a gateway).
      const current = new URL(`${redirect.origin}${redirect.pathname}${url.search}`);
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: entry.verifier,
          expectedState: state,
          expectedNonce: entry.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        const office = claims?.[settings.officeClaim ?? 'office'];
        const name = claims?.[settings.nameClaim ?? 'name'];
        if (!claims || typeof office !== 'string' || typeof claims.sub !== 'string') return null;
        return {
          id: `${claims.iss}#${claims.sub}`,
          name: typeof name === 'string' ? name : claims.sub,
          office,
        };
      } catch {
        // A token that does not check out, an error from the provider: not signed in (its reason is not logged:
        // it may quote the token).
        return null;
      }
    },
  };
}

// Sign-in through the employer's identity provider (OpenID Connect, authorization code flow with PKCE).
import type { Caseworker } from './sessions.ts';

export interface OidcLogin {
  /** Where to send the browser, and the cookie that keeps state, nonce and PKCE verifier until it is back. */
  start(): Promise<{ location: string; cookie: string }>;
  /** The caseworker of a callback whose state, nonce and ID token check out; null otherwise. */
  callback(url: URL, cookieHeader: string | undefined): Promise<Caseworker | null>;
}

// Signed-in caseworkers: sessions kept in this process's memory (one receiver per office; several receivers
// need sticky sessions or OpenID Connect at the gateway), a CSRF token per session, and the sign-in limits
// per account and per address. Every time comes from an injected clock.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A session ends after this long without a request … */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** … and after this long in all: a working day. */
export const SESSION_MAX_MS = 10 * 60 * 60 * 1000;
/** The cookie: __Host- makes browsers refuse it unless Secure, Path=/ and without Domain. */
export const SESSION_COOKIE = '__Host-klarskjema-sak';
/** The sign-in form's own token (double submit), so that another site cannot sign a caseworker in as someone else. */
export const LOGIN_COOKIE = '__Host-klarskjema-innlogging';

/** Failed sign-ins counted in this window … */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** … at most this many per account … */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** … and this many per address (an office behind one NAT has several caseworkers). */
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface Caseworker {
  /** Account name or the identity provider's subject: what the access log names. */
  id: string;
  name: string;
  office: string;
}

export interface Session {
  caseworker: Caseworker;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

const token = (): string => randomBytes(32).toString('base64url');
/** Sessions are kept by a hash of their id: a copy of this memory does not hand out live cookies. */
const keyOf = (id: string): string => createHash('sha256').update(id).digest('base64url');

export const sameToken = (a: string | undefined, b: string | undefined): boolean => {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export class Sessions {
  readonly #sessions = new Map<string, Session>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** A new session with a new id, always (no fixation): the caller sends its id as the cookie. */
  start(caseworker: Caseworker): { id: string; session: Session } {
    this.#sweep();
    const id = token();
    const at = this.#now().getTime();
    const session: Session = { caseworker, csrfToken: token(), createdAt: at, lastSeenAt: at };
    this.#sessions.set(keyOf(id), session);
    return { id, session };
  }

  /** The live session of this id, touched; null when none, idle too long or too old. */
  get(id: string | undefined): Session | null {
    if (!id) return null;
    const key = keyOf(id);
    const session = this.#sessions.get(key);
    if (!session) return null;
    const at = this.#now().getTime();
    if (at - session.lastSeenAt > SESSION_IDLE_MS || at - session.createdAt > SESSION_MAX_MS) {
      this.#sessions.delete(key);
      return null;
    }
    session.lastSeenAt = at;
    return session;
  }

  end(id: string | undefined): void {
    if (id) this.#sessions.delete(keyOf(id));
  }

  #sweep(): void {
    const at = this.#now().getTime();
    for (const [key, session] of this.#sessions)
      if (at - session.lastSeenAt > SESSION_IDLE_MS || at - session.createdAt > SESSION_MAX_MS)
        this.#sessions.delete(key);
  }
}

/** How many accounts or addresses with recent failures are kept before the expired ones are swept. */
const MAX_TRACKED = 10_000;

/** Failed sign-ins per key in a sliding window. */
export class FailureWindow {
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  #recent(key: string, at: number): number[] {
    const recent = (this.#failures.get(key) ?? []).filter((t) => at - t < this.windowMs);
    if (recent.length) this.#failures.set(key, recent);
    else this.#failures.delete(key);
    return recent;
  }

  /** ms until the key may try again; 0 when it may now. */
  waitMs(key: string, at: number): number {
    const recent = this.#recent(key, at);
    return recent.length < this.limit ? 0 : recent[recent.length - this.limit]! + this.windowMs - at;
  }

  fail(key: string, at: number): void {
    // Guessed names and many addresses must not grow this without end: past a size, drop what has expired.
    if (this.#failures.size > MAX_TRACKED) for (const known of [...this.#failures.keys()]) this.#recent(known, at);
    this.#failures.set(key, [...this.#recent(key, at), at]);
  }

  clear(key: string): void {
    this.#failures.delete(key);
  }
}

/** The sign-in limits: checked before the password is (a locked account costs no hashing). */
export class LoginLimits {
  readonly #accounts = new FailureWindow(MAX_FAILURES_PER_ACCOUNT, LOGIN_WINDOW_MS);
  readonly #addresses = new FailureWindow(MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MS);
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** Seconds to wait before this account or address may try again; 0 when it may. */
  retryAfterSeconds(account: string, address: string): number {
    const at = this.#now().getTime();
    const wait = Math.max(this.#accounts.waitMs(account, at), this.#addresses.waitMs(address, at));
    return Math.ceil(wait / 1000);
  }

  failed(account: string, address: string): void {
    const at = this.#now().getTime();
    this.#accounts.fail(account, at);
    this.#addresses.fail(address, at);
  }

  succeeded(account: string): void {
    this.#accounts.clear(account);
  }
}

export const newToken = token;

// Settings of sign-in and sessions, from the environment with safe defaults.

export interface AuthConfig {
  /** The origin people open, e.g. https://planbord.example.se. Websocket upgrades and
   *  state-changing requests must come from it. Empty until known: the server then
   *  takes the address it listens on. */
  publicOrigin: string;
  /** A session ends after this long without activity (a request by the person, an edit). */
  sessionIdleMs: number;
  /** …and in any case this long after signing in. */
  sessionMaxAgeMs: number;
  /** How often open websocket connections are checked for a session that has ended. */
  sessionSweepMs: number;
  /** Invitation and reset links are valid this long. */
  linkValidMs: number;
  /** Failed sign-ins allowed per account and per address within the window. */
  signInFailures: number;
  signInWindowMs: number;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEFAULT_AUTH_CONFIG: Omit<AuthConfig, 'publicOrigin'> = {
  sessionIdleMs: 8 * HOUR,
  sessionMaxAgeMs: 30 * DAY,
  sessionSweepMs: 60_000,
  linkValidMs: 7 * DAY,
  signInFailures: 10,
  signInWindowMs: 15 * 60 * 1000,
  trustProxy: false,
};

/** The origin part of a URL (no path, no trailing slash); throws on anything else. */
export function normaliseOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_ORIGIN must be http(s): ${value}`);
  return url.origin;
}

/** PUBLIC_ORIGIN, or the local address of PORT: what links point at when no server is running to ask. */
export const originFromEnv = (env: NodeJS.ProcessEnv) => normaliseOrigin(env.PUBLIC_ORIGIN || `http://localhost:${env.PORT || 8787}`);

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const idleHours = Number(env.SESSION_IDLE_HOURS);
  return {
    ...DEFAULT_AUTH_CONFIG,
    publicOrigin: env.PUBLIC_ORIGIN ? normaliseOrigin(env.PUBLIC_ORIGIN) : '',
    sessionIdleMs: idleHours > 0 ? idleHours * HOUR : DEFAULT_AUTH_CONFIG.sessionIdleMs,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}

export const isSecureOrigin = (origin: string) => origin.startsWith('https:');

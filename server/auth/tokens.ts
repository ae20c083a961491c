import { createHash, randomBytes } from 'node:crypto';

// Session ids and sign-in link tokens: 32 random bytes handed out once, stored only
// as their SHA-256, so a copy of the database cannot be used to sign in.

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Tokens we hand out are 43 base64url characters; anything else is not one of ours. */
export const looksLikeToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

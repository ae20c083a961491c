import type { PeopleStore } from '../store/PeopleStore';
import type { AuthConfig } from './authConfig';
import { AuthError } from './AuthError';
import { PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from './password';
import type { SessionUser, Sessions } from './sessions';
import { toSessionUser } from './sessions';

// Signing in with email and password. An unknown email, a person without a password
// yet and a wrong password get the same answer after the same amount of hashing, so
// the form cannot be used to find out who has an account. Failures are limited per
// typed email and per client address within a window.

export interface SignInDeps {
  people: PeopleStore;
  sessions: Sessions;
  config: Pick<AuthConfig, 'signInFailures' | 'signInWindowMs'>;
  now: () => number;
}

const BAD_CREDENTIALS = 'Fel e-postadress eller lösenord.';

/**
 * Refuses the attempt when the email or the address is over the limit; otherwise counts
 * it as a failure before the (slow) password check, so that parallel guesses cannot
 * slip past the limit, on this process or another sharing the database. A successful
 * sign-in clears it again.
 */
async function countAttempt(deps: SignInDeps, email: string, address: string, now: number): Promise<void> {
  const { signInFailures: limit, signInWindowMs: window } = deps.config;
  const over = await deps.people.transaction(async (people) => {
    await people.lockFailures();
    const failures = await people.failuresSince(email, address, now - window);
    const over = [failures.email, failures.address].filter((f) => f.n >= limit && f.oldest !== null);
    if (over.length === 0) await people.recordFailure(email, address, now);
    return over;
  });
  if (over.length === 0) return;
  const until = Math.max(...over.map((f) => (f.oldest as number) + window));
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  throw new AuthError(
    'RATE_LIMITED',
    `För många misslyckade inloggningsförsök. Vänta ${minutes} ${minutes === 1 ? 'minut' : 'minuter'} och försök igen.`,
    seconds,
  );
}

export async function signIn(deps: SignInDeps, email: unknown, password: unknown, address: string): Promise<{ token: string; user: SessionUser }> {
  if (typeof email !== 'string' || typeof password !== 'string' || email.trim() === '' || password === '') {
    throw new AuthError('INVALID_INPUT', 'Fyll i e-postadress och lösenord.');
  }
  const now = deps.now();
  // Failures older than the window count for nothing; dropping them keeps the table small.
  await deps.people.deleteFailuresBefore(now - deps.config.signInWindowMs);
  await countAttempt(deps, email, address, now);

  const found = await deps.people.findForSignIn(email);
  const ok =
    found?.passwordHash && password.length <= PASSWORD_MAX_LENGTH
      ? await verifyPassword(password, found.passwordHash)
      : await verifyAgainstDummy(password.slice(0, PASSWORD_MAX_LENGTH));
  if (!ok || !found) throw new AuthError('BAD_CREDENTIALS', BAD_CREDENTIALS);

  // Only someone who knows the password learns that the account is deactivated.
  if (!found.user.active) throw new AuthError('ACCOUNT_DEACTIVATED', 'Kontot är avaktiverat. Kontakta kansliet.');
  await deps.people.clearFailuresOf(email);
  return { token: await deps.sessions.start(found.user.id), user: toSessionUser(found.user) };
}

import { apiFetch } from './apiFetch';

const ME_CACHE = 'planbord.me';

/**
 * Signs out on the server and forgets what this browser kept of the plans (the
 * offline copies in IndexedDB and the cached lists), so the next person at a shared
 * computer does not find them.
 */
export async function signOut(): Promise<void> {
  try {
    await apiFetch('/api/auth/sign-out', { method: 'POST' });
  } finally {
    forgetLocalData();
  }
}

export function forgetLocalData(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('planbord.') && key !== 'planbord.lang') localStorage.removeItem(key);
  } catch {
    // storage blocked: nothing kept
  }
  void indexedDB
    ?.databases?.()
    .then((dbs) => dbs.forEach((db) => db.name?.startsWith('planbord:') && indexedDB.deleteDatabase(db.name)))
    .catch(() => {});
}

/** The last known signed-in person, so a plan kept offline opens without the server. */
export function cachedMe(): unknown {
  try {
    return JSON.parse(localStorage.getItem(ME_CACHE) ?? 'null');
  } catch {
    return null;
  }
}

export function rememberMe(me: unknown): void {
  try {
    localStorage.setItem(ME_CACHE, JSON.stringify(me));
  } catch {
    // not remembered
  }
}

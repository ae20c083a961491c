import { useCallback, useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useCurrentUser } from '../auth/CurrentUser';
import { useI18n } from '../i18n/I18nProvider';
import { readLocalUser, writeLocalUser, type StoredUser } from '../presence/localUser';

/**
 * The local person's name and color, published in awareness as {user:{name,color}}.
 * A signed-in person is named by their session (the server stamps that name on their
 * presence anyway); without sign-in, by the name they gave here or "Gäst N".
 */
export function useLocalUser(awareness: Awareness) {
  const { t } = useI18n();
  const current = useCurrentUser();
  const [user, setUser] = useState<StoredUser>(readLocalUser);
  const name = current?.me.name ?? user.name ?? t.presence.guest(user.guest);

  useEffect(() => {
    awareness.setLocalStateField('user', { name, color: user.color });
  }, [awareness, name, user.color]);

  const rename = useCallback((next: string) => {
    setUser((old) => {
      const updated = { ...old, name: next.trim().slice(0, 60) || null };
      writeLocalUser(updated);
      return updated;
    });
  }, []);

  return { name, color: user.color, rename, signedIn: current !== null };
}

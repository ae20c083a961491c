import { useCallback, useEffect, useState } from 'react';
import type { Role } from '../../shared/auth/roles';
import { apiFetch } from './apiFetch';

export interface Person {
  id: string;
  email: string;
  name: string;
  organisation: string;
  role: Role;
  active: boolean;
  hasPassword: boolean;
  /** When the person's open invitation or reset link expires, if they have one. */
  linkExpiresAt: number | null;
}

export interface SignInLink {
  url: string;
  purpose: 'invite' | 'reset';
  expiresAt: number;
}

/** The people of the installation (GET /api/users) and the secretariat's changes to them. */
export function usePeople() {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(() => {
    apiFetch<{ users: Person[] }>('/api/users').then(
      (body) => {
        setPeople(body.users);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(reload, [reload]);

  const replace = (person: Person) => setPeople((list) => list?.map((p) => (p.id === person.id ? person : p)) ?? null);

  const change = useCallback(async (id: string, patch: Partial<Pick<Person, 'role' | 'active' | 'name' | 'email' | 'organisation'>>) => {
    const { user } = await apiFetch<{ user: Person }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
    replace(user);
    return user;
  }, []);

  const invite = useCallback(
    async (fields: { name: string; email: string; organisation: string; role: Role }) => {
      const result = await apiFetch<{ user: Person; link: SignInLink; mailed: boolean }>('/api/users', { method: 'POST', body: fields });
      reload();
      return result;
    },
    [reload],
  );

  const newLink = useCallback(
    async (id: string) => {
      const result = await apiFetch<{ link: SignInLink; mailed: boolean }>(`/api/users/${encodeURIComponent(id)}/link`, { method: 'POST' });
      reload();
      return result;
    },
    [reload],
  );

  return { people, failed, reload, change, invite, newLink };
}

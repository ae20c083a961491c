import { createContext, useContext } from 'react';
import { can, type Capability, type Role } from '../../shared/auth/roles';

// The signed-in person, for components that show their name or hide what their role
// cannot do. Hiding is a courtesy: the server refuses those actions anyway.

export interface Me {
  id: string;
  name: string;
  email: string;
  organisation: string;
  role: Role;
}

export interface CurrentUser {
  me: Me;
  signOut(): Promise<void>;
}

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in person, or null outside the signed-in app (the sign-in pages). */
export const useCurrentUser = () => useContext(CurrentUserContext);

/** Whether the signed-in person's role allows this (false when nobody is signed in). */
export function useCan(capability: Capability): boolean {
  const user = useCurrentUser();
  return user !== null && can(user.me.role, capability);
}

export function isMe(value: unknown): value is Me {
  const m = value as Me;
  return !!m && typeof m.id === 'string' && typeof m.name === 'string' && typeof m.email === 'string' && typeof m.role === 'string';
}

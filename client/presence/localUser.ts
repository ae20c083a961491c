// Until sign-in exists, a person is known by a name they give (or "Gäst N"), kept in
// this browser. Colors are dark enough for white initials (contrast >= 4.5:1).

export const USER_COLORS = ['#1f5fa8', '#7b3fa0', '#a3361f', '#1e6b3a', '#8a4b00', '#255f73', '#9c2c6b', '#4a5568'];

export interface StoredUser {
  /** The chosen name, or null for a guest. */
  name: string | null;
  guest: number;
  color: string;
}

const KEY = 'planbord.user';

function random(n: number) {
  return crypto.getRandomValues(new Uint32Array(1))[0] % n;
}

export function readLocalUser(): StoredUser {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<StoredUser> | null;
    if (parsed && typeof parsed.guest === 'number' && typeof parsed.color === 'string' && USER_COLORS.includes(parsed.color)) {
      return { name: typeof parsed.name === 'string' && parsed.name.trim() ? parsed.name : null, guest: parsed.guest, color: parsed.color };
    }
  } catch {
    // unreadable or blocked storage: a new guest
  }
  const user: StoredUser = { name: null, guest: 1 + random(99), color: USER_COLORS[random(USER_COLORS.length)] };
  writeLocalUser(user);
  return user;
}

export function writeLocalUser(user: StoredUser) {
  try {
    localStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    // kept for this page only
  }
}

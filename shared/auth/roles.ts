// Who may do what. One pure table that the server enforces (HTTP routes and the
// websocket) and the client reads only to hide controls a role cannot use: the client's
// view is a courtesy, never the check.

export const ROLES = ['styrelse', 'tjanstepersonforum', 'kansli'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'plan.read',
  'plan.write',
  'comment',
  'history.read',
  /** Open and close meetings and save snapshots: the board and the secretariat. */
  'meetings.run',
  /** Open, change and close consultation rounds and follow who has answered: the board and the secretariat. */
  'rounds.run',
  'people.manage',
  'snapshots.manage',
  'export',
  'audit.read',
  /** Make a plan from a Word, text or CSV file, or replace a plan's content with one. */
  'plans.import',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const BOARD: readonly Capability[] = ['plan.read', 'plan.write', 'comment', 'history.read', 'meetings.run', 'rounds.run'];

export const PERMISSIONS: Readonly<Record<Role, readonly Capability[]>> = {
  styrelse: BOARD,
  tjanstepersonforum: ['plan.read', 'comment', 'history.read'],
  kansli: [...BOARD, 'people.manage', 'snapshots.manage', 'export', 'audit.read', 'plans.import'],
};

export const ROLE_LABELS: Readonly<Record<Role, { sv: string; en: string }>> = {
  styrelse: { sv: 'Styrelse', en: 'Board' },
  tjanstepersonforum: { sv: 'Tjänstepersonforum', en: 'Officers’ forum' },
  kansli: { sv: 'Kansli', en: 'Secretariat' },
};

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function can(role: Role, capability: Capability): boolean {
  return PERMISSIONS[role].includes(capability);
}

/**
 * The access a role has to a shared document, from its name (`plan/<id>`,
 * `discussion/<id>`). Only plan documents can ever be written by a client; the
 * discussion is written by the server on behalf of the signed-in person, so it is
 * read-only for every connection. Unknown kinds give no access at all.
 */
export function documentAccess(role: Role, docName: string): { canRead: boolean; canWrite: boolean } {
  const kind = docName.split('/', 1)[0];
  if (kind !== 'plan' && kind !== 'discussion') return { canRead: false, canWrite: false };
  return {
    canRead: can(role, 'plan.read'),
    canWrite: kind === 'plan' && can(role, 'plan.write'),
  };
}

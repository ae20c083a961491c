import type { NewUser, UserPatch, UserRecord } from '../store/PeopleStore';
import { isRole, type Role } from '../../shared/auth/roles';
import { newId } from '../../shared/plan/newId';
import { AuthError } from './AuthError';
import { mailLink, makeSignInLink, type LinkDeps, type SignInLink } from './signInLinks';

// What the secretariat does with people: invite them, change their details or role,
// deactivate and reactivate them. A change of role or a deactivation is announced on
// AccessEvents so that open websocket connections follow it at once.

const LIMITS = { email: 254, name: 120, organisation: 160 } as const;

function text(value: unknown, field: keyof typeof LIMITS, label: string, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw new AuthError('INVALID_INPUT', `${label} saknas.`);
    return '';
  }
  if (typeof value !== 'string') throw new AuthError('INVALID_INPUT', `${label} måste vara text.`);
  const trimmed = value.trim();
  if (required && trimmed === '') throw new AuthError('INVALID_INPUT', `${label} saknas.`);
  if (trimmed.length > LIMITS[field]) throw new AuthError('INVALID_INPUT', `${label} får ha högst ${LIMITS[field]} tecken.`);
  return trimmed;
}

function email(value: unknown): string {
  const e = text(value, 'email', 'E-postadress', true);
  if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw new AuthError('INVALID_INPUT', 'E-postadressen ser inte ut som en e-postadress.');
  return e;
}

function role(value: unknown): Role {
  if (!isRole(value)) throw new AuthError('INVALID_INPUT', 'Okänd roll. Välj styrelse, tjanstepersonforum eller kansli.');
  return value;
}

export function parseNewUser(input: unknown): Omit<NewUser, 'id'> {
  const body = (input ?? {}) as Record<string, unknown>;
  return {
    email: email(body.email),
    name: text(body.name, 'name', 'Namn', true),
    organisation: text(body.organisation, 'organisation', 'Organisation', false),
    role: role(body.role),
  };
}

function parsePatch(input: unknown): UserPatch {
  const body = (input ?? {}) as Record<string, unknown>;
  const patch: UserPatch = {};
  if (body.email !== undefined) patch.email = email(body.email);
  if (body.name !== undefined) patch.name = text(body.name, 'name', 'Namn', true);
  if (body.organisation !== undefined) patch.organisation = text(body.organisation, 'organisation', 'Organisation', false);
  if (body.role !== undefined) patch.role = role(body.role);
  if (body.active !== undefined) {
    if (typeof body.active !== 'boolean') throw new AuthError('INVALID_INPUT', 'Aktiv måste vara sant eller falskt.');
    patch.active = body.active;
  }
  return patch;
}

const EMAIL_TAKEN = 'Det finns redan en person med den e-postadressen.';

/** Adds a person and makes their invitation link, mailed to them in the same transaction. */
export async function inviteUser(deps: LinkDeps, input: unknown, createdBy: string | null): Promise<{ user: UserRecord; link: SignInLink; mailed: boolean }> {
  const fields = parseNewUser(input);
  return deps.people.transaction(async (people) => {
    const user = await people.createUser({ id: newId(), ...fields }, deps.now());
    if (!user) throw new AuthError('EMAIL_TAKEN', EMAIL_TAKEN);
    const link = await makeSignInLink({ ...deps, people }, user.id, createdBy);
    return { user, link, mailed: await mailLink({ ...deps, people }, user.id, link) };
  });
}

export async function changeUser(deps: LinkDeps, id: string, input: unknown): Promise<UserRecord> {
  const patch = parsePatch(input);
  const updated = await deps.people.transaction(async (people) => {
    const before = await people.getUser(id);
    if (!before) throw new AuthError('USER_NOT_FOUND', 'Personen finns inte.');
    const after = await people.updateUser(id, patch, deps.now());
    if (!after) throw new AuthError('EMAIL_TAKEN', EMAIL_TAKEN);
    // Somebody must always be able to run people: never remove the last secretariat.
    if ((await people.countActive('kansli')) === 0) {
      throw new AuthError('LAST_SECRETARIAT', 'Minst en aktiv person måste ha rollen kansli.');
    }
    if (!after.active) await deps.sessions.on(people).endAllOf(id);
    return after;
  });
  deps.events.emit('changed', id);
  return updated;
}

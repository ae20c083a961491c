import type { Logger } from '../logger';
import type { Auth } from './createAuth';
import { makeSignInLink } from './signInLinks';
import { newId } from '../../shared/plan/newId';

// A new installation has nobody who could invite anybody. On first start we create
// one secretariat account and log a one-time link with which its owner chooses a
// password: no default password ever exists. Until some secretariat member has set a
// password, every start logs a fresh link (the previous one stops working), so a lost
// log line does not lock the installation.

export const FIRST_ADMIN = { email: 'kansli@planbord.local', name: 'Kansliet' };

export async function ensureFirstAdmin(auth: Auth, log: Logger = auth.log): Promise<string | null> {
  const { people } = auth;
  const secretariat = (await people.listUsers()).filter((u) => u.role === 'kansli' && u.active);
  if (secretariat.some((u) => u.hasPassword)) return null;
  if ((await people.countUsers()) > 0 && secretariat.length === 0) return null;
  const admin =
    secretariat[0] ??
    (await people.createUser({ id: newId(), email: FIRST_ADMIN.email, name: FIRST_ADMIN.name, organisation: '', role: 'kansli' }, auth.now()));
  if (!admin) return null;
  const link = await makeSignInLink(auth, admin.id, null);
  log.info(
    `No secretariat member has signed in yet. Open this one-time link within 7 days to choose a password ` +
      `for ${admin.email} (role kansli), then invite the others on the Personer page:\n\n  ${link.url}\n`,
  );
  return link.url;
}

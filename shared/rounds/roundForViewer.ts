import { can, type Role } from '../auth/roles';
import type { RoundView } from './RoundView';

/**
 * A round as one person may see it. The board and the secretariat see everything; anyone
 * else sees the question, the items, the answers (comments everyone can read anyway)
 * and their own place among the people asked, but not who else was asked, who is still
 * silent or whom a reminder went to.
 */
export function roundForViewer(round: RoundView, viewer: { id: string; role: Role }): RoundView {
  if (can(viewer.role, 'rounds.run')) return round;
  return { ...round, recipients: round.recipients.filter((p) => p.id === viewer.id), events: [] };
}

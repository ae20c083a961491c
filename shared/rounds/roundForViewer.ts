import { can, type Role } from '../auth/roles';
import type { RoundView } from './RoundView';

/**
 * A round as one person may see it. The board and the secretariat see everything. Anyone
 * else sees the question and the items, their own place among the people asked and,
 * while the round is open, their own answers; once it has closed, its summary. Who else
 * was asked, who is still silent and whom a reminder went to stay the board's business.
 */
export function roundForViewer(round: RoundView, viewer: { id: string; role: Role }): RoundView {
  if (can(viewer.role, 'rounds.run')) return round;
  return {
    ...round,
    recipients: round.recipients.filter((p) => p.id === viewer.id),
    answers: round.closedAt === null ? round.answers.filter((a) => a.personId === viewer.id) : round.answers,
    events: [],
  };
}

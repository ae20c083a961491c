import { roundProgress } from '../rounds/roundProgress';
import type { RoundView } from '../rounds/RoundView';
import { swedishDate } from './swedishDate';
import type { ExportComment, RoundFilter } from './types';

// The consultation rounds of an export ("Remissvar"), computed once for Word, PDF and
// Markdown: per round its facts, then per item the answers, who gave them and when.

export interface ExportRoundItem {
  direction: string;
  activity: string;
  deleted: boolean;
  answers: ExportComment[];
}

export interface ExportRound {
  question: string;
  /** Lines of facts under the question: who opened it and when, the deadline, how it ended, who answered. */
  facts: string[];
  items: ExportRoundItem[];
}

export const ROUNDS_TITLE = 'Remissvar';

/** Whether the options ask for any rounds' answers. */
export const wantsRounds = (options: { rounds?: RoundFilter }) => options.rounds !== undefined && options.rounds !== 'none';
export const NO_ANSWERS = 'Inga svar.';
export const DELETED_ITEM = '(borttagen ur planen)';

const TIME = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

/** "12 mars 2025 kl. 17:00", in Swedish time. */
export const swedishMoment = (ms: number) => `${swedishDate(new Date(ms))} kl. ${TIME.format(new Date(ms))}`;

function facts(round: RoundView): string[] {
  const progress = roundProgress(round, round.answers);
  const answered = new Set(round.answers.map((a) => a.personId)).size;
  const ended =
    round.closedAt === null
      ? 'Pågår: svaren hittills.'
      : round.closedBy
        ? `Avslutad i förtid ${swedishMoment(round.closedAt)} av ${round.closedBy.name}.`
        : `Avslutad vid sista svarsdag.`;
  return [
    `Öppnad ${swedishMoment(round.openedAt)} av ${round.openedBy.name}. Sista svarsdag ${swedishMoment(round.deadline)}.`,
    ended,
    `Tillfrågade: ${round.recipients.length} (${round.audience === 'forum' ? 'hela tjänstepersonforumet' : 'valda personer'}). Svarade: ${answered}, på alla punkter: ${progress.doneCount}.`,
  ];
}

/**
 * The rounds the filter asks for, oldest first as they were held, each with only the
 * items in the chosen directions (`directions`: their titles; null for all). A round
 * left with no item is left out.
 */
export function exportRounds(rounds: readonly RoundView[] | undefined, filter: RoundFilter | undefined, directions: ReadonlySet<string> | null): ExportRound[] {
  if (!rounds || !filter || filter === 'none') return [];
  return [...rounds]
    .filter((r) => filter === 'all' || r.closedAt !== null)
    .sort((a, b) => a.openedAt - b.openedAt)
    .map((round) => ({
      question: round.question,
      facts: facts(round),
      items: round.items
        .filter((item) => directions === null || directions.has(item.direction))
        .map((item) => ({
          direction: item.direction,
          activity: item.activity,
          deleted: item.deleted,
          answers: round.answers.filter((a) => a.itemId === item.id).map((a) => ({ author: a.personName, at: new Date(a.at).toISOString(), text: a.text })),
        })),
    }))
    .filter((round) => round.items.length > 0);
}

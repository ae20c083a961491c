import { escapeInline } from './escapeMarkdown';
import { DELETED_ITEM, NO_ANSWERS, ROUNDS_TITLE, type ExportRound } from './exportRounds';
import { swedishDateTime } from './swedishDate';

/** The "Remissvar" section in Markdown: per round its question and facts, per item its answers as quotes. */
export function roundsMarkdown(rounds: ExportRound[]): string[] {
  if (rounds.length === 0) return [];
  const parts = [`## ${ROUNDS_TITLE}`];
  for (const round of rounds) {
    parts.push(`### ${escapeInline(round.question).replace(/\s*\n\s*/g, ' ')}`, round.facts.map(escapeInline).join('  \n'));
    for (const item of round.items) {
      parts.push(`#### ${escapeInline(item.direction)}: ${escapeInline(item.activity)}${item.deleted ? ` ${DELETED_ITEM}` : ''}`);
      parts.push(
        item.answers.length
          ? item.answers.map((a) => `> **${escapeInline(a.author)}**, ${swedishDateTime(a.at)}: ${escapeInline(a.text).replace(/\r?\n/g, '  \n> ')}`).join('\n>\n')
          : `*${NO_ANSWERS}*`,
      );
    }
  }
  return parts;
}

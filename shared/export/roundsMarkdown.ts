import { escapeInline, quotedComment } from './markdownText';
import { DELETED_ITEM, NO_ANSWERS, ROUNDS_TITLE, type ExportRound } from './exportRounds';

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
          ? item.answers.map(quotedComment).join('\n>\n')
          : `*${NO_ANSWERS}*`,
      );
    }
  }
  return parts;
}

import { HeadingLevel, Paragraph } from 'docx';
import { DELETED_ITEM, NO_ANSWERS, ROUNDS_TITLE, type ExportRound } from '../../shared/export/exportRounds';
import { swedishDateTime } from '../../shared/export/swedishDate';
import { textRuns } from './docxBlocks';

/** The "Remissvar" section of the Word file: per round its question and facts, per item its answers. */
export function docxRounds(rounds: ExportRound[]): Paragraph[] {
  if (rounds.length === 0) return [];
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: textRuns(ROUNDS_TITLE) })];
  for (const round of rounds) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: textRuns(round.question) }));
    out.push(new Paragraph({ keepNext: true, children: textRuns(round.facts.join('\n'), { italics: true }) }));
    for (const item of round.items) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: textRuns(`${item.direction}: ${item.activity}${item.deleted ? ` ${DELETED_ITEM}` : ''}`) }));
      if (item.answers.length === 0) out.push(new Paragraph({ indent: { left: 360 }, children: textRuns(NO_ANSWERS, { italics: true }) }));
      for (const a of item.answers) {
        out.push(new Paragraph({ indent: { left: 360 }, children: [...textRuns(`${a.author}, ${swedishDateTime(a.at)}: `, { bold: true }), ...textRuns(a.text)] }));
      }
    }
  }
  return out;
}

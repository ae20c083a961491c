import { DELETED_ITEM, NO_ANSWERS, ROUNDS_TITLE, type ExportRound } from '../../shared/export/exportRounds';
import { swedishDateTime } from '../../shared/export/swedishDate';
import { pdfText } from './pdfText';

/** The "Remissvar" section of the PDF, laid out like the Word file's. */
export function pdfRounds(rounds: ExportRound[]): object[] {
  if (rounds.length === 0) return [];
  return [
    { text: ROUNDS_TITLE, style: 'h1', pageBreak: 'before' },
    ...rounds.flatMap((round) => [
      { text: pdfText(round.question), style: 'h2', headlineLevel: 2 },
      { text: pdfText(round.facts.join('\n')), italics: true, style: 'body' },
      ...round.items.flatMap((item) => [
        { text: pdfText(`${item.direction}: ${item.activity}${item.deleted ? ` ${DELETED_ITEM}` : ''}`), style: 'h3', headlineLevel: 3 },
        ...(item.answers.length === 0 ? [{ text: NO_ANSWERS, italics: true, style: 'body', margin: [18, 0, 0, 6] }] : []),
        ...item.answers.map((a) => ({ text: [...pdfText(`${a.author}, ${swedishDateTime(a.at)}: `, { bold: true }), ...pdfText(a.text)], style: 'body', margin: [18, 0, 0, 6] })),
      ]),
    ]),
  ];
}

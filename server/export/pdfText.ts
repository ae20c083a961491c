import type { TextRun } from '../../shared/plan/types';

// pdfmake has no font fallback: a character missing from the font prints as an empty
// box. Emoji are therefore cut out of the text and set in the emoji font.

const EMOJI = /((?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\p{Emoji_Modifier}|\u200D(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F))*)/u;

export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  font?: string;
  link?: string;
  color?: string;
  decoration?: 'underline';
}

export function pdfText(text: string, style: Omit<PdfInline, 'text'> = {}): PdfInline[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(EMOJI)
    .filter((part) => part !== '')
    .map((part) => (EMOJI.test(part) ? { ...style, text: part, font: 'Emoji' } : { ...style, text: part }));
}

export function pdfRuns(runs: TextRun[], base: Omit<PdfInline, 'text'> = {}): PdfInline[] {
  return runs.flatMap((run) =>
    pdfText(run.text, {
      ...base,
      ...(run.bold || base.bold ? { bold: true } : {}),
      ...(run.italic || base.italics ? { italics: true } : {}),
      ...(run.link ? { link: run.link, color: '#0B5394', decoration: 'underline' as const } : {}),
    }),
  );
}

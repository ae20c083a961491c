import { ExternalHyperlink, HeadingLevel, Paragraph, Tab, TextRun, type ParagraphChild } from 'docx';
import type { TextRun as PlanRun } from '../../shared/plan/types';
import type { SectionBlock } from '../../shared/export/sectionBlocks';

// The plan's rich text as Word paragraphs: real heading styles (so Word's navigation
// pane and screen readers see the outline), real list numbering, links as hyperlinks.

export const BULLETS = 'plan-bullets';
export const NUMBERS = 'plan-numbers';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

/**
 * Text as Word can hold it: characters XML forbids (control characters, lone halves of
 * surrogate pairs) would make the whole file unreadable, so they go; the vertical tab
 * Word itself puts in copied text for a manual line break becomes one.
 */
export const wordSafe = (text: string) =>
  text
    .replace(/\r\n?|[\v\f]/g, '\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

/** Text with its line breaks and tabs as Word breaks and tab characters. */
export function textRuns(text: string, style: RunStyle & { style?: string } = {}): TextRun[] {
  return wordSafe(text).split('\n').map((line, i) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part]));
    return new TextRun({ ...style, children, break: i > 0 ? 1 : undefined });
  });
}

export function inlineRuns(runs: PlanRun[], base: RunStyle = {}): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const style = { ...base, bold: run.bold || base.bold, italics: run.italic || base.italics };
    if (!run.link) return textRuns(run.text, style);
    return [new ExternalHyperlink({ link: wordSafe(run.link), children: textRuns(run.text, { ...style, style: 'Hyperlink' }) })];
  });
}

/**
 * Every list gets its own numbering instance: numbered lists each restart at 1, and
 * two lists in a row stay two when the file is read again. A section starts on a new
 * page when `newPage` is set; `cell` sets the spacing and size of text in a table.
 */
export function blockParagraphs(
  blocks: SectionBlock[],
  nextListInstance: () => number,
  newPage = false,
  cell?: { spacing: { after: number }; size: number },
): Paragraph[] {
  const runs = (r: PlanRun[]) => inlineRuns(r, cell ? { size: cell.size } : {});
  const spacing = cell?.spacing;
  return blocks.flatMap((block, index): Paragraph[] => {
    switch (block.type) {
      case 'heading':
        return [
          new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.runs), keepNext: true, pageBreakBefore: newPage && index === 0 }),
        ];
      case 'paragraph':
        return [new Paragraph({ spacing, children: runs(block.runs) })];
      case 'bulletList':
      case 'orderedList': {
        const reference = block.type === 'bulletList' ? BULLETS : NUMBERS;
        const instance = nextListInstance();
        return block.items.map((item) => new Paragraph({ spacing, children: runs(item), numbering: { reference, level: 0, instance } }));
      }
    }
  });
}

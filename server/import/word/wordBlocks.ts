import type { Block, TextRun } from '../../../shared/plan/types';
import type { WordParagraph } from './readParagraph';

export interface BlockOptions {
  /** Heading levels of the section's own heading and above are taken off (the export's section title is level 1). */
  shift: number;
  /** Keep empty paragraphs (a file Planbord wrote means them; elsewhere they are spacing). */
  keepEmpty: boolean;
  /** Read heading styles as headings (not in a table cell). */
  headings: boolean;
}

/**
 * Word paragraphs as the plan's blocks: headings by their style, list items gathered
 * into one list while they follow each other in the same list (each list of the export
 * has a numbering of its own, so two lists in a row stay two), paragraphs otherwise.
 */
export function wordBlocks(paragraphs: WordParagraph[], options: BlockOptions): Block[] {
  const blocks: Block[] = [];
  let listId: string | null = null;
  for (const p of paragraphs) {
    const empty = p.text.trim() === '' && !options.keepEmpty;
    if (p.list) {
      const kind = p.list.ordered ? 'orderedList' : 'bulletList';
      const last = blocks[blocks.length - 1];
      if (empty) continue;
      if (last && last.type === kind && listId === p.list.numId) last.items.push(p.runs);
      else blocks.push({ type: kind, items: [p.runs] });
      listId = p.list.numId;
      continue;
    }
    listId = null;
    if (empty) continue;
    if (options.headings && p.heading !== null) {
      blocks.push({ type: 'heading', level: Math.min(3, Math.max(1, p.heading - options.shift)) as 1 | 2 | 3, runs: p.runs });
    } else blocks.push({ type: 'paragraph', runs: p.runs });
  }
  return blocks;
}

/** The line break between two paragraphs joined: bold or italic when the text on both sides is. */
function lineBreak(before: TextRun | undefined, after: TextRun | undefined): TextRun {
  const run: TextRun = { text: '\n' };
  if (before?.bold && after?.bold) run.bold = true;
  if (before?.italic && after?.italic) run.italic = true;
  return run;
}

/** Paragraphs as one run list, a line break between them (the preamble). */
export function joinedRuns(paragraphs: WordParagraph[]): TextRun[] {
  const runs: TextRun[] = [];
  paragraphs.forEach((p, i) => {
    for (const run of i > 0 ? [lineBreak(runs[runs.length - 1], p.runs[0]), ...p.runs] : p.runs) {
      const last = runs[runs.length - 1];
      if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.link === run.link) last.text += run.text;
      else runs.push({ ...run });
    }
  });
  return runs;
}

import { runsText } from '../plan/richText';
import type { Block, TextRun } from '../plan/types';

/** A block of the exported document; headings may sit one level below the plan's own. */
export type SectionBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; runs: TextRun[] }
  | Exclude<Block, { type: 'heading' }>;

/**
 * A titled section ("Verksamhetsstrategi", "Handlingsplan för 2025") of the exported
 * document: the title as a top-level heading and the plan's blocks under it, their
 * headings one level down. When the plan's text already opens with that title it is
 * not repeated.
 */
export function sectionBlocks(title: string, blocks: Block[]): SectionBlock[] {
  const first = blocks[0];
  if (first?.type === 'heading' && runsText(first.runs).trim().toLowerCase() === title.toLowerCase()) return blocks;
  const shifted = blocks.map((b): SectionBlock => (b.type === 'heading' ? { ...b, level: (b.level + 1) as 2 | 3 | 4 } : b));
  return [{ type: 'heading', level: 1, runs: [{ text: title }] }, ...shifted];
}

export const STRATEGY_TITLE = 'Verksamhetsstrategi';
export const actionPlanTitle = (year: number) => `Handlingsplan för ${year}`;
export const TABLE_COLUMNS = ['Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio'] as const;

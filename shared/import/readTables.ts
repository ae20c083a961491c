import { unescapeText } from './escapes';
import { isSectionHeading } from './readSections';
import type { SourceRow } from './SourceRow';
import { isHeaderRow } from './tableRow';
import { isBlank, trimLine, type Line } from './toLines';

/** The trimmed cells of a tab-separated line, without the empty cells trailing tabs leave. */
export function splitCells(text: string): string[] {
  const cells = text.split('\t').map(trimLine);
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

const nextFilled = (lines: Line[], from: number) => {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i].text)) return i;
  return -1;
};

/** True when the line opens a direction: its next non-blank line is a header row. */
function opensTable(lines: Line[], index: number): boolean {
  const next = nextFilled(lines, index + 1);
  return next !== -1 && isHeaderRow(splitCells(lines[next].text));
}

/**
 * The lines of the action plan as table rows. Blank lines (inside a table too) are
 * left out. An escape never makes a cell read as layout: the layout is recognised in
 * the cells as written, so `\e` is an empty Vad that continues nothing.
 */
export function textRows(lines: Line[], start: number): SourceRow[] {
  const rows: SourceRow[] = [];
  for (let i = start; i < lines.length; i++) {
    const { text, no } = lines[i];
    if (isBlank(text)) continue;
    const cells = splitCells(text).map((raw) => ({ raw, text: unescapeText(raw) }));
    rows.push({ where: { line: no }, cells, continues: cells.length > 1 && cells[0].raw === '' });
  }
  return rows;
}

/**
 * Index of the line where the action plan starts (a tab, or a line opening a table),
 * or -1. "Handlingsplan för 2025" opens the focus text, never a direction, so a table
 * that lost its direction heading is refused instead of filed under that title.
 */
export function findActionPlan(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const { text } = lines[i];
    if (isBlank(text)) continue;
    if (text.includes('\t') || (!isSectionHeading(trimLine(text)) && opensTable(lines, i))) return i;
  }
  return -1;
}

import type { Block, TextRun } from '../plan/types';
import { parseInline } from './inlineRuns';
import { readBlocks } from './readBlocks';
import { isBlank, trimLine, type Line } from './toLines';

export const STRATEGY_HEADING = /^verksamhetsstrategi$/i;
export const FOCUS_HEADING = /^handlingsplan\s+(?:för\s+)?(?:19|20)\d\d$/i;
/** The two headings that divide the text part; a text that reads like one must be escaped. */
export const isSectionHeading = (line: string) => STRATEGY_HEADING.test(line) || FOCUS_HEADING.test(line);

export interface Sections {
  preamble: TextRun[];
  strategy: Block[];
  focus: Block[];
  /** Line number of "Handlingsplan för …", where the action plan should follow. */
  focusLine: number | null;
}

/** Runs of non-blank lines, trimmed, with the number of their first line. */
function chunks(lines: Line[], from: number, to: number): Array<{ no: number; lines: string[] }> {
  const out: Array<{ no: number; lines: string[] }> = [];
  let open = false;
  for (let i = from; i < to; i++) {
    if (isBlank(lines[i].text)) open = false;
    else if (open) out[out.length - 1].lines.push(trimLine(lines[i].text));
    else {
      out.push({ no: lines[i].no, lines: [trimLine(lines[i].text)] });
      open = true;
    }
  }
  return out;
}

/**
 * The text between the header and the action plan: the preamble, then after
 * "Verksamhetsstrategi" the strategy, then after "Handlingsplan för YEAR" the focus text.
 */
export function readSections(lines: Line[], from: number, to: number): Sections {
  let part: 'preamble' | 'strategy' | 'focus' = 'preamble';
  const preamble: string[] = [];
  const blocks = { strategy: [] as Block[], focus: [] as Block[] };
  let focusLine: number | null = null;
  for (const chunk of chunks(lines, from, to)) {
    let text = chunk.lines;
    if (part === 'preamble' && STRATEGY_HEADING.test(text[0])) {
      part = 'strategy';
      text = text.slice(1);
    } else if (part !== 'focus' && FOCUS_HEADING.test(text[0])) {
      part = 'focus';
      focusLine = chunk.no;
      text = text.slice(1);
    }
    if (text.length === 0) continue;
    if (part === 'preamble') preamble.push(text.join('\n'));
    else blocks[part].push(...readBlocks(text));
  }
  return { preamble: parseInline(preamble.join('\n\n')), ...blocks, focusLine };
}

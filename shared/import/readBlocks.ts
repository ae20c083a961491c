import type { Block } from '../plan/types';
import { parseInline } from './inlineRuns';

// A chunk is a run of non-blank lines (already trimmed). What a chunk is follows the
// seed's own layout; `#` headings and a leading backslash are the explicit forms the
// writer falls back to when a text would otherwise read as something else.

const MARKED_HEADING = /^(#{1,3})(?:[ \t]+(.*))?$/s;
// "1. Vision", "3.1 Organisation": a section number with at least one dot.
const NUMBERED_HEADING = /^\d{1,2}(?:(?:\.\d{1,2})+\.?|\.)[ \t]+\S/;
const BULLET = /^-(?:[ \t]+|$)/;
const ORDERED = /^\d{1,3}[.)](?:[ \t]+|$)/;
const SENTENCE_END = /[.:;!?,]$/;
const MARKUP = /[*<[\\]/;

function numberedHeadingLevel(line: string): 1 | 2 | 3 | null {
  if (!NUMBERED_HEADING.test(line) || SENTENCE_END.test(line) || MARKUP.test(line) || line.length > 100) return null;
  const depth = /^[\d.]+/.exec(line)![0].split('.').filter(Boolean).length;
  return Math.min(depth, 3) as 1 | 2 | 3;
}

// Short capitalised lines without a full stop ("Medlemmar", "Kansli") are the
// sub-headings of the organisation section.
const isTitleLine = (line: string) =>
  /^\p{Lu}/u.test(line) && line.length <= 40 && line.split(/\s+/).length <= 4 && !SENTENCE_END.test(line) && !MARKUP.test(line);

function singleLineBlock(line: string): Block | null {
  const marked = MARKED_HEADING.exec(line);
  if (marked) return { type: 'heading', level: marked[1].length as 1 | 2 | 3, runs: parseInline(marked[2] ?? '') };
  const level = numberedHeadingLevel(line);
  if (level) return { type: 'heading', level, runs: parseInline(line) };
  if (isTitleLine(line)) return { type: 'heading', level: 3, runs: parseInline(line) };
  return null;
}

const kindOf = (line: string) => (BULLET.test(line) ? 'bulletList' : ORDERED.test(line) ? 'orderedList' : 'paragraph');

/** The blocks of one chunk: a heading, a paragraph, or lists and paragraphs in turn. */
export function readBlocks(lines: string[]): Block[] {
  if (lines[0].startsWith('\\')) return [{ type: 'paragraph', runs: parseInline(lines.join('\n')) }];
  const single = lines.length === 1 ? singleLineBlock(lines[0]) : null;
  if (single) return [single];
  const blocks: Block[] = [];
  let group: string[] = [];
  const flush = () => {
    const kind = kindOf(group[0]);
    if (kind === 'paragraph') blocks.push({ type: 'paragraph', runs: parseInline(group.join('\n')) });
    else blocks.push({ type: kind, items: group.map((l) => parseInline(l.replace(kind === 'bulletList' ? BULLET : ORDERED, ''))) });
    group = [];
  };
  for (const line of lines) {
    if (group.length && kindOf(line) !== kindOf(group[0])) flush();
    group.push(line);
  }
  flush();
  return blocks;
}

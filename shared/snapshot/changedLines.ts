import type { WordSegment } from './diffWords';

// The strategy runs to pages; a change of one word in it is read best as the lines it
// touched, not as the whole text with one word marked. This picks those lines out of a
// word-level comparison, keeping each line's highlighting.

/** A line of the compared text, as segments; null stands for unchanged lines left out. */
export type ChangedLine = WordSegment[] | null;

export function changedLines(segments: WordSegment[]): ChangedLine[] {
  const lines: Array<{ segments: WordSegment[]; changed: boolean }> = [{ segments: [], changed: false }];
  for (const segment of segments) {
    segment.text.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push({ segments: [], changed: false });
      const line = lines[lines.length - 1];
      if (piece) line.segments.push({ op: segment.op, text: piece });
      // An added or removed line break changes the lines on both sides of it.
      if (segment.op !== 'same') line.changed = true;
    });
  }
  const out: ChangedLine[] = [];
  let last = -1;
  lines.forEach((line, i) => {
    if (!line.changed) return;
    if (i > last + 1) out.push(null);
    out.push(line.segments);
    last = i;
  });
  if (last >= 0 && last < lines.length - 1) out.push(null);
  return out;
}

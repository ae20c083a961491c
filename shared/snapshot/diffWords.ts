// Word-level comparison of two texts, for highlighting what an edit changed.
// Joining the 'same' and 'del' segments gives the old text back, joining the 'same'
// and 'add' segments gives the new one: the highlighting never loses a character.

export interface WordSegment {
  op: 'same' | 'add' | 'del';
  text: string;
}

// Words (letters, digits and combining marks), runs of white space, or any other
// single character, so that "Pågår," against "Pågår." changes only the comma.
const TOKEN = /[\p{L}\p{N}\p{M}_]+|\s+|[^\p{L}\p{N}\p{M}_\s]/gu;

/**
 * Past this many edit steps the texts have little in common and a word-by-word
 * highlight is noise; the middle is then shown as removed and added whole. The cap
 * also bounds the work for the 20,000-character Hur fields.
 */
const MAX_EDITS = 1000;

export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

export function diffWords(a: string, b: string): WordSegment[] {
  if (a === b) return a ? [{ op: 'same', text: a }] : [];
  const x = tokenize(a);
  const y = tokenize(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const out: WordSegment[] = [];
  push(out, 'same', x.slice(0, start));
  for (const [op, tokens] of myers(x.slice(start, endX), y.slice(start, endY))) push(out, op, tokens);
  push(out, 'same', x.slice(endX));
  return absorbSpaces(out);
}

function push(out: WordSegment[], op: WordSegment['op'], tokens: string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

type Run = [WordSegment['op'], string[]];

/** Myers' O(ND) shortest edit script over tokens, as runs of same/del/add. */
function myers(x: string[], y: string[]): Run[] {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return [['del', x], ['add', y]];
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let px = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) return backtrack(trace, x, y, offset, d, k);
    }
  }
  return [['del', x], ['add', y]];
}

function backtrack(trace: Int32Array[], x: string[], y: string[], offset: number, dEnd: number, kEnd: number): Run[] {
  const runs: Run[] = [];
  let px = x.length;
  let k = kEnd;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const startX = down ? prevX : prevX + 1;
    if (px > startX) runs.push(['same', x.slice(startX, px)]);
    runs.push(down ? ['add', [y[prevX - prevK]]] : ['del', [x[prevX]]]);
    px = prevX;
    k = prevK;
  }
  if (px > 0) runs.push(['same', x.slice(0, px)]);
  return runs.reverse();
}

/**
 * A lone space between two changes reads better inside the change ("old words" →
 * "new words") than as a sliver of unchanged text; within a change, all removed text
 * comes before all added text.
 */
function absorbSpaces(segments: WordSegment[]): WordSegment[] {
  const out: WordSegment[] = [];
  let del = '';
  let add = '';
  const flush = () => {
    if (del) out.push({ op: 'del', text: del });
    if (add) out.push({ op: 'add', text: add });
    del = add = '';
  };
  segments.forEach((s, i) => {
    const between = i > 0 && i < segments.length - 1 && segments[i - 1].op !== 'same' && segments[i + 1].op !== 'same';
    if (s.op === 'del') del += s.text;
    else if (s.op === 'add') add += s.text;
    else if (between && /^\s+$/.test(s.text)) {
      del += s.text;
      add += s.text;
    } else {
      flush();
      out.push({ ...s });
    }
  });
  flush();
  return out;
}

/**
 * The two texts a comparison joins, each whole and readable as it was written: before
 * (its removed words marked) and after (its added words marked).
 */
export function sidesOf(segments: WordSegment[]): { before: WordSegment[]; after: WordSegment[] } {
  const side = (keep: WordSegment['op']) => {
    const out: WordSegment[] = [];
    for (const s of segments) if (s.op === 'same' || s.op === keep) push(out, s.op, [s.text]);
    return out;
  };
  return { before: side('del'), after: side('add') };
}

// A change carries "who sent it, which one, and when" inside the update itself, as
// the status note it writes: `bm:<writer>:<seq>:<ms>`. Yjs stores strings verbatim,
// so a reader finds the marker in the received bytes without decoding the update,
// and whatever a server does to an update (merge, re-encode) the marker survives.

const MARK = Buffer.from('bm:');

export const marker = (writer: number, seq: number, sentAt: number) => `bm:${writer}:${seq}:${sentAt.toFixed(3)}`;

export interface Marker {
  writer: number;
  seq: number;
  sentAt: number;
}

/** Calls `found` for every marker in bytes[from..]; returns how many were found. */
export function scanMarkers(bytes: Buffer, from: number, found: (writer: number, seq: number, sentAt: number) => void): number {
  let n = 0;
  let at = bytes.indexOf(MARK, from);
  while (at >= 0) {
    let i = at + MARK.length;
    const fields = [0, 0, 0];
    let field = 0;
    let scale = 0; // > 0 after the decimal point of the time
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c >= 48 && c <= 57) {
        if (scale) {
          scale /= 10;
          fields[field] += (c - 48) * scale;
        } else fields[field] = fields[field] * 10 + (c - 48);
      } else if (c === 58 && field < 2) field++;
      else if (c === 46 && field === 2 && !scale) scale = 1;
      else break;
    }
    if (field === 2) {
      found(fields[0], fields[1], fields[2]);
      n++;
    }
    at = bytes.indexOf(MARK, i);
  }
  return n;
}

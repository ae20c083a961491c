import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The awareness update with only the entries (client id, clock, state) whose client id
 * `keep` accepts, or null when none is left. The states are copied as bytes, never
 * parsed; the update itself comes back when every entry is kept.
 */
export function keepAwarenessEntries(update: Uint8Array, keep: (clientId: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const first = decoder.pos;
  let kept: encoding.Encoder | null = null; // from the first dropped entry on
  let keptCount = 0;
  for (let i = 0; i < count; i++) {
    const start = decoder.pos;
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    decoding.readVarUint8Array(decoder); // the state as JSON text
    if (keep(clientId)) {
      keptCount++;
      if (kept) encoding.writeUint8Array(kept, update.subarray(start, decoder.pos));
    } else if (!kept) {
      kept = encoding.createEncoder();
      encoding.writeUint8Array(kept, update.subarray(first, start));
    }
  }
  if (!kept) return update;
  if (keptCount === 0) return null;
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, keptCount);
  encoding.writeUint8Array(out, encoding.toUint8Array(kept));
  return encoding.toUint8Array(out);
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// What processes tell each other through Redis about one document: updates that were
// committed (with their place in the document's sequence), or presence. The sender is
// named, so a process skips what it sent itself.

export type FanoutMessage =
  | { kind: 'updates'; sender: string; firstSeq: number; lastSeq: number; updates: Uint8Array[] }
  | { kind: 'presence'; sender: string; update: Uint8Array };

const UPDATES = 1;
const PRESENCE = 2;

export function encodeFanoutMessage(message: FanoutMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, message.kind === 'updates' ? UPDATES : PRESENCE);
  encoding.writeVarString(e, message.sender);
  if (message.kind === 'updates') {
    encoding.writeVarUint(e, message.firstSeq);
    encoding.writeVarUint(e, message.lastSeq);
    encoding.writeVarUint(e, message.updates.length);
    for (const u of message.updates) encoding.writeVarUint8Array(e, u);
  } else encoding.writeVarUint8Array(e, message.update);
  return encoding.toUint8Array(e);
}

/** The message, or null when the bytes are not one (nothing but Planbord should publish here). */
export function decodeFanoutMessage(bytes: Uint8Array): FanoutMessage | null {
  try {
    const d = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(d);
    const sender = decoding.readVarString(d);
    if (kind === UPDATES) {
      const firstSeq = decoding.readVarUint(d);
      const lastSeq = decoding.readVarUint(d);
      const updates = Array.from({ length: decoding.readVarUint(d) }, () => decoding.readVarUint8Array(d));
      return firstSeq <= lastSeq ? { kind: 'updates', sender, firstSeq, lastSeq, updates } : null;
    }
    if (kind === PRESENCE) return { kind: 'presence', sender, update: decoding.readVarUint8Array(d) };
    return null;
  } catch {
    return null;
  }
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Presence (y-protocols awareness) states are written by clients, so a client could
// claim any name. The sync server passes every awareness update from a connection
// through this function, which replaces the `user` field of each state with the
// identity of the session. What the client chose for itself (a colour) is kept.

export interface PresenceUser {
  id: string;
  name: string;
}

/** Decodes an awareness update, stamps each state with the session's user, re-encodes. */
export function rewriteAwarenessUser(update: Uint8Array, user: PresenceUser): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)); // clientID
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    encoding.writeVarString(encoder, JSON.stringify(stamp(state, user)));
  }
  return encoding.toUint8Array(encoder);
}

function stamp(state: unknown, user: PresenceUser): unknown {
  // null means "this client left"; it carries no identity to rewrite.
  if (state === null) return null;
  const base = typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const claimed = base.user;
  const kept = typeof claimed === 'object' && claimed !== null && !Array.isArray(claimed) ? claimed : {};
  return { ...base, user: { ...kept, id: user.id, name: user.name } };
}

import * as encoding from 'lib0/encoding';

// The two framings the measured servers speak. y-websocket (ours and @y/websocket-server)
// names the document in the URL and sends bare y-protocols messages. Hocuspocus
// multiplexes documents over one socket: every message starts with the document name,
// and a document opens with an Auth message. The y-protocols payloads inside are the
// same bytes for every server, so every server gets identical work.

export type DialectName = 'y-websocket' | 'hocuspocus';

export interface Dialect {
  name: DialectName;
  /** Wraps one y-protocols message for the wire. */
  wrap(message: Uint8Array): Uint8Array;
  /** Bytes before the y-protocols message in every incoming frame. */
  prefixLength: number;
  /** Messages a client sends before its first sync step. */
  opening(): Uint8Array[];
}

/** Hocuspocus' Auth message type and its Token sub-type. */
const HOCUSPOCUS_AUTH = 2;
const AUTH_TOKEN = 0;

export function dialect(name: DialectName, docName: string): Dialect {
  if (name === 'y-websocket') return { name, wrap: (m) => m, prefixLength: 0, opening: () => [] };
  const head = encoding.createEncoder();
  encoding.writeVarString(head, docName);
  const prefix = encoding.toUint8Array(head);
  const wrap = (message: Uint8Array) => {
    const out = new Uint8Array(prefix.length + message.length);
    out.set(prefix, 0);
    out.set(message, prefix.length);
    return out;
  };
  return {
    name,
    wrap,
    prefixLength: prefix.length,
    opening: () => {
      const auth = encoding.createEncoder();
      encoding.writeVarString(auth, docName);
      encoding.writeVarUint(auth, HOCUSPOCUS_AUTH);
      encoding.writeVarUint(auth, AUTH_TOKEN);
      encoding.writeVarString(auth, 'bench');
      return [encoding.toUint8Array(auth)];
    },
  };
}

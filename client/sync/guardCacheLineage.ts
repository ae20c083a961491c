import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { messageSync, type WebsocketProvider } from 'y-websocket';

/**
 * The browser keeps each plan in IndexedDB under the plan's id. If the server's data
 * was replaced meanwhile (a fresh data folder imports the plan anew, with new item ids),
 * merging that cache into the server's document would duplicate every card for everyone.
 *
 * A cache that came from this server holds at least one of the server's client ids, so
 * the server's sync step 1 (its state vector) tells the two apart before we answer it
 * with our content. On a foreign cache we answer nothing and call `onForeign`.
 */
export function guardCacheLineage(provider: WebsocketProvider, onForeign: () => void): void {
  const handleSync = provider.messageHandlers[messageSync];
  let checked = false;
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    if (!checked) {
      const peek = decoding.clone(decoder);
      if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) {
        checked = true;
        const server = Y.decodeStateVector(decoding.readVarUint8Array(peek));
        if (isForeign(provider.doc, server)) {
          provider.disconnect();
          onForeign();
          return;
        }
      }
    }
    handleSync(encoder, decoder, p, emitSynced, messageType);
  };
}

function isForeign(doc: Y.Doc, server: Map<number, number>): boolean {
  if (server.size === 0) return false;
  const cached = [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].filter((id) => id !== doc.clientID);
  return cached.length > 0 && !cached.some((id) => server.has(id));
}

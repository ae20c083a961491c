import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './waitFor';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/**
 * A y-websocket client in Node, as the browser uses it. BroadcastChannel is off: Node
 * has one, and two clients in one test process would otherwise sync past the server.
 */
export async function connectClient(wsUrl: string, docName = 'plan/2025', doc = new Y.Doc()): Promise<SyncClient> {
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await waitFor(() => provider.synced, { what: `${docName} to sync` });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

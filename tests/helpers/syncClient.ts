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
export async function connectClient(
  wsUrl: string,
  docName = 'plan/2025',
  options: { doc?: Y.Doc; headers?: Record<string, string>; beforeConnect?: (provider: WebsocketProvider) => void } = {},
): Promise<SyncClient> {
  const doc = options.doc ?? new Y.Doc();
  const headers = options.headers ?? {};
  // A browser sends its cookie and Origin with the handshake; in Node they are set here.
  class HeaderSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: HeaderSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
  });
  options.beforeConnect?.(provider);
  provider.connect();
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

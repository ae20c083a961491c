import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { defaultWsBase } from '../sync/connectPlan';
import { jitterReconnects } from '../sync/jitterReconnects';

export interface DiscussionConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/**
 * Follows a plan's discussion document live at /ws/discussion/<planId>. The server
 * refuses every change a client sends to it, so this side only reads: comments are
 * written through the comment API and come back through this document.
 */
export function connectDiscussion(planId: string, wsBase = defaultWsBase()): DiscussionConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsBase}/ws`, `discussion/${encodeURIComponent(planId)}`, doc);
  jitterReconnects(provider);
  // Presence belongs to the plan's document; nobody needs to see who reads the discussion.
  provider.awareness.setLocalState(null);
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { rewriteAwarenessUser } from '../../server/auth/awarenessIdentity';

const session = { id: 'u-anna', name: 'Anna Berg' };

/** What another client sees after the server passed a client's update through. */
function relay(from: Awareness, clients = [from.clientID]) {
  const seen = new Awareness(new Y.Doc());
  applyAwarenessUpdate(seen, rewriteAwarenessUser(encodeAwarenessUpdate(from, clients), session), 'server');
  return seen;
}

describe('presence names from the session', () => {
  it('replaces the name and id a client claims, keeping its colour and cursor', () => {
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'Ordföranden', id: 'u-chair', color: '#1a7f37' }, cursor: { anchor: 3 } });
    const state = relay(client).getStates().get(client.clientID);
    expect(state).toEqual({ user: { name: 'Anna Berg', id: 'u-anna', color: '#1a7f37' }, cursor: { anchor: 3 } });
  });

  it('stamps states that claim no user at all, or a user that is not an object', () => {
    for (const local of [{ cursor: null }, { user: 'Mallory' }, { user: ['x'] }]) {
      const client = new Awareness(new Y.Doc());
      client.setLocalState(local);
      expect(relay(client).getStates().get(client.clientID)?.user).toEqual({ id: 'u-anna', name: 'Anna Berg' });
    }
  });

  it('stamps every state of a multi-client update, and passes on that a client left', () => {
    const a = new Awareness(new Y.Doc());
    const b = new Awareness(new Y.Doc());
    a.setLocalState({ user: { name: 'A' } });
    b.setLocalState({ user: { name: 'B' } });
    applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'test');
    const seen = relay(a, [a.clientID, b.clientID]);
    expect([a.clientID, b.clientID].map((id) => seen.getStates().get(id)?.user.name)).toEqual(['Anna Berg', 'Anna Berg']);

    removeAwarenessStates(a, [a.clientID], 'test');
    applyAwarenessUpdate(seen, rewriteAwarenessUser(encodeAwarenessUpdate(a, [a.clientID]), session), 'server');
    expect(seen.getStates().has(a.clientID)).toBe(false);
  });

  it('throws on bytes that are not an awareness update, so the connection can be closed', () => {
    expect(() => rewriteAwarenessUser(new Uint8Array([1, 2]), session)).toThrow();
    expect(() => rewriteAwarenessUser(new Uint8Array([1, 1, 1, 3, 0x7b, 0x7b, 0x7b]), session)).toThrow();
  });
});

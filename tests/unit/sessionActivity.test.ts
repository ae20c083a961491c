import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { BACKGROUND_HEADER, BACKGROUND_HEADER_VALUE } from '../../shared/auth/backgroundHeader';
import { awarenessMsg, handMadeUpdate, kindOf, syncStep1, updateMsg } from '../helpers/rawSocket';
import { waitFor } from '../helpers/waitFor';
import { START } from './authFixture';
import { syncFixture, type Person, type RawClient, type SyncFixture } from './authSyncFixture';

// What keeps a session alive, against the real server with a clock the test moves:
// what the person does (a request, an edit), never what an open page does by itself
// (polling, renewing presence, reconnecting). A session that ends closes its open
// websocket connections with 4401 at the next sweep.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let f: SyncFixture;
const clock = { now: START, advance: (ms: number) => void (clock.now += ms) };
beforeEach(async () => {
  clock.now = START;
  f = await syncFixture({ clock: () => clock.now, auth: { sessionSweepMs: 20 } });
});
afterEach(() => f.close());

/** The meeting banner's poll, exactly as the page sends it. */
const poll = (who: Person) =>
  fetch(`${f.origin}/api/plans/2025/meetings`, { headers: { ...who.headers, [BACKGROUND_HEADER]: BACKGROUND_HEADER_VALUE } });
/** A page the person opens. */
const visit = (who: Person) => fetch(`${f.origin}/api/plans/2025/meetings`, { headers: who.headers });
/** Whether the session is alive, asked without extending it. */
const signedIn = async (who: Person) => (await poll(who)).status === 200;

async function openBoard(who: Person): Promise<RawClient> {
  const sock = await f.raw(who.headers);
  await waitFor(() => sock.received.some((m) => kindOf(m).join() === '0,1'), { what: 'the plan' });
  return sock;
}

/** What y-websocket sends by itself while a tab stands open: its presence, renewed, and a sync request. */
function renewPresence(sock: RawClient): void {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name: 'x' } });
  sock.send(awarenessMsg(encodeAwarenessUpdate(awareness, [awareness.clientID])));
  sock.send(syncStep1(new Uint8Array([0])));
}

const base = () => Y.encodeStateAsUpdate(new Y.Doc());

describe('what keeps a session alive', () => {
  it('is not the page polling: a session only polled ends 8 hours after the person last did something', async () => {
    const polled = await f.person('styrelse', 'Polled');
    const working = await f.person('styrelse', 'Working');
    for (let hour = 1; hour <= 7; hour++) {
      clock.advance(HOUR);
      expect((await poll(polled)).status).toBe(200);
    }
    expect((await visit(working)).status).toBe(200);
    clock.advance(HOUR);
    expect((await poll(polled)).status).toBe(401);
    expect(await signedIn(working)).toBe(true);
    // and a request the person makes afterwards does not bring the ended session back
    expect((await visit(polled)).status).toBe(401);
  });

  it('closes an idle session’s open connections with 4401 once it ends, presence renewals notwithstanding', async () => {
    const idle = await f.person('styrelse', 'Idle');
    clock.advance(HOUR);
    const later = await f.person('tjanstepersonforum', 'Later');
    const [board, discussion] = [await openBoard(idle), await f.raw(idle.headers, 'discussion/2025')];
    const laterBoard = await openBoard(later);
    // From the second hour to the seventh after the idle person signed in
    for (let hour = 2; hour < 8; hour++) {
      clock.advance(HOUR);
      renewPresence(board);
      await board.barrier();
    }
    expect(board.ws.readyState).toBe(board.ws.OPEN);
    clock.advance(HOUR);
    expect((await board.closed).code).toBe(4401);
    expect((await discussion.closed).code).toBe(4401);
    expect(await signedIn(idle)).toBe(false);
    // The sweep that closed those checked this one too, and its session has an hour left.
    expect(laterBoard.ws.readyState).toBe(laterBoard.ws.OPEN);
    clock.advance(HOUR);
    expect((await laterBoard.closed).code).toBe(4401);
  });

  it('is editing live: a board member who keeps editing for 9 hours stays signed in, a forum member’s dropped changes do not count', async () => {
    const editor = await f.person('styrelse', 'Editor');
    const forum = await f.person('tjanstepersonforum', 'Forum');
    const [editing, dropped] = [await openBoard(editor), await openBoard(forum)];
    for (let hour = 1; hour <= 9; hour++) {
      clock.advance(HOUR);
      editing.send(updateMsg(handMadeUpdate(base(), `edit-${hour}`, 'x')));
      dropped.send(updateMsg(handMadeUpdate(base(), `forum-${hour}`, 'x')));
      await Promise.all([editing.barrier(), hour < 8 ? dropped.barrier() : Promise.resolve()]);
    }
    expect((await dropped.closed).code).toBe(4401);
    // On a database server the commit may come after the barrier's answer.
    await waitFor(async () => (await f.storedMeta()).get('edit-9') === 'x', { what: 'the last edit stored' });
    expect(editing.ws.readyState).toBe(editing.ws.OPEN);
    expect(await signedIn(editor)).toBe(true);
  });
});

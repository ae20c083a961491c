import type { DocConnection } from '../../server/sync/SharedDoc';

/**
 * A connection of the person `userId` that writes and ignores what it is sent, for
 * handing changes to a SharedDoc directly; a refused change is thrown.
 */
export function quietConnection(userId: string): DocConnection {
  return {
    userId,
    canWrite: true,
    awarenessIds: null,
    send: () => {},
    sendFrame: () => {},
    close: () => {},
    changeStored: () => {},
    changeRefused: (err) => {
      throw err;
    },
    movedTo: () => {},
  };
}

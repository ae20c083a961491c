import * as encoding from 'lib0/encoding';
import { awarenessMessage as wrapAwareness, syncStep1Message, syncStep2Message } from '../../server/sync/encodeMessage';

// y-protocols messages as bytes, built without a Y.Doc: the light clients of the load
// generator hold no document, so that the generator's own CPU stays far below the
// server's and the figures measure the server. The encoders are the protocol's, the
// same bytes whichever server receives them.

export { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../server/sync/readMessage';
export { updateMessage } from '../../server/sync/encodeMessage';
/** Hocuspocus answers a sync step 1 with this type; its payload is a sync message. */
export const MESSAGE_SYNC_REPLY = 4;

/** "I hold nothing": the state vector of an empty document. */
export const emptySyncStep1 = () => syncStep1Message(new Uint8Array([0]));
/** "You lack nothing from me": the update of an empty document. */
export const emptySyncStep2 = () => syncStep2Message(new Uint8Array([0, 0]));

/** An awareness update of one client, as y-protocols encodes it. */
export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  return wrapAwareness(encoding.toUint8Array(update));
}

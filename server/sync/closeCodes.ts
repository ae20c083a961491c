// Websocket close codes the sync server uses, in one place. y-websocket clients stop
// reconnecting on 4400–4499 (a deliberate refusal that retrying cannot fix) and retry
// on everything else, including 4500–4599 ("try again later"), so each code's range
// is chosen for what the client should do next.

export const CLOSE_CODES = {
  /** The server is shutting down or restarting; reconnect. */
  GOING_AWAY: 1001,
  /** A message over the size limit (sent by `ws` itself when maxPayload is exceeded). */
  MESSAGE_TOO_BIG: 1009,
  /** A message the protocol or Yjs cannot decode. Retrying would send it again. */
  MALFORMED_MESSAGE: 4400,
  /** The session ended or the person was deactivated. */
  UNAUTHORIZED: 4401,
  /** The connection may no longer read this document. */
  FORBIDDEN: 4403,
  /** The document no longer exists. */
  DOCUMENT_NOT_FOUND: 4404,
  /** Too many messages in too short a time. */
  RATE_LIMITED: 4429,
  /** An unexpected server error while handling a message. */
  INTERNAL_ERROR: 4500,
  /** The database refused to store a change; nothing of it was applied or sent on. */
  STORAGE_FAILURE: 4503,
  /** The client stopped reading: its unsent backlog passed the limit. */
  BACKLOG_FULL: 4508,
} as const;

export type CloseCodeName = keyof typeof CLOSE_CODES;
export type CloseCode = (typeof CLOSE_CODES)[CloseCodeName];

/** Close reasons are short (a close frame carries at most 123 bytes) and in English. */
export const CLOSE_REASONS: Record<CloseCodeName, string> = {
  GOING_AWAY: 'server shutting down',
  MESSAGE_TOO_BIG: 'message too big',
  MALFORMED_MESSAGE: 'malformed message',
  UNAUTHORIZED: 'not signed in',
  FORBIDDEN: 'forbidden',
  DOCUMENT_NOT_FOUND: 'document not found',
  RATE_LIMITED: 'too many messages',
  INTERNAL_ERROR: 'internal error',
  STORAGE_FAILURE: 'storage unavailable, change not saved',
  BACKLOG_FULL: 'client not reading',
};

// Document names travel in the websocket path: /ws/<kind>/<planId>. Each kind is a
// separate permission domain (a connection is read-write or read-only per document).

export const DOC_KINDS = ['plan', 'discussion'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export interface DocName {
  /** The full name, e.g. "plan/2025": the key in storage and in the registry. */
  name: string;
  kind: DocKind;
  planId: string;
}

const PATTERN = /^(plan|discussion)\/([a-z0-9-]{1,64})$/;
export const WS_PATH_PREFIX = '/ws/';

export const planDocName = (planId: string) => `plan/${planId}`;
export const discussionDocName = (planId: string) => `discussion/${planId}`;

export function parseDocName(name: string): DocName | null {
  const match = PATTERN.exec(name);
  return match ? { name, kind: match[1] as DocKind, planId: match[2] } : null;
}

/** The document a websocket upgrade asks for, from its request URL; null if none. */
export function docNameFromUrl(url: string | undefined): DocName | null {
  if (!url) return null;
  const path = url.split('?', 1)[0];
  return path.startsWith(WS_PATH_PREFIX) ? parseDocName(path.slice(WS_PATH_PREFIX.length)) : null;
}

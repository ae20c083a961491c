import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { fetchMeetings, type OpenMeeting } from './meetingApi';
import { MEETINGS_CHANGED } from './meetingEvents';

/** How often to look for a meeting opened or closed elsewhere. */
const POLL_MS = 5_000;
/** Typing sends many updates; ask for the change list once they pause. */
const SETTLE_MS = 500;

/**
 * The plan's open meeting and its change list, kept live: refetched when the plan
 * document changes (every update is stored on the server before anyone receives it,
 * so the server's list already holds it), when this browser changes a meeting, and
 * every few seconds for meetings opened or closed elsewhere.
 */
export function useOpenMeeting(planId: string, doc: Y.Doc): OpenMeeting | null {
  const [open, setOpen] = useState<OpenMeeting | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const refresh = useCallback(() => {
    // Marked as the page's own request: polling alone never keeps a session alive.
    fetchMeetings(planId, { background: true }).then(
      (r) => setOpen(r.open),
      () => {}, // offline or signed out: keep what is shown; the next poll tries again
    );
  }, [planId]);

  useEffect(() => {
    refresh();
    const poll = setInterval(refresh, POLL_MS);
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      if (!openRef.current) return;
      clearTimeout(settle);
      settle = setTimeout(refresh, SETTLE_MS);
    };
    doc.on('update', onUpdate);
    window.addEventListener(MEETINGS_CHANGED, refresh);
    return () => {
      clearInterval(poll);
      clearTimeout(settle);
      doc.off('update', onUpdate);
      window.removeEventListener(MEETINGS_CHANGED, refresh);
    };
  }, [doc, refresh]);
  return open;
}

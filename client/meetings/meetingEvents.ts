/**
 * Dispatched on window after this browser opened, closed or snapshotted a meeting, so
 * that the banner and the history page refresh at once instead of at their next poll.
 */
export const MEETINGS_CHANGED = 'planbord:meetings-changed';

export const announceMeetingsChanged = () => window.dispatchEvent(new Event(MEETINGS_CHANGED));

import * as Y from 'yjs';
import type { MeetingStore } from '../store/MeetingStore';

/** A fresh document holding a stored snapshot's plan; the caller destroys it. */
export function snapshotDoc(meetings: Pick<MeetingStore, 'content'>, snapshotId: number): Y.Doc {
  const doc = new Y.Doc();
  const content = meetings.content(snapshotId);
  if (content) Y.applyUpdate(doc, content.planState);
  return doc;
}

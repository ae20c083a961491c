import * as Y from 'yjs';
import type { MeetingStore } from '../store/MeetingStore';

/** A fresh document holding a stored snapshot's plan; the caller destroys it. */
export async function snapshotDoc(meetings: Pick<MeetingStore, 'content'>, snapshotId: number): Promise<Y.Doc> {
  const content = await meetings.content(snapshotId);
  const doc = new Y.Doc();
  if (content) Y.applyUpdate(doc, content.planState);
  return doc;
}

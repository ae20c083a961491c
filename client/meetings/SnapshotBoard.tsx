import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { Board } from '../board/Board';
import { SnapshotDiscussion } from '../comments/SnapshotDiscussion';
import { useDirections } from '../hooks/useDirections';
import { useItems } from '../hooks/useItems';
import { SnapshotRounds } from '../rounds/SnapshotRounds';
import { fetchSnapshotDiscussion, fetchSnapshotState } from './meetingApi';
import { useMeetingTexts } from './meetingTexts';

const nothing = () => {};

interface Stored {
  plan: Y.Doc;
  discussion: Y.Doc;
}

function ReadOnlyBoard({ planId, snapshotId, stored }: { planId: string; snapshotId: number; stored: Stored }) {
  const directions = useDirections(stored.plan);
  const items = useItems(stored.plan);
  return (
    // The snapshot's own discussion and rounds, not the live ones: as they were then.
    <SnapshotRounds planId={planId} snapshotId={snapshotId}>
      <SnapshotDiscussion planId={planId} planDoc={stored.plan} doc={stored.discussion}>
        <Board doc={stored.plan} directions={directions} items={items} visible={items} readOnly onAdd={nothing} onEdit={nothing} onRemove={nothing} />
      </SnapshotDiscussion>
    </SnapshotRounds>
  );
}

const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

/** A snapshot in the board view, read-only with its discussion: documents of their own, never synced. */
export function SnapshotBoard({ planId, snapshotId, label }: { planId: string; snapshotId: number; label: string }) {
  const t = useMeetingTexts();
  const [stored, setStored] = useState<Stored | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let loaded: Stored | null = null;
    setStored(null);
    setFailed(false);
    Promise.all([fetchSnapshotState(snapshotId, abort.signal), fetchSnapshotDiscussion(snapshotId, abort.signal)]).then(
      ([plan, discussion]) => {
        loaded = { plan: docOf(plan), discussion: docOf(discussion) };
        setStored(loaded);
      },
      () => !abort.signal.aborted && setFailed(true),
    );
    return () => {
      abort.abort();
      loaded?.plan.destroy();
      loaded?.discussion.destroy();
    };
  }, [snapshotId]);
  return (
    <section className="snapshot-board" aria-label={t.readOnly(label)}>
      <h3>{t.readOnly(label)}</h3>
      {stored ? <ReadOnlyBoard planId={planId} snapshotId={snapshotId} stored={stored} /> : <p role={failed ? 'alert' : 'status'}>{failed ? t.failed('') : t.loading}</p>}
    </section>
  );
}

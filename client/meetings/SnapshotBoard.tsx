import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { Board } from '../board/Board';
import { DiscussionContext } from '../comments/DiscussionContext';
import { useDirections } from '../hooks/useDirections';
import { useItems } from '../hooks/useItems';
import { fetchSnapshotState } from './meetingApi';
import { useMeetingTexts } from './meetingTexts';

const nothing = () => {};

function ReadOnlyBoard({ doc }: { doc: Y.Doc }) {
  const directions = useDirections(doc);
  const items = useItems(doc);
  return (
    // The live discussion belongs to the plan as it is now, not to this snapshot.
    <DiscussionContext.Provider value={null}>
      <Board doc={doc} directions={directions} items={items} visible={items} readOnly onAdd={nothing} onEdit={nothing} onRemove={nothing} />
    </DiscussionContext.Provider>
  );
}

/** A snapshot in the board view, read-only: a document of its own, never synced. */
export function SnapshotBoard({ snapshotId, label }: { snapshotId: number; label: string }) {
  const t = useMeetingTexts();
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let loaded: Y.Doc | null = null;
    fetchSnapshotState(snapshotId, abort.signal).then(
      (state) => {
        loaded = new Y.Doc();
        Y.applyUpdate(loaded, state);
        setDoc(loaded);
      },
      () => !abort.signal.aborted && setFailed(true),
    );
    return () => {
      abort.abort();
      loaded?.destroy();
    };
  }, [snapshotId]);
  return (
    <section className="snapshot-board" aria-label={t.readOnly(label)}>
      <h3>{t.readOnly(label)}</h3>
      {doc ? <ReadOnlyBoard doc={doc} /> : <p role={failed ? 'alert' : 'status'}>{failed ? t.failed('') : t.loading}</p>}
    </section>
  );
}

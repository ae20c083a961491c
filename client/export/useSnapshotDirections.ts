import { useEffect, useState } from 'react';
import { fetchSnapshot } from '../meetings/meetingApi';

export type SnapshotDirections = { kind: 'loading' } | { kind: 'loaded'; titles: string[] } | { kind: 'failed' };

/**
 * The direction titles of a snapshot, in order: a snapshot's export chooses among the
 * directions it was saved with, which need not be the live plan's. Null id: none wanted.
 */
export function useSnapshotDirections(snapshotId: string | null): SnapshotDirections | null {
  const [state, setState] = useState<SnapshotDirections | null>(snapshotId === null ? null : { kind: 'loading' });
  useEffect(() => {
    if (snapshotId === null) {
      setState(null);
      return;
    }
    const abort = new AbortController();
    setState({ kind: 'loading' });
    fetchSnapshot(Number(snapshotId), abort.signal).then(
      ({ plan }) => setState({ kind: 'loaded', titles: plan.directions.map((d) => d.title) }),
      () => !abort.signal.aborted && setState({ kind: 'failed' }),
    );
    return () => abort.abort();
  }, [snapshotId]);
  return state;
}

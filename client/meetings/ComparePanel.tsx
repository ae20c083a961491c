import { useEffect, useState } from 'react';
import type { PlanDiff } from '../../shared/snapshot/PlanDiff';
import { compareSnapshots } from './meetingApi';
import { useMeetingTexts } from './meetingTexts';
import { PlanDiffView } from './PlanDiffView';

interface Props {
  from: number;
  to: number | 'current';
  fromLabel: string;
  toLabel: string;
}

/** The comparison of two snapshots, or of a snapshot with the plan as it is now. */
export function ComparePanel({ from, to, fromLabel, toLabel }: Props) {
  const t = useMeetingTexts();
  const [diff, setDiff] = useState<PlanDiff | null>(null);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    const abort = new AbortController();
    setDiff(null);
    setFailed('');
    compareSnapshots(from, to, abort.signal).then(setDiff, (err: Error) => !abort.signal.aborted && setFailed(t.failed(err.message)));
    return () => abort.abort();
  }, [from, to, t]);
  const heading = t.comparison(fromLabel, toLabel);
  return (
    <section className="compare-panel" aria-label={heading}>
      <h3>{heading}</h3>
      {diff ? <PlanDiffView diff={diff} /> : <p role={failed ? 'alert' : 'status'}>{failed || t.loading}</p>}
    </section>
  );
}

import { useState } from 'react';
import type { SnapshotInfo } from '../../shared/snapshot/meetingRecords';
import { ApiError } from '../auth/apiFetch';
import { useCan } from '../auth/CurrentUser';
import { ExportButton } from '../export/ExportButton';
import { restoreSnapshot } from './meetingApi';
import { announceMeetingsChanged } from './meetingEvents';
import { useMeetingTexts, type MeetingTexts } from './meetingTexts';
import { NewPlanForm } from './NewPlanForm';

export type HistoryView = { kind: 'snapshot'; id: number } | { kind: 'compare'; from: number; to: number | 'current' };

export const snapshotLabel = (s: SnapshotInfo, t: MeetingTexts) =>
  t.snapshotLabel(s.id, new Date(s.createdAt).toLocaleString(t.locale, { dateStyle: 'medium', timeStyle: 'short' }));

interface Props {
  snapshot: SnapshotInfo;
  /** The snapshot of the same plan taken just before this one, if any. */
  previous: SnapshotInfo | null;
  planYear: number;
  picked: boolean;
  onPick: (picked: boolean) => void;
  onShow: (view: HistoryView) => void;
  onMessage: (message: string) => void;
}

/** One snapshot in the history: who saved it and why, and what can be done with it. */
export function SnapshotRow({ snapshot, previous, planYear, picked, onPick, onShow, onMessage }: Props) {
  const t = useMeetingTexts();
  const manage = useCan('snapshots.manage');
  const [mode, setMode] = useState<'idle' | 'restoring' | 'newPlan'>('idle');
  const label = snapshotLabel(snapshot, t);
  const reason = snapshot.reason === 'before_restore' ? t.reasons.before_restore(snapshot.restoresId) : t.reasons[snapshot.reason];

  const restore = async () => {
    setMode('idle');
    try {
      await restoreSnapshot(snapshot.id);
      onMessage(t.restoredTo(label));
      announceMeetingsChanged();
    } catch (err) {
      onMessage(t.failed(err instanceof ApiError ? err.message : String(err)));
    }
  };

  return (
    <li className="snapshot-row" data-snapshot-id={snapshot.id}>
      <div className="snapshot-facts">
        <label className="history-check">
          <input type="checkbox" checked={picked} onChange={(e) => onPick(e.target.checked)} aria-label={t.pick(label)} />
          <strong>{label}</strong>
        </label>
        <span>
          {reason} {t.byName(snapshot.createdByName)} · {t.counts(snapshot.itemCount, snapshot.commentCount)}
        </span>
        {snapshot.note && <span className="snapshot-note">{snapshot.note}</span>}
      </div>
      <div className="snapshot-actions">
        <ExportButton planId={snapshot.planId} snapshot={{ id: String(snapshot.id), label }} />
        <button type="button" className="button" aria-label={t.viewLabel(label)} onClick={() => onShow({ kind: 'snapshot', id: snapshot.id })}>
          {t.view}
        </button>
        <button
          type="button"
          className="button"
          aria-label={t.compareWithPreviousLabel(label)}
          disabled={!previous}
          onClick={() => previous && onShow({ kind: 'compare', from: previous.id, to: snapshot.id })}
        >
          {t.compareWithPrevious}
        </button>
        <button type="button" className="button" aria-label={t.compareWithNowLabel(label)} onClick={() => onShow({ kind: 'compare', from: snapshot.id, to: 'current' })}>
          {t.compareWithNow}
        </button>
        {manage && mode === 'idle' && (
          <>
            <button type="button" className="button" aria-label={t.restoreLabel(label)} onClick={() => setMode('restoring')}>
              {t.restore}
            </button>
            <button type="button" className="button" aria-label={t.newPlanLabel(label)} onClick={() => setMode('newPlan')}>
              {t.newPlan}
            </button>
          </>
        )}
      </div>
      {mode === 'restoring' && (
        <div className="history-form" role="group" aria-label={t.restoreLabel(label)}>
          <p>{t.confirmRestore(label)}</p>
          <button type="button" className="button button-primary" autoFocus onClick={() => void restore()}>
            {t.restore}
          </button>
          <button type="button" className="button" onClick={() => setMode('idle')}>
            {t.cancel}
          </button>
        </div>
      )}
      {mode === 'newPlan' && <NewPlanForm snapshotId={snapshot.id} label={label} year={planYear} onCancel={() => setMode('idle')} />}
    </li>
  );
}

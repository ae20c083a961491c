import type * as Y from 'yjs';
import { RecentChanges } from '../history/RecentChanges';
import { HistoryRounds } from '../rounds/HistoryRounds';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingRecord, SnapshotInfo } from '../../shared/snapshot/meetingRecords';
import { ApiError } from '../auth/apiFetch';
import { useCan } from '../auth/CurrentUser';
import { ComparePanel } from './ComparePanel';
import { fetchMeetings, fetchSnapshots, openMeeting, takeSnapshot } from './meetingApi';
import { announceMeetingsChanged, MEETINGS_CHANGED } from './meetingEvents';
import { MeetingForm } from './MeetingForm';
import { useMeetingTexts } from './meetingTexts';
import { SnapshotBoard } from './SnapshotBoard';
import { SnapshotNoteForm } from './SnapshotNoteForm';
import { snapshotLabel, SnapshotRow, type HistoryView } from './SnapshotRow';

interface Props {
  planId: string;
  planTitle: string;
  planYear: number;
  /** The live plan, to name the items of the change log. */
  doc?: Y.Doc;
}

const meetingState = (m: MeetingRecord) => (m.closedAt !== null ? 'closed' : m.openedAt !== null ? 'open' : 'planned');

/** Meetings and their snapshots, newest first; open a snapshot, compare two, restore one. */
export default function HistoryPage({ planId, planTitle, planYear, doc }: Props) {
  const t = useMeetingTexts();
  const mayRun = useCan('meetings.run');
  const mayAudit = useCan('audit.read');
  const [meetings, setMeetings] = useState<MeetingRecord[] | null>(null);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  const [view, setView] = useState<HistoryView | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [message, setMessage] = useState('');
  const viewRef = useRef<HTMLDivElement>(null);
  // A snapshot or comparison opens above the list: take the reader there.
  useEffect(() => {
    if (view) viewRef.current?.focus();
  }, [view]);

  const load = useCallback(() => {
    Promise.all([fetchMeetings(planId), fetchSnapshots(planId)]).then(
      ([m, s]) => {
        setMeetings(m.meetings);
        setSnapshots(s.snapshots);
      },
      (err: Error) => setMessage(t.failed(err.message)),
    );
  }, [planId, t]);
  useEffect(() => {
    load();
    window.addEventListener(MEETINGS_CHANGED, load);
    return () => window.removeEventListener(MEETINGS_CHANGED, load);
  }, [load]);

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage(await work());
      announceMeetingsChanged();
    } catch (err) {
      setMessage(t.failed(err instanceof ApiError ? err.message : String(err)));
    }
  };
  // The server files a snapshot under the open meeting, if any: say which.
  const savedMessage = (s: SnapshotInfo) => {
    const meeting = meetings?.find((m) => m.id === s.meetingId);
    return meeting ? t.snapshotSavedIn(s.id, meeting.title) : t.snapshotSaved(s.id);
  };
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const labelOf = (ref: number | 'current') => (ref === 'current' ? t.now : byId.has(ref) ? snapshotLabel(byId.get(ref)!, t) : `#${ref}`);
  const previousOf = (s: SnapshotInfo) => snapshots.find((o) => o.id < s.id) ?? null; // the list is newest first
  const rows = (list: SnapshotInfo[]) => (
    <ul className="snapshot-list">
      {list.map((s) => (
        <SnapshotRow
          key={s.id}
          snapshot={s}
          previous={previousOf(s)}
          planYear={planYear}
          picked={picked.includes(s.id)}
          onPick={(on) => setPicked((p) => (on ? [...p.filter((id) => id !== s.id), s.id].slice(-2) : p.filter((id) => id !== s.id)))}
          onShow={setView}
          onMessage={setMessage}
        />
      ))}
    </ul>
  );
  const loose = snapshots.filter((s) => s.meetingId === null || !meetings?.some((m) => m.id === s.meetingId));

  return (
    <div className="history-page" id="board" tabIndex={-1}>
      <div className="history-head">
        <h2>
          {t.historyTitle}: {planTitle}
        </h2>
        <a className="button" href="#">
          {t.backToBoard}
        </a>
      </div>
      {message && (
        <p className="meeting-message" role="status">
          {message}
        </p>
      )}
      {view && (
        <div className="history-view" ref={viewRef} tabIndex={-1}>
          <button type="button" className="button" onClick={() => setView(null)}>
            {t.close}
          </button>
          {view.kind === 'snapshot' ? (
            <SnapshotBoard planId={planId} snapshotId={view.id} label={labelOf(view.id)} />
          ) : (
            <ComparePanel from={view.from} to={view.to} fromLabel={labelOf(view.from)} toLabel={labelOf(view.to)} />
          )}
        </div>
      )}
      <div className="history-compare">
        <button
          type="button"
          className="button"
          disabled={picked.length !== 2}
          onClick={() => {
            const [a, b] = [...picked].sort((x, y) => x - y);
            setView({ kind: 'compare', from: a, to: b });
          }}
        >
          {t.compareChosen}
        </button>
        {picked.length !== 2 && <span className="history-hint">{t.chooseTwo}</span>}
      </div>
      {mayRun && (
        <div className="history-tools">
          <MeetingForm planId={planId} onDone={(title) => void act(async () => t.meetingCreated(title))} />
          <SnapshotNoteForm onSave={(note) => void act(async () => savedMessage(await takeSnapshot(planId, note)))} />
        </div>
      )}
      <h3>{t.meetings}</h3>
      {meetings === null ? (
        <p role="status">{t.loading}</p>
      ) : meetings.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        meetings.map((m) => {
          const state = meetingState(m);
          const own = snapshots.filter((s) => s.meetingId === m.id);
          return (
            <section key={m.id} className="meeting-entry" aria-label={m.title}>
              <h4>
                {m.title} <span className="meeting-meta">· {m.date} · {t.kinds[m.kind]} · {t.meetingStates[state]}</span>
              </h4>
              {mayRun && state === 'planned' && (
                <button type="button" className="button" onClick={() => void act(async () => t.meetingOpened((await openMeeting(m.id)).title))}>
                  {t.openMeeting(m.title)}
                </button>
              )}
              {own.length ? rows(own) : <p>{t.noSnapshots}</p>}
            </section>
          );
        })
      )}
      {loose.length > 0 && (
        <section className="meeting-entry" aria-label={t.withoutMeeting}>
          <h4>{t.withoutMeeting}</h4>
          {rows(loose)}
        </section>
      )}
      <HistoryRounds />
      {mayAudit && doc && <RecentChanges planId={planId} doc={doc} />}
    </div>
  );
}

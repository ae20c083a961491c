import { useEffect, useId, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ApiError } from '../auth/apiFetch';
import { useCan } from '../auth/CurrentUser';
import { useAwareness } from '../hooks/useAwareness';
import { MeetingRounds } from '../rounds/MeetingRounds';
import { ChangeLine } from './ChangeLine';
import { closeMeeting, takeSnapshot } from './meetingApi';
import { announceMeetingsChanged } from './meetingEvents';
import { useMeetingTexts } from './meetingTexts';
import { SnapshotNoteForm } from './SnapshotNoteForm';
import { useOpenMeeting } from './useOpenMeeting';

interface Props {
  planId: string;
  doc: Y.Doc;
  awareness: Awareness;
}

type Action = 'idle' | 'snapshot' | 'closing' | 'busy';

/**
 * While a meeting is open: its name, who is present, the live list of what has changed
 * since it opened and by whom, and (for board and secretariat) saving a snapshot and
 * closing the meeting.
 */
export function MeetingBanner({ planId, doc, awareness }: Props) {
  const t = useMeetingTexts();
  const open = useOpenMeeting(planId, doc);
  const peers = useAwareness(awareness);
  const mayRun = useCan('meetings.run');
  const [expanded, setExpanded] = useState(true);
  const [action, setAction] = useState<Action>('idle');
  const [message, setMessage] = useState('');
  const listId = useId();
  const meetingId = open?.meeting.id;
  // What was said about the previous meeting does not belong under the next one.
  useEffect(() => {
    if (meetingId !== undefined) setMessage('');
  }, [meetingId]);
  if (!open) return message ? <p className="meeting-message meeting-message-alone" role="status">{message}</p> : null;
  const { meeting, changes } = open;
  const present = peers.map((p) => p.name);

  const run = async (work: () => Promise<string>) => {
    setAction('busy');
    try {
      setMessage(await work());
      announceMeetingsChanged();
    } catch (err) {
      setMessage(t.failed(err instanceof ApiError ? err.message : String(err)));
    }
    setAction('idle');
  };
  const save = (note: string) => run(async () => t.snapshotSavedIn((await takeSnapshot(planId, note, meeting.id)).id, meeting.title));
  const close = () => run(async () => t.meetingClosed((await closeMeeting(meeting.id, '')).snapshot.id));

  return (
    <section className="meeting-banner" aria-label={t.banner}>
      <div className="meeting-banner-head">
        <h2>{t.meetingOpen(t.kinds[meeting.kind], meeting.title)}</h2>
        <p className="meeting-present">
          {t.present}: {present.length > 1 ? present.join(', ') : t.nobodyElse}
        </p>
        {mayRun && action === 'idle' && (
          <>
            <button type="button" className="button" onClick={() => setAction('snapshot')}>
              {t.saveSnapshot}
            </button>
            <button type="button" className="button" onClick={() => setAction('closing')}>
              {t.closeMeeting}
            </button>
          </>
        )}
      </div>
      {action === 'snapshot' && <SnapshotNoteForm onSave={(note) => void save(note)} onCancel={() => setAction('idle')} />}
      {action === 'closing' && (
        <div className="meeting-inline-form" role="group" aria-label={t.closeMeeting}>
          <p>{t.confirmClose}</p>
          <button type="button" className="button button-primary" autoFocus onClick={() => void close()}>
            {t.closeMeeting}
          </button>
          <button type="button" className="button" onClick={() => setAction('idle')}>
            {t.cancel}
          </button>
        </div>
      )}
      {message && (
        <p className="meeting-message" role="status">
          {message}
        </p>
      )}
      <MeetingRounds />
      <div className="meeting-changes-head">
        <p aria-live="polite">{t.changeCount(changes.length)}</p>
        {changes.length > 0 && (
          <button type="button" className="button button-small" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
            {expanded ? t.hideChanges : t.showChanges}
          </button>
        )}
      </div>
      {changes.length > 0 && (
        <ol id={listId} className="meeting-changes" aria-label={t.changesList} hidden={!expanded}>
          {changes.map((c) => (
            <ChangeLine key={`${c.itemId}:${c.change.field}`} change={c} />
          ))}
        </ol>
      )}
    </section>
  );
}

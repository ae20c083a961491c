import { useId, useState, type FormEvent } from 'react';
import { MEETING_KINDS, type MeetingKind } from '../../shared/snapshot/meetingRecords';
import { ApiError } from '../auth/apiFetch';
import { createMeeting } from './meetingApi';
import { useMeetingTexts } from './meetingTexts';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the local day

/** "Nytt möte": title, date and kind, opened at once if asked. */
export function MeetingForm({ planId, onDone }: { planId: string; onDone: (message: string) => void }) {
  const t = useMeetingTexts();
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today);
  const [kind, setKind] = useState<MeetingKind>('strategimote');
  const [openNow, setOpenNow] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const meeting = await createMeeting(planId, { title, date, kind, open: openNow });
      setTitle('');
      onDone(meeting.title);
    } catch (err) {
      setError(t.failed(err instanceof ApiError ? err.message : String(err)));
    }
    setBusy(false);
  };

  return (
    <form className="history-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.newMeeting}</h3>
      <label htmlFor={`${id}-title`}>{t.meetingTitle}</label>
      <input id={`${id}-title`} value={title} required maxLength={200} placeholder={t.meetingTitleHint} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-date`}>{t.meetingDate}</label>
      <input id={`${id}-date`} type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
      <label htmlFor={`${id}-kind`}>{t.meetingKind}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
        {MEETING_KINDS.map((k) => (
          <option key={k} value={k}>
            {t.kinds[k]}
          </option>
        ))}
      </select>
      <label className="history-check">
        <input type="checkbox" checked={openNow} onChange={(e) => setOpenNow(e.target.checked)} />
        {t.openNow}
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t.createMeeting}
      </button>
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

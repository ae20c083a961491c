import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../auth/apiFetch';
import { Modal } from '../dialog/Modal';
import { COMMENT_FILTERS, EXPORT_FORMATS, type CommentFilter, type ExportFormat, type RoundFilter } from '../../shared/export/types';
import { RoundsChoice, ROUND_FORMATS } from './RoundsChoice';
import { fetchExport, saveFile } from './fetchExport';
import { useExportTexts } from './exportTexts';
import { useSnapshotDirections } from './useSnapshotDirections';
import './export.css';

interface Props {
  planId: string;
  /** The plan's direction titles, in order; a snapshot's are fetched with it. */
  directions?: string[];
  /** Export this snapshot instead of the live plan. */
  snapshot?: { id: string; label: string };
  onClose: () => void;
}

type Phase = { kind: 'idle' } | { kind: 'working'; share: number | null } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

/** Choose a format and what to include, watch the file being made, get the download. */
export default function ExportDialog({ planId, directions: given, snapshot, onClose }: Props) {
  const t = useExportTexts();
  const id = useId();
  const stored = useSnapshotDirections(snapshot && !given ? snapshot.id : null);
  const directions = given ?? (stored?.kind === 'loaded' ? stored.titles : []);
  const [format, setFormat] = useState<ExportFormat>('docx');
  // The directions left out, so that titles arriving later start out chosen.
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const chosen = directions.map((_, i) => !left.has(i));
  const [statusNotes, setStatusNotes] = useState(true);
  const [comments, setComments] = useState<CommentFilter>('none');
  const [rounds, setRounds] = useState<RoundFilter>('none');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const working = phase.kind === 'working';
  const noneChosen = directions.length > 0 && !chosen.some(Boolean);
  const loading = stored?.kind === 'loading';

  async function start(e: FormEvent) {
    e.preventDefault();
    if (noneChosen || working || loading) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'working', share: null });
    try {
      const picked = chosen.every(Boolean) ? [] : chosen.flatMap((on, i) => (on ? [i] : []));
      const request = { planId, format, directions: picked, statusNotes, comments: format === 'txt' ? 'none' : comments, rounds: ROUND_FORMATS.has(format) ? rounds : 'none', snapshotId: snapshot?.id } as const;
      const { blob, fileName } = await fetchExport(request, (share) => setPhase({ kind: 'working', share }), controller.signal);
      saveFile(blob, fileName);
      setPhase({ kind: 'done', fileName });
    } catch (err) {
      if (controller.signal.aborted) setPhase({ kind: 'failed', message: t.cancelled });
      else if (err instanceof ApiError && err.status === 403) setPhase({ kind: 'failed', message: t.forbidden });
      else setPhase({ kind: 'failed', message: t.failed((err as Error).message) });
    } finally {
      abort.current = null;
    }
  }

  const percent = phase.kind === 'working' && phase.share !== null ? Math.round(phase.share * 100) : null;
  return (
    <Modal title={snapshot ? t.snapshotTitle(snapshot.label) : t.title} onClose={onClose} className="export-dialog">
      <form className="item-form" onSubmit={start} aria-busy={working}>
        <fieldset className="field export-formats" disabled={working}>
          <legend>{t.format}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-choice">
              {/* The hint is part of the label, so it is read with the format's name. */}
              <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} />
              <span className="export-choice-name">{t.formats[f].name}</span>
              <span className="field-hint">{t.formats[f].hint}</span>
            </label>
          ))}
        </fieldset>
        {loading && <p className="field-hint">{t.loadingDirections}</p>}
        {stored?.kind === 'failed' && <p className="field-hint">{t.directionsFailed}</p>}
        {directions.length > 0 && (
          <fieldset className="field" disabled={working} aria-describedby={noneChosen ? `${id}-none` : undefined}>
            <legend>{t.directions}</legend>
            {directions.map((title, i) => (
              <label key={i} className="export-check">
                <input
                  type="checkbox"
                  checked={chosen[i]}
                  onChange={(e) => {
                    const on = e.target.checked;
                    setLeft((l) => new Set([...l].filter((j) => j !== i).concat(on ? [] : [i])));
                  }}
                />
                {title}
              </label>
            ))}
            {noneChosen && (
              <p className="form-error" id={`${id}-none`} role="alert">
                {t.noDirection}
              </p>
            )}
          </fieldset>
        )}
        <div className="field-row">
          <label className="export-check">
            <input type="checkbox" checked={statusNotes} disabled={working} onChange={(e) => setStatusNotes(e.target.checked)} />
            {t.statusNotes}
          </label>
          <div className="field">
            <label htmlFor={`${id}-comments`}>{t.comments}</label>
            <select
              id={`${id}-comments`}
              value={format === 'txt' ? 'none' : comments}
              disabled={working || format === 'txt'}
              aria-describedby={format === 'txt' ? `${id}-nocomments` : undefined}
              onChange={(e) => setComments(e.target.value as CommentFilter)}
            >
              {COMMENT_FILTERS.map((c) => (
                <option key={c} value={c}>
                  {t.commentOptions[c]}
                </option>
              ))}
            </select>
            {format === 'txt' && (
              <span className="field-hint" id={`${id}-nocomments`}>
                {t.commentsNotInFormat}
              </span>
            )}
          </div>
        </div>
        <RoundsChoice value={ROUND_FORMATS.has(format) ? rounds : 'none'} available={ROUND_FORMATS.has(format)} disabled={working} onChange={setRounds} />
        <div className="export-status" role="status" aria-live="polite">
          {working && (
            <>
              {/* The server answers only once the file is whole, and rendering it has no
                  steps to count: until the first byte the bar is indeterminate, named for
                  what is happening; then it counts the bytes received. */}
              <progress aria-label={percent === null ? t.preparing : t.downloading} max={100} value={percent ?? undefined} />
              <span>{percent === null ? t.preparing : t.receiving(percent)}</span>
            </>
          )}
          {phase.kind === 'done' && <span>{t.done(phase.fileName)}</span>}
        </div>
        {phase.kind === 'failed' && (
          <p className="form-error" role="alert">
            {phase.message}
          </p>
        )}
        <div className="modal-actions">
          <span className="spacer" />
          {working ? (
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              {t.cancel}
            </button>
          ) : (
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t.close}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={working || noneChosen || loading}>
            {t.start}
          </button>
        </div>
      </form>
    </Modal>
  );
}

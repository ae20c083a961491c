import { changedLines } from '../../shared/snapshot/changedLines';
import type { WordSegment } from '../../shared/snapshot/diffWords';
import { useMeetingTexts } from './meetingTexts';
import { WordDiff } from './WordDiff';

/**
 * A long text's change (the strategy, the focus text): only the lines it touched, each
 * with its changed words marked, and an ellipsis for the unchanged lines between them.
 */
export function ChangedLines({ segments }: { segments: WordSegment[] }) {
  const t = useMeetingTexts();
  return (
    <span className="changed-lines">
      {changedLines(segments).map((line, i) =>
        line ? (
          <span key={i} className="changed-line">
            <WordDiff segments={line} />
          </span>
        ) : (
          <span key={i} className="changed-line changed-line-gap" title={t.unchangedLines}>
            <span aria-hidden="true">…</span>
            <span className="sr-only">{t.unchangedLines}</span>
          </span>
        ),
      )}
    </span>
  );
}

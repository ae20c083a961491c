import type { WordSegment } from '../../shared/snapshot/diffWords';
import { useMeetingTexts } from './meetingTexts';

/**
 * Text with its changed words marked: <del> and <ins>, with their meaning spelled out
 * for screen readers, which do not announce the elements themselves.
 */
export function WordDiff({ segments }: { segments: WordSegment[] }) {
  const t = useMeetingTexts();
  return (
    <span className="word-diff">
      {segments.map((s, i) =>
        s.op === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.op === 'add' ? (
          <ins key={i}>
            <span className="sr-only">{t.addedWords} </span>
            {s.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="sr-only">{t.removedWords} </span>
            {s.text}
          </del>
        ),
      )}
    </span>
  );
}

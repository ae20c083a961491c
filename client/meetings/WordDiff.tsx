import { sidesOf, type WordSegment } from '../../shared/snapshot/diffWords';
import { useMeetingTexts, type MeetingTexts } from './meetingTexts';

/**
 * A text's change as the text before and the text after, each whole so that it reads
 * as it was written: the removed words marked in the one, the added words in the
 * other, with <del> and <ins> and a line or underline besides colour. Screen readers
 * do not announce the elements themselves, so each marked run says what it is; the
 * words come after any punctuation it opens with (", tillagt: rapport till årsmötet").
 */
export function WordDiff({ segments }: { segments: WordSegment[] }) {
  const t = useMeetingTexts();
  const { before, after } = sidesOf(segments);
  return (
    <span className="word-diff">
      <Side label={t.before} segments={before} t={t} />
      <Side label={t.after} segments={after} t={t} />
    </span>
  );
}

function Side({ label, segments, t }: { label: string; segments: WordSegment[]; t: MeetingTexts }) {
  return (
    <span className="word-diff-side">
      <span className="word-diff-label">{label}</span>{' '}
      {segments.length === 0 ? <span className="word-diff-empty">{t.emptyText}</span> : segments.map((s, i) => <Marked key={i} segment={s} t={t} />)}
    </span>
  );
}

function Marked({ segment, t }: { segment: WordSegment; t: MeetingTexts }) {
  if (segment.op === 'same') return <span>{segment.text}</span>;
  const lead = /^[\s\p{P}]*/u.exec(segment.text)![0];
  const words = segment.text.slice(lead.length);
  const say = <span className="sr-only">{segment.op === 'add' ? t.addedWords : t.removedWords} </span>;
  const content = words ? (
    <>
      {lead}
      {say}
      {words}
    </>
  ) : (
    <>
      {say}
      {lead}
    </>
  );
  return segment.op === 'add' ? <ins>{content}</ins> : <del>{content}</del>;
}

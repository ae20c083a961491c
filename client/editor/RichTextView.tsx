import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { readBlocks } from '../../shared/plan/richText';
import type { Block, TextRun } from '../../shared/plan/types';
import { createYStore } from '../hooks/createYStore';
import { SafeLink } from './SafeLink';
import './richTextView.css';

// The plan's rich text for people who only read it: React elements built from the
// block model, kept live as others edit. No editor is loaded and nothing on the page
// can be typed into; text is always a text node, and a link renders only when its
// address is a safe one.

function run(r: TextRun, key: number): ReactNode {
  const lines = r.text.split('\n');
  let node: ReactNode = lines.flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]));
  if (r.bold) node = <strong>{node}</strong>;
  if (r.italic) node = <em>{node}</em>;
  if (r.link) node = <SafeLink href={r.link}>{node}</SafeLink>;
  return <span key={key}>{node}</span>;
}

function block(b: Block, key: number, headingOffset: number): ReactNode {
  switch (b.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, b.level + headingOffset)}` as 'h3';
      return <Tag key={key}>{b.runs.map(run)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{b.runs.map(run)}</p>;
    case 'bulletList':
    case 'orderedList': {
      const List = b.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <List key={key}>
          {b.items.map((runs, i) => (
            <li key={i}>{runs.map(run)}</li>
          ))}
        </List>
      );
    }
  }
}

interface Props {
  fragment: Y.XmlFragment;
  /** The id of the label naming the text. */
  labelledBy: string;
  /** Shown when the text is empty. */
  empty: string;
  /** How many heading levels the page above the text uses. */
  headingOffset?: number;
}

export function RichTextView({ fragment, labelledBy, empty, headingOffset = 2 }: Props) {
  const store = useMemo(() => createYStore(fragment, () => readBlocks(fragment)), [fragment]);
  const blocks = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const hasText = blocks.some((b) => (b.type === 'bulletList' || b.type === 'orderedList' ? b.items.length > 0 : b.runs.some((r) => r.text.trim())));
  return (
    <div className="rich-text-view" role="group" aria-labelledby={labelledBy}>
      {hasText ? blocks.map((b, i) => block(b, i, headingOffset)) : <p className="rich-text-empty">{empty}</p>}
    </div>
  );
}

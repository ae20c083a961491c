import type { ReactNode } from 'react';
import type { BlockNode, CommentBody, CommentMark, InlineNode } from '../../shared/discussion/commentBody';
import { SafeLink } from '../editor/SafeLink';

// A comment body as React elements, never as HTML: text is always a text node, so
// markup typed into a comment shows as the characters it is. Only whitelisted nodes
// render, and a link renders only when its address is still a safe one.

function withMarks(text: string, marks: CommentMark[] = [], key: number): ReactNode {
  let node: ReactNode = text;
  for (const mark of marks) {
    if (mark.type === 'bold') node = <strong>{node}</strong>;
    else if (mark.type === 'italic') node = <em>{node}</em>;
    else if (mark.type === 'link') node = <SafeLink href={mark.attrs?.href}>{node}</SafeLink>;
  }
  return <span key={key}>{node}</span>;
}

function inline(node: InlineNode, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? withMarks(node.text, node.marks, key) : null;
    case 'hardBreak':
      return <br key={key} />;
    case 'mention':
      return (
        <span key={key} className="mention" data-mention-id={String(node.attrs?.id ?? '')}>
          @{String(node.attrs?.label ?? '')}
        </span>
      );
    default:
      return null;
  }
}

function block(node: BlockNode, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{(node.content ?? []).map(inline)}</p>;
    case 'bulletList':
      return <ul key={key}>{node.content.map((li, i) => <li key={i}>{li.content.map(block)}</li>)}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((li, i) => (
            <li key={i}>{li.content.map(block)}</li>
          ))}
        </ol>
      );
    default:
      return null;
  }
}

export function CommentBodyView({ body }: { body: CommentBody }) {
  return <div className="comment-body">{Array.isArray(body.content) ? body.content.map(block) : null}</div>;
}

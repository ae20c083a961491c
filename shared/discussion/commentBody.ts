// A comment's body: Tiptap/ProseMirror JSON restricted to a small whitelist. Only
// bodies that passed sanitizeCommentBody are ever stored, so readers (the server's
// previews and the client's renderer) can rely on this shape.

export type CommentMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };

export type InlineNode =
  | { type: 'text'; text: string; marks?: CommentMark[] }
  | { type: 'hardBreak' }
  | { type: 'mention'; attrs: { id: string; label: string } };

export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}

export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}

export type ListNode = { type: 'bulletList'; content: ListItemNode[] } | { type: 'orderedList'; attrs?: { start: number }; content: ListItemNode[] };

export type BlockNode = ParagraphNode | ListNode;

export interface CommentBody {
  type: 'doc';
  content: BlockNode[];
}

export const COMMENT_LIMITS = {
  /** Characters of text (text nodes and mention labels), as the requirement says. */
  text: 20_000,
  /** Nodes in one body: keeps a body made of empty nodes from growing without bound. */
  nodes: 5_000,
  /** Nesting of lists within lists. */
  depth: 12,
  href: 2_000,
  mentionLabel: 200,
} as const;

/** Every text of the body, blocks separated by line breaks: for previews and search. */
export function commentBodyText(body: CommentBody): string {
  const lines: string[] = [];
  const inline = (nodes: InlineNode[] = []) =>
    nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'mention' ? `@${n.attrs.label}` : '\n')).join('');
  const block = (node: BlockNode) => {
    if (node.type === 'paragraph') lines.push(inline(node.content));
    else for (const li of node.content) li.content.forEach(block);
  };
  body.content.forEach(block);
  return lines.join('\n');
}

/** A body of plain text, one paragraph per line. */
export function plainTextBody(text: string): CommentBody {
  return {
    type: 'doc',
    content: text.split(/\r?\n/).map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}

import { DiscussionError } from './DiscussionError';
import { COMMENT_LIMITS, plainTextBody, type BlockNode, type CommentBody, type CommentMark, type InlineNode, type ListItemNode } from './commentBody';
import { safeHref } from './safeHref';

// Turns what a client sent as a comment body into a body that is safe to store and
// render: a fresh object holding only whitelisted nodes, marks and attributes. Unknown
// node or mark types are refused rather than dropped, so a person never sees their
// comment silently changed; text is kept as text (markup in it stays inert, because
// the client renders text nodes as React text, never as HTML).

export interface SanitizeOptions {
  /**
   * The name of a mentionable person, or null when there is none with that id. The
   * server passes its people, so a mention always shows the person's real name; a
   * mention of an unknown id becomes plain text.
   */
  mentionName?: (id: string) => string | null;
}

export interface SanitizedBody {
  body: CommentBody;
  /** Characters of text, counted against COMMENT_LIMITS.text. */
  length: number;
  /** Ids of the people mentioned, each once. */
  mentions: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
// C0 controls other than tab and line break, DEL, and the line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F\u2028\u2029]/g;
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '');
const shown = (v: unknown) => JSON.stringify(String(v).slice(0, 40));

function refuse(message: string): never {
  throw new DiscussionError('INVALID_BODY', message);
}

export function sanitizeCommentBody(input: unknown, options: SanitizeOptions = {}): SanitizedBody {
  if (typeof input === 'string') input = plainTextBody(input);
  if (!isObject(input) || input.type !== 'doc' || !Array.isArray(input.content)) {
    refuse('Kommentaren ska vara formaterad text ({"type":"doc","content":[…]}) eller vanlig text.');
  }
  let nodes = 0;
  let length = 0;
  let visible = false;
  const mentions = new Set<string>();

  const children = (node: Json, what: string): unknown[] => {
    const content = node.content ?? [];
    if (!Array.isArray(content)) refuse(`Innehållet i ${what} ska vara en lista.`);
    return content;
  };
  const count = () => {
    if (++nodes > COMMENT_LIMITS.nodes) refuse(`En kommentar får ha högst ${COMMENT_LIMITS.nodes} delar.`);
  };
  const addText = (text: string) => {
    length += text.length;
    if (text.trim()) visible = true;
    if (length > COMMENT_LIMITS.text) {
      throw new DiscussionError('COMMENT_TOO_LONG', `En kommentar får vara högst ${COMMENT_LIMITS.text.toLocaleString('sv-SE')} tecken lång.`);
    }
  };

  const marks = (value: unknown): CommentMark[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) refuse('Textens formatering ska vara en lista.');
    const out: CommentMark[] = [];
    for (const mark of value) {
      const type = isObject(mark) ? mark.type : undefined;
      if (out.some((m) => m.type === type)) continue;
      if (type === 'bold' || type === 'italic') out.push({ type });
      else if (type === 'link') {
        const raw = isObject(mark) && isObject(mark.attrs) ? mark.attrs.href : undefined;
        const href = typeof raw === 'string' && raw.length <= COMMENT_LIMITS.href ? safeHref(raw) : null;
        if (!href) throw new DiscussionError('UNSAFE_LINK', 'Länkar måste vara webbadresser (http eller https) eller e-postadresser (mailto).');
        out.push({ type: 'link', attrs: { href } });
      } else refuse(`Formateringen stöds inte i kommentarer: ${shown(type)}.`);
    }
    return out;
  };

  const inline = (value: unknown): InlineNode | null => {
    count();
    if (!isObject(value)) refuse('Varje del av ett stycke ska vara ett objekt.');
    if (value.type === 'text') {
      if (typeof value.text !== 'string') refuse('Text ska vara en sträng.');
      const text = clean(value.text);
      const m = marks(value.marks);
      if (!text) return null;
      addText(text);
      return m.length ? { type: 'text', text, marks: m } : { type: 'text', text };
    }
    if (value.type === 'hardBreak') return { type: 'hardBreak' };
    if (value.type === 'mention') {
      const attrs = isObject(value.attrs) ? value.attrs : {};
      const id = typeof attrs.id === 'string' ? attrs.id.trim() : '';
      const given = typeof attrs.label === 'string' ? clean(attrs.label).trim() : '';
      if (!id || id.length > 100) refuse('Ett omnämnande ska ange personens id.');
      const name = options.mentionName ? options.mentionName(id) : given || id;
      if (name === null) {
        const text = `@${(given || id).slice(0, COMMENT_LIMITS.mentionLabel)}`;
        addText(text);
        return { type: 'text', text };
      }
      const label = clean(name).slice(0, COMMENT_LIMITS.mentionLabel);
      addText(label);
      visible = true;
      mentions.add(id);
      return { type: 'mention', attrs: { id, label } };
    }
    refuse(`Innehållet stöds inte i ett stycke: ${shown(value.type)}.`);
  };

  const block = (value: unknown, depth: number): BlockNode => {
    count();
    if (depth > COMMENT_LIMITS.depth) refuse(`Listor får vara nästlade högst ${COMMENT_LIMITS.depth} nivåer.`);
    if (!isObject(value)) refuse('Varje block i en kommentar ska vara ett objekt.');
    if (value.type === 'paragraph') {
      const content = children(value, 'ett stycke')
        .map(inline)
        .filter((n): n is InlineNode => n !== null);
      return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
    }
    if (value.type === 'bulletList' || value.type === 'orderedList') {
      const items = children(value, 'en lista').map((li) => listItem(li, depth + 1));
      if (items.length === 0) refuse('En lista måste ha minst en punkt.');
      if (value.type === 'bulletList') return { type: 'bulletList', content: items };
      const start = isObject(value.attrs) ? value.attrs.start : undefined;
      const valid = Number.isInteger(start) && (start as number) > 1 && (start as number) < 1_000_000;
      return valid ? { type: 'orderedList', attrs: { start: start as number }, content: items } : { type: 'orderedList', content: items };
    }
    refuse(`Innehållet stöds inte i kommentarer: ${shown(value.type)}.`);
  };

  const listItem = (value: unknown, depth: number): ListItemNode => {
    count();
    if (!isObject(value) || value.type !== 'listItem') refuse('En lista får bara innehålla listpunkter.');
    const content = children(value, 'en listpunkt').map((b) => block(b, depth));
    if (content[0]?.type !== 'paragraph') refuse('En listpunkt måste börja med ett stycke.');
    return { type: 'listItem', content };
  };

  const blocks = input.content.map((b) => block(b, 0));
  // The editor leaves empty paragraphs around what was typed; they carry nothing.
  const isEmpty = (b: BlockNode) => b.type === 'paragraph' && !b.content;
  while (blocks.length && isEmpty(blocks[0])) blocks.shift();
  while (blocks.length && isEmpty(blocks[blocks.length - 1])) blocks.pop();
  if (!visible) throw new DiscussionError('EMPTY_COMMENT', 'Kommentaren är tom.');
  return { body: { type: 'doc', content: blocks }, length, mentions: [...mentions] };
}

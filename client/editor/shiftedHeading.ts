import { mergeAttributes } from '@tiptap/core';
import { Heading } from '@tiptap/extension-heading';

const LEVELS = [1, 2, 3] as const;

/**
 * The plan's texts use heading levels 1–3 of their own, but they are shown inside a
 * page whose headings come first. A heading is drawn `offset` levels deeper (level 1
 * as <h3> below the page's <h2>), so every reader meets one whole outline; the stored
 * level is unchanged. Pasted headings are read back the same way.
 */
export const shiftedHeading = (offset: number) =>
  Heading.extend({
    parseHTML() {
      return [1, 2, 3, 4, 5, 6].map((tag) => ({ tag: `h${tag}`, attrs: { level: Math.min(3, Math.max(1, tag - offset)) } }));
    },
    renderHTML({ node, HTMLAttributes }) {
      const level = LEVELS.includes(node.attrs.level) ? Number(node.attrs.level) : 1;
      return [`h${Math.min(6, level + offset)}`, mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
    },
  }).configure({ levels: [...LEVELS] });

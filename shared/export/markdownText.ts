import { swedishDateTime } from './swedishDate';
import type { ExportComment } from './types';

// Text as Markdown reads it back: whatever someone typed stays the same text, not markup.

/** Every character that means something inside a line: backslash-escaped (CommonMark allows it for all ASCII punctuation). */
export const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|#&~]/g, (c) => `\\${c}`);

/**
 * Escapes what would start a block at the beginning of a line (a list, a quote, a
 * heading underline, a thematic break, a fence) and drops the spaces before it, which
 * would otherwise make four or more an indented code block. Applied to every line,
 * since a line break inside a paragraph or list item starts a line as well.
 */
export const escapeLineStarts = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, '').replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+>=])/, '\\$1'))
    .join('\n');

/** A comment (or an answer) as a quote: "> **Author**, 2025-03-12 14:05: its words", every line quoted. */
export const quotedComment = (c: ExportComment) =>
  `> **${escapeInline(c.author)}**, ${swedishDateTime(c.at)}: ${escapeLineStarts(escapeInline(c.text).replace(/\r?\n/g, '  \n')).replace(/\n/g, '\n> ')}`;

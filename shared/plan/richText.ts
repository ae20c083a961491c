import * as Y from 'yjs';
import { safeHref } from '../discussion/safeHref';
import type { Block, TextRun } from './types';

// Rich text lives in Y.XmlFragments laid out the way Tiptap's collaboration binding
// (y-prosemirror) lays out ProseMirror nodes: an element per node named after its
// type, attributes for node attrs, and marks as formatting attributes on XmlText.
// Writing that layout here lets the importer and the server fill a document that a
// Tiptap editor then opens as if it had typed it.

function runsToText(runs: TextRun[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(
    runs
      .filter((r) => r.text.length > 0)
      .map((r) => {
        const attributes: Record<string, unknown> = {};
        if (r.bold) attributes.bold = {};
        if (r.italic) attributes.italic = {};
        if (r.link) attributes.link = { href: r.link, target: '_blank', rel: 'noopener noreferrer nofollow', class: null };
        return Object.keys(attributes).length ? { insert: r.text, attributes } : { insert: r.text };
      }),
  );
  return text;
}

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, string | number> = {}) {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
}

const paragraph = (runs: TextRun[]) => element('paragraph', [runsToText(runs)]);

function blockToElement(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'heading':
      return element('heading', [runsToText(block.runs)], { level: block.level });
    case 'paragraph':
      return paragraph(block.runs);
    case 'bulletList':
    case 'orderedList':
      return element(block.type, block.items.map((runs) => element('listItem', [paragraph(runs)])));
  }
}

/** Replaces the fragment's content with the blocks, inside the caller's transaction. */
export function writeBlocks(fragment: Y.XmlFragment, blocks: Block[]): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, blocks.map(blockToElement));
}

/** Plain text as a fragment of paragraphs, one per line. */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  writeBlocks(fragment, plainTextToBlocks(text));
}

export function plainTextToBlocks(text: string): Block[] {
  if (text === '') return [];
  return text.split('\n').map((line) => ({ type: 'paragraph', runs: line ? [{ text: line }] : [] }));
}

function textToRuns(text: Y.XmlText): TextRun[] {
  const delta = text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, any> }>;
  const runs: TextRun[] = [];
  for (const op of delta) {
    if (typeof op.insert !== 'string') continue;
    const run: TextRun = { text: op.insert };
    const a = op.attributes ?? {};
    if (a.bold) run.bold = true;
    if (a.italic) run.italic = true;
    // The editor only makes web and e-mail links, but a hand-made update can carry any
    // address: one that is not a safe link (javascript:, data:) is read as plain text, so
    // no export, snapshot or restore turns it into something a reader can follow.
    if (a.link?.href && safeHref(a.link.href)) run.link = String(a.link.href);
    runs.push(run);
  }
  return runs;
}

function childrenRuns(el: Y.XmlElement | Y.XmlFragment): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...textToRuns(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') runs.push({ text: '\n' });
      else runs.push(...childrenRuns(child));
    }
  }
  return runs;
}

export function readBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const name = node.nodeName;
    if (name === 'heading') {
      const level = Math.min(3, Math.max(1, Number(node.getAttribute('level')) || 1)) as 1 | 2 | 3;
      blocks.push({ type: 'heading', level, runs: childrenRuns(node) });
    } else if (name === 'bulletList' || name === 'orderedList') {
      const items = node
        .toArray()
        .filter((li): li is Y.XmlElement => li instanceof Y.XmlElement)
        .map((li) => childrenRuns(li));
      blocks.push({ type: name, items });
    } else {
      blocks.push({ type: 'paragraph', runs: childrenRuns(node) });
    }
  }
  return blocks;
}

export const runsText = (runs: TextRun[]) => runs.map((r) => r.text).join('');

/** The blocks as plain text: one line per paragraph, heading or list item. */
export function blocksToPlainText(blocks: Block[]): string {
  return blocks
    .flatMap((b) => (b.type === 'bulletList' || b.type === 'orderedList' ? b.items.map(runsText) : [runsText(b.runs)]))
    .join('\n');
}

export const readPlainText = (fragment: Y.XmlFragment) => blocksToPlainText(readBlocks(fragment));

/** True when the blocks hold more than plain lines: a heading, a list, bold, italic or a link. */
export const isRichText = (blocks: Block[]) =>
  !blocks.every((b) => b.type === 'paragraph' && b.runs.every((r) => !r.bold && !r.italic && !r.link));

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBlocks, readPlainText, writeBlocks, writePlainText } from '../../shared/plan/richText';
import type { Block } from '../../shared/plan/types';

const blocks: Block[] = [
  { type: 'heading', level: 2, runs: [{ text: '1. Vision' }] },
  { type: 'paragraph', runs: [{ text: 'Läs mer på: ' }, { text: 'https://www.sekom.se', link: 'https://www.sekom.se' }] },
  { type: 'bulletList', items: [[{ text: 'Delta med både politiker' }], [{ text: 'Rapportera gröna nyckeltal' }]] },
  { type: 'orderedList', items: [[{ text: 'Förebilder', bold: true }, { text: ' i arbetet' }], [{ text: 'kursivt', italic: true }]] },
];

describe('rich text in the plan document', () => {
  it('reads back the blocks it wrote, marks and links included', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('t');
    writeBlocks(fragment, blocks);
    expect(readBlocks(fragment)).toEqual(blocks);
  });

  it('reads a link to anything but a web or e-mail address as plain text', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('t');
    const unsafe = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'java\tscript:alert(1)', ' JAVASCRIPT:alert(1)', 'vbscript:x', '/relativ'];
    const safe = ['https://www.sekom.se', 'mailto:kansli@sekom.se'];
    writeBlocks(fragment, [{ type: 'paragraph', runs: [...unsafe, ...safe].map((link, i) => ({ text: `länk ${i} `, link })) }]);
    const [read] = readBlocks(fragment);
    expect(read.type === 'paragraph' && read.runs.map((r) => r.link)).toEqual([...unsafe.map(() => undefined), ...safe]);
  });

  it('survives the trip to another replica', () => {
    const a = new Y.Doc();
    writeBlocks(a.getXmlFragment('t'), blocks);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBlocks(b.getXmlFragment('t'))).toEqual(blocks);
  });

  it('keeps plain text line by line, emoji and tabs included', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('t');
    const text = 'rad ett\n\n"citat"\tmed tabb 🌱 åäö';
    writePlainText(fragment, text);
    expect(readPlainText(fragment)).toBe(text);
    writePlainText(fragment, '');
    expect(readPlainText(fragment)).toBe('');
  });
});

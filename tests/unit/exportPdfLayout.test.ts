import { readFileSync } from 'node:fs';
import { getDocumentProxy, extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportSourceFromDoc } from '../../shared/export/exportSourceFromDoc';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { HYPHEN, hyphenateToFit } from '../../server/export/hyphenateToFit';
import { toPdf } from '../../server/export/toPdf';

// The 2025 plan's PDF as a reader leafs through it: long words in the narrow Vad column
// break with a hyphen, a page that goes on with an activity begun on the page before
// names that activity again, and no page is left mostly blank before the action plan.

const seed = parsePlanDocument(readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url)));
const doc = new Y.Doc();
writePlanDocument(doc, seed);

describe('the PDF of the 2025 plan', async () => {
  const pdf = await toPdf(exportSourceFromDoc(doc), { statusNotes: true, comments: 'none' }, { date: '2025-05-23T10:00:00Z' });
  const { text: pages } = await extractText(new Uint8Array(pdf), { mergePages: false });
  const all = pages.join('\n');
  /** Lines of text, a word hyphenated at a line's end joined again. */
  const unhyphenated = all.replace(/\u2010\n/g, '');

  it('breaks long words in the Vad column at a syllable, with a hyphen', () => {
    for (const word of ['miljökommunnätverket', 'ekokommunnätverket']) {
      expect(unhyphenated).toContain(word);
      // Never split over two lines without a hyphen, at any letter.
      for (let at = 1; at < word.length; at++) expect(all, word).not.toContain(`${word.slice(0, at)}\n${word.slice(at)}`);
    }
    expect(all).toMatch(/miljökommun\S*\u2010\n\S*verket ICLEI/);
  });

  it('names the activity again, marked as continued, where its rows go on at the top of a page', () => {
    const flat = pages.map((p) => p.replace(/\u2010\n/g, '').replace(/\s+/g, ' '));
    const page = flat.find((p) => p.includes('Delta i planering av Sustainable Sweden tours'))!;
    expect(page).toMatch(/^Vad Hur Vem När\/Resurs Status Prio Nordamerikanska ekokommunnätverket \(forts\.\) Delta i planering av/);
    // The first part keeps the plain name, once.
    expect(unhyphenated.match(/Nordamerikanska\s+ekokommunnätverket(?! \(forts)/g)).toHaveLength(1);
  });

  it('fills the page before the action plan instead of leaving it mostly blank', async () => {
    const proxy = await getDocumentProxy(new Uint8Array(pdf));
    const actionPlan = pages.findIndex((p) => p.trimStart().startsWith('Handlingsplan för 2025'));
    expect(actionPlan).toBeGreaterThan(0);
    const page = await proxy.getPage(actionPlan); // 1-based: the page before
    const height = page.view[3];
    const { items } = await page.getTextContent();
    const bodyLines = (items as Array<{ str: string; transform: number[] }>).filter((i) => i.str.trim() && !/^Sida \d+ av \d+$/.test(i.str));
    // How far down the page the last line of text is, from the top.
    const lowest = Math.max(...bodyLines.map((i) => (height - i.transform[5]) / height));
    expect(lowest).toBeGreaterThan(0.6);
  });
});

describe('hyphenating a word to fit its column', () => {
  const measure = (s: string) => s.length; // one point a character
  const syllables = (w: string) => w.match(/[^aeiouyåäö]*[aeiouyåäö]+(?:[^aeiouyåäö]*$)?/g) ?? [w];

  it('leaves words that fit alone, and breaks the others where a line must end, with a hyphen', () => {
    expect(hyphenateToFit('Det internationella ICLEI', 20, measure, syllables)).toBe('Det internationella ICLEI');
    const out = hyphenateToFit('Det miljökommunnätverket ICLEI', 10, measure, syllables);
    expect(out.replaceAll(HYPHEN, '')).toBe('Det miljökommunnätverket ICLEI');
    const lines = out.split(' ')[1].split(new RegExp(`(?<=${HYPHEN})`));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(10);
  });
});

import type { TextRun } from '../../../shared/plan/types';
import { child, elements, isOn, textOf, type XmlElement } from './xmlTree';
import type { WordContext } from './WordContext';

/** One paragraph of a Word file, as text runs and what its style makes of it. */
export interface WordParagraph {
  runs: TextRun[];
  /** The paragraph's text: its runs joined. */
  text: string;
  styleId: string | undefined;
  /** Heading level 1–9 of its style, or null. */
  heading: number | null;
  /** In the Title style. */
  title: boolean;
  /** All its text is bold (directly or by its style): how a direction heading is often set. */
  bold: boolean;
  /** Its list, when it is an item of one. */
  list: { numId: string; ordered: boolean } | null;
}

/** Tracked changes met while reading, for the warning that they were accepted. */
export interface Revisions {
  insertions: number;
  deletions: number;
}

// Spaces that do not break are spaces to the plan; a soft hyphen is a hint for line
// breaking only. Typographic quotes and dashes are text and kept.
const normalise = (text: string) => text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\u00ad/g, '');

interface RunState {
  bold: boolean;
  italic: boolean;
  link?: string;
}

function addRun(runs: TextRun[], text: string, state: RunState) {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && !!last.bold === state.bold && !!last.italic === state.italic && last.link === state.link) {
    last.text += text;
    return;
  }
  const run: TextRun = { text };
  if (state.bold) run.bold = true;
  if (state.italic) run.italic = true;
  if (state.link !== undefined) run.link = state.link;
  runs.push(run);
}

const HYPERLINK_FIELD = /^\s*HYPERLINK\s+"([^"]*)"/;

/** What is read of one paragraph so far: its runs, the fields it is inside, and whether all its text is bold. */
interface Reading {
  ctx: WordContext;
  revisions: Revisions;
  styleId: string | undefined;
  runs: TextRun[];
  // Complex fields: instructions between begin and separate, the result after it.
  fields: Array<{ instr: string; link?: string; inResult: boolean }>;
  allBold: boolean;
  anyText: boolean;
}

function fieldLink(reading: Reading): string | undefined {
  for (let k = reading.fields.length - 1; k >= 0; k--) if (reading.fields[k].inResult && reading.fields[k].link) return reading.fields[k].link;
  return undefined;
}

function readRun(reading: Reading, r: XmlElement, link: string | undefined): void {
  const { ctx, fields } = reading;
  const rPr = child(r, 'w:rPr');
  const rStyle = child(rPr, 'w:rStyle')?.attrs['w:val'];
  const bold = isOn(child(rPr, 'w:b')) ?? ctx.bold(rStyle);
  const italic = isOn(child(rPr, 'w:i')) ?? ctx.italic(rStyle);
  const state: RunState = { bold, italic, link: link ?? fieldLink(reading) };
  for (const c of elements(r)) {
    let text = '';
    if (c.name === 'w:t') text = normalise(textOf(c));
    else if (c.name === 'w:tab' || c.name === 'w:ptab') text = '\t';
    else if (c.name === 'w:br') text = c.attrs['w:type'] === 'page' || c.attrs['w:type'] === 'column' ? '' : '\n';
    else if (c.name === 'w:cr') text = '\n';
    else if (c.name === 'w:noBreakHyphen') text = '-';
    else if (c.name === 'w:fldChar') {
      const type = c.attrs['w:fldCharType'];
      if (type === 'begin') fields.push({ instr: '', inResult: false });
      else if (type === 'separate' && fields.length) {
        const f = fields[fields.length - 1];
        f.inResult = true;
        f.link = HYPERLINK_FIELD.exec(f.instr)?.[1];
      } else if (type === 'end') fields.pop();
      state.link = link ?? fieldLink(reading);
    } else if (c.name === 'w:instrText' && fields.length) fields[fields.length - 1].instr += textOf(c);
    // Field instructions are no text of the paragraph.
    if (text === '' || fields.some((f) => !f.inResult)) continue;
    if (text.trim() !== '') {
      reading.anyText = true;
      if (!(bold || ctx.bold(reading.styleId))) reading.allBold = false;
    }
    addRun(reading.runs, text, state);
  }
}

function walk(reading: Reading, el: XmlElement, link: string | undefined): void {
  for (const c of elements(el)) {
    switch (c.name) {
      case 'w:r':
        readRun(reading, c, link);
        break;
      case 'w:hyperlink': {
        // Word keeps an address's fragment apart, as the anchor; alone, an anchor is a place in the document.
        const target = reading.ctx.link(c.attrs['r:id']);
        const anchor = c.attrs['w:anchor'];
        walk(reading, c, target === undefined ? link : anchor === undefined ? target : `${target}#${anchor}`);
        break;
      }
      case 'w:ins':
      case 'w:moveTo':
        reading.revisions.insertions++;
        walk(reading, c, link);
        break;
      case 'w:del':
      case 'w:moveFrom':
        reading.revisions.deletions++;
        break;
      case 'w:fldSimple':
        walk(reading, c, HYPERLINK_FIELD.exec(c.attrs['w:instr'] ?? '')?.[1] ?? link);
        break;
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:dir':
      case 'w:bdo':
        walk(reading, c, link);
        break;
      case 'w:sdt':
        walk(reading, child(c, 'w:sdtContent') ?? c, link);
        break;
    }
  }
}

/**
 * Reads a paragraph's runs in document order: tracked insertions are taken and
 * deletions left out (the document as it reads with all changes accepted); a link is
 * a hyperlink element or a HYPERLINK field; a run split anywhere, even inside a word,
 * joins its neighbours when their marks are alike.
 */
export function readParagraph(p: XmlElement, ctx: WordContext, revisions: Revisions): WordParagraph {
  const pPr = child(p, 'w:pPr');
  const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'];
  const reading: Reading = { ctx, revisions, styleId, runs: [], fields: [], allBold: true, anyText: false };
  walk(reading, p, undefined);
  const numPr = child(pPr, 'w:numPr');
  const numId = child(numPr, 'w:numId')?.attrs['w:val'] ?? ctx.styleNumId(styleId);
  const level = Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0) || 0;
  return {
    runs: reading.runs,
    text: reading.runs.map((r) => r.text).join(''),
    styleId,
    heading: ctx.headingLevel(styleId, child(pPr, 'w:outlineLvl')?.attrs['w:val']),
    title: ctx.isTitle(styleId),
    bold: reading.anyText && reading.allBold,
    list: ctx.hasList(numId) ? { numId: numId!, ordered: ctx.ordered(numId!, level) } : null,
  };
}

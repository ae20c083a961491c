import { readParagraph, type Revisions, type WordParagraph } from './readParagraph';
import { child, elements, type XmlElement } from './xmlTree';
import type { WordContext } from './WordContext';

export interface WordCell {
  paragraphs: WordParagraph[];
  /** The first grid column the cell covers, and how many it spans. */
  column: number;
  span: number;
  /** Merged down from the cell above (w:vMerge without "restart"). */
  continued: boolean;
}

export interface WordRow {
  /** 1-based, as a person counts the rows of the table, the header row included. */
  number: number;
  cells: WordCell[];
}

export type BodyPart =
  | { kind: 'paragraph'; number: number; paragraph: WordParagraph }
  | { kind: 'table'; number: number; rows: WordRow[] };

/** Children of content controls and custom XML count as the body's own. */
function* flat(el: XmlElement): Generator<XmlElement> {
  for (const c of elements(el)) {
    if (c.name === 'w:sdt') yield* flat(child(c, 'w:sdtContent') ?? c);
    else if (c.name === 'w:customXml') yield* flat(c);
    else yield c;
  }
}

/** The paragraphs of a cell, a table inside it read paragraph by paragraph. */
function cellParagraphs(tc: XmlElement, ctx: WordContext, revisions: Revisions): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (const c of flat(tc)) {
    if (c.name === 'w:p') out.push(readParagraph(c, ctx, revisions));
    else if (c.name === 'w:tbl') {
      for (const tr of flat(c)) for (const inner of tr.name === 'w:tr' ? flat(tr) : []) if (inner.name === 'w:tc') out.push(...cellParagraphs(inner, ctx, revisions));
    }
  }
  return out;
}

function readTable(tbl: XmlElement, ctx: WordContext, revisions: Revisions): WordRow[] {
  const rows: WordRow[] = [];
  let number = 0;
  for (const tr of flat(tbl)) {
    if (tr.name !== 'w:tr') continue;
    number++;
    const trPr = child(tr, 'w:trPr');
    if (child(trPr, 'w:del')) {
      revisions.deletions++;
      continue;
    }
    if (child(trPr, 'w:ins')) revisions.insertions++;
    // Cells before the first are left out of the grid (w:gridBefore).
    let column = Number(child(trPr, 'w:gridBefore')?.attrs['w:val'] ?? 0) || 0;
    const cells: WordCell[] = [];
    for (const tc of flat(tr)) {
      if (tc.name !== 'w:tc') continue;
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(child(tcPr, 'w:gridSpan')?.attrs['w:val']) || 1);
      const vMerge = child(tcPr, 'w:vMerge');
      const hMerge = child(tcPr, 'w:hMerge');
      if (child(tcPr, 'w:cellDel')) {
        revisions.deletions++;
        continue;
      }
      // An old-style horizontal merge: the continuing cells belong to the first.
      if (hMerge && hMerge.attrs['w:val'] !== 'restart' && cells.length) {
        cells[cells.length - 1].span += span;
        column += span;
        continue;
      }
      cells.push({ paragraphs: cellParagraphs(tc, ctx, revisions), column, span, continued: !!vMerge && vMerge.attrs['w:val'] !== 'restart' });
      column += span;
    }
    rows.push({ number, cells });
  }
  return rows;
}

/** The body's paragraphs and tables in document order, each numbered as a person counts them. */
export function readBody(document: XmlElement, ctx: WordContext, revisions: Revisions): BodyPart[] {
  const body = child(document, 'w:body');
  const parts: BodyPart[] = [];
  let paragraphs = 0;
  let tables = 0;
  for (const el of body ? flat(body) : []) {
    if (el.name === 'w:p') parts.push({ kind: 'paragraph', number: ++paragraphs, paragraph: readParagraph(el, ctx, revisions) });
    else if (el.name === 'w:tbl') parts.push({ kind: 'table', number: ++tables, rows: readTable(el, ctx, revisions) });
  }
  return parts;
}

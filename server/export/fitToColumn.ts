import { createRequire } from 'node:module';
import { hyphenateToFit } from './hyphenateToFit';
import { PDF_FONTS } from './pdfPrinter';

// Swedish hyphenation (TeX's patterns, from the hyphen package) and widths measured by
// PDFKit with the very fonts pdfmake sets the text in, so a word is split exactly where
// the printed line would have to end.

const require = createRequire(import.meta.url);
// CommonJS without named exports Node can see: required, as pdfmake is.
const { hyphenateSync } = require('hyphen/sv') as typeof import('hyphen/sv');

interface PdfKitDocument {
  font(file: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  widthOfString(text: string): number;
}

const SOFT_HYPHEN = '\u00AD';
/** Room left for rounding between our measure and pdfmake's, in points. */
const SLACK = 0.5;

let measurer: PdfKitDocument | null = null;
// The same words come back in every cell and every layout pass: measured once each.
const widths = new Map<string, number>();
const MAX_CACHED = 50_000;

function widthOf(text: string, italics: boolean, size: number): number {
  const key = `${italics ? 'i' : 'n'}${size}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (!measurer) {
    const PDFDocument = require('pdfkit') as new (options: object) => PdfKitDocument;
    measurer = new PDFDocument({ autoFirstPage: false });
  }
  const width = measurer.font(italics ? PDF_FONTS.Roboto.italics : PDF_FONTS.Roboto.normal).fontSize(size).widthOfString(text);
  if (widths.size >= MAX_CACHED) widths.clear();
  widths.set(key, width);
  return width;
}

const syllables = (word: string) => hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 4 }).split(SOFT_HYPHEN);

/** A cell's text with its too-long words hyphenated for a column `width` points wide. */
export function fitToColumn(text: string, width: number, { size, italics = false }: { size: number; italics?: boolean }): string {
  return hyphenateToFit(text, width - SLACK, (t) => widthOf(t, italics, size), syllables);
}

// A word wider than its table column must break somewhere. pdfmake breaks it at any
// letter and shows nothing ("miljökommunnätve / rket"), and it shows no hyphen at a
// soft hyphen either. So the words that cannot fit get a real hyphen at the syllable
// where each line of the word has to end, chosen by measuring them in the column's
// font: pdfmake may break after a hyphen, and the breaks it must take are exactly those.
// It is U+2010 HYPHEN, which the line-breaking rules always allow a break after (a
// hyphen-minus not before a digit), and which tells a reader's program that the word
// was split here, not written with a hyphen.

export const HYPHEN = '\u2010';

/** Width of a text in points in the column's font and size. */
export type Measure = (text: string) => number;

/** A word's syllables, at the points where it may be hyphenated ("mil", "jö", "kom", …). */
export type Syllables = (word: string) => string[];

export function hyphenateToFit(text: string, width: number, measure: Measure, syllables: Syllables): string {
  return text
    .split(/(\s+)/)
    .map((word) => (word.trim() === '' || measure(word) <= width ? word : breakWord(word, width, measure, syllables)))
    .join('');
}

/** Fills each line of the word with as many syllables as fit, a hyphen after each but the last line. */
function breakWord(word: string, width: number, measure: Measure, syllables: Syllables): string {
  const parts = syllables(word);
  const lines: string[] = [];
  let line = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (line === '' || measure(line + part + (last ? '' : HYPHEN)) <= width) line += part;
    else {
      // A part ending in a written hyphen ("Miljö-") needs no second one.
      lines.push(line.endsWith('-') ? line : line + HYPHEN);
      line = part;
    }
  });
  return [...lines, line].join('');
}

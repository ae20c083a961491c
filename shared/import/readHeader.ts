import { ImportError } from './ImportError';
import { unescapeText } from './escapes';
import { isBlank, trimLine, type Line } from './toLines';

export interface Header {
  organisation: string;
  title: string;
  year: number;
  version: string;
  /** Index of the first line after the header. */
  next: number;
}

export const VERSION_LINE = /^version\b/i;
const YEARS = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

/** The last year a line names, if any ("VERKSAMHETSPLAN 2025" -> 2025). */
export const yearIn = (text: string): number | null => {
  const years = text.match(YEARS);
  return years ? Number(years[years.length - 1]) : null;
};

// Title lines are often set in capitals; the plan's title reads in sentence case.
const hasLowerCase = (text: string) => text !== text.toUpperCase();
export const titleCase = (text: string) => (hasLowerCase(text) ? text : text.charAt(0) + text.slice(1).toLowerCase());

/** The organisation (optional), the title with its year, and the version (optional). */
export function readHeader(lines: Line[]): Header {
  const filled = lines.map((_, i) => i).filter((i) => !isBlank(lines[i].text));
  // Lines are recognised as written, so an escape (`\eVersion …`) keeps a text from reading as one.
  const raw = (k: number) => (k < filled.length ? trimLine(lines[filled[k]].text) : '');
  const read = (k: number) => unescapeText(raw(k));
  if (filled.length === 0) throw new ImportError('EMPTY_FILE', { line: 1 }, 'the file is empty');
  let k = 0;
  const organisation = yearIn(raw(0)) === null ? read(k++) : '';
  const titleLine = read(k);
  const year = yearIn(raw(k));
  if (year === null || raw(k).includes('\t')) {
    const line = k < filled.length ? lines[filled[k]].no : lines[lines.length - 1].no;
    throw new ImportError('MISSING_TITLE', { line }, 'expected the plan\'s title with its year, e.g. "VERKSAMHETSPLAN 2025"');
  }
  k++;
  const version = VERSION_LINE.test(raw(k)) ? read(k++) : '';
  return { organisation, title: titleCase(titleLine), year, version, next: k < filled.length ? filled[k] : lines.length };
}

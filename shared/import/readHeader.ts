import { ImportError } from './ImportError';
import { unescapeText } from './escapes';
import { isBlank, trimLine, type Line } from './toLines';
import type { Where } from './where';

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

/** A line (or Word paragraph) of the title part: `raw` as written, `text` its value. */
export interface TitleLine {
  raw: string;
  text: string;
  where: Where;
}

/**
 * The organisation (optional: a first line naming no year), the title with its year,
 * and the version (optional: a line starting with "Version"), from the first non-blank
 * lines; `used` is how many of them they took. Lines are recognised as written, so an
 * escape (`\eVersion …`) keeps a text from reading as one.
 */
export function readTitleLines(lines: TitleLine[], end: Where): Omit<Header, 'next'> & { used: number } {
  const raw = (k: number) => lines[k]?.raw ?? '';
  let k = 0;
  const organisation = yearIn(raw(0)) === null ? (lines[k++]?.text ?? '') : '';
  const year = yearIn(raw(k));
  if (year === null || raw(k).includes('\t')) {
    throw new ImportError('MISSING_TITLE', lines[k]?.where ?? end, 'expected the plan\'s title with its year, e.g. "VERKSAMHETSPLAN 2025"');
  }
  const title = titleCase(lines[k++].text);
  const version = VERSION_LINE.test(raw(k)) ? lines[k++].text : '';
  return { organisation, title, year, version, used: k };
}

/** The organisation (optional), the title with its year, and the version (optional). */
export function readHeader(lines: Line[]): Header {
  const filled = lines.filter((l) => !isBlank(l.text));
  if (filled.length === 0) throw new ImportError('EMPTY_FILE', { line: 1 }, 'the file is empty');
  const titleLines = filled.slice(0, 3).map((l) => {
    const raw = trimLine(l.text);
    return { raw, text: unescapeText(raw), where: { line: l.no } };
  });
  const { used, ...header } = readTitleLines(titleLines, { line: lines[lines.length - 1].no });
  const next = used < filled.length ? lines.indexOf(filled[used]) : lines.length;
  return { ...header, next };
}

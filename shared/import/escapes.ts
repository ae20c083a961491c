// The escapes of the plan text format (docs/plan-text-format.md). Ordinary text
// never needs them: they only let a cell or a text line hold what the layout itself
// uses (tabs, line breaks, spaces at the edges, markup characters).

const NAMED: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', s: ' ', e: '' };
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/** What `\c` stands for, or null when a backslash before `c` is just a backslash. */
export function escapeValue(c: string): string | null {
  if (Object.hasOwn(NAMED, c)) return NAMED[c];
  return ASCII_PUNCTUATION.test(c) ? c : null;
}

/** Resolves the escapes of a cell or a header line. */
export function unescapeText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i] === '\\' && i + 1 < raw.length ? escapeValue(raw[i + 1]) : null;
    if (value === null) out += raw[i];
    else {
      out += value;
      i++;
    }
  }
  return out;
}

const CELL_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A cell's text as written: the reader trims cells, so edge spaces are escaped. */
export const escapeCell = (text: string) => escapeEdgeSpaces(text.replace(/[\\\t\n\r]/g, (c) => CELL_ESCAPES[c]));

/** Spaces at the start and end of a written line or cell as `\s`, which trimming keeps. */
export function escapeEdgeSpaces(raw: string): string {
  const lead = /^ */.exec(raw)![0].length;
  if (lead === raw.length) return '\\s'.repeat(lead);
  const trail = / *$/.exec(raw)![0].length;
  return '\\s'.repeat(lead) + raw.slice(lead, raw.length - trail) + '\\s'.repeat(trail);
}

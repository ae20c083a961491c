/**
 * Where in a file something was read: a line of a text or CSV file, a row of a Word
 * table (both counted from 1, the header row included), or a paragraph of a Word
 * document outside the tables. Null when the whole file is meant.
 */
export type Where = { line: number } | { table: number; row: number } | { paragraph: number };

/** "line 12", "table 2, row 5", "paragraph 40" (the command line's English). */
export function whereText(where: Where): string {
  if ('line' in where) return `line ${where.line}`;
  if ('table' in where) return `table ${where.table}, row ${where.row}`;
  return `paragraph ${where.paragraph}`;
}

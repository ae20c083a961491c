import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportErrorCode } from '../../shared/import/ImportError';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plan-text/${name}`, import.meta.url));
const seed = readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url), 'utf8');
const seedLines = seed.split('\n');
/** 1-based number of the seed line that starts with the text. */
const seedLine = (start: string) => seedLines.findIndex((l) => l.startsWith(start)) + 1;

function importError(input: string | Uint8Array): ImportError {
  try {
    parsePlanDocument(input);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('the document was imported');
}

function expectError(input: string | Uint8Array, code: ImportErrorCode, line: number, says: RegExp) {
  const err = importError(input);
  expect({ code: err.code, line: err.line }).toEqual({ code, line });
  expect(err.message).toMatch(new RegExp(`^line ${line}: `));
  expect(err.message).toMatch(says);
}

describe('malformed plan documents', () => {
  it('the valid fixture the variants are made from imports', () => {
    const doc = parsePlanDocument(fixture('valid-2026.txt'));
    expect(doc.plan.year).toBe(2026);
    expect(doc.plan.directions.map((d) => d.items.length)).toEqual([2, 1]);
  });

  it.each<[string, ImportErrorCode, number, RegExp]>([
    ['missing-table.txt', 'MISSING_TABLE', 18, /"Pådrivare och opinionsbildare" has no action-plan table/],
    ['no-action-plan.txt', 'NO_ACTION_PLAN', 11, /no action plan/],
    ['too-many-columns.txt', 'TOO_MANY_COLUMNS', 16, /7 columns.*6/],
    ['bad-priority.txt', 'INVALID_PRIORITY', 15, /priority "x" must be 1, 2, 3 or empty/],
    ['orphan-continuation.txt', 'ORPHAN_CONTINUATION', 20, /no Vad and there is no row above/],
    ['row-outside-table.txt', 'ROW_OUTSIDE_TABLE', 13, /header row with no direction heading/],
    ['missing-title.txt', 'MISSING_TITLE', 3, /title with its year/],
    ['not-utf8.txt', 'NOT_UTF8', 9, /not UTF-8/],
    ['empty.txt', 'EMPTY_FILE', 1, /empty/],
  ])('%s: %s on line %i', (name, code, line, says) => {
    expectError(fixture(name), code, line, says);
  });

  it('names the heading of a seed direction whose header row is gone', () => {
    const heading = seedLine('Pådrivare och opinionsbildare');
    const broken = seedLines.filter((_, i) => i !== heading).join('\n');
    expectError(broken, 'MISSING_TABLE', heading, /Pådrivare och opinionsbildare/);
  });

  it('names the seed row with a prio of x, or with a seventh column', () => {
    const row = seedLine('Lobbying');
    const withPrio = (prio: string) => seedLines.map((l, i) => (i === row - 1 ? l.replace(/\t2$/, `\t${prio}`) : l)).join('\n');
    expectError(withPrio('x'), 'INVALID_PRIORITY', row, /"x"/);
    expectError(withPrio('4'), 'INVALID_PRIORITY', row, /"4"/);
    expectError(withPrio('2\tmer'), 'TOO_MANY_COLUMNS', row, /7 columns/);
  });

  it('names the first row of a seed table when it is a continuation row', () => {
    const row = seedLine('Sveriges Kommuner och Regioner');
    const broken = seedLines.map((l, i) => (i === row - 1 ? l.replace(/^[^\t]+/, '') : l)).join('\n');
    expectError(broken, 'ORPHAN_CONTINUATION', row, /no row above/);
  });

  it('refuses a file of blank lines, and the seed saved as UTF-16 or Latin-1', () => {
    expectError('\n  \n\t\t\n', 'EMPTY_FILE', 1, /the file is empty/);
    expectError(Buffer.from(`\uFEFF${seed}`, 'utf16le'), 'NOT_UTF8', 1, /save it as UTF-8/);
    expectError(Buffer.from(seed, 'latin1'), 'NOT_UTF8', seedLine('**Redovisas'), /not UTF-8/);
  });

  it('refuses an action plan that ends in a direction heading', () => {
    const end = seedLines.length + 2;
    expectError(`${seed}\n\nNy inriktning\t\t\t\t\t\n`, 'MISSING_TABLE', end, /"Ny inriktning" has no action-plan table/);
  });
});

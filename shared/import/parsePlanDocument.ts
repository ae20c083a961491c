import type { PlanDocument } from '../plan/types';
import { ImportError } from './ImportError';
import { decodeText } from './decodeText';
import { readHeader } from './readHeader';
import { readSections } from './readSections';
import { findActionPlan, readTables } from './readTables';
import { COLUMNS } from './tableRow';
import { isBlank, toLines } from './toLines';

/**
 * Reads a plan document in the format of the seed (docs/plan-text-format.md): the
 * title and year, the strategy and focus text as rich text, and the action-plan
 * tables under their direction headings. Throws an ImportError naming the line on
 * anything it cannot read, so a malformed file imports nothing at all.
 */
export function parsePlanDocument(input: string | Uint8Array): PlanDocument {
  const lines = toLines(decodeText(input));
  const header = readHeader(lines);
  const start = findActionPlan(lines, header.next);
  const sections = readSections(lines, header.next, start === -1 ? lines.length : start);
  if (start === -1) {
    const last = lines.filter((l) => !isBlank(l.text)).pop()!.no;
    throw new ImportError(
      'NO_ACTION_PLAN',
      sections.focusLine ?? last,
      `no action plan follows: expected a direction heading, then a header row (${COLUMNS.join(', ')}) and its rows`,
    );
  }
  return {
    plan: { title: header.title, year: header.year, directions: readTables(lines, start) },
    organisation: header.organisation,
    version: header.version,
    preamble: sections.preamble,
    strategy: sections.strategy,
    focus: sections.focus,
  };
}

import type { PlanDocument } from '../plan/types';
import { ImportError } from './ImportError';
import type { ImportResult } from './ImportResult';
import type { ImportWarning } from './ImportWarning';
import { decodeText } from './decodeText';
import { readActionRows } from './readActionRows';
import { readHeader } from './readHeader';
import { readSections } from './readSections';
import { findActionPlan, textRows } from './readTables';
import { COLUMNS } from './tableRow';
import { isBlank, toLines } from './toLines';

/**
 * Reads a plan document in the format of the seed (docs/plan-text-format.md): the
 * title and year, the strategy and focus text as rich text, and the action-plan
 * tables under their direction headings, with what was read otherwise than written.
 * Throws an ImportError naming the line on anything it cannot read, so a malformed
 * file imports nothing at all.
 */
export function readPlanText(input: string | Uint8Array): ImportResult {
  const lines = toLines(decodeText(input));
  const header = readHeader(lines);
  const start = findActionPlan(lines, header.next);
  const sections = readSections(lines, header.next, start === -1 ? lines.length : start);
  if (start === -1) {
    const last = lines.filter((l) => !isBlank(l.text)).pop()!.no;
    throw new ImportError(
      'NO_ACTION_PLAN',
      { line: sections.focusLine ?? last },
      `no action plan follows: expected a direction heading, then a header row (${COLUMNS.join(', ')}) and its rows`,
      { columns: COLUMNS.join(', ') },
    );
  }
  const warnings: ImportWarning[] = [];
  const { directions, itemWhere, directionWhere } = readActionRows(textRows(lines, start), warnings);
  return {
    format: 'text',
    document: {
      plan: { title: header.title, year: header.year, directions },
      organisation: header.organisation,
      version: header.version,
      preamble: sections.preamble,
      strategy: sections.strategy,
      focus: sections.focus,
    },
    warnings,
    itemWhere,
    directionWhere,
  };
}

/** The plan document alone (see readPlanText). */
export const parsePlanDocument = (input: string | Uint8Array): PlanDocument => readPlanText(input).document;

import { escapeCell, escapeEdgeSpaces } from '../import/escapes';
import { renderInline } from '../import/inlineRuns';
import { formatWho } from '../import/parties';
import { readBlocks } from '../import/readBlocks';
import { VERSION_LINE, titleCase, yearIn } from '../import/readHeader';
import { isSectionHeading } from '../import/readSections';
import { formatStatusCell } from '../import/statuses';
import { COLUMNS, isHeaderRow } from '../import/tableRow';
import type { Block, PlainDirection, PlainItem, PlainPlan, PlanDocument, TextRun } from '../plan/types';

// The inverse of parsePlanDocument: parsePlanDocument(toPlanText(d)) equals d. Text
// is written as the seed writes it; an escape or an explicit form (docs/
// plan-text-format.md) is used only where plain text would read back differently.

// Object keys in a fixed order, false and undefined left out, so two blocks compare by content.
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== false).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** A paragraph's lines: real line breaks, except where one would leave an empty line. */
function paragraphLines(runs: TextRun[]): string[] {
  const lines: string[] = [];
  for (const line of renderInline(runs, true).split('\n').map(escapeEdgeSpaces)) {
    if (lines.length && (line === '' || lines[lines.length - 1] === '')) lines[lines.length - 1] += `\\n${line}`;
    else lines.push(line);
  }
  return lines;
}

const oneLine = (runs: TextRun[]) => escapeEdgeSpaces(renderInline(runs, false));
/** A line opened by a marker ("-", "1.", "##"); no space after it when the text is empty. */
const marked = (marker: string, runs: TextRun[]) => [marker, oneLine(runs)].filter(Boolean).join(' ');
const listLines = (items: TextRun[][], marker: (i: number) => string) => items.map((runs, i) => marked(marker(i), runs));

function plainBlock(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [oneLine(block.runs)];
    case 'paragraph':
      return paragraphLines(block.runs);
    case 'bulletList':
      return listLines(block.items, () => '-');
    case 'orderedList':
      return listLines(block.items, (i) => `${i + 1}.`);
  }
}

// Forms that always read back as their block: `#` headings, a paragraph opened by the
// empty escape `\e`, an ordered list numbered "1)" (so one item is no "1. Vision").
function explicitBlock(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [marked('#'.repeat(block.level), block.runs)];
    case 'paragraph':
      return [`\\e${oneLine(block.runs)}`];
    case 'bulletList':
      return listLines(block.items, () => '-');
    case 'orderedList':
      return listLines(block.items, (i) => `${i + 1})`);
  }
}

function blockText(block: Block): string {
  const plain = plainBlock(block);
  const readsBack =
    plain.every((line) => line !== '') && !isSectionHeading(plain[0]) && canonical(readBlocks(plain)) === canonical([block]);
  return (readsBack ? plain : explicitBlock(block)).join('\n');
}

function preambleText(runs: TextRun[], version: string): string {
  const lines = paragraphLines(runs);
  const misread = isSectionHeading(lines[0]) || (!version && VERSION_LINE.test(lines[0]));
  return (misread ? [`\\e${lines[0]}`, ...lines.slice(1)] : lines).join('\n');
}

// Title lines are written in capitals, as in the seed, when that reads back the same.
function titleLine(plan: PlainPlan): string {
  const title = yearIn(plan.title) === plan.year ? plan.title : `${plan.title} ${plan.year}`.trim();
  return escapeCell(titleCase(title.toUpperCase()) === title ? title.toUpperCase() : title);
}

function rowText(item: PlainItem, above: PlainItem | undefined): string {
  const rest: string[] = [item.how, formatWho(item.who), item.when, formatStatusCell(item.status, item.statusNote)].map(escapeCell);
  rest.push(item.priority === null ? '' : String(item.priority));
  const empty = !rest.some((c) => c !== '');
  const continues = !empty && above !== undefined && item.activity !== '' && item.activity === above.activity;
  // A row with only Vad would read as a direction heading: name its status explicitly.
  if (empty) rest[3] = escapeCell(formatStatusCell(item.status, item.statusNote, true));
  let vad = continues ? '' : item.activity === '' ? '\\e' : escapeCell(item.activity);
  if (isHeaderRow([vad, rest[0]])) vad += '\\e';
  return [vad, ...rest].join('\t');
}

function tableText(direction: PlainDirection): string {
  const heading = escapeCell(direction.title) || '\\e';
  const rows = direction.items.map((item, i) => rowText(item, direction.items[i - 1]));
  return [heading + '\t'.repeat(COLUMNS.length - 1), COLUMNS.join('\t'), ...rows].join('\n');
}

/** The plan document as text in the format of the seed (docs/plan-text-format.md). */
export function toPlanText(doc: PlanDocument): string {
  const parts = [
    doc.organisation && escapeCell(doc.organisation),
    titleLine(doc.plan),
    doc.version && escapeCell(doc.version),
    doc.preamble.length ? preambleText(doc.preamble, doc.version) : '',
    'Verksamhetsstrategi',
    ...doc.strategy.map(blockText),
    `Handlingsplan för ${doc.plan.year}`,
    ...doc.focus.map(blockText),
    ...doc.plan.directions.map(tableText),
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

import { Paragraph, ShadingType, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { ExportDirection, ExportRow } from '../../shared/export/buildExportView';
import { TABLE_COLUMNS } from '../../shared/export/sectionBlocks';
import { formatWhoList } from '../../shared/import/parties';
import { statusNamedBy } from '../../shared/import/statuses';
import { STATUS_NOTE_STYLE, STATUS_STYLE } from '../import/word/wordRows';
import { blockParagraphs, textRuns, wordSafe } from './docxBlocks';

// One table per direction, as in the document the annual meeting receives: a header
// row repeated on every page, and an activity's Vad in one cell merged down over its
// continuation rows.

/** Column widths in twentieths of a point; they add up to the text width of A4 with 2 cm margins. */
export const COLUMN_WIDTHS = [1750, 2660, 1900, 1500, 1188, 640];
export const TEXT_WIDTH = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
const SIZE = 18; // 9 pt: six columns on a portrait page
const HEADER_FILL = 'D9EAD3';
const TIGHT = { after: 0 };

function cell(text: string, column: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}, paragraphs?: Paragraph[]) {
  return new TableCell({
    width: { size: COLUMN_WIDTHS[column], type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: paragraphs ?? wordSafe(text).split('\n').map((line) => new Paragraph({ spacing: TIGHT, children: textRuns(line, { size: SIZE }) })),
    ...extra,
  });
}

/**
 * The category, and the document's own status text under it in italics when it says
 * more. Their paragraph styles tell them apart when the file is imported again; a text
 * that says just the category ("pågår") stands in its place, in its own words.
 */
function statusCell(row: ExportRow, notes: boolean) {
  const note = notes ? row.item.statusNote : '';
  const label = (text: string, style: string) => new Paragraph({ spacing: TIGHT, style, children: textRuns(text, { size: SIZE }) });
  if (note === '') return cell('', 4, {}, [label(row.statusLabel, STATUS_STYLE)]);
  // A note the view left out either says just the category (written in its place) or
  // names another status, which the document must not print beside this one.
  if (row.statusNote === '' && note.trim() !== '') {
    const own = statusNamedBy(note) === row.item.status;
    return cell('', 4, {}, [own ? label(note, STATUS_NOTE_STYLE) : label(row.statusLabel, STATUS_STYLE)]);
  }
  return cell('', 4, {}, [
    label(row.statusLabel, STATUS_STYLE),
    new Paragraph({ spacing: TIGHT, style: STATUS_NOTE_STYLE, children: textRuns(note, { size: SIZE - 2, italics: true, color: '444444' }) }),
  ]);
}

/** Hur: plain lines, or its lists, bold, italic and links where it has them. */
function howCell(row: ExportRow, nextListInstance: () => number) {
  const { item } = row;
  if (!item.howRich) return cell(item.how, 1);
  return cell('', 1, {}, blockParagraphs(item.howRich, nextListInstance, false, { spacing: TIGHT, size: SIZE }));
}

function headerRow() {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TABLE_COLUMNS.map((title, i) =>
      cell('', i, { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } }, [
        new Paragraph({ spacing: TIGHT, children: textRuns(title, { size: SIZE, bold: true }) }),
      ]),
    ),
  });
}

export function actionTable(direction: ExportDirection, statusNotes: boolean, nextListInstance: () => number): Table {
  const rows = direction.groups.flatMap((group) =>
    group.rows.map((row, i) => {
      const { item } = row;
      const vad = i === 0 ? [cell(group.activity, 0, { rowSpan: group.rows.length, verticalAlign: VerticalAlign.TOP })] : [];
      return new TableRow({
        cantSplit: true,
        children: [
          ...vad,
          howCell(row, nextListInstance),
          cell(formatWhoList(item.who), 2),
          cell(item.when, 3),
          statusCell(row, statusNotes),
          cell(item.priority === null ? '' : String(item.priority), 5),
        ],
      });
    }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    rows: [headerRow(), ...rows],
  });
}

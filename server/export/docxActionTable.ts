import { Paragraph, ShadingType, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { ExportDirection, ExportRow } from '../../shared/export/buildExportView';
import { TABLE_COLUMNS } from '../../shared/export/sectionBlocks';
import { textRuns, wordSafe } from './docxBlocks';

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

function statusCell(row: ExportRow) {
  const paragraphs = [new Paragraph({ spacing: TIGHT, children: textRuns(row.statusLabel, { size: SIZE }) })];
  if (row.statusNote) paragraphs.push(new Paragraph({ spacing: TIGHT, children: textRuns(row.statusNote, { size: SIZE - 2, italics: true, color: '444444' }) }));
  return cell('', 4, {}, paragraphs);
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

export function actionTable(direction: ExportDirection): Table {
  const rows = direction.groups.flatMap((group) =>
    group.rows.map((row, i) => {
      const { item } = row;
      const vad = i === 0 ? [cell(group.activity, 0, { rowSpan: group.rows.length, verticalAlign: VerticalAlign.TOP })] : [];
      return new TableRow({
        cantSplit: true,
        children: [
          ...vad,
          cell(item.how, 1),
          cell(item.who.join(', '), 2),
          cell(item.when, 3),
          statusCell(row),
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

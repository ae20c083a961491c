import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx';
import { buildExportView, type ExportView } from '../../shared/export/buildExportView';
import { actionPlanTitle, sectionBlocks, STRATEGY_TITLE } from '../../shared/export/sectionBlocks';
import { swedishDateTime } from '../../shared/export/swedishDate';
import type { ExportMeta, ExportOptions, ExportSource } from '../../shared/export/types';
import type { Block } from '../../shared/plan/types';
import { STATUS_NOTE_STYLE, STATUS_STYLE } from '../import/word/wordRows';
import { actionTable, TEXT_WIDTH } from './docxActionTable';
import { blockParagraphs, BULLETS, inlineRuns, NUMBERS, textRuns, wordSafe } from './docxBlocks';
import { docxRounds } from './docxRounds';

// The annual meeting's document as a Word file: cover with organisation, title, version
// and the preamble; the strategy; the action plan with one table per direction.

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const SWEDISH = { value: 'sv-SE' };
const FONT = 'Calibri';

function cover(view: ExportView): Paragraph[] {
  const centered = (children: TextRun[], spacing = 240) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacing }, children });
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    centered(textRuns(view.organisation, { size: 28, bold: true })),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: textRuns(view.title) }),
    centered(textRuns(view.version, { size: 24 }), 480),
    new Paragraph({ alignment: AlignmentType.CENTER, children: inlineRuns(view.preamble) }),
  ];
}

function comments(view: ExportView): Paragraph[] {
  if (view.comments.length === 0) return [];
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: textRuns('Kommentarer') })];
  for (const entry of view.comments) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: textRuns(`${entry.direction}: ${entry.activity || entry.how.split('\n')[0]}`) }));
    for (const thread of entry.threads) {
      if (thread.resolved) out.push(new Paragraph({ children: textRuns('Löst tråd', { italics: true }) }));
      for (const c of thread.comments) {
        out.push(
          new Paragraph({
            indent: { left: 360 },
            children: [...textRuns(`${c.author}, ${swedishDateTime(c.at)}: `, { bold: true }), ...textRuns(c.text)],
          }),
        );
      }
    }
  }
  return out;
}

const ownTitles = (view: ExportView) =>
  [
    ['strategy', STRATEGY_TITLE, view.strategy],
    ['focus', actionPlanTitle(view.year), view.focus],
  ].flatMap(([name, title, blocks]) => (sectionBlocks(title as string, blocks as Block[])[0] === (blocks as Block[])[0] ? [name as string] : []));

function body(view: ExportView): FileChild[] {
  let listInstance = 0;
  const next = () => ++listInstance;
  const strategy = blockParagraphs(sectionBlocks(STRATEGY_TITLE, view.strategy), next, true);
  const focus = blockParagraphs(sectionBlocks(actionPlanTitle(view.year), view.focus), next, true);
  const tables = view.directions.flatMap((direction) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: textRuns(direction.title) }),
    actionTable(direction, view.options.statusNotes, next),
  ]);
  return [
    ...cover(view),
    ...strategy,
    ...focus,
    ...tables,
    ...comments(view),
    ...docxRounds(view.rounds),
  ];
}

const header = (view: ExportView) =>
  new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [new TextRun({ text: wordSafe(view.organisation), size: 18, color: '555555' }), new TextRun({ children: [new Tab(), wordSafe(view.dateLine)], size: 18, color: '555555' })],
      }),
    ],
  });

const footer = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 18, color: '555555' })],
      }),
    ],
  });

export function docxDocument(view: ExportView): Document {
  return new Document({
    title: wordSafe(view.title),
    subject: actionPlanTitle(view.year),
    creator: wordSafe(view.organisation) || 'Planbord',
    description: wordSafe(`${view.title}, ${view.version}. ${view.dateLine}`),
    // Says that Planbord wrote the file: importing it again reads it exactly as written.
    customProperties: [
      { name: 'Planbord', value: '1' },
      // Sections whose heading is the plan's own first block rather than one added here.
      { name: 'PlanbordOwnTitles', value: ownTitles(view).join(',') },
    ],
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: SWEDISH }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 48, bold: true, color: '1F3B1F' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F3B1F' }, paragraph: { spacing: { before: 360, after: 160 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1F3B1F' }, paragraph: { spacing: { before: 280, after: 120 } } },
        heading3: { run: { font: FONT, size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
        heading4: { run: { font: FONT, size: 22, bold: true, italics: true }, paragraph: { spacing: { before: 160, after: 60 } } },
        hyperlink: { run: { color: '0B5394', underline: {} } },
      },
      // The status column's category and note; importing the file tells them apart by these.
      paragraphStyles: [
        { id: STATUS_STYLE, name: 'Status', basedOn: 'Normal', quickFormat: false },
        { id: STATUS_NOTE_STYLE, name: 'Statusnotering', basedOn: 'Normal', quickFormat: false },
      ],
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
        { reference: NUMBERS, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 } } },
        headers: { default: header(view) },
        footers: { default: footer() },
        children: body(view),
      },
    ],
  });
}

/** The export as a .docx file. */
export async function toDocx(source: ExportSource, options: ExportOptions, meta: ExportMeta): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(buildExportView(source, options, meta)));
}
